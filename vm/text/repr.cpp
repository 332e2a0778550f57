#include "vm/text/repr.hpp"

#include "vm/text/unicode_props.hpp"
#include "vm/text/utf8.hpp"

namespace gilvm::text {

namespace {

constexpr char kHexDigits[] = "0123456789abcdef";

// ' unless the text has a ' and no ".
char choose_quote(std::string_view text) {
  bool has_single = text.find('\'') != std::string_view::npos;
  return (has_single && text.find('"') == std::string_view::npos) ? '"' : '\'';
}

void append_hex_escape(std::string& out, char kind, char32_t value, int digits) {
  out.push_back('\\');
  out.push_back(kind);
  for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
    out.push_back(kHexDigits[(value >> shift) & 0xF]);
  }
}

// Escapes an ASCII character, or returns false when it stands for itself.
// Shared by str and bytes, whose rules agree below 0x80.
bool append_ascii_escape(std::string& out, unsigned char c, char quote) {
  switch (c) {
    case '\\': out.append("\\\\"); return true;
    case '\t': out.append("\\t"); return true;
    case '\n': out.append("\\n"); return true;
    case '\r': out.append("\\r"); return true;
    default: break;
  }
  if (c == static_cast<unsigned char>(quote)) {
    out.push_back('\\');
    out.push_back(quote);
    return true;
  }
  if (c < 0x20 || c == 0x7F) {
    append_hex_escape(out, 'x', c, 2);
    return true;
  }
  return false;
}

// True for the bytes that repr writes unchanged inside the quotes.
inline bool is_plain_ascii(unsigned char c, char quote) {
  return c >= 0x20 && c < 0x7F && c != '\\' && c != static_cast<unsigned char>(quote);
}

}  // namespace

void append_repr_str(std::string& out, std::string_view utf8) {
  const char quote = choose_quote(utf8);
  out.reserve(out.size() + utf8.size() + 2);
  out.push_back(quote);
  std::size_t pos = 0;
  while (pos < utf8.size()) {
    // Copy runs of ordinary ASCII in one append: the common case.
    std::size_t run = pos;
    while (run < utf8.size() && is_plain_ascii(static_cast<unsigned char>(utf8[run]), quote)) ++run;
    out.append(utf8, pos, run - pos);
    pos = run;
    if (pos == utf8.size()) break;
    unsigned char byte = static_cast<unsigned char>(utf8[pos]);
    if (byte < 0x80) {
      append_ascii_escape(out, byte, quote);
      ++pos;
      continue;
    }
    const std::size_t start = pos;
    char32_t cp = decode_utf8(utf8, pos);
    if (is_printable(cp)) {
      out.append(utf8, start, pos - start);
    } else if (cp <= 0xFF) {
      append_hex_escape(out, 'x', cp, 2);
    } else if (cp <= 0xFFFF) {
      append_hex_escape(out, 'u', cp, 4);
    } else {
      append_hex_escape(out, 'U', cp, 8);
    }
  }
  out.push_back(quote);
}

std::string repr_str(std::string_view utf8) {
  std::string out;
  append_repr_str(out, utf8);
  return out;
}

void append_repr_bytes(std::string& out, std::string_view bytes) {
  const char quote = choose_quote(bytes);
  out.reserve(out.size() + bytes.size() + 3);
  out.push_back('b');
  out.push_back(quote);
  for (char ch : bytes) {
    unsigned char c = static_cast<unsigned char>(ch);
    if (is_plain_ascii(c, quote)) {
      out.push_back(ch);
    } else if (c >= 0x80) {
      append_hex_escape(out, 'x', c, 2);
    } else {
      append_ascii_escape(out, c, quote);
    }
  }
  out.push_back(quote);
}

std::string repr_bytes(std::string_view bytes) {
  std::string out;
  append_repr_bytes(out, bytes);
  return out;
}

}  // namespace gilvm::text
