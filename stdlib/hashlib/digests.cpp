// MD5, SHA-1 and the SHA-2 family (224, 256, 384, 512), written from RFC
// 1321 and FIPS 180-4. All share one Merkle-Damgard frame (BlockDigest):
// buffer input into blocks, compress each, and pad the last with 0x80,
// zeros and the message length in bits. The round constants are computed
// once from their definitions (sines for MD5; fractional parts of square
// and cube roots of primes for SHA-2, exact with GMP) rather than typed in.
#include "stdlib/hashlib/digests.hpp"

#include <gmp.h>

#include <array>
#include <cmath>
#include <cstring>

namespace gilvm {

const char* const kDigestNames[6] = {"md5", "sha1", "sha224", "sha256", "sha384", "sha512"};

namespace {

inline uint32_t rotl32(uint32_t x, unsigned n) { return (x << n) | (x >> (32 - n)); }
inline uint32_t rotr32(uint32_t x, unsigned n) { return (x >> n) | (x << (32 - n)); }
inline uint64_t rotr64(uint64_t x, unsigned n) { return (x >> n) | (x << (64 - n)); }

inline uint32_t load_le32(const unsigned char* p) {
  return uint32_t(p[0]) | uint32_t(p[1]) << 8 | uint32_t(p[2]) << 16 | uint32_t(p[3]) << 24;
}
inline uint32_t load_be32(const unsigned char* p) {
  return uint32_t(p[3]) | uint32_t(p[2]) << 8 | uint32_t(p[1]) << 16 | uint32_t(p[0]) << 24;
}
inline uint64_t load_be64(const unsigned char* p) { return uint64_t(load_be32(p)) << 32 | load_be32(p + 4); }
void put_le32(std::string& out, uint32_t v) {
  for (int i = 0; i < 4; ++i) out.push_back(static_cast<char>(v >> (8 * i)));
}
void put_be32(std::string& out, uint32_t v) {
  for (int i = 3; i >= 0; --i) out.push_back(static_cast<char>(v >> (8 * i)));
}
void put_be64(std::string& out, uint64_t v) {
  for (int i = 7; i >= 0; --i) out.push_back(static_cast<char>(v >> (8 * i)));
}

// The frame: Derived supplies compress(const unsigned char* block) and
// output() (the digest bytes of its state).
template <class Derived, size_t Block, size_t LengthBytes, bool BigEndianLength>
class BlockDigest : public Digest {
 public:
  void update(const unsigned char* data, size_t size) override {
    total_ += size;
    if (buffered_ > 0) {
      size_t take = std::min(size, Block - buffered_);
      std::memcpy(buffer_ + buffered_, data, take);
      buffered_ += take;
      data += take;
      size -= take;
      if (buffered_ < Block) return;
      self().compress(buffer_);
      buffered_ = 0;
    }
    while (size >= Block) {
      self().compress(data);
      data += Block;
      size -= Block;
    }
    std::memcpy(buffer_, data, size);
    buffered_ = size;
  }
  std::string digest() const override {
    Derived copy = self();
    copy.finish();
    return copy.output();
  }
  std::unique_ptr<Digest> clone() const override { return std::make_unique<Derived>(self()); }
  size_t block_size() const override { return Block; }

  // Pads the message (on a copy: digest() leaves the state as it was).
  void finish() {
    unsigned char length[LengthBytes] = {};
    uint64_t bits_low = total_ << 3, bits_high = total_ >> 61;
    for (size_t i = 0; i < 8; ++i) {
      unsigned char low = static_cast<unsigned char>(bits_low >> (8 * i));
      unsigned char high = static_cast<unsigned char>(bits_high >> (8 * i));
      if (BigEndianLength) {
        length[LengthBytes - 1 - i] = low;
        if (LengthBytes > 8) length[LengthBytes - 9 - i] = high;
      } else {
        length[i] = low;
      }
    }
    static const unsigned char kPad[Block] = {0x80};
    size_t pad = buffered_ < Block - LengthBytes ? Block - LengthBytes - buffered_ : 2 * Block - LengthBytes - buffered_;
    uint64_t saved = total_;
    update(kPad, pad);
    update(length, LengthBytes);
    total_ = saved;
  }

 private:
  Derived& self() { return static_cast<Derived&>(*this); }
  const Derived& self() const { return static_cast<const Derived&>(*this); }
  unsigned char buffer_[Block] = {};
  size_t buffered_ = 0;
  uint64_t total_ = 0;
};

// ---- MD5 ------------------------------------------------------------------

struct Md5Tables {
  uint32_t k[64];
  Md5Tables() {
    for (int i = 0; i < 64; ++i) k[i] = static_cast<uint32_t>(std::floor(std::fabs(std::sin(i + 1.0)) * 4294967296.0));
  }
};
const Md5Tables& md5_tables() {
  static const Md5Tables tables;
  return tables;
}

class Md5 : public BlockDigest<Md5, 64, 8, false> {
 public:
  void compress(const unsigned char* block) {
    static constexpr unsigned kShift[4][4] = {{7, 12, 17, 22}, {5, 9, 14, 20}, {4, 11, 16, 23}, {6, 10, 15, 21}};
    const uint32_t* k = md5_tables().k;
    uint32_t m[16];
    for (int i = 0; i < 16; ++i) m[i] = load_le32(block + 4 * i);
    uint32_t a = h_[0], b = h_[1], c = h_[2], d = h_[3];
    for (int i = 0; i < 64; ++i) {
      uint32_t f;
      int g;
      int round = i / 16;
      if (round == 0) {
        f = (b & c) | (~b & d);
        g = i;
      } else if (round == 1) {
        f = (d & b) | (~d & c);
        g = (5 * i + 1) % 16;
      } else if (round == 2) {
        f = b ^ c ^ d;
        g = (3 * i + 5) % 16;
      } else {
        f = c ^ (b | ~d);
        g = (7 * i) % 16;
      }
      uint32_t next = b + rotl32(a + f + k[i] + m[g], kShift[round][i % 4]);
      a = d;
      d = c;
      c = b;
      b = next;
    }
    h_[0] += a;
    h_[1] += b;
    h_[2] += c;
    h_[3] += d;
  }
  std::string output() const {
    std::string out;
    for (uint32_t v : h_) put_le32(out, v);
    return out;
  }
  const char* name() const override { return "md5"; }
  size_t digest_size() const override { return 16; }

 private:
  uint32_t h_[4] = {0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476};
};

// ---- SHA-1 ----------------------------------------------------------------

class Sha1 : public BlockDigest<Sha1, 64, 8, true> {
 public:
  void compress(const unsigned char* block) {
    uint32_t w[80];
    for (int i = 0; i < 16; ++i) w[i] = load_be32(block + 4 * i);
    for (int i = 16; i < 80; ++i) w[i] = rotl32(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1);
    uint32_t a = h_[0], b = h_[1], c = h_[2], d = h_[3], e = h_[4];
    for (int i = 0; i < 80; ++i) {
      uint32_t f, k;
      if (i < 20) {
        f = (b & c) | (~b & d);
        k = 0x5a827999;
      } else if (i < 40) {
        f = b ^ c ^ d;
        k = 0x6ed9eba1;
      } else if (i < 60) {
        f = (b & c) | (b & d) | (c & d);
        k = 0x8f1bbcdc;
      } else {
        f = b ^ c ^ d;
        k = 0xca62c1d6;
      }
      uint32_t t = rotl32(a, 5) + f + e + k + w[i];
      e = d;
      d = c;
      c = rotl32(b, 30);
      b = a;
      a = t;
    }
    h_[0] += a;
    h_[1] += b;
    h_[2] += c;
    h_[3] += d;
    h_[4] += e;
  }
  std::string output() const {
    std::string out;
    for (uint32_t v : h_) put_be32(out, v);
    return out;
  }
  const char* name() const override { return "sha1"; }
  size_t digest_size() const override { return 20; }

 private:
  uint32_t h_[5] = {0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0};
};

// ---- SHA-2 constants ------------------------------------------------------

// The first `bits` bits of the fractional part of the `root`-th root of p:
// floor(root(p * 2**(root * bits))) mod 2**bits, exactly.
uint64_t root_fraction(unsigned long p, unsigned long root, unsigned bits) {
  mpz_t x;
  mpz_init_set_ui(x, p);
  mpz_mul_2exp(x, x, root * bits);
  mpz_root(x, x, root);
  mpz_fdiv_r_2exp(x, x, bits);
  uint64_t out = 0;
  mpz_export(&out, nullptr, -1, sizeof(out), 0, 0, x);
  mpz_clear(x);
  return out;
}

struct Sha2Tables {
  uint32_t k256[64];
  uint64_t k512[80];
  uint64_t sqrt64[16];  // first 64 fraction bits of the square roots of the first 16 primes
  Sha2Tables() {
    unsigned long primes[80];
    int n = 0;
    for (unsigned long c = 2; n < 80; ++c) {
      bool prime = true;
      for (int i = 0; i < n && primes[i] * primes[i] <= c; ++i)
        if (c % primes[i] == 0) prime = false;
      if (prime) primes[n++] = c;
    }
    for (int i = 0; i < 80; ++i) k512[i] = root_fraction(primes[i], 3, 64);
    for (int i = 0; i < 64; ++i) k256[i] = static_cast<uint32_t>(k512[i] >> 32);
    for (int i = 0; i < 16; ++i) sqrt64[i] = root_fraction(primes[i], 2, 64);
  }
};
const Sha2Tables& sha2_tables() {
  static const Sha2Tables tables;
  return tables;
}

// ---- SHA-256 / SHA-224 ----------------------------------------------------

class Sha256 : public BlockDigest<Sha256, 64, 8, true> {
 public:
  explicit Sha256(bool is224) : is224_(is224) {
    const Sha2Tables& t = sha2_tables();
    for (int i = 0; i < 8; ++i)
      h_[i] = is224 ? static_cast<uint32_t>(t.sqrt64[8 + i]) : static_cast<uint32_t>(t.sqrt64[i] >> 32);
  }
  void compress(const unsigned char* block) {
    const uint32_t* k = sha2_tables().k256;
    uint32_t w[64];
    for (int i = 0; i < 16; ++i) w[i] = load_be32(block + 4 * i);
    for (int i = 16; i < 64; ++i) {
      uint32_t s0 = rotr32(w[i - 15], 7) ^ rotr32(w[i - 15], 18) ^ (w[i - 15] >> 3);
      uint32_t s1 = rotr32(w[i - 2], 17) ^ rotr32(w[i - 2], 19) ^ (w[i - 2] >> 10);
      w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    uint32_t a = h_[0], b = h_[1], c = h_[2], d = h_[3], e = h_[4], f = h_[5], g = h_[6], h = h_[7];
    for (int i = 0; i < 64; ++i) {
      uint32_t S1 = rotr32(e, 6) ^ rotr32(e, 11) ^ rotr32(e, 25);
      uint32_t ch = (e & f) ^ (~e & g);
      uint32_t t1 = h + S1 + ch + k[i] + w[i];
      uint32_t S0 = rotr32(a, 2) ^ rotr32(a, 13) ^ rotr32(a, 22);
      uint32_t maj = (a & b) ^ (a & c) ^ (b & c);
      uint32_t t2 = S0 + maj;
      h = g;
      g = f;
      f = e;
      e = d + t1;
      d = c;
      c = b;
      b = a;
      a = t1 + t2;
    }
    h_[0] += a;
    h_[1] += b;
    h_[2] += c;
    h_[3] += d;
    h_[4] += e;
    h_[5] += f;
    h_[6] += g;
    h_[7] += h;
  }
  std::string output() const {
    std::string out;
    for (int i = 0; i < (is224_ ? 7 : 8); ++i) put_be32(out, h_[i]);
    return out;
  }
  const char* name() const override { return is224_ ? "sha224" : "sha256"; }
  size_t digest_size() const override { return is224_ ? 28 : 32; }

 private:
  bool is224_;
  uint32_t h_[8];
};

// ---- SHA-512 / SHA-384 ----------------------------------------------------

class Sha512 : public BlockDigest<Sha512, 128, 16, true> {
 public:
  explicit Sha512(bool is384) : is384_(is384) {
    const Sha2Tables& t = sha2_tables();
    for (int i = 0; i < 8; ++i) h_[i] = t.sqrt64[is384 ? 8 + i : i];
  }
  void compress(const unsigned char* block) {
    const uint64_t* k = sha2_tables().k512;
    uint64_t w[80];
    for (int i = 0; i < 16; ++i) w[i] = load_be64(block + 8 * i);
    for (int i = 16; i < 80; ++i) {
      uint64_t s0 = rotr64(w[i - 15], 1) ^ rotr64(w[i - 15], 8) ^ (w[i - 15] >> 7);
      uint64_t s1 = rotr64(w[i - 2], 19) ^ rotr64(w[i - 2], 61) ^ (w[i - 2] >> 6);
      w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    uint64_t a = h_[0], b = h_[1], c = h_[2], d = h_[3], e = h_[4], f = h_[5], g = h_[6], h = h_[7];
    for (int i = 0; i < 80; ++i) {
      uint64_t S1 = rotr64(e, 14) ^ rotr64(e, 18) ^ rotr64(e, 41);
      uint64_t ch = (e & f) ^ (~e & g);
      uint64_t t1 = h + S1 + ch + k[i] + w[i];
      uint64_t S0 = rotr64(a, 28) ^ rotr64(a, 34) ^ rotr64(a, 39);
      uint64_t maj = (a & b) ^ (a & c) ^ (b & c);
      uint64_t t2 = S0 + maj;
      h = g;
      g = f;
      f = e;
      e = d + t1;
      d = c;
      c = b;
      b = a;
      a = t1 + t2;
    }
    h_[0] += a;
    h_[1] += b;
    h_[2] += c;
    h_[3] += d;
    h_[4] += e;
    h_[5] += f;
    h_[6] += g;
    h_[7] += h;
  }
  std::string output() const {
    std::string out;
    for (int i = 0; i < (is384_ ? 6 : 8); ++i) put_be64(out, h_[i]);
    return out;
  }
  const char* name() const override { return is384_ ? "sha384" : "sha512"; }
  size_t digest_size() const override { return is384_ ? 48 : 64; }

 private:
  bool is384_;
  uint64_t h_[8];
};

}  // namespace

std::unique_ptr<Digest> new_digest(const std::string& name) {
  if (name == "md5") return std::make_unique<Md5>();
  if (name == "sha1") return std::make_unique<Sha1>();
  if (name == "sha224") return std::make_unique<Sha256>(true);
  if (name == "sha256") return std::make_unique<Sha256>(false);
  if (name == "sha384") return std::make_unique<Sha512>(true);
  if (name == "sha512") return std::make_unique<Sha512>(false);
  return nullptr;
}

}  // namespace gilvm
