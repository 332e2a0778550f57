#include "vm/text/float_format.hpp"

#include <locale.h>
#include <stdlib.h>

#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>

#include "vm/native_error.hpp"
#include "vm/text/repr.hpp"
#include "vm/text/unicode_props.hpp"
#include "vm/text/utf8.hpp"

namespace gilvm::text {

namespace {

// Largest double below which every integral value prints as plain digits in
// repr (repr switches to scientific notation at 1e16).
constexpr double kReprFixedLimit = 1e16;

// Writes to_chars output straight into `out`, growing it by at most
// `capacity` bytes, and returns the offset where the new text starts.
template <typename... Args>
std::size_t append_to_chars(std::string& out, std::size_t capacity, Args... args) {
  const std::size_t start = out.size();
  out.resize(start + capacity);
  char* first = out.data() + start;
  auto result = std::to_chars(first, out.data() + out.size(), args...);
  out.resize(static_cast<std::size_t>(result.ptr - out.data()));
  return start;
}

// Capacity that std::to_chars needs for |x| in fixed notation with
// `precision` decimals: up to 309 integer digits, the point, the decimals.
std::size_t fixed_capacity(int precision) { return 312 + static_cast<std::size_t>(precision); }
// ... and in scientific notation: digit, point, decimals, "e+308".
std::size_t scientific_capacity(int precision) { return 8 + static_cast<std::size_t>(precision); }

// Exponent of a scientific to_chars text ("1.25e-07" -> -7).
int exponent_of(std::string_view sci) {
  std::size_t e = sci.find('e');
  int value = 0;
  std::size_t i = e + 2;
  for (; i < sci.size(); ++i) value = value * 10 + (sci[i] - '0');
  return sci[e + 1] == '-' ? -value : value;
}

void append_exponent(std::string& out, char e_char, int exponent) {
  out.push_back(e_char);
  out.push_back(exponent < 0 ? '-' : '+');
  unsigned magnitude = static_cast<unsigned>(exponent < 0 ? -exponent : exponent);
  if (magnitude < 10) out.push_back('0');
  char buf[8];
  auto r = std::to_chars(buf, buf + sizeof buf, magnitude);
  out.append(buf, r.ptr);
}

// The shortest round-trip digits of a finite |x| > 0 in CPython's repr
// layout. std::to_chars in scientific mode without a precision yields the
// shortest digit string d.ddd that reads back as x, plus the decimal
// exponent. CPython then chooses the layout from the position of the
// decimal point, decpt = exponent + 1 (the value is 0.DDD * 10**decpt):
// scientific when decpt <= -4 or decpt > 16, that is for values below 1e-4
// or from 1e16 up; otherwise fixed notation, padding with zeros on either
// side of the digits as needed, and always with at least one digit after
// the point ("100.0").
void append_shortest(std::string& out, double magnitude, bool alternate) {
  char buf[32];
  auto result = std::to_chars(buf, buf + sizeof buf, magnitude, std::chars_format::scientific);
  std::string_view sci(buf, static_cast<std::size_t>(result.ptr - buf));
  const int exponent = exponent_of(sci);
  // Collect the digits without the point.
  char digits[20];
  int ndigits = 0;
  for (char c : sci.substr(0, sci.find('e'))) {
    if (c != '.') digits[ndigits++] = c;
  }
  const int decpt = exponent + 1;
  if (decpt <= -4 || decpt > 16) {
    out.push_back(digits[0]);
    if (ndigits > 1 || alternate) out.push_back('.');
    out.append(digits + 1, static_cast<std::size_t>(ndigits - 1));
    append_exponent(out, 'e', exponent);
  } else if (decpt <= 0) {
    out.append("0.");
    out.append(static_cast<std::size_t>(-decpt), '0');
    out.append(digits, static_cast<std::size_t>(ndigits));
  } else if (decpt >= ndigits) {
    out.append(digits, static_cast<std::size_t>(ndigits));
    out.append(static_cast<std::size_t>(decpt - ndigits), '0');
    out.append(".0");
  } else {
    out.append(digits, static_cast<std::size_t>(decpt));
    out.push_back('.');
    out.append(digits + decpt, static_cast<std::size_t>(ndigits - decpt));
  }
}

// 'g': precision P significant digits (P = 0 counts as 1). With X the
// exponent the value has in scientific notation after rounding to P
// digits, fixed notation is used when -4 <= X < P and scientific otherwise,
// as in C's %g (but see add_dot_0). Trailing zeros of the fraction are then removed, unless the
// alternate form asks to keep them.
void append_general(std::string& out, double magnitude, const FloatLayout& layout) {
  const int precision = layout.precision == 0 ? 1 : layout.precision;
  const std::size_t start = append_to_chars(out, scientific_capacity(precision - 1), magnitude,
                                            std::chars_format::scientific, precision - 1);
  const int exponent = exponent_of(std::string_view(out).substr(start));
  // format() without a type keeps a ".0" on integral values, and so moves
  // to scientific notation one digit earlier: format(100.0, '.3') is
  // '1e+02', not '100.0'.
  const int fixed_limit = layout.add_dot_0 ? precision - 1 : precision;
  bool scientific = exponent < -4 || exponent >= fixed_limit;
  if (!scientific) {
    out.resize(start);
    append_to_chars(out, fixed_capacity(precision - 1 - exponent), magnitude,
                    std::chars_format::fixed, precision - 1 - exponent);
  }
  // Split off the exponent so the mantissa can be edited.
  std::string exponent_text;
  if (scientific) {
    std::size_t e = out.find('e', start);
    exponent_text.assign(out, e);
    out.resize(e);
  }
  const bool has_point = out.find('.', start) != std::string::npos;
  if (!layout.alternate && has_point) {
    while (out.back() == '0') out.pop_back();
    if (out.back() == '.') out.pop_back();
  }
  if (layout.alternate && !has_point) out.push_back('.');
  if (layout.add_dot_0 && !scientific && out.find('.', start) == std::string::npos) {
    out.append(".0");
  }
  if (layout.type == 'G' && scientific) exponent_text[0] = 'E';
  out.append(exponent_text);
}

// repr of a finite magnitude >= 0.
void append_repr_magnitude(std::string& out, double magnitude, bool alternate) {
  if (magnitude < kReprFixedLimit && magnitude == std::trunc(magnitude)) {
    // Integral values (the common 0.0, 1.0, 100.0) print exactly as integers.
    char buf[24];
    auto r = std::to_chars(buf, buf + sizeof buf, static_cast<std::int64_t>(magnitude));
    out.append(buf, r.ptr);
    out.append(".0");
  } else {
    append_shortest(out, magnitude, alternate);
  }
}

char ascii_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }

bool equals_ignoring_case(std::string_view text, std::string_view lower_word) {
  if (text.size() != lower_word.size()) return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (ascii_lower(text[i]) != lower_word[i]) return false;
  }
  return true;
}

bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }

// Copies a run of digits in which single '_' may separate two digits to
// `clean` (without the underscores). Returns false when the run is empty
// or an underscore is misplaced.
bool take_digits(std::string_view text, std::size_t& pos, std::string& clean) {
  const std::size_t begin = pos;
  while (pos < text.size()) {
    char c = text[pos];
    if (is_ascii_digit(c)) {
      clean.push_back(c);
      ++pos;
    } else if (c == '_' && pos > begin && pos + 1 < text.size() &&
               is_ascii_digit(text[pos + 1])) {
      ++pos;
    } else {
      break;
    }
  }
  return pos > begin;
}

// Parses the ASCII body of a float literal (whitespace already stripped).
// Returns false on a syntax error.
bool parse_ascii_float(std::string_view text, double& result) {
  std::size_t pos = 0;
  bool negative = false;
  if (pos < text.size() && (text[pos] == '+' || text[pos] == '-')) {
    negative = text[pos] == '-';
    ++pos;
  }
  std::string_view rest = text.substr(pos);
  if (equals_ignoring_case(rest, "inf") || equals_ignoring_case(rest, "infinity")) {
    result = negative ? -HUGE_VAL : HUGE_VAL;
    return true;
  }
  if (equals_ignoring_case(rest, "nan")) {
    result = negative ? -std::nan("") : std::nan("");
    return true;
  }
  std::string clean;
  clean.reserve(text.size() + 1);
  if (negative) clean.push_back('-');
  bool int_digits = take_digits(text, pos, clean);
  bool frac_digits = false;
  if (pos < text.size() && text[pos] == '.') {
    clean.push_back('.');
    ++pos;
    frac_digits = take_digits(text, pos, clean);
  }
  if (!int_digits && !frac_digits) return false;
  if (pos < text.size() && (text[pos] == 'e' || text[pos] == 'E')) {
    clean.push_back('e');
    ++pos;
    if (pos < text.size() && (text[pos] == '+' || text[pos] == '-')) clean.push_back(text[pos++]);
    if (!take_digits(text, pos, clean)) return false;
  }
  if (pos != text.size()) return false;
  // The syntax is now known to be a plain decimal literal, which strtod
  // converts with correct rounding (overflow gives inf, underflow 0 or a
  // subnormal, as CPython's float() does). Its "C" locale keeps an
  // embedder's decimal comma out of the way.
  static const locale_t c_locale = newlocale(LC_NUMERIC_MASK, "C", locale_t(nullptr));
  result = strtod_l(clean.c_str(), nullptr, c_locale);
  return true;
}

// After the Unicode transformation float() strips only C's whitespace: the
// ASCII separators \x1c-\x1f, which str.isspace accepts, are not stripped.
bool is_ascii_space(char c) {
  return c == ' ' || (c >= '\t' && c <= '\r');
}

[[noreturn]] void throw_not_a_float(std::string_view original) {
  throw_native(ErrorKind::ValueError, "could not convert string to float: " + repr_str(original));
}

}  // namespace

void append_float_repr(std::string& out, double x) {
  if (std::isnan(x)) {
    out.append("nan");
    return;
  }
  if (std::signbit(x)) out.push_back('-');
  const double magnitude = std::fabs(x);
  if (std::isinf(magnitude)) {
    out.append("inf");
  } else {
    append_repr_magnitude(out, magnitude, false);
  }
}

std::string float_repr(double x) {
  std::string out;
  out.reserve(24);
  append_float_repr(out, x);
  return out;
}

void append_double_digits(std::string& out, double x, const FloatLayout& layout) {
  const double magnitude = std::fabs(x);
  const bool upper = layout.type == 'E' || layout.type == 'F' || layout.type == 'G';
  if (!std::isfinite(magnitude)) {
    out.append(std::isnan(magnitude) ? (upper ? "NAN" : "nan") : (upper ? "INF" : "inf"));
    if (layout.type == '%') out.push_back('%');
    return;
  }
  switch (layout.type) {
    case 'r':
      append_repr_magnitude(out, magnitude, layout.alternate);
      return;
    case 'e':
    case 'E': {
      const std::size_t start = append_to_chars(out, scientific_capacity(layout.precision),
                                                magnitude, std::chars_format::scientific,
                                                layout.precision);
      std::size_t e = out.find('e', start);
      if (layout.alternate && layout.precision == 0) out.insert(e++, 1, '.');
      if (upper) out[e] = 'E';
      return;
    }
    case 'f':
    case 'F':
    case '%': {
      const double value = layout.type == '%' ? magnitude * 100.0 : magnitude;
      append_to_chars(out, fixed_capacity(layout.precision), value, std::chars_format::fixed,
                      layout.precision);
      if (layout.alternate && layout.precision == 0) out.push_back('.');
      if (layout.type == '%') out.push_back('%');
      return;
    }
    default:  // 'g', 'G'
      append_general(out, magnitude, layout);
      return;
  }
}

bool digits_are_all_zero(std::string_view digits) {
  for (char c : digits) {
    if (c == 'e' || c == 'E' || c == '%') break;
    if (c >= '1' && c <= '9') return false;
    if (c != '0' && c != '.') return false;  // inf, nan
  }
  return true;
}

double parse_float(std::string_view text) {
  // Python first maps Unicode whitespace to ' ' and Unicode decimal digits
  // to ASCII digits; everything else outside ASCII is a syntax error.
  std::string_view ascii = text;
  std::string transformed;
  if (!is_ascii(text)) {
    transformed.reserve(text.size());
    for (char32_t cp : CodePoints(text)) {
      if (cp < 0x80) {
        transformed.push_back(static_cast<char>(cp));
      } else if (is_space(cp)) {
        transformed.push_back(' ');
      } else if (int digit = decimal_value(cp); digit >= 0) {
        transformed.push_back(static_cast<char>('0' + digit));
      } else {
        throw_not_a_float(text);
      }
    }
    ascii = transformed;
  }
  while (!ascii.empty() && is_ascii_space(ascii.front())) ascii.remove_prefix(1);
  while (!ascii.empty() && is_ascii_space(ascii.back())) ascii.remove_suffix(1);
  double result;
  if (!parse_ascii_float(ascii, result)) throw_not_a_float(text);
  return result;
}

}  // namespace gilvm::text
