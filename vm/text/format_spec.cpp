#include "vm/text/format_spec.hpp"

#include <stdlib.h>

#include <algorithm>
#include <charconv>
#include <climits>
#include <cmath>
#include <cstdio>

#include "vm/native_error.hpp"
#include "vm/objects/complex.hpp"
#include "vm/text/float_format.hpp"
#include "vm/text/int_digits_limit.hpp"
#include "vm/text/unicode_props.hpp"
#include "vm/text/utf8.hpp"

namespace gilvm::text {

namespace {

[[noreturn]] void value_error(std::string message) {
  throw_native(ErrorKind::ValueError, std::move(message));
}

// How CPython shows a presentation-type character inside a message:
// printable ASCII as itself, anything else as \x followed by its hex value
// without padding ('\x0', '\xe9').
std::string describe_type_char(char32_t type) {
  if (type > 32 && type < 128) return std::string(1, static_cast<char>(type));
  char buf[16];
  std::snprintf(buf, sizeof buf, "\\x%x", static_cast<unsigned>(type));
  return buf;
}

[[noreturn]] void unknown_format_code(char32_t type, std::string_view type_name) {
  value_error("Unknown format code '" + describe_type_char(type) + "' for object of type '" +
              std::string(type_name) + "'");
}

bool is_align_char(char32_t c) { return c == '<' || c == '>' || c == '=' || c == '^'; }

// Reads code points of the spec one at a time.
class SpecReader {
 public:
  explicit SpecReader(std::string_view spec) : spec_(spec) {}
  bool done() const { return pos_ >= spec_.size(); }
  char32_t peek(std::size_t ahead = 0) const {
    std::size_t p = pos_;
    char32_t cp = 0;
    for (std::size_t i = 0; i <= ahead; ++i) {
      if (p >= spec_.size()) return 0;
      cp = decode_utf8(spec_, p);
    }
    return cp;
  }
  bool has(std::size_t count) const {
    std::size_t p = pos_;
    for (std::size_t i = 0; i < count; ++i) {
      if (p >= spec_.size()) return false;
      decode_utf8(spec_, p);
    }
    return true;
  }
  char32_t next() { return decode_utf8(spec_, pos_); }
  bool accept(char32_t c) {
    if (done() || peek() != c) return false;
    next();
    return true;
  }
  std::size_t remaining_code_points() const { return code_point_count(spec_.substr(pos_)); }

  // A run of decimal digits (any script, as CPython accepts); returns -1
  // when there is none.
  std::int64_t integer() {
    std::int64_t value = -1;
    while (!done()) {
      int digit = decimal_value(peek());
      if (digit < 0) break;
      next();
      if (value < 0) value = 0;
      if (value > (INT64_MAX - digit) / 10) value_error("Too many decimal digits in format string");
      value = value * 10 + digit;
    }
    return value;
  }

 private:
  std::string_view spec_;
  std::size_t pos_ = 0;
};

}  // namespace

FormatSpec parse_format_spec(std::string_view spec, FormatKind kind, std::string_view type_name) {
  FormatSpec result;
  SpecReader in(spec);
  bool fill_given = false;
  bool align_given = false;
  if (in.has(2) && is_align_char(in.peek(1))) {
    result.fill = in.next();
    result.align = static_cast<char>(in.next());
    fill_given = align_given = true;
  } else if (!in.done() && is_align_char(in.peek())) {
    result.align = static_cast<char>(in.next());
    align_given = true;
  }
  if (!in.done() && (in.peek() == '+' || in.peek() == '-' || in.peek() == ' ')) {
    result.sign = static_cast<char>(in.next());
  }
  result.no_neg_zero = in.accept('z');
  result.alternate = in.accept('#');
  // A '0' before the width means zero padding, unless a fill was given (then
  // it is just part of the width). For numbers it also means '=' alignment
  // when no alignment was given.
  if (!fill_given && in.accept('0')) {
    result.fill = '0';
    if (!align_given && kind != FormatKind::kStr) {
      result.align = '=';
      align_given = true;
    }
  }
  if (!align_given) result.align = kind == FormatKind::kStr ? '<' : '>';
  result.width = in.integer();
  if (in.accept(',')) result.grouping = ',';
  if (!in.done() && in.peek() == '_') {
    if (result.grouping) value_error("Cannot specify both ',' and '_'.");
    in.next();
    result.grouping = '_';
  }
  if (!in.done() && in.peek() == ',' && result.grouping == '_') {
    value_error("Cannot specify both ',' and '_'.");
  }
  if (in.accept('.')) {
    result.precision = in.integer();
    if (result.precision < 0) value_error("Format specifier missing precision");
  }
  if (in.remaining_code_points() > 1) {
    value_error("Invalid format specifier '" + std::string(spec) + "' for object of type '" +
                std::string(type_name) + "'");
  }
  if (!in.done()) {
    result.type = in.next();
  } else {
    result.type = kind == FormatKind::kStr ? 's' : kind == FormatKind::kInt ? 'd' : 0;
  }
  if (result.grouping) {
    switch (result.type) {
      case 'd': case 'e': case 'f': case 'g': case 'E': case 'G': case '%': case 'F': case 0:
        break;
      case 'b': case 'o': case 'x': case 'X':
        if (result.grouping == '_') break;
        [[fallthrough]];
      default:
        value_error(std::string("Cannot specify '") + result.grouping + "' with '" +
                    describe_type_char(result.type) + "'.");
    }
  }
  return result;
}

namespace {

void append_fill(std::string& out, char32_t fill, std::int64_t count) {
  if (count <= 0) return;
  if (fill < 0x80) {
    out.append(static_cast<std::size_t>(count), static_cast<char>(fill));
    return;
  }
  char buf[4];
  std::size_t n = encode_utf8(fill, buf);
  for (std::int64_t i = 0; i < count; ++i) out.append(buf, n);
}

// A formatted number split into the pieces that padding and grouping treat
// differently: [sign][prefix][integer digits][tail]. The tail holds the
// decimal point, fraction, exponent and '%', or "inf"/"nan". All ASCII.
struct NumberParts {
  char sign = 0;
  std::string_view prefix;
  std::string_view int_digits;
  std::string_view tail;
};

// Separator and group size for the integer digits (0 when not grouping).
struct Grouping {
  char separator = 0;
  int size = 0;
};

// Length of `digit_count` digits once separators are inserted.
std::int64_t grouped_length(std::int64_t digit_count, int group_size) {
  if (group_size == 0 || digit_count == 0) return digit_count;
  return digit_count + (digit_count - 1) / group_size;
}

// The fewest digits whose grouped length reaches `room`. Starting just
// below the solution of T + (T - 1) / size >= room (about
// room * size / (size + 1)) keeps huge widths cheap: a few steps remain.
std::int64_t digits_to_fill(std::int64_t room, int group_size) {
  if (room <= 0) return 0;
  if (group_size == 0) return room;
  std::int64_t count = std::max<std::int64_t>(0, room - room / (group_size + 1) - 2);
  while (grouped_length(count, group_size) < room) ++count;
  return count;
}

// Appends `digits` with a separator between groups counted from the right,
// first padding with leading zeros to `total_digits` digits.
void append_grouped(std::string& out, std::string_view digits, std::int64_t total_digits,
                    Grouping grouping) {
  const std::int64_t zeros = total_digits - static_cast<std::int64_t>(digits.size());
  for (std::int64_t i = 0; i < total_digits; ++i) {
    if (grouping.size && i > 0 && (total_digits - i) % grouping.size == 0) {
      out.push_back(grouping.separator);
    }
    out.push_back(i < zeros ? '0' : digits[static_cast<std::size_t>(i - zeros)]);
  }
}

// Lays out a number. Zero padding ('0' fill with '=' alignment, which the
// '0' flag implies) is not ordinary padding: CPython widens the digit
// string itself with leading zeros, and with grouping those zeros are
// grouped too, so format(1234, '010,') is '00,001,234'. The number of digits
// is the smallest count whose grouped length reaches the room left by the
// sign, prefix and tail; since a group can't start with a separator that
// length may overshoot the width by one ('0,000,001,234' for width 12).
// Values without digits (inf, nan) get plain zeros. Any other padding is
// then applied around the whole text, or, for '=', between the sign and
// prefix and the digits.
void append_number(std::string& out, const NumberParts& parts, const FormatSpec& spec,
                   Grouping grouping) {
  const std::int64_t fixed_width = (parts.sign ? 1 : 0) + static_cast<std::int64_t>(parts.prefix.size()) +
                                   static_cast<std::int64_t>(parts.tail.size());
  std::int64_t digit_count = static_cast<std::int64_t>(parts.int_digits.size());
  std::int64_t plain_zeros = 0;  // zero padding of values without digits
  if (spec.fill == '0' && spec.align == '=' && spec.width > 0) {
    const std::int64_t room = spec.width - fixed_width;
    if (digit_count == 0) {
      plain_zeros = room > 0 ? room : 0;
    } else {
      digit_count = std::max(digit_count, digits_to_fill(room, grouping.size));
    }
  }
  const std::int64_t body_width = fixed_width + grouped_length(digit_count, grouping.size) + plain_zeros;
  const std::int64_t padding = spec.width > body_width ? spec.width - body_width : 0;
  std::int64_t left = 0, middle = 0, right = 0;
  switch (spec.align) {
    case '<': right = padding; break;
    case '^': left = padding / 2; right = padding - left; break;
    case '=': middle = padding; break;
    default: left = padding; break;
  }
  out.reserve(out.size() + static_cast<std::size_t>(body_width + padding));
  append_fill(out, spec.fill, left);
  if (parts.sign) out.push_back(parts.sign);
  out.append(parts.prefix);
  append_fill(out, spec.fill, middle);
  out.append(static_cast<std::size_t>(plain_zeros), '0');
  append_grouped(out, parts.int_digits, digit_count, grouping);
  out.append(parts.tail);
  append_fill(out, spec.fill, right);
}

bool needs_layout(const FormatSpec& spec) {
  return spec.width >= 0 || spec.sign == '+' || spec.sign == ' ' || spec.grouping || spec.alternate;
}

// The checks int.__format__ makes before looking at the value.
void check_int_spec(const FormatSpec& spec, std::string_view type_name) {
  switch (spec.type) {
    case 'b': case 'c': case 'd': case 'o': case 'x': case 'X': case 'n':
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case '%':
      break;
    default:
      unknown_format_code(spec.type, type_name);
  }
  if (spec.type == 'e' || spec.type == 'E' || spec.type == 'f' || spec.type == 'F' ||
      spec.type == 'g' || spec.type == 'G' || spec.type == '%') {
    return;  // formatted as a float, which allows everything
  }
  if (spec.precision >= 0) value_error("Precision not allowed in integer format specifier");
  if (spec.no_neg_zero) {
    value_error("Negative zero coercion (z) not allowed in integer format specifier");
  }
  if (spec.type == 'c') {
    if (spec.sign) value_error("Sign not allowed with integer format specifier 'c'");
    if (spec.alternate) {
      value_error("Alternate form (#) not allowed with integer format specifier 'c'");
    }
  }
}

bool is_float_type(char32_t type) {
  return type == 'e' || type == 'E' || type == 'f' || type == 'F' || type == 'g' ||
         type == 'G' || type == '%';
}

std::string format_code_point(long value, const FormatSpec& spec) {
  if (value < 0 || value > 0x10FFFF) {
    throw_native(ErrorKind::OverflowError, "%c arg not in range(0x110000)");
  }
  char buf[4];
  std::size_t n = encode_utf8(static_cast<char32_t>(value), buf);
  std::string out;
  // '=' has no sign to pad after, so it pads on the left like '>'.
  apply_padding(out, std::string_view(buf, n), 1, spec.fill, spec.align == '=' ? '>' : spec.align,
                spec.width);
  return out;
}

int radix_of(char32_t type) {
  switch (type) {
    case 'b': return 2;
    case 'o': return 8;
    case 'x': case 'X': return 16;
    default: return 10;
  }
}

std::string_view prefix_of(char32_t type) {
  switch (type) {
    case 'b': return "0b";
    case 'o': return "0o";
    case 'x': return "0x";
    case 'X': return "0X";
    default: return "";
  }
}

// Lays out the magnitude digits of an integer (any radix) per the spec.
std::string layout_int(std::string_view digits, bool negative, const FormatSpec& spec) {
  NumberParts parts;
  parts.sign = negative ? '-' : (spec.sign == '+' || spec.sign == ' ') ? spec.sign : 0;
  if (spec.alternate) parts.prefix = prefix_of(spec.type);
  parts.int_digits = digits;
  Grouping grouping;
  if (spec.grouping) {
    grouping.separator = spec.grouping;
    grouping.size = radix_of(spec.type) == 10 ? 3 : 4;
  }
  std::string out;
  append_number(out, parts, spec, grouping);
  return out;
}

void uppercase_ascii(std::string& s) {
  for (char& c : s) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
  }
}

// Python's int -> float conversion: correctly rounded, OverflowError when the
// value rounds beyond the largest double. Big values go through a hex
// string, which strtod converts exactly.
double int_to_double(const mpz_t value) {
  if (mpz_sizeinbase(value, 2) <= 53) return mpz_get_d(value);
  std::string hex(mpz_sizeinbase(value, 16) + 4, '\0');
  std::size_t start = mpz_sgn(value) < 0 ? 1 : 0;
  hex[start] = '0';
  hex[start + 1] = 'x';
  if (start) hex[0] = '-';
  mpz_t magnitude;
  mpz_init(magnitude);
  mpz_abs(magnitude, value);
  mpz_get_str(hex.data() + start + 2, 16, magnitude);
  mpz_clear(magnitude);
  double result = strtod(hex.c_str(), nullptr);
  if (std::isinf(result)) {
    throw_native(ErrorKind::OverflowError, "int too large to convert to float");
  }
  return result;
}

}  // namespace

void apply_padding(std::string& out, std::string_view body, std::int64_t body_width,
                   char32_t fill, char align, std::int64_t width) {
  const std::int64_t padding = width > body_width ? width - body_width : 0;
  std::int64_t left = 0;
  if (align == '>') left = padding;
  if (align == '^') left = padding / 2;
  append_fill(out, fill, left);
  out.append(body);
  append_fill(out, fill, padding - left);
}

std::string format_str(std::string_view utf8, const FormatSpec& spec, std::string_view type_name) {
  if (spec.type != 's') unknown_format_code(spec.type, type_name);
  if (spec.sign == ' ') value_error("Space not allowed in string format specifier");
  if (spec.sign) value_error("Sign not allowed in string format specifier");
  if (spec.no_neg_zero) {
    value_error("Negative zero coercion (z) not allowed in string format specifier");
  }
  if (spec.alternate) value_error("Alternate form (#) not allowed in string format specifier");
  if (spec.align == '=') value_error("'=' alignment not allowed in string format specifier");
  if (spec.width < 0 && spec.precision < 0) return std::string(utf8);
  std::string_view body = utf8;
  std::int64_t length;
  if (is_ascii(utf8)) {
    if (spec.precision >= 0 && static_cast<std::uint64_t>(spec.precision) < body.size()) {
      body = body.substr(0, static_cast<std::size_t>(spec.precision));
    }
    length = static_cast<std::int64_t>(body.size());
  } else {
    length = static_cast<std::int64_t>(code_point_count(utf8));
    if (spec.precision >= 0 && spec.precision < length) {
      body = body.substr(0, byte_offset_of(utf8, static_cast<std::size_t>(spec.precision)));
      length = spec.precision;
    }
  }
  std::string out;
  apply_padding(out, body, length, spec.fill, spec.align, spec.width);
  return out;
}

std::string format_str(std::string_view utf8, std::string_view spec, std::string_view type_name) {
  if (spec.empty()) return std::string(utf8);
  return format_str(utf8, parse_format_spec(spec, FormatKind::kStr, type_name), type_name);
}

std::string format_int(std::int64_t value, const FormatSpec& spec, std::string_view type_name) {
  check_int_spec(spec, type_name);
  if (is_float_type(spec.type)) return format_float(static_cast<double>(value), spec, type_name);
  if (spec.type == 'c') return format_code_point(static_cast<long>(value), spec);
  char buf[72];
  // The magnitude as unsigned, so INT64_MIN works.
  std::uint64_t magnitude = value < 0 ? 0 - static_cast<std::uint64_t>(value) : static_cast<std::uint64_t>(value);
  auto end = std::to_chars(buf, buf + sizeof buf, magnitude, radix_of(spec.type)).ptr;
  if (spec.type == 'X') {
    for (char* p = buf; p != end; ++p) {
      if (*p >= 'a' && *p <= 'f') *p = static_cast<char>(*p - 32);
    }
  }
  std::string_view digits(buf, static_cast<std::size_t>(end - buf));
  if (!needs_layout(spec)) {
    std::string out;
    out.reserve(digits.size() + 1);
    if (value < 0) out.push_back('-');
    out.append(digits);
    return out;
  }
  return layout_int(digits, value < 0, spec);
}

std::string format_int(const mpz_t value, const FormatSpec& spec, std::string_view type_name) {
  if (mpz_fits_slong_p(value)) return format_int(std::int64_t{mpz_get_si(value)}, spec, type_name);
  check_int_spec(spec, type_name);
  if (is_float_type(spec.type)) return format_float(int_to_double(value), spec, type_name);
  if (spec.type == 'c') {
    throw_native(ErrorKind::OverflowError, "Python int too large to convert to C long");
  }
  const int radix = radix_of(spec.type);
  if (radix == 10 && mpz_sizeinbase(value, 10) > 1) check_int_to_str_digits(mpz_sizeinbase(value, 10) - 1);
  std::string digits(mpz_sizeinbase(value, radix) + 2, '\0');
  mpz_get_str(digits.data(), radix, value);
  digits.resize(digits.find('\0'));
  const bool negative = digits[0] == '-';
  if (negative) digits.erase(0, 1);
  if (radix == 10) check_int_to_str_digits(digits.size());
  if (spec.type == 'X') uppercase_ascii(digits);
  return layout_int(digits, negative, spec);
}

std::string format_int(std::int64_t value, std::string_view spec, std::string_view type_name) {
  if (spec.empty()) {
    char buf[24];
    return std::string(buf, std::to_chars(buf, buf + sizeof buf, value).ptr);
  }
  return format_int(value, parse_format_spec(spec, FormatKind::kInt, type_name), type_name);
}

std::string format_int(const mpz_t value, std::string_view spec, std::string_view type_name) {
  return format_int(value, parse_format_spec(spec, FormatKind::kInt, type_name), type_name);
}

std::string format_float(double value, const FormatSpec& spec, std::string_view type_name) {
  FloatLayout layout;
  int default_precision = 6;
  switch (spec.type) {
    case 0:
      // No type: repr without a precision; with one, 'g' that keeps ".0".
      layout.type = 'r';
      layout.add_dot_0 = true;
      default_precision = 0;
      break;
    case 'n': layout.type = 'g'; break;
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case '%':
      layout.type = static_cast<char>(spec.type);
      break;
    default:
      unknown_format_code(spec.type, type_name);
  }
  if (spec.precision > INT_MAX) value_error("precision too big");
  if (spec.precision < 0) {
    layout.precision = default_precision;
  } else {
    layout.precision = static_cast<int>(spec.precision);
    if (layout.type == 'r') layout.type = 'g';
  }
  layout.alternate = spec.alternate;
  std::string digits;
  digits.reserve(32);
  append_double_digits(digits, value, layout);
  bool negative = std::signbit(value) && !std::isnan(value);
  if (negative && spec.no_neg_zero && digits_are_all_zero(digits)) negative = false;
  NumberParts parts;
  parts.sign = negative ? '-' : (spec.sign == '+' || spec.sign == ' ') ? spec.sign : 0;
  if (!parts.sign && !needs_layout(spec)) return digits;
  std::size_t int_end = 0;
  while (int_end < digits.size() && digits[int_end] >= '0' && digits[int_end] <= '9') ++int_end;
  parts.int_digits = std::string_view(digits).substr(0, int_end);
  parts.tail = std::string_view(digits).substr(int_end);
  Grouping grouping;
  if (spec.grouping) grouping = Grouping{spec.grouping, 3};
  std::string out;
  append_number(out, parts, spec, grouping);
  return out;
}

std::string format_float(double value, std::string_view spec, std::string_view type_name) {
  if (spec.empty()) return float_repr(value);
  return format_float(value, parse_format_spec(spec, FormatKind::kFloat, type_name), type_name);
}

// complex.__format__ (CPython's format_complex_internal): each part is laid
// out as a float without padding, the imaginary part always signed unless
// the real part is left out, then the whole is padded. With no type the
// parts are repr-like without ".0" and the result is parenthesized unless
// the real part is +0.
std::string format_complex(double real, double imag, std::string_view spec_text) {
  const FormatSpec spec = parse_format_spec(spec_text, FormatKind::kFloat, "complex");
  if (spec.fill == '0') value_error("Zero padding is not allowed in complex format specifier");
  if (spec.align == '=') value_error("'=' alignment flag is not allowed in complex format specifier");
  FloatLayout layout;
  int default_precision = 6;
  bool skip_real = false;
  bool parens = false;
  switch (spec.type) {
    case 0:
      layout.type = 'r';
      default_precision = 0;
      if (real == 0.0 && !std::signbit(real)) skip_real = true;
      else parens = true;
      break;
    case 'n': layout.type = 'g'; break;
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G':
      layout.type = static_cast<char>(spec.type);
      break;
    default:
      unknown_format_code(spec.type, "complex");
  }
  if (spec.precision > INT_MAX) value_error("precision too big");
  if (spec.precision < 0) {
    layout.precision = default_precision;
  } else {
    layout.precision = static_cast<int>(spec.precision);
    if (layout.type == 'r') layout.type = 'g';
  }
  layout.alternate = spec.alternate;
  FormatSpec unpadded = spec;
  unpadded.width = -1;
  unpadded.fill = ' ';
  unpadded.align = '<';
  Grouping grouping;
  if (spec.grouping) grouping = Grouping{spec.grouping, 3};
  std::string body;
  auto append_part = [&](double x, char sign_rule) {
    std::string digits;
    append_double_digits(digits, x, layout);
    // The repr layout writes "1.0" where complex wants "1".
    if (layout.type == 'r' && !spec.alternate && digits.size() > 2 && digits.ends_with(".0"))
      digits.resize(digits.size() - 2);
    bool negative = std::signbit(x) && !std::isnan(x);
    if (negative && spec.no_neg_zero && digits_are_all_zero(digits)) negative = false;
    NumberParts parts;
    parts.sign = negative ? '-' : (sign_rule == '+' || sign_rule == ' ') ? sign_rule : 0;
    std::size_t int_end = 0;
    while (int_end < digits.size() && digits[int_end] >= '0' && digits[int_end] <= '9') ++int_end;
    parts.int_digits = std::string_view(digits).substr(0, int_end);
    parts.tail = std::string_view(digits).substr(int_end);
    append_number(body, parts, unpadded, grouping);
  };
  if (parens) body.push_back('(');
  if (!skip_real) append_part(real, spec.sign);
  append_part(imag, skip_real ? spec.sign : '+');
  body.push_back('j');
  if (parens) body.push_back(')');
  std::string out;
  apply_padding(out, body, static_cast<std::int64_t>(body.size()), spec.fill, spec.align, spec.width);
  return out;
}

}  // namespace gilvm::text
