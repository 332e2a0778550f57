// Statements.
#include "vm/parser_internal.hpp"

namespace gilvm {

namespace {

template <class T>
T* end_with_last(T* node, const std::vector<ast::Stmt*>& a,
                 const std::vector<ast::Stmt*>& b = {}) {
  const ast::Stmt* last = !b.empty() ? b.back() : !a.empty() ? a.back() : nullptr;
  if (last) {
    node->end_lineno = last->end_lineno;
    node->end_col_offset = last->end_col_offset;
  }
  return node;
}

bool augmented_operator(std::string_view text, ast::OperatorKind& op) {
  using K = ast::OperatorKind;
  static constexpr std::pair<std::string_view, K> kOps[] = {
      {"+=", K::Add},     {"-=", K::Sub},      {"*=", K::Mult},
      {"@=", K::MatMult}, {"/=", K::Div},      {"%=", K::Mod},
      {"&=", K::BitAnd},  {"|=", K::BitOr},    {"^=", K::BitXor},
      {"<<=", K::LShift}, {">>=", K::RShift},  {"**=", K::Pow},
      {"//=", K::FloorDiv}};
  for (const auto& [spelling, kind] : kOps) {
    if (text == spelling) {
      op = kind;
      return true;
    }
  }
  return false;
}

}  // namespace

// ---------------------------------------------------------------------------
// Statement lists and blocks

void Parser::parse_statement(std::vector<ast::Stmt*>& out) {
  if (ast::Stmt* s = parse_compound_statement()) {
    out.push_back(s);
    return;
  }
  parse_simple_statements(out);
}

void Parser::parse_simple_statements(std::vector<ast::Stmt*>& out) {
  while (true) {
    out.push_back(parse_simple_statement());
    if (!accept_op(";")) break;
    if (at_kind(TokenKind::Newline)) break;
  }
  if (!at_kind(TokenKind::Newline)) fail_generic();
  advance();
}

// A block is either an indented suite or simple statements on the header's
// line. A header followed by a line that is not indented is CPython's
// "expected an indented block after ..." IndentationError; at the end of
// the input that is also how a REPL learns it must read more lines.
void Parser::parse_block(std::vector<ast::Stmt*>& out,
                         const std::string& construct, int header_line) {
  if (!at_kind(TokenKind::Newline)) {
    parse_simple_statements(out);
    return;
  }
  const Token& header_end = advance();
  if (!at_kind(TokenKind::Indent)) {
    // Only dedents left: the input ended after the header (inside an outer
    // block). Reported on the header's line as CPython does, and
    // incomplete for a REPL.
    std::size_t k = 0;
    while (at_kind(TokenKind::Dedent, k)) ++k;
    if (k > 0 && at_kind(TokenKind::EndMarker, k)) {
      SyntaxErrorInfo e = source_.error(
          "IndentationError",
          "expected an indented block after " + construct + " on line " + std::to_string(header_line),
          header_end.lineno, header_end.col, header_end.lineno, -1);
      e.incomplete_input = true;
      throw e;
    }
    const Token& t = peek();
    SyntaxErrorInfo e = source_.error(
        "IndentationError",
        "expected an indented block after " + construct + " on line " +
            std::to_string(header_line),
        t.lineno, t.col, t.end_lineno, t.end_col);
    e.incomplete_input = t.kind == TokenKind::EndMarker;
    throw e;
  }
  advance();
  while (!at_kind(TokenKind::Dedent) && !at_kind(TokenKind::EndMarker)) {
    parse_statement(out);
  }
  advance();
}

ast::Stmt* Parser::parse_compound_statement() {
  const Token& t = peek();
  if (t.kind == TokenKind::Op && t.text == "@") return parse_decorated();
  if (t.kind != TokenKind::Name) return nullptr;
  if (t.text == "if") return parse_if(t, "'if' statement");
  if (t.text == "while") return parse_while();
  if (t.text == "for") return parse_for(nullptr);
  if (t.text == "try") return parse_try();
  if (t.text == "with") return parse_with(nullptr);
  if (t.text == "def") return parse_function_def(nullptr, {});
  if (t.text == "class") return parse_class_def({});
  if (t.text == "match") {
    if (ast::Stmt* m = try_parse_match()) return m;
    return nullptr;
  }
  if (t.text == "async") {
    const Token& async_token = advance();
    if (at_keyword("def")) return parse_function_def(&async_token, {});
    if (at_keyword("for")) return parse_for(&async_token);
    if (at_keyword("with")) return parse_with(&async_token);
    fail_generic();
  }
  return nullptr;
}

// ---------------------------------------------------------------------------
// Simple statements

ast::Stmt* Parser::parse_simple_statement() {
  const Token& t = peek();
  if (t.kind == TokenKind::Name) {
    if (t.text == "pass") return finish(make_at<ast::Pass>(advance()));
    if (t.text == "break") return finish(make_at<ast::Break>(advance()));
    if (t.text == "continue") return finish(make_at<ast::Continue>(advance()));
    if (t.text == "return") return parse_return();
    if (t.text == "raise") return parse_raise();
    if (t.text == "global" || t.text == "nonlocal") {
      return parse_global_or_nonlocal();
    }
    if (t.text == "del") return parse_del();
    if (t.text == "assert") return parse_assert();
    if (t.text == "import") return parse_import();
    if (t.text == "from") return parse_from_import();
  }
  return parse_expression_statement();
}

// Expression statements, assignments, augmented and annotated assignments
// all start with an expression; what follows it decides which one it is.
ast::Stmt* Parser::parse_expression_statement() {
  const Token& first = peek();
  if (at_identifier() && at_op(":", 1)) {
    auto* name = make_at<ast::Name>(advance());
    name->id = std::string(first.text);
    name->ctx = ast::ExprContext::Store;
    finish(name);
    advance();  // ':'
    auto* n = make_at<ast::AnnAssign>(first);
    n->target = name;
    n->annotation = parse_expression();
    n->simple = true;
    if (accept_op("=")) n->value = parse_yield_or_star_expressions();
    return finish(n);
  }

  ast::Expr* e = parse_yield_or_star_expressions();

  if (at_op(":")) {
    bool tuple_like = e->kind == ast::ExprKind::Tuple;
    if (tuple_like || e->kind == ast::ExprKind::List) {
      fail_node(e, std::string("only single target (not ") +
                       (tuple_like ? "tuple" : "list") + ") can be annotated");
    }
    if (e->kind != ast::ExprKind::Name && e->kind != ast::ExprKind::Attribute &&
        e->kind != ast::ExprKind::Subscript) {
      fail_node(e, "illegal target for annotation");
    }
    advance();
    set_context(e, ast::ExprContext::Store);
    auto* n = make_at<ast::AnnAssign>(first);
    n->target = e;
    n->annotation = parse_expression();
    // Only a bare name is "simple" (stored in __annotations__).
    n->simple = e->kind == ast::ExprKind::Name && !is_parenthesized(e);
    if (accept_op("=")) n->value = parse_yield_or_star_expressions();
    return finish(n);
  }

  ast::OperatorKind op;
  if (peek().kind == TokenKind::Op && augmented_operator(peek().text, op)) {
    if (e->kind != ast::ExprKind::Name && e->kind != ast::ExprKind::Attribute &&
        e->kind != ast::ExprKind::Subscript) {
      fail_node(e, std::string("'") + expression_name(e) +
                       "' is an illegal expression for augmented assignment");
    }
    advance();
    set_context(e, ast::ExprContext::Store);
    auto* n = make_at<ast::AugAssign>(first);
    n->target = e;
    n->op = op;
    n->value = parse_yield_or_star_expressions();
    return finish(n);
  }

  if (at_op("=")) return finish_assignment(first, e);

  // A statement spans its first and last tokens, parentheses included.
  auto* n = make_at<ast::ExprStmt>(first);
  n->value = e;
  return finish(n);
}

ast::Stmt* Parser::parse_return() {
  auto* n = make_at<ast::Return>(advance());
  if (!at_kind(TokenKind::Newline) && !at_op(";")) {
    n->value = parse_star_expressions();
  }
  return finish(n);
}

ast::Stmt* Parser::parse_raise() {
  auto* n = make_at<ast::Raise>(advance());
  if (!at_kind(TokenKind::Newline) && !at_op(";")) {
    n->exc = parse_expression();
    if (accept_keyword("from")) n->cause = parse_expression();
  }
  return finish(n);
}

ast::Stmt* Parser::parse_global_or_nonlocal() {
  const Token& keyword = advance();
  std::vector<std::string> names;
  do {
    names.push_back(expect_identifier());
  } while (accept_op(","));
  if (keyword.text == "global") {
    auto* n = make_at<ast::Global>(keyword);
    n->names = std::move(names);
    return finish(n);
  }
  auto* n = make_at<ast::Nonlocal>(keyword);
  n->names = std::move(names);
  return finish(n);
}

ast::Stmt* Parser::parse_del() {
  auto* n = make_at<ast::Delete>(advance());
  if (at_kind(TokenKind::Newline) || at_op(";")) fail_generic();
  do {
    ast::Expr* target = parse_star_expression();
    check_targets(target, TargetsKind::Del);
    set_context(target, ast::ExprContext::Del);
    n->targets.push_back(target);
  } while (accept_op(",") && !at_kind(TokenKind::Newline) && !at_op(";"));
  if (!at_kind(TokenKind::Newline) && !at_op(";")) fail_generic();
  return finish(n);
}

ast::Stmt* Parser::parse_assert() {
  auto* n = make_at<ast::Assert>(advance());
  n->test = parse_expression();
  if (accept_op(",")) n->msg = parse_expression();
  return finish(n);
}

std::string Parser::parse_dotted_name() {
  std::string name = expect_identifier();
  while (at_op(".") && at_identifier(1)) {
    advance();
    name += '.';
    name += advance().text;
  }
  return name;
}

ast::Stmt* Parser::parse_import() {
  auto* n = make_at<ast::Import>(advance());
  do {
    auto* alias = make_at<ast::Alias>(peek());
    alias->name = parse_dotted_name();
    if (accept_keyword("as")) alias->asname = expect_identifier();
    n->names.push_back(finish(alias));
  } while (accept_op(","));
  return finish(n);
}

ast::Stmt* Parser::parse_from_import() {
  auto* n = make_at<ast::ImportFrom>(advance());
  while (at_op(".") || at_op("...")) n->level += advance().text.size();
  if (!at_keyword("import")) {
    n->module = parse_dotted_name();
  } else if (n->level == 0) {
    fail_generic();
  }
  expect_keyword("import");
  if (at_op("*")) {
    auto* alias = make_at<ast::Alias>(advance());
    alias->name = "*";
    n->names.push_back(finish(alias));
    return finish(n);
  }
  bool parenthesized = accept_op("(");
  while (true) {
    auto* alias = make_at<ast::Alias>(peek());
    alias->name = expect_identifier();
    if (accept_keyword("as")) alias->asname = expect_identifier();
    n->names.push_back(finish(alias));
    if (!accept_op(",")) break;
    if (parenthesized && at_op(")")) break;
    if (!parenthesized && at_kind(TokenKind::Newline)) {
      fail_at(peek(),
              "trailing comma not allowed without surrounding parentheses");
    }
  }
  if (parenthesized) expect_op(")");
  return finish(n);
}

// ---------------------------------------------------------------------------
// Compound statements

ast::Stmt* Parser::parse_if(const Token& keyword, const char* construct) {
  auto* n = make_at<ast::If>(advance());
  n->test = parse_named_expression();
  expect_header_colon();
  parse_block(n->body, construct, keyword.lineno);
  if (at_keyword("elif")) {
    n->orelse.push_back(parse_if(peek(), "'elif' statement"));
  } else if (at_keyword("else")) {
    const Token& else_token = advance();
    expect_forced(":");
    parse_block(n->orelse, "'else' statement", else_token.lineno);
  }
  return end_with_last(n, n->body, n->orelse);
}

ast::Stmt* Parser::parse_while() {
  const Token& keyword = advance();
  auto* n = make_at<ast::While>(keyword);
  n->test = parse_named_expression();
  expect_header_colon();
  parse_block(n->body, "'while' statement", keyword.lineno);
  if (at_keyword("else")) {
    const Token& else_token = advance();
    expect_forced(":");
    parse_block(n->orelse, "'else' statement", else_token.lineno);
  }
  return end_with_last(n, n->body, n->orelse);
}

ast::Stmt* Parser::parse_for(const Token* async_token) {
  const Token& keyword = advance();
  auto* n = make_at<ast::For>(async_token ? *async_token : keyword,
                              async_token != nullptr);
  n->target = parse_star_targets();
  expect_keyword("in");
  n->iter = parse_star_expressions();
  expect_header_colon();
  parse_block(n->body, "'for' statement", keyword.lineno);
  if (at_keyword("else")) {
    const Token& else_token = advance();
    expect_forced(":");
    parse_block(n->orelse, "'else' statement", else_token.lineno);
  }
  return end_with_last(n, n->body, n->orelse);
}

ast::WithItem* Parser::parse_with_item() {
  auto* item = arena_.make<ast::WithItem>();
  item->context_expr = parse_expression();
  if (accept_keyword("as")) {
    ast::Expr* target = parse_star_target();
    check_targets(target, TargetsKind::Star);
    set_context(target, ast::ExprContext::Store);
    item->optional_vars = target;
  }
  return item;
}

// `with (a as b, c):` (3.9+) looks like `with (a, c):` whose context
// expression is a tuple; CPython tries the parenthesized-items form first and
// keeps it only if the closing ')' is followed by ':'.
bool Parser::try_parse_parenthesized_with_items(
    std::vector<ast::WithItem*>& items) {
  Speculation attempt(*this);
  try {
    advance();  // '('
    std::vector<ast::WithItem*> parsed;
    while (true) {
      parsed.push_back(parse_with_item());
      if (!accept_op(",")) break;
      if (at_op(")")) break;
    }
    if (!accept_op(")") || !at_op(":")) return false;
    items = std::move(parsed);
    attempt.commit();
    return true;
  } catch (const SyntaxErrorInfo&) {
    return false;
  }
}

ast::Stmt* Parser::parse_with(const Token* async_token) {
  const Token& keyword = advance();
  auto* n = make_at<ast::With>(async_token ? *async_token : keyword,
                               async_token != nullptr);
  if (!at_op("(") || !try_parse_parenthesized_with_items(n->items)) {
    do {
      n->items.push_back(parse_with_item());
    } while (accept_op(","));
  }
  expect_header_colon();
  parse_block(n->body, "'with' statement", keyword.lineno);
  return end_with_last(n, n->body);
}

ast::Stmt* Parser::parse_try() {
  const Token& keyword = advance();
  auto* n = make_at<ast::Try>(keyword);
  expect_forced(":");
  parse_block(n->body, "'try' statement", keyword.lineno);
  while (at_keyword("except")) {
    const Token& except_token = advance();
    auto* handler = make_at<ast::ExceptHandler>(except_token);
    bool star = false;
    if (at_op("*")) {
      star = true;
      advance();
      if (at_op(":")) fail_at(peek(), "expected one or more exception types");
    }
    if (!n->handlers.empty() && star != n->is_star)
      fail_at(except_token, "cannot have both 'except' and 'except*' on the same 'try'");
    n->is_star = star;
    if (!at_op(":")) {
      handler->type = parse_expression();
      if (at_op(",")) {
        ast::Expr* last = handler->type;
        while (accept_op(",") && starts_expression()) last = parse_expression();
        fail_range(handler->type, last,
                   "multiple exception types must be parenthesized");
      }
      if (accept_keyword("as")) handler->name = expect_identifier();
    }
    expect_forced(":");
    parse_block(handler->body, "'except' statement", except_token.lineno);
    n->handlers.push_back(end_with_last(handler, handler->body));
  }
  if (!n->handlers.empty() && at_keyword("else")) {
    const Token& else_token = advance();
    expect_forced(":");
    parse_block(n->orelse, "'else' statement", else_token.lineno);
  }
  if (at_keyword("finally")) {
    const Token& finally_token = advance();
    expect_forced(":");
    parse_block(n->finalbody, "'finally' statement", finally_token.lineno);
  }
  if (n->handlers.empty() && n->finalbody.empty()) {
    SyntaxErrorInfo e = source_.error(
        "SyntaxError", "expected 'except' or 'finally' block", peek().lineno,
        peek().col, peek().end_lineno, peek().end_col);
    e.incomplete_input = at_kind(TokenKind::EndMarker);
    throw e;
  }
  const std::vector<ast::Stmt*>& last_block =
      !n->finalbody.empty() ? n->finalbody
      : !n->orelse.empty()  ? n->orelse
                            : n->handlers.back()->body;
  return end_with_last(n, last_block);
}

ast::Stmt* Parser::parse_decorated() {
  std::vector<ast::Expr*> decorators;
  while (accept_op("@")) {
    decorators.push_back(parse_named_expression());
    if (!at_kind(TokenKind::Newline)) fail_generic();
    advance();
  }
  if (at_keyword("def")) return parse_function_def(nullptr, std::move(decorators));
  if (at_keyword("class")) return parse_class_def(std::move(decorators));
  if (at_keyword("async") && at_keyword("def", 1)) {
    const Token& async_token = advance();
    return parse_function_def(&async_token, std::move(decorators));
  }
  if (at_kind(TokenKind::EndMarker)) {
    // Decorators and then the end of the input: a REPL reads on for the
    // decorated definition.
    const Token& t = peek();
    SyntaxErrorInfo e = source_.error("SyntaxError", "invalid syntax", t.lineno, t.col, t.end_lineno, t.end_col);
    e.incomplete_input = true;
    throw e;
  }
  fail_generic();
}

ast::Stmt* Parser::parse_function_def(const Token* async_token,
                                      std::vector<ast::Expr*> decorators) {
  const Token& keyword = advance();
  auto* n = make_at<ast::FunctionDef>(async_token ? *async_token : keyword,
                                      async_token != nullptr);
  n->decorator_list = std::move(decorators);
  n->name = expect_identifier();
  expect_forced("(");
  n->args = parse_parameters(false);
  expect_op(")");
  if (accept_op("->")) n->returns = parse_expression();
  expect_forced(":");
  parse_block(n->body, "function definition", keyword.lineno);
  return end_with_last(n, n->body);
}

ast::Stmt* Parser::parse_class_def(std::vector<ast::Expr*> decorators) {
  const Token& keyword = advance();
  auto* n = make_at<ast::ClassDef>(keyword);
  n->decorator_list = std::move(decorators);
  n->name = expect_identifier();
  if (accept_op("(")) parse_class_arguments(n->bases, n->keywords);
  expect_header_colon();
  parse_block(n->body, "class definition", keyword.lineno);
  return end_with_last(n, n->body);
}

}  // namespace gilvm
