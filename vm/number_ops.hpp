// Arithmetic, comparison and hashing of the numeric types (bool, int, float).
//
// Each binary function returns null when an operand is not a number it
// handles, so the caller (ops.cpp) can fall back to the reflected operand
// and dunder methods; that is Python's NotImplemented, without the object.
#pragma once

#include <cstdint>
#include <string>

#include "vm/value.hpp"

namespace gilvm {

bool is_number(Value v);  // bool, int (any size), float, or subclasses
Value int_binary_op(Value a, Value b, uint32_t op);    // both ints
Value float_binary_op(Value a, Value b, uint32_t op);  // at least one float, other int or float
Value number_binary_op(Value a, Value b, uint32_t op); // either; null if not numbers
// -1, 0, 1; or 2 when unordered (NaN). Operands must be numbers.
int number_compare(Value a, Value b);
int64_t number_hash(Value v);
bool is_float(Value v);

std::string int_repr(Value v);

}  // namespace gilvm
