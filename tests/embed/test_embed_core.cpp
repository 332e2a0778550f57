// The embedding API's core: running code, globals, conversions, errors.
#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "embed_fixture.hpp"

using gilvm_test::interp;
using gilvm_test::take_output;

TEST(EmbedCore, ExecDefinesGlobalsAndEvalReadsThem) {
  interp().exec("core_x = 6 * 7");
  EXPECT_EQ(interp().global<int>("core_x"), 42);
  interp().set_global("core_y", 5);
  EXPECT_EQ(interp().eval("core_y + 1").cast<int>(), 6);
  interp().set_global("core_s", std::string("abc"));
  EXPECT_EQ(interp().eval("core_s.upper()").cast<std::string>(), "ABC");
}

TEST(EmbedCore, PrintGoesToTheConfiguredSink) {
  take_output();
  interp().exec("print('hello', 3)\nprint('x', end='')");
  EXPECT_EQ(take_output(), "hello 3\nx");
  interp().exec("import sys\nsys.stderr.write('oops\\n')");
  EXPECT_EQ(gilvm_test::take_error_output(), "oops\n");
}

TEST(EmbedCore, ArgvAndModulePathComeFromConfig) {
  auto argv = interp().eval("__import__('sys').argv").cast<std::vector<std::string>>();
  EXPECT_EQ(argv, (std::vector<std::string>{"host-program", "--flag"}));
  gilvm::Object module = interp().import_module("embed_helper");
  EXPECT_EQ(module.attr("ANSWER").cast<int>(), 42);
  EXPECT_EQ(module.attr("greet")("host").cast<std::string>(), "hello, host");
}

TEST(EmbedCore, ConfigSetsTheSwitchIntervalAndRecursionLimit) {
  EXPECT_DOUBLE_EQ(interp().eval("__import__('sys').getswitchinterval()").cast<double>(), 0.001);
  EXPECT_EQ(interp().eval("__import__('sys').getrecursionlimit()").cast<int>(), 500);
}

TEST(EmbedCore, SignalHandlersAreLeftAloneByDefault) {
  gilvm_test::SignalDispositions now = gilvm_test::current_dispositions();
  EXPECT_EQ(now.sigint, gilvm_test::dispositions_before_interpreter.sigint);
  EXPECT_EQ(now.sigpipe, gilvm_test::dispositions_before_interpreter.sigpipe);
}

TEST(EmbedCore, ImportModuleReturnsTheSubmoduleOfADottedName) {
  gilvm::Object path = interp().import_module("os.path");
  EXPECT_EQ(path.attr("join")("a", "b").cast<std::string>(), "a/b");
}

TEST(EmbedCore, ExecFileRunsAFile) {
  interp().exec_file(std::string(GILVM_EMBED_TEST_MODULES) + "/run_me.py");
  EXPECT_EQ(interp().global<std::string>("RUN_ME_RESULT"), "ran");
  try {
    interp().exec_file("/nonexistent/file.py");
    FAIL() << "no error";
  } catch (const gilvm::Error& e) {
    EXPECT_EQ(e.type(), "FileNotFoundError");
  }
}

TEST(EmbedCore, ASecondInterpreterIsAClearError) {
  try {
    gilvm::Interpreter second;
    FAIL() << "a second interpreter was created";
  } catch (const gilvm::Error& e) {
    EXPECT_EQ(e.type(), "RuntimeError");
    EXPECT_NE(std::string(e.what()).find("only one interpreter per process"), std::string::npos);
  }
}

TEST(EmbedCore, ScriptExceptionsCarryTypeMessageAndTraceback) {
  try {
    interp().exec("def core_fail():\n    raise ValueError('bad value')\ncore_fail()\n", "script.py");
    FAIL() << "no error";
  } catch (const gilvm::Error& e) {
    EXPECT_EQ(e.type(), "ValueError");
    EXPECT_EQ(e.message(), "bad value");
    EXPECT_NE(e.traceback().find("Traceback (most recent call last):"), std::string::npos);
    EXPECT_NE(e.traceback().find("File \"script.py\", line 2, in core_fail"), std::string::npos);
    EXPECT_NE(e.traceback().find("ValueError: bad value"), std::string::npos);
    EXPECT_TRUE(e.matches("Exception"));
    EXPECT_FALSE(e.matches("KeyError"));
    EXPECT_EQ(e.exception().type_name(), "ValueError");
  }
  try {
    interp().exec("x = (");
    FAIL() << "no error";
  } catch (const gilvm::Error& e) {
    EXPECT_EQ(e.type(), "SyntaxError");
  }
  try {
    interp().global("core_no_such_name");
    FAIL() << "no error";
  } catch (const gilvm::Error& e) {
    EXPECT_EQ(e.type(), "KeyError");
  }
}

TEST(EmbedCore, IntegerConversions) {
  EXPECT_EQ(interp().eval("-5").cast<int>(), -5);
  EXPECT_EQ(interp().eval("2**63 - 1").cast<int64_t>(), std::numeric_limits<int64_t>::max());
  EXPECT_EQ(interp().eval("-2**63").cast<int64_t>(), std::numeric_limits<int64_t>::min());
  EXPECT_EQ(interp().eval("2**64 - 1").cast<uint64_t>(), std::numeric_limits<uint64_t>::max());
  EXPECT_EQ(interp().eval("2**100").cast<std::string>(), "1267650600228229401496703205376");
  EXPECT_EQ(gilvm::cast(std::numeric_limits<uint64_t>::max()).repr(), "18446744073709551615");
  EXPECT_EQ(gilvm::cast(int64_t(-7)).repr(), "-7");
  try {
    interp().eval("300").cast<int8_t>();
    FAIL() << "no error";
  } catch (const gilvm::Error& e) {
    EXPECT_EQ(e.type(), "OverflowError");
  }
  try {
    interp().eval("2**64").cast<int64_t>();
    FAIL() << "no error";
  } catch (const gilvm::Error& e) {
    EXPECT_EQ(e.type(), "OverflowError");
  }
  try {
    interp().eval("'7'").cast<int>();
    FAIL() << "no error";
  } catch (const gilvm::Error& e) {
    EXPECT_EQ(e.type(), "TypeError");
    EXPECT_EQ(e.message(), "'str' object cannot be interpreted as an integer");
  }
}

TEST(EmbedCore, ScalarConversions) {
  EXPECT_DOUBLE_EQ(interp().eval("1.5 * 3").cast<double>(), 4.5);
  EXPECT_DOUBLE_EQ(interp().eval("7").cast<double>(), 7.0);
  EXPECT_EQ(gilvm::cast(0.25).repr(), "0.25");
  EXPECT_EQ(gilvm::cast(1e300 * 10).repr(), "1e+301");
  EXPECT_TRUE(interp().eval("3 > 2").cast<bool>());
  EXPECT_EQ(gilvm::cast(false).repr(), "False");
  EXPECT_EQ(interp().eval("'h\\u00e9llo'").cast<std::string>(), "h\xc3\xa9llo");
  EXPECT_EQ(gilvm::cast("h\xc3\xa9").attr("__len__")().cast<int>(), 2);
  EXPECT_TRUE(interp().eval("None").is_none());
  EXPECT_EQ(gilvm::cast(nullptr).repr(), "None");
}

TEST(EmbedCore, ContainerConversions) {
  EXPECT_EQ(interp().eval("[1, 2, 3]").cast<std::vector<int>>(), (std::vector<int>{1, 2, 3}));
  EXPECT_EQ(interp().eval("(4, 5)").cast<std::vector<long>>(), (std::vector<long>{4, 5}));
  EXPECT_EQ(gilvm::cast(std::vector<int>{1, 2, 3}).repr(), "[1, 2, 3]");
  auto m = interp().eval("{'a': 1, 'b': 2}").cast<std::map<std::string, int>>();
  EXPECT_EQ(m, (std::map<std::string, int>{{"a", 1}, {"b", 2}}));
  auto um = interp().eval("{1: 'x'}").cast<std::unordered_map<int, std::string>>();
  EXPECT_EQ(um.at(1), "x");
  EXPECT_EQ(gilvm::cast(std::map<std::string, int>{{"a", 1}}).repr(), "{'a': 1}");
  EXPECT_EQ(interp().eval("None").cast<std::optional<int>>(), std::nullopt);
  EXPECT_EQ(interp().eval("3").cast<std::optional<int>>(), 3);
  EXPECT_EQ(gilvm::cast(std::optional<int>()).repr(), "None");
  auto t = interp().eval("(1, 'two', 3.0)").cast<std::tuple<int, std::string, double>>();
  EXPECT_EQ(t, std::make_tuple(1, std::string("two"), 3.0));
  EXPECT_EQ(gilvm::cast(std::make_tuple(1, std::string("x"))).repr(), "(1, 'x')");
  EXPECT_EQ(gilvm::cast(std::make_pair(true, 2.5)).repr(), "(True, 2.5)");
  auto nested = interp().eval("[[1], [2, 3]]").cast<std::vector<std::vector<int>>>();
  EXPECT_EQ(nested, (std::vector<std::vector<int>>{{1}, {2, 3}}));
  try {
    interp().eval("(1, 2, 3)").cast<std::tuple<int, int>>();
    FAIL() << "no error";
  } catch (const gilvm::Error& e) {
    EXPECT_EQ(e.type(), "TypeError");
  }
  try {
    interp().eval("'abc'").cast<std::vector<int>>();
    FAIL() << "no error";
  } catch (const gilvm::Error& e) {
    EXPECT_EQ(e.type(), "TypeError");
  }
}

TEST(EmbedCore, ObjectsHaveAttributesItemsAndCalls) {
  gilvm::Object f = interp().eval("lambda a, b=2: a * b");
  EXPECT_EQ(f(3).cast<int>(), 6);
  EXPECT_EQ(f(3, gilvm::arg("b") = 5).cast<int>(), 15);
  gilvm::Object list = interp().eval("[3, 1, 2]");
  list.call_method("sort");
  EXPECT_EQ(list.repr(), "[1, 2, 3]");
  EXPECT_EQ(list.len(), 3);
  EXPECT_EQ(list.item(0).cast<int>(), 1);
  list.set_item(0, "first");
  EXPECT_EQ(list.str(), "['first', 2, 3]");
  gilvm::Object d = interp().eval("{}");
  d.set_item("k", std::vector<int>{1});
  EXPECT_EQ(d.repr(), "{'k': [1]}");
  interp().exec("class CoreBox:\n    pass\ncore_box = CoreBox()");
  gilvm::Object box = interp().global("core_box");
  box.set_attr("value", 9);
  EXPECT_TRUE(box.has_attr("value"));
  EXPECT_FALSE(box.has_attr("other"));
  EXPECT_EQ(interp().eval("core_box.value").cast<int>(), 9);
  EXPECT_EQ(box.type_name(), "CoreBox");
  EXPECT_TRUE(interp().eval("core_box").is(box));
  EXPECT_FALSE(interp().eval("0").truthy());
  gilvm::Object copy = box;
  gilvm::Object moved = std::move(copy);
  EXPECT_FALSE(static_cast<bool>(copy));
  EXPECT_TRUE(moved.is(box));
  try {
    box.attr("missing");
    FAIL() << "no error";
  } catch (const gilvm::Error& e) {
    EXPECT_EQ(e.type(), "AttributeError");
    EXPECT_EQ(e.message(), "'CoreBox' object has no attribute 'missing'");
  }
}

TEST(EmbedCore, StdFunctionBothWays) {
  auto inc = interp().eval("lambda x: x + 1").cast<std::function<int(int)>>();
  EXPECT_EQ(inc(1), 2);
  interp().set_global("core_triple", std::function<int(int)>([](int x) { return x * 3; }));
  EXPECT_EQ(interp().eval("core_triple(4)").cast<int>(), 12);
  auto nothing = interp().eval("None").cast<std::function<void()>>();
  EXPECT_FALSE(static_cast<bool>(nothing));
}
