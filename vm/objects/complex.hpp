// complex: a pair of doubles, always on the heap.
//
// The arithmetic lives here as plain functions on CComplex so that the
// complex type's dunders (vm/builtins/complex_methods.cpp), float's
// negative-base power and the cmath module compute identically, with the
// same operation order as CPython (the low bits of results match).
#pragma once

#include <string>
#include <string_view>

#include "vm/object.hpp"

namespace gilvm {

struct CComplex {
  double real = 0.0;
  double imag = 0.0;
};

struct Complex : Object {
  CComplex value;
  Complex(Type* t, CComplex v) : Object(t), value(v) {}
};

// The complex type (made by vm/bootstrap.cpp). Not in CoreTypes, whose
// header nearly every file includes.
extern Type* g_complex_type;
inline Type* complex_type() { return g_complex_type; }

Value make_complex(CComplex v);  // an exact complex
Value make_complex(Type* type, CComplex v);  // complex or a subclass
// True for complex and its subclasses.
bool is_complex(Value v);
inline CComplex complex_value(Value v) { return v.as<Complex>()->value; }

// What CPython's PyComplex_AsCComplex accepts (cmath's arguments): a
// complex, an object with __complex__, or a real number (__float__,
// __index__). TypeError "must be real number, not T" otherwise.
CComplex to_ccomplex(Value v);

// Arithmetic. Division and powers report their domain errors by raising
// CPython's exceptions: ZeroDivisionError "complex division by zero",
// "0.0 to a negative or complex power", OverflowError "complex
// exponentiation".
CComplex complex_multiply(CComplex a, CComplex b);
CComplex complex_divide(CComplex a, CComplex b);
CComplex complex_power(CComplex a, CComplex b);
// abs(z) with C99's infinities; OverflowError "absolute value too large".
double complex_abs(CComplex z);

// repr(z): 1j, (1+2j), (-0-0j), (nan+infj).
std::string complex_repr(CComplex z);
// complex(text): ValueError "complex() arg is a malformed string".
CComplex parse_complex(std::string_view text);

// Fills the complex type's dict (vm/builtins/complex_methods.cpp).
void install_complex_methods();

namespace text {
// complex.__format__ for a non-empty spec (an empty one is str(z)): types
// e E f F g G n and none, no zero padding and no '=' alignment
// (vm/text/format_spec.cpp, beside float's).
std::string format_complex(double real, double imag, std::string_view spec);
}  // namespace text

}  // namespace gilvm
