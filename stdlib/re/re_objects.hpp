// The re module's object types (re.Pattern, re.Match, the finditer iterator)
// and what their files share.
//
// Contract: a PatternObject owns a compiled Regex and knows its groups and
// names; a MatchObject keeps the subject, the pattern and every group's
// span twice: in code points (what Python sees) and in bytes of the
// subject's UTF-8 (what slicing the subject needs). For ASCII subjects and
// bytes the two agree. Every object is made with gc_new and traces its
// Values; their destructors free only C++ memory (the Regex).
//
// Files: pattern_object.cpp (compile and the Pattern methods that find
// matches), match_object.cpp (Match), re_sub.cpp (sub, subn, split and
// templates), re_module.cpp (the _re module, its cache and functions).
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "stdlib/re/regex_engine.hpp"
#include "vm/object.hpp"
#include "vm/objects/dict.hpp"
#include "vm/objects/function.hpp"

namespace gilvm {
struct Dict;
struct Str;
}

namespace gilvm::re {

// A parsed replacement template: literal text and group references.
struct Template {
  struct Piece {
    std::string text;    // appended before the group
    int32_t group = -1;  // -1: none
  };
  std::vector<Piece> pieces;
  bool literal_only = true;
};

struct PatternObject : Object {
  Value pattern;       // the source: str or bytes
  int flags = 0;       // after fixing (UNICODE added for str patterns)
  bool is_bytes = false;
  uint32_t groups = 0;
  Dict* groupindex = nullptr;          // name -> number
  std::vector<Value> group_names;      // by number: a Str, or null
  std::vector<uint32_t> parent;        // enclosing group, for lastindex
  std::unique_ptr<Regex> regex;
  // The last replacement template used with sub, parsed.
  Value template_source;
  Template template_parsed;

  explicit PatternObject(Type* t) : Object(t) {}
  void trace(Tracer& tr) override {
    tr.visit(pattern);
    tr.visit(groupindex);
    tr.visit_all(group_names);
    tr.visit(template_source);
  }
};

struct MatchObject : Object {
  PatternObject* re = nullptr;
  Value string;
  int64_t pos = 0, endpos = 0;  // code points
  int64_t lastindex = -1;
  // 2 * (groups + 1) entries each; -1 for an unset group.
  std::vector<int64_t> spans;   // code points
  std::vector<int64_t> bspans;  // bytes
  explicit MatchObject(Type* t) : Object(t) {}
  void trace(Tracer& tr) override {
    tr.visit(re);
    tr.visit(string);
  }
};

struct ReTypes {
  Type* pattern = nullptr;
  Type* match = nullptr;
  Type* scanner = nullptr;  // finditer's iterator
};
ReTypes& re_types();

// The subject of a match: its bytes and what they are.
struct Subject {
  std::string_view text;
  bool is_bytes = false;
  bool ascii = true;   // byte offsets are code-point offsets
  int64_t length = 0;  // in code points (bytes for bytes)
};
// TypeError unless `v` is a str or bytes (object) fitting the pattern.
Subject subject_of(const PatternObject* p, Value v);

// Matches from code-point `pos` to `endpos` (already clamped). Returns null
// when there is no match.
MatchObject* run_match(PatternObject* p, Value string, const Subject& s, int64_t pos, int64_t endpos, Anchor anchor);
// Builds a Match from the pattern's current ovector. `base_byte` and
// `base_cp` name a known position at or before the match (to convert
// offsets without walking from the start).
MatchObject* make_match(PatternObject* p, Value string, const Subject& s, int64_t pos, int64_t endpos,
                        size_t base_byte, int64_t base_cp);
// A str or bytes of the same kind as the subject.
Value slice_subject(const Subject& s, size_t from, size_t to);

// Compiles (or fetches from the cache, for the module-level functions).
PatternObject* compile_pattern(Value pattern, int flags);
PatternObject* cached_compile(Value pattern, Value flags);
int flags_value(Value flags);

// re.error(message, pattern, pos): raised.
[[noreturn]] void raise_re_error(const std::string& message, Value pattern, int64_t pos);

// Pattern methods implemented in re_sub.cpp.
Value pattern_sub_impl(PatternObject* p, Value repl, Value string, int64_t count, bool want_count);
Value pattern_split_impl(PatternObject* p, Value string, int64_t maxsplit);
// Match.expand.
Value match_expand(MatchObject* m, Value tmpl);
// A group's value: str/bytes, or `fallback` when unset.
Value match_group_value(MatchObject* m, int64_t g, Value fallback);

// re.Pattern[str] and re.Match[str].
Value re_class_getitem(const CallArgs& a);

void install_pattern_type();
void install_match_type();

}  // namespace gilvm::re
