#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <iterator>

#include "vm/text/unicode_props.hpp"

namespace gilvm::text {
namespace {

struct ExpectedRange {
  char32_t first;
  char32_t last;
};

#include "tests/unit/text_unicode_expected.inc"

// Checks `predicate` against CPython's answer for every code point.
template <std::size_t N, typename Predicate>
void expect_matches_python(const ExpectedRange (&expected)[N], Predicate predicate,
                           const char* name) {
  std::size_t next = 0;
  int failures = 0;
  for (char32_t cp = 0; cp <= 0x10FFFF && failures < 10; ++cp) {
    while (next < N && expected[next].last < cp) ++next;
    bool want = next < N && expected[next].first <= cp;
    if (predicate(cp) != want) {
      ADD_FAILURE() << name << "(U+" << std::hex << static_cast<std::uint32_t>(cp)
                    << ") should be " << want;
      ++failures;
    }
  }
}

TEST(TextUnicodeProps, PredicatesMatchPythonForAllCodePoints) {
  expect_matches_python(kPySpace, is_space, "is_space");
  expect_matches_python(kPyAlpha, is_alpha, "is_alpha");
  expect_matches_python(kPyDecimal, is_decimal, "is_decimal");
  expect_matches_python(kPyDigit, is_digit, "is_digit");
  expect_matches_python(kPyNumeric, is_numeric, "is_numeric");
  expect_matches_python(kPyAlnum, is_alnum, "is_alnum");
  expect_matches_python(kPyUpper, is_upper, "is_upper");
  expect_matches_python(kPyLower, is_lower, "is_lower");
  expect_matches_python(kPyTitlecase, is_titlecase, "is_titlecase");
  expect_matches_python(kPyPrintable, is_printable, "is_printable");
  expect_matches_python(kPyIdStart, is_identifier_start, "is_identifier_start");
  expect_matches_python(kPyIdContinue, is_identifier_continue, "is_identifier_continue");
}

// FNV-1a over the full mapping of every code point except surrogates, with
// the same separators as the generator script.
template <typename Mapping>
std::uint64_t hash_all(Mapping mapping) {
  std::uint64_t h = 0xCBF29CE484222325ULL;
  auto mix = [&](std::uint32_t value) {
    h ^= value;
    h *= 0x100000001B3ULL;
  };
  for (char32_t cp = 0; cp <= 0x10FFFF; ++cp) {
    if (cp >= 0xD800 && cp <= 0xDFFF) continue;
    CaseMapping m = mapping(cp);
    for (int i = 0; i < m.size; ++i) mix(m.chars[i]);
    mix(0xFFFFFFFFu);
  }
  return h;
}

TEST(TextUnicodeProps, FullCaseMappingsMatchPythonForAllCodePoints) {
  EXPECT_EQ(hash_all(full_upper), kPyUpperHash);
  EXPECT_EQ(hash_all(full_lower), kPyLowerHash);
  EXPECT_EQ(hash_all(full_title), kPyTitleHash);
  EXPECT_EQ(hash_all(full_casefold), kPyCasefoldHash);
}

std::u32string as_string(CaseMapping m) { return std::u32string(m.chars, m.size); }

TEST(TextUnicodeProps, SpecialCaseMappings) {
  EXPECT_EQ(as_string(full_upper(U'\u00DF')), U"SS");
  EXPECT_EQ(as_string(full_title(U'\u00DF')), U"Ss");
  EXPECT_EQ(as_string(full_casefold(U'\u00DF')), U"ss");
  EXPECT_EQ(as_string(full_lower(U'\u0130')), U"i\u0307");
  EXPECT_EQ(as_string(full_upper(U'\uFB03')), U"FFI");
  EXPECT_EQ(as_string(full_upper(U'\u0390')), U"\u0399\u0308\u0301");
  EXPECT_EQ(as_string(full_title(U'\u01C6')), U"\u01C5");
  EXPECT_EQ(as_string(full_upper(U'\u01C6')), U"\u01C4");
  EXPECT_EQ(as_string(full_casefold(U'\u03C2')), U"\u03C3");
  EXPECT_EQ(as_string(full_casefold(U'\u13F8')), U"\u13F0");  // Cherokee folds to upper
  EXPECT_EQ(as_string(full_upper(U'a')), U"A");
  EXPECT_EQ(as_string(full_lower(U'Z')), U"z");
  EXPECT_EQ(to_upper(U'\u00E9'), U'\u00C9');
  EXPECT_EQ(to_lower(U'\u0391'), U'\u03B1');
  EXPECT_EQ(to_upper(U'\u00DF'), U'\u00DF');  // the simple mapping keeps it
  EXPECT_EQ(to_upper(U'1'), U'1');
}

TEST(TextUnicodeProps, AsciiSpotChecks) {
  EXPECT_TRUE(is_space(U'\x1c'));
  EXPECT_TRUE(is_space(U'\x85'));
  EXPECT_FALSE(is_space(U'\u200b'));
  EXPECT_TRUE(is_identifier_start(U'_'));
  EXPECT_FALSE(is_identifier_start(U'1'));
  EXPECT_TRUE(is_identifier_continue(U'1'));
  EXPECT_FALSE(is_printable(U'\x7f'));
  EXPECT_TRUE(is_printable(U' '));
  EXPECT_EQ(decimal_value(U'7'), 7);
  EXPECT_EQ(decimal_value(U'\u0663'), 3);   // ARABIC-INDIC DIGIT THREE
  EXPECT_EQ(decimal_value(U'\U0001D7D8'), 0);  // MATHEMATICAL DOUBLE-STRUCK DIGIT ZERO
  EXPECT_EQ(decimal_value(U'\u00B2'), -1);  // superscript two: digit, not decimal
  EXPECT_TRUE(is_digit(U'\u00B2'));
  EXPECT_TRUE(is_numeric(U'\u00BD'));
  EXPECT_FALSE(is_digit(U'\u00BD'));
  EXPECT_TRUE(is_cased(U'\u01C5'));
  EXPECT_TRUE(is_case_ignorable(U'\''));
  EXPECT_TRUE(is_case_ignorable(U'\u0301'));
  EXPECT_FALSE(is_case_ignorable(U'a'));
}

}  // namespace
}  // namespace gilvm::text
