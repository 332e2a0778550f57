// The Parser class shared by parser.cpp (tokens, errors, entry points),
// parser_stmt.cpp (statements), parser_expr.cpp (expressions),
// parser_args.cpp (parameters and call arguments), parser_targets.cpp
// (assignment targets and their errors) and parser_strings.cpp (string
// literals and f-strings). Not part of the public API.
//
// How errors are found. CPython's PEG parser makes a fast pass and, only if
// that fails, a second pass with extra "invalid_*" rules that recognise
// common mistakes and raise a specific message. This recursive-descent
// parser does it in one pass: at the points where CPython has an invalid_*
// rule, it checks the same pattern (often by parsing a little further
// speculatively, see Parser::Speculation) and throws the specific message;
// everywhere else a mismatch is a generic "invalid syntax" located at the
// furthest token the parser has looked at, as in CPython.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "vm/ast.hpp"
#include "vm/lexer.hpp"
#include "vm/parser.hpp"

namespace gilvm {

// What kind of targets are being checked (CPython's TARGETS_TYPE).
enum class TargetsKind { Star, Del, For };

class Parser {
 public:
  // `error_source` is the text errors are reported against; it differs
  // from the tokenized text only for the expressions inside f-strings.
  Parser(const SourceText& error_source, TokenStream stream, ast::Arena& arena,
         int depth = 0);

  ast::Mod* parse_module(ParseMode mode);
  // The expression of an f-string field: `( star_expressions )` ENDMARKER.
  ast::Expr* parse_fstring_field();

 private:
  friend class DepthGuard;
  friend class Speculation;

  // --- tokens (parser.cpp) ---------------------------------------------------
  const Token& peek(std::size_t ahead = 0);
  const Token& advance();
  const Token& previous() const { return tokens_[pos_ - 1]; }
  bool at_op(std::string_view op, std::size_t ahead = 0) {
    return peek(ahead).is_op(op);
  }
  bool at_keyword(std::string_view kw, std::size_t ahead = 0) {
    return peek(ahead).is_name(kw);
  }
  bool at_kind(TokenKind kind, std::size_t ahead = 0) {
    return peek(ahead).kind == kind;
  }
  bool at_identifier(std::size_t ahead = 0);
  bool accept_op(std::string_view op);
  bool accept_keyword(std::string_view kw);
  const Token& expect_op(std::string_view op);
  const Token& expect_keyword(std::string_view kw);
  // CPython's forced tokens (&&':'): a mismatch is "expected ':'".
  const Token& expect_forced(std::string_view op);
  // The ':' closing a compound statement header: "expected ':'" when the
  // line ends there, "invalid syntax" otherwise.
  void expect_header_colon();
  std::string expect_identifier();
  bool starts_expression(std::size_t ahead = 0);

  // --- errors (parser.cpp) -------------------------------------------------------
  [[noreturn]] void fail(const char* kind, std::string msg, int lineno,
                         int col, int end_lineno, int end_col);
  [[noreturn]] void fail_generic();
  [[noreturn]] void fail_at(const Token& t, std::string msg);
  [[noreturn]] void fail_at_furthest(std::string msg);
  [[noreturn]] void fail_node(const ast::Located* n, std::string msg);
  [[noreturn]] void fail_range(const ast::Located* from, const ast::Located* to,
                               std::string msg);
  [[noreturn]] void fail_range(const ast::Located* from, const Token& to,
                               std::string msg);
  [[noreturn]] void fail_too_complex();

  // --- node helpers (parser.cpp) ---------------------------------------------------
  template <class T, class... Args>
  T* make_at(const Token& first, Args&&... args) {
    T* n = arena_.make<T>(std::forward<Args>(args)...);
    n->lineno = first.lineno;
    n->col_offset = first.col;
    return n;
  }
  template <class T, class... Args>
  T* make_from(const ast::Located* first, Args&&... args) {
    T* n = arena_.make<T>(std::forward<Args>(args)...);
    n->lineno = first->lineno;
    n->col_offset = first->col_offset;
    return n;
  }
  // Ends a node at the last consumed token.
  template <class T>
  T* finish(T* n) {
    const Token& last = previous();
    n->end_lineno = last.end_lineno;
    n->end_col_offset = last.end_col;
    return n;
  }
  template <class T>
  T* finish_at(T* n, const ast::Located* last) {
    n->end_lineno = last->end_lineno;
    n->end_col_offset = last->end_col_offset;
    return n;
  }
  bool is_parenthesized(const ast::Expr* e) const {
    return parenthesized_.count(e) != 0;
  }

  // --- statements (parser_stmt.cpp) ------------------------------------------
  void parse_statement(std::vector<ast::Stmt*>& out);
  void parse_simple_statements(std::vector<ast::Stmt*>& out);
  ast::Stmt* parse_simple_statement();
  ast::Stmt* parse_compound_statement();
  void parse_block(std::vector<ast::Stmt*>& out, const std::string& construct,
                   int header_line);
  ast::Stmt* parse_expression_statement();
  ast::Stmt* parse_if(const Token& keyword, const char* construct);
  ast::Stmt* parse_while();
  ast::Stmt* parse_for(const Token* async_token);
  ast::Stmt* parse_with(const Token* async_token);
  bool try_parse_parenthesized_with_items(std::vector<ast::WithItem*>& items);
  ast::WithItem* parse_with_item();
  ast::Stmt* parse_try();
  ast::Stmt* parse_function_def(const Token* async_token,
                                std::vector<ast::Expr*> decorators);
  ast::Stmt* parse_class_def(std::vector<ast::Expr*> decorators);
  ast::Stmt* parse_decorated();
  ast::Stmt* parse_import();
  ast::Stmt* parse_from_import();
  ast::Stmt* parse_global_or_nonlocal();
  ast::Stmt* parse_del();
  ast::Stmt* parse_return();
  ast::Stmt* parse_raise();
  ast::Stmt* parse_assert();
  std::string parse_dotted_name();

  // --- match statements (parser_match.cpp) -----------------------------------------
  ast::Stmt* try_parse_match();  // null: not a match statement after all
  ast::Expr* parse_match_subject();
  ast::Pattern* parse_case_patterns();
  ast::Pattern* parse_maybe_star_pattern();
  ast::Pattern* parse_pattern();
  ast::Pattern* parse_or_pattern();
  ast::Pattern* parse_closed_pattern();
  ast::Pattern* parse_class_pattern(const Token& first, ast::Expr* cls);
  ast::Expr* parse_pattern_number();
  ast::Expr* parse_pattern_key();
  ast::Expr* parse_dotted_value();

  // --- expressions (parser_expr.cpp) -----------------------------------------
  ast::Expr* parse_star_expressions();
  ast::Expr* parse_star_expression();
  ast::Expr* parse_star_named_expression();
  ast::Expr* parse_named_expression();
  ast::Expr* parse_expression();
  ast::Expr* parse_expressions();  // eval input: expression list
  ast::Expr* parse_yield_expression();
  ast::Expr* parse_yield_or_star_expressions();
  ast::Expr* parse_disjunction();
  ast::Expr* parse_conjunction();
  ast::Expr* parse_inversion();
  ast::Expr* parse_comparison();
  ast::Expr* parse_bitwise_or();
  ast::Expr* parse_bitwise_xor();
  ast::Expr* parse_bitwise_and();
  ast::Expr* parse_shift();
  ast::Expr* parse_sum();
  ast::Expr* parse_term();
  ast::Expr* parse_factor();
  ast::Expr* parse_power();
  ast::Expr* parse_await_primary();
  ast::Expr* parse_primary();
  ast::Expr* parse_atom();
  ast::Expr* parse_paren_atom();
  ast::Expr* parse_list_atom();
  ast::Expr* parse_brace_atom();
  ast::Expr* parse_dict_rest(ast::Dict* dict);
  ast::Expr* parse_slices();
  ast::Expr* parse_slice();
  ast::Expr* parse_lambda();
  std::vector<ast::Comprehension*> parse_comprehension_clauses();
  bool at_comprehension_start();
  void check_expression_followers(ast::Expr* a, std::size_t start_pos);
  void check_assignment_in_expression(ast::Expr* e);
  ast::Expr* make_binop(const Token& start, ast::Expr* left,
                        ast::OperatorKind op, ast::Expr* right);

  // --- parameters and arguments (parser_args.cpp) ---------------------------------
  ast::Arguments* parse_parameters(bool is_lambda);
  ast::Arg* parse_parameter(bool is_lambda, bool star_annotation_ok);
  // After the '('; consumes the closing ')'.
  void parse_call_arguments(ast::Call* call, bool allow_generator = true);
  void parse_class_arguments(std::vector<ast::Expr*>& bases,
                             std::vector<ast::Keyword*>& keywords);

  // --- targets (parser_targets.cpp) -----------------------------------------------
  ast::Expr* parse_star_targets();
  ast::Expr* parse_star_target();
  void set_context(ast::Expr* e, ast::ExprContext ctx);
  void check_targets(ast::Expr* e, TargetsKind kind);
  ast::Stmt* finish_assignment(const Token& first_token, ast::Expr* first);
  bool is_bitwise_or_level(const ast::Expr* e) const;

  // --- strings (parser_strings.cpp) -------------------------------------------
  ast::Expr* parse_strings();

  // Helpers for f-strings, in parser_strings.cpp.
  friend class FStringBuilder;

  const SourceText& source_;
  std::vector<Token> tokens_;
  std::optional<SyntaxErrorInfo> soft_error_;
  int unclosed_bracket_line_ = 0;
  ast::Arena& arena_;
  std::size_t pos_ = 0;
  std::size_t furthest_ = 0;  // index of the furthest token peeked
  int depth_ = 0;             // recursion depth, see DepthGuard
  int speculating_ = 0;       // > 0 while inside a Speculation
  std::unordered_set<const ast::Expr*> parenthesized_;

 public:
  // Applies CPython's "'(' was never closed" override to a parser error.
  void adjust_error(SyntaxErrorInfo& e) const;
  // Rejects trees deeper than kMaxTreeDepth.
  void check_tree_depth(const ast::Mod* mod);

  static constexpr int kMaxTreeDepth = 2900;
  static constexpr const char* kTooComplex =
      "too complex: expression nested too deeply";
};

// Bounds the recursion of the parser: every construct that can nest
// without limit (parentheses are already capped by the lexer, but unary
// operators, `not`, lambdas and conditional expressions are not) enters a
// DepthGuard, and too deep a nesting is a SyntaxError instead of a C++ stack
// overflow.
class DepthGuard {
 public:
  static constexpr int kMaxDepth = 1000;
  explicit DepthGuard(Parser& p) : parser_(p) {
    if (++parser_.depth_ > kMaxDepth) parser_.fail_too_complex();
  }
  ~DepthGuard() { --parser_.depth_; }
  DepthGuard(const DepthGuard&) = delete;
  DepthGuard& operator=(const DepthGuard&) = delete;

 private:
  Parser& parser_;
};

// Speculative parsing for error detection: remembers the token position
// and restores it on destruction unless commit() was called. While any
// speculation is active, the invalid_* checks are disabled (CPython's
// "expression_without_invalid"), so a speculative parse reports only plain
// success or failure.
class Speculation {
 public:
  explicit Speculation(Parser& p)
      : parser_(p), saved_pos_(p.pos_), saved_furthest_(p.furthest_) {
    ++parser_.speculating_;
  }
  // The furthest token is restored too: CPython locates a generic
  // "invalid syntax" by its first pass, which has no invalid_* lookahead.
  ~Speculation() {
    --parser_.speculating_;
    if (!committed_) {
      parser_.pos_ = saved_pos_;
      parser_.furthest_ = saved_furthest_;
    }
  }
  void commit() { committed_ = true; }
  Speculation(const Speculation&) = delete;
  Speculation& operator=(const Speculation&) = delete;

 private:
  Parser& parser_;
  std::size_t saved_pos_;
  std::size_t saved_furthest_;
  bool committed_ = false;
};

// CPython's _PyPegen_get_expr_name: "function call", "literal", ...
const char* expression_name(const ast::Expr* e);

}  // namespace gilvm
