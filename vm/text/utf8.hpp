// UTF-8 encoding and decoding for Python str values.
//
// The VM stores a str as UTF-8 bytes plus a cached code-point length and an
// "all ASCII" flag. Python strings may hold lone surrogates (U+D800..U+DFFF,
// e.g. from '\ud800' or the surrogateescape handler); inside the VM they are
// stored with the ordinary three-byte encoding ("generalized UTF-8"), so the
// helpers below that work on already-stored text accept them. Validation of
// foreign bytes (bytes.decode, source files) rejects them, as CPython's
// UTF-8 codec does.
//
// Functions taking `stored` text assume it is well-formed generalized UTF-8;
// they do not re-validate on the hot path.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace gilvm::text {

inline constexpr char32_t kMaxCodePoint = 0x10FFFF;

inline constexpr bool is_surrogate(char32_t cp) { return cp >= 0xD800 && cp <= 0xDFFF; }

// Number of bytes UTF-8 needs for `cp` (1..4). `cp` must be <= kMaxCodePoint.
inline constexpr std::size_t utf8_length(char32_t cp) {
  return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

// Writes the encoding of `cp` to `out` (room for 4 bytes); returns its length.
std::size_t encode_utf8(char32_t cp, char* out);

// Appends the encoding of `cp` to `out`.
void append_utf8(std::string& out, char32_t cp);

// Encodes a sequence of code points.
std::string encode_utf8(std::u32string_view code_points);

// True when every byte is < 0x80. Scans eight bytes at a time.
bool is_ascii(std::string_view bytes);

// Decodes the code point starting at `pos` in stored text and advances
// `pos` past it.
inline char32_t decode_utf8(std::string_view stored, std::size_t& pos) {
  auto byte = [&](std::size_t i) { return static_cast<unsigned char>(stored[i]); };
  unsigned char lead = byte(pos);
  if (lead < 0x80) {
    ++pos;
    return lead;
  }
  char32_t cp;
  if (lead < 0xE0) {
    cp = (char32_t(lead & 0x1F) << 6) | (byte(pos + 1) & 0x3F);
    pos += 2;
  } else if (lead < 0xF0) {
    cp = (char32_t(lead & 0x0F) << 12) | (char32_t(byte(pos + 1) & 0x3F) << 6) |
         (byte(pos + 2) & 0x3F);
    pos += 3;
  } else {
    cp = (char32_t(lead & 0x07) << 18) | (char32_t(byte(pos + 1) & 0x3F) << 12) |
         (char32_t(byte(pos + 2) & 0x3F) << 6) | (byte(pos + 3) & 0x3F);
    pos += 4;
  }
  return cp;
}

// Decodes the code point that ends just before `pos` in stored text and
// moves `pos` back to its first byte (for reverse iteration: rfind, rstrip).
char32_t decode_utf8_backward(std::string_view stored, std::size_t& pos);

// Decodes stored text into code points.
std::u32string decode_utf8(std::string_view stored);

// Number of code points in stored text (counts the non-continuation bytes).
std::size_t code_point_count(std::string_view stored);

// Byte offset of the code point with index `index` in stored text;
// `index == code_point_count(stored)` gives stored.size(). When the caller
// knows the text is ASCII it should index bytes directly instead.
std::size_t byte_offset_of(std::string_view stored, std::size_t index);

// Result of checking foreign bytes.
struct Utf8Check {
  bool valid = true;
  bool ascii = true;               // meaningful when valid
  std::size_t code_points = 0;     // meaningful when valid
  // When !valid: the bad sequence is bytes [error_start, error_end), and
  // `reason` is CPython's wording ("invalid start byte",
  // "invalid continuation byte", "unexpected end of data").
  std::size_t error_start = 0;
  std::size_t error_end = 0;
  const char* reason = nullptr;
};

// Validates foreign bytes as strict UTF-8 (no overlong forms, nothing above
// U+10FFFF; surrogates only when allow_surrogates) and counts code points.
Utf8Check check_utf8(std::string_view bytes, bool allow_surrogates = false);


// Forward iteration over the code points of stored text:
//   for (char32_t cp : CodePoints(s)) ...
class CodePoints {
 public:
  explicit CodePoints(std::string_view stored) : text_(stored) {}

  class iterator {
   public:
    using value_type = char32_t;
    using difference_type = std::ptrdiff_t;
    iterator() = default;
    iterator(std::string_view text, std::size_t pos) : text_(text), pos_(pos) {}
    char32_t operator*() const {
      std::size_t p = pos_;
      return decode_utf8(text_, p);
    }
    iterator& operator++() {
      unsigned char lead = static_cast<unsigned char>(text_[pos_]);
      pos_ += lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
      return *this;
    }
    iterator operator++(int) {
      iterator old = *this;
      ++*this;
      return old;
    }
    bool operator==(const iterator& other) const { return pos_ == other.pos_; }
    // Byte offset of the current code point.
    std::size_t offset() const { return pos_; }

   private:
    std::string_view text_;
    std::size_t pos_ = 0;
  };

  iterator begin() const { return iterator(text_, 0); }
  iterator end() const { return iterator(text_, text_.size()); }

 private:
  std::string_view text_;
};

}  // namespace gilvm::text
