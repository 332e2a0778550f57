// Parser core: token access, error reporting and the entry points.
#include "vm/parser.hpp"

#include "vm/ast_walk.hpp"
#include "vm/parser_internal.hpp"

namespace gilvm {

Parser::Parser(const SourceText& error_source, TokenStream stream,
               ast::Arena& arena, int depth)
    : source_(error_source),
      tokens_(std::move(stream.tokens)),
      soft_error_(std::move(stream.soft_error)),
      unclosed_bracket_line_(stream.unclosed_bracket_line),
      arena_(arena),
      depth_(depth) {}

// ---------------------------------------------------------------------------
// Tokens

const Token& Parser::peek(std::size_t ahead) {
  std::size_t index = std::min(pos_ + ahead, tokens_.size() - 1);
  if (index > furthest_) furthest_ = index;
  const Token& t = tokens_[index];
  // Reaching the end of a stream cut short by a tokenizer error raises that
  // error, exactly when CPython's parser would have asked for the token.
  if (t.kind == TokenKind::Error && soft_error_) throw *soft_error_;
  return t;
}

const Token& Parser::advance() {
  const Token& t = peek();
  if (pos_ + 1 < tokens_.size()) ++pos_;
  return t;
}

bool Parser::at_identifier(std::size_t ahead) {
  const Token& t = peek(ahead);
  return t.kind == TokenKind::Name && !is_keyword(t.text);
}

bool Parser::accept_op(std::string_view op) {
  if (!at_op(op)) return false;
  advance();
  return true;
}

bool Parser::accept_keyword(std::string_view kw) {
  if (!at_keyword(kw)) return false;
  advance();
  return true;
}

const Token& Parser::expect_op(std::string_view op) {
  if (!at_op(op)) fail_generic();
  return advance();
}

const Token& Parser::expect_keyword(std::string_view kw) {
  if (!at_keyword(kw)) fail_generic();
  return advance();
}

const Token& Parser::expect_forced(std::string_view op) {
  if (!at_op(op)) fail_at(peek(), "expected '" + std::string(op) + "'");
  return advance();
}

void Parser::expect_header_colon() {
  if (at_op(":")) {
    advance();
    return;
  }
  if (at_kind(TokenKind::Newline)) fail_at(peek(), "expected ':'");
  fail_generic();
}

std::string Parser::expect_identifier() {
  if (!at_identifier()) fail_generic();
  return std::string(advance().text);
}

// Whether the token can begin an expression; used by the "forgot a comma"
// and "missing parentheses" checks, which look for two expressions in a row.
bool Parser::starts_expression(std::size_t ahead) {
  const Token& t = peek(ahead);
  switch (t.kind) {
    case TokenKind::Name:
      return !is_keyword(t.text) || t.text == "True" || t.text == "False" ||
             t.text == "None" || t.text == "not" || t.text == "lambda" ||
             t.text == "await";
    case TokenKind::Number:
    case TokenKind::String:
      return true;
    case TokenKind::Op:
      return t.text == "(" || t.text == "[" || t.text == "{" ||
             t.text == "-" || t.text == "+" || t.text == "~" ||
             t.text == "...";
    default:
      return false;
  }
}

// ---------------------------------------------------------------------------
// Errors

void Parser::fail(const char* kind, std::string msg, int lineno, int col,
                  int end_lineno, int end_col) {
  throw source_.error(kind, std::move(msg), lineno, col, end_lineno, end_col);
}

void Parser::fail_at(const Token& t, std::string msg) {
  fail("SyntaxError", std::move(msg), t.lineno, t.col, t.end_lineno,
       t.end_col);
}

void Parser::fail_at_furthest(std::string msg) {
  fail_at(tokens_[furthest_], std::move(msg));
}

// The generic error: "invalid syntax" at the furthest token looked at, or
// an indentation error if that token is an unexpected INDENT/DEDENT.
void Parser::fail_generic() {
  const Token& t = tokens_[furthest_];
  if (t.kind == TokenKind::Indent) {
    fail("IndentationError", "unexpected indent", t.lineno, t.col, t.lineno,
         -1);
  }
  if (t.kind == TokenKind::Dedent) {
    fail("IndentationError", "unexpected unindent", t.lineno, t.col, t.lineno,
         -1);
  }
  fail_at(t, "invalid syntax");
}

void Parser::fail_node(const ast::Located* n, std::string msg) {
  fail("SyntaxError", std::move(msg), n->lineno, n->col_offset, n->end_lineno,
       n->end_col_offset);
}

void Parser::fail_range(const ast::Located* from, const ast::Located* to,
                        std::string msg) {
  fail("SyntaxError", std::move(msg), from->lineno, from->col_offset,
       to->end_lineno, to->end_col_offset);
}

void Parser::fail_range(const ast::Located* from, const Token& to,
                        std::string msg) {
  fail("SyntaxError", std::move(msg), from->lineno, from->col_offset,
       to.end_lineno, to.end_col);
}

void Parser::fail_too_complex() {
  const Token& t = peek();
  fail("SyntaxError", kTooComplex, t.lineno, t.col, t.end_lineno, t.end_col);
}

// Long left-associative chains (`a.b.c...`, `1+1+...`, `f()()()...`) are
// built by loops, so DepthGuard does not bound them, yet they make trees
// as deep as they are long, and every later pass over the tree recurses.
// CPython stops those at compile time (RecursionError); we stop them here,
// at about the same depth, with an explicit stack.
void Parser::check_tree_depth(const ast::Mod* mod) {
  std::vector<std::pair<const ast::Stmt*, int>> stmts;
  std::vector<std::pair<const ast::Expr*, int>> exprs;
  switch (mod->kind) {
    case ast::ModKind::Module:
      for (const ast::Stmt* s : ast::cast<ast::Module>(mod)->body) stmts.push_back({s, 1});
      break;
    case ast::ModKind::Interactive:
      for (const ast::Stmt* s : ast::cast<ast::Interactive>(mod)->body) {
        stmts.push_back({s, 1});
      }
      break;
    case ast::ModKind::Expression:
      exprs.push_back({ast::cast<ast::Expression>(mod)->body, 1});
      break;
  }
  int depth = 0;
  ast::ExprCallback push_expr = [&](const ast::Expr* e) {
    exprs.push_back({e, depth + 1});
  };
  ast::StmtCallback push_stmt = [&](const ast::Stmt* s) {
    stmts.push_back({s, depth + 1});
  };
  while (!stmts.empty() || !exprs.empty()) {
    if (!exprs.empty()) {
      auto [e, d] = exprs.back();
      exprs.pop_back();
      if (d > kMaxTreeDepth) fail_node(e, kTooComplex);
      depth = d;
      ast::for_each_child(e, push_expr);
    } else {
      auto [s, d] = stmts.back();
      stmts.pop_back();
      depth = d;
      ast::for_each_child(s, push_expr, push_stmt);
    }
  }
}

// CPython, after a parser error, tokenizes the rest of the input; if it
// ends inside brackets opened on a line before the error, the real problem
// is the unclosed bracket.
void Parser::adjust_error(SyntaxErrorInfo& e) const {
  if (!soft_error_ || unclosed_bracket_line_ == 0) return;
  if (e.msg == soft_error_->msg) return;
  if (tokens_[furthest_].lineno > unclosed_bracket_line_) e = *soft_error_;
}

// ---------------------------------------------------------------------------
// Entry points

ast::Mod* Parser::parse_module(ParseMode mode) {
  switch (mode) {
    case ParseMode::Exec: {
      auto* m = arena_.make<ast::Module>();
      while (!at_kind(TokenKind::EndMarker)) parse_statement(m->body);
      return m;
    }
    case ParseMode::Eval: {
      auto* m = arena_.make<ast::Expression>();
      m->body = parse_expressions();
      while (at_kind(TokenKind::Newline)) advance();
      if (!at_kind(TokenKind::EndMarker)) fail_generic();
      return m;
    }
    case ParseMode::Single: {
      auto* m = arena_.make<ast::Interactive>();
      if (at_kind(TokenKind::EndMarker)) fail_generic();
      parse_statement(m->body);
      while (at_kind(TokenKind::Newline)) advance();
      if (!at_kind(TokenKind::EndMarker)) {
        fail_at(previous(),
                "multiple statements found while compiling a single statement");
      }
      return m;
    }
  }
  return nullptr;
}

ast::Expr* Parser::parse_fstring_field() {
  ast::Expr* e = parse_star_expressions();
  while (at_kind(TokenKind::Newline)) advance();
  if (!at_kind(TokenKind::EndMarker)) fail_generic();
  return e;
}

ParseResult parse(std::string_view source, const std::string& filename,
                  ParseMode mode) {
  SourceText text(source, filename);
  ParseResult result;
  result.arena = std::make_unique<ast::Arena>();
  Parser parser(text, tokenize(text), *result.arena);
  try {
    result.mod = parser.parse_module(mode);
    parser.check_tree_depth(result.mod);
  } catch (SyntaxErrorInfo& e) {
    parser.adjust_error(e);
    throw;
  }
  return result;
}

}  // namespace gilvm
