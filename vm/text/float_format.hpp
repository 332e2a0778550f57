// Conversions between double and text with CPython's rules: repr/str of a
// float, float(str), and the digit layouts of the e/f/g/% presentation types
// shared by format() and %-formatting.
#pragma once

#include <string>
#include <string_view>

namespace gilvm::text {

// repr(x) and str(x) of a Python float: the shortest digit string that
// round-trips, laid out as 1.5, 100.0, 1e+16, 1e-05, inf, -inf, nan, -0.0.
std::string float_repr(double x);

// Appends float_repr(x) to `out` (no temporary string).
void append_float_repr(std::string& out, double x);

// float(text) for a str argument. `text` is stored UTF-8. Accepts
// surrounding whitespace, '_' between digits, any Unicode decimal digits,
// and inf/infinity/nan in any case with an optional sign. Throws ValueError
// "could not convert string to float: <repr of text>".
double parse_float(std::string_view text);

// Options of format_double_digits.
struct FloatLayout {
  // 'e', 'E', 'f', 'F', 'g', 'G', '%' or 'r' (repr: shortest round-trip
  // digits, scientific when the exponent is < -4 or >= 16).
  char type = 'r';
  // Digits after the point (e, f, %) or significant digits (g); ignored by
  // 'r'. Must be >= 0.
  int precision = 0;
  // '#': always write a decimal point; 'g' keeps trailing zeros.
  bool alternate = false;
  // Write ".0" after an integral value in fixed notation (format() with no
  // presentation type: format(1.0, '.3') == '1.0').
  bool add_dot_0 = false;
};

// Appends the text of |x| (no sign) laid out as `layout` says: "inf"/"nan"
// (upper case for E, F, G) or the digits. The caller writes the sign; it
// can tell whether a negative value rounded to zero (format's 'z') with
// digits_are_all_zero.
void append_double_digits(std::string& out, double x, const FloatLayout& layout);

// True when the mantissa of a text produced by append_double_digits is zero
// ("0.00", "0e+00", "0.000%").
bool digits_are_all_zero(std::string_view digits);

}  // namespace gilvm::text
