// The array module: array.array (typecodes b B h H i I l L q Q f d; 'u' is
// not provided), its iterator, and array.typecodes / array.ArrayType.
//
// Methods follow CPython 3.11: construction from a list, bytes, another
// array or any iterable; indexing and slicing (get, set, delete, extended
// slices); append, extend, insert, pop, remove, index, count, reverse,
// tobytes, frombytes, tolist, fromlist, byteswap, buffer_info; + * += *=,
// comparisons and repr, with CPython's error messages. Items are converted
// (which may run __index__ / __float__) before the byte vector is touched;
// multi-item operations convert into a scratch buffer first, so a failure
// leaves the array as it was (extend from an iterable keeps the items it
// appended before the failure, as CPython does). Item conversion lives in
// array_codec.cpp.
#include <algorithm>
#include <cstdio>
#include <cstring>
#include <string>

#include "stdlib/array/array_object.hpp"
#include "stdlib/stdlib.hpp"
#include "vm/errors.hpp"
#include "vm/heap/heap.hpp"
#include "vm/import.hpp"
#include "vm/names.hpp"
#include "vm/native.hpp"
#include "vm/number_ops.hpp"
#include "vm/objects/buffer.hpp"
#include "vm/objects/dict.hpp"
#include "vm/objects/module.hpp"
#include "vm/objects/number.hpp"
#include "vm/objects/sequence.hpp"
#include "vm/objects/str.hpp"
#include "vm/opcodes.hpp"
#include "vm/ops.hpp"
#include "vm/types.hpp"

namespace gilvm {

namespace {

Type* iterator_type = nullptr;

struct ArrayIterator : Object {
  Value array;  // null once exhausted
  size_t index = 0;
  ArrayIterator(Type* t, Value a) : Object(t), array(a) {}
  void trace(Tracer& t) override { t.visit(array); }
};

ArrayObject* self_array(const CallArgs& a, const char* name) {
  if (a.count == 0 || !isinstance(a[0], array_type))
    raise_type_error(std::string("descriptor '") + name + "' requires a 'array.array' object");
  return a[0].as<ArrayObject>();
}

bool is_array(Value v) { return isinstance(v, array_type); }

// Checks the positional arguments after self, for the messages CPython's
// argument clinic gives ("pop expected at most 1 argument, got 2").
void check_args_after_self(const CallArgs& a, const char* name, size_t min, size_t max) {
  CallArgs rest{a.args + 1, a.count - 1, a.kwnames};
  check_arg_count(rest, name, min, max);
}

ArrayObject* new_array(Type* type, const ArrayKind* kind) { return gc_new<ArrayObject>(type, kind); }

// Converts every value into a scratch byte vector (so nothing is written
// when one fails), then the caller splices it in.
std::vector<unsigned char> convert_all(const ArrayKind* kind, const ValueVector& values) {
  std::vector<unsigned char> out(values.size() * kind->size);
  for (size_t i = 0; i < values.size(); ++i) array_store(kind, values[i], out.data() + i * kind->size);
  return out;
}

// Appends the items of any iterable one by one (items before a failure stay).
void extend_from_iterable(ArrayObject* self, Value iterable) {
  if (type_of(iterable) == types().list || type_of(iterable) == types().tuple) {
    // Snapshot the items: a conversion may run Python code that mutates the list.
    ValueVector values = type_of(iterable) == types().list ? ValueVector(iterable.as<List>()->items.begin(), iterable.as<List>()->items.end())
                                                         : ValueVector(iterable.as<Tuple>()->items.begin(), iterable.as<Tuple>()->items.end());
    unsigned char item[8];
    for (Value v : values) {
      array_store(self->kind, v, item);
      array_check_resizable(self);
      self->bytes.insert(self->bytes.end(), item, item + self->kind->size);
    }
    return;
  }
  Value it = get_iter(iterable);
  unsigned char item[8];
  for (Value v = iter_next(it); !v.is_null(); v = iter_next(it)) {
    array_store(self->kind, v, item);
    array_check_resizable(self);
    self->bytes.insert(self->bytes.end(), item, item + self->kind->size);
  }
}

void extend_from_array(ArrayObject* self, ArrayObject* other) {
  if (other->kind != self->kind) raise_type_error("can only extend with array of same kind");
  std::vector<unsigned char> copy = other->bytes;  // other may be self
  if (!copy.empty()) array_check_resizable(self);
  self->bytes.insert(self->bytes.end(), copy.begin(), copy.end());
}

void frombytes_impl(ArrayObject* self, Value data) {
  BufferView view = buffer_or_raise(data);
  if (view.size % self->kind->size != 0) raise_value_error("bytes length not a multiple of item size");
  std::vector<unsigned char> copy(view.data, view.data + view.size);  // data may be self
  if (!copy.empty()) array_check_resizable(self);
  self->bytes.insert(self->bytes.end(), copy.begin(), copy.end());
}

Value array_construct(Type* type, const CallArgs& a) {
  if (a.kw_count() != 0 && (type == array_type)) raise_type_error("array.array() takes no keyword arguments");
  if (a.count < 1) raise_type_error("array() takes at least 1 argument (0 given)");
  if (a.count > 2) raise_type_error("array() takes at most 2 arguments (" + std::to_string(a.count) + " given)");
  Value code = a[0];
  if (type_of(code) != types().str || code.as<Str>()->data.size() != 1)
    raise_type_error("array() argument 1 must be a unicode character, not " + type_name(code));
  char c = code.as<Str>()->data[0];
  const ArrayKind* kind = array_kind(c);
  if (kind == nullptr) {
    if (c == 'u') raise_value_error("the 'u' typecode (unicode arrays) is not supported by gilvm");
    raise_value_error("bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)");
  }
  ArrayObject* self = new_array(type, kind);
  if (a.count == 2 && !a[1].is_none()) {
    Value init = a[1];
    if (isinstance(init, types().str))
      raise_type_error(std::string("cannot use a str to initialize an array with typecode '") + c + "'");
    if (is_array(init)) {
      ArrayObject* other = init.as<ArrayObject>();
      if (other->kind == kind) {
        self->bytes = other->bytes;
      } else {
        size_t n = other->length();
        self->bytes.resize(n * kind->size);
        for (size_t i = 0; i < n; ++i) array_store(kind, array_load(other->kind, other->at(i)), self->at(i));
      }
    } else if (isinstance(init, types().bytes) || isinstance(init, types().bytearray)) {
      frombytes_impl(self, init);
    } else {
      extend_from_iterable(self, init);
    }
  }
  return self;
}

std::string typecode_str(const ArrayObject* a) { return std::string(1, a->kind->code); }

Value a_repr(const CallArgs& a) {
  ArrayObject* self = self_array(a, "__repr__");
  std::string out = type_of(self)->name + "('" + typecode_str(self) + "'";
  size_t n = self->length();
  if (n == 0) return new_str(out + ")");
  out += ", [";
  for (size_t i = 0; i < n; ++i) {
    if (i) out += ", ";
    Value v = array_load(self->kind, self->at(i));
    if (v.is_small_int()) out += std::to_string(v.small_int_value());
    else out += repr_string(v);
  }
  return new_str(out + "])");
}

Value a_len(const CallArgs& a) { return make_int(static_cast<int64_t>(self_array(a, "__len__")->length())); }

ArrayObject* slice_copy(ArrayObject* self, const SliceBounds& s) {
  ArrayObject* out = new_array(array_type, self->kind);
  size_t sz = self->kind->size;
  if (s.step == 1) {
    if (s.count > 0) out->bytes.assign(self->at(s.start), self->at(s.start) + s.count * sz);
    return out;
  }
  out->bytes.resize(static_cast<size_t>(s.count) * sz);
  for (int64_t i = 0; i < s.count; ++i) std::memcpy(out->at(i), self->at(s.at(i)), sz);
  return out;
}

Value a_getitem(const CallArgs& a) {
  ArrayObject* self = self_array(a, "__getitem__");
  Value key = a[1];
  int64_t n = static_cast<int64_t>(self->length());
  if (key.is_small_int()) {
    int64_t i = key.small_int_value();
    if (i < 0) i += n;
    if (i < 0 || i >= n) raise_index_error("array index out of range");
    return array_load(self->kind, self->at(i));
  }
  if (type_of(key) == types().slice) return slice_copy(self, slice_bounds(key.as<Slice>(), n));
  if (!has_index(key)) raise_type_error("array indices must be integers");
  return array_load(self->kind, self->at(normalize_index(key, n, "array index")));
}

void delete_slice(ArrayObject* self, const SliceBounds& b) {
  if (b.count <= 0) return;
  array_check_resizable(self);
  size_t sz = self->kind->size;
  if (b.step == 1) {
    self->bytes.erase(self->bytes.begin() + b.start * sz, self->bytes.begin() + (b.start + b.count) * sz);
    return;
  }
  size_t n = self->length();
  std::vector<bool> drop(n, false);
  for (int64_t i = 0; i < b.count; ++i) drop[b.at(i)] = true;
  size_t w = 0;
  for (size_t r = 0; r < n; ++r) {
    if (drop[r]) continue;
    if (w != r) std::memmove(self->at(w), self->at(r), sz);
    ++w;
  }
  self->bytes.resize(w * sz);
}

Value a_setitem(const CallArgs& a) {
  ArrayObject* self = self_array(a, "__setitem__");
  Value key = a[1], value = a[2];
  int64_t n = static_cast<int64_t>(self->length());
  if (key.is_small_int()) {
    int64_t i = key.small_int_value();
    if (i < 0) i += n;
    if (i < 0 || i >= n) raise_index_error("array assignment index out of range");
    unsigned char item[8];
    array_store(self->kind, value, item);
    if (static_cast<size_t>(i) >= self->length()) raise_index_error("array assignment index out of range");
    std::memcpy(self->at(i), item, self->kind->size);
    return Value::none();
  }
  if (type_of(key) == types().slice) {
    if (!is_array(value))
      raise_type_error("can only assign array (not \"" + type_name(value) + "\") to array slice");
    ArrayObject* other = value.as<ArrayObject>();
    if (other->kind != self->kind) raise_type_error("bad argument type for built-in operation");
    std::vector<unsigned char> src = other->bytes;  // other may be self
    SliceBounds b = slice_bounds(key.as<Slice>(), n);
    size_t sz = self->kind->size;
    size_t count = src.size() / sz;
    if (b.step == 1) {
      int64_t stop = std::max(b.start, b.stop);
      if (static_cast<int64_t>(count) != stop - b.start) array_check_resizable(self);
      self->bytes.erase(self->bytes.begin() + b.start * sz, self->bytes.begin() + stop * sz);
      self->bytes.insert(self->bytes.begin() + b.start * sz, src.begin(), src.end());
      return Value::none();
    }
    if (static_cast<int64_t>(count) != b.count)
      raise_value_error("attempt to assign array of size " + std::to_string(count) + " to extended slice of size " +
                        std::to_string(b.count));
    for (int64_t i = 0; i < b.count; ++i) std::memcpy(self->at(b.at(i)), src.data() + i * sz, sz);
    return Value::none();
  }
  if (!has_index(key)) raise_type_error("array indices must be integers");
  int64_t i = normalize_index(key, n, "array assignment index");
  unsigned char item[8];
  array_store(self->kind, value, item);
  if (static_cast<size_t>(i) >= self->length()) raise_index_error("array assignment index out of range");
  std::memcpy(self->at(i), item, self->kind->size);
  return Value::none();
}

Value a_delitem(const CallArgs& a) {
  ArrayObject* self = self_array(a, "__delitem__");
  Value key = a[1];
  int64_t n = static_cast<int64_t>(self->length());
  if (type_of(key) == types().slice) {
    delete_slice(self, slice_bounds(key.as<Slice>(), n));
    return Value::none();
  }
  if (!has_index(key)) raise_type_error("array indices must be integers");
  int64_t i = normalize_index(key, n, "array assignment index");
  array_check_resizable(self);
  size_t sz = self->kind->size;
  self->bytes.erase(self->bytes.begin() + i * sz, self->bytes.begin() + (i + 1) * sz);
  return Value::none();
}

Value a_append(const CallArgs& a) {
  ArrayObject* self = self_array(a, "append");
  unsigned char item[8];
  array_store(self->kind, a[1], item);
  array_check_resizable(self);
  self->bytes.insert(self->bytes.end(), item, item + self->kind->size);
  return Value::none();
}

Value a_extend(const CallArgs& a) {
  ArrayObject* self = self_array(a, "extend");
  if (is_array(a[1])) extend_from_array(self, a[1].as<ArrayObject>());
  else extend_from_iterable(self, a[1]);
  return Value::none();
}

Value a_insert(const CallArgs& a) {
  ArrayObject* self = self_array(a, "insert");
  check_args_after_self(a, "insert", 2, 2);
  int64_t i = index_value_clamped(a[1]);
  unsigned char item[8];
  array_store(self->kind, a[2], item);
  int64_t n = static_cast<int64_t>(self->length());
  if (i < 0) i = std::max<int64_t>(0, i + n);
  if (i > n) i = n;
  array_check_resizable(self);
  self->bytes.insert(self->bytes.begin() + i * self->kind->size, item, item + self->kind->size);
  return Value::none();
}

Value a_pop(const CallArgs& a) {
  ArrayObject* self = self_array(a, "pop");
  check_args_after_self(a, "pop", 0, 1);
  int64_t i = a.count == 2 ? index_value(a[1]) : -1;
  int64_t n = static_cast<int64_t>(self->length());
  if (n == 0) raise_index_error("pop from empty array");
  if (i < 0) i += n;
  if (i < 0 || i >= n) raise_index_error("pop index out of range");
  Value v = array_load(self->kind, self->at(i));
  array_check_resizable(self);
  size_t sz = self->kind->size;
  self->bytes.erase(self->bytes.begin() + i * sz, self->bytes.begin() + (i + 1) * sz);
  return v;
}

// The first index of v in [start, stop), or -1. Comparisons may run Python
// code, which may shrink the array: the length is read on every step.
int64_t find_item(ArrayObject* self, Value v, int64_t start, int64_t stop) {
  for (int64_t i = start; i < stop && i < static_cast<int64_t>(self->length()); ++i)
    if (values_equal(array_load(self->kind, self->at(i)), v)) return i;
  return -1;
}

Value a_index(const CallArgs& a) {
  ArrayObject* self = self_array(a, "index");
  check_args_after_self(a, "index", 1, 3);
  SearchRange r = search_range(a, 2, static_cast<int64_t>(self->length()), false);
  int64_t i = find_item(self, a[1], r.start, r.stop);
  if (i < 0) raise_value_error("array.index(x): x not in array");
  return make_int(i);
}

Value a_count(const CallArgs& a) {
  ArrayObject* self = self_array(a, "count");
  int64_t count = 0;
  for (size_t i = 0; i < self->length(); ++i)
    if (values_equal(array_load(self->kind, self->at(i)), a[1])) ++count;
  return make_int(count);
}

Value a_remove(const CallArgs& a) {
  ArrayObject* self = self_array(a, "remove");
  int64_t i = find_item(self, a[1], 0, INT64_MAX);
  if (i < 0) raise_value_error("array.remove(x): x not in array");
  array_check_resizable(self);
  size_t sz = self->kind->size;
  self->bytes.erase(self->bytes.begin() + i * sz, self->bytes.begin() + (i + 1) * sz);
  return Value::none();
}

Value a_contains(const CallArgs& a) {
  ArrayObject* self = self_array(a, "__contains__");
  return Value::boolean(find_item(self, a[1], 0, INT64_MAX) >= 0);
}

Value a_reverse(const CallArgs& a) {
  ArrayObject* self = self_array(a, "reverse");
  size_t n = self->length(), sz = self->kind->size;
  unsigned char tmp[8];
  for (size_t i = 0, j = n ? n - 1 : 0; i < j; ++i, --j) {
    std::memcpy(tmp, self->at(i), sz);
    std::memcpy(self->at(i), self->at(j), sz);
    std::memcpy(self->at(j), tmp, sz);
  }
  return Value::none();
}

Value a_byteswap(const CallArgs& a) {
  ArrayObject* self = self_array(a, "byteswap");
  size_t sz = self->kind->size;
  for (size_t i = 0; i < self->length(); ++i) std::reverse(self->at(i), self->at(i) + sz);
  return Value::none();
}

Value a_tobytes(const CallArgs& a) {
  ArrayObject* self = self_array(a, "tobytes");
  return new_bytes(std::string(self->bytes.begin(), self->bytes.end()));
}

Value a_frombytes(const CallArgs& a) {
  frombytes_impl(self_array(a, "frombytes"), a[1]);
  return Value::none();
}

Value a_tolist(const CallArgs& a) {
  ArrayObject* self = self_array(a, "tolist");
  std::vector<Value> items;
  items.reserve(self->length());
  for (size_t i = 0; i < self->length(); ++i) items.push_back(array_load(self->kind, self->at(i)));
  return new_list(std::move(items));  // no Python ran while the vector held them
}

Value a_fromlist(const CallArgs& a) {
  ArrayObject* self = self_array(a, "fromlist");
  if (!isinstance(a[1], types().list)) raise_type_error("arg must be list");
  List* l = a[1].as<List>();
  ValueVector values(l->items.begin(), l->items.end());
  std::vector<unsigned char> converted = convert_all(self->kind, values);
  if (!converted.empty()) array_check_resizable(self);
  self->bytes.insert(self->bytes.end(), converted.begin(), converted.end());
  return Value::none();
}

Value a_buffer_info(const CallArgs& a) {
  ArrayObject* self = self_array(a, "buffer_info");
  return new_tuple({make_int(static_cast<int64_t>(reinterpret_cast<uintptr_t>(self->bytes.data()))),
                    make_int(static_cast<int64_t>(self->length()))});
}

Value a_typecode(Value self) { return new_str(typecode_str(self.as<ArrayObject>())); }
Value a_itemsize(Value self) { return Value::small_int(self.as<ArrayObject>()->kind->size); }

Value a_add(const CallArgs& a) {
  ArrayObject* self = self_array(a, "__add__");
  if (!is_array(a[1])) raise_type_error("can only append array (not \"" + type_name(a[1]) + "\") to array");
  ArrayObject* other = a[1].as<ArrayObject>();
  if (other->kind != self->kind) raise_type_error("bad argument type for built-in operation");
  ArrayObject* out = new_array(array_type, self->kind);
  out->bytes.reserve(self->bytes.size() + other->bytes.size());
  out->bytes = self->bytes;
  out->bytes.insert(out->bytes.end(), other->bytes.begin(), other->bytes.end());
  return out;
}

Value a_iadd(const CallArgs& a) {
  ArrayObject* self = self_array(a, "__iadd__");
  if (!is_array(a[1])) raise_type_error("can only extend array with array (not \"" + type_name(a[1]) + "\")");
  extend_from_array(self, a[1].as<ArrayObject>());
  return self;
}

std::vector<unsigned char> repeated(const std::vector<unsigned char>& bytes, int64_t n) {
  if (n <= 0 || bytes.empty()) return {};
  check_allocation_size(static_cast<double>(bytes.size()) * static_cast<double>(n));
  std::vector<unsigned char> out;
  out.reserve(bytes.size() * static_cast<size_t>(n));
  for (int64_t i = 0; i < n; ++i) out.insert(out.end(), bytes.begin(), bytes.end());
  return out;
}

// A non-int count: user classes may still answer through __rmul__; for
// built-in operands the error is the sequence-repeat one.
Value not_a_count(Value other) {
  if (!type_of(other)->is_builtin) return not_implemented();
  raise_type_error("can't multiply sequence by non-int of type '" + type_name(other) + "'");
}

Value a_mul(const CallArgs& a) {
  ArrayObject* self = self_array(a, "__mul__");
  if (!has_index(a[1])) return not_a_count(a[1]);
  int64_t n = index_value(a[1]);
  ArrayObject* out = new_array(array_type, self->kind);
  out->bytes = repeated(self->bytes, n);
  return out;
}

Value a_imul(const CallArgs& a) {
  ArrayObject* self = self_array(a, "__imul__");
  if (!has_index(a[1])) return not_a_count(a[1]);
  int64_t n = index_value(a[1]);
  std::vector<unsigned char> out = repeated(self->bytes, n);
  if (out.size() != self->bytes.size()) array_check_resizable(self);
  self->bytes = std::move(out);
  return self;
}

// Rich comparison: arrays only, item by item (typecodes may differ).
template <uint32_t Op>
Value a_compare(const CallArgs& a) {
  ArrayObject* self = self_array(a, "__eq__");
  if (!is_array(a[1])) return not_implemented();
  ArrayObject* other = a[1].as<ArrayObject>();
  size_t n = self->length(), m = other->length();
  if ((Op == kEq || Op == kNe) && n != m) return Value::boolean(Op == kNe);
  if ((Op == kEq || Op == kNe) && self->kind == other->kind && !self->kind->is_float)
    return Value::boolean((self->bytes == other->bytes) == (Op == kEq));
  size_t i = 0;
  for (; i < self->length() && i < other->length(); ++i) {
    Value x = array_load(self->kind, self->at(i));
    Value y = array_load(other->kind, other->at(i));
    if (!values_equal(x, y)) {
      if (Op == kEq) return Value::false_value();
      if (Op == kNe) return Value::true_value();
      return compare(x, y, Op);
    }
  }
  n = self->length() - i;
  m = other->length() - i;
  switch (Op) {
    case kEq: return Value::boolean(n == m);
    case kNe: return Value::boolean(n != m);
    case kLt: return Value::boolean(n < m);
    case kLe: return Value::boolean(n <= m);
    case kGt: return Value::boolean(n > m);
    default: return Value::boolean(n >= m);
  }
}

Value a_copy(const CallArgs& a) {
  ArrayObject* self = self_array(a, "__copy__");
  ArrayObject* out = new_array(array_type, self->kind);
  out->bytes = self->bytes;
  return out;
}

Value a_reduce_ex(const CallArgs& a) {
  ArrayObject* self = self_array(a, "__reduce_ex__");
  Value items = a_tolist(a);
  Value dict = self->attrs != nullptr ? Value(self->attrs) : Value::none();
  return new_tuple({type_of(self), new_tuple({new_str(typecode_str(self)), items}), dict});
}

Value a_tounicode(const CallArgs& a) {
  self_array(a, "tounicode");
  raise_value_error("tounicode() may only be called on unicode type arrays");
}
Value a_fromunicode(const CallArgs& a) {
  self_array(a, "fromunicode");
  raise_value_error("fromunicode() may only be called on unicode type arrays");
}

Value a_iter(const CallArgs& a) {
  ArrayObject* self = self_array(a, "__iter__");
  return gc_new<ArrayIterator>(iterator_type, self);
}

Value it_next(const CallArgs& a) {
  auto* it = a[0].as<ArrayIterator>();
  if (it->array.is_null()) raise_stop_iteration(Value::null());
  ArrayObject* arr = it->array.as<ArrayObject>();
  if (it->index >= arr->length()) {
    it->array = Value::null();
    raise_stop_iteration(Value::null());
  }
  return array_load(arr->kind, arr->at(it->index++));
}
Value it_iter(const CallArgs& a) { return a[0]; }

Value no_construct(Type* type, const CallArgs&) { raise_type_error("cannot create '" + type->name + "' instances"); }

void build_types() {
  Type* t = new_builtin_type("array", types().object, array_construct);
  array_type = t;
  register_buffer_type(t, array_buffer);
  add_type_attr(t, "__module__", intern("array"));
  add_type_attr(t, "__hash__", Value::none());
  add_method(t, "__repr__", a_repr);
  add_method(t, "__len__", a_len);
  add_method(t, "__getitem__", a_getitem);
  add_method(t, "__setitem__", a_setitem);
  add_method(t, "__delitem__", a_delitem);
  add_method(t, "__contains__", a_contains);
  add_method(t, "__iter__", a_iter);
  add_method(t, "__add__", a_add);
  add_method(t, "__iadd__", a_iadd);
  add_method(t, "__mul__", a_mul);
  add_method(t, "__rmul__", a_mul);
  add_method(t, "__imul__", a_imul);
  add_method(t, "__eq__", a_compare<kEq>);
  add_method(t, "__ne__", a_compare<kNe>);
  add_method(t, "__lt__", a_compare<kLt>);
  add_method(t, "__le__", a_compare<kLe>);
  add_method(t, "__gt__", a_compare<kGt>);
  add_method(t, "__ge__", a_compare<kGe>);
  add_method(t, "__copy__", a_copy);
  add_method(t, "__deepcopy__", a_copy);
  add_method(t, "__reduce_ex__", a_reduce_ex);
  add_method(t, "append", a_append);
  add_method(t, "extend", a_extend);
  add_method(t, "insert", a_insert);
  add_method(t, "pop", a_pop);
  add_method(t, "remove", a_remove);
  add_method(t, "index", a_index);
  add_method(t, "count", a_count);
  add_method(t, "reverse", a_reverse);
  add_method(t, "byteswap", a_byteswap);
  add_method(t, "tobytes", a_tobytes);
  add_method(t, "frombytes", a_frombytes);
  add_method(t, "tolist", a_tolist);
  add_method(t, "fromlist", a_fromlist);
  add_method(t, "buffer_info", a_buffer_info);
  add_method(t, "tounicode", a_tounicode);
  add_method(t, "fromunicode", a_fromunicode);
  add_getset(t, "typecode", a_typecode);
  add_getset(t, "itemsize", a_itemsize);
  iterator_type = new_builtin_type("arrayiterator", types().object, no_construct);
  iterator_type->allows_subclassing = false;
  add_type_attr(iterator_type, "__module__", intern("array"));
  add_method(iterator_type, "__next__", it_next);
  add_method(iterator_type, "__iter__", it_iter);
}

void init_array(Module* m) {
  if (array_type == nullptr) build_types();
  DictTable& d = m->dict()->table;
  d.set(intern("array"), array_type);
  d.set(intern("ArrayType"), array_type);
  d.set(intern("typecodes"), new_str("bBhHiIlLqQfd"));
  // array.array is a collections.abc.MutableSequence: register it if that
  // module is loaded already (otherwise collections.abc does it on import).
  Value abc = module_table()->table.get(new_str("collections.abc"));
  if (!abc.is_null() && type_of(abc) == types().module) {
    Value mutable_sequence = get_attr_or_null(abc, intern("MutableSequence"));
    if (!mutable_sequence.is_null()) call_method(mutable_sequence, "register", {array_type});
  }
}

}  // namespace

void register_array_module() { register_builtin_module("array", init_array); }

}  // namespace gilvm
