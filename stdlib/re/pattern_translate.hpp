// Translation of Python regular-expression syntax into PCRE2 syntax.
//
// Contract: `translate` reads a whole Python 3.11 pattern (str patterns as
// UTF-8 text, bytes patterns as bytes) and either returns a PCRE2 pattern
// that means the same thing or throws PatternError with CPython's message
// and position (in code points for str, bytes for bytes). It knows nothing
// of the object model, so it is testable alone.
//
// Design: the translator parses the pattern fully and re-emits every
// construct in a normalized form, so PCRE2 never sees Python-only or
// PCRE-only syntax: literals are escaped, named groups become plain
// numbered groups (the translator keeps the names), back-references become
// \g{N}, \Z becomes \z, {,n} becomes {0,n}, VERBOSE whitespace and comments
// are dropped here, and leading global inline flags are folded into the
// returned flags.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace gilvm::re {

// CPython's flag values.
enum Flag : int {
  kTemplate = 1,
  kIgnoreCase = 2,
  kLocale = 4,
  kMultiline = 8,
  kDotAll = 16,
  kUnicode = 32,
  kVerbose = 64,
  kDebug = 128,
  kAscii = 256,
};

struct PatternError {
  std::string message;
  int64_t pos;  // -1 when there is none
};

struct Translation {
  std::string pcre;  // PCRE2 pattern text
  int flags = 0;     // flags with the global inline flags folded in
  uint32_t groups = 0;
  std::vector<std::pair<std::string, uint32_t>> names;  // in definition order
  // For group g (1..groups): the group that encloses it, 0 at top level.
  std::vector<uint32_t> parent;
  // For each byte of `pcre`: the source position it came from, so a PCRE2
  // compile error's offset maps back to the Python pattern.
  std::vector<int32_t> source_pos;
};

// Throws PatternError.
Translation translate(std::string_view pattern, bool is_bytes, int flags);

}  // namespace gilvm::re
