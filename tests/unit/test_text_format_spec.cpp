#include <gtest/gtest.h>

#include <cstdint>
#include <cstring>
#include <functional>
#include <string>
#include <string_view>

#include "vm/native_error.hpp"
#include "vm/text/format_spec.hpp"

namespace gilvm::text {
namespace {

template <typename Value>
struct FormatCaseOf {
  Value value;
  std::string_view spec;
  std::string_view expected;  // the result, or the error message
  const char* error;          // nullptr, "ValueError" or "OverflowError"
};

using IntCase = FormatCaseOf<const char*>;
using FloatCase = FormatCaseOf<std::uint64_t>;
using StrCase = FormatCaseOf<std::string_view>;

#include "tests/unit/text_format_spec_expected.inc"

const char* kind_name(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::ValueError: return "ValueError";
    case ErrorKind::OverflowError: return "OverflowError";
    default: return "other";
  }
}

// Runs `format` and compares its result or error with CPython's.
template <typename Case>
void expect_like_python(const Case& c, const std::function<std::string()>& format,
                        const std::string& label) {
  try {
    std::string got = format();
    if (c.error) {
      ADD_FAILURE() << label << ": expected " << c.error << " '" << c.expected << "', got '"
                    << got << "'";
    } else {
      EXPECT_EQ(got, c.expected) << label;
    }
  } catch (const NativeError& e) {
    if (!c.error) {
      ADD_FAILURE() << label << ": unexpected error " << e.what();
    } else {
      EXPECT_STREQ(kind_name(e.kind), c.error) << label;
      EXPECT_EQ(std::string_view(e.what()), c.expected) << label;
    }
  }
}

class Mpz {
 public:
  explicit Mpz(const char* decimal) { mpz_init_set_str(value_, decimal, 10); }
  ~Mpz() { mpz_clear(value_); }
  Mpz(const Mpz&) = delete;
  Mpz& operator=(const Mpz&) = delete;
  const mpz_t& get() const { return value_; }
  bool fits_int64() const { return mpz_fits_slong_p(value_); }
  std::int64_t as_int64() const { return mpz_get_si(value_); }

 private:
  mpz_t value_;
};

double from_bits(std::uint64_t bits) {
  double d;
  std::memcpy(&d, &bits, sizeof d);
  return d;
}

TEST(TextFormatSpec, IntMatchesCPython) {
  for (const IntCase& c : kIntFormatCases) {
    Mpz value(c.value);
    std::string label = std::string("format(") + c.value + ", '" + std::string(c.spec) + "')";
    expect_like_python(c, [&] { return format_int(value.get(), c.spec); }, label + " [mpz]");
    if (value.fits_int64()) {
      expect_like_python(c, [&] { return format_int(value.as_int64(), c.spec); }, label);
    }
  }
  EXPECT_GT(std::size(kIntFormatCases), 900u);
}

TEST(TextFormatSpec, FloatMatchesCPython) {
  for (const FloatCase& c : kFloatFormatCases) {
    double value = from_bits(c.value);
    std::string label = "format(" + std::to_string(value) + ", '" + std::string(c.spec) + "')";
    expect_like_python(c, [&] { return format_float(value, c.spec); }, label);
  }
  EXPECT_GT(std::size(kFloatFormatCases), 1000u);
}

TEST(TextFormatSpec, StrMatchesCPython) {
  for (const StrCase& c : kStrFormatCases) {
    std::string label = "format('" + std::string(c.value) + "', '" + std::string(c.spec) + "')";
    expect_like_python(c, [&] { return format_str(c.value, c.spec); }, label);
  }
  EXPECT_GT(std::size(kStrFormatCases), 300u);
}

TEST(TextFormatSpec, ParsedFields) {
  FormatSpec s = parse_format_spec("*^+z#012_.3f", FormatKind::kFloat, "float");
  EXPECT_EQ(s.fill, U'*');
  EXPECT_EQ(s.align, '^');
  EXPECT_EQ(s.sign, '+');
  EXPECT_TRUE(s.no_neg_zero);
  EXPECT_TRUE(s.alternate);
  EXPECT_EQ(s.width, 12);  // the '0' after an explicit fill is part of the width
  EXPECT_EQ(s.grouping, '_');
  EXPECT_EQ(s.precision, 3);
  EXPECT_EQ(s.type, U'f');

  FormatSpec zero = parse_format_spec("05", FormatKind::kInt, "int");
  EXPECT_EQ(zero.fill, U'0');
  EXPECT_EQ(zero.align, '=');
  EXPECT_EQ(zero.type, U'd');
  FormatSpec str_zero = parse_format_spec("05", FormatKind::kStr, "str");
  EXPECT_EQ(str_zero.align, '<');
  EXPECT_EQ(str_zero.type, U's');
  FormatSpec none = parse_format_spec("", FormatKind::kFloat, "float");
  EXPECT_EQ(none.type, 0u);
  EXPECT_EQ(none.width, -1);
  EXPECT_EQ(none.precision, -1);
  FormatSpec wide_fill = parse_format_spec("\xF0\x9F\x98\x80>3", FormatKind::kStr, "str");
  EXPECT_EQ(wide_fill.fill, char32_t{0x1F600});
}

TEST(TextFormatSpec, ErrorMessagesUseTheTypeName) {
  try {
    format_int(1, "q", "bool");
    ADD_FAILURE();
  } catch (const NativeError& e) {
    EXPECT_STREQ(e.what(), "Unknown format code 'q' for object of type 'bool'");
  }
  try {
    parse_format_spec("xyz", FormatKind::kStr, "MyStr");
    ADD_FAILURE();
  } catch (const NativeError& e) {
    EXPECT_STREQ(e.what(), "Invalid format specifier 'xyz' for object of type 'MyStr'");
  }
}

TEST(TextFormatSpec, ApplyPadding) {
  std::string out;
  apply_padding(out, "ab", 2, U'*', '^', 5);
  EXPECT_EQ(out, "*ab**");
  out.clear();
  apply_padding(out, "ab", 2, U'\u00E9', '>', 4);
  EXPECT_EQ(out, "\xC3\xA9\xC3\xA9" "ab");
  out.clear();
  apply_padding(out, "abc", 3, U' ', '<', 2);
  EXPECT_EQ(out, "abc");
}

TEST(TextFormatSpec, FastPaths) {
  EXPECT_EQ(format_int(INT64_MIN, ""), "-9223372036854775808");
  EXPECT_EQ(format_int(INT64_MIN, "x"), "-8000000000000000");
  EXPECT_EQ(format_int(std::int64_t{0}, "d"), "0");  // a bare 0 would also match mpz_t
  EXPECT_EQ(format_float(0.1, ""), "0.1");
  EXPECT_EQ(format_float(-2.0, ".2f"), "-2.00");
  EXPECT_EQ(format_str("abc", ""), "abc");
}

}  // namespace
}  // namespace gilvm::text
