// The PCRE2 side of the re module: compiling a translated pattern and running
// matches, plus the UTF-8 offset arithmetic that positions in code points need.
//
// Contract: a Regex owns its PCRE2 code objects and one match-data block.
// `exec` runs one match and leaves the offsets (in bytes) in `ovector()`
// until the next `exec` on the same Regex; callers copy them out before
// they run any Python (a sub callback may use the same pattern again).
// Matching never releases the GIL, so one match-data block per pattern and
// one JIT stack for the process are enough.
//
// Design: str patterns compile in UTF mode (with PCRE2_UCP unless ASCII);
// bytes patterns as plain 8-bit. Every code object is JIT-compiled where
// PCRE2 has a JIT. match() and fullmatch() need anchoring, which PCRE2's
// JIT supports only at compile time, so those variants are compiled (and
// JIT-compiled) lazily on first use. Runaway backtracking hits the match,
// heap and JIT-stack limits set here and `exec` reports it as
// NativeError(RuntimeError) instead of hanging or overflowing a stack.
#pragma once

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "stdlib/re/pattern_translate.hpp"

namespace gilvm::re {

enum class Anchor { kSearch = 0, kMatch = 1, kFull = 2 };

class Regex {
 public:
  // Throws PatternError (the PCRE2 message, its offset mapped back to the
  // Python pattern).
  Regex(const Translation& t, bool is_bytes);
  ~Regex();
  Regex(const Regex&) = delete;
  Regex& operator=(const Regex&) = delete;

  // Matches subject[0:length] from byte `start`. `not_empty_at_start`: an
  // empty match at `start` does not count (Python's rule after an empty
  // match). `utf_checked`: the subject is known to be valid UTF-8. Returns
  // true on a match; throws NativeError on a limit or invalid UTF-8.
  bool exec(const char* subject, size_t length, size_t start, Anchor anchor, bool not_empty_at_start,
            bool utf_checked);
  // Pairs of byte offsets, group 0 first; PCRE2_UNSET for unset groups.
  const size_t* ovector() const { return ovector_; }
  uint32_t groups() const { return groups_; }

 private:
  pcre2_code* code_for(Anchor anchor);

  pcre2_code* code_[3] = {nullptr, nullptr, nullptr};
  pcre2_match_data* match_data_ = nullptr;
  size_t* ovector_ = nullptr;
  uint32_t groups_ = 0;
  uint32_t options_ = 0;
  std::string pcre_;
  bool is_bytes_;
};

// Code points in text[from:to] (to >= from), for valid UTF-8.
int64_t count_code_points(const char* text, size_t from, size_t to);
// The byte offset of code point `cp` (clamped to the text).
size_t byte_offset(std::string_view text, int64_t cp);
// The byte just after the character starting at `at`.
size_t next_char(std::string_view text, size_t at, bool utf);

}  // namespace gilvm::re
