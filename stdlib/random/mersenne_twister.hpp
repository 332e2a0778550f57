// MT19937 with CPython's seeding, so a seeded script draws CPython's
// numbers. Seeding by an int uses init_by_array over the 32-bit words of
// its absolute value (least significant first), as _randommodule.c does.
#pragma once

#include <gmp.h>

#include <array>
#include <cstdint>
#include <vector>

namespace gilvm {

class MersenneTwister {
 public:
  static constexpr int kN = 624;
  MersenneTwister() { seed_words({0}); }
  void seed_words(const std::vector<uint32_t>& key);  // init_by_array
  void seed_mpz(const mpz_t value);                    // abs(value)'s words
  uint32_t next_u32();
  double random();  // 53-bit float in [0, 1)
  void getrandbits(uint64_t k, mpz_t out);
  // State as CPython's getstate: 624 words then the index.
  std::array<uint32_t, kN> state() const { return mt_; }
  int index() const { return index_; }
  void set_state(const std::array<uint32_t, kN>& words, int index) {
    mt_ = words;
    index_ = index;
  }

 private:
  void init_genrand(uint32_t s);
  std::array<uint32_t, kN> mt_{};
  int index_ = kN + 1;
};

}  // namespace gilvm
