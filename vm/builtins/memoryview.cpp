// memoryview: a view of another object's buffer (bytes, bytearray,
// array.array), without copying: indexing, slicing (a new view of the same
// memory), item and slice assignment through writable views, cast, tobytes,
// tolist, hex, release and the context manager, with CPython 3.11's
// messages. Views are one-dimensional.
//
// A view records its exporter (`obj`, always the object that owns the
// memory: a view of a view or a slice refers to the original exporter, as
// CPython's `obj` does) and where its items lie in the exporter's buffer:
// `offset` bytes in, `length` items of `itemsize` bytes, `stride` bytes
// apart (negative for m[::-1]). The exporter's buffer is fetched again at
// every access (vm/objects/buffer.hpp), never kept.
//
// Exports. A view of a resizable exporter counts in its `exports` and is
// linked into the list of live views until released or freed. When the
// exporter wants to resize and its counter is not zero, check_resizable
// (below) recounts from that list and releases the views no precise root
// reaches any more, emulating the moment reference counting would have
// released a dropped view; only views still in use refuse the resize.
#include <cstdio>
#include <cstring>

#include "vm/builtins/bytes_ops.hpp"
#include "vm/builtins/install.hpp"
#include "vm/errors.hpp"
#include "vm/heap/heap.hpp"
#include "vm/names.hpp"
#include "vm/native.hpp"
#include "vm/objects/buffer.hpp"
#include "vm/objects/number.hpp"
#include "vm/objects/sequence.hpp"
#include "vm/objects/str.hpp"
#include "vm/opcodes.hpp"
#include "vm/ops.hpp"

namespace gilvm {

namespace {

struct MemoryView;
MemoryView* live_views = nullptr;  // unreleased views of resizable exporters

struct MemoryView : Object {
  Value obj;
  bool released = false;
  bool readonly = true;
  bool counted = false;  // holds one of the exporter's exports (and is linked)
  char format = 'B';
  bool at_prefix = false;  // the format was given as "@X" (format reports it so)
  uint8_t itemsize = 1;
  int64_t offset = 0;
  int64_t length = 0;
  int64_t stride = 1;
  MemoryView* prev = nullptr;
  MemoryView* next = nullptr;

  explicit MemoryView(Type* t) : Object(t) {}
  // Only the list of C++ pointers is touched: the exporter may be gone.
  ~MemoryView() override { unlink(); }
  void trace(Tracer& t) override { t.visit(obj); }

  void link() {
    next = live_views;
    if (live_views != nullptr) live_views->prev = this;
    live_views = this;
  }
  void unlink() {
    if (!counted) return;
    if (prev != nullptr) prev->next = next;
    else live_views = next;
    if (next != nullptr) next->prev = prev;
    prev = next = nullptr;
    counted = false;
  }
  bool contiguous() const { return stride == itemsize || length <= 1; }
};

[[noreturn]] void released_error() { raise_value_error("operation forbidden on released memoryview object"); }

// Drops the view's export of its exporter.
void release_view(MemoryView* m) {
  if (m->released) return;
  m->released = true;
  if (!m->counted) return;
  BufferView base;
  if (get_buffer(m->obj, &base) && base.exports != nullptr && *base.exports > 0) --*base.exports;
  m->unlink();
}

MemoryView* self_view(const CallArgs& a) {
  MemoryView* m = a[0].as<MemoryView>();
  if (m->released) released_error();
  return m;
}
MemoryView* self_view(Value v) {
  MemoryView* m = v.as<MemoryView>();
  if (m->released) released_error();
  return m;
}

// The exporter's buffer now, checked to still cover the view.
BufferView base_buffer(const MemoryView* m) {
  BufferView base;
  if (!get_buffer(m->obj, &base)) raise_error(exc().BufferError, "memoryview: underlying buffer is not available");
  int64_t first = m->offset, last = m->offset + (m->length - 1) * m->stride;
  if (m->length > 0 && (std::min(first, last) < 0 || std::max(first, last) + m->itemsize > static_cast<int64_t>(base.size)))
    raise_error(exc().BufferError, "memoryview: underlying buffer was resized");
  return base;
}

size_t format_size(char f) {
  switch (f) {
    case 'B': case 'b': case 'c': case '?': return 1;
    case 'h': case 'H': return 2;
    case 'i': case 'I': case 'f': return 4;
    case 'l': case 'L': case 'q': case 'Q': case 'n': case 'N': case 'd': case 'P': return 8;
    default: return 0;
  }
}
bool is_byte_format(char f) { return f == 'B' || f == 'b' || f == 'c'; }

template <class T>
T load(const unsigned char* p) {
  T v;
  std::memcpy(&v, p, sizeof v);
  return v;
}
template <class T>
void store(unsigned char* p, T v) {
  std::memcpy(p, &v, sizeof v);
}

Value unpack_item(char f, const unsigned char* p) {
  switch (f) {
    case 'B': return Value::small_int(*p);
    case 'b': return Value::small_int(static_cast<int8_t>(*p));
    case 'c': return new_bytes(std::string(1, static_cast<char>(*p)));
    case '?': return Value::boolean(*p != 0);
    case 'h': return Value::small_int(load<int16_t>(p));
    case 'H': return Value::small_int(load<uint16_t>(p));
    case 'i': return Value::small_int(load<int32_t>(p));
    case 'I': return Value::small_int(load<uint32_t>(p));
    case 'l': case 'q': case 'n': return make_int(load<int64_t>(p));
    case 'f': return make_float(load<float>(p));
    case 'd': return make_float(load<double>(p));
    default: {  // L Q N P: unsigned 64-bit
      uint64_t v = load<uint64_t>(p);
      if (v <= static_cast<uint64_t>(INT64_MAX)) return make_int(static_cast<int64_t>(v));
      Mpz z;
      mpz_set_ui(z.v, v);
      return z.value();
    }
  }
}

// Converts v for format f into out (itemsize bytes), with CPython's
// "invalid type" / "invalid value" errors. Runs __index__ / __float__, so
// callers take pointers into the buffer afterwards.
void pack_item(char f, Value v, unsigned char* out) {
  std::string fmt(1, f);
  auto invalid_type = [&]() { raise_type_error("memoryview: invalid type for format '" + fmt + "'"); };
  auto invalid_value = [&]() { raise_value_error("memoryview: invalid value for format '" + fmt + "'"); };
  if (f == 'c') {
    if (!isinstance(v, types().bytes)) invalid_type();
    if (v.as<Bytes>()->data.size() != 1) invalid_value();
    *out = static_cast<unsigned char>(v.as<Bytes>()->data[0]);
    return;
  }
  if (f == '?') {
    *out = is_truthy(v) ? 1 : 0;
    return;
  }
  if (f == 'f' || f == 'd') {
    if (!isinstance(v, types().float_) && !is_int_value(v)) invalid_type();
    double d = to_double(v);
    if (f == 'f') store(out, static_cast<float>(d));
    else store(out, d);
    return;
  }
  if (!has_index(v)) invalid_type();
  Mpz z(index_int(v));
  bool is_unsigned = f == 'B' || f == 'H' || f == 'I' || f == 'L' || f == 'Q' || f == 'N' || f == 'P';
  if (is_unsigned) {
    if (mpz_sgn(z.v) < 0 || !mpz_fits_ulong_p(z.v)) invalid_value();
    uint64_t x = mpz_get_ui(z.v);
    switch (format_size(f)) {
      case 1: if (x > UINT8_MAX) invalid_value(); *out = static_cast<uint8_t>(x); return;
      case 2: if (x > UINT16_MAX) invalid_value(); store(out, static_cast<uint16_t>(x)); return;
      case 4: if (x > UINT32_MAX) invalid_value(); store(out, static_cast<uint32_t>(x)); return;
      default: store(out, x); return;
    }
  }
  if (!mpz_fits_slong_p(z.v)) invalid_value();
  int64_t x = mpz_get_si(z.v);
  switch (format_size(f)) {
    case 1: if (x < INT8_MIN || x > INT8_MAX) invalid_value(); store(out, static_cast<int8_t>(x)); return;
    case 2: if (x < INT16_MIN || x > INT16_MAX) invalid_value(); store(out, static_cast<int16_t>(x)); return;
    case 4: if (x < INT32_MIN || x > INT32_MAX) invalid_value(); store(out, static_cast<int32_t>(x)); return;
    default: store(out, x); return;
  }
}

std::string view_bytes(const MemoryView* m) {
  BufferView base = base_buffer(m);
  std::string out;
  out.reserve(static_cast<size_t>(m->length) * m->itemsize);
  for (int64_t i = 0; i < m->length; ++i)
    out.append(reinterpret_cast<const char*>(base.data + m->offset + i * m->stride), m->itemsize);
  return out;
}

// A new view of exporter's memory (`base`, its buffer now), counted as one
// of its exports when it can resize; the caller sets the layout.
MemoryView* new_view(Value exporter, const BufferView& base) {
  MemoryView* m = gc_new<MemoryView>(types().memoryview);
  m->obj = exporter;
  m->readonly = base.readonly;
  if (base.exports != nullptr) {
    ++*base.exports;
    m->counted = true;
    m->link();
  }
  return m;
}
// A new view with the layout of `from` (slices and casts then adjust it).
MemoryView* derived_view(const MemoryView* from) {
  BufferView base = base_buffer(from);
  MemoryView* m = new_view(from->obj, base);
  m->readonly = from->readonly;
  m->format = from->format;
  m->at_prefix = from->at_prefix;
  m->itemsize = from->itemsize;
  m->offset = from->offset;
  m->length = from->length;
  m->stride = from->stride;
  return m;
}

Value memoryview_construct(Type*, const CallArgs& args) {
  ArgParser p(args, "memoryview", {"object"}, 1, false);
  Value source = p.get(0);
  if (type_of(source) == types().memoryview) return derived_view(self_view(source));
  BufferView base;
  if (!get_buffer(source, &base))
    raise_type_error("memoryview: a bytes-like object is required, not '" + type_name(source) + "'");
  MemoryView* m = new_view(base.exporter != nullptr ? Value(base.exporter) : source, base);
  m->format = base.format;
  m->itemsize = static_cast<uint8_t>(base.itemsize);
  m->length = static_cast<int64_t>(base.size / base.itemsize);
  m->stride = m->itemsize;
  return m;
}

// An item index: negative counts from the end; IndexError as CPython's.
int64_t item_index(Value key, int64_t length) {
  int64_t i = index_value_clamped(key);
  if (i < 0) i += length;
  if (i < 0 || i >= length) raise_index_error("index out of bounds on dimension 1");
  return i;
}

Value mv_len(const CallArgs& a) { return make_int(self_view(a)->length); }

Value mv_getitem(const CallArgs& a) {
  MemoryView* m = self_view(a);
  Value key = a[1];
  if (type_of(key) == types().slice) {
    SliceBounds s = slice_bounds(key.as<Slice>(), m->length);
    MemoryView* v = derived_view(m);
    v->offset = m->offset + s.start * m->stride;
    v->length = s.count;
    v->stride = m->stride * s.step;
    return v;
  }
  if (!has_index(key)) raise_type_error("memoryview: invalid slice key");
  int64_t i = item_index(key, m->length);
  BufferView base = base_buffer(m);
  return unpack_item(m->format, base.data + m->offset + i * m->stride);
}

Value mv_setitem(const CallArgs& a) {
  MemoryView* m = self_view(a);
  if (m->readonly) raise_type_error("cannot modify read-only memory");
  Value key = a[1];
  if (type_of(key) == types().slice) {
    SliceBounds s = slice_bounds(key.as<Slice>(), m->length);
    BufferView src;
    std::string data;
    char src_format = 'B';
    if (type_of(a[2]) == types().memoryview) {
      MemoryView* other = self_view(a[2]);
      data = view_bytes(other);
      src_format = other->format;
    } else {
      if (!get_buffer(a[2], &src)) raise_type_error("a bytes-like object is required, not '" + type_name(a[2]) + "'");
      data.assign(src.bytes());
      src_format = src.format;
    }
    if (src_format != m->format || data.size() != static_cast<size_t>(s.count) * m->itemsize)
      raise_value_error("memoryview assignment: lvalue and rvalue have different structures");
    BufferView base = base_buffer(m);
    for (int64_t i = 0; i < s.count; ++i)
      std::memcpy(base.data + m->offset + (s.start + i * s.step) * m->stride, data.data() + i * m->itemsize, m->itemsize);
    return Value::none();
  }
  if (!has_index(key)) raise_type_error("memoryview: invalid slice key");
  int64_t i = item_index(key, m->length);
  unsigned char item[8];
  pack_item(m->format, a[2], item);
  BufferView base = base_buffer(m);  // after the conversion, which may run Python
  std::memcpy(base.data + m->offset + i * m->stride, item, m->itemsize);
  return Value::none();
}

Value mv_delitem(const CallArgs& a) {
  MemoryView* m = self_view(a);
  if (m->readonly) raise_type_error("cannot modify read-only memory");
  raise_type_error("cannot delete memory");
}

Value mv_iter(const CallArgs& a) { return make_sequence_iterator(self_view(a)); }

Value mv_repr(const CallArgs& a) {
  MemoryView* m = a[0].as<MemoryView>();
  char buf[32];
  std::snprintf(buf, sizeof buf, "0x%llx", static_cast<unsigned long long>(a[0].raw()));
  return new_str(std::string(m->released ? "<released memory at " : "<memory at ") + buf + ">");
}

Value mv_tobytes(const CallArgs& a) {
  ArgParser p(a, "tobytes", {"order"});
  return new_bytes(view_bytes(self_view(a)));
}

Value mv_tolist(const CallArgs& a) {
  MemoryView* m = self_view(a);
  BufferView base = base_buffer(m);
  // No Python runs while the list fills: unpacking only allocates.
  ValueVector items;
  items.reserve(static_cast<size_t>(m->length));
  for (int64_t i = 0; i < m->length; ++i) items.push_back(unpack_item(m->format, base.data + m->offset + i * m->stride));
  return new_list(std::move(items));
}

Value mv_hex(const CallArgs& a) { return hex_method(view_bytes(self_view(a)), a); }

Value mv_release(const CallArgs& a) {
  release_view(a[0].as<MemoryView>());
  return Value::none();
}
Value mv_enter(const CallArgs& a) { return self_view(a); }
Value mv_exit(const CallArgs& a) {
  release_view(a[0].as<MemoryView>());
  return Value::false_value();
}

Value mv_toreadonly(const CallArgs& a) {
  MemoryView* m = derived_view(self_view(a));
  m->readonly = true;
  return m;
}

// cast(format[, shape]): a 1-D view of the same bytes in another format;
// one side must be a byte format, as CPython requires.
Value mv_cast(const CallArgs& a) {
  ArgParser p(a, "cast", {"format", "shape"}, 1);
  MemoryView* m = self_view(a);
  if (!isinstance(p.get(0), types().str))
    raise_type_error("cast() argument 'format' must be str, not " + type_name(p.get(0)));
  std::string f = str_string(p.get(0));
  bool at_prefix = f.size() == 2 && f[0] == '@';
  if (at_prefix) f.erase(0, 1);
  if (f.size() != 1 || format_size(f[0]) == 0)
    raise_value_error("memoryview: destination format must be a native single character format prefixed with an optional '@'");
  if (!m->contiguous()) raise_type_error("memoryview: casts are restricted to C-contiguous views");
  if (!is_byte_format(f[0]) && !is_byte_format(m->format))
    raise_type_error("memoryview: cannot cast between two non-byte formats");
  int64_t nbytes = m->length * m->itemsize;
  int64_t size = static_cast<int64_t>(format_size(f[0]));
  if (nbytes % size != 0) raise_type_error("memoryview: length is not a multiple of itemsize");
  if (p.given(1)) {
    ValueVector shape = collect_iterable(p.get(1));
    if (shape.size() != 1 || index_value(shape[0]) * size != nbytes)
      raise_type_error("memoryview: product(shape) * itemsize != buffer size");
  }
  MemoryView* v = derived_view(m);
  v->format = f[0];
  v->at_prefix = at_prefix;
  v->itemsize = static_cast<uint8_t>(size);
  v->length = nbytes / size;
  v->stride = size;
  return v;
}

// Equality: item by item, as unpacked values (so a 'c' view never equals a
// 'B' one); a released view equals only itself.
Value mv_eq_impl(Value self, Value other) {
  MemoryView* m = self.as<MemoryView>();
  if (self.is(other)) return Value::true_value();
  if (m->released) return Value::false_value();
  if (type_of(other) == types().memoryview && other.as<MemoryView>()->released) return Value::false_value();
  std::string data;
  char f;
  size_t itemsize;
  if (type_of(other) == types().memoryview) {
    MemoryView* o = other.as<MemoryView>();
    data = view_bytes(o);
    f = o->format;
    itemsize = o->itemsize;
  } else {
    BufferView view;
    if (!get_buffer(other, &view)) return not_implemented();
    data.assign(view.bytes());
    f = view.format;
    itemsize = view.itemsize;
  }
  if (static_cast<int64_t>(data.size() / itemsize) != m->length) return Value::false_value();
  std::string mine = view_bytes(m);
  if (f == m->format) return Value::boolean(mine == data);
  for (int64_t i = 0; i < m->length; ++i) {
    Value x = unpack_item(m->format, reinterpret_cast<const unsigned char*>(mine.data()) + i * m->itemsize);
    Value y = unpack_item(f, reinterpret_cast<const unsigned char*>(data.data()) + i * itemsize);
    if (!values_equal(x, y)) return Value::false_value();
  }
  return Value::true_value();
}
Value mv_eq(const CallArgs& a) { return mv_eq_impl(a[0], a[1]); }
Value mv_ne(const CallArgs& a) {
  Value r = mv_eq_impl(a[0], a[1]);
  return r.is(not_implemented()) ? r : Value::boolean(!r.is_true());
}

Value mv_hash(const CallArgs& a) {
  MemoryView* m = self_view(a);
  if (!m->readonly) raise_value_error("cannot hash writable memoryview object");
  if (!is_byte_format(m->format)) raise_value_error("memoryview: hashing is restricted to formats 'B', 'b' or 'c'");
  return make_int(str_hash(new_str(view_bytes(m))));
}

// --- attributes -------------------------------------------------------------------

Value get_obj(Value v) { return self_view(v)->obj; }
Value get_nbytes(Value v) {
  MemoryView* m = self_view(v);
  return make_int(m->length * m->itemsize);
}
Value get_readonly(Value v) { return Value::boolean(self_view(v)->readonly); }
Value get_itemsize(Value v) { return make_int(self_view(v)->itemsize); }
Value get_format(Value v) {
  MemoryView* m = self_view(v);
  return new_str((m->at_prefix ? std::string("@") : std::string()) + m->format);
}
Value get_ndim(Value v) {
  self_view(v);
  return Value::small_int(1);
}
Value get_shape(Value v) { return new_tuple({make_int(self_view(v)->length)}); }
Value get_strides(Value v) { return new_tuple({make_int(self_view(v)->stride)}); }
Value get_suboffsets(Value v) {
  self_view(v);
  return empty_tuple();
}
Value get_contiguous(Value v) { return Value::boolean(self_view(v)->contiguous()); }

// --- the buffer protocol ---------------------------------------------------------------

bool mv_buffer(Object* o, BufferView* out) {
  MemoryView* m = static_cast<MemoryView*>(o);
  if (m->released) released_error();
  if (!m->contiguous()) return false;
  BufferView base = base_buffer(m);
  out->data = base.data + m->offset;
  out->size = static_cast<size_t>(m->length) * m->itemsize;
  out->itemsize = m->itemsize;
  out->format = m->format;
  out->readonly = m->readonly;
  out->exports = base.exports;
  out->exporter = base.exporter;
  return true;
}
bool mv_copy(Object* o, std::string* out) {
  MemoryView* m = static_cast<MemoryView*>(o);
  if (m->released) released_error();
  *out = view_bytes(m);
  return true;
}

}  // namespace

void check_resizable(Object* exporter, uint32_t* exports, const char* message) {
  if (*exports == 0) return;
  // Recount: views freed by a collection have left the list.
  std::vector<Object*> views;
  for (MemoryView* m = live_views; m != nullptr; m = m->next)
    if (m->obj.is_object() && m->obj.object() == exporter) views.push_back(m);
  *exports = static_cast<uint32_t>(views.size());
  if (*exports == 0) return;
  for (Object* dropped : heap().unreachable_precisely(views)) release_view(static_cast<MemoryView*>(dropped));
  if (*exports > 0) raise_error(exc().BufferError, message);
}

void install_memoryview_methods() {
  Type* t = types().memoryview;
  t->construct = memoryview_construct;
  t->allows_subclassing = false;
  add_method(t, "__len__", mv_len);
  add_method(t, "__getitem__", mv_getitem);
  add_method(t, "__setitem__", mv_setitem);
  add_method(t, "__delitem__", mv_delitem);
  add_method(t, "__iter__", mv_iter);
  add_method(t, "__repr__", mv_repr);
  add_method(t, "__eq__", mv_eq);
  add_method(t, "__ne__", mv_ne);
  add_method(t, "__hash__", mv_hash);
  add_method(t, "__enter__", mv_enter);
  add_method(t, "__exit__", mv_exit);
  add_method(t, "tobytes", mv_tobytes);
  add_method(t, "tolist", mv_tolist);
  add_method(t, "hex", mv_hex);
  add_method(t, "release", mv_release);
  add_method(t, "toreadonly", mv_toreadonly);
  add_method(t, "cast", mv_cast);
  add_getset(t, "obj", get_obj);
  add_getset(t, "nbytes", get_nbytes);
  add_getset(t, "readonly", get_readonly);
  add_getset(t, "itemsize", get_itemsize);
  add_getset(t, "format", get_format);
  add_getset(t, "ndim", get_ndim);
  add_getset(t, "shape", get_shape);
  add_getset(t, "strides", get_strides);
  add_getset(t, "suboffsets", get_suboffsets);
  add_getset(t, "c_contiguous", get_contiguous);
  add_getset(t, "f_contiguous", get_contiguous);
  add_getset(t, "contiguous", get_contiguous);
  register_buffer_type(t, mv_buffer, mv_copy);
}

}  // namespace gilvm
