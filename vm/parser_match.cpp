// `match` statements and their patterns (PEP 634), following CPython 3.11's
// grammar rules match_stmt ... keyword_pattern.
//
// `match` and `case` are soft keywords: a line starting with `match` is a
// match statement only if `match <subject>:` ends the line (and so is
// followed by an indented block); otherwise it is parsed as an ordinary
// statement (`match = 1`, `match(x)`). That is decided by parsing the header
// speculatively.
#include "vm/parser_internal.hpp"

namespace gilvm {

namespace {

bool is_soft_name(const Token& t) {
  return t.kind == TokenKind::Name && t.text != "None" && t.text != "True" && t.text != "False" && !is_keyword(t.text);
}

}  // namespace

ast::Stmt* Parser::try_parse_match() {
  const Token& keyword = peek();
  ast::Expr* subject = nullptr;
  {
    Speculation attempt(*this);
    advance();
    if (!starts_expression()) return nullptr;
    try {
      subject = parse_match_subject();
    } catch (const SyntaxErrorInfo&) {
      return nullptr;
    }
    if (!at_op(":") || !at_kind(TokenKind::Newline, 1)) return nullptr;
    attempt.commit();
  }
  auto* m = make_at<ast::Match>(keyword);
  m->subject = subject;
  expect_op(":");
  const Token& header_end = advance();  // NEWLINE
  if (!at_kind(TokenKind::Indent)) {
    SyntaxErrorInfo e = source_.error(
        "IndentationError", "expected an indented block after 'match' statement on line " + std::to_string(keyword.lineno),
        peek().lineno, peek().col, peek().end_lineno, peek().end_col);
    std::size_t k = 0;
    while (at_kind(TokenKind::Dedent, k)) ++k;
    e.incomplete_input = at_kind(TokenKind::EndMarker, k);
    if (k > 0 && e.incomplete_input) e.lineno = e.end_lineno = header_end.lineno;
    throw e;
  }
  advance();
  while (!at_kind(TokenKind::Dedent) && !at_kind(TokenKind::EndMarker)) {
    if (!at_keyword("case")) fail_generic();
    const Token& case_token = advance();
    auto* c = arena_.make<ast::MatchCase>();
    c->pattern = parse_case_patterns();
    if (accept_keyword("if")) c->guard = parse_named_expression();
    expect_header_colon();
    parse_block(c->body, "'case' statement", case_token.lineno);
    m->cases.push_back(c);
  }
  if (m->cases.empty()) fail_generic();
  advance();
  // The statement ends where its last case's block does.
  return finish_at(m, m->cases.back()->body.back());
}

// subject_expr: star_named_expression ',' star_named_expressions? | named_expression
ast::Expr* Parser::parse_match_subject() {
  const Token& first = peek();
  ast::Expr* e = parse_star_named_expression();
  if (!at_op(",")) {
    if (e->kind == ast::ExprKind::Starred) fail_generic();
    return e;
  }
  auto* t = make_at<ast::Tuple>(first);
  t->elts.push_back(e);
  while (accept_op(",")) {
    if (at_op(":")) break;
    t->elts.push_back(parse_star_named_expression());
  }
  return finish(t);
}

// patterns: open_sequence_pattern | pattern
ast::Pattern* Parser::parse_case_patterns() {
  const Token& first = peek();
  ast::Pattern* p = parse_maybe_star_pattern();
  if (!at_op(",")) {
    if (p->kind == ast::PatternKind::MatchStar) fail_generic();
    return p;
  }
  auto* seq = make_at<ast::MatchSequence>(first);
  seq->patterns.push_back(p);
  while (accept_op(",")) {
    if (at_op(":") || at_keyword("if")) break;
    seq->patterns.push_back(parse_maybe_star_pattern());
  }
  return finish(seq);
}

ast::Pattern* Parser::parse_maybe_star_pattern() {
  if (!at_op("*")) return parse_pattern();
  const Token& star = advance();
  auto* p = make_at<ast::MatchStar>(star);
  if (!is_soft_name(peek())) fail_generic();
  std::string name(advance().text);
  if (name != "_") p->name = name;
  return finish(p);
}

// pattern: or_pattern ['as' NAME]
ast::Pattern* Parser::parse_pattern() {
  DepthGuard guard(*this);
  const Token& first = peek();
  ast::Pattern* p = parse_or_pattern();
  if (!at_keyword("as")) return p;
  advance();
  if (!is_soft_name(peek())) fail_generic();
  const Token& target = advance();
  if (target.text == "_") fail_at(target, "cannot use '_' as a target");
  auto* as = make_at<ast::MatchAs>(first);
  as->pattern = p;
  as->name = std::string(target.text);
  return finish(as);
}

ast::Pattern* Parser::parse_or_pattern() {
  const Token& first = peek();
  ast::Pattern* p = parse_closed_pattern();
  if (!at_op("|")) return p;
  auto* alternatives = make_at<ast::MatchOr>(first);
  alternatives->patterns.push_back(p);
  while (accept_op("|")) alternatives->patterns.push_back(parse_closed_pattern());
  return finish(alternatives);
}

// A signed number, or a complex literal `real +/- imag` (literal_expr).
ast::Expr* Parser::parse_pattern_number() {
  const Token& first = peek();
  ast::Expr* value;
  if (at_op("-")) {
    advance();
    if (!at_kind(TokenKind::Number)) fail_generic();
    auto* neg = make_at<ast::UnaryOp>(first);
    neg->op = ast::UnaryOpKind::USub;
    neg->operand = parse_atom();
    value = finish(neg);
  } else {
    value = parse_atom();
  }
  if (at_op("+") || at_op("-")) {
    // The real part is checked first, as CPython's grammar does (`1j+2j`
    // is "real number required").
    auto* real = ast::dyn_cast<ast::Constant>(value);
    if (auto* u = ast::dyn_cast<ast::UnaryOp>(value)) real = ast::dyn_cast<ast::Constant>(u->operand);
    if (real == nullptr || real->value.kind == ast::ConstantValue::Kind::Complex)
      fail_node(value, "real number required in complex literal");
    bool plus = advance().text == "+";
    if (!at_kind(TokenKind::Number)) fail_generic();
    ast::Expr* imaginary = parse_atom();
    auto* c = ast::dyn_cast<ast::Constant>(imaginary);
    if (c == nullptr || c->value.kind != ast::ConstantValue::Kind::Complex)
      fail_node(imaginary, "imaginary number required in complex literal");
    auto* sum = make_from<ast::BinOp>(value);
    sum->left = value;
    sum->op = plus ? ast::OperatorKind::Add : ast::OperatorKind::Sub;
    sum->right = imaginary;
    value = finish(sum);
  }
  return value;
}

// A mapping key: a literal or a dotted name (value_pattern's attr).
ast::Expr* Parser::parse_pattern_key() {
  const Token& t = peek();
  if (t.kind == TokenKind::Number || t.is_op("-")) return parse_pattern_number();
  if (t.kind == TokenKind::String) {
    ast::Expr* s = parse_strings();
    if (s->kind != ast::ExprKind::Constant) fail_node(s, "patterns may only match literals and attribute lookups");
    return s;
  }
  if (t.kind == TokenKind::Name && (t.text == "None" || t.text == "True" || t.text == "False")) return parse_atom();
  if (is_soft_name(t) && at_op(".", 1)) return parse_dotted_value();
  fail_generic();
}

// name_or_attr: NAME ('.' NAME)*
ast::Expr* Parser::parse_dotted_value() {
  const Token& first = peek();
  if (!is_soft_name(first)) fail_generic();
  auto* name = make_at<ast::Name>(advance());
  name->id = std::string(first.text);
  ast::Expr* e = finish(name);
  while (at_op(".")) {
    advance();
    if (!is_soft_name(peek())) fail_generic();
    auto* a = make_from<ast::Attribute>(e);
    a->value = e;
    a->attr = std::string(advance().text);
    e = finish(a);
  }
  return e;
}

ast::Pattern* Parser::parse_closed_pattern() {
  DepthGuard guard(*this);
  const Token& t = peek();
  if (t.kind == TokenKind::Number || t.is_op("-")) {
    auto* p = make_at<ast::MatchValue>(t);
    p->value = parse_pattern_number();
    return finish(p);
  }
  if (t.kind == TokenKind::String) {
    auto* p = make_at<ast::MatchValue>(t);
    p->value = parse_strings();
    if (p->value->kind != ast::ExprKind::Constant)
      fail_node(p->value, "patterns may only match literals and attribute lookups");
    return finish(p);
  }
  if (t.kind == TokenKind::Name && (t.text == "None" || t.text == "True" || t.text == "False")) {
    auto* p = make_at<ast::MatchSingleton>(advance());
    p->value = t.text == "None"   ? ast::MatchSingleton::Which::None
               : t.text == "True" ? ast::MatchSingleton::Which::True
                                  : ast::MatchSingleton::Which::False;
    return finish(p);
  }
  if (is_soft_name(t)) {
    // A capture, the wildcard, a dotted value, or a class pattern.
    if (!at_op(".", 1) && !at_op("(", 1)) {
      auto* p = make_at<ast::MatchAs>(advance());
      if (t.text != "_") p->name = std::string(t.text);
      return finish(p);
    }
    ast::Expr* dotted = parse_dotted_value();
    if (!at_op("(")) {
      auto* p = make_at<ast::MatchValue>(t);
      p->value = dotted;
      return finish(p);
    }
    return parse_class_pattern(t, dotted);
  }
  if (t.is_op("(")) {
    advance();
    if (accept_op(")")) return finish(make_at<ast::MatchSequence>(t));
    ast::Pattern* first = parse_maybe_star_pattern();
    if (accept_op(")")) {
      if (first->kind == ast::PatternKind::MatchStar) fail_generic();
      return first;  // a group
    }
    auto* seq = make_at<ast::MatchSequence>(t);
    seq->patterns.push_back(first);
    while (accept_op(",")) {
      if (at_op(")")) break;
      seq->patterns.push_back(parse_maybe_star_pattern());
    }
    expect_op(")");
    return finish(seq);
  }
  if (t.is_op("[")) {
    advance();
    auto* seq = make_at<ast::MatchSequence>(t);
    while (!at_op("]")) {
      seq->patterns.push_back(parse_maybe_star_pattern());
      if (!accept_op(",")) break;
    }
    expect_op("]");
    return finish(seq);
  }
  if (t.is_op("{")) {
    advance();
    auto* map = make_at<ast::MatchMapping>(t);
    while (!at_op("}")) {
      if (at_op("**")) {
        advance();
        if (!is_soft_name(peek()) || peek().text == "_") fail_generic();
        map->rest = std::string(advance().text);
        accept_op(",");
        break;
      }
      map->keys.push_back(parse_pattern_key());
      expect_op(":");
      map->patterns.push_back(parse_pattern());
      if (!accept_op(",")) break;
    }
    expect_op("}");
    return finish(map);
  }
  fail_generic();
}

ast::Pattern* Parser::parse_class_pattern(const Token& first, ast::Expr* cls) {
  auto* p = make_at<ast::MatchClass>(first);
  p->cls = cls;
  expect_op("(");
  while (!at_op(")")) {
    if (is_soft_name(peek()) && at_op("=", 1)) {
      p->kwd_attrs.push_back(std::string(advance().text));
      advance();
      p->kwd_patterns.push_back(parse_pattern());
    } else {
      ast::Pattern* positional = parse_pattern();
      if (!p->kwd_patterns.empty()) fail_node(positional, "positional patterns follow keyword patterns");
      p->patterns.push_back(positional);
    }
    if (!accept_op(",")) break;
  }
  expect_op(")");
  return finish(p);
}

}  // namespace gilvm
