#include "vm/text/percent_format.hpp"

#include <charconv>
#include <climits>
#include <cmath>
#include <cstdio>

#include "vm/native_error.hpp"
#include "vm/text/float_format.hpp"
#include "vm/text/int_digits_limit.hpp"
#include "vm/text/utf8.hpp"

namespace gilvm::text {

namespace {

// The parsed %-conversion flags and numbers.
struct Conversion {
  bool left_adjust = false;  // '-'
  bool plus_sign = false;    // '+'
  bool space_sign = false;   // ' '
  bool alternate = false;    // '#'
  bool zero_pad = false;     // '0'
  std::int64_t width = -1;
  std::int64_t precision = -1;
  char32_t type = 0;
};

[[noreturn]] void type_error(const char* message) { throw_native(ErrorKind::TypeError, message); }
[[noreturn]] void value_error(const char* message) { throw_native(ErrorKind::ValueError, message); }

// Walks the format string and hands out arguments in CPython's order.
class PercentFormatter {
 public:
  PercentFormatter(std::string_view format, PercentArgs& args, PercentMode mode)
      : format_(format), args_(args), bytes_(mode == PercentMode::kBytes) {}

  std::string run() {
    std::string out;
    out.reserve(format_.size() + 16);
    while (pos_ < format_.size()) {
      std::size_t percent = format_.find('%', pos_);
      if (percent == std::string_view::npos) {
        out.append(format_, pos_);
        break;
      }
      out.append(format_, pos_, percent - pos_);
      pos_ = percent + 1;
      if (pos_ < format_.size() && format_[pos_] == '%') {
        out.push_back('%');
        ++pos_;
        continue;
      }
      convert(out);
    }
    if (!args_.is_mapping() && !using_key_value_ && next_index_ < args_.positional_count()) {
      type_error(bytes_ ? "not all arguments converted during bytes formatting"
                        : "not all arguments converted during string formatting");
    }
    return out;
  }

 private:
  bool at_end() const { return pos_ >= format_.size(); }
  char peek() const { return format_[pos_]; }

  // The next positional argument. After a %(key) conversion the looked-up
  // value takes the place of the positional arguments, as in CPython, so a
  // later positional conversion finds nothing left.
  PercentArg next_arg() {
    if (using_key_value_) {
      if (key_value_used_) type_error("not enough arguments for format string");
      key_value_used_ = true;
      return key_value_;
    }
    if (next_index_ >= args_.positional_count()) {
      type_error("not enough arguments for format string");
    }
    return args_.positional(next_index_++);
  }

  char next_char() {
    if (at_end()) value_error("incomplete format");
    return format_[pos_++];
  }

  void parse_key() {
    if (!args_.is_mapping()) type_error("format requires a mapping");
    // The key runs to the matching ')', counting nested parentheses.
    const std::size_t start = ++pos_;
    int depth = 1;
    while (pos_ < format_.size()) {
      char c = format_[pos_];
      if (c == '(') ++depth;
      if (c == ')' && --depth == 0) break;
      ++pos_;
    }
    if (depth != 0) value_error("incomplete format key");
    key_value_ = args_.lookup(format_.substr(start, pos_ - start));
    using_key_value_ = true;
    key_value_used_ = false;
    ++pos_;
  }

  // A run of digits; `limit` bounds the value.
  std::int64_t parse_number(std::int64_t limit, const char* too_big) {
    std::int64_t value = 0;
    while (!at_end() && peek() >= '0' && peek() <= '9') {
      int digit = peek() - '0';
      if (value > (limit - digit) / 10) value_error(too_big);
      value = value * 10 + digit;
      ++pos_;
    }
    return value;
  }

  // The int a '*' consumes, range-checked as a C ssize_t or int.
  std::int64_t star_value(bool for_precision) {
    std::optional<PercentInt> value = args_.star_int(next_arg());
    if (!value) type_error("* wants int");
    const char* overflow = for_precision ? "Python int too large to convert to C int"
                                         : "Python int too large to convert to C ssize_t";
    if (value->big && !mpz_fits_slong_p(value->big)) {
      throw_native(ErrorKind::OverflowError, overflow);
    }
    std::int64_t v = value->big ? mpz_get_si(value->big) : value->small;
    if (for_precision && (v > INT_MAX || v < INT_MIN)) {
      throw_native(ErrorKind::OverflowError, overflow);
    }
    return v;
  }

  Conversion parse_conversion() {
    Conversion c;
    if (!at_end() && peek() == '(') parse_key();
    for (bool more = true; more && !at_end();) {
      switch (peek()) {
        case '-': c.left_adjust = true; break;
        case '+': c.plus_sign = true; break;
        case ' ': c.space_sign = true; break;
        case '#': c.alternate = true; break;
        case '0': c.zero_pad = true; break;
        default: more = false; continue;
      }
      ++pos_;
    }
    if (!at_end() && peek() == '*') {
      ++pos_;
      c.width = star_value(false);
      if (c.width < 0) {
        // A negative '*' width means left adjustment. CPython negates it
        // in a C ssize_t, so the most negative value stays negative (and
        // then pads nothing).
        c.left_adjust = true;
        c.width = c.width == INT64_MIN ? -1 : -c.width;
      }
    } else {
      c.width = parse_number(INT64_MAX, "width too big");
    }
    if (!at_end() && peek() == '.') {
      ++pos_;
      if (!at_end() && peek() == '*') {
        ++pos_;
        c.precision = star_value(true);
        if (c.precision < 0) c.precision = 0;
      } else {
        c.precision = parse_number(INT_MAX, "precision too big");
      }
    }
    // C's length modifiers are accepted and ignored.
    while (!at_end() && (peek() == 'h' || peek() == 'l' || peek() == 'L')) ++pos_;
    if (at_end()) value_error("incomplete format");
    type_pos_ = pos_;
    c.type = bytes_ ? static_cast<unsigned char>(format_[pos_++]) : decode_utf8(format_, pos_);
    return c;
  }

  [[noreturn]] void unsupported(char32_t type) {
    char buf[128];
    if (bytes_) {
      // CPython passes the byte through a signed char to a %c that refuses
      // negative values, and shows lower bytes as they are.
      if (type >= 0x80) throw_native(ErrorKind::OverflowError, "character argument not in range(0x110000)");
      std::snprintf(buf, sizeof buf, "unsupported format character '%c' (0x%x) at index %zu",
                    static_cast<char>(type), static_cast<unsigned>(type), type_pos_);
      value_error(buf);
    }
    const bool printable = type >= 32 && type < 127;
    std::snprintf(buf, sizeof buf, "unsupported format character '%c' (0x%x) at index %zu",
                  printable ? static_cast<char>(type) : '?', static_cast<unsigned>(type),
                  code_point_count(format_.substr(0, type_pos_)));
    value_error(buf);
  }

  void convert(std::string& out) {
    Conversion c = parse_conversion();
    // CPython takes the argument before it looks at the type character.
    PercentArg arg = next_arg();
    switch (c.type) {
      case 'd': case 'i': case 'u': case 'o': case 'x': case 'X':
        format_integer(out, args_.to_int(arg, static_cast<char>(c.type)), c);
        return;
      case 'e': case 'E': case 'f': case 'F': case 'g': case 'G':
        format_float(out, args_.to_float(arg), c);
        return;
      case 's': case 'r': case 'a': case 'b': {
        std::string text;
        if (bytes_) {
          if (c.type == 's' || c.type == 'b') args_.append_bytes(text, arg);
          else args_.append_ascii(text, arg);
        } else {
          if (c.type == 'b') unsupported(c.type);
          if (c.type == 's') args_.append_str(text, arg);
          if (c.type == 'r') args_.append_repr(text, arg);
          if (c.type == 'a') args_.append_ascii(text, arg);
        }
        append_text(out, text, c);
        return;
      }
      case 'c':
        if (bytes_) format_byte(out, args_.char_code(arg), c);
        else format_char(out, args_.char_code(arg), c);
        return;
      default:
        unsupported(c.type);
    }
  }

  // %s %r %a %b: precision truncates, width pads with spaces (never
  // zeros), both counted in code points (in bytes for bytes).
  void append_text(std::string& out, std::string_view text, const Conversion& c) const {
    if (c.precision < 0 && c.width < 0) {
      out.append(text);
      return;
    }
    std::int64_t length = static_cast<std::int64_t>(bytes_ ? text.size() : code_point_count(text));
    if (c.precision >= 0 && c.precision < length) {
      const auto kept = static_cast<std::size_t>(c.precision);
      text = text.substr(0, bytes_ ? kept : byte_offset_of(text, kept));
      length = c.precision;
    }
    pad(out, text, length, c.width, c.left_adjust);
  }

  static void pad(std::string& out, std::string_view body, std::int64_t body_width,
                  std::int64_t width, bool left_adjust) {
    const std::size_t padding = width > body_width ? static_cast<std::size_t>(width - body_width) : 0;
    if (!left_adjust) out.append(padding, ' ');
    out.append(body);
    if (left_adjust) out.append(padding, ' ');
  }

  static void format_char(std::string& out, PercentInt code, const Conversion& c) {
    if (code.big || code.small < 0 || code.small > 0x10FFFF) {
      throw_native(ErrorKind::OverflowError, "%c arg not in range(0x110000)");
    }
    char buf[4];
    std::size_t n = encode_utf8(static_cast<char32_t>(code.small), buf);
    pad(out, std::string_view(buf, n), 1, c.width, c.left_adjust);
  }

  static void format_byte(std::string& out, PercentInt code, const Conversion& c) {
    if (code.big || code.small < 0 || code.small > 0xFF) {
      throw_native(ErrorKind::OverflowError, "%c arg not in range(256)");
    }
    const char byte = static_cast<char>(code.small);
    pad(out, std::string_view(&byte, 1), 1, c.width, c.left_adjust);
  }

  static char sign_of(bool negative, const Conversion& c) {
    if (negative) return '-';
    if (c.plus_sign) return '+';
    if (c.space_sign) return ' ';
    return 0;
  }

  // Shared layout of numbers: [sign][prefix][zeros][digits], padded to the
  // width with spaces on the left, spaces on the right ('-'), or zeros
  // after the sign and prefix ('0', unless '-' is also given).
  static void append_number(std::string& out, char sign, std::string_view prefix,
                            std::string_view digits, const Conversion& c) {
    const std::int64_t body = (sign ? 1 : 0) + static_cast<std::int64_t>(prefix.size() + digits.size());
    const std::size_t padding = c.width > body ? static_cast<std::size_t>(c.width - body) : 0;
    const bool zeros = c.zero_pad && !c.left_adjust;
    if (!zeros && !c.left_adjust) out.append(padding, ' ');
    if (sign) out.push_back(sign);
    out.append(prefix);
    if (zeros) out.append(padding, '0');
    out.append(digits);
    if (c.left_adjust) out.append(padding, ' ');
  }

  // Integers: the precision is a minimum number of digits.
  static void format_integer(std::string& out, PercentInt value, const Conversion& c) {
    const int radix = (c.type == 'o') ? 8 : (c.type == 'x' || c.type == 'X') ? 16 : 10;
    std::string digits;
    bool negative;
    if (value.big) {
      negative = mpz_sgn(value.big) < 0;
      digits.resize(mpz_sizeinbase(value.big, radix) + 2);
      mpz_get_str(digits.data(), c.type == 'X' ? -radix : radix, value.big);
      digits.resize(digits.find('\0'));
      if (negative) digits.erase(0, 1);
      if (radix == 10) check_int_to_str_digits(digits.size());
    } else {
      negative = value.small < 0;
      std::uint64_t magnitude = negative ? 0 - static_cast<std::uint64_t>(value.small)
                                         : static_cast<std::uint64_t>(value.small);
      char buf[72];
      char* end = std::to_chars(buf, buf + sizeof buf, magnitude, radix).ptr;
      digits.assign(buf, end);
      if (c.type == 'X') {
        for (char& ch : digits) {
          if (ch >= 'a' && ch <= 'f') ch = static_cast<char>(ch - 32);
        }
      }
    }
    if (c.precision > static_cast<std::int64_t>(digits.size())) {
      digits.insert(0, static_cast<std::size_t>(c.precision) - digits.size(), '0');
    }
    std::string_view prefix;
    if (c.alternate) {
      if (c.type == 'o') prefix = "0o";
      if (c.type == 'x') prefix = "0x";
      if (c.type == 'X') prefix = "0X";
    }
    append_number(out, sign_of(negative, c), prefix, digits, c);
  }

  static void format_float(std::string& out, double value, const Conversion& c) {
    FloatLayout layout;
    layout.type = static_cast<char>(c.type);
    layout.precision = c.precision < 0 ? 6 : static_cast<int>(c.precision);
    layout.alternate = c.alternate;
    std::string digits;
    append_double_digits(digits, value, layout);
    const bool negative = std::signbit(value) && !std::isnan(value);
    append_number(out, sign_of(negative, c), "", digits, c);
  }

  std::string_view format_;
  PercentArgs& args_;
  std::size_t pos_ = 0;
  std::size_t type_pos_ = 0;
  std::size_t next_index_ = 0;
  bool using_key_value_ = false;
  bool key_value_used_ = false;
  PercentArg key_value_ = nullptr;
  bool bytes_;
};

}  // namespace

std::string percent_format(std::string_view format, PercentArgs& args, PercentMode mode) {
  return PercentFormatter(format, args, mode).run();
}

}  // namespace gilvm::text
