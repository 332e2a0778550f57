#include "vm/text/utf8.hpp"

#include <cstdio>
#include <cstring>

namespace gilvm::text {

namespace {

constexpr std::uint64_t kHighBits = 0x8080808080808080ULL;

inline std::uint64_t load8(const char* p) {
  std::uint64_t word;
  std::memcpy(&word, p, sizeof word);
  return word;
}

inline bool is_continuation(unsigned char byte) { return (byte & 0xC0) == 0x80; }

}  // namespace

std::size_t encode_utf8(char32_t cp, char* out) {
  if (cp < 0x80) {
    out[0] = static_cast<char>(cp);
    return 1;
  }
  if (cp < 0x800) {
    out[0] = static_cast<char>(0xC0 | (cp >> 6));
    out[1] = static_cast<char>(0x80 | (cp & 0x3F));
    return 2;
  }
  if (cp < 0x10000) {
    out[0] = static_cast<char>(0xE0 | (cp >> 12));
    out[1] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out[2] = static_cast<char>(0x80 | (cp & 0x3F));
    return 3;
  }
  out[0] = static_cast<char>(0xF0 | (cp >> 18));
  out[1] = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
  out[2] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
  out[3] = static_cast<char>(0x80 | (cp & 0x3F));
  return 4;
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
    return;
  }
  char buf[4];
  out.append(buf, encode_utf8(cp, buf));
}

std::string encode_utf8(std::u32string_view code_points) {
  std::string out;
  out.reserve(code_points.size());
  for (char32_t cp : code_points) append_utf8(out, cp);
  return out;
}

bool is_ascii(std::string_view bytes) {
  const char* p = bytes.data();
  std::size_t n = bytes.size();
  std::uint64_t acc = 0;
  for (; n >= 8; p += 8, n -= 8) acc |= load8(p);
  for (; n > 0; ++p, --n) acc |= static_cast<unsigned char>(*p);
  return (acc & kHighBits) == 0;
}

char32_t decode_utf8_backward(std::string_view stored, std::size_t& pos) {
  std::size_t start = pos - 1;
  while (start > 0 && is_continuation(static_cast<unsigned char>(stored[start]))) --start;
  std::size_t p = start;
  char32_t cp = decode_utf8(stored, p);
  pos = start;
  return cp;
}

std::u32string decode_utf8(std::string_view stored) {
  std::u32string out;
  out.reserve(stored.size());
  for (std::size_t pos = 0; pos < stored.size();) out.push_back(decode_utf8(stored, pos));
  return out;
}

std::size_t code_point_count(std::string_view stored) {
  // Every code point has exactly one byte that is not a continuation byte
  // (10xxxxxx). Count those, eight bytes at a time: a byte is a
  // continuation byte when bit 7 is set and bit 6 is clear.
  const char* p = stored.data();
  std::size_t n = stored.size();
  std::size_t continuations = 0;
  for (; n >= 8; p += 8, n -= 8) {
    std::uint64_t w = load8(p);
    std::uint64_t cont = w & ~(w << 1) & kHighBits;
    continuations += static_cast<std::size_t>(__builtin_popcountll(cont));
  }
  for (; n > 0; ++p, --n) continuations += is_continuation(static_cast<unsigned char>(*p));
  return stored.size() - continuations;
}

std::size_t byte_offset_of(std::string_view stored, std::size_t index) {
  std::size_t pos = 0;
  const std::size_t size = stored.size();
  // Skip whole ASCII words while the remaining index allows it.
  while (index >= 8 && pos + 8 <= size && (load8(stored.data() + pos) & kHighBits) == 0) {
    pos += 8;
    index -= 8;
  }
  while (index > 0 && pos < size) {
    unsigned char lead = static_cast<unsigned char>(stored[pos]);
    pos += lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    --index;
  }
  return pos;
}

Utf8Check check_utf8(std::string_view bytes, bool allow_surrogates) {
  Utf8Check result;
  const auto* s = reinterpret_cast<const unsigned char*>(bytes.data());
  const std::size_t n = bytes.size();
  std::size_t i = 0;
  std::size_t count = 0;
  auto fail = [&](std::size_t start, std::size_t end, const char* reason) {
    result.valid = false;
    result.error_start = start;
    result.error_end = end;
    result.reason = reason;
    return result;
  };
  while (i < n) {
    // ASCII fast path: eight bytes at a time.
    if (i + 8 <= n && (load8(bytes.data() + i) & kHighBits) == 0) {
      i += 8;
      count += 8;
      continue;
    }
    unsigned char lead = s[i];
    if (lead < 0x80) {
      ++i;
      ++count;
      continue;
    }
    result.ascii = false;
    std::size_t length;
    // Bounds of the second byte; they exclude overlong forms, surrogates
    // and values above U+10FFFF, as CPython's decoder does.
    unsigned char lo = 0x80, hi = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF) {
      length = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
      length = 3;
      if (lead == 0xE0) lo = 0xA0;
      if (lead == 0xED && !allow_surrogates) hi = 0x9F;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
      length = 4;
      if (lead == 0xF0) lo = 0x90;
      if (lead == 0xF4) hi = 0x8F;
    } else {
      return fail(i, i + 1, "invalid start byte");
    }
    // CPython reports the longest valid prefix as the bad sequence; when the
    // data runs out inside a sequence it is "unexpected end of data".
    for (std::size_t k = 1; k < length; ++k) {
      if (i + k >= n) return fail(i, n, "unexpected end of data");
      unsigned char b = s[i + k];
      bool ok = k == 1 ? (b >= lo && b <= hi) : is_continuation(b);
      if (!ok) return fail(i, i + k, "invalid continuation byte");
    }
    i += length;
    ++count;
  }
  result.code_points = count;
  return result;
}

}  // namespace gilvm::text
