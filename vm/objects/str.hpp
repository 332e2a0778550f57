// str and bytes.
//
// A str holds UTF-8 text plus its length in code points and whether it is
// all ASCII. ASCII strings (the common case) index and slice by byte; others
// walk the UTF-8 (vm/text/utf8.hpp). Strings are immutable, so the hash is
// computed once and cached. Identifier-like strings used as names are
// interned: the compiler and `intern()` return one object per spelling, so
// attribute and global lookups usually compare pointers only.
#pragma once

#include <string>
#include <string_view>

#include "vm/object.hpp"

namespace gilvm {

struct Str : Object {
  std::string data;
  int64_t length = 0;       // code points
  mutable int64_t hash = -1;
  bool ascii = true;
  bool interned = false;

  Str(Type* t, std::string text);
  // For text whose measure the caller knows (a slice of an ASCII str, a
  // buffer that counted its code points as it grew): no scan.
  Str(Type* t, std::string text, int64_t code_points, bool is_ascii)
      : Object(t), data(std::move(text)), length(code_points), ascii(is_ascii) {}
  std::string_view view() const { return data; }
};

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
