// Parser tests. Most compare with CPython 3.11: parser_cases.inc holds
// sources with the exact ast.dump() text or SyntaxError fields that CPython
// 3.11.7 produced for them.
#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "vm/ast.hpp"
#include "vm/ast_walk.hpp"
#include "vm/parser.hpp"

namespace gilvm {
namespace {

struct DumpCase {
  const char* source;
  ParseMode mode;
  const char* expected;
};

struct ErrorCase {
  const char* source;
  ParseMode mode;
  const char* kind;
  const char* msg;
  int lineno;
  int offset;
};

#include "parser_cases.inc"

std::string dump(std::string_view src, ParseMode mode = ParseMode::Exec) {
  return ast_dump(parse(src, "x.py", mode).mod);
}

SyntaxErrorInfo error_of(std::string_view src,
                         ParseMode mode = ParseMode::Exec) {
  try {
    parse(src, "x.py", mode);
  } catch (const SyntaxErrorInfo& e) {
    return e;
  }
  ADD_FAILURE() << "no SyntaxError for: " << src;
  return SyntaxErrorInfo("", "");
}

// --- Table-driven comparisons with CPython ---------------------------------

class ParserDump : public testing::TestWithParam<DumpCase> {};

TEST_P(ParserDump, MatchesCPythonAstDump) {
  const DumpCase& c = GetParam();
  try {
    EXPECT_EQ(dump(c.source, c.mode), c.expected) << "source: " << c.source;
  } catch (const SyntaxErrorInfo& e) {
    ADD_FAILURE() << "unexpected " << e.kind << ": " << e.msg << " at "
                  << e.lineno << ":" << e.offset << "\nsource: " << c.source;
  }
}

INSTANTIATE_TEST_SUITE_P(CPython, ParserDump, testing::ValuesIn(kDumpCases));

class ParserError : public testing::TestWithParam<ErrorCase> {};

TEST_P(ParserError, MatchesCPythonSyntaxError) {
  const ErrorCase& c = GetParam();
  SyntaxErrorInfo e = error_of(c.source, c.mode);
  EXPECT_EQ(e.kind, c.kind) << "source: " << c.source;
  EXPECT_EQ(e.msg, c.msg) << "source: " << c.source;
  EXPECT_EQ(e.lineno, c.lineno) << "source: " << c.source;
  EXPECT_EQ(e.offset, c.offset) << "source: " << c.source;
}

INSTANTIATE_TEST_SUITE_P(CPython, ParserError, testing::ValuesIn(kErrorCases));

// Node positions: ast.dump(tree, include_attributes=True).
class ParserPositionDump : public testing::TestWithParam<DumpCase> {};

TEST_P(ParserPositionDump, MatchesCPythonAttributes) {
  const DumpCase& c = GetParam();
  ParseResult r = parse(c.source, "x.py", c.mode);
  EXPECT_EQ(ast_dump(r.mod, /*include_attributes=*/true), c.expected)
      << "source: " << c.source;
}

INSTANTIATE_TEST_SUITE_P(CPython, ParserPositionDump,
                         testing::ValuesIn(kPositionCases));

// --- Positions --------------------------------------------------------------

TEST(ParserPositions, StatementAndExpressionSpans) {
  auto r = parse("x = 1\nif a:\n    y = f(b, c)\n", "x.py", ParseMode::Exec);
  auto* m = ast::cast<ast::Module>(r.mod);
  ASSERT_EQ(m->body.size(), 2u);
  const ast::Stmt* assign = m->body[0];
  EXPECT_EQ(assign->lineno, 1);
  EXPECT_EQ(assign->col_offset, 0);
  EXPECT_EQ(assign->end_lineno, 1);
  EXPECT_EQ(assign->end_col_offset, 5);
  auto* if_stmt = ast::cast<ast::If>(m->body[1]);
  EXPECT_EQ(if_stmt->lineno, 2);
  EXPECT_EQ(if_stmt->end_lineno, 3);
  EXPECT_EQ(if_stmt->end_col_offset, 15);
  auto* inner = ast::cast<ast::Assign>(if_stmt->body[0]);
  auto* call = ast::cast<ast::Call>(inner->value);
  EXPECT_EQ(call->col_offset, 8);
  EXPECT_EQ(call->end_col_offset, 15);
  EXPECT_EQ(call->args[1]->col_offset, 13);
}

TEST(ParserPositions, ColumnsAreUtf8ByteOffsets) {
  auto r = parse("é = 'ü' + x\n", "x.py", ParseMode::Exec);
  auto* assign = ast::cast<ast::Assign>(ast::cast<ast::Module>(r.mod)->body[0]);
  auto* binop = ast::cast<ast::BinOp>(assign->value);
  EXPECT_EQ(assign->targets[0]->end_col_offset, 2);  // 'é' is 2 bytes
  EXPECT_EQ(binop->col_offset, 5);
  EXPECT_EQ(binop->right->col_offset, 12);
}

TEST(ParserPositions, ParenthesizedExpressionKeepsInnerSpan) {
  auto r = parse("(a + b)\n", "x.py", ParseMode::Exec);
  auto* stmt = ast::cast<ast::ExprStmt>(ast::cast<ast::Module>(r.mod)->body[0]);
  EXPECT_EQ(stmt->value->col_offset, 1);
  EXPECT_EQ(stmt->value->end_col_offset, 6);
  EXPECT_EQ(stmt->col_offset, 0);
}

TEST(ParserPositions, DecoratedFunctionStartsAtDef) {
  auto r = parse("@d\ndef f():\n    pass\n", "x.py", ParseMode::Exec);
  const ast::Stmt* def = ast::cast<ast::Module>(r.mod)->body[0];
  EXPECT_EQ(def->lineno, 2);
  EXPECT_EQ(def->end_lineno, 3);
}

TEST(ParserPositions, FStringFieldHasRealPosition) {
  auto r = parse("x = f'ab{yy}'\n", "x.py", ParseMode::Exec);
  auto* assign = ast::cast<ast::Assign>(ast::cast<ast::Module>(r.mod)->body[0]);
  auto* joined = ast::cast<ast::JoinedStr>(assign->value);
  auto* field = ast::cast<ast::FormattedValue>(joined->values[1]);
  EXPECT_EQ(field->value->lineno, 1);
  EXPECT_EQ(field->value->col_offset, 9);
  EXPECT_EQ(field->value->end_col_offset, 11);
}

TEST(ParserPositions, MultiLineStatement) {
  auto r = parse("x = [\n  1,\n  2]\ny = 3\n", "x.py", ParseMode::Exec);
  auto* m = ast::cast<ast::Module>(r.mod);
  EXPECT_EQ(m->body[0]->end_lineno, 3);
  EXPECT_EQ(m->body[0]->end_col_offset, 4);
  EXPECT_EQ(m->body[1]->lineno, 4);
}

// --- Error details beyond kind/msg/line/offset -------------------------------

TEST(ParserErrors, CarriesFilenameTextAndEnd) {
  try {
    parse("x = 1\nf() = 2\n", "prog.py", ParseMode::Exec);
    FAIL();
  } catch (const SyntaxErrorInfo& e) {
    EXPECT_EQ(e.filename, "prog.py");
    EXPECT_EQ(e.text, "f() = 2\n");
    EXPECT_EQ(e.lineno, 2);
    EXPECT_EQ(e.end_lineno, 2);
    EXPECT_EQ(e.offset, 1);
    EXPECT_EQ(e.end_offset, 4);
    EXPECT_FALSE(e.incomplete_input);
  }
}

TEST(ParserErrors, OffsetsCountCharactersNotBytes) {
  SyntaxErrorInfo e = error_of("s = 'é€' + )\n");
  EXPECT_EQ(e.msg, "unmatched ')'");
  EXPECT_EQ(e.offset, 12);
}

TEST(ParserErrors, IncompleteInputForOpenBracket) {
  EXPECT_TRUE(error_of("f(1,\n", ParseMode::Single).incomplete_input);
  EXPECT_TRUE(error_of("x = [\n", ParseMode::Single).incomplete_input);
}

TEST(ParserErrors, IncompleteInputForOpenBlock) {
  SyntaxErrorInfo e = error_of("if x:\n", ParseMode::Single);
  EXPECT_EQ(e.kind, "IndentationError");
  EXPECT_TRUE(e.incomplete_input);
  EXPECT_TRUE(error_of("def f():\n", ParseMode::Single).incomplete_input);
  EXPECT_TRUE(error_of("try:\n  pass\n", ParseMode::Single).incomplete_input);
}

TEST(ParserErrors, IncompleteInputForOpenString) {
  EXPECT_TRUE(error_of("x = '''abc\n", ParseMode::Single).incomplete_input);
  EXPECT_TRUE(error_of("x = 1 + \\\n", ParseMode::Single).incomplete_input);
}

TEST(ParserErrors, CompleteButWrongInputIsNotIncomplete) {
  EXPECT_FALSE(error_of("x = )\n", ParseMode::Single).incomplete_input);
  EXPECT_FALSE(error_of("x = 'abc\n", ParseMode::Single).incomplete_input);
  EXPECT_FALSE(error_of("a b\n", ParseMode::Single).incomplete_input);
  EXPECT_FALSE(error_of("if x:\npass\n", ParseMode::Single).incomplete_input);
}

// CPython 3.11's messages for malformed patterns.
TEST(ParserErrors, MatchPatternMistakes) {
  EXPECT_EQ(error_of("match x:\n case C(a=1, 2): pass\n").msg, "positional patterns follow keyword patterns");
  EXPECT_EQ(error_of("match x:\n case (a as _): pass\n").msg, "cannot use '_' as a target");
  EXPECT_EQ(error_of("match x:\n case 1 + 1: pass\n").msg, "imaginary number required in complex literal");
  EXPECT_EQ(error_of("match x:\n case f'{a}': pass\n").msg, "patterns may only match literals and attribute lookups");
  EXPECT_EQ(error_of("match x:\n case {**_}: pass\n").msg, "invalid syntax");
  EXPECT_EQ(error_of("match x:\n case *a: pass\n").msg, "invalid syntax");
}

// CPython 3.11's messages for misused except*.
TEST(ParserErrors, ExceptStarMisuse) {
  EXPECT_EQ(error_of("try:\n  pass\nexcept*:\n  pass\n").msg,
            "expected one or more exception types");
  EXPECT_EQ(error_of("try:\n  pass\nexcept E:\n  pass\nexcept* F:\n  pass\n").msg,
            "cannot have both 'except' and 'except*' on the same 'try'");
}

// Deviations from CPython that are deliberate: CPython 3.11 reports errors
// inside f-string fields at columns of a synthetic "(expr)" string; we
// report the real column.
TEST(ParserErrors, FStringFieldErrorsUseRealColumns) {
  SyntaxErrorInfo e = error_of("x = f'{a b}'\n");
  EXPECT_EQ(e.msg, "f-string: invalid syntax. Perhaps you forgot a comma?");
  EXPECT_EQ(e.lineno, 1);
  EXPECT_EQ(e.offset, 8);
  e = error_of("f'{*a}'\n");
  EXPECT_EQ(e.msg, "f-string: cannot use starred expression here");
}

TEST(ParserErrors, UnknownUnicodeNameIsAnError) {
  SyntaxErrorInfo e = error_of("x = '\\N{NO SUCH NAME AT ALL}'\n");
  EXPECT_NE(e.msg.find("unknown Unicode character name"), std::string::npos);
}

// --- Robustness ---------------------------------------------------------------

TEST(ParserRobustness, DeepNestingIsAnErrorNotACrash) {
  const std::string inputs[] = {
      std::string(100000, '('),
      std::string(100000, '-') + "1",
      [] {
        std::string s;
        for (int i = 0; i < 50000; ++i) s += "not ";
        return s + "x";
      }(),
      [] {
        std::string s;
        for (int i = 0; i < 20000; ++i) s += "lambda:";
        return s + "1";
      }(),
      [] {
        std::string s = "2";
        for (int i = 0; i < 50000; ++i) s += "**2";
        return s;
      }(),
      [] {
        std::string s = "a";
        for (int i = 0; i < 50000; ++i) s += ".b";
        return s;
      }(),
      [] {
        std::string s = "1";
        for (int i = 0; i < 50000; ++i) s += "+1";
        return s;
      }(),
      [] {
        std::string s = "f";
        for (int i = 0; i < 50000; ++i) s += "()";
        return s;
      }(),
      std::string(100000, '[') + std::string(100000, ']'),
      std::string(100000, '*') + "a = 1",
  };
  for (const std::string& src : inputs) {
    for (ParseMode mode : {ParseMode::Exec, ParseMode::Eval, ParseMode::Single}) {
      SyntaxErrorInfo e = error_of(src, mode);
      EXPECT_EQ(e.kind, "SyntaxError") << src.substr(0, 20);
    }
  }
}

TEST(ParserRobustness, ModeratelyDeepNestingIsAccepted) {
  // CPython accepts these; so must we.
  EXPECT_NO_THROW(parse(std::string(199, '(') + "1" + std::string(199, ')'),
                        "x.py", ParseMode::Exec));
  EXPECT_NO_THROW(parse(std::string(900, '-') + "1", "x.py", ParseMode::Exec));
  std::string chain = "a";
  for (int i = 0; i < 2000; ++i) chain += ".b";
  EXPECT_NO_THROW(parse(chain, "x.py", ParseMode::Exec));
}

TEST(ParserRobustness, TooManyIndentationLevels) {
  std::string src;
  for (int i = 0; i < 120; ++i) src += std::string(i, ' ') + "if 1:\n";
  src += std::string(120, ' ') + "pass\n";
  SyntaxErrorInfo e = error_of(src);
  EXPECT_EQ(e.kind, "IndentationError");
  EXPECT_EQ(e.msg, "too many levels of indentation");
  EXPECT_EQ(e.lineno, 101);
}

TEST(ParserRobustness, InvalidUtf8AndNullBytes) {
  SyntaxErrorInfo e = error_of("x = '\xff'\n");
  EXPECT_NE(e.msg.find("invalid start byte"), std::string::npos);
  EXPECT_EQ(e.lineno, 1);
  e = error_of(std::string("x = 1\0", 6));
  EXPECT_EQ(e.msg, "source code string cannot contain null bytes");
}

TEST(ParserRobustness, EmptyAndBlankSources) {
  EXPECT_EQ(dump(""), "Module(body=[], type_ignores=[])");
  EXPECT_EQ(dump("\n\n  \n# only a comment\n"), "Module(body=[], type_ignores=[])");
  EXPECT_EQ(dump("\xEF\xBB\xBFx\n"),
            "Module(body=[Expr(value=Name(id='x', ctx=Load()))], type_ignores=[])");
}

TEST(ParserRobustness, LineEndingsAreEquivalent) {
  std::string expected = dump("if a:\n    b = 1\nc\n");
  EXPECT_EQ(dump("if a:\r\n    b = 1\r\nc\r\n"), expected);
  EXPECT_EQ(dump("if a:\r    b = 1\rc\r"), expected);
  EXPECT_EQ(dump("if a:\n    b = 1\nc"), expected);
}

TEST(ParserPerformance, TenThousandLinesInMilliseconds) {
  std::string src;
  for (int i = 0; i < 1000; ++i) {
    src +=
        "def f(a, b=2, *c, **d):\n"
        "    x = [i * 2 for i in a if i] + list(c)\n"
        "    if x and not b:\n"
        "        return {'k': f'{b!r:>10}', **d}\n"
        "    for i, j in zip(a, c):\n"
        "        x.append(i ** j - (i // 3))\n"
        "    while x:\n"
        "        x.pop()\n"
        "    return x\n"
        "\n";
  }
  auto start = std::chrono::steady_clock::now();
  ParseResult r = parse(src, "big.py", ParseMode::Exec);
  auto elapsed = std::chrono::steady_clock::now() - start;
  EXPECT_EQ(ast::cast<ast::Module>(r.mod)->body.size(), 1000u);
  // Generous bound (debug and sanitizer builds); release takes a few ms.
  EXPECT_LT(std::chrono::duration_cast<std::chrono::milliseconds>(elapsed).count(),
            3000);
}

// --- API ----------------------------------------------------------------------

TEST(ParserApi, ModesProduceTheirModuleKinds) {
  EXPECT_EQ(parse("x", "x.py", ParseMode::Exec).mod->kind, ast::ModKind::Module);
  EXPECT_EQ(parse("x", "x.py", ParseMode::Eval).mod->kind,
            ast::ModKind::Expression);
  EXPECT_EQ(parse("x", "x.py", ParseMode::Single).mod->kind,
            ast::ModKind::Interactive);
}

TEST(ParserApi, ResultOwnsTheTreeAfterMove) {
  ParseResult outer;
  {
    ParseResult inner = parse("a = [1, 2]\n", "x.py", ParseMode::Exec);
    outer = std::move(inner);
  }
  EXPECT_EQ(ast_dump(outer.mod),
            "Module(body=[Assign(targets=[Name(id='a', ctx=Store())], "
            "value=List(elts=[Constant(value=1), Constant(value=2)], "
            "ctx=Load()))], type_ignores=[])");
  EXPECT_GT(outer.arena->size(), 4u);
}

TEST(ParserApi, CastsAndKinds) {
  auto r = parse("async def f():\n    async for x in y:\n        pass\n", "x.py",
                 ParseMode::Exec);
  ast::Stmt* s = ast::cast<ast::Module>(r.mod)->body[0];
  EXPECT_EQ(s->kind, ast::StmtKind::AsyncFunctionDef);
  auto* def = ast::cast<ast::FunctionDef>(s);
  EXPECT_TRUE(def->is_async());
  EXPECT_EQ(ast::dyn_cast<ast::ClassDef>(s), nullptr);
  auto* loop = ast::cast<ast::For>(def->body[0]);
  EXPECT_TRUE(loop->is_async());
}

TEST(ParserApi, ConstantValues) {
  auto r = parse("0x10, 1.5, 2j, 'é', b'\\x00', None, ...", "x.py", ParseMode::Eval);
  auto* t = ast::cast<ast::Tuple>(ast::cast<ast::Expression>(r.mod)->body);
  using K = ast::ConstantValue::Kind;
  auto value = [&](int i) { return ast::cast<ast::Constant>(t->elts[i])->value; };
  EXPECT_EQ(value(0).kind, K::Int);
  EXPECT_EQ(value(0).text, "16");
  EXPECT_EQ(value(1).kind, K::Float);
  EXPECT_DOUBLE_EQ(value(1).number, 1.5);
  EXPECT_EQ(value(2).kind, K::Complex);
  EXPECT_DOUBLE_EQ(value(2).number, 2.0);
  EXPECT_EQ(value(3).kind, K::Str);
  EXPECT_EQ(value(3).text, "\xC3\xA9");
  EXPECT_EQ(value(4).kind, K::Bytes);
  EXPECT_EQ(value(4).text, std::string(1, '\0'));
  EXPECT_EQ(value(5).kind, K::None);
  EXPECT_EQ(value(6).kind, K::Ellipsis);
}

TEST(ParserApi, WalkVisitsEveryExpression) {
  auto r = parse("def f(a=1):\n    return g(a, *b, k=c)[d]\n", "x.py",
                 ParseMode::Exec);
  int count = 0;
  std::vector<const ast::Expr*> pending;
  ast::ExprCallback push = [&](const ast::Expr* e) { pending.push_back(e); };
  ast::StmtCallback on_stmt = [&](const ast::Stmt* s) {
    ast::for_each_child(s, push, nullptr);
  };
  ast::for_each_child(ast::cast<ast::Module>(r.mod)->body[0], push, on_stmt);
  while (!pending.empty()) {
    const ast::Expr* e = pending.back();
    pending.pop_back();
    ++count;
    ast::for_each_child(e, push);
  }
  // 1 (default), Subscript, Call, g, a, Starred, b, c, d
  EXPECT_EQ(count, 9);
}

}  // namespace
}  // namespace gilvm
