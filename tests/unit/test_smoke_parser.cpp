#include <gtest/gtest.h>
#include "vm/parser.hpp"
TEST(Smoke, Parses) {
  auto r = gilvm::parse("x = 1\n", "x.py", gilvm::ParseMode::Exec);
  EXPECT_EQ(gilvm::ast_dump(r.mod), "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value=1))], type_ignores=[])");
}
