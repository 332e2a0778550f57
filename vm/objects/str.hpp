// str and bytes.
//
// A str holds UTF-8 text plus its length in code points and whether it is
// all ASCII. ASCII strings (the common case) index and slice by byte; others
// walk the UTF-8 (vm/text/utf8.hpp), long ones from the nearest entry of an
// offset table built the first time they are indexed (str_byte_offset). Strings are immutable, so the hash is
// computed once and cached. Identifier-like strings used as names are
// interned: the compiler and `intern()` return one object per spelling, so
// attribute and global lookups usually compare pointers only.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "vm/object.hpp"

namespace gilvm {

struct Str : Object {
  // The flags come first so that they fill the tail padding of Object.
  bool ascii = true;
  bool interned = false;
  std::string data;
  int64_t length = 0;       // code points
  mutable int64_t hash = -1;
  // For long non-ASCII strings that were indexed: the byte offset of every
  // kStrIndexStride-th code point, built on first use (str_byte_offset), so
  // that indexing and slicing them costs O(1) walking instead of O(n).
  mutable std::unique_ptr<uint32_t[]> offsets;

  Str(Type* t, std::string text);
  // For text whose measure the caller knows (a slice of an ASCII str, a
  // buffer that counted its code points as it grew): no scan.
  Str(Type* t, std::string text, int64_t code_points, bool is_ascii)
      : Object(t), ascii(is_ascii), data(std::move(text)), length(code_points) {}
  std::string_view view() const { return data; }
};

inline constexpr int64_t kStrIndexStride = 32;

// Byte offset of the code point with index `index` (0 <= index <= length).
size_t str_byte_offset(const Str* s, int64_t index);
// The code point index of a byte offset that starts a code point (or is
// the end).
int64_t str_code_point_index(const Str* s, size_t byte);

struct Bytes : Object {
  std::string data;
  mutable int64_t hash = -1;
  Bytes(Type* t, std::string d) : Object(t), data(std::move(d)) {}
};

Str* new_str(std::string text);
Str* new_str(std::string_view text);
Str* new_str(const char* text);
// new_str for text of `code_points` code points, all ASCII when `ascii`;
// the caller vouches for both.
Str* new_str_known(std::string text, int64_t code_points, bool ascii);
// A str holding a piece of `whole`'s text (split, strip, partition): an
// ASCII str's pieces are ASCII, as many code points as bytes, so they are
// made without a scan; empty and one-ASCII-character pieces are shared.
Str* str_part(const Str* whole, std::string_view piece);
// The one interned str with this spelling.
Str* intern(std::string_view text);
Bytes* new_bytes(std::string data);

int64_t str_hash(const Str* s);
bool str_equal(const Str* a, const Str* b);
// Python's str of one code point.
Str* str_from_code_point(uint32_t cp);

// Visits the interned strings as GC roots.
void trace_interned(Tracer& t);

}  // namespace gilvm
