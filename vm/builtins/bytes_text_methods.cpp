// The str-like methods of bytes: searching, splitting, joining, stripping,
// replacing and ASCII case, with CPython's arguments and messages.
//
// Everything works on byte offsets, and only ASCII letters and whitespace
// count as letters and whitespace, as in CPython. Each method is a template
// over the self type and is installed on bytes and on bytearray; results
// are of self's kind (bytearray.strip() is a bytearray). Arguments that
// CPython calls "bytes-like" are read with the buffer protocol
// (vm/objects/buffer.hpp), so bytes, bytearray, memoryview and array all
// work. Self's `data` is read through a reference to the std::string, never
// a view into its buffer, across anything that may run Python: a bytearray
// may change under a __index__ or an iterator.
#include <algorithm>
#include <string>
#include <string_view>

#include "vm/builtins/bytes_ops.hpp"
#include "vm/builtins/install.hpp"
#include "vm/errors.hpp"
#include "vm/native.hpp"
#include "vm/objects/buffer.hpp"
#include "vm/objects/number.hpp"
#include "vm/objects/sequence.hpp"
#include "vm/objects/str.hpp"
#include "vm/ops.hpp"

namespace gilvm {

namespace {

std::string bytes_arg(Value v) { return buffer_bytes(v); }

// The needle of find/count/index: bytes, or an int naming one byte.
std::string needle_arg(Value v) {
  BufferView view;
  if (get_buffer(v, &view)) return std::string(view.bytes());
  if (!has_index(v))
    raise_type_error("argument should be integer or bytes-like object, not '" + type_name(v) + "'");
  int64_t byte = index_value(v);
  if (byte < 0 || byte > 255) raise_value_error("byte must be in range(0, 256)");
  return std::string(1, static_cast<char>(byte));
}

bool is_ascii_space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }
bool is_ascii_lower(char c) { return c >= 'a' && c <= 'z'; }
bool is_ascii_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }
char to_upper(char c) { return is_ascii_lower(c) ? static_cast<char>(c - 32) : c; }
char to_lower(char c) { return is_ascii_upper(c) ? static_cast<char>(c + 32) : c; }

// [start, end) of the optional start/end arguments at a[first], a[first+1].
void clamp_range(const CallArgs& a, size_t first, int64_t length, int64_t* start, int64_t* end) {
  SearchRange r = search_range(a, first, length, true);
  *start = r.start;
  *end = r.stop;
}

template <class Self>
Value find_impl(const CallArgs& a, const char* name, bool reverse, bool raise) {
  Self* b = self_as<Self>(a, name);
  check_arg_count(a, name, 2, 4);
  std::string needle = needle_arg(a[1]);
  int64_t start, end;
  clamp_range(a, 2, static_cast<int64_t>(b->data.size()), &start, &end);
  int64_t result = -1;
  if (start <= end && end - start >= static_cast<int64_t>(needle.size())) {
    std::string_view hay = std::string_view(b->data).substr(start, end - start);
    size_t pos = reverse ? hay.rfind(needle) : hay.find(needle);
    if (pos != std::string_view::npos) result = start + static_cast<int64_t>(pos);
  }
  if (result < 0 && raise) raise_value_error("subsection not found");
  return make_int(result);
}
template <class Self>
Value bytes_find(const CallArgs& a) { return find_impl<Self>(a, "find", false, false); }
template <class Self>
Value bytes_rfind(const CallArgs& a) { return find_impl<Self>(a, "rfind", true, false); }
template <class Self>
Value bytes_index(const CallArgs& a) { return find_impl<Self>(a, "index", false, true); }
template <class Self>
Value bytes_rindex(const CallArgs& a) { return find_impl<Self>(a, "rindex", true, true); }

template <class Self>
Value bytes_count(const CallArgs& a) {
  Self* b = self_as<Self>(a, "count");
  check_arg_count(a, "count", 2, 4);
  std::string needle = needle_arg(a[1]);
  int64_t start, end;
  clamp_range(a, 2, static_cast<int64_t>(b->data.size()), &start, &end);
  if (start > end) return Value::small_int(0);
  if (needle.empty()) return make_int(end - start + 1);
  std::string_view hay = std::string_view(b->data).substr(start, end - start);
  int64_t n = 0;
  for (size_t pos = hay.find(needle); pos != std::string_view::npos; pos = hay.find(needle, pos + needle.size())) ++n;
  return make_int(n);
}

template <class Self>
Value affix_impl(const CallArgs& a, const char* name, bool at_end) {
  Self* b = self_as<Self>(a, name);
  check_arg_count(a, name, 2, 4);
  int64_t start, end;
  clamp_range(a, 2, static_cast<int64_t>(b->data.size()), &start, &end);
  ValueVector candidates;
  if (type_of(a[1]) == types().tuple) candidates = a[1].as<Tuple>()->items;
  else candidates.push_back(a[1]);
  std::vector<std::string> affixes;
  for (Value c : candidates) {
    BufferView view;
    if (!get_buffer(c, &view))
      raise_type_error(std::string(name) + " first arg must be bytes or a tuple of bytes, not " + type_name(c));
    affixes.emplace_back(view.bytes());
  }
  if (start > end) return Value::false_value();
  std::string_view hay = std::string_view(b->data).substr(start, end - start);
  for (const std::string& t : affixes) {
    if (t.size() > hay.size()) continue;
    if (at_end ? hay.substr(hay.size() - t.size()) == t : hay.substr(0, t.size()) == t) return Value::true_value();
  }
  return Value::false_value();
}
template <class Self>
Value bytes_startswith(const CallArgs& a) { return affix_impl<Self>(a, "startswith", false); }
template <class Self>
Value bytes_endswith(const CallArgs& a) { return affix_impl<Self>(a, "endswith", true); }

// --- splitting and joining ------------------------------------------------------

template <class Self>
Value split_impl(const CallArgs& a, const char* name, bool reverse) {
  ArgParser p(a, name, {"sep", "maxsplit"});
  const std::string& text = self_as<Self>(a, name)->data;
  Value sep = p.get(0, Value::none());
  int64_t maxsplit = p.given(1) ? index_value(p.get(1)) : -1;
  std::vector<std::string> parts;
  if (sep.is_none()) {
    // Runs of ASCII whitespace separate; whitespace at the ends is dropped,
    // except what stays in the unsplit remainder.
    if (!reverse) {
      size_t i = 0;
      while (true) {
        while (i < text.size() && is_ascii_space(text[i])) ++i;
        if (i >= text.size()) break;
        if (maxsplit >= 0 && static_cast<int64_t>(parts.size()) == maxsplit) {
          parts.push_back(text.substr(i));  // the remainder keeps its trailing whitespace
          break;
        }
        size_t j = i;
        while (j < text.size() && !is_ascii_space(text[j])) ++j;
        parts.push_back(text.substr(i, j - i));
        i = j;
      }
    } else {
      size_t i = text.size();
      while (true) {
        while (i > 0 && is_ascii_space(text[i - 1])) --i;
        if (i == 0) break;
        if (maxsplit >= 0 && static_cast<int64_t>(parts.size()) == maxsplit) {
          parts.push_back(text.substr(0, i));  // the remainder keeps its leading whitespace
          break;
        }
        size_t j = i;
        while (j > 0 && !is_ascii_space(text[j - 1])) --j;
        parts.push_back(text.substr(j, i - j));
        i = j;
      }
      std::reverse(parts.begin(), parts.end());
    }
  } else {
    const std::string& d = bytes_arg(sep);
    if (d.empty()) raise_value_error("empty separator");
    if (!reverse) {
      size_t start = 0;
      for (size_t pos; (maxsplit < 0 || static_cast<int64_t>(parts.size()) < maxsplit) &&
                       (pos = text.find(d, start)) != std::string::npos;
           start = pos + d.size())
        parts.push_back(text.substr(start, pos - start));
      parts.push_back(text.substr(start));
    } else {
      size_t end = text.size();
      while ((maxsplit < 0 || static_cast<int64_t>(parts.size()) < maxsplit) && end >= d.size()) {
        size_t pos = text.rfind(d, end - d.size());
        if (pos == std::string::npos) break;
        parts.push_back(text.substr(pos + d.size(), end - pos - d.size()));
        end = pos;
      }
      parts.push_back(text.substr(0, end));
      std::reverse(parts.begin(), parts.end());
    }
  }
  ValueVector items;
  items.reserve(parts.size());
  for (std::string& part : parts) items.push_back(new_like<Self>(std::move(part)));
  return new_list(std::move(items));
}
template <class Self>
Value bytes_split(const CallArgs& a) { return split_impl<Self>(a, "split", false); }
template <class Self>
Value bytes_rsplit(const CallArgs& a) { return split_impl<Self>(a, "rsplit", true); }

template <class Self>
Value bytes_splitlines(const CallArgs& a) {
  ArgParser p(a, "splitlines", {"keepends"});
  const std::string& text = self_as<Self>(a, "splitlines")->data;
  bool keep = is_truthy(p.get(0, Value::false_value()));
  ValueVector lines;
  size_t start = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\n' && text[i] != '\r') continue;
    size_t line_end = i;
    if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
    lines.push_back(new_like<Self>(text.substr(start, (keep ? i + 1 : line_end) - start)));
    start = i + 1;
  }
  if (start < text.size()) lines.push_back(new_like<Self>(text.substr(start)));
  return new_list(std::move(lines));
}

template <class Self>
Value bytes_join(const CallArgs& a) {
  const std::string& sep = self_as<Self>(a, "join")->data;
  check_arg_count(a, "join", 2, 2);
  // A list or tuple of exact bytes (what b"".join gets almost always)
  // is joined from its items in place, sized first; nothing in that loop
  // can run Python, so the items cannot change under it.
  Type* container = type_of(a[1]);
  if (container == types().list || container == types().tuple) {
    const std::vector<Value>& items = container == types().list ? a[1].as<List>()->items : a[1].as<Tuple>()->items;
    size_t total = items.empty() ? 0 : sep.size() * (items.size() - 1);
    bool all_bytes = true;
    for (Value item : items) {
      if (type_of(item) != types().bytes) {
        all_bytes = false;
        break;
      }
      total += item.as<Bytes>()->data.size();
    }
    if (all_bytes) {
      std::string out;
      out.reserve(total);
      for (size_t i = 0; i < items.size(); ++i) {
        if (i > 0) out += sep;
        out += items[i].as<Bytes>()->data;
      }
      return new_like<Self>(std::move(out));
    }
  }
  ValueVector items = collect_iterable(a[1]);
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    BufferView view;
    if (!get_buffer(items[i], &view))
      raise_type_error("sequence item " + std::to_string(i) + ": expected a bytes-like object, " +
                       type_name(items[i]) + " found");
    if (i > 0) out += sep;
    out += view.bytes();
  }
  return new_like<Self>(std::move(out));
}

template <class Self>
Value partition_impl(const CallArgs& a, const char* name, bool reverse) {
  const std::string& text = self_as<Self>(a, name)->data;
  check_arg_count(a, name, 2, 2);
  const std::string& sep = bytes_arg(a[1]);
  if (sep.empty()) raise_value_error("empty separator");
  size_t pos = reverse ? text.rfind(sep) : text.find(sep);
  if (pos == std::string::npos) {
    Value empty = new_like<Self>("");
    Value whole = new_like<Self>(text);
    return reverse ? new_tuple({empty, empty, whole}) : new_tuple({whole, empty, empty});
  }
  return new_tuple({new_like<Self>(text.substr(0, pos)), new_like<Self>(sep), new_like<Self>(text.substr(pos + sep.size()))});
}
template <class Self>
Value bytes_partition(const CallArgs& a) { return partition_impl<Self>(a, "partition", false); }
template <class Self>
Value bytes_rpartition(const CallArgs& a) { return partition_impl<Self>(a, "rpartition", true); }

// --- replacing and stripping ---------------------------------------------------------

template <class Self>
Value bytes_replace(const CallArgs& a) {
  const std::string& text = self_as<Self>(a, "replace")->data;
  check_arg_count(a, "replace", 3, 4);
  const std::string& old_part = bytes_arg(a[1]);
  const std::string& new_part = bytes_arg(a[2]);
  int64_t limit = a.count > 3 ? index_value(a[3]) : -1;
  std::string out;
  int64_t done = 0;
  if (old_part.empty()) {
    // An empty pattern matches between all bytes and at both ends.
    for (size_t i = 0; i <= text.size(); ++i) {
      if (limit < 0 || done < limit) {
        out += new_part;
        ++done;
      }
      if (i < text.size()) out += text[i];
    }
    return new_like<Self>(std::move(out));
  }
  size_t start = 0;
  for (size_t pos; (limit < 0 || done < limit) && (pos = text.find(old_part, start)) != std::string::npos; ++done) {
    out.append(text, start, pos - start);
    out += new_part;
    start = pos + old_part.size();
  }
  out.append(text, start, std::string::npos);
  return new_like<Self>(std::move(out));
}

template <class Self>
Value strip_impl(const CallArgs& a, const char* name, bool left, bool right) {
  const std::string& text = self_as<Self>(a, name)->data;
  check_arg_count(a, name, 1, 2);
  bool whitespace = a.count < 2 || a[1].is_none();
  std::string chars = whitespace ? std::string() : bytes_arg(a[1]);
  auto strip_this = [&](char c) { return whitespace ? is_ascii_space(c) : chars.find(c) != std::string::npos; };
  size_t first = 0, last = text.size();
  if (left)
    while (first < last && strip_this(text[first])) ++first;
  if (right)
    while (last > first && strip_this(text[last - 1])) --last;
  if constexpr (std::is_same_v<Self, Bytes>)
    if (first == 0 && last == text.size() && type_of(a[0]) == types().bytes) return a[0];  // as CPython: the same object
  return new_like<Self>(text.substr(first, last - first));
}
template <class Self>
Value bytes_strip(const CallArgs& a) { return strip_impl<Self>(a, "strip", true, true); }
template <class Self>
Value bytes_lstrip(const CallArgs& a) { return strip_impl<Self>(a, "lstrip", true, false); }
template <class Self>
Value bytes_rstrip(const CallArgs& a) { return strip_impl<Self>(a, "rstrip", false, true); }

template <class Self>
Value affix_removal(const CallArgs& a, const char* name, bool suffix) {
  const std::string& text = self_as<Self>(a, name)->data;
  check_arg_count(a, name, 2, 2);
  const std::string& affix = bytes_arg(a[1]);
  if (affix.size() <= text.size()) {
    if (!suffix && text.compare(0, affix.size(), affix) == 0) return new_like<Self>(text.substr(affix.size()));
    if (suffix && text.compare(text.size() - affix.size(), affix.size(), affix) == 0 && !affix.empty())
      return new_like<Self>(text.substr(0, text.size() - affix.size()));
  }
  return new_like<Self>(text);
}
template <class Self>
Value bytes_removeprefix(const CallArgs& a) { return affix_removal<Self>(a, "removeprefix", false); }
template <class Self>
Value bytes_removesuffix(const CallArgs& a) { return affix_removal<Self>(a, "removesuffix", true); }

// --- ASCII case and classes -----------------------------------------------------------

template <class Self, char (*Convert)(char)>
Value map_bytes(const CallArgs& a) {
  std::string out = self_as<Self>(a, "method")->data;
  check_arg_count(a, "method", 1, 1);
  for (char& c : out) c = Convert(c);
  return new_like<Self>(std::move(out));
}
char swap_case(char c) { return is_ascii_lower(c) ? to_upper(c) : to_lower(c); }

template <class Self>
Value bytes_capitalize(const CallArgs& a) {
  std::string out = self_as<Self>(a, "capitalize")->data;
  for (size_t i = 0; i < out.size(); ++i) out[i] = i == 0 ? to_upper(out[i]) : to_lower(out[i]);
  return new_like<Self>(std::move(out));
}

template <class Self, bool (*Test)(char)>
Value all_bytes(const CallArgs& a) {
  const std::string& text = self_as<Self>(a, "method")->data;
  if (text.empty()) return Value::false_value();
  return Value::boolean(std::all_of(text.begin(), text.end(), Test));
}
bool is_ascii_alpha(char c) { return is_ascii_lower(c) || is_ascii_upper(c); }
bool is_ascii_alnum(char c) { return is_ascii_alpha(c) || is_ascii_digit(c); }

// islower/isupper: some cased byte, and none of the other case.
template <class Self, bool (*Wanted)(char), bool (*Unwanted)(char)>
Value cased_bytes(const CallArgs& a) {
  const std::string& text = self_as<Self>(a, "method")->data;
  bool any = false;
  for (char c : text) {
    if (Unwanted(c)) return Value::false_value();
    any = any || Wanted(c);
  }
  return Value::boolean(any);
}

template <class Self>
Value bytes_isascii(const CallArgs& a) {
  const std::string& text = self_as<Self>(a, "isascii")->data;
  return Value::boolean(std::all_of(text.begin(), text.end(), [](char c) { return (c & 0x80) == 0; }));
}

// bytes.fromhex(string): pairs of hex digits, with ASCII whitespace allowed
// between pairs.
Value bytes_fromhex(const CallArgs& a) {
  check_arg_count(a, "fromhex", 2, 2);
  if (!isinstance(a[1], types().str))
    raise_type_error("fromhex() argument must be str, not " + type_name(a[1]));
  const std::string& text = a[1].as<Str>()->data;
  auto hex_value = [](char c) {
    if (is_ascii_digit(c)) return c - '0';
    char l = to_lower(c);
    return l >= 'a' && l <= 'f' ? l - 'a' + 10 : -1;
  };
  std::string out;
  size_t i = 0;
  while (i < text.size()) {
    if (is_ascii_space(text[i])) {
      ++i;
      continue;
    }
    int high = hex_value(text[i]);
    int low = i + 1 < text.size() ? hex_value(text[i + 1]) : -1;
    if (high < 0 || low < 0) {
      size_t bad = high < 0 ? i : i + 1;
      raise_value_error("non-hexadecimal number found in fromhex() arg at position " + std::to_string(bad));
    }
    out.push_back(static_cast<char>(high * 16 + low));
    i += 2;
  }
  Value result = new_bytes(std::move(out));
  if (a[0].is(types().bytes)) return result;
  return call_object(a[0], CallArgs{&result, 1});
}

// translate(table, /, delete=b""): each byte not in `delete` mapped
// through the 256-byte table (None: unchanged).
template <class Self>
Value bytes_translate(const CallArgs& a) {
  Self* b = self_as<Self>(a, "translate");
  ArgParser p(a, "translate", {"table", "delete"}, 1, true);
  std::string table;
  bool has_table = !p.get(0).is_none();
  if (has_table) {
    table = buffer_bytes(p.get(0));
    if (table.size() != 256) raise_value_error("translation table must be 256 characters long");
  }
  std::string drop = p.given(1) ? buffer_bytes(p.get(1)) : std::string();
  bool deleted[256] = {};
  for (unsigned char c : drop) deleted[c] = true;
  std::string out;
  out.reserve(b->data.size());
  for (unsigned char c : b->data) {
    if (deleted[c]) continue;
    out.push_back(has_table ? table[c] : static_cast<char>(c));
  }
  return new_like<Self>(std::move(out));
}

// bytes.maketrans(frm, to), a static method: the table translate() takes.
Value bytes_maketrans(const CallArgs& a) {
  ArgParser p(a, "maketrans", {"frm", "to"}, 2, false);
  std::string from = buffer_bytes(p.get(0));
  std::string to = buffer_bytes(p.get(1));
  if (from.size() != to.size()) raise_value_error("maketrans arguments must have same length");
  std::string table(256, '\0');
  for (int i = 0; i < 256; ++i) table[i] = static_cast<char>(i);
  for (size_t i = 0; i < from.size(); ++i) table[static_cast<unsigned char>(from[i])] = to[i];
  return new_bytes(std::move(table));
}

template <class Self>
void install_text_methods_on(Type* t) {
  add_method(t, "translate", bytes_translate<Self>);
  add_static_method(t, "maketrans", bytes_maketrans);
  add_method(t, "find", bytes_find<Self>);
  add_method(t, "rfind", bytes_rfind<Self>);
  add_method(t, "index", bytes_index<Self>);
  add_method(t, "rindex", bytes_rindex<Self>);
  add_method(t, "count", bytes_count<Self>);
  add_method(t, "startswith", bytes_startswith<Self>);
  add_method(t, "endswith", bytes_endswith<Self>);
  add_method(t, "split", bytes_split<Self>);
  add_method(t, "rsplit", bytes_rsplit<Self>);
  add_method(t, "splitlines", bytes_splitlines<Self>);
  add_method(t, "join", bytes_join<Self>);
  add_method(t, "partition", bytes_partition<Self>);
  add_method(t, "rpartition", bytes_rpartition<Self>);
  add_method(t, "replace", bytes_replace<Self>);
  add_method(t, "strip", bytes_strip<Self>);
  add_method(t, "lstrip", bytes_lstrip<Self>);
  add_method(t, "rstrip", bytes_rstrip<Self>);
  add_method(t, "removeprefix", bytes_removeprefix<Self>);
  add_method(t, "removesuffix", bytes_removesuffix<Self>);
  add_method(t, "upper", map_bytes<Self, to_upper>);
  add_method(t, "lower", map_bytes<Self, to_lower>);
  add_method(t, "swapcase", map_bytes<Self, swap_case>);
  add_method(t, "capitalize", bytes_capitalize<Self>);
  add_method(t, "isdigit", all_bytes<Self, is_ascii_digit>);
  add_method(t, "isalpha", all_bytes<Self, is_ascii_alpha>);
  add_method(t, "isalnum", all_bytes<Self, is_ascii_alnum>);
  add_method(t, "isspace", all_bytes<Self, is_ascii_space>);
  add_method(t, "islower", cased_bytes<Self, is_ascii_lower, is_ascii_upper>);
  add_method(t, "isupper", cased_bytes<Self, is_ascii_upper, is_ascii_lower>);
  add_method(t, "isascii", bytes_isascii<Self>);
  add_class_method(t, "fromhex", bytes_fromhex);
}

}  // namespace

void install_bytes_layout_methods();  // center, zfill, title... (vm/builtins/bytes_layout_methods.cpp)

void install_bytes_text_methods() {
  install_text_methods_on<Bytes>(types().bytes);
  install_text_methods_on<ByteArray>(types().bytearray);
  install_bytes_layout_methods();
}

}  // namespace gilvm
