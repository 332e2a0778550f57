// The struct module: pack, unpack, calcsize, pack_into, unpack_from,
// iter_unpack and Struct objects, with CPython 3.11's formats and errors.
//
// A format is parsed once into a Layout (its codes with repeat counts,
// offsets, total size and item count); module-level functions keep the
// layouts of recent formats in a C++ cache (no Values), as CPython's
// _struct does. Byte order: '@' native (this machine is little-endian;
// native sizes and alignment, codes n N P allowed), '=' '<' '>' '!'
// standard sizes without alignment. Packing converts every value into a
// local buffer before anything is written, so pack_into never writes a
// partial result and never holds a view of the target across Python code.
#include <cmath>
#include <cstring>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include <gmp.h>

#include "vm/objects/buffer.hpp"
#include "vm/objects/bytearray.hpp"
#include "stdlib/stdlib.hpp"
#include "vm/errors.hpp"
#include "vm/heap/heap.hpp"
#include "vm/import.hpp"
#include "vm/names.hpp"
#include "vm/native.hpp"
#include "vm/number_ops.hpp"
#include "vm/objects/dict.hpp"
#include "vm/objects/module.hpp"
#include "vm/objects/number.hpp"
#include "vm/objects/sequence.hpp"
#include "vm/objects/str.hpp"
#include "vm/ops.hpp"
#include "vm/types.hpp"

namespace gilvm {

namespace {

Type* struct_error = nullptr;
Type* struct_type = nullptr;
Type* unpack_iterator_type = nullptr;

[[noreturn]] void error(const std::string& message) { raise_error(struct_error, message); }

enum class Mode { Native, Little, Big };

struct Code {
  char c;
  size_t count;   // repeat count; for s and p the byte length of the one item
  size_t offset;  // of the first item
  size_t size;    // of one item (s, p: 1)
};

struct Layout {
  Mode mode = Mode::Native;
  std::vector<Code> codes;
  size_t size = 0;
  size_t items = 0;
};

// Size of one item of code c, or 0 for a bad char.
size_t item_size(char c, bool native) {
  switch (c) {
    case 'x': case 'c': case 'b': case 'B': case '?': case 's': case 'p': return 1;
    case 'h': case 'H': case 'e': return 2;
    case 'i': case 'I': case 'f': return 4;
    case 'l': case 'L': return native ? 8 : 4;
    case 'q': case 'Q': case 'd': return 8;
    case 'n': case 'N': case 'P': return native ? 8 : 0;
    default: return 0;
  }
}

std::shared_ptr<Layout> parse_layout(const std::string& fmt) {
  auto layout = std::make_shared<Layout>();
  size_t i = 0;
  if (!fmt.empty()) {
    switch (fmt[0]) {
      case '@': i = 1; break;
      // '=' is native order with standard sizes: little-endian here.
      case '=': case '<': layout->mode = Mode::Little; i = 1; break;
      case '>': case '!': layout->mode = Mode::Big; i = 1; break;
      default: break;
    }
  }
  bool native = layout->mode == Mode::Native;
  constexpr size_t kMax = static_cast<size_t>(INT64_MAX);
  size_t size = 0, items = 0;
  while (i < fmt.size()) {
    char c = fmt[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f') {
      ++i;
      continue;
    }
    size_t count = 1;
    if (c >= '0' && c <= '9') {
      count = 0;
      while (i < fmt.size() && fmt[i] >= '0' && fmt[i] <= '9') {
        size_t digit = static_cast<size_t>(fmt[i] - '0');
        if (count > (kMax - digit) / 10) error("total struct size too long");
        count = count * 10 + digit;
        ++i;
      }
      if (i == fmt.size()) error("repeat count given without format specifier");
      c = fmt[i];
    }
    ++i;
    size_t isz = item_size(c, native);
    if (isz == 0) error("bad char in struct format");
    if (native && isz > 1 && c != 's' && c != 'p' && c != 'x') size = (size + isz - 1) / isz * isz;
    Code code{c, count, size, isz};
    if (c == 's' || c == 'p') {
      if (count > kMax - size) error("total struct size too long");
      size += count;
      ++items;
    } else {
      if (count != 0 && isz > (kMax - size) / count) error("total struct size too long");
      size += count * isz;
      if (c != 'x') items += count;
    }
    if (c != 'x' && !(count == 0 && c != 's' && c != 'p')) layout->codes.push_back(code);
  }
  layout->size = size;
  layout->items = items;
  return layout;
}

std::string format_text(Value format) {
  if (type_of(format) == types().str) return format.as<Str>()->data;
  if (isinstance(format, types().bytes)) return format.as<Bytes>()->data;
  raise_type_error("Struct() argument 1 must be a str or bytes object, not " + type_name(format));
}

std::unordered_map<std::string, std::shared_ptr<Layout>>& layout_cache() {
  static std::unordered_map<std::string, std::shared_ptr<Layout>> cache;
  return cache;
}

std::shared_ptr<Layout> cached_layout(const std::string& fmt) {
  auto& cache = layout_cache();
  auto it = cache.find(fmt);
  if (it != cache.end()) return it->second;
  auto layout = parse_layout(fmt);
  if (cache.size() >= 100) cache.clear();
  cache.emplace(fmt, layout);
  return layout;
}

// ---- packing --------------------------------------------------------------

void put_uint(unsigned char* out, uint64_t v, size_t size, bool big) {
  for (size_t k = 0; k < size; ++k) {
    unsigned char byte = static_cast<unsigned char>(v >> (8 * k));
    out[big ? size - 1 - k : k] = byte;
  }
}

uint64_t get_uint(const unsigned char* in, size_t size, bool big) {
  uint64_t v = 0;
  for (size_t k = 0; k < size; ++k) v |= static_cast<uint64_t>(in[big ? size - 1 - k : k]) << (8 * k);
  return v;
}

Value integer_argument(Value v) {
  if (is_int_value(v)) return v;
  if (has_index(v)) return index_int(v);
  error("required argument is not an integer");
}

// The int as int64 (signed codes) or uint64 (unsigned codes); "argument out
// of range" when it does not fit the C type CPython converts through.
int64_t as_signed(Value v) {
  int64_t out = 0;
  if (!int_to_int64(v, &out)) error("argument out of range");
  return out;
}
uint64_t as_unsigned(Value v) {
  int64_t small = 0;
  if (int_to_int64(v, &small)) {
    if (small < 0) error("argument out of range");
    return static_cast<uint64_t>(small);
  }
  Mpz z;
  int_to_mpz(v, z.v);
  if (mpz_sgn(z.v) < 0 || mpz_sizeinbase(z.v, 2) > 64) error("argument out of range");
  return mpz_get_ui(z.v);
}

[[noreturn]] void range_error(char c, bool is_unsigned, size_t size, bool big) {
  if (c == 'b') error("byte format requires -128 <= number <= 127");
  if (c == 'B') error("ubyte format requires 0 <= number <= 255");
  if (c == 'h' && !big) error("short format requires -32768 <= number <= 32767");
  if (c == 'H' && !big) error("ushort format requires 0 <= number <= 65535");
  unsigned bits = static_cast<unsigned>(size * 8);
  std::string code(1, c);
  if (is_unsigned) error("'" + code + "' format requires 0 <= number <= " + std::to_string((uint64_t{1} << bits) - 1));
  int64_t max = (int64_t{1} << (bits - 1)) - 1;
  error("'" + code + "' format requires " + std::to_string(-max - 1) + " <= number <= " + std::to_string(max));
}

double float_argument(Value v) {
  if (is_float(v)) return float_value(v);
  if (is_int_value(v)) {
    try {
      return int_to_double(v);
    } catch (PyException&) {
      take_current_exception();
      error("required argument is not a float");
    }
  }
  if (!lookup_in_mro(type_of(v), intern("__float__")).is_null() || has_index(v)) return to_double(v);
  error("required argument is not a float");
}

uint16_t half_bits(double x) {
  uint16_t sign = std::signbit(x) ? 0x8000 : 0;
  if (std::isnan(x)) return sign | 0x7e00;
  if (std::isinf(x)) return sign | 0x7c00;
  double ax = std::fabs(x);
  if (ax == 0.0) return sign;
  if (ax < std::ldexp(1.0, -14)) {
    // Subnormal: a multiple of 2**-24, rounded half to even (rounding may
    // carry into the smallest normal number, whose bits follow on).
    double units = std::nearbyint(std::ldexp(ax, 24));
    return sign | static_cast<uint16_t>(units);
  }
  int e = 0;
  double m = std::frexp(ax, &e);  // ax = m * 2**e, 0.5 <= m < 1
  int exponent = e - 1;
  double frac = std::nearbyint((m * 2.0 - 1.0) * 1024.0);
  if (frac >= 1024.0) {
    frac = 0.0;
    ++exponent;
  }
  if (exponent > 15) raise_overflow_error("float too large to pack with e format");
  return sign | static_cast<uint16_t>((exponent + 15) << 10) | static_cast<uint16_t>(frac);
}

double half_value(uint16_t bits) {
  double sign = (bits & 0x8000) ? -1.0 : 1.0;
  int exponent = (bits >> 10) & 0x1f;
  int frac = bits & 0x3ff;
  if (exponent == 0) return sign * std::ldexp(frac, -24);
  if (exponent == 31) return frac ? std::copysign(std::nan(""), sign) : sign * HUGE_VAL;
  return sign * std::ldexp(1024 + frac, exponent - 25);
}

void pack_one(const Code& code, Mode mode, Value v, unsigned char* out) {
  bool big = mode == Mode::Big;
  bool native = mode == Mode::Native;
  char c = code.c;
  switch (c) {
    case 'c': {
      if (!isinstance(v, types().bytes) || v.as<Bytes>()->data.size() != 1)
        error("char format requires a bytes object of length 1");
      out[0] = static_cast<unsigned char>(v.as<Bytes>()->data[0]);
      return;
    }
    case '?': out[0] = is_truthy(v) ? 1 : 0; return;
    case 'e': put_uint(out, half_bits(float_argument(v)), 2, big); return;
    case 'f': {
      double x = float_argument(v);
      float y = static_cast<float>(x);
      if (!native && std::isinf(y) && !std::isinf(x)) raise_overflow_error("float too large to pack with f format");
      uint32_t bits = 0;
      std::memcpy(&bits, &y, 4);
      put_uint(out, bits, 4, big);
      return;
    }
    case 'd': {
      double x = float_argument(v);
      uint64_t bits = 0;
      std::memcpy(&bits, &x, 8);
      put_uint(out, bits, 8, big);
      return;
    }
    case 'P': {
      Value n = integer_argument(v);
      int64_t s = 0;
      if (int_to_int64(n, &s)) {
        put_uint(out, static_cast<uint64_t>(s), 8, big);
        return;
      }
      if (int_sign(n) < 0) error("int too large to convert");
      Mpz z;
      int_to_mpz(n, z.v);
      if (mpz_sizeinbase(z.v, 2) > 64) error("int too large to convert");
      put_uint(out, mpz_get_ui(z.v), 8, big);
      return;
    }
    default: break;
  }
  // Integers. Big-endian formats convert h and H like the wider codes, and
  // q and Q through a byte-array conversion with its own message (CPython's
  // bigendian table); the others use the native conversions.
  Value n = integer_argument(v);
  size_t size = code.size;
  bool is_unsigned = c == 'B' || c == 'H' || c == 'I' || c == 'L' || c == 'Q' || c == 'N';
  if (big && (c == 'q' || c == 'Q')) {
    int64_t s = 0;
    if (int_to_int64(n, &s) && (c == 'q' || s >= 0)) {
      put_uint(out, static_cast<uint64_t>(s), 8, true);
      return;
    }
    Mpz z;
    int_to_mpz(n, z.v);
    if (c == 'q' || mpz_sgn(z.v) < 0 || mpz_sizeinbase(z.v, 2) > 64) error("int too large to convert");
    put_uint(out, mpz_get_ui(z.v), 8, true);
    return;
  }
  if (is_unsigned && (c != 'B' && (c != 'H' || big))) {
    uint64_t u = as_unsigned(n);
    if (size < 8 && u > (uint64_t{1} << (8 * size)) - 1) range_error(code.c, true, size, big);
    put_uint(out, u, size, big);
    return;
  }
  int64_t s = as_signed(n);
  if (c == 'B' || c == 'H') {
    if (s < 0 || s > (int64_t{1} << (8 * size)) - 1) range_error(code.c, true, size, big);
  } else if (size < 8) {
    int64_t max = (int64_t{1} << (8 * size - 1)) - 1;
    if (s < -max - 1 || s > max) range_error(code.c, false, size, big);
  }
  put_uint(out, static_cast<uint64_t>(s), size, big);
}

void pack_string(const Code& code, Value v, unsigned char* out) {
  if (!isinstance(v, types().bytes) && !isinstance(v, types().bytearray))
    error(std::string("argument for '") + code.c + "' must be a bytes object");
  const std::string& data = isinstance(v, types().bytes) ? v.as<Bytes>()->data : v.as<ByteArray>()->data;
  size_t n = code.count;
  std::memset(out, 0, n);
  if (code.c == 's') {
    std::memcpy(out, data.data(), std::min(n, data.size()));
    return;
  }
  if (n == 0) return;
  size_t len = std::min({data.size(), n - 1, size_t{255}});
  out[0] = static_cast<unsigned char>(len);
  std::memcpy(out + 1, data.data(), len);
}

// Packs values[0..layout.items) into out (layout.size bytes, zeroed).
void pack_values(const Layout& layout, const Value* values, unsigned char* out) {
  size_t k = 0;
  for (const Code& code : layout.codes) {
    if (code.c == 's' || code.c == 'p') {
      pack_string(code, values[k++], out + code.offset);
      continue;
    }
    for (size_t r = 0; r < code.count; ++r) pack_one(code, layout.mode, values[k++], out + code.offset + r * code.size);
  }
}

std::string pack_to_string(const Layout& layout, const Value* values, size_t count, const char* who) {
  if (count != layout.items)
    error(std::string(who) + " expected " + std::to_string(layout.items) + " items for packing (got " +
          std::to_string(count) + ")");
  check_allocation_size(static_cast<double>(layout.size));
  std::string out(layout.size, '\0');
  pack_values(layout, values, reinterpret_cast<unsigned char*>(out.data()));
  return out;
}

// ---- unpacking ------------------------------------------------------------

Value make_uint(uint64_t u) {
  if (u <= static_cast<uint64_t>(INT64_MAX)) return make_int(static_cast<int64_t>(u));
  Mpz z;
  mpz_set_ui(z.v, u);
  return make_int(z.v);
}

Value unpack_one(const Code& code, Mode mode, const unsigned char* in) {
  bool big = mode == Mode::Big;
  switch (code.c) {
    case 'c': return new_bytes(std::string(1, static_cast<char>(in[0])));
    case '?': return Value::boolean(in[0] != 0);
    case 'e': return make_float(half_value(static_cast<uint16_t>(get_uint(in, 2, big))));
    case 'f': {
      uint32_t bits = static_cast<uint32_t>(get_uint(in, 4, big));
      float y = 0;
      std::memcpy(&y, &bits, 4);
      return make_float(static_cast<double>(y));
    }
    case 'd': {
      uint64_t bits = get_uint(in, 8, big);
      double x = 0;
      std::memcpy(&x, &bits, 8);
      return make_float(x);
    }
    case 'B': case 'H': case 'I': case 'L': case 'Q': case 'N': case 'P':
      return make_uint(get_uint(in, code.size, big));
    default: {
      uint64_t u = get_uint(in, code.size, big);
      size_t bits = 8 * code.size;
      if (bits < 64 && (u >> (bits - 1)) & 1) u |= ~uint64_t{0} << bits;  // sign-extend
      return make_int(static_cast<int64_t>(u));
    }
  }
}

Tuple* unpack_values(const Layout& layout, const unsigned char* in) {
  std::vector<Value> items;
  items.reserve(layout.items);
  for (const Code& code : layout.codes) {
    const unsigned char* at = in + code.offset;
    if (code.c == 's') {
      items.push_back(new_bytes(std::string(reinterpret_cast<const char*>(at), code.count)));
    } else if (code.c == 'p') {
      size_t len = code.count == 0 ? 0 : std::min<size_t>(at[0], code.count - 1);
      items.push_back(new_bytes(std::string(reinterpret_cast<const char*>(at) + (code.count ? 1 : 0), len)));
    } else {
      for (size_t r = 0; r < code.count; ++r) items.push_back(unpack_one(code, layout.mode, at + r * code.size));
    }
  }
  // A plain vector is enough: no Python code runs (and so no collection)
  // between the first allocation and the tuple taking the items.
  return new_tuple(std::move(items));
}

// ---- Struct objects -------------------------------------------------------

struct StructObject : Object {
  std::shared_ptr<Layout> layout;
  Value format;  // the format as a str
  explicit StructObject(Type* t) : Object(t) {}
  void trace(Tracer& t) override { t.visit(format); }
};

struct UnpackIterator : Object {
  Value owner;   // the Struct
  Value buffer;  // the bytes-like object
  size_t offset = 0;
  UnpackIterator(Type* t, Value s, Value b) : Object(t), owner(s), buffer(b) {}
  void trace(Tracer& t) override {
    t.visit(owner);
    t.visit(buffer);
  }
};

StructObject* new_struct(Type* type, Value format) {
  std::string text = format_text(format);
  std::shared_ptr<Layout> layout = cached_layout(text);
  StructObject* s = gc_new<StructObject>(type);
  s->layout = std::move(layout);
  s->format = new_str(text);
  return s;
}

StructObject* self_struct(const CallArgs& a) {
  if (a.count == 0 || !isinstance(a[0], struct_type)) raise_type_error("descriptor requires a '_struct.Struct' object");
  return a[0].as<StructObject>();
}

Value struct_construct(Type* type, const CallArgs& a) {
  if (a.kw_count() == 0 && a.count > 1)
    raise_type_error("Struct() takes at most 1 argument (" + std::to_string(a.count) + " given)");
  ArgParser p(a, "Struct", {"format"}, 1, false);
  return new_struct(type, p.get(0));
}

Value unpack_exact(const Layout& layout, Value buffer) {
  BufferView view = buffer_or_raise(buffer);
  if (view.size != layout.size) error("unpack requires a buffer of " + std::to_string(layout.size) + " bytes");
  return unpack_values(layout, view.data);
}

Value unpack_from_impl(const Layout& layout, Value buffer, Value offset_value) {
  int64_t offset = offset_value.is_null() ? 0 : index_value(offset_value);
  BufferView view = buffer_or_raise(buffer);
  int64_t size = static_cast<int64_t>(view.size);
  int64_t need = static_cast<int64_t>(layout.size);
  if (offset < 0) {
    if (offset + size < 0) error("offset " + std::to_string(offset) + " out of range for " + std::to_string(size) + "-byte buffer");
    if (offset + need > 0)
      error("not enough data to unpack " + std::to_string(need) + " bytes at offset " + std::to_string(offset));
    offset += size;
  }
  if (size - offset < need)
    error("unpack_from requires a buffer of at least " + std::to_string(need + offset) + " bytes for unpacking " +
          std::to_string(need) + " bytes at offset " + std::to_string(offset) + " (actual buffer size is " +
          std::to_string(size) + ")");
  return unpack_values(layout, view.data + offset);
}

void pack_into_impl(const Layout& layout, const CallArgs& a, size_t first) {
  // a[first] is the buffer, a[first + 1] the offset, then the values.
  if (a.count <= first) error("pack_into expected buffer argument");
  if (a.count <= first + 1) error("pack_into expected offset argument");
  size_t given = a.count - first - 2;
  if (given != layout.items)
    error("pack_into expected " + std::to_string(layout.items) + " items for packing (got " + std::to_string(given) + ")");
  Value buffer = a[first];
  writable_buffer_or_raise(buffer);
  int64_t offset = index_value(a[first + 1]);
  std::string packed = pack_to_string(layout, a.args + first + 2, given, "pack_into");
  BufferView view = writable_buffer_or_raise(buffer);  // again: packing may have run Python code
  int64_t size = static_cast<int64_t>(view.size);
  int64_t need = static_cast<int64_t>(layout.size);
  if (offset < 0) {
    if (offset + size < 0) error("offset " + std::to_string(offset) + " out of range for " + std::to_string(size) + "-byte buffer");
    if (offset + need > 0)
      error("no space to pack " + std::to_string(need) + " bytes at offset " + std::to_string(offset));
    offset += size;
  }
  if (size - offset < need)
    error("pack_into requires a buffer of at least " + std::to_string(need + offset) + " bytes for packing " +
          std::to_string(need) + " bytes at offset " + std::to_string(offset) + " (actual buffer size is " +
          std::to_string(size) + ")");
  std::memcpy(view.data + offset, packed.data(), packed.size());
}

Value iter_unpack_impl(Value owner, const Layout& layout, Value buffer) {
  BufferView view = buffer_or_raise(buffer);
  if (layout.size == 0) error("cannot iteratively unpack with a struct of length 0");
  if (view.size % layout.size != 0)
    error("iterative unpacking requires a buffer of a multiple of " + std::to_string(layout.size) + " bytes");
  return gc_new<UnpackIterator>(unpack_iterator_type, owner, buffer);
}

Value s_pack(const CallArgs& a) {
  StructObject* s = self_struct(a);
  no_keywords(a, "pack");
  return new_bytes(pack_to_string(*s->layout, a.args + 1, a.count - 1, "pack"));
}
Value s_pack_into(const CallArgs& a) {
  StructObject* s = self_struct(a);
  no_keywords(a, "pack_into");
  pack_into_impl(*s->layout, a, 1);
  return Value::none();
}
Value s_unpack(const CallArgs& a) {
  StructObject* s = self_struct(a);
  check_arg_count(a, "unpack", 2, 2);
  return unpack_exact(*s->layout, a[1]);
}
Value s_unpack_from(const CallArgs& a) {
  ArgParser p(a, "unpack_from", {"buffer", "offset"}, 1);
  StructObject* s = self_struct(a);
  return unpack_from_impl(*s->layout, p.get(0), p.get(1));
}
Value s_iter_unpack(const CallArgs& a) {
  StructObject* s = self_struct(a);
  check_arg_count(a, "iter_unpack", 2, 2);
  return iter_unpack_impl(s, *s->layout, a[1]);
}
Value s_format(Value self) { return self.as<StructObject>()->format; }
Value s_size(Value self) { return make_int(static_cast<int64_t>(self.as<StructObject>()->layout->size)); }

Value it_next(const CallArgs& a) {
  auto* it = a[0].as<UnpackIterator>();
  if (it->buffer.is_null()) raise_stop_iteration(Value::null());
  const Layout& layout = *it->owner.as<StructObject>()->layout;
  BufferView view = buffer_or_raise(it->buffer);
  if (it->offset + layout.size > view.size) {
    it->buffer = Value::null();
    raise_stop_iteration(Value::null());
  }
  Value result = unpack_values(layout, view.data + it->offset);
  it->offset += layout.size;
  return result;
}
Value it_iter(const CallArgs& a) { return a[0]; }
Value it_length_hint(const CallArgs& a) {
  auto* it = a[0].as<UnpackIterator>();
  if (it->buffer.is_null()) return Value::small_int(0);
  BufferView view = buffer_or_raise(it->buffer);
  size_t size = it->owner.as<StructObject>()->layout->size;
  return make_int(static_cast<int64_t>(view.size > it->offset ? (view.size - it->offset) / size : 0));
}

// ---- module functions -----------------------------------------------------

std::shared_ptr<Layout> layout_arg(const CallArgs& a) {
  if (a.count == 0) raise_type_error("missing format argument");
  return cached_layout(format_text(a[0]));
}

Value m_pack(const CallArgs& a) {
  no_keywords(a, "pack");
  auto layout = layout_arg(a);
  return new_bytes(pack_to_string(*layout, a.args + 1, a.count - 1, "pack"));
}
Value m_pack_into(const CallArgs& a) {
  no_keywords(a, "pack_into");
  auto layout = layout_arg(a);
  pack_into_impl(*layout, a, 1);
  return Value::none();
}
Value m_unpack(const CallArgs& a) {
  check_arg_count(a, "unpack", 2, 2);
  auto layout = cached_layout(format_text(a[0]));
  return unpack_exact(*layout, a[1]);
}
Value m_unpack_from(const CallArgs& a) {
  ArgParser p(a, "unpack_from", {"format", "buffer", "offset"}, 2, false);
  auto layout = cached_layout(format_text(p.get(0)));
  return unpack_from_impl(*layout, p.get(1), p.get(2));
}
Value m_iter_unpack(const CallArgs& a) {
  check_arg_count(a, "iter_unpack", 2, 2);
  StructObject* s = new_struct(struct_type, a[0]);
  return iter_unpack_impl(s, *s->layout, a[1]);
}
Value m_calcsize(const CallArgs& a) {
  check_arg_count(a, "calcsize", 1, 1);
  return make_int(static_cast<int64_t>(cached_layout(format_text(a[0]))->size));
}
Value m_clearcache(const CallArgs& a) {
  check_arg_count(a, "_clearcache", 0, 0);
  layout_cache().clear();
  return Value::none();
}

Value no_construct(Type* type, const CallArgs&) {
  raise_type_error("cannot create '" + type->name + "' instances");
}

void init_struct(Module* m) {
  if (struct_type == nullptr) {
    struct_type = new_builtin_type("Struct", types().object, struct_construct);
    add_type_attr(struct_type, "__module__", intern("_struct"));
    add_type_attr(struct_type, "__doc__", new_str("Struct(format)\n--\n\nCreate a compiled struct object."));
    add_method(struct_type, "pack", s_pack);
    add_method(struct_type, "pack_into", s_pack_into);
    add_method(struct_type, "unpack", s_unpack);
    add_method(struct_type, "unpack_from", s_unpack_from);
    add_method(struct_type, "iter_unpack", s_iter_unpack);
    add_getset(struct_type, "format", s_format);
    add_getset(struct_type, "size", s_size);
    unpack_iterator_type = new_builtin_type("unpack_iterator", types().object, no_construct);
    unpack_iterator_type->allows_subclassing = false;
    add_type_attr(unpack_iterator_type, "__module__", intern("_struct"));
    add_method(unpack_iterator_type, "__next__", it_next);
    add_method(unpack_iterator_type, "__iter__", it_iter);
    add_method(unpack_iterator_type, "__length_hint__", it_length_hint);
    Dict* ns = new_dict();
    ns->table.set(intern("__module__"), intern("struct"));
    Value cls = call(types().type, {intern("error"), new_tuple({exc().Exception}), ns});
    struct_error = cls.as<Type>();
    keep_builtin_type_alive(struct_error);
  }
  DictTable& d = m->dict()->table;
  d.set(intern("Struct"), struct_type);
  d.set(intern("error"), struct_error);
  d.set(intern("__all__"), new_list({new_str("calcsize"), new_str("pack"), new_str("pack_into"), new_str("unpack"),
                                     new_str("unpack_from"), new_str("iter_unpack"), new_str("Struct"),
                                     new_str("error")}));
  add_function(m, "pack", m_pack);
  add_function(m, "pack_into", m_pack_into);
  add_function(m, "unpack", m_unpack);
  add_function(m, "unpack_from", m_unpack_from);
  add_function(m, "iter_unpack", m_iter_unpack);
  add_function(m, "calcsize", m_calcsize);
  add_function(m, "_clearcache", m_clearcache);
}

}  // namespace

void register_struct_module() {
  register_builtin_module("struct", init_struct);
  register_builtin_module("_struct", init_struct);
}

}  // namespace gilvm
