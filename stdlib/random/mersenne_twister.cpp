#include "stdlib/random/mersenne_twister.hpp"

namespace gilvm {

namespace {
constexpr int kM = 397;
constexpr uint32_t kMatrixA = 0x9908b0dfu;
constexpr uint32_t kUpperMask = 0x80000000u;
constexpr uint32_t kLowerMask = 0x7fffffffu;
}  // namespace

void MersenneTwister::init_genrand(uint32_t s) {
  mt_[0] = s;
  for (int i = 1; i < kN; ++i) mt_[i] = 1812433253u * (mt_[i - 1] ^ (mt_[i - 1] >> 30)) + static_cast<uint32_t>(i);
  index_ = kN;
}

void MersenneTwister::seed_words(const std::vector<uint32_t>& key) {
  init_genrand(19650218u);
  int i = 1, j = 0;
  const int key_length = static_cast<int>(key.size());
  for (int k = kN > key_length ? kN : key_length; k > 0; --k) {
    mt_[i] = (mt_[i] ^ ((mt_[i - 1] ^ (mt_[i - 1] >> 30)) * 1664525u)) + key[j] + static_cast<uint32_t>(j);
    ++i;
    ++j;
    if (i >= kN) {
      mt_[0] = mt_[kN - 1];
      i = 1;
    }
    if (j >= key_length) j = 0;
  }
  for (int k = kN - 1; k > 0; --k) {
    mt_[i] = (mt_[i] ^ ((mt_[i - 1] ^ (mt_[i - 1] >> 30)) * 1566083941u)) - static_cast<uint32_t>(i);
    ++i;
    if (i >= kN) {
      mt_[0] = mt_[kN - 1];
      i = 1;
    }
  }
  mt_[0] = 0x80000000u;  // non-zero initial array
  index_ = kN;
}

void MersenneTwister::seed_mpz(const mpz_t value) {
  mpz_t a;
  mpz_init(a);
  mpz_abs(a, value);
  std::vector<uint32_t> key;
  size_t count = (mpz_sizeinbase(a, 2) + 31) / 32;
  key.resize(count == 0 ? 1 : count, 0);
  if (mpz_sgn(a) != 0) mpz_export(key.data(), &count, -1, sizeof(uint32_t), 0, 0, a);
  mpz_clear(a);
  seed_words(key);
}

uint32_t MersenneTwister::next_u32() {
  if (index_ >= kN) {
    int k;
    for (k = 0; k < kN - kM; ++k) {
      uint32_t y = (mt_[k] & kUpperMask) | (mt_[k + 1] & kLowerMask);
      mt_[k] = mt_[k + kM] ^ (y >> 1) ^ ((y & 1u) ? kMatrixA : 0u);
    }
    for (; k < kN - 1; ++k) {
      uint32_t y = (mt_[k] & kUpperMask) | (mt_[k + 1] & kLowerMask);
      mt_[k] = mt_[k + (kM - kN)] ^ (y >> 1) ^ ((y & 1u) ? kMatrixA : 0u);
    }
    uint32_t y = (mt_[kN - 1] & kUpperMask) | (mt_[0] & kLowerMask);
    mt_[kN - 1] = mt_[kM - 1] ^ (y >> 1) ^ ((y & 1u) ? kMatrixA : 0u);
    index_ = 0;
  }
  uint32_t y = mt_[index_++];
  y ^= (y >> 11);
  y ^= (y << 7) & 0x9d2c5680u;
  y ^= (y << 15) & 0xefc60000u;
  y ^= (y >> 18);
  return y;
}

double MersenneTwister::random() {
  uint32_t a = next_u32() >> 5, b = next_u32() >> 6;
  return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0);
}

// k random bits: 32-bit words least significant first, the last one
// shifted down to the bits still wanted, as CPython builds them.
void MersenneTwister::getrandbits(uint64_t k, mpz_t out) {
  if (k <= 32) {
    mpz_set_ui(out, k == 0 ? 0 : next_u32() >> (32 - k));
    return;
  }
  size_t words = static_cast<size_t>((k - 1) / 32 + 1);
  std::vector<uint32_t> w(words);
  for (size_t i = 0; i < words; ++i, k -= 32) {
    uint32_t r = next_u32();
    if (k < 32) r >>= (32 - k);
    w[i] = r;
  }
  mpz_import(out, words, -1, sizeof(uint32_t), 0, 0, w.data());
}

}  // namespace gilvm
