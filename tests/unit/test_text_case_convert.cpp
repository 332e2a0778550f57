#include <gtest/gtest.h>

#include <string_view>

#include "vm/text/case_convert.hpp"

namespace gilvm::text {
namespace {

struct CaseCase {
  std::string_view input, upper, lower, casefold, title, capitalize, swapcase;
  bool isupper, islower, istitle;
};

#include "tests/unit/text_case_expected.inc"

TEST(TextCaseConvert, MatchesCPython) {
  for (const CaseCase& c : kCaseCases) {
    EXPECT_EQ(str_upper(c.input), c.upper) << c.input;
    EXPECT_EQ(str_lower(c.input), c.lower) << c.input;
    EXPECT_EQ(str_casefold(c.input), c.casefold) << c.input;
    EXPECT_EQ(str_title(c.input), c.title) << c.input;
    EXPECT_EQ(str_capitalize(c.input), c.capitalize) << c.input;
    EXPECT_EQ(str_swapcase(c.input), c.swapcase) << c.input;
    EXPECT_EQ(str_isupper(c.input), c.isupper) << c.input;
    EXPECT_EQ(str_islower(c.input), c.islower) << c.input;
    EXPECT_EQ(str_istitle(c.input), c.istitle) << c.input;
  }
}

}  // namespace
}  // namespace gilvm::text
