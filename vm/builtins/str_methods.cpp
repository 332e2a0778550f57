// str: construction, indexing by code point, the operators, repr/format,
// and the string methods. Text is UTF-8 with a cached length; ASCII strings
// take byte-level fast paths, others decode where code points matter.
#include <algorithm>
#include <deque>
#include <optional>
#include <span>
#include <string>

#include "vm/codecs/codecs.hpp"
#include "vm/builtins/container_ops.hpp"
#include "vm/builtins/bytes_ops.hpp"
#include "vm/builtins/install.hpp"
#include "vm/builtins/percent_adapter.hpp"
#include "vm/objects/buffer.hpp"
#include "vm/builtins/str_ops.hpp"
#include "vm/errors.hpp"
#include "vm/heap/heap.hpp"
#include "vm/names.hpp"
#include "vm/native.hpp"
#include "vm/number_ops.hpp"
#include "vm/objects/dict.hpp"
#include "vm/objects/number.hpp"
#include "vm/objects/sequence.hpp"
#include "vm/objects/str.hpp"
#include "vm/opcodes.hpp"
#include "vm/ops.hpp"
#include "vm/text/case_convert.hpp"
#include "vm/text/format_spec.hpp"
#include "vm/text/repr.hpp"
#include "vm/text/str_format.hpp"
#include "vm/text/unicode_props.hpp"
#include "vm/text/utf8.hpp"

namespace gilvm {

namespace {

Str* self_str(const CallArgs& a, const char* name) {
  if (a.count == 0 || !isinstance(a[0], types().str))
    raise_type_error(std::string("descriptor '") + name + "' requires a 'str' object but received a '" +
                     (a.count ? type_name(a[0]) : std::string("nothing")) + "'");
  return a[0].as<Str>();
}
Str* arg_str(Value v, const char* what) {
  if (!isinstance(v, types().str))
    raise_type_error(std::string(what) + " must be str, not " + type_name(v));
  return v.as<Str>();
}
// Byte offset <-> code point index.
size_t to_byte(const Str* s, int64_t cp) { return str_byte_offset(s, cp); }
int64_t to_cp(const Str* s, size_t byte) { return str_code_point_index(s, byte); }
// Optional start/end arguments, clamped like slice indices (code points).
void clamp_range(const Str* s, const CallArgs& a, size_t first, int64_t* start, int64_t* end) {
  SearchRange r = search_range(a, first, s->length, true);
  *start = r.start;
  *end = r.stop;
}
bool space_at(std::string_view s, size_t& pos, char32_t* cp_out = nullptr) {
  size_t p = pos;
  char32_t cp = text::decode_utf8(s, p);
  if (cp_out) *cp_out = cp;
  if (text::is_space(cp)) {
    pos = p;
    return true;
  }
  return false;
}

// --- construction -------------------------------------------------------------

Value str_construct(Type* type, const CallArgs& args) {
  // str(x), by far the most common form, skips argument parsing.
  if (type == types().str && args.count == 1 && args.kwnames == nullptr) return to_str(args[0]);
  ArgParser p(args, "str", {"object", "encoding", "errors"}, 0, false);
  Value result;
  if (!p.given(0)) {
    result = intern("");
  } else if (p.given(1) || p.given(2)) {
    Value obj = p.get(0);
    if (isinstance(obj, types().str)) raise_type_error("decoding str is not supported");
    std::string bytes;
    if (!copy_buffer(obj, &bytes))
      raise_type_error("decoding to str: need a bytes-like object, " + type_name(obj) + " found");
    result = decode_bytes(bytes, p.get(1), p.get(2));
  } else {
    result = to_str(p.get(0));
  }
  if (type == types().str) return result;
  return gc_new<Str>(type, result.as<Str>()->data);
}

// --- operators -------------------------------------------------------------------

Value str_add(const CallArgs& a) {
  Str* s = self_str(a, "__add__");
  if (!isinstance(a[1], types().str))
    raise_type_error("can only concatenate str (not \"" + type_name(a[1]) + "\") to str");
  return str_concat(s, a[1].as<Str>());
}
Value str_mul(const CallArgs& a) {
  Str* s = self_str(a, "__mul__");
  if (!has_index(a[1])) return not_implemented();
  int64_t n = index_value(a[1]);
  if (n <= 0 || s->data.empty()) return intern("");
  return new_str(repeat_text(s->data, n));
}
Value str_len(const CallArgs& a) { return make_int(self_str(a, "__len__")->length); }
Value str_iter(const CallArgs& a) { return make_iterator(SeqIterator::Kind::Str, self_str(a, "__iter__")); }
Value str_contains(const CallArgs& a) {
  Str* s = self_str(a, "__contains__");
  if (!isinstance(a[1], types().str))
    raise_type_error("'in <string>' requires string as left operand, not " + type_name(a[1]));
  return Value::boolean(s->data.find(a[1].as<Str>()->data) != std::string::npos);
}
Value str_hash(const CallArgs& a) { return make_int(str_hash(self_str(a, "__hash__"))); }
template <uint32_t Op>
Value str_compare(const CallArgs& a) {
  if (!isinstance(a[1], types().str)) return not_implemented();
  // UTF-8 byte order is code-point order.
  int c = a[0].as<Str>()->data.compare(a[1].as<Str>()->data);
  switch (Op) {
    case kLt: return Value::boolean(c < 0);
    case kLe: return Value::boolean(c <= 0);
    case kEq: return Value::boolean(c == 0);
    case kNe: return Value::boolean(c != 0);
    case kGt: return Value::boolean(c > 0);
    default: return Value::boolean(c >= 0);
  }
}
Value str_repr(const CallArgs& a) { return new_str(text::repr_str(self_str(a, "__repr__")->data)); }
Value str_str(const CallArgs& a) {
  Str* s = self_str(a, "__str__");
  return s->type == types().str ? Value(s) : Value(new_str(s->data));
}
Value str_format_method_spec(const CallArgs& a) {
  Str* s = self_str(a, "__format__");
  Str* spec = arg_str(a[1], "format_spec");
  if (spec->data.empty()) return str_str(a);
  return new_str(text::format_str(s->data, spec->data));
}
Value str_getitem_method(const CallArgs& a) { return str_getitem(self_str(a, "__getitem__"), a[1]); }
Value str_mod_method(const CallArgs& a) { return str_mod(self_str(a, "__mod__"), a[1]); }
Value str_rmod(const CallArgs&) { return not_implemented(); }

// --- searching --------------------------------------------------------------------

Value find_impl(const CallArgs& a, const char* name, bool reverse, bool raise) {
  Str* s = self_str(a, name);
  check_arg_count(a, name, 2, 4);
  Str* sub = arg_str(a[1], "must be str, not");
  int64_t start, end;
  clamp_range(s, a, 2, &start, &end);
  int64_t result = -1;
  if (start <= end && (end - start) >= sub->length) {
    size_t bs = to_byte(s, start), be = to_byte(s, end);
    std::string_view hay = std::string_view(s->data).substr(bs, be - bs);
    size_t pos = reverse ? hay.rfind(sub->data) : hay.find(sub->data);
    if (pos != std::string::npos) result = to_cp(s, bs + pos);
  }
  if (result < 0 && raise) raise_value_error("substring not found");
  return make_int(result);
}
Value str_find(const CallArgs& a) { return find_impl(a, "find", false, false); }
Value str_rfind(const CallArgs& a) { return find_impl(a, "rfind", true, false); }
Value str_index(const CallArgs& a) { return find_impl(a, "index", false, true); }
Value str_rindex(const CallArgs& a) { return find_impl(a, "rindex", true, true); }
Value str_count(const CallArgs& a) {
  Str* s = self_str(a, "count");
  check_arg_count(a, "count", 2, 4);
  Str* sub = arg_str(a[1], "must be str, not");
  int64_t start, end;
  clamp_range(s, a, 2, &start, &end);
  if (start > end) return Value::small_int(0);
  size_t bs = to_byte(s, start), be = to_byte(s, end);
  std::string_view hay = std::string_view(s->data).substr(bs, be - bs);
  if (sub->data.empty()) return make_int(end - start + 1);
  int64_t n = 0;
  for (size_t pos = hay.find(sub->data); pos != std::string::npos; pos = hay.find(sub->data, pos + sub->data.size())) ++n;
  return make_int(n);
}
Value affix_impl(const CallArgs& a, const char* name, bool at_end) {
  Str* s = self_str(a, name);
  check_arg_count(a, name, 2, 4);
  int64_t start, end;
  clamp_range(s, a, 2, &start, &end);
  // The candidates: a tuple's items (a tuple never changes, and a[1]
  // keeps it alive) or the one argument; nothing below runs Python.
  const Value* candidates = &a.args[1];
  size_t candidate_count = 1;
  bool from_tuple = type_of(a[1]) == types().tuple;
  if (from_tuple) {
    const std::vector<Value>& items = a[1].as<Tuple>()->items;
    candidates = items.data();
    candidate_count = items.size();
  }
  if (start > end) return Value::false_value();
  size_t bs = to_byte(s, start), be = to_byte(s, end);
  std::string_view hay = std::string_view(s->data).substr(bs, be - bs);
  for (size_t i = 0; i < candidate_count; ++i) {
    Value c = candidates[i];
    if (!isinstance(c, types().str)) {
      if (from_tuple) raise_type_error("tuple for " + std::string(name) + " must only contain str, not " + type_name(c));
      raise_type_error(std::string(name) + " first arg must be str or a tuple of str, not " + type_name(c));
    }
    const std::string& t = c.as<Str>()->data;
    if (t.size() > hay.size()) continue;
    if (at_end ? hay.substr(hay.size() - t.size()) == t : hay.substr(0, t.size()) == t) return Value::true_value();
  }
  return Value::false_value();
}
Value str_startswith(const CallArgs& a) { return affix_impl(a, "startswith", false); }
Value str_endswith(const CallArgs& a) { return affix_impl(a, "endswith", true); }

// --- splitting and joining --------------------------------------------------------------

Value str_split_impl(const CallArgs& a, const char* name, bool reverse) {
  ArgParser p(a, name, {"sep", "maxsplit"});
  Str* s = self_str(a, name);
  Value sep = p.get(0, Value::none());
  int64_t maxsplit = p.given(1) ? index_value(p.get(1)) : -1;
  // Appended to the result list itself: an object this frame holds, so the
  // collector sees the parts as they are made.
  List* result = new_list();
  std::vector<Value>& parts = result->items;
  std::string_view text = s->data;
  if (sep.is_none()) {
    // Runs of whitespace separate; leading/trailing whitespace is dropped.
    // Once maxsplit words are split off, the rest is one part that keeps
    // its whitespace on the far side ("a b  ".split(None, 1) is
    // ['a', 'b  ']), as in CPython.
    if (!reverse) {
      size_t pos = 0;
      int64_t splits = 0;
      for (;;) {
        while (pos < text.size() && space_at(text, pos)) {}
        if (pos >= text.size()) break;
        if (maxsplit >= 0 && splits >= maxsplit) {
          parts.push_back(str_part(s, text.substr(pos)));
          break;
        }
        size_t start = pos;
        while (pos < text.size()) {
          size_t probe = pos;
          if (space_at(text, probe)) break;
          text::decode_utf8(text, pos);
        }
        parts.push_back(str_part(s, text.substr(start, pos - start)));
        ++splits;
      }
      return result;
    }
    // rsplit: the words found forwards, then the first ones merged.
    std::vector<std::pair<size_t, size_t>> words;
    size_t pos = 0;
    while (pos < text.size()) {
      while (pos < text.size() && space_at(text, pos)) {}
      if (pos >= text.size()) break;
      size_t start = pos;
      while (pos < text.size()) {
        size_t probe = pos;
        if (space_at(text, probe)) break;
        text::decode_utf8(text, pos);
      }
      words.emplace_back(start, pos);
    }
    if (maxsplit >= 0 && static_cast<int64_t>(words.size()) > maxsplit) {
      size_t first_kept = words.size() - maxsplit;
      parts.push_back(str_part(s, text.substr(0, words[first_kept - 1].second)));
      for (size_t i = first_kept; i < words.size(); ++i)
        parts.push_back(str_part(s, text.substr(words[i].first, words[i].second - words[i].first)));
      return result;
    }
    for (auto& w : words) parts.push_back(str_part(s, text.substr(w.first, w.second - w.first)));
    return result;
  }
  Str* sep_str = arg_str(sep, "must be str or None, not");
  if (sep_str->data.empty()) raise_value_error("empty separator");
  std::string_view d = sep_str->data;
  if (!reverse) {
    size_t start = 0;
    int64_t splits = 0;
    for (;;) {
      size_t pos = text.find(d, start);
      if (pos == std::string::npos || (maxsplit >= 0 && splits >= maxsplit)) break;
      parts.push_back(str_part(s, text.substr(start, pos - start)));
      start = pos + d.size();
      ++splits;
    }
    parts.push_back(str_part(s, text.substr(start)));
    return result;
  }
  size_t end = text.size();
  int64_t splits = 0;
  std::vector<Value>& rev = parts;
  for (;;) {
    if (end < d.size()) break;
    size_t pos = text.rfind(d, end - d.size());
    if (pos == std::string::npos || (maxsplit >= 0 && splits >= maxsplit)) break;
    rev.push_back(str_part(s, text.substr(pos + d.size(), end - pos - d.size())));
    end = pos;
    ++splits;
  }
  rev.push_back(str_part(s, text.substr(0, end)));
  std::reverse(rev.begin(), rev.end());
  return result;
}
Value str_split(const CallArgs& a) { return str_split_impl(a, "split", false); }
Value str_rsplit(const CallArgs& a) { return str_split_impl(a, "rsplit", true); }

Value str_splitlines(const CallArgs& a) {
  ArgParser p(a, "splitlines", {"keepends"});
  Str* s = self_str(a, "splitlines");
  bool keep = is_truthy(p.get(0, Value::false_value()));
  std::string_view text = s->data;
  // The lines go straight into the result list, an object this frame
  // holds, so the collector sees them as they are made.
  List* result = new_list();
  std::vector<Value>& lines = result->items;
  size_t start = 0, pos = 0;
  while (pos < text.size()) {
    size_t here = pos;
    char32_t cp = text::decode_utf8(text, pos);
    bool is_break = cp == '\n' || cp == '\r' || cp == 0x0b || cp == 0x0c || cp == 0x1c || cp == 0x1d ||
                    cp == 0x1e || cp == 0x85 || cp == 0x2028 || cp == 0x2029;
    if (!is_break) continue;
    size_t end_of_break = pos;
    if (cp == '\r' && pos < text.size() && text[pos] == '\n') end_of_break = ++pos;
    lines.push_back(str_part(s, text.substr(start, (keep ? end_of_break : here) - start)));
    start = end_of_break;
  }
  if (start < text.size()) lines.push_back(str_part(s, text.substr(start)));
  return result;
}

Value str_join(const CallArgs& a) {
  Str* sep = self_str(a, "join");
  check_arg_count(a, "join", 2, 2);
  // An exact list or tuple is read in place (nothing below runs Python
  // code); anything else is drained first.
  ValueVector drained;
  std::span<const Value> items;
  Type* source_type = type_of(a[1]);
  if (source_type == types().list) {
    items = a[1].as<List>()->items;
  } else if (source_type == types().tuple) {
    items = a[1].as<Tuple>()->items;
  } else {
    drained = collect_iterable(a[1]);
    items = drained;
  }
  // Measured first: one allocation, and the result's length and ASCII-ness
  // follow from the parts', so it needs no scan.
  size_t bytes = 0;
  int64_t code_points = 0;
  bool ascii = sep->ascii;
  for (size_t i = 0; i < items.size(); ++i) {
    if (!isinstance(items[i], types().str))
      raise_type_error("sequence item " + std::to_string(i) + ": expected str instance, " + type_name(items[i]) +
                       " found");
    const Str* part = items[i].as<Str>();
    bytes += part->data.size();
    code_points += part->length;
    ascii = ascii && part->ascii;
  }
  if (items.size() == 1 && type_of(items[0]) == types().str) return items[0];  // as CPython: no copy
  if (items.size() > 1) {
    bytes += sep->data.size() * (items.size() - 1);
    code_points += sep->length * static_cast<int64_t>(items.size() - 1);
  }
  std::string out;
  out.reserve(bytes);
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += sep->data;
    out += items[i].as<Str>()->data;
  }
  return new_str_known(std::move(out), code_points, ascii);
}

Value partition_impl(const CallArgs& a, const char* name, bool reverse) {
  Str* s = self_str(a, name);
  check_arg_count(a, name, 2, 2);
  Str* sep = arg_str(a[1], "must be str, not");
  if (sep->data.empty()) raise_value_error("empty separator");
  size_t pos = reverse ? s->data.rfind(sep->data) : s->data.find(sep->data);
  if (pos == std::string::npos) {
    if (reverse) return new_tuple({intern(""), intern(""), s});
    return new_tuple({s, intern(""), intern("")});
  }
  return new_tuple({new_str(s->data.substr(0, pos)), sep, new_str(s->data.substr(pos + sep->data.size()))});
}
Value str_partition(const CallArgs& a) { return partition_impl(a, "partition", false); }
Value str_rpartition(const CallArgs& a) { return partition_impl(a, "rpartition", true); }

// --- stripping, case, padding ---------------------------------------------------------------

Value strip_impl(const CallArgs& a, const char* name, bool left, bool right) {
  Str* s = self_str(a, name);
  check_arg_count(a, name, 1, 2);
  std::u32string chars;
  bool whitespace = a.count < 2 || a[1].is_none();
  if (!whitespace) chars = text::decode_utf8(arg_str(a[1], "strip arg must be None or str, not")->data);
  auto strip_it = [&](char32_t cp) {
    return whitespace ? text::is_space(cp) : chars.find(cp) != std::u32string::npos;
  };
  std::string_view text = s->data;
  size_t begin = 0, end = text.size();
  if (left) {
    while (begin < end) {
      size_t p = begin;
      char32_t cp = text::decode_utf8(text, p);
      if (!strip_it(cp)) break;
      begin = p;
    }
  }
  if (right) {
    while (end > begin) {
      size_t p = end;
      char32_t cp = text::decode_utf8_backward(text, p);
      if (!strip_it(cp)) break;
      end = p;
    }
  }
  if (begin == 0 && end == text.size() && type_of(a[0]) == types().str) return a[0];  // as CPython: no copy
  return str_part(s, text.substr(begin, end - begin));
}
Value str_strip(const CallArgs& a) { return strip_impl(a, "strip", true, true); }
Value str_lstrip(const CallArgs& a) { return strip_impl(a, "lstrip", true, false); }
Value str_rstrip(const CallArgs& a) { return strip_impl(a, "rstrip", false, true); }

template <std::string (*F)(std::string_view)>
Value case_method(const CallArgs& a) {
  return new_str(F(self_str(a, "case conversion")->data));
}
template <bool (*F)(std::string_view)>
Value case_predicate(const CallArgs& a) {
  return Value::boolean(F(self_str(a, "case predicate")->data));
}
template <bool (*F)(char32_t)>
Value char_predicate(const CallArgs& a) {
  Str* s = self_str(a, "predicate");
  if (s->data.empty()) return Value::false_value();
  std::string_view t = s->data;
  for (size_t pos = 0; pos < t.size();)
    if (!F(text::decode_utf8(t, pos))) return Value::false_value();
  return Value::true_value();
}
Value str_isascii(const CallArgs& a) { return Value::boolean(self_str(a, "isascii")->ascii); }
Value str_isidentifier(const CallArgs& a) {
  Str* s = self_str(a, "isidentifier");
  std::string_view t = s->data;
  if (t.empty()) return Value::false_value();
  size_t pos = 0;
  if (!text::is_identifier_start(text::decode_utf8(t, pos))) return Value::false_value();
  while (pos < t.size())
    if (!text::is_identifier_continue(text::decode_utf8(t, pos))) return Value::false_value();
  return Value::true_value();
}
Value str_isprintable(const CallArgs& a) {
  std::string_view t = self_str(a, "isprintable")->data;
  for (size_t pos = 0; pos < t.size();)
    if (!text::is_printable(text::decode_utf8(t, pos))) return Value::false_value();
  return Value::true_value();
}

Value pad_impl(const CallArgs& a, const char* name, char align) {
  Str* s = self_str(a, name);
  check_arg_count(a, name, 2, 3);
  int64_t width = index_value(a[1]);
  std::string fill = " ";
  if (a.count == 3) {
    Str* f = arg_str(a[2], "The fill character must be a unicode character, not");
    if (f->length != 1) raise_type_error("The fill character must be exactly one character long");
    fill = f->data;
  }
  if (width <= s->length) return s->type == types().str ? Value(s) : Value(new_str(s->data));
  int64_t total = width - s->length;
  int64_t left = align == '<' ? 0 : align == '>' ? total : total / 2 + (total & width & 1);
  int64_t right = total - left;
  std::string out;
  check_allocation_size(static_cast<double>(total) * static_cast<double>(fill.size()));
  out.reserve(static_cast<size_t>(total) * fill.size() + s->data.size());
  auto append_fill = [&](int64_t count) {
    if (fill.size() == 1) out.append(static_cast<size_t>(count), fill[0]);
    else for (int64_t i = 0; i < count; ++i) out += fill;
  };
  append_fill(left);
  out += s->data;
  append_fill(right);
  return new_str(std::move(out));
}
Value str_center(const CallArgs& a) { return pad_impl(a, "center", '^'); }
Value str_ljust(const CallArgs& a) { return pad_impl(a, "ljust", '<'); }
Value str_rjust(const CallArgs& a) { return pad_impl(a, "rjust", '>'); }
Value str_zfill(const CallArgs& a) {
  Str* s = self_str(a, "zfill");
  check_arg_count(a, "zfill", 2, 2);
  int64_t width = index_value(a[1]);
  if (width <= s->length) return s;
  check_allocation_size(static_cast<double>(width));
  std::string out = s->data;
  size_t sign = (!out.empty() && (out[0] == '+' || out[0] == '-')) ? 1 : 0;
  out.insert(sign, std::string(static_cast<size_t>(width - s->length), '0'));
  return new_str(std::move(out));
}
Value str_replace(const CallArgs& a) {
  Str* s = self_str(a, "replace");
  check_arg_count(a, "replace", 3, 4);
  Str* old = arg_str(a[1], "replace() argument 1 must be str, not");
  Str* repl = arg_str(a[2], "replace() argument 2 must be str, not");
  int64_t count = a.count == 4 ? index_value(a[3]) : -1;
  std::string out;
  const std::string& t = s->data;
  if (old->data.empty()) {
    // Insert between every code point (and at both ends).
    int64_t done = 0;
    size_t pos = 0;
    if (count != 0) {
      out += repl->data;
      ++done;
    }
    while (pos < t.size()) {
      size_t start = pos;
      text::decode_utf8(t, pos);
      out.append(t, start, pos - start);
      if (count < 0 || done < count) {
        out += repl->data;
        ++done;
      }
    }
    return new_str(std::move(out));
  }
  size_t start = 0;
  int64_t done = 0;
  for (;;) {
    size_t pos = t.find(old->data, start);
    if (pos == std::string::npos || (count >= 0 && done >= count)) break;
    out.append(t, start, pos - start);
    out += repl->data;
    start = pos + old->data.size();
    ++done;
  }
  out.append(t, start, std::string::npos);
  return new_str(std::move(out));
}
Value str_removeprefix(const CallArgs& a) {
  Str* s = self_str(a, "removeprefix");
  Str* p = arg_str(a[1], "removeprefix() argument must be str, not");
  if (s->data.compare(0, p->data.size(), p->data) == 0) return new_str(s->data.substr(p->data.size()));
  return s;
}
Value str_removesuffix(const CallArgs& a) {
  Str* s = self_str(a, "removesuffix");
  Str* p = arg_str(a[1], "removesuffix() argument must be str, not");
  if (!p->data.empty() && s->data.size() >= p->data.size() &&
      s->data.compare(s->data.size() - p->data.size(), p->data.size(), p->data) == 0)
    return new_str(s->data.substr(0, s->data.size() - p->data.size()));
  return s;
}
Value str_expandtabs(const CallArgs& a) {
  Str* s = self_str(a, "expandtabs");
  int64_t tab = a.count > 1 ? index_value(a[1]) : 8;
  std::string out;
  int64_t column = 0;
  std::string_view t = s->data;
  for (size_t pos = 0; pos < t.size();) {
    size_t start = pos;
    char32_t cp = text::decode_utf8(t, pos);
    if (cp == '\t') {
      if (tab > 0) {
        int64_t spaces = tab - column % tab;
        out.append(static_cast<size_t>(spaces), ' ');
        column += spaces;
      }
    } else {
      out.append(t.substr(start, pos - start));
      column = (cp == '\n' || cp == '\r') ? 0 : column + 1;
    }
  }
  return new_str(std::move(out));
}
bool has_surrogates(std::string_view t) {
  for (size_t i = t.find('\xED'); i != std::string_view::npos && i + 1 < t.size(); i = t.find('\xED', i + 1))
    if (static_cast<unsigned char>(t[i + 1]) >= 0xA0) return true;
  return false;
}
Value str_encode(const CallArgs& a) {
  ArgParser p(a, "encode", {"encoding", "errors"});
  Str* s = self_str(a, "encode");
  std::string given = p.given(0) ? arg_str(p.get(0), "encode() argument 'encoding' must be str, not")->data : "utf-8";
  // ASCII text is the same bytes in all three codecs; only the name needs
  // checking.
  if (s->ascii && (given == "ascii" || given == "utf-8" || given == "latin-1")) return new_bytes(s->data);
  const codecs::Codec* codec = codecs::find_codec(given);
  if (codec == nullptr) raise_error(exc().LookupError, "unknown encoding: " + given);
  std::string errors = p.given(1) ? str_string(p.get(1)) : "strict";
  // Stored text is UTF-8 already, unless it holds lone surrogates (their
  // 3-byte forms start with 0xED 0xA0..0xBF), which UTF-8 refuses.
  if (codec->kind == codecs::Kind::Utf8 && !has_surrogates(s->data)) return new_bytes(s->data);
  return new_bytes(codecs::encode(*codec, s->data, errors));
}
Value str_format_method(const CallArgs& a) { return str_format(self_str(a, "format"), a, 1); }

// --- the str.format adapter for the text library -------------------------------------

// Fields of str.format(*args, **kwargs), or of str.format_map(mapping) when
// `mapping` is set (then every field must be named, and names are looked up
// with mapping[name], so a dict subclass's __missing__ applies).
class FormatAdapter : public text::StrFormatArgs {
 public:
  FormatAdapter(const CallArgs& a, size_t first, Value mapping = Value::null())
      : args_(a), first_(first), mapping_(mapping) {}
  static Value v(text::FormatValue x) { return *static_cast<const Value*>(x); }
  text::FormatValue keep(Value x) {
    values_.push_back(x);
    return &values_.back();
  }
  text::FormatValue get_field(const text::FieldName& name) override {
    Value value;
    if (!mapping_.is_null()) {
      if (name.kind == text::FieldName::Kind::kPositional) raise_value_error("Format string contains positional fields");
      value = get_item(mapping_, new_str(name.keyword));
    } else if (name.kind == text::FieldName::Kind::kPositional) {
      size_t i = first_ + name.index;
      if (i >= args_.count)
        raise_index_error("Replacement index " + std::to_string(name.index) + " out of range for positional args tuple");
      value = args_[i];
    } else {
      for (size_t k = 0; k < args_.kw_count(); ++k)
        if (args_.kwnames->items[k].as<Str>()->data == name.keyword) value = args_.kw_value(k);
      if (value.is_null()) raise_key_error(new_str(name.keyword));
    }
    for (const text::FieldAccessor& acc : name.accessors) {
      if (acc.kind == text::FieldAccessor::Kind::kAttribute) value = get_attr(value, intern(acc.name));
      else if (acc.kind == text::FieldAccessor::Kind::kIndex) value = get_item(value, make_int(static_cast<int64_t>(acc.index)));
      else value = get_item(value, new_str(acc.name));
    }
    return keep(value);
  }
  text::FormatValue convert(text::FormatValue x, char32_t conversion) override {
    Value value = v(x);
    if (conversion == 's') return keep(to_str(value));
    if (conversion == 'r') return keep(repr(value));
    std::string out;
    append_ascii_repr(out, value);
    return keep(new_str(out));
  }
  void append_formatted(std::string& out, text::FormatValue x, std::string_view spec) override {
    out += format_value(v(x), new_str(spec))->data;
  }

 private:
  const CallArgs& args_;
  size_t first_;
  Value mapping_;
  std::deque<Value, RootingAllocator<Value>> values_;
};

}  // namespace

// Indexing and slicing. ASCII text is indexed by byte. Other text finds
// its byte offsets through str_byte_offset (O(1) for long strings) and
// walks only the part a slice covers.
Value str_concat(const Str* a, const Str* b) {
  if (b->data.empty() && a->type == types().str) return Value(const_cast<Str*>(a));
  if (a->data.empty() && b->type == types().str) return Value(const_cast<Str*>(b));
  std::string out;
  out.reserve(a->data.size() + b->data.size());
  out.append(a->data).append(b->data);
  return Value(new_str_known(std::move(out), a->length + b->length, a->ascii && b->ascii));
}

Value str_getitem(Str* s, Value key) {
  if (type_of(key) == types().slice) {
    SliceBounds b = slice_bounds(key.as<Slice>(), s->length);
    if (b.count <= 0) return Value(intern(""));
    if (b.step == 1) {
      if (b.count == s->length && type_of(Value(s)) == types().str) return Value(s);
      size_t from = str_byte_offset(s, b.start);
      if (s->ascii) return Value(new_str_known(s->data.substr(from, static_cast<size_t>(b.count)), b.count, true));
      size_t to = str_byte_offset(s, b.start + b.count);
      return Value(new_str(s->data.substr(from, to - from)));
    }
    if (s->ascii) {
      std::string out;
      out.resize(static_cast<size_t>(b.count));
      for (int64_t i = 0; i < b.count; ++i) out[static_cast<size_t>(i)] = s->data[static_cast<size_t>(b.at(i))];
      return Value(new_str_known(std::move(out), b.count, true));
    }
    // Decode only the covered range [low, high].
    int64_t low = b.step > 0 ? b.start : b.at(b.count - 1);
    int64_t high = b.step > 0 ? b.at(b.count - 1) : b.start;
    size_t from = str_byte_offset(s, low);
    size_t to = str_byte_offset(s, high + 1);
    std::u32string cps = text::decode_utf8(std::string_view(s->data).substr(from, to - from));
    std::string out;
    for (int64_t i = 0; i < b.count; ++i) text::append_utf8(out, cps[static_cast<size_t>(b.at(i) - low)]);
    return Value(new_str(std::move(out)));
  }
  if (!has_index(key)) raise_type_error("string indices must be integers, not '" + type_name(key) + "'");
  int64_t i = normalize_index(key, s->length, "string index");
  if (s->ascii) return str_from_code_point(static_cast<unsigned char>(s->data[i]));
  size_t pos = str_byte_offset(s, i);
  return str_from_code_point(static_cast<uint32_t>(text::decode_utf8(s->data, pos)));
}

std::string repeat_text(const std::string& data, int64_t n) {
  check_allocation_size(static_cast<double>(data.size()) * static_cast<double>(n));
  std::string out;
  out.reserve(data.size() * static_cast<size_t>(n));
  for (int64_t i = 0; i < n; ++i) out += data;
  return out;
}

Value str_mod(Str* format, Value args) {
  return new_str(percent_format_values(format->data, args, false));
}

Str* str_format(Str* format, const CallArgs& args, size_t first) {
  FormatAdapter adapter(args, first);
  return new_str(text::str_format(format->data, adapter));
}

namespace {

Value str_format_map(const CallArgs& a) {
  Str* self = self_str(a, "format_map");
  no_keywords(a, "format_map");
  if (a.count != 2)
    raise_type_error("str.format_map() takes exactly one argument (" + std::to_string(a.count - 1) + " given)");
  FormatAdapter adapter(a, 1, a[1]);
  return new_str(text::str_format(self->data, adapter));
}

}  // namespace

void install_str_methods() {
  Type* t = types().str;
  t->construct = str_construct;
  add_method(t, "__add__", str_add);
  add_method(t, "__mul__", str_mul);
  add_method(t, "__rmul__", str_mul);
  add_method(t, "__mod__", str_mod_method);
  add_method(t, "__rmod__", str_rmod);
  add_method(t, "__len__", str_len);
  add_method(t, "__iter__", str_iter);
  add_method(t, "__getitem__", str_getitem_method);
  add_method(t, "__contains__", str_contains);
  add_method(t, "__hash__", str_hash);
  add_method(t, "__repr__", str_repr);
  add_method(t, "__str__", str_str);
  add_method(t, "__format__", str_format_method_spec);
  add_method(t, "__lt__", str_compare<kLt>);
  add_method(t, "__le__", str_compare<kLe>);
  add_method(t, "__eq__", str_compare<kEq>);
  add_method(t, "__ne__", str_compare<kNe>);
  add_method(t, "__gt__", str_compare<kGt>);
  add_method(t, "__ge__", str_compare<kGe>);
  add_method(t, "find", str_find);
  add_method(t, "rfind", str_rfind);
  add_method(t, "index", str_index);
  add_method(t, "rindex", str_rindex);
  add_method(t, "count", str_count);
  add_method(t, "startswith", str_startswith);
  add_method(t, "endswith", str_endswith);
  add_method(t, "split", str_split);
  add_method(t, "rsplit", str_rsplit);
  add_method(t, "splitlines", str_splitlines);
  add_method(t, "join", str_join);
  add_method(t, "partition", str_partition);
  add_method(t, "rpartition", str_rpartition);
  add_method(t, "strip", str_strip);
  add_method(t, "lstrip", str_lstrip);
  add_method(t, "rstrip", str_rstrip);
  add_method(t, "upper", case_method<text::str_upper>);
  add_method(t, "lower", case_method<text::str_lower>);
  add_method(t, "casefold", case_method<text::str_casefold>);
  add_method(t, "title", case_method<text::str_title>);
  add_method(t, "capitalize", case_method<text::str_capitalize>);
  add_method(t, "swapcase", case_method<text::str_swapcase>);
  add_method(t, "isupper", case_predicate<text::str_isupper>);
  add_method(t, "islower", case_predicate<text::str_islower>);
  add_method(t, "istitle", case_predicate<text::str_istitle>);
  add_method(t, "isspace", char_predicate<text::is_space>);
  add_method(t, "isalpha", char_predicate<text::is_alpha>);
  add_method(t, "isdigit", char_predicate<text::is_digit>);
  add_method(t, "isdecimal", char_predicate<text::is_decimal>);
  add_method(t, "isnumeric", char_predicate<text::is_numeric>);
  add_method(t, "isalnum", char_predicate<text::is_alnum>);
  add_method(t, "isascii", str_isascii);
  add_method(t, "isidentifier", str_isidentifier);
  add_method(t, "isprintable", str_isprintable);
  add_method(t, "center", str_center);
  add_method(t, "ljust", str_ljust);
  add_method(t, "rjust", str_rjust);
  add_method(t, "zfill", str_zfill);
  add_method(t, "replace", str_replace);
  add_method(t, "removeprefix", str_removeprefix);
  add_method(t, "removesuffix", str_removesuffix);
  add_method(t, "expandtabs", str_expandtabs);
  add_method(t, "encode", str_encode);
  add_method(t, "format", str_format_method);
  add_method(t, "format_map", str_format_map);
  install_str_translate_methods();
}

}  // namespace gilvm
