// re.Pattern: compiling, and the methods that find matches (match,
// fullmatch, search, findall, finditer) with CPython's pos/endpos rules.
//
// Design: matching works on the subject's UTF-8 bytes; positions cross into
// code points only at the edges (pos/endpos in, Match spans out), and not at
// all for ASCII str and bytes. findall and finditer follow CPython 3.7+ on
// empty matches: after an empty match the next one may not be empty at the
// same place (PCRE2_NOTEMPTY_ATSTART), but may start there.
#include <cstdio>

#include "stdlib/re/re_objects.hpp"
#include "vm/errors.hpp"
#include "vm/heap/heap.hpp"
#include "vm/native.hpp"
#include "vm/objects/dict.hpp"
#include "vm/objects/number.hpp"
#include "vm/objects/sequence.hpp"
#include "vm/objects/str.hpp"
#include "vm/ops.hpp"

namespace gilvm::re {

ReTypes& re_types() {
  static ReTypes t;
  return t;
}

Subject subject_of(const PatternObject* p, Value v) {
  Subject s;
  Type* t = type_of(v);
  if (t == types().str || isinstance(v, types().str)) {
    if (p->is_bytes) raise_type_error("cannot use a bytes pattern on a string-like object");
    const Str* str = v.as<Str>();
    s.text = str->data;
    s.ascii = str->ascii;
    s.length = str->length;
    return s;
  }
  if (t == types().bytes || isinstance(v, types().bytes)) {
    if (!p->is_bytes) raise_type_error("cannot use a string pattern on a bytes-like object");
    const Bytes* b = v.as<Bytes>();
    s.text = b->data;
    s.is_bytes = true;
    s.length = static_cast<int64_t>(b->data.size());
    return s;
  }
  raise_type_error("expected string or bytes-like object, got '" + type_name(v) + "'");
}

Value slice_subject(const Subject& s, size_t from, size_t to) {
  std::string_view piece = s.text.substr(from, to - from);
  if (s.is_bytes) return new_bytes(std::string(piece));
  return new_str(piece);
}

MatchObject* make_match(PatternObject* p, Value string, const Subject& s, int64_t pos, int64_t endpos,
                        size_t base_byte, int64_t base_cp) {
  const size_t* ov = p->regex->ovector();
  uint32_t groups = p->groups;
  auto* m = gc_new<MatchObject>(re_types().match);
  m->re = p;
  m->string = string;
  m->pos = pos;
  m->endpos = endpos;
  size_t n = 2 * (static_cast<size_t>(groups) + 1);
  m->bspans.resize(n);
  for (size_t k = 0; k < n; ++k) m->bspans[k] = ov[k] == PCRE2_UNSET ? -1 : static_cast<int64_t>(ov[k]);
  if (s.ascii) {
    m->spans = m->bspans;
  } else {
    m->spans.resize(n);
    const char* text = s.text.data();
    for (size_t k = 0; k < n; ++k) {
      int64_t b = m->bspans[k];
      if (b < 0) {
        m->spans[k] = -1;
      } else if (static_cast<size_t>(b) >= base_byte) {
        m->spans[k] = base_cp + count_code_points(text, base_byte, static_cast<size_t>(b));
      } else {
        m->spans[k] = base_cp - count_code_points(text, static_cast<size_t>(b), base_byte);
      }
    }
  }
  // lastindex: the group that closed last. Of the groups ending furthest,
  // an enclosing group closes after the groups inside it; otherwise the
  // later group closes later.
  int64_t best = -1;
  for (uint32_t g = 1; g <= groups; ++g) {
    int64_t end = m->bspans[2 * g + 1];
    if (end < 0) continue;
    if (best < 0 || end > m->bspans[2 * best + 1]) {
      best = g;
      continue;
    }
    if (end < m->bspans[2 * best + 1]) continue;
    bool best_encloses = false;
    for (uint32_t a = p->parent[g]; a != 0; a = p->parent[a])
      if (a == static_cast<uint32_t>(best)) best_encloses = true;
    if (!best_encloses) best = g;
  }
  m->lastindex = best;
  return m;
}

MatchObject* run_match(PatternObject* p, Value string, const Subject& s, int64_t pos, int64_t endpos, Anchor anchor) {
  if (pos > endpos) return nullptr;
  size_t pos_b = static_cast<size_t>(pos), end_b = static_cast<size_t>(endpos);
  if (!s.ascii) {
    pos_b = byte_offset(s.text, pos);
    end_b = endpos >= s.length ? s.text.size() : byte_offset(s.text, endpos);
  }
  if (!p->regex->exec(s.text.data(), end_b, pos_b, anchor, false, s.ascii)) return nullptr;
  return make_match(p, string, s, pos, endpos, pos_b, pos);
}

int flags_value(Value flags) {
  if (flags.is_small_int()) return static_cast<int>(flags.small_int_value());
  return static_cast<int>(index_value(flags));
}

PatternObject* compile_pattern(Value pattern, int flags) {
  if (isinstance(pattern, re_types().pattern)) {
    if (flags != 0) raise_value_error("cannot process flags argument with a compiled pattern");
    return pattern.as<PatternObject>();
  }
  bool is_bytes;
  std::string_view text;
  if (isinstance(pattern, types().str)) {
    is_bytes = false;
    text = pattern.as<Str>()->data;
  } else if (isinstance(pattern, types().bytes)) {
    is_bytes = true;
    text = pattern.as<Bytes>()->data;
  } else {
    raise_type_error("first argument must be string or compiled pattern");
  }
  auto check_flags = [&](int f) {
    if (!is_bytes) {
      if (f & kLocale) raise_value_error("cannot use LOCALE flag with a str pattern");
      if ((f & kAscii) && (f & kUnicode)) raise_value_error("ASCII and UNICODE flags are incompatible");
    } else {
      if (f & kUnicode) raise_value_error("cannot use UNICODE flag with a bytes pattern");
      if ((f & kLocale) && (f & kAscii)) raise_value_error("ASCII and LOCALE flags are incompatible");
    }
  };
  check_flags(flags);
  Translation t;
  std::unique_ptr<Regex> regex;
  try {
    t = translate(text, is_bytes, flags);
    check_flags(t.flags);
    if (!is_bytes && !(t.flags & kAscii)) t.flags |= kUnicode;
    regex = std::make_unique<Regex>(t, is_bytes);
  } catch (const PatternError& e) {
    // CPython reports these two without a position (the second as OverflowError).
    if (e.message == "the repetition number is too large") raise_overflow_error(e.message);
    if (e.message == "look-behind requires fixed-width pattern") raise_re_error(e.message, Value::none(), -1);
    raise_re_error(e.message, pattern, e.pos);
  }
  auto* p = gc_new<PatternObject>(re_types().pattern);
  p->pattern = pattern;
  p->flags = t.flags;
  p->is_bytes = is_bytes;
  p->groups = t.groups;
  p->parent = std::move(t.parent);
  p->regex = std::move(regex);
  p->group_names.assign(t.groups + 1, Value::null());
  p->groupindex = new_dict();
  for (auto& [name, g] : t.names) {
    Str* s = new_str(name);
    p->group_names[g] = s;
    p->groupindex->table.set(s, Value::small_int(g));
  }
  return p;
}

namespace {

PatternObject* self_pattern(const CallArgs& a) {
  if (a.count == 0 || !isinstance(a[0], re_types().pattern)) raise_type_error("descriptor requires a 're.Pattern' object");
  return a[0].as<PatternObject>();
}

int64_t clamp(Value v, int64_t fallback, int64_t length) {
  int64_t x = v.is_null() ? fallback : (v.is_small_int() ? v.small_int_value() : index_value_clamped(v));
  if (x < 0) return 0;
  return x > length ? length : x;
}

Value matcher(const CallArgs& a, const char* name, Anchor anchor) {
  ArgParser ap(a, name, {"string", "pos", "endpos"}, 1);
  PatternObject* p = self_pattern(a);
  Value string = ap.get(0);
  Subject s = subject_of(p, string);
  int64_t pos = clamp(ap.get(1), 0, s.length);
  int64_t endpos = clamp(ap.get(2), s.length, s.length);
  MatchObject* m = run_match(p, string, s, pos, endpos, anchor);
  return m == nullptr ? Value::none() : Value(m);
}

Value p_match(const CallArgs& a) { return matcher(a, "match", Anchor::kMatch); }
Value p_fullmatch(const CallArgs& a) { return matcher(a, "fullmatch", Anchor::kFull); }
Value p_search(const CallArgs& a) { return matcher(a, "search", Anchor::kSearch); }

Value p_findall(const CallArgs& a) {
  ArgParser ap(a, "findall", {"string", "pos", "endpos"}, 1);
  PatternObject* p = self_pattern(a);
  Value string = ap.get(0);
  Subject s = subject_of(p, string);
  int64_t pos = clamp(ap.get(1), 0, s.length);
  int64_t endpos = clamp(ap.get(2), s.length, s.length);
  List* out = new_list();
  if (pos > endpos) return out;
  size_t at = s.ascii ? static_cast<size_t>(pos) : byte_offset(s.text, pos);
  size_t end = s.ascii ? static_cast<size_t>(endpos) : byte_offset(s.text, endpos);
  bool must_advance = false, checked = s.ascii;
  Regex& r = *p->regex;
  Value empty = s.is_bytes ? Value(new_bytes("")) : Value(new_str(""));
  while (at <= end) {
    if (!r.exec(s.text.data(), end, at, Anchor::kSearch, must_advance, checked)) break;
    checked = true;
    const size_t* ov = r.ovector();
    size_t ms = ov[0], me = ov[1];
    if (p->groups == 0) {
      out->items.push_back(slice_subject(s, ms, me));
    } else if (p->groups == 1) {
      out->items.push_back(ov[2] == PCRE2_UNSET ? empty : slice_subject(s, ov[2], ov[3]));
    } else {
      std::vector<size_t> offs(ov, ov + 2 * (p->groups + 1));
      std::vector<Value> items;
      items.reserve(p->groups);
      for (uint32_t g = 1; g <= p->groups; ++g)
        items.push_back(offs[2 * g] == PCRE2_UNSET ? empty : slice_subject(s, offs[2 * g], offs[2 * g + 1]));
      out->items.push_back(new_tuple(std::move(items)));
    }
    must_advance = ms == me;
    at = me;
  }
  return out;
}

// finditer's iterator (CPython's callable_iterator over a scanner).
struct ScannerObject : Object {
  PatternObject* pattern = nullptr;
  Value string;
  int64_t pos = 0, endpos = 0;
  size_t at = 0, end = 0;          // bytes
  size_t base_byte = 0;            // a position known in both units
  int64_t base_cp = 0;
  bool must_advance = false, checked = false, done = false;
  explicit ScannerObject(Type* t) : Object(t) {}
  void trace(Tracer& tr) override {
    tr.visit(pattern);
    tr.visit(string);
  }
};

Value p_finditer(const CallArgs& a) {
  ArgParser ap(a, "finditer", {"string", "pos", "endpos"}, 1);
  PatternObject* p = self_pattern(a);
  Value string = ap.get(0);
  Subject s = subject_of(p, string);
  auto* it = gc_new<ScannerObject>(re_types().scanner);
  it->pattern = p;
  it->string = string;
  it->pos = clamp(ap.get(1), 0, s.length);
  it->endpos = clamp(ap.get(2), s.length, s.length);
  it->done = it->pos > it->endpos;
  it->at = s.ascii ? static_cast<size_t>(it->pos) : byte_offset(s.text, it->pos);
  it->end = s.ascii ? static_cast<size_t>(it->endpos) : byte_offset(s.text, it->endpos);
  it->base_byte = it->at;
  it->base_cp = it->pos;
  it->checked = s.ascii;
  return it;
}

Value scanner_iter(const CallArgs& a) { return a[0]; }

Value scanner_next(const CallArgs& a) {
  if (!isinstance(a[0], re_types().scanner)) raise_type_error("descriptor requires a 'callable_iterator' object");
  auto* it = a[0].as<ScannerObject>();
  if (it->done) raise_error(exc().StopIteration, "");
  PatternObject* p = it->pattern;
  Subject s = subject_of(p, it->string);
  if (it->at > it->end ||
      !p->regex->exec(s.text.data(), it->end, it->at, Anchor::kSearch, it->must_advance, it->checked)) {
    it->done = true;
    raise_error(exc().StopIteration, "");
  }
  it->checked = true;
  MatchObject* m = make_match(p, it->string, s, it->pos, it->endpos, it->base_byte, it->base_cp);
  size_t ms = static_cast<size_t>(m->bspans[0]), me = static_cast<size_t>(m->bspans[1]);
  it->must_advance = ms == me;
  it->at = me;
  it->base_byte = me;
  it->base_cp = m->spans[1];
  return m;
}

Value p_sub(const CallArgs& a) {
  ArgParser ap(a, "sub", {"repl", "string", "count"}, 2);
  Value count = ap.get(2, Value::small_int(0));
  return pattern_sub_impl(self_pattern(a), ap.get(0), ap.get(1), index_value(count), false);
}
Value p_subn(const CallArgs& a) {
  ArgParser ap(a, "subn", {"repl", "string", "count"}, 2);
  Value count = ap.get(2, Value::small_int(0));
  return pattern_sub_impl(self_pattern(a), ap.get(0), ap.get(1), index_value(count), true);
}
Value p_split(const CallArgs& a) {
  ArgParser ap(a, "split", {"string", "maxsplit"}, 1);
  Value maxsplit = ap.get(1, Value::small_int(0));
  return pattern_split_impl(self_pattern(a), ap.get(0), index_value(maxsplit));
}

std::string flags_repr(int flags) {
  static const std::pair<const char*, int> names[] = {
      {"re.TEMPLATE", kTemplate}, {"re.IGNORECASE", kIgnoreCase}, {"re.LOCALE", kLocale},
      {"re.MULTILINE", kMultiline}, {"re.DOTALL", kDotAll},   {"re.UNICODE", kUnicode},
      {"re.VERBOSE", kVerbose},   {"re.DEBUG", kDebug},       {"re.ASCII", kAscii}};
  std::string out;
  for (auto& [name, bit] : names) {
    if (flags & bit) {
      if (!out.empty()) out += '|';
      out += name;
      flags &= ~bit;
    }
  }
  if (flags) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "0x%x", static_cast<unsigned>(flags));
    if (!out.empty()) out += '|';
    out += buf;
  }
  return out;
}

// The first `n` code points of UTF-8 text.
std::string first_code_points(const std::string& text, int64_t n) {
  size_t k = byte_offset(text, n);
  return text.substr(0, k);
}

Value p_repr(const CallArgs& a) {
  PatternObject* p = self_pattern(a);
  std::string out = "re.compile(" + first_code_points(repr_string(p->pattern), 200);
  int flags = p->flags;
  if (!p->is_bytes && (flags & (kLocale | kUnicode | kAscii)) == kUnicode) flags &= ~kUnicode;
  if (flags != 0) out += ", " + flags_repr(flags);
  out += ")";
  return new_str(out);
}

Value p_eq(const CallArgs& a) {
  PatternObject* p = self_pattern(a);
  if (!isinstance(a[1], re_types().pattern)) return not_implemented();
  auto* q = a[1].as<PatternObject>();
  if (p == q) return Value::true_value();
  return Value::boolean(p->flags == q->flags && p->is_bytes == q->is_bytes && values_equal(p->pattern, q->pattern));
}
Value p_ne(const CallArgs& a) {
  Value r = p_eq(a);
  if (r.is_bool()) return Value::boolean(!r.is_true());
  return r;
}
Value p_hash(const CallArgs& a) {
  PatternObject* p = self_pattern(a);
  int64_t h = hash_value(p->pattern) ^ (static_cast<int64_t>(p->flags) * 1000003);
  if (h == -1) h = -2;
  return make_int(h);
}
Value p_self(const CallArgs& a) { return self_pattern(a); }

Value g_pattern(Value self) { return self.as<PatternObject>()->pattern; }
Value g_flags(Value self) { return Value::small_int(self.as<PatternObject>()->flags); }
Value g_groups(Value self) { return Value::small_int(self.as<PatternObject>()->groups); }
Value g_groupindex(Value self) {
  Dict* d = new_dict();
  Dict* src = self.as<PatternObject>()->groupindex;
  for (size_t k = 0; k < src->table.entry_capacity(); ++k) {
    const auto& e = src->table.entry_at(k);
    if (!e.key.is_null()) d->table.set(e.key, e.value);
  }
  return d;
}

Value no_construct(Type* type, const CallArgs&) {
  raise_type_error("cannot create '" + std::string(type == re_types().scanner ? "callable_iterator" : "re." + type->name) +
                   "' instances");
}

}  // namespace

// re.Pattern[str]: a types.GenericAlias, which the core makes for list[...].
Value re_class_getitem(const CallArgs& a) {
  check_arg_count(a, "__class_getitem__", 2, 2);
  Value sample = call_method(Value(types().list), "__class_getitem__", {Value(types().int_)});
  return call(Value(type_of(sample)), {a[0], a[1]});
}

void install_pattern_type() {
  Type* t = new_builtin_type("Pattern", types().object, no_construct);
  t->allows_subclassing = false;
  add_type_attr(t, "__module__", intern("re"));
  add_method(t, "match", p_match);
  add_method(t, "fullmatch", p_fullmatch);
  add_method(t, "search", p_search);
  add_method(t, "findall", p_findall);
  add_method(t, "finditer", p_finditer);
  add_method(t, "sub", p_sub);
  add_method(t, "subn", p_subn);
  add_method(t, "split", p_split);
  add_method(t, "__repr__", p_repr);
  add_method(t, "__eq__", p_eq);
  add_method(t, "__ne__", p_ne);
  add_method(t, "__hash__", p_hash);
  add_method(t, "__copy__", p_self);
  add_method(t, "__deepcopy__", p_self);
  add_class_method(t, "__class_getitem__", re_class_getitem);
  add_getset(t, "pattern", g_pattern);
  add_getset(t, "flags", g_flags);
  add_getset(t, "groups", g_groups);
  add_getset(t, "groupindex", g_groupindex);
  re_types().pattern = t;

  Type* s = new_builtin_type("callable_iterator", types().object, no_construct);
  s->allows_subclassing = false;
  add_method(s, "__iter__", scanner_iter);
  add_method(s, "__next__", scanner_next);
  re_types().scanner = s;
}

}  // namespace gilvm::re
