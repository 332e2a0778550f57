// Raising from C++: exception objects carry CPython's messages, str() and
// repr(), and NativeError from pure helpers maps to the right class.
#include "tests/unit/vm_fixture.hpp"
#include "vm/objects/str.hpp"

namespace gilvm::testing {
namespace {

class ExceptionsTest : public VmTest {};

TEST_F(ExceptionsTest, RaiseHelpersSetTheCurrentException) {
  EXPECT_EQ(raised([] { raise_type_error("bad operand"); }), "TypeError: bad operand");
  EXPECT_EQ(raised([] { raise_key_error(new_str("k")); }), "KeyError: 'k'");
  EXPECT_EQ(raised([] { raise_stop_iteration(Value::null()); }), "StopIteration: ");
}

TEST_F(ExceptionsTest, HierarchyMatchesCPython) {
  EXPECT_TRUE(exc().ZeroDivisionError->is_subtype_of(exc().ArithmeticError));
  EXPECT_TRUE(exc().KeyError->is_subtype_of(exc().LookupError));
  EXPECT_TRUE(exc().RecursionError->is_subtype_of(exc().RuntimeError));
  EXPECT_TRUE(exc().FileNotFoundError->is_subtype_of(exc().OSError));
  EXPECT_FALSE(exc().KeyboardInterrupt->is_subtype_of(exc().Exception));
}

TEST_F(ExceptionsTest, ReprShowsClassAndArguments) {
  Value e = new_exception(exc().ValueError, "bad value");
  EXPECT_EQ(repr_string(e), "ValueError('bad value')");
  EXPECT_EQ(repr_string(new_exception(exc().RuntimeError, "")), "RuntimeError()");
}

TEST_F(ExceptionsTest, NativeErrorsMapToTheirClasses) {
  set_exception_from_native(NativeError(ErrorKind::OverflowError, "int too large to convert to float"));
  Value e = take_current_exception();
  EXPECT_EQ(type_of(e), exc().OverflowError);
  EXPECT_EQ(str_string(e), "int too large to convert to float");
}

TEST_F(ExceptionsTest, AttributeErrorsNameTheType) {
  EXPECT_EQ(raised([] { get_attr(Value::small_int(1), intern("nope")); }),
            "AttributeError: 'int' object has no attribute 'nope'");
  EXPECT_EQ(raised([] { set_attr(Value::small_int(1), intern("x"), Value::none()); }),
            "AttributeError: 'int' object has no attribute 'x'");
}

}  // namespace
}  // namespace gilvm::testing
