// Tokenizer, literal decoding and ast_dump's repr() tests. Expected values
// come from CPython 3.11 (tokenize module, ast.literal_eval, repr()).
#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "vm/ast.hpp"
#include "vm/lexer.hpp"
#include "vm/literals.hpp"
#include "vm/unicode_names.hpp"
#include "vm/utf8.hpp"

namespace gilvm {
namespace {

const char* kind_name(TokenKind k) {
  switch (k) {
    case TokenKind::Name: return "NAME";
    case TokenKind::Number: return "NUMBER";
    case TokenKind::String: return "STRING";
    case TokenKind::Op: return "OP";
    case TokenKind::Newline: return "NEWLINE";
    case TokenKind::Indent: return "INDENT";
    case TokenKind::Dedent: return "DEDENT";
    case TokenKind::EndMarker: return "ENDMARKER";
    case TokenKind::Error: return "ERROR";
  }
  return "?";
}

// "KIND text" for every token, e.g. {"NAME x", "OP =", "NUMBER 1", ...}.
std::vector<std::string> lex(const std::string& src) {
  SourceText text(src, "x.py");
  TokenStream stream = tokenize(text);
  std::vector<std::string> out;
  for (const Token& t : stream.tokens) {
    std::string s = kind_name(t.kind);
    if (t.kind == TokenKind::Name || t.kind == TokenKind::Number ||
        t.kind == TokenKind::String || t.kind == TokenKind::Op) {
      s += " " + std::string(t.text);
    }
    out.push_back(s);
  }
  return out;
}

using Tokens = std::vector<std::string>;

SyntaxErrorInfo lex_error(const std::string& src) {
  try {
    SourceText text(src, "x.py");
    TokenStream stream = tokenize(text);
    if (stream.soft_error) return *stream.soft_error;
  } catch (const SyntaxErrorInfo& e) {
    return e;
  }
  ADD_FAILURE() << "no tokenizer error for: " << src;
  return SyntaxErrorInfo("", "");
}

// --- Tokens -------------------------------------------------------------------

TEST(Lexer, SimpleStatement) {
  EXPECT_EQ(lex("x = 1\n"), (Tokens{"NAME x", "OP =", "NUMBER 1", "NEWLINE",
                                    "ENDMARKER"}));
}

TEST(Lexer, MissingFinalNewlineIsAdded) {
  EXPECT_EQ(lex("x"), (Tokens{"NAME x", "NEWLINE", "ENDMARKER"}));
}

TEST(Lexer, IndentAndDedent) {
  EXPECT_EQ(lex("if a:\n    b\n    c\nd\n"),
            (Tokens{"NAME if", "NAME a", "OP :", "NEWLINE", "INDENT", "NAME b",
                    "NEWLINE", "NAME c", "NEWLINE", "DEDENT", "NAME d",
                    "NEWLINE", "ENDMARKER"}));
}

TEST(Lexer, DedentsAtEndOfInput) {
  EXPECT_EQ(lex("if a:\n  if b:\n    c"),
            (Tokens{"NAME if", "NAME a", "OP :", "NEWLINE", "INDENT", "NAME if",
                    "NAME b", "OP :", "NEWLINE", "INDENT", "NAME c", "NEWLINE",
                    "DEDENT", "DEDENT", "ENDMARKER"}));
}

TEST(Lexer, BlankAndCommentLinesDoNotAffectIndentation) {
  EXPECT_EQ(lex("if a:\n    b\n\n  # c\n    d\n"),
            (Tokens{"NAME if", "NAME a", "OP :", "NEWLINE", "INDENT", "NAME b",
                    "NEWLINE", "NAME d", "NEWLINE", "DEDENT", "ENDMARKER"}));
}

TEST(Lexer, TabsAdvanceToMultiplesOfEight) {
  // A tab and eight spaces are the same column when used consistently.
  EXPECT_EQ(lex("if a:\n\tb\n\tc\n"),
            (Tokens{"NAME if", "NAME a", "OP :", "NEWLINE", "INDENT", "NAME b",
                    "NEWLINE", "NAME c", "NEWLINE", "DEDENT", "ENDMARKER"}));
  // " \t" and "\t" both reach column 8, but not with a tab size of 1.
  EXPECT_EQ(lex_error("if a:\n \tb\n\tc\n").kind, "TabError");
}

TEST(Lexer, ImplicitLineJoiningInsideBrackets) {
  EXPECT_EQ(lex("x = (1,\n  2)\n"),
            (Tokens{"NAME x", "OP =", "OP (", "NUMBER 1", "OP ,", "NUMBER 2",
                    "OP )", "NEWLINE", "ENDMARKER"}));
}

TEST(Lexer, BackslashContinuation) {
  EXPECT_EQ(lex("x = 1 + \\\n    2\n"),
            (Tokens{"NAME x", "OP =", "NUMBER 1", "OP +", "NUMBER 2", "NEWLINE",
                    "ENDMARKER"}));
}

TEST(Lexer, Operators) {
  EXPECT_EQ(lex("a **= b //= c >>= d <<= e ... -> := != == <= >= @= ~\n"),
            (Tokens{"NAME a", "OP **=", "NAME b", "OP //=", "NAME c", "OP >>=",
                    "NAME d", "OP <<=", "NAME e", "OP ...", "OP ->", "OP :=",
                    "OP !=", "OP ==", "OP <=", "OP >=", "OP @=", "OP ~",
                    "NEWLINE", "ENDMARKER"}));
}

TEST(Lexer, Numbers) {
  EXPECT_EQ(lex("0 00 0x_1F 0o17 0b1 1_000 1.5 1. .5 1e5 1E-5 3j 1.5J 012.5 09j\n"),
            (Tokens{"NUMBER 0", "NUMBER 00", "NUMBER 0x_1F", "NUMBER 0o17",
                    "NUMBER 0b1", "NUMBER 1_000", "NUMBER 1.5", "NUMBER 1.",
                    "NUMBER .5", "NUMBER 1e5", "NUMBER 1E-5", "NUMBER 3j",
                    "NUMBER 1.5J", "NUMBER 012.5", "NUMBER 09j", "NEWLINE",
                    "ENDMARKER"}));
}

TEST(Lexer, NumberFollowedByKeyword) {
  EXPECT_EQ(lex("1if x else 2\n"),
            (Tokens{"NUMBER 1", "NAME if", "NAME x", "NAME else", "NUMBER 2",
                    "NEWLINE", "ENDMARKER"}));
}

TEST(Lexer, AttributeOfNumberStartsAFloat) {
  EXPECT_EQ(lex("x.1\n"), (Tokens{"NAME x", "NUMBER .1", "NEWLINE", "ENDMARKER"}));
}

TEST(Lexer, StringPrefixes) {
  EXPECT_EQ(lex("r'a' b\"b\" Rb'c' bR'd' f'e' Rf'f' u'g' br'h' FR'i' rb''\n"),
            (Tokens{"STRING r'a'", "STRING b\"b\"", "STRING Rb'c'",
                    "STRING bR'd'", "STRING f'e'", "STRING Rf'f'",
                    "STRING u'g'", "STRING br'h'", "STRING FR'i'",
                    "STRING rb''", "NEWLINE", "ENDMARKER"}));
}

TEST(Lexer, NotAPrefix) {
  EXPECT_EQ(lex("ur'x'\n"), (Tokens{"NAME ur", "STRING 'x'", "NEWLINE", "ENDMARKER"}));
}

TEST(Lexer, TripleQuotedStringSpansLines) {
  SourceText text("x = '''a\nb''' + 1\n", "x.py");
  TokenStream stream = tokenize(text);
  const Token& s = stream.tokens[2];
  EXPECT_EQ(s.kind, TokenKind::String);
  EXPECT_EQ(s.text, "'''a\nb'''");
  EXPECT_EQ(s.lineno, 1);
  EXPECT_EQ(s.col, 4);
  EXPECT_EQ(s.end_lineno, 2);
  EXPECT_EQ(s.end_col, 4);
}

TEST(Lexer, EscapedQuoteDoesNotEndString) {
  EXPECT_EQ(lex("'a\\'b' r'\\''\n"),
            (Tokens{"STRING 'a\\'b'", "STRING r'\\''", "NEWLINE", "ENDMARKER"}));
}

TEST(Lexer, NonAsciiIdentifiers) {
  EXPECT_EQ(lex("café = π\n"),
            (Tokens{"NAME café", "OP =", "NAME π", "NEWLINE", "ENDMARKER"}));
}

TEST(Lexer, TokenPositionsAreByteColumns) {
  SourceText text("é = 1\n", "x.py");
  TokenStream stream = tokenize(text);
  EXPECT_EQ(stream.tokens[0].end_col, 2);
  EXPECT_EQ(stream.tokens[1].col, 3);
}

TEST(Lexer, BracketDepthIsRecorded) {
  SourceText text("f(a[1])\n", "x.py");
  TokenStream stream = tokenize(text);
  std::vector<int> depths;
  for (const Token& t : stream.tokens) depths.push_back(t.depth);
  EXPECT_EQ(depths, (std::vector<int>{0, 1, 1, 2, 2, 1, 0, 0, 0}));
}

TEST(Lexer, CrLfAndCrAreNewlines) {
  EXPECT_EQ(lex("a\r\nb\rc\n"),
            (Tokens{"NAME a", "NEWLINE", "NAME b", "NEWLINE", "NAME c", "NEWLINE",
                    "ENDMARKER"}));
}

TEST(Lexer, ByteOrderMarkIsSkipped) {
  EXPECT_EQ(lex("\xEF\xBB\xBFx\n"), (Tokens{"NAME x", "NEWLINE", "ENDMARKER"}));
}

TEST(Lexer, Keywords) {
  EXPECT_TRUE(is_keyword("lambda"));
  EXPECT_TRUE(is_keyword("None"));
  EXPECT_TRUE(is_keyword("await"));
  EXPECT_FALSE(is_keyword("match"));
  EXPECT_FALSE(is_keyword("print"));
}

// --- Tokenizer errors -----------------------------------------------------------

struct LexErrorCase {
  const char* source;
  const char* kind;
  const char* msg;
  int lineno;
  int offset;
};

class LexerError : public testing::TestWithParam<LexErrorCase> {};

TEST_P(LexerError, MatchesCPython) {
  const LexErrorCase& c = GetParam();
  SyntaxErrorInfo e = lex_error(c.source);
  EXPECT_EQ(e.kind, c.kind) << c.source;
  EXPECT_EQ(e.msg, c.msg) << c.source;
  EXPECT_EQ(e.lineno, c.lineno) << c.source;
  EXPECT_EQ(e.offset, c.offset) << c.source;
}

const LexErrorCase kLexErrors[] = {
    {"1__0", "SyntaxError", "invalid decimal literal", 1, 2},
    {"1_", "SyntaxError", "invalid decimal literal", 1, 2},
    {"1abc", "SyntaxError", "invalid decimal literal", 1, 1},
    {"1e", "SyntaxError", "invalid decimal literal", 1, 1},
    {"1e+", "SyntaxError", "invalid decimal literal", 1, 3},
    {"0777", "SyntaxError",
     "leading zeros in decimal integer literals are not permitted; use an 0o "
     "prefix for octal integers",
     1, 1},
    {"0x", "SyntaxError", "invalid hexadecimal literal", 1, 2},
    {"0xg", "SyntaxError", "invalid hexadecimal literal", 1, 2},
    {"0o8", "SyntaxError", "invalid digit '8' in octal literal", 1, 3},
    {"0o", "SyntaxError", "invalid octal literal", 1, 2},
    {"0b2", "SyntaxError", "invalid digit '2' in binary literal", 1, 3},
    {"0b", "SyntaxError", "invalid binary literal", 1, 2},
    {"1jx", "SyntaxError", "invalid imaginary literal", 1, 2},
    {"x = 'abc", "SyntaxError", "unterminated string literal (detected at line 1)",
     1, 5},
    {"x = \"\"\"abc\ny", "SyntaxError",
     "unterminated triple-quoted string literal (detected at line 2)", 1, 5},
    {"x = )", "SyntaxError", "unmatched ')'", 1, 5},
    {"x = (]", "SyntaxError",
     "closing parenthesis ']' does not match opening parenthesis '('", 1, 6},
    {"x = (\n]", "SyntaxError",
     "closing parenthesis ']' does not match opening parenthesis '(' on line 1",
     2, 1},
    {"x = \xE2\x82\xAC", "SyntaxError", "invalid character '\xE2\x82\xAC' (U+20AC)",
     1, 5},
    {"x = \x01", "SyntaxError", "invalid non-printable character U+0001", 1, 5},
    {"a\xC2\xA0" "b", "SyntaxError", "invalid non-printable character U+00A0", 1, 2},
    {"x = 1 \\ 2", "SyntaxError",
     "unexpected character after line continuation character", 1, 8},
    {"x = 1 \\", "SyntaxError", "unexpected EOF while parsing", 1, 8},
    {"if x:\n    a\n  b", "IndentationError",
     "unindent does not match any outer indentation level", 3, 4},
    {"if x:\n\ta\n        b", "TabError",
     "inconsistent use of tabs and spaces in indentation", 3, 1},
    {"if x:\n        a\n\tb", "TabError",
     "inconsistent use of tabs and spaces in indentation", 3, 1},
    {"f(", "SyntaxError", "'(' was never closed", 1, 2},
    {"x = [1,\n2", "SyntaxError", "'[' was never closed", 1, 5},
};

INSTANTIATE_TEST_SUITE_P(CPython, LexerError, testing::ValuesIn(kLexErrors));

TEST(Lexer, TooManyNestedParentheses) {
  SyntaxErrorInfo e = lex_error(std::string(300, '('));
  EXPECT_EQ(e.msg, "too many nested parentheses");
  EXPECT_EQ(e.offset, 201);
  EXPECT_NO_THROW(tokenize(SourceText(std::string(200, '['), "x.py")));
}

TEST(Lexer, InvalidUtf8) {
  SyntaxErrorInfo e = lex_error("x = 1\n# \xC3\n");
  EXPECT_EQ(e.msg,
            "(unicode error) 'utf-8' codec can't decode byte 0xc3 in position 2: "
            "invalid continuation byte");
  EXPECT_EQ(e.lineno, 2);
  e = lex_error("\xED\xA0\x80");  // an encoded surrogate is not UTF-8
  EXPECT_NE(e.msg.find("invalid continuation byte"), std::string::npos);
}

TEST(Lexer, ErrorTextIsTheSourceLine) {
  SyntaxErrorInfo e = lex_error("a = 1\nb = 1__2\n");
  EXPECT_EQ(e.text, "b = 1__2");  // tokenizer errors: no newline
}

// --- Literal decoding ---------------------------------------------------------

TEST(Literals, Integers) {
  using K = ast::ConstantValue::Kind;
  EXPECT_EQ(decode_number("0").text, "0");
  EXPECT_EQ(decode_number("000").text, "0");
  EXPECT_EQ(decode_number("1_000").text, "1000");
  EXPECT_EQ(decode_number("0xFF").text, "255");
  EXPECT_EQ(decode_number("0o777").text, "511");
  EXPECT_EQ(decode_number("0b1010").text, "10");
  EXPECT_EQ(decode_number("0x_dead_BEEF").text, "3735928559");
  EXPECT_EQ(decode_number("0xFFFFFFFFFFFFFFFFFFFF").text,
            "1208925819614629174706175");
  EXPECT_EQ(decode_number("123456789012345678901234567890").text,
            "123456789012345678901234567890");
  EXPECT_EQ(decode_number("7").kind, K::Int);
}

TEST(Literals, Floats) {
  using K = ast::ConstantValue::Kind;
  EXPECT_EQ(decode_number("1.5").kind, K::Float);
  EXPECT_DOUBLE_EQ(decode_number("1.5").number, 1.5);
  EXPECT_DOUBLE_EQ(decode_number("1.").number, 1.0);
  EXPECT_DOUBLE_EQ(decode_number(".25").number, 0.25);
  EXPECT_DOUBLE_EQ(decode_number("1_0.5e1_0").number, 10.5e10);
  EXPECT_DOUBLE_EQ(decode_number("1e-5").number, 1e-5);
  EXPECT_EQ(decode_number("1e5").kind, K::Float);
  EXPECT_TRUE(std::isinf(decode_number("1e999").number));
  EXPECT_EQ(decode_number("1e-999").number, 0.0);
  EXPECT_EQ(decode_number("0.000000000000000000000000000000000000000000000000000"
                          "000000000000000000000000000000000000000000000000000000"
                          "000000000000000000000000000000000000000000000000000000"
                          "000000000000000000000000000000000000000000000000000000"
                          "000000000000000000000000000000000000000000000000000000"
                          "000000000000000000000000000000000000000000000000000000"
                          "0001")
                .number,
            0.0);
}

TEST(Literals, Imaginary) {
  auto v = decode_number("2.5j");
  EXPECT_EQ(v.kind, ast::ConstantValue::Kind::Complex);
  EXPECT_DOUBLE_EQ(v.number, 2.5);
  EXPECT_DOUBLE_EQ(decode_number("10J").number, 10.0);
}

TEST(Literals, SplitStringToken) {
  StringToken t = split_string_token("Rb'''abc'''");
  EXPECT_TRUE(t.raw);
  EXPECT_TRUE(t.bytes);
  EXPECT_FALSE(t.formatted);
  EXPECT_EQ(t.body, "abc");
  EXPECT_EQ(t.body_offset, 5u);
  t = split_string_token("f\"\"");
  EXPECT_TRUE(t.formatted);
  EXPECT_EQ(t.body, "");
  t = split_string_token("u'x'");
  EXPECT_TRUE(t.unicode_prefix);
}

TEST(Literals, StrEscapes) {
  EXPECT_EQ(decode_str_body("a\\nb\\tc\\\\d\\'e\\\"f", false), "a\nb\tc\\d'e\"f");
  EXPECT_EQ(decode_str_body("\\a\\b\\f\\v\\r\\0", false),
            std::string("\a\b\f\v\r\0", 6));
  EXPECT_EQ(decode_str_body("\\101\\7\\777", false), "A\x07\xC7\xBF");
  EXPECT_EQ(decode_str_body("\\x41\\u00e9\\U0001F600", false),
            "A\xC3\xA9\xF0\x9F\x98\x80");
  EXPECT_EQ(decode_str_body("\\N{BULLET}\\N{latin small letter a}", false),
            "\xE2\x80\xA2" "a");
  EXPECT_EQ(decode_str_body("\\q\\d", false), "\\q\\d");
  EXPECT_EQ(decode_str_body("a\\\nb", false), "ab");
  EXPECT_EQ(decode_str_body("\\n\\x", true), "\\n\\x");
  EXPECT_EQ(decode_str_body("\\ud800", false), "\xED\xA0\x80");
}

TEST(Literals, StrEscapeErrors) {
  auto message = [](const char* body) {
    try {
      decode_str_body(body, false);
    } catch (const LiteralError& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  EXPECT_EQ(message("\\x1"),
            "(unicode error) 'unicodeescape' codec can't decode bytes in "
            "position 0-2: truncated \\xXX escape");
  EXPECT_EQ(message("ab\\u12"),
            "(unicode error) 'unicodeescape' codec can't decode bytes in "
            "position 2-5: truncated \\uXXXX escape");
  EXPECT_EQ(message("\\U0011ffff"),
            "(unicode error) 'unicodeescape' codec can't decode bytes in "
            "position 0-9: illegal Unicode character");
  EXPECT_EQ(message("\\N"),
            "(unicode error) 'unicodeescape' codec can't decode bytes in "
            "position 0-1: malformed \\N character escape");
  EXPECT_EQ(message("\\N{NOSUCH}"),
            "(unicode error) 'unicodeescape' codec can't decode bytes in "
            "position 0-9: unknown Unicode character name");
}

TEST(Literals, Bytes) {
  EXPECT_EQ(decode_bytes_body("a\\x00\\xff\\777\\n", false),
            std::string("a\0\xff\xff\n", 5));
  EXPECT_EQ(decode_bytes_body("\\u1234\\N{X}", false), "\\u1234\\N{X}");
  EXPECT_EQ(decode_bytes_body("\\d", true), "\\d");
  EXPECT_THROW(decode_bytes_body("\xC3\xA9", false), LiteralError);
  EXPECT_THROW(decode_bytes_body("\\x1", false), LiteralError);
}

TEST(Literals, UnicodeNames) {
  EXPECT_EQ(lookup_unicode_name("EM DASH"), U'\u2014');
  EXPECT_EQ(lookup_unicode_name("em dash"), U'\u2014');
  EXPECT_EQ(lookup_unicode_name("GREEK SMALL LETTER SIGMA"), U'\u03C3');
  EXPECT_EQ(lookup_unicode_name("GREEK CAPITAL LETTER OMEGA"), U'\u03A9');
  EXPECT_EQ(lookup_unicode_name("LATIN CAPITAL LETTER Q"), U'Q');
  EXPECT_EQ(lookup_unicode_name("DIGIT SEVEN"), U'7');
  EXPECT_EQ(lookup_unicode_name("CJK UNIFIED IDEOGRAPH-4E2D"), U'\u4E2D');
  EXPECT_EQ(lookup_unicode_name("SNOWMAN"), U'\u2603');
  EXPECT_FALSE(lookup_unicode_name("NOT A REAL NAME").has_value());
  EXPECT_EQ(lookup_unicode_name("NULL"), U'\0');  // an alias
  EXPECT_EQ(lookup_unicode_name("HANGUL SYLLABLE GAG"), U'\uAC01');
  EXPECT_FALSE(lookup_unicode_name("LATIN CAPITAL LETTER A WITH MACRON AND GRAVE").has_value());  // a sequence
}

// --- Unicode classes and repr ---------------------------------------------------

TEST(Unicode, IdentifierClasses) {
  EXPECT_TRUE(utf8::is_identifier_start(U'\u00E9'));   // é
  EXPECT_TRUE(utf8::is_identifier_start(U'\u4E2D'));   // CJK
  EXPECT_FALSE(utf8::is_identifier_start(U'\u0301'));  // combining acute
  EXPECT_TRUE(utf8::is_identifier_continue(U'\u0301'));
  EXPECT_FALSE(utf8::is_identifier_start(U'\u20AC'));  // €
  EXPECT_FALSE(utf8::is_identifier_continue(U'\U0001F600'));
  EXPECT_TRUE(utf8::is_identifier_continue(U'\u0660'));  // Arabic-Indic 0
  EXPECT_FALSE(utf8::is_identifier_start(U'\u0660'));
}

TEST(Unicode, Printable) {
  EXPECT_TRUE(utf8::is_printable(U'a'));
  EXPECT_FALSE(utf8::is_printable(U'\n'));
  EXPECT_FALSE(utf8::is_printable(U'\u00A0'));
  EXPECT_TRUE(utf8::is_printable(U'\u00E9'));
  EXPECT_FALSE(utf8::is_printable(U'\u200B'));
  EXPECT_FALSE(utf8::is_printable(U'\uD7FF'));  // unassigned
  EXPECT_TRUE(utf8::is_printable(U'\U0001F600'));
}

ast::ConstantValue str_value(std::string text) {
  ast::ConstantValue v;
  v.kind = ast::ConstantValue::Kind::Str;
  v.text = std::move(text);
  return v;
}

TEST(Repr, Strings) {
  EXPECT_EQ(ast::constant_repr(str_value("abc")), "'abc'");
  EXPECT_EQ(ast::constant_repr(str_value("it's")), "\"it's\"");
  EXPECT_EQ(ast::constant_repr(str_value("'\"")), "'\\'\"'");
  EXPECT_EQ(ast::constant_repr(str_value("a\n\t\r\\\x01\x7f")),
            "'a\\n\\t\\r\\\\\\x01\\x7f'");
  EXPECT_EQ(ast::constant_repr(str_value("\xC2\xA0\xC3\xA9\xE2\x80\x8B")),
            "'\\xa0\xC3\xA9\\u200b'");
  EXPECT_EQ(ast::constant_repr(str_value("\xF3\xA0\x84\x80")), "'\xF3\xA0\x84\x80'");
  EXPECT_EQ(ast::constant_repr(str_value("\xF3\xB0\x80\x80")), "'\\U000f0000'");
  EXPECT_EQ(ast::constant_repr(str_value("\xED\xA0\x80")), "'\\ud800'");
}

TEST(Repr, BytesAndNumbers) {
  ast::ConstantValue b;
  b.kind = ast::ConstantValue::Kind::Bytes;
  b.text = std::string("a\0\xff'", 4);
  EXPECT_EQ(ast::constant_repr(b), "b\"a\\x00\\xff'\"");
  auto number = [](ast::ConstantValue::Kind k, double d) {
    ast::ConstantValue v;
    v.kind = k;
    v.number = d;
    return ast::constant_repr(v);
  };
  using K = ast::ConstantValue::Kind;
  EXPECT_EQ(number(K::Float, 1.0), "1.0");
  EXPECT_EQ(number(K::Float, 0.1), "0.1");
  EXPECT_EQ(number(K::Float, 1e16), "1e+16");
  EXPECT_EQ(number(K::Float, 1e15), "1000000000000000.0");
  EXPECT_EQ(number(K::Float, 1.5e-5), "1.5e-05");
  EXPECT_EQ(number(K::Float, 0.0001), "0.0001");
  EXPECT_EQ(number(K::Float, 1.2345678901234568e+29), "1.2345678901234568e+29");
  EXPECT_EQ(number(K::Float, 5e-324), "5e-324");
  EXPECT_EQ(number(K::Float, HUGE_VAL), "inf");
  EXPECT_EQ(number(K::Complex, 2.0), "2j");
  EXPECT_EQ(number(K::Complex, 1.5), "1.5j");
  EXPECT_EQ(number(K::Complex, 1e20), "1e+20j");
  EXPECT_EQ(number(K::Complex, HUGE_VAL), "infj");
}

}  // namespace
}  // namespace gilvm
