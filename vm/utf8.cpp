#include "vm/utf8.hpp"

#include "vm/text/unicode_props.hpp"

namespace gilvm::utf8 {

void append(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

char32_t decode(std::string_view text, std::size_t pos, std::size_t& length,
                const char** reason) {
  auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  auto fail = [&](std::size_t len, const char* why) {
    length = len;
    if (reason) *reason = why;
    return static_cast<char32_t>(-1);
  };
  unsigned char c = byte(pos);
  if (c < 0x80) {
    length = 1;
    return c;
  }
  int extra;
  char32_t cp;
  if (c >= 0xC2 && c <= 0xDF) {
    extra = 1;
    cp = c & 0x1F;
  } else if (c >= 0xE0 && c <= 0xEF) {
    extra = 2;
    cp = c & 0x0F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    extra = 3;
    cp = c & 0x07;
  } else {
    return fail(1, "invalid start byte");
  }
  for (int k = 1; k <= extra; ++k) {
    if (pos + k >= text.size()) return fail(k, "unexpected end of data");
    unsigned char cc = byte(pos + k);
    // The second byte has a narrower range for E0, ED, F0 and F4 (this
    // rejects overlong forms, surrogates and code points past U+10FFFF).
    unsigned char lo = 0x80, hi = 0xBF;
    if (k == 1) {
      if (c == 0xE0) lo = 0xA0;
      if (c == 0xED) hi = 0x9F;
      if (c == 0xF0) lo = 0x90;
      if (c == 0xF4) hi = 0x8F;
    }
    if (cc < lo || cc > hi) return fail(k, "invalid continuation byte");
    cp = (cp << 6) | (cc & 0x3F);
  }
  length = extra + 1;
  return cp;
}

char32_t next(std::string_view text, std::size_t& pos) {
  unsigned char c = static_cast<unsigned char>(text[pos]);
  int extra = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;
  if (extra == 0 || pos + extra >= text.size()) {
    ++pos;
    return c;
  }
  char32_t cp = c & (0x3F >> extra);
  for (int k = 1; k <= extra; ++k) {
    unsigned char cc = static_cast<unsigned char>(text[pos + k]);
    if ((cc & 0xC0) != 0x80) {
      ++pos;
      return c;
    }
    cp = (cp << 6) | (cc & 0x3F);
  }
  pos += extra + 1;
  return cp;
}

std::size_t length(std::string_view text) {
  std::size_t count = 0;
  for (std::size_t pos = 0; pos < text.size(); ++count) next(text, pos);
  return count;
}

bool is_printable(char32_t cp) { return text::is_printable(cp); }
bool is_identifier_start(char32_t cp) { return text::is_identifier_start(cp); }
bool is_identifier_continue(char32_t cp) {
  return text::is_identifier_continue(cp);
}

}  // namespace gilvm::utf8
