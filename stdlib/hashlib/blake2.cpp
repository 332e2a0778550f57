// BLAKE2b and BLAKE2s, written from RFC 7693 with the parameter block of
// the BLAKE2 paper (salt, personalisation, tree hashing), which hashlib's
// blake2b()/blake2s() expose and OpenSSL 3.0 does not.
//
// One template serves both: BLAKE2b works on 64-bit words in 128-byte
// blocks over 12 rounds, BLAKE2s on 32-bit words in 64-byte blocks over 10,
// with different rotation counts. The initial vector is SHA-2's (the
// fractional parts of the square roots of the first eight primes), computed
// exactly with GMP rather than typed in.
//
// The one subtlety is the last block: it must be compressed with the
// final flag set, and nobody knows a block is the last until digest() is
// asked for. So a full buffer is only compressed once more input arrives,
// and digest() finishes a copy of the state.
#include <gmp.h>

#include <cstring>

#include "stdlib/hashlib/digests.hpp"

namespace gilvm {

namespace {

// The message word schedule of each round (RFC 7693, section 2.7).
constexpr uint8_t kSigma[10][16] = {
    {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15}, {14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3},
    {11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4}, {7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8},
    {9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13}, {2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9},
    {12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11}, {13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10},
    {6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5}, {10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0},
};

// The first 64 bits of the fractional part of the square root of p.
uint64_t sqrt_fraction(unsigned long p) {
  mpz_t x;
  mpz_init_set_ui(x, p);
  mpz_mul_2exp(x, x, 128);
  mpz_sqrt(x, x);
  mpz_fdiv_r_2exp(x, x, 64);
  uint64_t out = 0;
  mpz_export(&out, nullptr, -1, sizeof(out), 0, 0, x);
  mpz_clear(x);
  return out;
}

struct InitialVectors {
  uint64_t b[8];
  uint32_t s[8];
  InitialVectors() {
    const unsigned long primes[8] = {2, 3, 5, 7, 11, 13, 17, 19};
    for (int i = 0; i < 8; ++i) {
      b[i] = sqrt_fraction(primes[i]);
      s[i] = static_cast<uint32_t>(b[i] >> 32);
    }
  }
};
const InitialVectors& initial_vectors() {
  static const InitialVectors iv;
  return iv;
}

template <class Word>
Word load_le(const unsigned char* p) {
  Word w = 0;
  for (size_t i = 0; i < sizeof(Word); ++i) w |= Word(p[i]) << (8 * i);
  return w;
}
template <class Word>
void store_le(unsigned char* p, Word w) {
  for (size_t i = 0; i < sizeof(Word); ++i) p[i] = static_cast<unsigned char>(w >> (8 * i));
}
template <class Word>
Word rotr(Word x, unsigned n) {
  return (x >> n) | (x << (8 * sizeof(Word) - n));
}

// Word: uint64_t (b) or uint32_t (s). Rotations R1..R4 of the mixing function.
template <class Word, int Rounds, unsigned R1, unsigned R2, unsigned R3, unsigned R4>
class Blake2 : public Digest {
 public:
  static constexpr size_t kBlock = 16 * sizeof(Word);
  static constexpr size_t kMaxDigest = 8 * sizeof(Word);
  static constexpr size_t kSaltSize = 2 * sizeof(Word);

  Blake2(const Blake2Params& p, const char* name, const Word* iv) : name_(name), digest_size_(p.digest_size) {
    // The parameter block, laid out as the specification's table says,
    // XORed into the initial vector.
    unsigned char block[kMaxDigest] = {};
    block[0] = static_cast<unsigned char>(p.digest_size);
    block[1] = static_cast<unsigned char>(p.key.size());
    block[2] = static_cast<unsigned char>(p.fanout);
    block[3] = static_cast<unsigned char>(p.depth);
    store_le<uint32_t>(block + 4, p.leaf_size);
    if constexpr (sizeof(Word) == 8) {
      store_le<uint64_t>(block + 8, p.node_offset);
      block[16] = static_cast<unsigned char>(p.node_depth);
      block[17] = static_cast<unsigned char>(p.inner_size);
    } else {
      for (int i = 0; i < 6; ++i) block[8 + i] = static_cast<unsigned char>(p.node_offset >> (8 * i));
      block[14] = static_cast<unsigned char>(p.node_depth);
      block[15] = static_cast<unsigned char>(p.inner_size);
    }
    std::memcpy(block + kMaxDigest / 2, p.salt.data(), p.salt.size());
    std::memcpy(block + kMaxDigest / 2 + kSaltSize, p.person.data(), p.person.size());
    for (int i = 0; i < 8; ++i) h_[i] = iv[i] ^ load_le<Word>(block + i * sizeof(Word));
    last_node_ = p.last_node;
    // A key is hashed as a first block of its own, padded with zeros.
    if (!p.key.empty()) {
      unsigned char key_block[kBlock] = {};
      std::memcpy(key_block, p.key.data(), p.key.size());
      update(key_block, kBlock);
    }
  }

  void update(const unsigned char* data, size_t size) override {
    while (size > 0) {
      if (buffered_ == kBlock) {  // more input: the buffered block was not the last
        add_to_counter(kBlock);
        compress(buffer_, false);
        buffered_ = 0;
      }
      size_t take = std::min(size, kBlock - buffered_);
      std::memcpy(buffer_ + buffered_, data, take);
      buffered_ += take;
      data += take;
      size -= take;
    }
  }

  std::string digest(size_t) const override {
    Blake2 copy(*this);
    copy.add_to_counter(copy.buffered_);
    std::memset(copy.buffer_ + copy.buffered_, 0, kBlock - copy.buffered_);
    copy.compress(copy.buffer_, true);
    unsigned char out[kMaxDigest];
    for (int i = 0; i < 8; ++i) store_le<Word>(out + i * sizeof(Word), copy.h_[i]);
    return std::string(reinterpret_cast<const char*>(out), digest_size_);
  }
  std::unique_ptr<Digest> clone() const override { return std::make_unique<Blake2>(*this); }
  const char* name() const override { return name_; }
  size_t digest_size() const override { return digest_size_; }
  size_t block_size() const override { return kBlock; }

 private:
  void add_to_counter(size_t n) {
    counter_[0] += n;
    if (counter_[0] < n) ++counter_[1];
  }

  static void mix(Word* v, int a, int b, int c, int d, Word x, Word y) {
    v[a] = v[a] + v[b] + x;
    v[d] = rotr<Word>(v[d] ^ v[a], R1);
    v[c] = v[c] + v[d];
    v[b] = rotr<Word>(v[b] ^ v[c], R2);
    v[a] = v[a] + v[b] + y;
    v[d] = rotr<Word>(v[d] ^ v[a], R3);
    v[c] = v[c] + v[d];
    v[b] = rotr<Word>(v[b] ^ v[c], R4);
  }

  void compress(const unsigned char* block, bool last) {
    const Word* iv = iv_words();
    Word m[16], v[16];
    for (int i = 0; i < 16; ++i) m[i] = load_le<Word>(block + i * sizeof(Word));
    for (int i = 0; i < 8; ++i) {
      v[i] = h_[i];
      v[i + 8] = iv[i];
    }
    v[12] ^= counter_[0];
    v[13] ^= counter_[1];
    if (last) v[14] = ~v[14];
    if (last && last_node_) v[15] = ~v[15];
    for (int round = 0; round < Rounds; ++round) {
      const uint8_t* s = kSigma[round % 10];
      mix(v, 0, 4, 8, 12, m[s[0]], m[s[1]]);
      mix(v, 1, 5, 9, 13, m[s[2]], m[s[3]]);
      mix(v, 2, 6, 10, 14, m[s[4]], m[s[5]]);
      mix(v, 3, 7, 11, 15, m[s[6]], m[s[7]]);
      mix(v, 0, 5, 10, 15, m[s[8]], m[s[9]]);
      mix(v, 1, 6, 11, 12, m[s[10]], m[s[11]]);
      mix(v, 2, 7, 8, 13, m[s[12]], m[s[13]]);
      mix(v, 3, 4, 9, 14, m[s[14]], m[s[15]]);
    }
    for (int i = 0; i < 8; ++i) h_[i] ^= v[i] ^ v[i + 8];
  }

  static const Word* iv_words() {
    if constexpr (sizeof(Word) == 8)
      return initial_vectors().b;
    else
      return initial_vectors().s;
  }

  const char* name_;
  size_t digest_size_;
  bool last_node_ = false;
  Word h_[8];
  Word counter_[2] = {0, 0};  // bytes hashed so far, low word first
  unsigned char buffer_[kBlock] = {};
  size_t buffered_ = 0;
};

using Blake2b = Blake2<uint64_t, 12, 32, 24, 16, 63>;
using Blake2s = Blake2<uint32_t, 10, 16, 12, 8, 7>;

}  // namespace

std::unique_ptr<Digest> new_blake2b(const Blake2Params& params) {
  return std::make_unique<Blake2b>(params, "blake2b", initial_vectors().b);
}
std::unique_ptr<Digest> new_blake2s(const Blake2Params& params) {
  return std::make_unique<Blake2s>(params, "blake2s", initial_vectors().s);
}

}  // namespace gilvm
