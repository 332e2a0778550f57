#include "stdlib/random/sha512.hpp"

#include <gmp.h>

#include <cstring>
#include <vector>

namespace gilvm {

namespace {

// The round constants are the first 64 bits of the fractional parts of the
// cube roots of the first 80 primes, and the initial hash the same for the
// square roots of the first 8: computed exactly with integer roots instead
// of being transcribed.
struct Constants {
  uint64_t k[80];
  uint64_t h0[8];
  Constants() {
    std::vector<unsigned long> primes;
    for (unsigned long n = 2; primes.size() < 80; ++n) {
      bool prime = true;
      for (unsigned long p : primes)
        if (n % p == 0) prime = false;
      if (prime) primes.push_back(n);
    }
    mpz_t x, mask;
    mpz_init(x);
    mpz_init(mask);
    mpz_ui_pow_ui(mask, 2, 64);
    mpz_sub_ui(mask, mask, 1);
    for (size_t i = 0; i < 80; ++i) {
      mpz_set_ui(x, primes[i]);
      mpz_mul_2exp(x, x, 192);
      mpz_root(x, x, 3);
      mpz_and(x, x, mask);
      k[i] = low64(x);
    }
    for (size_t i = 0; i < 8; ++i) {
      mpz_set_ui(x, primes[i]);
      mpz_mul_2exp(x, x, 128);
      mpz_sqrt(x, x);
      mpz_and(x, x, mask);
      h0[i] = low64(x);
    }
    mpz_clear(x);
    mpz_clear(mask);
  }
  static uint64_t low64(const mpz_t v) {
    uint64_t out = 0;
    size_t count = 0;
    mpz_export(&out, &count, -1, sizeof out, 0, 0, v);
    return out;
  }
};

const Constants& constants() {
  static const Constants c;
  return c;
}

inline uint64_t rotr(uint64_t x, int n) { return (x >> n) | (x << (64 - n)); }

void compress(uint64_t h[8], const uint8_t block[128]) {
  const Constants& c = constants();
  uint64_t w[80];
  for (int i = 0; i < 16; ++i) {
    w[i] = 0;
    for (int j = 0; j < 8; ++j) w[i] = (w[i] << 8) | block[i * 8 + j];
  }
  for (int i = 16; i < 80; ++i) {
    uint64_t s0 = rotr(w[i - 15], 1) ^ rotr(w[i - 15], 8) ^ (w[i - 15] >> 7);
    uint64_t s1 = rotr(w[i - 2], 19) ^ rotr(w[i - 2], 61) ^ (w[i - 2] >> 6);
    w[i] = w[i - 16] + s0 + w[i - 7] + s1;
  }
  uint64_t a = h[0], b = h[1], cc = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7];
  for (int i = 0; i < 80; ++i) {
    uint64_t s1 = rotr(e, 14) ^ rotr(e, 18) ^ rotr(e, 41);
    uint64_t ch = (e & f) ^ (~e & g);
    uint64_t t1 = hh + s1 + ch + c.k[i] + w[i];
    uint64_t s0 = rotr(a, 28) ^ rotr(a, 34) ^ rotr(a, 39);
    uint64_t maj = (a & b) ^ (a & cc) ^ (b & cc);
    uint64_t t2 = s0 + maj;
    hh = g;
    g = f;
    f = e;
    e = d + t1;
    d = cc;
    cc = b;
    b = a;
    a = t1 + t2;
  }
  h[0] += a;
  h[1] += b;
  h[2] += cc;
  h[3] += d;
  h[4] += e;
  h[5] += f;
  h[6] += g;
  h[7] += hh;
}

}  // namespace

std::array<uint8_t, 64> sha512(std::string_view data) {
  uint64_t h[8];
  std::memcpy(h, constants().h0, sizeof h);
  // Message, a 1 bit, zeros, and the 128-bit big-endian bit length.
  std::vector<uint8_t> message(data.begin(), data.end());
  uint64_t bit_length = static_cast<uint64_t>(data.size()) * 8;
  message.push_back(0x80);
  while (message.size() % 128 != 112) message.push_back(0);
  for (int i = 0; i < 8; ++i) message.push_back(0);
  for (int i = 7; i >= 0; --i) message.push_back(static_cast<uint8_t>(bit_length >> (i * 8)));
  for (size_t off = 0; off < message.size(); off += 128) compress(h, message.data() + off);
  std::array<uint8_t, 64> out{};
  for (int i = 0; i < 8; ++i)
    for (int j = 0; j < 8; ++j) out[i * 8 + j] = static_cast<uint8_t>(h[i] >> (56 - 8 * j));
  return out;
}

}  // namespace gilvm
