// Expressions, from the loosest-binding (star_expressions) to atoms.
#include "vm/literals.hpp"
#include "vm/parser_internal.hpp"

namespace gilvm {

namespace {

bool is_name(const ast::Expr* e, std::string_view id) {
  return e->kind == ast::ExprKind::Name &&
         ast::cast<ast::Name>(e)->id == id;
}

}  // namespace

// ---------------------------------------------------------------------------
// Expression lists

ast::Expr* Parser::parse_star_expressions() {
  const Token& start = peek();
  ast::Expr* first = parse_star_expression();
  if (!at_op(",")) return first;
  auto* tuple = make_at<ast::Tuple>(start);
  tuple->elts.push_back(first);
  while (accept_op(",")) {
    if (!at_op("*") && !starts_expression()) break;
    tuple->elts.push_back(parse_star_expression());
  }
  return finish(tuple);
}

ast::Expr* Parser::parse_star_expression() {
  if (!at_op("*")) return parse_expression();
  auto* n = make_at<ast::Starred>(advance());
  n->value = parse_bitwise_or();
  return finish(n);
}

ast::Expr* Parser::parse_star_named_expression() {
  if (!at_op("*")) return parse_named_expression();
  auto* n = make_at<ast::Starred>(advance());
  n->value = parse_bitwise_or();
  return finish(n);
}

ast::Expr* Parser::parse_expressions() {
  const Token& start = peek();
  ast::Expr* first = parse_expression();
  if (!at_op(",")) return first;
  auto* tuple = make_at<ast::Tuple>(start);
  tuple->elts.push_back(first);
  while (accept_op(",")) {
    if (!starts_expression()) break;
    tuple->elts.push_back(parse_expression());
  }
  return finish(tuple);
}

ast::Expr* Parser::parse_yield_or_star_expressions() {
  if (at_keyword("yield")) return parse_yield_expression();
  return parse_star_expressions();
}

ast::Expr* Parser::parse_yield_expression() {
  const Token& keyword = advance();
  if (accept_keyword("from")) {
    auto* n = make_at<ast::YieldFrom>(keyword);
    n->value = parse_expression();
    return finish(n);
  }
  auto* n = make_at<ast::Yield>(keyword);
  if (at_op("*") || starts_expression()) n->value = parse_star_expressions();
  return finish(n);
}

// ---------------------------------------------------------------------------
// named_expression and expression, with their error checks

ast::Expr* Parser::parse_named_expression() {
  if (at_identifier() && at_op(":=", 1)) {
    const Token& name_token = advance();
    auto* target = make_at<ast::Name>(name_token);
    target->id = std::string(name_token.text);
    target->ctx = ast::ExprContext::Store;
    finish(target);
    advance();  // ':='
    auto* n = make_from<ast::NamedExpr>(target);
    n->target = target;
    n->value = parse_expression();
    return finish(n);
  }
  ast::Expr* e = parse_expression();
  if (speculating_ == 0) {
    if (at_op(":=")) {
      fail_node(e, std::string("cannot use assignment expressions with ") +
                       expression_name(e));
    }
    if (at_op("=")) check_assignment_in_expression(e);
  }
  return e;
}

// `if x = 1:` and friends: an '=' where only an expression may stand reads
// like a mistyped comparison (CPython's invalid_named_expression).
void Parser::check_assignment_in_expression(ast::Expr* e) {
  if (!is_bitwise_or_level(e)) return;
  const Token* after_value = nullptr;
  ast::Expr* value = nullptr;
  {
    Speculation attempt(*this);
    try {
      advance();  // '='
      value = parse_bitwise_or();
      after_value = &peek();
    } catch (const SyntaxErrorInfo&) {
      return;
    }
  }
  if (after_value->is_op("=") || after_value->is_op(":=")) return;
  if (e->kind == ast::ExprKind::Name && !is_parenthesized(e)) {
    fail_range(e, value,
               "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
  }
  if (e->kind == ast::ExprKind::List || e->kind == ast::ExprKind::Tuple ||
      e->kind == ast::ExprKind::GeneratorExp) {
    return;
  }
  if (e->kind == ast::ExprKind::Constant) {
    auto k = ast::cast<ast::Constant>(e)->value.kind;
    if (k == ast::ConstantValue::Kind::True ||
        k == ast::ConstantValue::Kind::False ||
        k == ast::ConstantValue::Kind::None) {
      return;
    }
  }
  fail_node(e, std::string("cannot assign to ") + expression_name(e) +
                   " here. Maybe you meant '==' instead of '='?");
}

ast::Expr* Parser::parse_expression() {
  DepthGuard guard(*this);
  if (at_keyword("lambda")) return parse_lambda();
  std::size_t start = pos_;
  const Token& start_token = peek();
  ast::Expr* a = parse_disjunction();
  if (at_keyword("if")) {
    advance();
    ast::Expr* test = parse_disjunction();
    if (!at_keyword("else")) {
      if (speculating_ == 0 && !at_op(":")) {
        fail_range(a, test, "expected 'else' after 'if' expression");
      }
      fail_generic();
    }
    advance();
    auto* n = make_at<ast::IfExp>(start_token);
    n->body = a;
    n->test = test;
    n->orelse = parse_expression();
    return finish(n);
  }
  if (speculating_ == 0) check_expression_followers(a, start);
  return a;
}

// Two expressions in a row are never valid. CPython recognises two cases:
// `print x` (a Python 2 statement) and, inside brackets, a missing comma
// as in `[a b]`. The second expression is parsed speculatively to find the
// error's range; if it does not parse, the generic error stands.
void Parser::check_expression_followers(ast::Expr* a, std::size_t start) {
  if (!starts_expression()) return;
  bool single_name = pos_ == start + 1 && a->kind == ast::ExprKind::Name;
  if (single_name && (is_name(a, "print") || is_name(a, "exec")) &&
      !at_op("(")) {
    ast::Expr* b = nullptr;
    {
      Speculation attempt(*this);
      try {
        b = parse_star_expressions();
      } catch (const SyntaxErrorInfo&) {
        return;
      }
    }
    const std::string& name = ast::cast<ast::Name>(a)->id;
    fail_range(a, b, "Missing parentheses in call to '" + name +
                         "'. Did you mean " + name + "(...)?");
  }
  if (single_name && peek().kind == TokenKind::String) return;
  ast::Expr* b = nullptr;
  bool inside_brackets = false;
  {
    Speculation attempt(*this);
    try {
      b = parse_expression();
      inside_brackets = previous().depth > 0;
    } catch (const SyntaxErrorInfo&) {
      return;
    }
  }
  if (inside_brackets) {
    fail_range(a, b, "invalid syntax. Perhaps you forgot a comma?");
  }
}

// ---------------------------------------------------------------------------
// Boolean operators and comparisons

ast::Expr* Parser::parse_disjunction() {
  const Token& start = peek();
  ast::Expr* first = parse_conjunction();
  if (!at_keyword("or")) return first;
  auto* n = make_at<ast::BoolOp>(start);
  n->op = ast::BoolOpKind::Or;
  n->values.push_back(first);
  while (accept_keyword("or")) n->values.push_back(parse_conjunction());
  return finish(n);
}

ast::Expr* Parser::parse_conjunction() {
  const Token& start = peek();
  ast::Expr* first = parse_inversion();
  if (!at_keyword("and")) return first;
  auto* n = make_at<ast::BoolOp>(start);
  n->op = ast::BoolOpKind::And;
  n->values.push_back(first);
  while (accept_keyword("and")) n->values.push_back(parse_inversion());
  return finish(n);
}

ast::Expr* Parser::parse_inversion() {
  if (!at_keyword("not")) return parse_comparison();
  DepthGuard guard(*this);
  auto* n = make_at<ast::UnaryOp>(advance());
  n->op = ast::UnaryOpKind::Not;
  n->operand = parse_inversion();
  return finish(n);
}

ast::Expr* Parser::parse_comparison() {
  const Token& start = peek();
  ast::Expr* left = parse_bitwise_or();
  ast::Compare* n = nullptr;
  while (true) {
    using K = ast::CmpOpKind;
    const Token& t = peek();
    K op;
    std::size_t length = 1;
    if (t.kind == TokenKind::Op) {
      if (t.text == "==") op = K::Eq;
      else if (t.text == "!=") op = K::NotEq;
      else if (t.text == "<") op = K::Lt;
      else if (t.text == "<=") op = K::LtE;
      else if (t.text == ">") op = K::Gt;
      else if (t.text == ">=") op = K::GtE;
      else break;
    } else if (t.is_name("in")) {
      op = K::In;
    } else if (t.is_name("not") && at_keyword("in", 1)) {
      op = K::NotIn;
      length = 2;
    } else if (t.is_name("is")) {
      op = K::Is;
      if (at_keyword("not", 1)) {
        op = K::IsNot;
        length = 2;
      }
    } else {
      break;
    }
    for (std::size_t i = 0; i < length; ++i) advance();
    if (!n) {
      n = make_at<ast::Compare>(start);
      n->left = left;
    }
    n->ops.push_back(op);
    n->comparators.push_back(parse_bitwise_or());
  }
  if (!n) return left;
  return finish(n);
}

// ---------------------------------------------------------------------------
// Binary operators (all left-associative except **)

// Spans from `start` (the operand's first token, which may be a '(') to the
// last token consumed.
ast::Expr* Parser::make_binop(const Token& start, ast::Expr* left,
                              ast::OperatorKind op, ast::Expr* right) {
  auto* n = make_at<ast::BinOp>(start);
  n->left = left;
  n->op = op;
  n->right = right;
  return finish(n);
}

ast::Expr* Parser::parse_bitwise_or() {
  const Token& start = peek();
  ast::Expr* e = parse_bitwise_xor();
  while (accept_op("|")) e = make_binop(start, e, ast::OperatorKind::BitOr, parse_bitwise_xor());
  return e;
}

ast::Expr* Parser::parse_bitwise_xor() {
  const Token& start = peek();
  ast::Expr* e = parse_bitwise_and();
  while (accept_op("^")) e = make_binop(start, e, ast::OperatorKind::BitXor, parse_bitwise_and());
  return e;
}

ast::Expr* Parser::parse_bitwise_and() {
  const Token& start = peek();
  ast::Expr* e = parse_shift();
  while (accept_op("&")) e = make_binop(start, e, ast::OperatorKind::BitAnd, parse_shift());
  return e;
}

ast::Expr* Parser::parse_shift() {
  const Token& start = peek();
  ast::Expr* e = parse_sum();
  while (true) {
    if (accept_op("<<")) {
      e = make_binop(start, e, ast::OperatorKind::LShift, parse_sum());
    } else if (accept_op(">>")) {
      e = make_binop(start, e, ast::OperatorKind::RShift, parse_sum());
    } else {
      return e;
    }
  }
}

ast::Expr* Parser::parse_sum() {
  const Token& start = peek();
  ast::Expr* e = parse_term();
  while (true) {
    if (accept_op("+")) {
      e = make_binop(start, e, ast::OperatorKind::Add, parse_term());
    } else if (accept_op("-")) {
      e = make_binop(start, e, ast::OperatorKind::Sub, parse_term());
    } else {
      return e;
    }
  }
}

ast::Expr* Parser::parse_term() {
  using K = ast::OperatorKind;
  const Token& start = peek();
  ast::Expr* e = parse_factor();
  while (true) {
    const Token& t = peek();
    K op;
    if (t.is_op("*")) op = K::Mult;
    else if (t.is_op("/")) op = K::Div;
    else if (t.is_op("//")) op = K::FloorDiv;
    else if (t.is_op("%")) op = K::Mod;
    else if (t.is_op("@")) op = K::MatMult;
    else return e;
    advance();
    e = make_binop(start, e, op, parse_factor());
  }
}

ast::Expr* Parser::parse_factor() {
  const Token& t = peek();
  ast::UnaryOpKind op;
  if (t.is_op("+")) op = ast::UnaryOpKind::UAdd;
  else if (t.is_op("-")) op = ast::UnaryOpKind::USub;
  else if (t.is_op("~")) op = ast::UnaryOpKind::Invert;
  else return parse_power();
  DepthGuard guard(*this);
  auto* n = make_at<ast::UnaryOp>(advance());
  n->op = op;
  n->operand = parse_factor();
  return finish(n);
}

// `**` binds tighter than a unary operator on its left (-2**2 == -(2**2))
// and looser than one on its right (2**-1), and is right-associative.
ast::Expr* Parser::parse_power() {
  const Token& start = peek();
  ast::Expr* base = parse_await_primary();
  if (!accept_op("**")) return base;
  DepthGuard guard(*this);
  return make_binop(start, base, ast::OperatorKind::Pow, parse_factor());
}

ast::Expr* Parser::parse_await_primary() {
  if (!at_keyword("await")) return parse_primary();
  auto* n = make_at<ast::Await>(advance());
  n->value = parse_primary();
  return finish(n);
}

// ---------------------------------------------------------------------------
// Primaries: attribute access, calls and subscripts

ast::Expr* Parser::parse_primary() {
  const Token& start = peek();
  ast::Expr* e = parse_atom();
  while (true) {
    if (at_op(".")) {
      advance();
      auto* n = make_at<ast::Attribute>(start);
      n->value = e;
      n->attr = expect_identifier();
      e = finish(n);
    } else if (at_op("(")) {
      advance();
      auto* n = make_at<ast::Call>(start);
      n->func = e;
      parse_call_arguments(n);
      e = finish(n);
    } else if (at_op("[")) {
      advance();
      auto* n = make_at<ast::Subscript>(start);
      n->value = e;
      n->slice = parse_slices();
      expect_op("]");
      e = finish(n);
    } else {
      return e;
    }
  }
}

ast::Expr* Parser::parse_slices() {
  const Token& start = peek();
  ast::Expr* first = at_op("*") ? parse_star_expression() : parse_slice();
  // A lone starred item still makes a tuple: x[*a] is x[(*a,)].
  if (!at_op(",") && first->kind != ast::ExprKind::Starred) return first;
  auto* tuple = make_at<ast::Tuple>(start);
  tuple->elts.push_back(first);
  while (accept_op(",")) {
    if (at_op("]")) break;
    tuple->elts.push_back(at_op("*") ? parse_star_expression() : parse_slice());
  }
  return finish(tuple);
}

ast::Expr* Parser::parse_slice() {
  const Token& first = peek();
  ast::Expr* lower = nullptr;
  if (!at_op(":")) {
    lower = parse_named_expression();
    if (!at_op(":")) return lower;
  }
  auto* n = make_at<ast::Slice>(first);
  n->lower = lower;
  advance();  // ':'
  auto at_slice_end = [&] { return at_op(":") || at_op(",") || at_op("]"); };
  if (!at_slice_end()) n->upper = parse_expression();
  if (accept_op(":") && !at_op(",") && !at_op("]")) n->step = parse_expression();
  return finish(n);
}

// ---------------------------------------------------------------------------
// Atoms

ast::Expr* Parser::parse_atom() {
  const Token& t = peek();
  switch (t.kind) {
    case TokenKind::Name: {
      using K = ast::ConstantValue::Kind;
      if (t.text == "True" || t.text == "False" || t.text == "None") {
        auto* c = make_at<ast::Constant>(advance());
        c->value.kind = t.text == "True" ? K::True
                        : t.text == "False" ? K::False
                                            : K::None;
        return finish(c);
      }
      if (is_keyword(t.text)) fail_generic();
      auto* n = make_at<ast::Name>(advance());
      n->id = std::string(t.text);
      return finish(n);
    }
    case TokenKind::Number: {
      auto* c = make_at<ast::Constant>(advance());
      c->value = decode_number(t.text);
      return finish(c);
    }
    case TokenKind::String:
      return parse_strings();
    case TokenKind::Op:
      if (t.text == "(") return parse_paren_atom();
      if (t.text == "[") return parse_list_atom();
      if (t.text == "{") return parse_brace_atom();
      if (t.text == "...") {
        auto* c = make_at<ast::Constant>(advance());
        c->value.kind = ast::ConstantValue::Kind::Ellipsis;
        return finish(c);
      }
      break;
    default:
      break;
  }
  fail_generic();
}

// `(...)`: an empty tuple, a parenthesized expression (which keeps the
// position of the inner expression), a tuple or a generator expression.
ast::Expr* Parser::parse_paren_atom() {
  DepthGuard guard(*this);
  const Token& open = advance();
  if (at_op(")")) {
    auto* t = make_at<ast::Tuple>(open);
    advance();
    parenthesized_.insert(t);
    return finish(t);
  }
  if (at_keyword("yield")) {
    ast::Expr* e = parse_yield_expression();
    expect_op(")");
    parenthesized_.insert(e);
    return e;
  }
  if (at_op("**")) {
    const Token& stars = advance();
    ast::Expr* e = parse_expression();
    fail("SyntaxError", "cannot use double starred expression here",
         stars.lineno, stars.col, e->end_lineno, e->end_col_offset);
  }
  ast::Expr* first = parse_star_named_expression();
  if (at_comprehension_start()) {
    if (first->kind == ast::ExprKind::Starred) {
      fail_node(first, "iterable unpacking cannot be used in comprehension");
    }
    auto* g = make_at<ast::GeneratorExp>(open);
    g->elt = first;
    g->generators = parse_comprehension_clauses();
    expect_op(")");
    parenthesized_.insert(g);
    return finish(g);
  }
  if (at_op(",")) {
    auto* t = make_at<ast::Tuple>(open);
    t->elts.push_back(first);
    while (accept_op(",")) {
      if (at_op(")")) break;
      t->elts.push_back(parse_star_named_expression());
    }
    expect_op(")");
    parenthesized_.insert(t);
    return finish(t);
  }
  expect_op(")");
  if (first->kind == ast::ExprKind::Starred) {
    fail_node(first, "cannot use starred expression here");
  }
  parenthesized_.insert(first);
  return first;
}

ast::Expr* Parser::parse_list_atom() {
  DepthGuard guard(*this);
  const Token& open = advance();
  if (at_op("]")) {
    auto* l = make_at<ast::List>(open);
    advance();
    return finish(l);
  }
  ast::Expr* first = parse_star_named_expression();
  if (at_comprehension_start()) {
    if (first->kind == ast::ExprKind::Starred) {
      fail_node(first, "iterable unpacking cannot be used in comprehension");
    }
    auto* c = make_at<ast::ListComp>(open);
    c->elt = first;
    c->generators = parse_comprehension_clauses();
    expect_op("]");
    return finish(c);
  }
  auto* l = make_at<ast::List>(open);
  l->elts.push_back(first);
  while (accept_op(",")) {
    if (at_op("]")) break;
    l->elts.push_back(parse_star_named_expression());
  }
  expect_op("]");
  return finish(l);
}

// `{...}`: dict, set, or their comprehensions. `{}` is a dict.
ast::Expr* Parser::parse_brace_atom() {
  DepthGuard guard(*this);
  const Token& open = advance();
  if (at_op("}")) {
    auto* d = make_at<ast::Dict>(open);
    advance();
    return finish(d);
  }
  if (at_op("**")) {
    const Token& stars = advance();
    ast::Expr* value = parse_bitwise_or();
    if (at_comprehension_start()) {
      fail("SyntaxError", "dict unpacking cannot be used in dict comprehension",
           stars.lineno, stars.col, value->end_lineno, value->end_col_offset);
    }
    auto* d = make_at<ast::Dict>(open);
    d->keys.push_back(nullptr);
    d->values.push_back(value);
    return parse_dict_rest(d);
  }
  ast::Expr* first = parse_star_named_expression();
  if (at_op(":") && first->kind != ast::ExprKind::Starred) {
    const Token& colon = advance();
    if (at_op("}") || at_op(",")) {
      fail_at(colon, "expression expected after dictionary key and ':'");
    }
    if (at_op("*")) {
      const Token& star = advance();
      ast::Expr* bad = parse_bitwise_or();
      fail("SyntaxError", "cannot use a starred expression in a dictionary value",
           star.lineno, star.col, bad->end_lineno, bad->end_col_offset);
    }
    ast::Expr* value = parse_expression();
    if (at_comprehension_start()) {
      auto* c = make_at<ast::DictComp>(open);
      c->key = first;
      c->value = value;
      c->generators = parse_comprehension_clauses();
      expect_op("}");
      return finish(c);
    }
    auto* d = make_at<ast::Dict>(open);
    d->keys.push_back(first);
    d->values.push_back(value);
    return parse_dict_rest(d);
  }
  if (at_comprehension_start()) {
    if (first->kind == ast::ExprKind::Starred) {
      fail_node(first, "iterable unpacking cannot be used in comprehension");
    }
    auto* c = make_at<ast::SetComp>(open);
    c->elt = first;
    c->generators = parse_comprehension_clauses();
    expect_op("}");
    return finish(c);
  }
  auto* s = make_at<ast::Set>(open);
  s->elts.push_back(first);
  while (accept_op(",")) {
    if (at_op("}")) break;
    s->elts.push_back(parse_star_named_expression());
  }
  expect_op("}");
  return finish(s);
}

// The entries of a dict display after the first one.
ast::Expr* Parser::parse_dict_rest(ast::Dict* d) {
  while (accept_op(",")) {
    if (at_op("}")) break;
    if (accept_op("**")) {
      d->keys.push_back(nullptr);
      d->values.push_back(parse_bitwise_or());
      continue;
    }
    ast::Expr* key = parse_expression();
    if (!at_op(":")) {
      if (speculating_ == 0 && (at_op("}") || at_op(","))) {
        fail("SyntaxError", "':' expected after dictionary key", key->lineno,
             key->end_col_offset - 1, key->end_lineno, -1);
      }
      fail_generic();
    }
    const Token& colon = advance();
    if (at_op("}") || at_op(",")) {
      fail_at(colon, "expression expected after dictionary key and ':'");
    }
    if (at_op("*")) {
      const Token& star = advance();
      ast::Expr* bad = parse_bitwise_or();
      fail("SyntaxError", "cannot use a starred expression in a dictionary value",
           star.lineno, star.col, bad->end_lineno, bad->end_col_offset);
    }
    d->keys.push_back(key);
    d->values.push_back(parse_expression());
  }
  expect_op("}");
  return finish(d);
}

bool Parser::at_comprehension_start() {
  return at_keyword("for") || (at_keyword("async") && at_keyword("for", 1));
}

std::vector<ast::Comprehension*> Parser::parse_comprehension_clauses() {
  std::vector<ast::Comprehension*> clauses;
  while (at_comprehension_start()) {
    auto* c = arena_.make<ast::Comprehension>();
    if (accept_keyword("async")) c->is_async = true;
    advance();  // 'for'
    c->target = parse_star_targets();
    expect_keyword("in");
    c->iter = parse_disjunction();
    while (accept_keyword("if")) c->ifs.push_back(parse_disjunction());
    clauses.push_back(c);
  }
  return clauses;
}

ast::Expr* Parser::parse_lambda() {
  auto* n = make_at<ast::Lambda>(advance());
  n->args = parse_parameters(true);
  expect_op(":");
  n->body = parse_expression();
  return finish(n);
}

}  // namespace gilvm
