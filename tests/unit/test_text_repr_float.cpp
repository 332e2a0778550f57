#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <string_view>

#include "vm/native_error.hpp"
#include "vm/text/float_format.hpp"
#include "vm/text/repr.hpp"

namespace gilvm::text {
namespace {

struct FloatReprCase {
  std::uint64_t bits;
  const char* repr;
};
struct StrReprCase {
  std::string_view input;
  const char* repr;
};
struct BytesReprCase {
  std::string_view input;
  const char* repr;
};
struct ParseFloatCase {
  std::string_view input;
  std::uint64_t bits;
};
struct ParseFloatError {
  std::string_view input;
  const char* message;
};

#include "tests/unit/text_float_repr_expected.inc"

double from_bits(std::uint64_t bits) {
  double d;
  std::memcpy(&d, &bits, sizeof d);
  return d;
}

std::uint64_t to_bits(double d) {
  std::uint64_t bits;
  std::memcpy(&bits, &d, sizeof d);
  return bits;
}

TEST(TextFloatRepr, MatchesCPython) {
  for (const FloatReprCase& c : kFloatReprCases) {
    EXPECT_EQ(float_repr(from_bits(c.bits)), c.repr) << std::hex << c.bits;
  }
  EXPECT_GE(std::size(kFloatReprCases), 300u);
}

TEST(TextFloatRepr, NamedValues) {
  EXPECT_EQ(float_repr(0.1 + 0.2), "0.30000000000000004");
  EXPECT_EQ(float_repr(1e22), "1e+22");
  EXPECT_EQ(float_repr(1e-7), "1e-07");
  EXPECT_EQ(float_repr(123456789012345678.0), "1.2345678901234568e+17");
  EXPECT_EQ(float_repr(5e-324), "5e-324");
  EXPECT_EQ(float_repr(1.7976931348623157e308), "1.7976931348623157e+308");
  EXPECT_EQ(float_repr(1e16), "1e+16");
  EXPECT_EQ(float_repr(9999999999999998.0), "9999999999999998.0");
  EXPECT_EQ(float_repr(1e-5), "1e-05");
  EXPECT_EQ(float_repr(0.0001), "0.0001");
  EXPECT_EQ(float_repr(100.0), "100.0");
  EXPECT_EQ(float_repr(-0.0), "-0.0");
  EXPECT_EQ(float_repr(-INFINITY), "-inf");
  EXPECT_EQ(float_repr(-std::nan("")), "nan");
  std::string out = "x=";
  append_float_repr(out, 2.5);
  EXPECT_EQ(out, "x=2.5");
}

TEST(TextFloatParse, MatchesCPython) {
  for (const ParseFloatCase& c : kParseFloatCases) {
    double got = parse_float(c.input);
    EXPECT_EQ(to_bits(got), c.bits) << c.input;
  }
  EXPECT_TRUE(std::isnan(parse_float("nan")));
  EXPECT_TRUE(std::isnan(parse_float(" -NaN ")));
}

TEST(TextFloatParse, ErrorsMatchCPython) {
  for (const ParseFloatError& c : kParseFloatErrors) {
    try {
      parse_float(c.input);
      ADD_FAILURE() << "no error for " << c.input;
    } catch (const NativeError& e) {
      EXPECT_EQ(e.kind, ErrorKind::ValueError);
      EXPECT_STREQ(e.what(), c.message);
    }
  }
}

TEST(TextRepr, StrMatchesCPython) {
  for (const StrReprCase& c : kStrReprCases) EXPECT_EQ(repr_str(c.input), c.repr) << c.input;
}

TEST(TextRepr, BytesMatchesCPython) {
  for (const BytesReprCase& c : kBytesReprCases) EXPECT_EQ(repr_bytes(c.input), c.repr);
}

TEST(TextRepr, AppendsToExistingText) {
  std::string out = "[";
  append_repr_str(out, "a'b");
  out += ", ";
  append_repr_bytes(out, "\x01");
  EXPECT_EQ(out, "[\"a'b\", b'\\x01'");
}

}  // namespace
}  // namespace gilvm::text
