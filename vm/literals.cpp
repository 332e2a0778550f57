#include "vm/literals.hpp"

#include <gmp.h>

#include <charconv>
#include <cmath>
#include <cstdio>
#include <limits>

#include "vm/unicode_names.hpp"
#include "vm/utf8.hpp"

namespace gilvm {

// ---------------------------------------------------------------------------
// Numbers

namespace {

std::string without_underscores(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (c != '_') out += c;
  }
  return out;
}

// Converts a radix literal body to decimal digits with GMP (literals may be
// arbitrarily long).
std::string radix_to_decimal(const std::string& digits, int base) {
  mpz_t value;
  mpz_init(value);
  mpz_set_str(value, digits.c_str(), base);
  std::string out(mpz_sizeinbase(value, 10) + 2, '\0');
  mpz_get_str(out.data(), 10, value);
  mpz_clear(value);
  out.resize(out.find('\0'));
  return out;
}

// std::from_chars reports overflow and underflow without a value; Python
// gives inf and 0.0. Decide which by the decimal magnitude of the literal.
double out_of_range_value(const std::string& text) {
  std::size_t e = text.find_first_of("eE");
  std::string mantissa = text.substr(0, e);
  long exponent = 0;
  if (e != std::string::npos) {
    std::string exp_text = text.substr(e + 1);
    // Clamp absurd exponents; only the sign of the magnitude matters.
    if (exp_text.size() > 9) {
      exponent = exp_text[0] == '-' ? -1000000000L : 1000000000L;
    } else {
      exponent = std::strtol(exp_text.c_str(), nullptr, 10);
    }
  }
  std::size_t point = mantissa.find('.');
  std::string int_part = mantissa.substr(0, point);
  std::size_t first_nonzero = int_part.find_first_not_of('0');
  long magnitude = first_nonzero == std::string::npos
                       ? 0
                       : static_cast<long>(int_part.size() - first_nonzero);
  if (first_nonzero == std::string::npos && point != std::string::npos) {
    std::string frac = mantissa.substr(point + 1);
    std::size_t nz = frac.find_first_not_of('0');
    if (nz == std::string::npos) return 0.0;
    magnitude = -static_cast<long>(nz);
  } else if (first_nonzero == std::string::npos) {
    return 0.0;
  }
  return magnitude + exponent > 0 ? std::numeric_limits<double>::infinity()
                                  : 0.0;
}

double parse_double(const std::string& text) {
  double value = 0.0;
  auto res = std::from_chars(text.data(), text.data() + text.size(), value);
  if (res.ec == std::errc::result_out_of_range) return out_of_range_value(text);
  return value;
}

}  // namespace

ast::ConstantValue decode_number(std::string_view token) {
  using Kind = ast::ConstantValue::Kind;
  ast::ConstantValue v;
  std::string text = without_underscores(token);
  if (text.size() > 1 && text[0] == '0' &&
      std::string_view("xXoObB").find(text[1]) != std::string_view::npos) {
    int base = (text[1] | 0x20) == 'x' ? 16 : (text[1] | 0x20) == 'o' ? 8 : 2;
    v.kind = Kind::Int;
    v.text = radix_to_decimal(text.substr(2), base);
    return v;
  }
  char last = text.back();
  if (last == 'j' || last == 'J') {
    v.kind = Kind::Complex;
    v.number = parse_double(text.substr(0, text.size() - 1));
    return v;
  }
  if (text.find_first_of(".eE") != std::string::npos) {
    v.kind = Kind::Float;
    v.number = parse_double(text);
    return v;
  }
  v.kind = Kind::Int;
  std::size_t nz = text.find_first_not_of('0');
  v.text = nz == std::string::npos ? "0" : text.substr(nz);
  return v;
}

// ---------------------------------------------------------------------------
// Strings

StringToken split_string_token(std::string_view token) {
  StringToken t;
  std::size_t i = 0;
  while (i < token.size() && token[i] != '\'' && token[i] != '"') {
    switch (token[i] | 0x20) {
      case 'r': t.raw = true; break;
      case 'b': t.bytes = true; break;
      case 'f': t.formatted = true; break;
      case 'u': t.unicode_prefix = true; break;
      default: break;
    }
    ++i;
  }
  std::size_t quote_len =
      token.size() - i >= 6 && token[i + 1] == token[i] && token[i + 2] == token[i]
          ? 3
          : 1;
  t.body_offset = i + quote_len;
  t.body = token.substr(t.body_offset, token.size() - t.body_offset - quote_len);
  return t;
}

namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

[[noreturn]] void unicode_escape_error(std::size_t from, std::size_t to,
                                       const char* what) {
  throw LiteralError("(unicode error) 'unicodeescape' codec can't decode bytes "
                     "in position " +
                     std::to_string(from) + "-" + std::to_string(to) + ": " +
                     what);
}

// Reads exactly `count` hex digits at body[pos]; -1 if they are not there.
long read_hex(std::string_view body, std::size_t pos, int count) {
  if (pos + count > body.size()) return -1;
  long value = 0;
  for (int k = 0; k < count; ++k) {
    int d = hex_value(body[pos + k]);
    if (d < 0) return -1;
    value = value * 16 + d;
  }
  return value;
}

// Number of hex digits actually present (for the "truncated" error range).
std::size_t hex_run(std::string_view body, std::size_t pos, int max) {
  std::size_t n = 0;
  while (n < static_cast<std::size_t>(max) && pos + n < body.size() &&
         hex_value(body[pos + n]) >= 0) {
    ++n;
  }
  return n;
}

}  // namespace

// Escapes common to str and bytes: \\ \' \" \a \b \f \n \r \t \v, octal,
// \x, and the backslash-newline continuation. Returns false if `c` is not
// one of them. `pos` points after the escape character on entry and is
// advanced past any digits consumed; `value` receives the code.
static bool simple_escape(std::string_view body, char c, std::size_t& pos,
                          long& value, bool& skip) {
  skip = false;
  switch (c) {
    case '\n': skip = true; return true;
    case '\\': value = '\\'; return true;
    case '\'': value = '\''; return true;
    case '"': value = '"'; return true;
    case 'a': value = 7; return true;
    case 'b': value = 8; return true;
    case 'f': value = 12; return true;
    case 'n': value = 10; return true;
    case 'r': value = 13; return true;
    case 't': value = 9; return true;
    case 'v': value = 11; return true;
    default: break;
  }
  if (c >= '0' && c <= '7') {
    value = c - '0';
    for (int k = 0; k < 2 && pos < body.size() && body[pos] >= '0' &&
                    body[pos] <= '7';
         ++k) {
      value = value * 8 + (body[pos++] - '0');
    }
    return true;
  }
  return false;
}

std::string decode_str_body(std::string_view body, bool raw) {
  if (raw) return std::string(body);
  std::string out;
  out.reserve(body.size());
  for (std::size_t i = 0; i < body.size();) {
    char c = body[i];
    if (c != '\\' || i + 1 >= body.size()) {
      out += c;
      ++i;
      continue;
    }
    std::size_t start = i;
    char e = body[i + 1];
    std::size_t pos = i + 2;
    long value = 0;
    bool skip = false;
    if (simple_escape(body, e, pos, value, skip)) {
      if (!skip) utf8::append(out, static_cast<char32_t>(value));
      i = pos;
      continue;
    }
    if (e == 'x' || e == 'u' || e == 'U') {
      int digits = e == 'x' ? 2 : e == 'u' ? 4 : 8;
      value = read_hex(body, pos, digits);
      if (value < 0) {
        const char* what = e == 'x'   ? "truncated \\xXX escape"
                           : e == 'u' ? "truncated \\uXXXX escape"
                                      : "truncated \\UXXXXXXXX escape";
        unicode_escape_error(start, pos + hex_run(body, pos, digits) - 1, what);
      }
      if (value > 0x10FFFF) {
        unicode_escape_error(start, pos + digits - 1, "illegal Unicode character");
      }
      utf8::append(out, static_cast<char32_t>(value));
      i = pos + digits;
      continue;
    }
    if (e == 'N') {
      if (pos >= body.size() || body[pos] != '{') {
        unicode_escape_error(start, pos - 1, "malformed \\N character escape");
      }
      std::size_t close = body.find('}', pos + 1);
      if (close == std::string_view::npos || close == pos + 1) {
        unicode_escape_error(start, close == std::string_view::npos ? pos : close,
                             "malformed \\N character escape");
      }
      std::optional<char32_t> cp = lookup_unicode_name(body.substr(pos + 1, close - pos - 1));
      if (!cp) {
        unicode_escape_error(start, close, "unknown Unicode character name");
      }
      utf8::append(out, *cp);
      i = close + 1;
      continue;
    }
    // Unknown escape: kept as is (3.11 only warns).
    out += '\\';
    i += 1;
  }
  return out;
}

std::string decode_bytes_body(std::string_view body, bool raw) {
  for (unsigned char c : body) {
    if (c >= 0x80) {
      throw LiteralError("bytes can only contain ASCII literal characters");
    }
  }
  if (raw) return std::string(body);
  std::string out;
  out.reserve(body.size());
  for (std::size_t i = 0; i < body.size();) {
    char c = body[i];
    if (c != '\\' || i + 1 >= body.size()) {
      out += c;
      ++i;
      continue;
    }
    std::size_t start = i;
    char e = body[i + 1];
    std::size_t pos = i + 2;
    long value = 0;
    bool skip = false;
    if (simple_escape(body, e, pos, value, skip)) {
      // Octal escapes above \377 wrap around (3.11 only warns).
      if (!skip) out += static_cast<char>(value & 0xFF);
      i = pos;
      continue;
    }
    if (e == 'x') {
      value = read_hex(body, pos, 2);
      if (value < 0) {
        throw LiteralError("(value error) invalid \\x escape at position " +
                           std::to_string(start));
      }
      out += static_cast<char>(value);
      i = pos + 2;
      continue;
    }
    out += '\\';
    i += 1;
  }
  return out;
}

}  // namespace gilvm
