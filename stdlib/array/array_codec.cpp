// Converting between Python values and array items, with the errors
// CPython's array module raises for each typecode; and the array's side of
// the buffer protocol (vm/objects/buffer.hpp): its provider and resize
// guard.
#include <gmp.h>

#include <cmath>
#include <cstring>
#include <string>

#include "stdlib/array/array_object.hpp"
#include "vm/errors.hpp"
#include "vm/names.hpp"
#include "vm/number_ops.hpp"
#include "vm/objects/buffer.hpp"
#include "vm/objects/number.hpp"
#include "vm/objects/str.hpp"
#include "vm/ops.hpp"
#include "vm/types.hpp"

namespace gilvm {

Type* array_type = nullptr;

namespace {

constexpr ArrayKind kKinds[] = {
    {'b', 1, false}, {'B', 1, false}, {'h', 2, false}, {'H', 2, false}, {'i', 4, false}, {'I', 4, false},
    {'l', 8, false}, {'L', 8, false}, {'q', 8, false}, {'Q', 8, false}, {'f', 4, true},  {'d', 8, true},
};

template <class T>
T load(const unsigned char* p) {
  T v;
  std::memcpy(&v, p, sizeof(T));
  return v;
}
template <class T>
void store(unsigned char* p, T v) {
  std::memcpy(p, &v, sizeof(T));
}

Value make_uint64(uint64_t u) {
  if (u <= static_cast<uint64_t>(INT64_MAX)) return make_int(static_cast<int64_t>(u));
  Mpz z;
  mpz_set_ui(z.v, u);
  return make_int(z.v);
}

// The int of an item value: ints as they are, else __index__ (TypeError
// "'float' object cannot be interpreted as an integer").
Value int_item(Value v) { return is_int_value(v) ? v : index_int(v); }

// As CPython's PyLong_AsLong: int64 or OverflowError.
int64_t as_long(Value n, const char* message) {
  int64_t out = 0;
  if (!int_to_int64(n, &out)) raise_overflow_error(message);
  return out;
}
// As PyLong_AsUnsignedLong / AsUnsignedLongLong.
uint64_t as_ulong(Value n, const char* negative, const char* too_big) {
  int64_t small = 0;
  if (int_to_int64(n, &small)) {
    if (small < 0) raise_overflow_error(negative);
    return static_cast<uint64_t>(small);
  }
  if (int_sign(n) < 0) raise_overflow_error(negative);
  Mpz z;
  int_to_mpz(n, z.v);
  if (mpz_sizeinbase(z.v, 2) > 64) raise_overflow_error(too_big);
  return mpz_get_ui(z.v);
}

void check_range(int64_t v, int64_t lo, int64_t hi, const char* what) {
  if (v < lo) raise_overflow_error(std::string(what) + " is less than minimum");
  if (v > hi) raise_overflow_error(std::string(what) + " is greater than maximum");
}

double real_item(Value v) {
  if (is_float(v)) return float_value(v);
  if (is_int_value(v)) return int_to_double(v);
  if (!lookup_in_mro(type_of(v), intern("__float__")).is_null() || has_index(v)) return to_double(v);
  raise_type_error("must be real number, not " + type_name(v));
}

constexpr const char* kLongOverflow = "Python int too large to convert to C long";
constexpr const char* kULongOverflow = "Python int too large to convert to C unsigned long";
constexpr const char* kNegativeUnsigned = "can't convert negative value to unsigned int";

}  // namespace

const ArrayKind* array_kind(char c) {
  for (const ArrayKind& k : kKinds)
    if (k.code == c) return &k;
  return nullptr;
}

Value array_load(const ArrayKind* kind, const unsigned char* p) {
  switch (kind->code) {
    case 'b': return Value::small_int(load<int8_t>(p));
    case 'B': return Value::small_int(p[0]);
    case 'h': return Value::small_int(load<int16_t>(p));
    case 'H': return Value::small_int(load<uint16_t>(p));
    case 'i': return Value::small_int(load<int32_t>(p));
    case 'I': return Value::small_int(load<uint32_t>(p));
    case 'l': case 'q': return make_int(load<int64_t>(p));
    case 'L': case 'Q': return make_uint64(load<uint64_t>(p));
    case 'f': return make_float(static_cast<double>(load<float>(p)));
    default: return make_float(load<double>(p));
  }
}

double array_load_double(const ArrayKind* kind, const unsigned char* p) {
  return kind->code == 'f' ? static_cast<double>(load<float>(p)) : load<double>(p);
}

void array_store(const ArrayKind* kind, Value v, unsigned char* out) {
  char c = kind->code;
  if (kind->is_float) {
    double x = real_item(v);
    if (c == 'f') store(out, static_cast<float>(x));
    else store(out, x);
    return;
  }
  // The common case first: a small int into a byte array.
  if (v.is_small_int() && c == 'B') {
    int64_t n = v.small_int_value();
    check_range(n, 0, 255, "unsigned byte integer");
    out[0] = static_cast<unsigned char>(n);
    return;
  }
  Value n = int_item(v);
  switch (c) {
    case 'b': {
      int64_t x = as_long(n, kLongOverflow);
      check_range(x, -128, 127, "signed char");
      store(out, static_cast<int8_t>(x));
      return;
    }
    case 'B': {
      int64_t x = as_long(n, kLongOverflow);
      check_range(x, 0, 255, "unsigned byte integer");
      out[0] = static_cast<unsigned char>(x);
      return;
    }
    case 'h': {
      int64_t x = as_long(n, kLongOverflow);
      check_range(x, INT16_MIN, INT16_MAX, "signed short integer");
      store(out, static_cast<int16_t>(x));
      return;
    }
    case 'H': {
      int64_t x = as_long(n, kLongOverflow);
      check_range(x, 0, UINT16_MAX, "unsigned short");
      store(out, static_cast<uint16_t>(x));
      return;
    }
    case 'i': {
      int64_t x = as_long(n, kLongOverflow);
      check_range(x, INT32_MIN, INT32_MAX, "signed integer");
      store(out, static_cast<int32_t>(x));
      return;
    }
    case 'I': {
      uint64_t x = as_ulong(n, kNegativeUnsigned, kULongOverflow);
      if (x > UINT32_MAX) raise_overflow_error("unsigned int is greater than maximum");
      store(out, static_cast<uint32_t>(x));
      return;
    }
    case 'l': store(out, as_long(n, kLongOverflow)); return;
    case 'L': store(out, as_ulong(n, kNegativeUnsigned, kULongOverflow)); return;
    case 'q': store(out, as_long(n, "int too big to convert")); return;
    default: store(out, as_ulong(n, "can't convert negative int to unsigned", "int too big to convert")); return;
  }
}

bool array_buffer(Object* o, BufferView* out) {
  ArrayObject* a = static_cast<ArrayObject*>(o);
  out->data = a->bytes.data();
  out->size = a->bytes.size();
  out->itemsize = a->kind->size;
  out->format = a->kind->code;
  out->readonly = false;
  out->exports = &a->exports;
  out->exporter = o;
  return true;
}

void array_check_resizable(ArrayObject* a) {
  check_resizable(a, &a->exports, "cannot resize an array that is exporting buffers");
}

}  // namespace gilvm
