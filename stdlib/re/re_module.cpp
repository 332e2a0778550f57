// The _re built-in module: the engine under stdlib/py/re.py, which adds the
// flags (RegexFlag) and the error class and re-exports these functions as
// re.compile, re.search, ... so that a module-level call costs one native
// call, as CPython's cache fast path does.
//
// The cache of compiled patterns: 512 direct-mapped slots keyed by the
// pattern's type, text and flags (a colliding pattern replaces the old
// one). A slot holds the Pattern object; the slots live in a ValueVector,
// which the collector scans as a root. re.purge() empties it.
//
// re.error is defined in Python (re.py) and handed over with
// _re._set_error; raise_re_error calls it with (msg, pattern, pos).
#include "stdlib/re/re_objects.hpp"
#include "stdlib/stdlib.hpp"
#include "vm/errors.hpp"
#include "vm/heap/value_vector.hpp"
#include "vm/import.hpp"
#include "vm/native.hpp"
#include "vm/objects/dict.hpp"
#include "vm/objects/module.hpp"
#include "vm/objects/number.hpp"
#include "vm/objects/sequence.hpp"
#include "vm/objects/str.hpp"
#include "vm/ops.hpp"

namespace gilvm::re {

namespace {

constexpr size_t kCacheSlots = 512;

// Slot 0: the error class; then the cache's Pattern objects.
ValueVector& roots() {
  static ValueVector* v = new ValueVector(1 + kCacheSlots);  // never freed: a root for the process
  return *v;
}
int cache_flags[kCacheSlots];

Value compiled_pattern_search(const CallArgs& a, const char* name, Anchor anchor) {
  ArgParser ap(a, name, {"pattern", "string", "flags"}, 2, false);
  PatternObject* p = cached_compile(ap.get(0), ap.get(2));
  Value string = ap.get(1);
  Subject s = subject_of(p, string);
  MatchObject* m = run_match(p, string, s, 0, s.length, anchor);
  return m == nullptr ? Value::none() : Value(m);
}

Value f_search(const CallArgs& a) { return compiled_pattern_search(a, "search", Anchor::kSearch); }
Value f_match(const CallArgs& a) { return compiled_pattern_search(a, "match", Anchor::kMatch); }
Value f_fullmatch(const CallArgs& a) { return compiled_pattern_search(a, "fullmatch", Anchor::kFull); }

Value f_compile(const CallArgs& a) {
  ArgParser ap(a, "compile", {"pattern", "flags"}, 1, false);
  return cached_compile(ap.get(0), ap.get(1));
}

Value f_sub(const CallArgs& a) {
  ArgParser ap(a, "sub", {"pattern", "repl", "string", "count", "flags"}, 3, false);
  PatternObject* p = cached_compile(ap.get(0), ap.get(4));
  return pattern_sub_impl(p, ap.get(1), ap.get(2), index_value(ap.get(3, Value::small_int(0))), false);
}
Value f_subn(const CallArgs& a) {
  ArgParser ap(a, "subn", {"pattern", "repl", "string", "count", "flags"}, 3, false);
  PatternObject* p = cached_compile(ap.get(0), ap.get(4));
  return pattern_sub_impl(p, ap.get(1), ap.get(2), index_value(ap.get(3, Value::small_int(0))), true);
}
Value f_split(const CallArgs& a) {
  ArgParser ap(a, "split", {"pattern", "string", "maxsplit", "flags"}, 2, false);
  PatternObject* p = cached_compile(ap.get(0), ap.get(3));
  return pattern_split_impl(p, ap.get(1), index_value(ap.get(2, Value::small_int(0))));
}

// findall and finditer: the Pattern methods, called with (pattern, string).
Value call_pattern_method(const CallArgs& a, const char* name) {
  ArgParser ap(a, name, {"pattern", "string", "flags"}, 2, false);
  PatternObject* p = cached_compile(ap.get(0), ap.get(2));
  return call_method(Value(p), name, {ap.get(1)});
}
Value f_findall(const CallArgs& a) { return call_pattern_method(a, "findall"); }
Value f_finditer(const CallArgs& a) { return call_pattern_method(a, "finditer"); }

Value f_purge(const CallArgs& a) {
  check_arg_count(a, "purge", 0, 0);
  for (size_t k = 0; k < kCacheSlots; ++k) roots()[1 + k] = Value::null();
  return Value::none();
}

// re.escape: a backslash before every character that is special somewhere
// in a pattern.
Value f_escape(const CallArgs& a) {
  ArgParser ap(a, "escape", {"pattern"}, 1, false);
  Value v = ap.get(0);
  bool bytes = isinstance(v, types().bytes);
  if (!bytes && !isinstance(v, types().str)) raise_type_error("expected str or bytes, got '" + type_name(v) + "'");
  const std::string& text = bytes ? v.as<Bytes>()->data : v.as<Str>()->data;
  static const std::string_view special = "()[]{}?*+-|^$\\.&~# \t\n\r\v\f";
  std::string out;
  out.reserve(text.size() + 8);
  for (char c : text) {
    if (c != 0 && special.find(c) != std::string_view::npos) out += '\\';
    out += c;
  }
  if (bytes) return new_bytes(std::move(out));
  return new_str(std::move(out));
}

Value f_set_error(const CallArgs& a) {
  check_arg_count(a, "_set_error", 1, 1);
  roots()[0] = a[0];
  return Value::none();
}

void init_re(Module* m) {
  if (re_types().pattern == nullptr) {
    install_pattern_type();
    install_match_type();
  }
  DictTable& d = m->dict()->table;
  d.set(intern("Pattern"), Value(re_types().pattern));
  d.set(intern("Match"), Value(re_types().match));
  add_function(m, "compile", f_compile);
  add_function(m, "search", f_search);
  add_function(m, "match", f_match);
  add_function(m, "fullmatch", f_fullmatch);
  add_function(m, "sub", f_sub);
  add_function(m, "subn", f_subn);
  add_function(m, "split", f_split);
  add_function(m, "findall", f_findall);
  add_function(m, "finditer", f_finditer);
  add_function(m, "purge", f_purge);
  add_function(m, "escape", f_escape);
  add_function(m, "_set_error", f_set_error);
}

}  // namespace

PatternObject* cached_compile(Value pattern, Value flags_arg) {
  int flags = flags_arg.is_null() ? 0 : flags_value(flags_arg);
  Type* t = type_of(pattern);
  int64_t h;
  if (t == types().str) {
    h = str_hash(pattern.as<Str>());
  } else if (t == types().bytes) {
    h = hash_value(pattern);
  } else {
    return compile_pattern(pattern, flags);
  }
  size_t slot = (static_cast<uint64_t>(h) ^ (static_cast<uint64_t>(flags) * 0x9E3779B97F4A7C15ULL)) % kCacheSlots;
  ValueVector& r = roots();
  Value cached = r[1 + slot];
  if (!cached.is_null() && cache_flags[slot] == flags) {
    auto* p = cached.as<PatternObject>();
    Value src = p->pattern;
    if (src.raw() == pattern.raw()) return p;
    if (type_of(src) == t) {
      const std::string& x = t == types().str ? src.as<Str>()->data : src.as<Bytes>()->data;
      const std::string& y = t == types().str ? pattern.as<Str>()->data : pattern.as<Bytes>()->data;
      if (x == y) return p;
    }
  }
  PatternObject* p = compile_pattern(pattern, flags);
  r[1 + slot] = p;
  cache_flags[slot] = flags;
  return p;
}

void raise_re_error(const std::string& message, Value pattern, int64_t pos) {
  Value cls = roots()[0];
  if (cls.is_null()) raise_value_error(message);
  Value e = call(cls, {Value(new_str(message)), pattern, pos < 0 ? Value::none() : Value::small_int(pos)});
  raise_exception(e);
}

}  // namespace gilvm::re

namespace gilvm {
void register_re_module() { register_builtin_module("_re", re::init_re); }
}  // namespace gilvm
