// int.to_bytes and int.from_bytes: ints as fixed-size byte strings, in
// either byte order, unsigned or two's complement.
//
// GMP works on magnitudes, so a negative number is stored as its two's
// complement by adding 2**(8*length) before exporting, and a signed
// reading subtracts it again when the top bit is set.
#include <gmp.h>

#include <algorithm>
#include <string>

#include "vm/builtins/install.hpp"
#include "vm/errors.hpp"
#include "vm/names.hpp"
#include "vm/native.hpp"
#include "vm/objects/buffer.hpp"
#include "vm/objects/bytearray.hpp"
#include "vm/objects/number.hpp"
#include "vm/objects/str.hpp"
#include "vm/ops.hpp"

namespace gilvm {

namespace {

// True for "little", false for "big"; CPython's errors otherwise.
bool is_little_endian(Value byteorder, const char* function) {
  if (!isinstance(byteorder, types().str))
    raise_type_error(std::string(function) + "() argument 'byteorder' must be str, not " + type_name(byteorder));
  const std::string& order = byteorder.as<Str>()->data;
  if (order == "little") return true;
  if (order == "big") return false;
  raise_value_error("byteorder must be either 'little' or 'big'");
}

// int.to_bytes(length=1, byteorder='big', *, signed=False)
Value int_to_bytes(const CallArgs& a) {
  ArgParser p(a, "to_bytes", {"length", "byteorder", "signed"}, 0, true, 2);
  if (!is_int_value(a[0])) raise_type_error("descriptor 'to_bytes' requires a 'int' object");
  int64_t length = p.given(0) ? index_value(p.get(0)) : 1;
  if (length < 0) raise_value_error("length argument must be non-negative");
  check_allocation_size(static_cast<double>(length));
  bool little = p.given(1) && is_little_endian(p.get(1), "to_bytes");
  bool is_signed = p.given(2) && is_truthy(p.get(2));

  Mpz n(a[0]);
  if (mpz_sgn(n.v) < 0 && !is_signed) raise_overflow_error("can't convert negative int to unsigned");
  // The representable range is [0, 2**bits) unsigned and
  // [-2**(bits-1), 2**(bits-1)) signed; compared by bit counts, so that a
  // huge length never builds a huge limit.
  uint64_t bits = static_cast<uint64_t>(length) * 8;
  uint64_t magnitude_bits = mpz_sgn(n.v) == 0 ? 0 : mpz_sizeinbase(n.v, 2);
  bool fits;
  if (!is_signed) {
    fits = magnitude_bits <= bits;
  } else if (mpz_sgn(n.v) >= 0) {
    fits = magnitude_bits < bits || magnitude_bits == 0;
  } else {
    bool power_of_two = mpz_scan1(n.v, 0) == magnitude_bits - 1;  // -2**(k) in two's complement
    fits = magnitude_bits < bits || (magnitude_bits == bits && power_of_two);
  }
  if (!fits) raise_overflow_error("int too big to convert");
  if (mpz_sgn(n.v) < 0) {
    Mpz modulus;
    mpz_setbit(modulus.v, bits);
    mpz_add(n.v, n.v, modulus.v);
  }
  std::string out(static_cast<size_t>(length), '\0');
  size_t written = 0;
  if (length > 0 && mpz_sgn(n.v) != 0) {
    // Most significant byte first, right-aligned in the buffer.
    size_t needed = (mpz_sizeinbase(n.v, 2) + 7) / 8;
    mpz_export(&out[out.size() - needed], &written, 1, 1, 1, 0, n.v);
  }
  if (little) std::reverse(out.begin(), out.end());
  return new_bytes(std::move(out));
}

// The bytes of from_bytes()'s argument: a bytes object, or an iterable of
// ints in range(256) (CPython accepts any object bytes() would, except str
// and int).
std::string bytes_argument(Value source) {
  std::string copied;
  if (!isinstance(source, types().str) && copy_buffer(source, &copied)) return copied;
  Type* t = type_of(source);
  if (isinstance(source, types().str) || is_int_value(source) ||
      (lookup_in_mro(t, names().__iter__).is_null() && lookup_in_mro(t, names().__getitem__).is_null()))
    raise_type_error("cannot convert '" + t->name + "' object to bytes");
  std::string data;
  for (Value item : collect_iterable(source)) {
    int64_t byte = index_value(item);
    if (byte < 0 || byte > 255) raise_value_error("bytes must be in range(0, 256)");
    data.push_back(static_cast<char>(byte));
  }
  return data;
}

// int.from_bytes(bytes, byteorder='big', *, signed=False), a class method:
// a[0] is the class; a subclass gets cls(result), as in CPython.
Value int_from_bytes(const CallArgs& a) {
  ArgParser p(a, "from_bytes", {"bytes", "byteorder", "signed"}, 1, true, 2);
  std::string data = bytes_argument(p.get(0));
  bool little = p.given(1) && is_little_endian(p.get(1), "from_bytes");
  bool is_signed = p.given(2) && is_truthy(p.get(2));
  if (little) std::reverse(data.begin(), data.end());
  Mpz n;
  if (!data.empty()) mpz_import(n.v, data.size(), 1, 1, 1, 0, data.data());
  if (is_signed && !data.empty() && (static_cast<unsigned char>(data[0]) & 0x80) != 0) {
    Mpz modulus;
    mpz_setbit(modulus.v, data.size() * 8);
    mpz_sub(n.v, n.v, modulus.v);
  }
  Value result = n.value();
  Value cls = a[0];
  if (cls.is(types().int_)) return result;
  return call_object(cls, CallArgs{&result, 1});
}

}  // namespace

void install_int_bytes_methods() {
  add_method(types().int_, "to_bytes", int_to_bytes);
  add_class_method(types().int_, "from_bytes", int_from_bytes);
}

}  // namespace gilvm
