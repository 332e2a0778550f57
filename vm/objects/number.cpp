#include "vm/objects/number.hpp"

#include <climits>
#include <cmath>
#include <cstdlib>
#include <new>

#include "vm/errors.hpp"
#include "vm/heap/heap.hpp"
#include "vm/text/int_digits_limit.hpp"
#include "vm/types.hpp"

namespace gilvm {

namespace {
// GMP is C, but its allocation calls unwind like any other frames (GCC and
// clang emit unwind tables for C on our targets), so throwing here leaves
// the operands intact; at worst GMP's temporaries leak.
void* gmp_allocate(size_t size) {
  void* p = std::malloc(size);
  if (p == nullptr) throw std::bad_alloc();
  return p;
}
void* gmp_reallocate(void* old, size_t, size_t size) {
  void* p = std::realloc(old, size);
  if (p == nullptr) throw std::bad_alloc();
  return p;
}
void gmp_free(void* p, size_t) { std::free(p); }
}  // namespace

void install_gmp_allocator() { mp_set_memory_functions(gmp_allocate, gmp_reallocate, gmp_free); }

void check_int_result_bits(double bits) {
  constexpr double kGmpMaxBits = static_cast<double>(INT_MAX) * GMP_NUMB_BITS;
  if (bits > kGmpMaxBits) raise_error(exc().MemoryError, "");
  check_allocation_size(bits / 8);
}

double mpz_log2_abs(const mpz_t z) {
  long exponent;
  double mantissa = mpz_get_d_2exp(&exponent, z);
  return static_cast<double>(exponent) + std::log2(std::fabs(mantissa));
}

Value make_int(int64_t v) {
  if (Value::fits_small_int(v)) return Value::small_int(v);
  Int* big = gc_new<Int>(types().int_);
  mpz_set_si(big->value, v);
  return big;
}

Value make_int(const mpz_t v) {
  if (mpz_fits_slong_p(v)) {
    long small = mpz_get_si(v);
    if (Value::fits_small_int(small)) return Value::small_int(small);
  }
  Int* big = gc_new<Int>(types().int_);
  mpz_set(big->value, v);
  heap().note_allocation(mpz_size(v) * sizeof(mp_limb_t));
  return big;
}

Value make_int_from_string(const std::string& decimal) {
  mpz_t v;
  mpz_init_set_str(v, decimal.c_str(), 10);
  Value result = make_int(v);
  mpz_clear(v);
  return result;
}

Value make_boxed_float(double v) { return gc_new<Float>(types().float_, v); }

bool is_int_value(Value v) {
  if (v.is_small_int() || v.is_bool()) return true;
  if (!v.is_object()) return false;
  // Asked of every operand of arithmetic: answer floats and other built-in
  // types without walking the MRO (no built-in type but bool derives int).
  Type* t = v.object()->type;
  if (t == types().int_) return true;
  if (t->is_builtin) return t == types().bool_;
  return t->is_subtype_of(types().int_);
}

void int_to_mpz(Value v, mpz_t out) {
  if (v.is_small_int()) {
    mpz_set_si(out, v.small_int_value());
  } else if (v.is_bool()) {
    mpz_set_si(out, v.is_true() ? 1 : 0);
  } else {
    mpz_set(out, v.as<Int>()->value);
  }
}

int int_sign(Value v) {
  int64_t small;
  if (int_to_int64(v, &small)) return small < 0 ? -1 : small > 0;
  return mpz_sgn(v.as<Int>()->value);
}

bool int_to_int64(Value v, int64_t* out) {
  if (v.is_small_int()) {
    *out = v.small_int_value();
    return true;
  }
  if (v.is_bool()) {
    *out = v.is_true() ? 1 : 0;
    return true;
  }
  const mpz_t& z = v.as<Int>()->value;
  if (!mpz_fits_slong_p(z)) return false;
  *out = mpz_get_si(z);
  return true;
}

double int_to_double(Value v) {
  int64_t small;
  if (int_to_int64(v, &small)) return static_cast<double>(small);
  const mpz_t& z = v.as<Int>()->value;
  if (mpz_sizeinbase(z, 2) > 1024) raise_overflow_error("int too large to convert to float");
  // mpz_get_d truncates; Python rounds half-even. Round via the top 54 bits.
  size_t bits = mpz_sizeinbase(z, 2);
  if (bits <= 53) return mpz_get_d(z);
  mpz_t top, rest;
  mpz_inits(top, rest, nullptr);
  mpz_abs(top, z);
  size_t shift = bits - 54;
  mpz_tdiv_r_2exp(rest, top, shift);
  mpz_tdiv_q_2exp(top, top, shift);
  // top has 54 bits: round its last bit away half-even, with sticky `rest`.
  unsigned long low = mpz_get_ui(top) & 3u;
  bool sticky = mpz_sgn(rest) != 0;
  mpz_tdiv_q_2exp(top, top, 1);
  if ((low & 1u) && (sticky || (low & 2u))) mpz_add_ui(top, top, 1);
  double result = std::ldexp(mpz_get_d(top), static_cast<int>(shift + 1));
  mpz_clears(top, rest, nullptr);
  if (std::isinf(result)) raise_overflow_error("int too large to convert to float");
  return mpz_sgn(z) < 0 ? -result : result;
}

std::string int_to_decimal(Value v) {
  int64_t small;
  if (int_to_int64(v, &small)) return std::to_string(small);
  const mpz_t& z = v.as<Int>()->value;
  // mpz_sizeinbase may overstate by one: refuse early only when certain, so
  // a huge number is not converted just to be rejected.
  size_t estimate = mpz_sizeinbase(z, 10);
  if (estimate > 1) text::check_int_to_str_digits(estimate - 1);
  std::string out(estimate + 2, '\0');
  mpz_get_str(out.data(), 10, z);
  out.resize(std::char_traits<char>::length(out.c_str()));
  text::check_int_to_str_digits(out.size() - (out[0] == '-' ? 1 : 0));
  return out;
}

}  // namespace gilvm
