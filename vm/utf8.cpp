#include "vm/utf8.hpp"

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

bool is_printable(char32_t cp) {
  if (cp < 0x20 || cp == 0x7F) return false;
  if (cp < 0x7F) return true;
  if (cp <= 0xA0 || cp == 0xAD) return false;
  if (cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200F)) return false;
  if (cp >= 0x2028 && cp <= 0x202F) return false;
  if (cp >= 0x205F && cp <= 0x206F) return false;
  if (cp == 0x3000 || cp == 0xFEFF) return false;
  if (cp >= 0xD800 && cp <= 0xF8FF) return false;  // surrogates, private use
  if (cp >= 0xFFF0 && cp <= 0xFFFB) return false;
  if ((cp & 0xFFFE) == 0xFFFE) return false;
  if (cp >= 0xE0000) return false;
  return true;
}

namespace {

// Blocks of punctuation and symbols that can never be part of an
// identifier (the exceptions inside them, like U+00B5 MICRO SIGN, are
// checked first).
bool is_symbol_or_punctuation(char32_t cp) {
  if (cp == 0xAA || cp == 0xB5 || cp == 0xBA) return false;
  if (cp >= 0x80 && cp <= 0xBF) return true;
  if (cp == 0xD7 || cp == 0xF7) return true;
  if (cp == 0x203F || cp == 0x2040 || cp == 0x2054) return false;
  if (cp >= 0x2010 && cp <= 0x206F) return true;  // general punctuation
  if (cp >= 0x20A0 && cp <= 0x20CF) return true;  // currency
  if (cp >= 0x2190 && cp <= 0x2BFF) return true;  // arrows .. symbols
  if (cp >= 0x2E00 && cp <= 0x2E7F) return true;
  if ((cp >= 0x3001 && cp <= 0x3004) || (cp >= 0x3008 && cp <= 0x3020) ||
      cp == 0x3030 || (cp >= 0x303D && cp <= 0x303F)) {
    return true;
  }
  if (cp >= 0xFE10 && cp <= 0xFE6F && cp != 0xFE33 && cp != 0xFE34 &&
      !(cp >= 0xFE4D && cp <= 0xFE4F)) {
    return true;
  }
  if ((cp >= 0xFF01 && cp <= 0xFF0F) || (cp >= 0xFF1A && cp <= 0xFF20) ||
      (cp >= 0xFF3B && cp <= 0xFF40 && cp != 0xFF3F) ||
      (cp >= 0xFF5B && cp <= 0xFF65)) {
    return true;
  }
  if (cp >= 0x1F000 && cp <= 0x1FAFF) return true;  // emoji, cards, ...
  return false;
}

bool is_combining_mark(char32_t cp) {
  return (cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x20D0 && cp <= 0x20FF) ||
         (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xFE20 && cp <= 0xFE2F);
}

}  // namespace

bool is_identifier_continue(char32_t cp) {
  if (cp < 0x80) {
    return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
           (cp >= '0' && cp <= '9') || cp == '_';
  }
  if (cp == 0xB7) return true;  // MIDDLE DOT is XID_Continue
  return is_printable(cp) && !is_symbol_or_punctuation(cp);
}

bool is_identifier_start(char32_t cp) {
  if (cp >= '0' && cp <= '9') return false;
  if (cp == 0xB7 || is_combining_mark(cp)) return false;
  return is_identifier_continue(cp);
}

}  // namespace gilvm::utf8
