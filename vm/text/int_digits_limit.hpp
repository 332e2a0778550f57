// CPython's limit on decimal conversions of big ints (3.11's protection
// against quadratic-time str(int) and int(str)): converting an int of more
// than `int_max_str_digits()` digits to or from a string in a base that is
// not a power of two raises ValueError. 0 means no limit.
// sys.set_int_max_str_digits() changes it for the whole process.
#pragma once

#include <cstddef>

namespace gilvm::text {

constexpr int kDefaultIntMaxStrDigits = 4300;
constexpr int kMinIntMaxStrDigits = 640;  // the smallest non-zero limit allowed

int int_max_str_digits();
void set_int_max_str_digits(int limit);

// Throw NativeError(ValueError) with CPython's message when `digits`
// exceeds the limit: for an int being printed, and for a string being parsed.
void check_int_to_str_digits(std::size_t digits);
void check_str_to_int_digits(std::size_t digits);

}  // namespace gilvm::text
