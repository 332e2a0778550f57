// The compiler and interpreter together: source in, values and errors out.
// Expected results are what CPython 3.11 gives for the same source.
#include <regex>

#include "tests/unit/vm_fixture.hpp"
#include "stdlib/builtins_module.hpp"
#include "vm/builtins_core.hpp"
#include "vm/compiler/compiler.hpp"
#include "vm/interp.hpp"
#include "vm/objects/dict.hpp"
#include "vm/objects/str.hpp"
#include "vm/opcodes.hpp"

namespace gilvm::testing {
namespace {

class CompilerTest : public VmTest {
 protected:
  void SetUp() override {
    VmTest::SetUp();
    static bool installed = [] {
      install_builtin_functions(install_core_builtins());
      return true;
    }();
    (void)installed;
  }
  // Runs `source` as a module and returns repr(result), where result is the
  // module-level variable `result`.
  std::string run(const std::string& source) {
    Root globals(new_dict());
    Code* code = compile_source(source, "<test>", ParseMode::Exec);
    Root keep(code);
    run_code(code, globals.get().as<Dict>(), nullptr);
    Value result = globals.get().as<Dict>()->table.get_str(intern("result"));
    return result.is_null() ? "<unset>" : repr_string(result);
  }
  std::string syntax_error(const std::string& source) {
    try {
      compile_source(source, "<test>", ParseMode::Exec);
    } catch (PyException&) {
      Value e = take_current_exception();
      return type_name(e) + ": " + str_string(e);
    }
    return "compiled";
  }
  std::string run_error(const std::string& source) {
    return raised([&] { run(source); });
  }
};

TEST_F(CompilerTest, ArithmeticAndNames) {
  EXPECT_EQ(run("a = 6\nb = 7\nresult = a * b - 2 ** 3"), "34");
  EXPECT_EQ(run("result = 2 ** 100 // 3"), "422550200076076467165567735125");
  EXPECT_EQ(run("x = 5\nx += 2\nx *= 3\nresult = x"), "21");
}

TEST_F(CompilerTest, ControlFlowAndLoops) {
  EXPECT_EQ(run("result = 0\nfor i in range(10) if False else [1, 2, 3]:\n  result += i"), "6");
  EXPECT_EQ(run("n = 0\nresult = 0\nwhile n < 100:\n  n += 1\n  if n % 2: continue\n  if n > 10: break\n  result += n"),
            "30");
  EXPECT_EQ(run("result = 'yes' if 1 < 2 < 3 else 'no'"), "'yes'");
}

TEST_F(CompilerTest, FunctionsClosuresAndRecursion) {
  EXPECT_EQ(run("def f(a, b=2, *c, d=4, **e):\n  return (a, b, c, d, len(e))\nresult = f(1, 9, 8, x=1)"),
            "(1, 9, (8,), 4, 1)");
  EXPECT_EQ(run("def mk():\n  n = 0\n  def inc():\n    nonlocal n\n    n += 1\n    return n\n  return inc\n"
                "g = mk()\ng()\nresult = g()"),
            "2");
  EXPECT_EQ(run("def fib(n):\n  return n if n < 2 else fib(n-1) + fib(n-2)\nresult = fib(20)"), "6765");
}

TEST_F(CompilerTest, ExceptionsUnwindToHandlers) {
  EXPECT_EQ(run("try:\n  1/0\nexcept ZeroDivisionError as e:\n  result = str(e)"), "'division by zero'");
  EXPECT_EQ(run("def f():\n  try:\n    return 1\n  finally:\n    global result\n    result = 'finally ran'\nf()"),
            "'finally ran'");
  EXPECT_EQ(run("result = []\nfor i in range(3):\n  try:\n    if i == 1: continue\n    result.append(i)\n"
                "  finally:\n    result.append(-i)"),
            "[0, 0, -1, 2, -2]");
  EXPECT_EQ(run_error("def f():\n  raise ValueError('deep')\ndef g():\n  f()\ng()"), "ValueError: deep");
}

TEST_F(CompilerTest, GeneratorsSuspendAndResume) {
  EXPECT_EQ(run("def g():\n  x = yield 1\n  yield x * 2\nit = g()\nnext(it)\nresult = it.send(21)"), "42");
  EXPECT_EQ(run("def inner():\n  yield 1\n  return 'r'\ndef outer():\n  v = yield from inner()\n  yield v\n"
                "result = list(outer())"),
            "[1, 'r']");
}

TEST_F(CompilerTest, ClassesAndSuper) {
  EXPECT_EQ(run("class A:\n  def f(self): return 'A'\nclass B(A):\n  def f(self): return 'B' + super().f()\n"
                "result = B().f()"),
            "'BA'");
}

TEST_F(CompilerTest, CompileTimeErrors) {
  // str() of a SyntaxError ends with its file and line, as CPython's does.
  EXPECT_EQ(syntax_error("break"), "SyntaxError: 'break' outside loop (<test>, line 1)");
  EXPECT_EQ(syntax_error("continue"), "SyntaxError: 'continue' not properly in loop (<test>, line 1)");
  EXPECT_EQ(syntax_error("return 1"), "SyntaxError: 'return' outside function (<test>, line 1)");
  EXPECT_EQ(syntax_error("def f():\n  x = 1\n  global x"),
            "SyntaxError: name 'x' is assigned to before global declaration (<test>, line 3)");
  EXPECT_EQ(syntax_error("def f():\n  nonlocal y"), "SyntaxError: no binding for nonlocal 'y' found (<test>, line 2)");
  EXPECT_EQ(syntax_error("nonlocal z"), "SyntaxError: nonlocal declaration not allowed at module level (<test>, line 1)");
}

TEST_F(CompilerTest, DeepRecursionRaisesRecursionError) {
  EXPECT_EQ(run_error("def r(n):\n  return r(n + 1)\nr(0)"), "RecursionError: maximum recursion depth exceeded");
}

TEST_F(CompilerTest, OpcodeTableIsComplete) {
  for (int i = 0; i < static_cast<int>(Op::kCount); ++i) {
    EXPECT_NE(kOpInfo[i].name, nullptr);
    EXPECT_GT(std::string(kOpInfo[i].summary).size(), 5u) << kOpInfo[i].name;
  }
}

// The `arg` column of vm/opcodes.def (what dis shows for an argument, and
// which instructions the assembler treats as jumps) agrees with what each
// summary says the instruction does with its argument.
TEST_F(CompilerTest, OpcodeArgumentKindsAgreeWithSummaries) {
  for (int i = 0; i < static_cast<int>(Op::kCount); ++i) {
    std::string summary = kOpInfo[i].summary;
    auto says = [&](const char* text) { return summary.find(text) != std::string::npos; };
    // "arg" as a word ("arguments" does not count).
    bool mentions_arg = std::regex_search(summary, std::regex("\\barg\\b"));
    switch (kOpInfo[i].arg) {
      case OpArg::kUnused: EXPECT_FALSE(mentions_arg) << kOpInfo[i].name; break;
      case OpArg::kConst: EXPECT_TRUE(says("consts[arg]")) << kOpInfo[i].name; break;
      case OpArg::kName: EXPECT_TRUE(says("names[arg]")) << kOpInfo[i].name; break;
      case OpArg::kLocal: EXPECT_TRUE(says("local arg") || says("_FAST arg")) << kOpInfo[i].name; break;
      case OpArg::kFree: EXPECT_TRUE(says("cell arg")) << kOpInfo[i].name; break;
      case OpArg::kJump: EXPECT_TRUE(says("jump")) << kOpInfo[i].name; break;
      case OpArg::kCompare: EXPECT_TRUE(says("CompareOp")) << kOpInfo[i].name; break;
      case OpArg::kBinOp: EXPECT_TRUE(says("BinaryOp")) << kOpInfo[i].name; break;
      case OpArg::kNumber: EXPECT_TRUE(mentions_arg) << kOpInfo[i].name; break;
    }
  }
}

TEST_F(CompilerTest, DisassemblyNamesEveryInstruction) {
  Code* code = compile_source("def f(x):\n  return x + 1\n", "<test>", ParseMode::Exec);
  std::string listing = disassemble(code);
  EXPECT_NE(listing.find("MAKE_FUNCTION"), std::string::npos);
  EXPECT_NE(listing.find("BINARY_OP"), std::string::npos);
  EXPECT_NE(listing.find("RETURN_VALUE"), std::string::npos);
}

TEST_F(CompilerTest, GarbageInALoopIsCollected) {
  heap().collect();
  size_t before = heap().collections();
  heap().set_threshold(1 << 20);
  run("for i in range(200000):\n  x = [i, str(i), (i, i)]\nresult = len(x)");
  EXPECT_GT(heap().collections(), before);
  heap().collect();
  EXPECT_LT(heap().object_count(), 200000u);
}

}  // namespace
}  // namespace gilvm::testing
