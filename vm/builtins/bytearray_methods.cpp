// bytearray: construction, repr, iteration and the mutating methods (item
// and slice assignment and deletion, append, extend, insert, pop, remove,
// clear, copy, reverse, += and *=), with CPython 3.11's messages.
//
// The read-only methods bytes also has are installed on bytearray by
// vm/builtins/bytes_methods.cpp and bytes_text_methods.cpp. Every change of
// size goes through bytearray_check_resizable first, so a bytearray that a
// memoryview exports refuses to move its storage (BufferError), as in
// CPython; changes that keep the size (b[0] = 1, b[:2] = b'xy') are allowed.
// Arguments are converted (which may run Python code: __index__,
// iterators) into C++ strings before the contents are touched, so a failing
// conversion leaves the bytearray as it was.
#include <algorithm>

#include "vm/builtins/bytes_ops.hpp"
#include "vm/builtins/container_ops.hpp"
#include "vm/builtins/install.hpp"
#include "vm/builtins/str_ops.hpp"
#include "vm/errors.hpp"
#include "vm/heap/heap.hpp"
#include "vm/names.hpp"
#include "vm/native.hpp"
#include "vm/native_warnings.hpp"
#include "vm/objects/buffer.hpp"
#include "vm/objects/bytearray.hpp"
#include "vm/objects/dict.hpp"
#include "vm/objects/number.hpp"
#include "vm/objects/sequence.hpp"
#include "vm/objects/str.hpp"
#include "vm/ops.hpp"

namespace gilvm {

ByteArray* new_bytearray(std::string data) { return gc_new<ByteArray>(types().bytearray, std::move(data)); }

void bytearray_check_resizable(ByteArray* b) {
  check_resizable(b, &b->exports, "Existing exports of data: object cannot be re-sized");
}

namespace {

ByteArray* self_ba(const CallArgs& a, const char* name) { return self_as<ByteArray>(a, name); }

// Replaces the contents, checking exports when the size changes.
void resize_to(ByteArray* b, std::string data) {
  if (data.size() != b->data.size()) bytearray_check_resizable(b);
  b->data = std::move(data);
}

Value bytearray_construct(Type* type, const CallArgs& args) {
  ByteArray* b = gc_new<ByteArray>(type, std::string());
  if (init_takes_arguments(type, types().bytearray)) return b;
  ArgParser p(args, "bytearray", {"source", "encoding", "errors"}, 0, false);
  b->data = bytes_from_source(p, types().bytearray);
  return b;
}

// bytearray.__init__ (for subclasses' super().__init__ and explicit calls):
// empties the object, then fills it as the constructor does.
Value bytearray_init(const CallArgs& a) {
  ByteArray* b = self_ba(a, "__init__");
  ArgParser p(a, "bytearray", {"source", "encoding", "errors"});
  if (!b->data.empty()) resize_to(b, std::string());
  std::string data = bytes_from_source(p, types().bytearray);
  resize_to(b, std::move(data));
  return Value::none();
}

// Like bytes' repr, except that a single quote is escaped even inside
// double quotes (bytearray(b"it\'s")): CPython's bytearray repr does so.
Value bytearray_repr(const CallArgs& a) {
  ByteArray* b = self_ba(a, "__repr__");
  const std::string& d = b->data;
  char quote = d.find('\'') != std::string::npos && d.find('"') == std::string::npos ? '"' : '\'';
  std::string out = b->type->name + "(b";
  out.push_back(quote);
  for (unsigned char c : d) {
    if (c == '\'' || c == '\\') {
      out.push_back('\\');
      out.push_back(static_cast<char>(c));
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c < ' ' || c >= 0x7f) {
      out += "\\x";
      out.push_back("0123456789abcdef"[c >> 4]);
      out.push_back("0123456789abcdef"[c & 15]);
    } else {
      out.push_back(static_cast<char>(c));
    }
  }
  out.push_back(quote);
  out.push_back(')');
  return new_str(std::move(out));
}

// Iteration reads the current contents at each step, as CPython's
// bytearray_iterator does (the bytearray may change while it is walked).
// bytearray's own repr even in a subclass that redefines __repr__, as CPython's.
Value bytearray_str(const CallArgs& a) {
  self_ba(a, "__str__");
  if (bytes_warning_level() > 0) warn_from_native("BytesWarning", "str() on a bytearray instance");
  return bytearray_repr(a);
}

Value bytearray_iter(const CallArgs& a) { return make_sequence_iterator(self_ba(a, "__iter__")); }

// The bytes a slice assignment stores: a buffer's bytes or an iterable of
// ints; ints, str and non-iterables are refused with CPython's messages.
std::string assigned_bytes(Value v) {
  std::string copied;
  if (copy_buffer(v, &copied)) return copied;
  Type* t = type_of(v);
  if (has_index(v) || isinstance(v, types().str))
    raise_type_error("can assign only bytes, buffers, or iterables of ints in range(0, 256)");
  if (lookup_in_mro(t, names().__iter__).is_null() && lookup_in_mro(t, names().__getitem__).is_null())
    raise_type_error("cannot convert '" + t->name + "' object to bytearray");
  std::string out;
  Value it = get_iter(v);
  for (Value item = iter_next(it); !item.is_null(); item = iter_next(it)) out.push_back(static_cast<char>(byte_value(item)));
  return out;
}

[[noreturn]] void bad_index_type(Value key) {
  raise_type_error("bytearray indices must be integers or slices, not " + type_name(key));
}

Value bytearray_setitem(const CallArgs& a) {
  ByteArray* b = self_ba(a, "__setitem__");
  if (type_of(a[1]) == types().slice) {
    std::string values = assigned_bytes(a[2]);
    SliceBounds s = slice_bounds(a[1].as<Slice>(), static_cast<int64_t>(b->data.size()));
    if (s.step == 1) {
      size_t start = static_cast<size_t>(s.start);
      size_t removed = static_cast<size_t>(std::max<int64_t>(s.count, 0));
      if (values.size() == removed) {
        std::copy(values.begin(), values.end(), b->data.begin() + static_cast<ptrdiff_t>(start));
        return Value::none();
      }
      bytearray_check_resizable(b);
      b->data.replace(start, removed, values);
      return Value::none();
    }
    if (static_cast<int64_t>(values.size()) != s.count)
      raise_value_error("attempt to assign bytes of size " + std::to_string(values.size()) +
                        " to extended slice of size " + std::to_string(s.count));
    for (int64_t i = 0; i < s.count; ++i) b->data[s.at(i)] = values[i];
    return Value::none();
  }
  if (!has_index(a[1])) bad_index_type(a[1]);
  int64_t i = normalize_index(a[1], static_cast<int64_t>(b->data.size()), "bytearray index");
  unsigned char v = byte_value(a[2]);
  // The value's __index__ may have shrunk the bytearray.
  if (i >= static_cast<int64_t>(b->data.size())) raise_index_error("bytearray index out of range");
  b->data[i] = static_cast<char>(v);
  return Value::none();
}

Value bytearray_delitem(const CallArgs& a) {
  ByteArray* b = self_ba(a, "__delitem__");
  if (type_of(a[1]) == types().slice) {
    SliceBounds s = slice_bounds(a[1].as<Slice>(), static_cast<int64_t>(b->data.size()));
    if (s.count <= 0) return Value::none();
    std::vector<bool> drop(b->data.size(), false);
    for (int64_t i = 0; i < s.count; ++i) drop[s.at(i)] = true;
    std::string kept;
    for (size_t i = 0; i < b->data.size(); ++i)
      if (!drop[i]) kept.push_back(b->data[i]);
    resize_to(b, std::move(kept));
    return Value::none();
  }
  if (!has_index(a[1])) bad_index_type(a[1]);
  int64_t i = normalize_index(a[1], static_cast<int64_t>(b->data.size()), "bytearray index");
  bytearray_check_resizable(b);
  b->data.erase(static_cast<size_t>(i), 1);
  return Value::none();
}

Value bytearray_append(const CallArgs& a) {
  ByteArray* b = self_ba(a, "append");
  char c = static_cast<char>(byte_value(a[1]));
  bytearray_check_resizable(b);
  b->data.push_back(c);
  return Value::none();
}

// The bytes extend() appends: a buffer's, or an iterable's ints.
std::string extension_bytes(Value v) {
  std::string copied;
  if (copy_buffer(v, &copied)) return copied;
  Type* t = type_of(v);
  if (lookup_in_mro(t, names().__iter__).is_null() && lookup_in_mro(t, names().__getitem__).is_null())
    raise_type_error("can't extend bytearray with " + t->name);
  std::string out;
  Value it = get_iter(v);
  for (Value item = iter_next(it); !item.is_null(); item = iter_next(it)) out.push_back(static_cast<char>(byte_value(item)));
  return out;
}

Value bytearray_extend(const CallArgs& a) {
  ByteArray* b = self_ba(a, "extend");
  std::string more = extension_bytes(a[1]);
  if (more.empty()) return Value::none();
  bytearray_check_resizable(b);
  b->data += more;
  return Value::none();
}

Value bytearray_insert(const CallArgs& a) {
  ByteArray* b = self_ba(a, "insert");
  check_arg_count(a, "insert", 3, 3);
  int64_t index = index_value(a[1]);
  char c = static_cast<char>(byte_value(a[2]));
  int64_t n = static_cast<int64_t>(b->data.size());
  if (index < 0) index = std::max<int64_t>(index + n, 0);
  index = std::min(index, n);
  bytearray_check_resizable(b);
  b->data.insert(b->data.begin() + index, c);
  return Value::none();
}

Value bytearray_pop(const CallArgs& a) {
  ByteArray* b = self_ba(a, "pop");
  check_arg_count(a, "pop", 1, 2);
  int64_t index = a.count > 1 ? index_value(a[1]) : -1;
  int64_t n = static_cast<int64_t>(b->data.size());
  if (n == 0) raise_index_error("pop from empty bytearray");
  if (index < 0) index += n;
  if (index < 0 || index >= n) raise_index_error("pop index out of range");
  bytearray_check_resizable(b);
  unsigned char c = static_cast<unsigned char>(b->data[index]);
  b->data.erase(static_cast<size_t>(index), 1);
  return Value::small_int(c);
}

Value bytearray_remove(const CallArgs& a) {
  ByteArray* b = self_ba(a, "remove");
  char c = static_cast<char>(byte_value(a[1]));
  size_t pos = b->data.find(c);
  if (pos == std::string::npos) raise_value_error("value not found in bytearray");
  bytearray_check_resizable(b);
  b->data.erase(pos, 1);
  return Value::none();
}

Value bytearray_clear(const CallArgs& a) {
  ByteArray* b = self_ba(a, "clear");
  resize_to(b, std::string());
  return Value::none();
}

Value bytearray_copy(const CallArgs& a) { return new_bytearray(self_ba(a, "copy")->data); }

Value bytearray_reverse(const CallArgs& a) {
  ByteArray* b = self_ba(a, "reverse");
  std::reverse(b->data.begin(), b->data.end());
  return Value::none();
}

Value bytearray_iadd(const CallArgs& a) {
  ByteArray* b = self_ba(a, "__iadd__");
  BufferView view;
  if (!get_buffer(a[1], &view)) raise_type_error("can't concat " + type_name(a[1]) + " to bytearray");
  if (view.size != 0) {
    std::string more(view.bytes());  // copied first: b += b reads what it grows
    bytearray_check_resizable(b);
    b->data += more;
  }
  return a[0];
}

Value bytearray_imul(const CallArgs& a) {
  ByteArray* b = self_ba(a, "__imul__");
  if (!has_index(a[1])) return not_implemented();
  int64_t n = index_value(a[1]);
  resize_to(b, n <= 0 || b->data.empty() ? std::string() : repeat_text(b->data, n));
  return a[0];
}

// __reduce__ / __reduce_ex__: (type, (bytes,), instance dict or None), so
// copy.copy, copy.deepcopy rebuild it as CPython's pickling would.
Value bytearray_reduce(const CallArgs& a) {
  ByteArray* b = self_ba(a, "__reduce__");
  Value state = b->attrs != nullptr ? Value(b->attrs) : Value::none();
  return new_tuple({Value(b->type), new_tuple({new_bytes(b->data)}), state});
}

// A bytearray exports its storage, writable; memoryviews pin its size.
bool bytearray_buffer(Object* o, BufferView* out) {
  ByteArray* b = static_cast<ByteArray*>(o);
  out->data = reinterpret_cast<unsigned char*>(b->data.data());
  out->size = b->data.size();
  out->readonly = false;
  out->exports = &b->exports;
  out->exporter = o;
  return true;
}

}  // namespace

void install_bytearray_methods() {
  Type* t = types().bytearray;
  t->construct = bytearray_construct;
  add_type_attr(t, "__hash__", Value::none());
  add_method(t, "__init__", bytearray_init);
  add_method(t, "__repr__", bytearray_repr);
  add_method(t, "__str__", bytearray_str);
  add_method(t, "__iter__", bytearray_iter);
  add_method(t, "__setitem__", bytearray_setitem);
  add_method(t, "__delitem__", bytearray_delitem);
  add_method(t, "__iadd__", bytearray_iadd);
  add_method(t, "__imul__", bytearray_imul);
  add_method(t, "append", bytearray_append);
  add_method(t, "extend", bytearray_extend);
  add_method(t, "insert", bytearray_insert);
  add_method(t, "pop", bytearray_pop);
  add_method(t, "remove", bytearray_remove);
  add_method(t, "clear", bytearray_clear);
  add_method(t, "copy", bytearray_copy);
  add_method(t, "reverse", bytearray_reverse);
  add_method(t, "__reduce__", bytearray_reduce);
  add_method(t, "__reduce_ex__", bytearray_reduce);
  register_buffer_type(t, bytearray_buffer);
}

}  // namespace gilvm
