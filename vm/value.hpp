// A Python value in one 64-bit word.
//
// The low three bits say what the word holds:
//
//   ...xx1  a small int: the upper 63 bits, signed (so -2**62 .. 2**62-1)
//   ...000  a pointer to a heap Object (8-byte aligned), or 0 for "no value"
//   ...010  None, False, True, NotImplemented and Ellipsis-free specials
//
// Small ints never touch the heap; arithmetic on them checks for overflow
// and promotes the result to a heap big int (see objects/int.hpp). The all-zero
// word is "null": not a Python value, it marks an unbound local, an empty
// dict slot, or a missing optional argument, and it is what the interpreter's
// LOAD_METHOD pushes in place of "self" when there is none.
#pragma once

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

  constexpr bool is_null() const { return bits_ == 0; }
  constexpr bool is_none() const { return bits_ == kNoneBits; }
  constexpr bool is_bool() const { return bits_ == kTrueBits || bits_ == kFalseBits; }
  constexpr bool is_true() const { return bits_ == kTrueBits; }
  constexpr bool is_false() const { return bits_ == kFalseBits; }
  constexpr bool is_small_int() const { return (bits_ & 1) != 0; }
  constexpr bool is_object() const { return (bits_ & 7) == 0 && bits_ != 0; }

  constexpr int64_t small_int_value() const { return static_cast<int64_t>(bits_) >> 1; }
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
  uint64_t bits_;
};

static_assert(sizeof(Value) == 8);

}  // namespace gilvm
