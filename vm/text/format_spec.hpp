// The format-spec mini-language of format(), str.format and f-strings:
//
//   [[fill]align][sign][z][#][0][width][grouping][.precision][type]
//
// parse_format_spec turns the text after ':' into a FormatSpec; format_str,
// format_int and format_float apply it to a value, with CPython 3.11's
// results and error messages. Errors are NativeError(ValueError) unless
// noted. An empty spec must produce str(value): for int and float these
// functions already do; for bool (whose str is "True") the caller must
// call str() itself, as int.__format__ does.
#pragma once

#include <gmp.h>

#include <cstdint>
#include <string>
#include <string_view>

namespace gilvm::text {

// Which __format__ parses the spec; it sets the default type and alignment.
enum class FormatKind {
  kStr,    // default type 's', default alignment '<'
  kInt,    // default type 'd', default alignment '>'
  kFloat,  // no default type, default alignment '>'
};

struct FormatSpec {
  char32_t fill = ' ';
  // '<', '>', '^' or '='; parse_format_spec resolves the default, including
  // the '=' implied by a leading '0' on numbers.
  char align = '>';
  char sign = 0;             // '+', '-', ' ' or 0 when not given
  bool no_neg_zero = false;  // 'z'
  bool alternate = false;    // '#'
  char grouping = 0;         // ',', '_' or 0
  std::int64_t width = -1;      // -1 when not given
  std::int64_t precision = -1;  // -1 when not given
  // The presentation type, or the kind's default when not given; 0 means
  // "none" (only floats have no default). A char32_t because a bad spec may
  // end in any code point, which the error message shows.
  char32_t type = 0;
};

// Parses `spec` (UTF-8). `type_name` is the Python type's name for the
// messages ("Invalid format specifier '...' for object of type 'int'").
FormatSpec parse_format_spec(std::string_view spec, FormatKind kind, std::string_view type_name);

// Pads `body` (UTF-8, `body_width` code points) to spec width `width` with
// `fill`, aligned '<', '>' or '^' ('^' puts the odd fill on the right), and
// appends the result to `out`. Nothing is added when the body is wide enough.
void apply_padding(std::string& out, std::string_view body, std::int64_t body_width,
                   char32_t fill, char align, std::int64_t width);

// str.__format__: types 's' and none; precision truncates and width pads,
// both counted in code points.
std::string format_str(std::string_view utf8, const FormatSpec& spec,
                       std::string_view type_name = "str");
std::string format_str(std::string_view utf8, std::string_view spec,
                       std::string_view type_name = "str");

// int.__format__: types b c d o x X n (n is d: no locale grouping), and
// e E f F g G % through float. 'c' raises OverflowError
// "%c arg not in range(0x110000)"; a float type raises OverflowError
// "int too large to convert to float" when the value does not fit.
std::string format_int(const mpz_t value, const FormatSpec& spec, std::string_view type_name = "int");
std::string format_int(std::int64_t value, const FormatSpec& spec, std::string_view type_name = "int");
std::string format_int(std::int64_t value, std::string_view spec, std::string_view type_name = "int");
std::string format_int(const mpz_t value, std::string_view spec, std::string_view type_name = "int");

// float.__format__: types e E f F g G n % and none (repr-like: the shortest
// round-trip digits without a precision, 'g' that keeps a ".0" with one).
// Raises "precision too big" for a precision above 2**31-1.
std::string format_float(double value, const FormatSpec& spec, std::string_view type_name = "float");
std::string format_float(double value, std::string_view spec, std::string_view type_name = "float");

}  // namespace gilvm::text
