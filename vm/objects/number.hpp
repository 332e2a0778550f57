// int (beyond the small-int immediate range) and float.
//
// Ints live in a Value as a small int whenever they fit 63 bits; only larger
// magnitudes are heap Int objects holding a GMP integer. Every function that
// produces an int goes through make_int(), which demotes results that fit, so
// a given number always has one representation and small-int fast paths
// never miss a value that could have been small.
#pragma once

#include <gmp.h>

#include <string>

#include "vm/object.hpp"

namespace gilvm {

struct Int : Object {
  mpz_t value;
  explicit Int(Type* t) : Object(t) { mpz_init(value); }
  ~Int() override { mpz_clear(value); }
};

// A float on the heap: one outside the inline range of vm/value.hpp, or an
// instance of a float subclass.
struct Float : Object {
  double value;
  Float(Type* t, double v) : Object(t), value(v) {}
};

Value make_int(int64_t v);
Value make_int(const mpz_t v);          // normalizes to a small int when it fits
Value make_int_from_string(const std::string& decimal);
Value make_boxed_float(double v);  // the heap path of make_float
// A Python float: inline when the double allows, boxed otherwise.
inline Value make_float(double v) {
  Value inline_value;
  if (Value::try_inline_float(v, &inline_value)) return inline_value;
  return make_boxed_float(v);
}
// The double of a float or float-subclass value.
inline double float_value(Value v) {
  return v.is_inline_float() ? v.inline_float_value() : v.as<Float>()->value;
}

// An int-like value (small int, big int or bool) as GMP; false if `v` is not one.
bool is_int_value(Value v);
// Copies any int (small, big, bool) into `out` (initialized by the caller).
void int_to_mpz(Value v, mpz_t out);
// The int64 value of an int if it fits; false otherwise.
bool int_to_int64(Value v, int64_t* out);
double int_to_double(Value v);  // OverflowError when out of range
int int_sign(Value v);          // -1, 0 or 1 for any int
std::string int_to_decimal(Value v);

// Makes GMP's allocation failures throw std::bad_alloc (which the
// interpreter turns into MemoryError) instead of aborting the process.
void install_gmp_allocator();
// Raises MemoryError before an int of about `bits` bits is computed when GMP
// cannot represent it (its sizes are int limb counts: it would abort) or the
// machine cannot hold it. Operations whose result size the script picks
// (x ** n, x << n, x * y, factorial) call it first.
void check_int_result_bits(double bits);
// log2(|z|) for z != 0, without overflow for any size.
double mpz_log2_abs(const mpz_t z);

// A scoped GMP integer for C++ code working on ints: initialized on
// construction (from an int Value, or to zero), cleared on destruction.
struct Mpz {
  mpz_t v;
  Mpz() { mpz_init(v); }
  explicit Mpz(Value x) {
    mpz_init(v);
    int_to_mpz(x, v);
  }
  ~Mpz() { mpz_clear(v); }
  Mpz(const Mpz&) = delete;
  Mpz& operator=(const Mpz&) = delete;
  Value value() const { return make_int(v); }
};

}  // namespace gilvm
