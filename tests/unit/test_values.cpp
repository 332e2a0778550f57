// Values and numbers: the immediate encoding, promotion to big ints,
// Python's arithmetic rules, float repr and numeric hashing. Expected
// figures come from CPython 3.11.
#include "tests/unit/vm_fixture.hpp"
#include <cmath>

#include "vm/number_ops.hpp"
#include "vm/objects/number.hpp"
#include "vm/opcodes.hpp"
#include "vm/text/float_format.hpp"

namespace gilvm::testing {
namespace {

class ValuesTest : public VmTest {};

TEST_F(ValuesTest, SmallIntsRoundTripAtTheirBounds) {
  for (int64_t v : {int64_t(0), int64_t(-1), int64_t(42), Value::kSmallIntMax, Value::kSmallIntMin}) {
    Value x = Value::small_int(v);
    EXPECT_TRUE(x.is_small_int());
    EXPECT_FALSE(x.is_object());
    EXPECT_EQ(x.small_int_value(), v);
  }
}

TEST_F(ValuesTest, SpecialsAreDistinctFromIntsAndPointers) {
  Value values[] = {Value::null(), Value::none(), Value::true_value(), Value::false_value(), Value::small_int(0)};
  for (size_t i = 0; i < 5; ++i)
    for (size_t j = 0; j < 5; ++j) EXPECT_EQ(values[i].is(values[j]), i == j);
  EXPECT_FALSE(Value::none().is_small_int());
  EXPECT_FALSE(Value::true_value().is_object());
  EXPECT_EQ(type_of(Value::true_value()), types().bool_);
  EXPECT_EQ(type_of(Value::none()), types().none);
  EXPECT_TRUE(types().bool_->is_subtype_of(types().int_));
}

// Floats in the inline range live in the word; the rest are heap objects.
// Either way float_value() returns the exact double it was made from.
TEST_F(ValuesTest, FloatsInTheMiddleRangeAreInlineAndExact) {
  const double inline_ones[] = {0.0, -0.0, 1.0, -1.5, 0.1, 1.0 / 3.0, 6.02e23, -9.1e-31,
                                std::ldexp(1.0, -127), std::nextafter(std::ldexp(1.0, 128), 0.0)};
  for (double d : inline_ones) {
    Value v = make_float(d);
    EXPECT_TRUE(v.is_inline_float()) << d;
    EXPECT_FALSE(v.is_object()) << d;
    EXPECT_FALSE(v.is_small_int()) << d;
    EXPECT_EQ(type_of(v), types().float_);
    EXPECT_EQ(std::signbit(float_value(v)), std::signbit(d)) << d;
    EXPECT_EQ(float_value(v), d) << d;
  }
  const double boxed_ones[] = {std::ldexp(1.0, 128), std::ldexp(1.0, -128), 5e-324, 1e300, -1e-300,
                               INFINITY, -INFINITY};
  for (double d : boxed_ones) {
    Value v = make_float(d);
    EXPECT_TRUE(v.is_object()) << d;
    EXPECT_EQ(type_of(v), types().float_);
    EXPECT_EQ(float_value(v), d) << d;
  }
  EXPECT_TRUE(std::isnan(float_value(make_float(NAN))));
}

// Every exponent the encoding accepts round-trips, with a full mantissa.
TEST_F(ValuesTest, InlineFloatEncodingRoundTripsEveryExponent) {
  for (int e = -140; e <= 140; ++e) {
    double d = std::ldexp(1.9999999999999998, e);
    Value v;
    bool inline_ok = Value::try_inline_float(d, &v);
    EXPECT_EQ(inline_ok, e >= -127 && e <= 127) << e;
    if (inline_ok) {
      EXPECT_EQ(v.inline_float_value(), d) << e;
      EXPECT_EQ(Value::try_inline_float(-d, &v), true);
      EXPECT_EQ(v.inline_float_value(), -d) << e;
    }
  }
}

TEST_F(ValuesTest, OverflowPromotesAndSmallResultsDemote) {
  Value big = binary_op(Value::small_int(Value::kSmallIntMax), Value::small_int(1), kAdd);
  EXPECT_TRUE(big.is_object());
  EXPECT_EQ(int_repr(big), "4611686018427387904");
  Value back = binary_op(big, Value::small_int(1), kSub);
  EXPECT_TRUE(back.is_small_int());
  EXPECT_EQ(back.small_int_value(), Value::kSmallIntMax);
  EXPECT_EQ(int_repr(binary_op(Value::small_int(Value::kSmallIntMin), Value::small_int(1), kSub)),
            "-4611686018427387905");
  EXPECT_EQ(int_repr(binary_op(make_int(int64_t(1) << 62), Value::small_int(4), kMul)), "18446744073709551616");
}

TEST_F(ValuesTest, BigIntArithmeticIsExact) {
  EXPECT_EQ(int_repr(binary_op(Value::small_int(2), Value::small_int(100), kPow)),
            "1267650600228229401496703205376");
  Value factorial = Value::small_int(1);
  for (int i = 2; i <= 24; ++i) factorial = binary_op(factorial, Value::small_int(i), kMul);
  EXPECT_EQ(int_repr(factorial), "620448401733239439360000");
}

TEST_F(ValuesTest, FloorDivisionAndModuloFollowPython) {
  EXPECT_EQ(binary_op(Value::small_int(7), Value::small_int(-2), kFloorDiv).small_int_value(), -4);
  EXPECT_EQ(binary_op(Value::small_int(-7), Value::small_int(3), kMod).small_int_value(), 2);
  EXPECT_EQ(text::float_repr(float_value(binary_op(make_float(7.5), Value::small_int(-2), kFloorDiv))), "-4.0");
  EXPECT_EQ(text::float_repr(float_value(binary_op(make_float(-7.5), Value::small_int(2), kMod))), "0.5");
  EXPECT_EQ(text::float_repr(float_value(binary_op(Value::small_int(10), Value::small_int(4), kTrueDiv))), "2.5");
  EXPECT_EQ(raised([] { binary_op(Value::small_int(1), Value::small_int(0), kFloorDiv); }),
            "ZeroDivisionError: integer division or modulo by zero");
  EXPECT_EQ(raised([] { binary_op(Value::small_int(1), Value::small_int(0), kTrueDiv); }),
            "ZeroDivisionError: division by zero");
  EXPECT_EQ(raised([] { binary_op(make_float(1.0), Value::small_int(0), kTrueDiv); }),
            "ZeroDivisionError: float division by zero");
}

TEST_F(ValuesTest, FloatReprIsCPythonsShortestForm) {
  struct Case {
    double value;
    const char* repr;
  };
  const Case cases[] = {
      {0.1, "0.1"},         {1e16, "1e+16"},       {1e-05, "1e-05"},
      {123.0, "123.0"},     {0.1 + 0.2, "0.30000000000000004"},
      {-0.0, "-0.0"},       {5e-324, "5e-324"},     {1.7976931348623157e308, "1.7976931348623157e+308"},
      {1e22, "1e+22"},      {123456789012345678.0, "1.2345678901234568e+17"},
      {1e-7, "1e-07"},      {0.0001, "0.0001"},     {2.5e-5, "2.5e-05"},
      {1234567.125, "1234567.125"},
  };
  for (const Case& c : cases) EXPECT_EQ(text::float_repr(c.value), c.repr);
}

TEST_F(ValuesTest, NumericHashesMatchCPython) {
  EXPECT_EQ(hash_value(binary_op(Value::small_int(2), Value::small_int(100), kPow)), 549755813888);
  EXPECT_EQ(hash_value(negate(binary_op(Value::small_int(2), Value::small_int(70), kPow))), -512);
  EXPECT_EQ(hash_value(make_float(1.5)), 1152921504606846977);
  EXPECT_EQ(hash_value(make_float(-2.5)), -1152921504606846978);
  EXPECT_EQ(hash_value(make_float(0.1)), 230584300921369408);
  EXPECT_EQ(hash_value(make_float(1e20)), 848750603811160107);
  EXPECT_EQ(hash_value(Value::small_int(-1)), -2);
  EXPECT_EQ(hash_value(make_float(2.0)), hash_value(Value::small_int(2)));
}

TEST_F(ValuesTest, IntFloatComparisonIsExact) {
  Value two53 = binary_op(Value::small_int(2), Value::small_int(53), kPow);
  Value two53_plus_1 = binary_op(two53, Value::small_int(1), kAdd);
  EXPECT_FALSE(values_equal(two53_plus_1, make_float(9007199254740992.0)));
  EXPECT_TRUE(values_equal(two53, make_float(9007199254740992.0)));
  EXPECT_TRUE(compare_bool(Value::small_int(1), make_float(1.5), kLt));
  EXPECT_FALSE(compare_bool(make_float(std::nan("")), make_float(std::nan("")), kEq));
}

}  // namespace
}  // namespace gilvm::testing
