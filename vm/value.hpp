// A Python value in one 64-bit word.
//
// The low three bits say what the word holds:
//
//   ...xx1  a small int: the upper 63 bits, signed (so -2**62 .. 2**62-1)
//   ...000  a pointer to a heap Object (8-byte aligned), or 0 for "no value"
//   ...010  None, False, True, NotImplemented and Ellipsis-free specials
//   ...100  a float whose exponent lies in a middle range (see below)
//
// Small ints never touch the heap; arithmetic on them checks for overflow
// and promotes the result to a heap big int (see objects/int.hpp). The all-zero
// word is "null": not a Python value, it marks an unbound local, an empty
// dict slot, or a missing optional argument, and it is what the interpreter's
// LOAD_METHOD pushes in place of "self" when there is none.
//
// Inline floats. A float result must not cost a heap allocation, yet the word
// has only 61 bits to spare next to the tag, and a Python float is an exact
// IEEE double. Almost every double a program computes has a modest exponent,
// so the word keeps those exactly: rotated left by one (the sign moves to bit
// 0), the double reads exponent(11) mantissa(52) sign(1); subtracting
// kFloatExponentBias from the exponent field leaves 61 bits whenever the
// biased exponent lies in 896..1150, that is magnitudes from 2**-127 up to
// (not including) 2**128. Both zeros are kept too (payloads 0 and 1, which no
// other double produces). Everything else, subnormals, huge values, inf and
// nan, is a heap Float (objects/number.hpp), as are instances of float
// subclasses; make_float() picks the representation, so a given double of
// type float always has the same one and code that reads floats goes through
// float_value(). The scheme is the one Smalltalk VMs call SmallFloat64; it was
// chosen over NaN-boxing because NaN-boxing would have cut small ints to 48
// bits and moved every pointer, while this adds one tag and leaves the rest
// of the word alone.
#pragma once

#include <bit>
#include <cstdint>

namespace gilvm {

struct Object;

class Value {
 public:
  static constexpr int64_t kSmallIntMax = (int64_t(1) << 62) - 1;
  static constexpr int64_t kSmallIntMin = -(int64_t(1) << 62);

  constexpr Value() : bits_(0) {}
  constexpr explicit Value(uint64_t raw_bits) : bits_(raw_bits) {}
  Value(Object* object) : bits_(reinterpret_cast<uint64_t>(object)) {}  // NOLINT: implicit on purpose

  static constexpr Value null() { return Value(); }
  static constexpr Value none() { return Value(kNoneBits); }
  static constexpr Value boolean(bool b) { return Value(b ? kTrueBits : kFalseBits); }
  static constexpr Value true_value() { return Value(kTrueBits); }
  static constexpr Value false_value() { return Value(kFalseBits); }
  static constexpr bool fits_small_int(int64_t v) { return v >= kSmallIntMin && v <= kSmallIntMax; }
  // Caller guarantees fits_small_int(v); use make_int() (objects/int.hpp) otherwise.
  static constexpr Value small_int(int64_t v) { return Value((uint64_t(v) << 1) | 1); }
  // Stores d inline when its exponent allows (see above); false otherwise.
  static bool try_inline_float(double d, Value* out) {
    uint64_t rotated = std::rotl(std::bit_cast<uint64_t>(d), 1);
    uint64_t exponent = rotated >> 53;
    if (exponent - (kFloatExponentBias + 1) < 255) {
      *out = Value(((rotated - (kFloatExponentBias << 53)) << 3) | kFloatTag);
      return true;
    }
    if (rotated <= 1) {  // +0.0 or -0.0
      *out = Value((rotated << 3) | kFloatTag);
      return true;
    }
    return false;
  }

  constexpr bool is_null() const { return bits_ == 0; }
  constexpr bool is_none() const { return bits_ == kNoneBits; }
  constexpr bool is_bool() const { return bits_ == kTrueBits || bits_ == kFalseBits; }
  constexpr bool is_true() const { return bits_ == kTrueBits; }
  constexpr bool is_false() const { return bits_ == kFalseBits; }
  constexpr bool is_small_int() const { return (bits_ & 1) != 0; }
  constexpr bool is_object() const { return (bits_ & 7) == 0 && bits_ != 0; }
  constexpr bool is_inline_float() const { return (bits_ & 7) == kFloatTag; }

  constexpr int64_t small_int_value() const { return static_cast<int64_t>(bits_) >> 1; }
  double inline_float_value() const {
    uint64_t payload = bits_ >> 3;
    uint64_t rotated = payload > 1 ? payload + (kFloatExponentBias << 53) : payload;
    return std::bit_cast<double>(std::rotr(rotated, 1));
  }
  Object* object() const { return reinterpret_cast<Object*>(bits_); }
  template <class T>
  T* as() const { return static_cast<T*>(object()); }

  constexpr uint64_t raw() const { return bits_; }
  // Identity, as Python's `is`.
  constexpr bool is(Value other) const { return bits_ == other.bits_; }
  constexpr bool operator==(Value other) const { return bits_ == other.bits_; }

 private:
  static constexpr uint64_t kNoneBits = 0x2;
  static constexpr uint64_t kFalseBits = 0xA;
  static constexpr uint64_t kTrueBits = 0x12;
  static constexpr uint64_t kFloatTag = 0x4;
  static constexpr uint64_t kFloatExponentBias = 895;
  uint64_t bits_;
};

static_assert(sizeof(Value) == 8);

}  // namespace gilvm
