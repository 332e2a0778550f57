// The JSON encoder: json.dumps of dict, list, tuple, str, int, float, bool
// and None (and their subclasses), written straight into one UTF-8 buffer.
//
// Contract. The output is CPython 3.11's, byte for byte, for every option
// of JSONEncoder: sort_keys, indent (a str of one level; the caller turns
// an int into spaces), separators, ensure_ascii (\uXXXX, surrogate pairs
// above U+FFFF, lower-case hex), allow_nan, skipkeys, check_circular and
// default. Types are tested in CPython's order (str, None, True, False,
// int, float, list/tuple, dict, then default) so that subclasses encode as
// their base: int and float subclasses by the base's repr, str subclasses
// by their characters. Dict keys of type str, float, bool, None and int
// are converted as CPython does; others raise TypeError unless skipkeys.
// Errors carry CPython's messages; where its C encoder and its Python one
// differ (CPython 3.11 uses the Python one when indenting), the indent
// option selects the Python one's text.
//
// Design. One recursive walk with a std::string output buffer. A dict's
// items are copied (a snapshot, as CPython's PyMapping_Items takes) onto a
// ValueVector shared by the whole walk, so the items stay rooted while
// default() or a key comparison runs Python code; each level pops what it
// pushed. A list is read through its own item vector on every step, since
// default() may change it; a subclass of list or tuple is iterated into a
// ValueVector first, as CPython's PySequence_Fast does. Circular-reference
// markers are the containers on the current path: a linear scan while the
// path is short, a hash set once it is deep. Each level counts against the recursion limit, so deep
// nesting raises RecursionError instead of exhausting the C++ stack.
#include <algorithm>
#include <charconv>
#include <cmath>
#include <unordered_set>
#include <vector>

#include "stdlib/json/json.hpp"
#include "vm/errors.hpp"
#include "vm/heap/value_vector.hpp"
#include "vm/number_ops.hpp"
#include "vm/objects/dict.hpp"
#include "vm/objects/number.hpp"
#include "vm/objects/sequence.hpp"
#include "vm/objects/str.hpp"
#include "vm/ops.hpp"
#include "vm/text/float_format.hpp"
#include "vm/text/utf8.hpp"

namespace gilvm::json {

namespace {

constexpr char kHexDigits[] = "0123456789abcdef";

// Which bytes of stored UTF-8 cannot be copied as they are: 1 for the
// ASCII ones with an escape, 2 for the lead bytes of non-ASCII code points
// (ensure_ascii only; continuation bytes are consumed with their lead).
struct EscapeTable {
  unsigned char ascii[256];
  unsigned char unicode[256];
  constexpr EscapeTable() : ascii(), unicode() {
    for (int c = 0; c < 256; ++c) {
      bool special = c < 0x20 || c == '"' || c == '\\';
      unicode[c] = special ? 1 : 0;
      ascii[c] = special || c == 0x7F ? 1 : c >= 0x80 ? 2 : 0;
    }
  }
};
constexpr EscapeTable kEscapes;

void append_u_escape(std::string& out, uint32_t unit) {
  char buf[6] = {'\\', 'u', kHexDigits[(unit >> 12) & 0xF], kHexDigits[(unit >> 8) & 0xF],
                 kHexDigits[(unit >> 4) & 0xF], kHexDigits[unit & 0xF]};
  out.append(buf, 6);
}

const char* float_word(double d) { return std::isnan(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity"; }

class Encoder {
 public:
  explicit Encoder(const EncodeOptions& options)
      : opt_(options),
        recursion_where_(options.has_indent ? " while calling a Python object" : " while encoding a JSON object") {}

  void value(Value v, int level);
  std::string out;

 private:
  // Marks a container as being encoded for the life of the scope.
  class Marker {
   public:
    Marker(Encoder& e, const Object* o) : e_(e), o_(e.opt_.check_circular ? o : nullptr) {
      if (o_ != nullptr) e_.enter(o_);
    }
    ~Marker() {
      if (o_ != nullptr) e_.leave(o_);
    }
    Marker(const Marker&) = delete;
    Marker& operator=(const Marker&) = delete;

   private:
    Encoder& e_;
    const Object* o_;
  };

  void enter(const Object* o);
  void leave(const Object* o);
  template <class Items>
  void sequence(const Object* container, const Items& items, int level);
  void dict(Dict* d, int level);
  void sort_items(size_t begin, size_t end);
  void other(Value v, int level);
  void append_int(Value v);
  void append_float(Value v, double d);
  // Appends the key as a JSON string; false when skipkeys drops it.
  bool append_key(Value key);
  void newline(int level) {
    out.push_back('\n');
    for (int i = 0; i < level; ++i) out += opt_.indent;
  }

  const EncodeOptions& opt_;
  const char* recursion_where_;
  ValueVector items_;  // dict snapshots: key, value, key, value, ...
  std::vector<const Object*> path_;
  std::unordered_set<const Object*> deep_path_;  // path_ as a set, once it is long
  std::string scratch_;
};

constexpr size_t kLinearPath = 32;

void Encoder::enter(const Object* o) {
  if (deep_path_.empty() && path_.size() < kLinearPath) {
    for (const Object* p : path_)
      if (p == o) raise_value_error("Circular reference detected");
  } else {
    if (deep_path_.empty()) deep_path_.insert(path_.begin(), path_.end());
    if (!deep_path_.insert(o).second) raise_value_error("Circular reference detected");
  }
  path_.push_back(o);
}

void Encoder::leave(const Object* o) {
  path_.pop_back();
  if (!deep_path_.empty()) {
    deep_path_.erase(o);
    if (path_.size() < kLinearPath / 2) deep_path_.clear();
  }
}

void Encoder::append_int(Value v) {
  if (v.is_small_int()) {
    char buf[24];
    char* end = std::to_chars(buf, buf + sizeof buf, v.small_int_value()).ptr;
    out.append(buf, end);
    return;
  }
  out += int_to_decimal(v);  // raises past sys.get_int_max_str_digits()
}

void Encoder::append_float(Value v, double d) {
  if (std::isfinite(d)) {
    text::append_float_repr(out, d);
    return;
  }
  if (!opt_.allow_nan) {
    std::string message = "Out of range float values are not JSON compliant";
    if (opt_.has_indent) message += ": " + repr_string(v);
    raise_value_error(message);
  }
  out += float_word(d);
}

void Encoder::value(Value v, int level) {
  if (v.is_small_int()) return append_int(v);
  if (v.is_none()) {
    out += "null";
    return;
  }
  if (v.is_bool()) {
    out += v.is_true() ? "true" : "false";
    return;
  }
  if (v.is_inline_float()) return append_float(v, v.inline_float_value());
  Object* obj = v.object();
  Type* t = obj->type;
  const CoreTypes& ct = types();
  if (t == ct.str) return append_string(out, v.as<Str>()->view(), opt_.ensure_ascii);
  if (t == ct.dict) return dict(v.as<Dict>(), level);
  if (t == ct.list) return sequence(obj, v.as<List>()->items, level);
  if (t == ct.float_) return append_float(v, float_value(v));
  if (t == ct.int_) return append_int(v);
  if (t == ct.tuple) return sequence(obj, v.as<Tuple>()->items, level);
  if (!t->is_builtin) {  // subclasses, in CPython's order of tests
    if (t->is_subtype_of(ct.str)) return append_string(out, v.as<Str>()->view(), opt_.ensure_ascii);
    if (t->is_subtype_of(ct.int_)) return append_int(v);
    if (t->is_subtype_of(ct.float_)) return append_float(v, float_value(v));
    if (t->is_subtype_of(ct.list) || t->is_subtype_of(ct.tuple)) {
      // As PySequence_Fast: a subclass is iterated (its __iter__ decides).
      ValueVector items = collect_iterable(v);
      return sequence(obj, items, level);
    }
    if (t->is_subtype_of(ct.dict)) return dict(v.as<Dict>(), level);
  }
  other(v, level);
}

template <class Items>
void Encoder::sequence(const Object* container, const Items& items, int level) {
  NativeRecursion guard(recursion_where_);
  if (items.empty()) {
    out += "[]";
    return;
  }
  Marker mark(*this, container);
  out.push_back('[');
  if (opt_.has_indent) newline(++level);
  // The size is read again on every step: default() may change the list.
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) {
      out += opt_.item_separator;
      if (opt_.has_indent) newline(level);
    }
    value(items[i], level);
  }
  if (opt_.has_indent) newline(level - 1);
  out.push_back(']');
}

void Encoder::sort_items(size_t begin, size_t end) {
  size_t count = (end - begin) / 2;
  bool all_str = true;
  for (size_t i = begin; i < end && all_str; i += 2) all_str = type_of(items_[i]) == types().str;
  if (all_str) {
    // Code point order is byte order in (generalized) UTF-8; no Python runs.
    std::vector<std::pair<Value, Value>> pairs;
    pairs.reserve(count);
    for (size_t i = begin; i < end; i += 2) pairs.emplace_back(items_[i], items_[i + 1]);
    std::stable_sort(pairs.begin(), pairs.end(), [](const auto& a, const auto& b) {
      return a.first.template as<Str>()->view() < b.first.template as<Str>()->view();
    });
    for (size_t k = 0; k < count; ++k) {
      items_[begin + 2 * k] = pairs[k].first;
      items_[begin + 2 * k + 1] = pairs[k].second;
    }
    return;
  }
  // Other keys compare as CPython's sort of the (key, value) tuples does,
  // with its errors ("'<' not supported between instances of ...").
  List* pairs = new_list();
  pairs->items.reserve(count);
  for (size_t i = begin; i < end; i += 2) pairs->items.push_back(new_tuple({items_[i], items_[i + 1]}));
  call_method(Value(pairs), "sort", {});
  for (size_t k = 0; k < count && k < pairs->items.size(); ++k) {
    const Tuple* pair = pairs->items[k].as<Tuple>();
    items_[begin + 2 * k] = pair->items[0];
    items_[begin + 2 * k + 1] = pair->items[1];
  }
}

bool Encoder::append_key(Value key) {
  if (key.is_object()) {
    Type* t = key.object()->type;
    if (t == types().str || t->is_subtype_of(types().str)) {
      append_string(out, key.as<Str>()->view(), opt_.ensure_ascii);
      return true;
    }
  }
  scratch_.clear();
  if (is_float(key)) {
    double d = float_value(key);
    if (std::isfinite(d)) {
      text::append_float_repr(scratch_, d);
    } else {
      if (!opt_.allow_nan) {
        std::string message = "Out of range float values are not JSON compliant";
        if (opt_.has_indent) message += ": " + repr_string(key);
        raise_value_error(message);
      }
      scratch_ = float_word(d);
    }
  } else if (key.is_bool()) {
    scratch_ = key.is_true() ? "true" : "false";
  } else if (key.is_none()) {
    scratch_ = "null";
  } else if (is_int_value(key)) {
    scratch_ = int_to_decimal(key);
  } else if (opt_.skipkeys) {
    return false;
  } else {
    raise_type_error("keys must be str, int, float, bool or None, not " + type_name(key));
  }
  out.push_back('"');
  out += scratch_;  // digits, letters, '.', '-', '+': nothing to escape
  out.push_back('"');
  return true;
}

void Encoder::dict(Dict* d, int level) {
  NativeRecursion guard(recursion_where_);
  if (d->size() == 0) {
    out += "{}";
    return;
  }
  Marker mark(*this, d);
  out.push_back('{');
  if (opt_.has_indent) newline(++level);
  size_t begin = items_.size();
  if (d->type == types().dict) {
    const DictTable& table = d->table;
    for (size_t i = 0; i < table.entry_capacity(); ++i) {
      const DictEntry& e = table.entry_at(i);
      if (e.key.is_null()) continue;
      items_.push_back(e.key);
      items_.push_back(e.value);
    }
  } else {
    // A subclass's items() decides, as PyMapping_Items asks it.
    ValueVector pairs = collect_iterable(call_method(Value(d), "items", {}));
    for (Value pair : pairs) {
      if (type_of(pair) != types().tuple && !isinstance(pair, types().tuple))
        raise_value_error("items must return 2-tuples");
      const Tuple* t = pair.as<Tuple>();
      if (t->size() != 2) raise_value_error("items must return 2-tuples");
      items_.push_back(t->items[0]);
      items_.push_back(t->items[1]);
    }
  }
  size_t end = items_.size();
  if (opt_.sort_keys) sort_items(begin, end);
  bool first = true;
  for (size_t i = begin; i < end; i += 2) {
    size_t mark_out = out.size();
    if (!first) {
      out += opt_.item_separator;
      if (opt_.has_indent) newline(level);
    }
    if (!append_key(items_[i])) {
      out.resize(mark_out);
      continue;
    }
    first = false;
    out += opt_.key_separator;
    value(items_[i + 1], level);
  }
  items_.resize(begin);
  if (opt_.has_indent) newline(level - 1);
  out.push_back('}');
}

void Encoder::other(Value v, int level) {
  if (opt_.default_fn.is_null() || opt_.default_fn.is_none())
    raise_type_error("Object of type " + type_name(v) + " is not JSON serializable");
  Marker mark(*this, v.object());
  Value replacement = call(opt_.default_fn, {v});
  NativeRecursion guard(recursion_where_);
  value(replacement, level);
}

}  // namespace

void append_string(std::string& out, std::string_view text, bool ensure_ascii) {
  const unsigned char* table = ensure_ascii ? kEscapes.ascii : kEscapes.unicode;
  out.reserve(out.size() + text.size() + 2);
  out.push_back('"');
  size_t i = 0, n = text.size();
  while (i < n) {
    size_t start = i;
    while (i < n && table[static_cast<unsigned char>(text[i])] == 0) ++i;
    out.append(text.data() + start, i - start);
    if (i >= n) break;
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c >= 0x80) {
      char32_t cp = text::decode_utf8(text, i);
      if (cp >= 0x10000) {
        cp -= 0x10000;
        append_u_escape(out, 0xD800 | (cp >> 10));
        append_u_escape(out, 0xDC00 | (cp & 0x3FF));
      } else {
        append_u_escape(out, cp);
      }
      continue;
    }
    ++i;
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      default: append_u_escape(out, c);
    }
  }
  out.push_back('"');
}

Str* encode(Value o, const EncodeOptions& options) {
  Encoder encoder(options);
  encoder.value(o, 0);
  return new_str(std::move(encoder.out));
}

}  // namespace gilvm::json
