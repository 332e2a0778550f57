// Assignment, deletion and loop targets: parsing, expr_context, and the
// "cannot assign to ..." family of errors.
#include "vm/parser_internal.hpp"

namespace gilvm {

const char* expression_name(const ast::Expr* e) {
  using K = ast::ExprKind;
  switch (e->kind) {
    case K::Attribute: return "attribute";
    case K::Subscript: return "subscript";
    case K::Starred: return "starred";
    case K::Name: return "name";
    case K::List: return "list";
    case K::Tuple: return "tuple";
    case K::Lambda: return "lambda";
    case K::Call: return "function call";
    case K::BoolOp:
    case K::BinOp:
    case K::UnaryOp: return "expression";
    case K::GeneratorExp: return "generator expression";
    case K::Yield:
    case K::YieldFrom: return "yield expression";
    case K::Await: return "await expression";
    case K::ListComp: return "list comprehension";
    case K::SetComp: return "set comprehension";
    case K::DictComp: return "dict comprehension";
    case K::Dict: return "dict literal";
    case K::Set: return "set display";
    case K::JoinedStr:
    case K::FormattedValue: return "f-string expression";
    case K::Constant:
      switch (ast::cast<ast::Constant>(e)->value.kind) {
        case ast::ConstantValue::Kind::None: return "None";
        case ast::ConstantValue::Kind::True: return "True";
        case ast::ConstantValue::Kind::False: return "False";
        case ast::ConstantValue::Kind::Ellipsis: return "ellipsis";
        default: return "literal";
      }
    case K::Compare: return "comparison";
    case K::IfExp: return "conditional expression";
    case K::NamedExpr: return "named expression";
    case K::Slice: return "slice";
  }
  return "expression";
}

namespace {

// The first sub-expression that cannot be a target, or null if `e` is a
// valid target (CPython's _PyPegen_get_invalid_target).
const ast::Expr* invalid_target(const ast::Expr* e, TargetsKind kind) {
  using K = ast::ExprKind;
  switch (e->kind) {
    case K::List:
      for (const ast::Expr* elt : ast::cast<ast::List>(e)->elts) {
        if (const ast::Expr* bad = invalid_target(elt, kind)) return bad;
      }
      return nullptr;
    case K::Tuple:
      for (const ast::Expr* elt : ast::cast<ast::Tuple>(e)->elts) {
        if (const ast::Expr* bad = invalid_target(elt, kind)) return bad;
      }
      return nullptr;
    case K::Starred:
      if (kind == TargetsKind::Del) return e;
      return invalid_target(ast::cast<ast::Starred>(e)->value, kind);
    case K::Compare:
      // In `for x in y`, a target parsed as an expression swallows the `in`.
      if (kind == TargetsKind::For) {
        auto* c = ast::cast<ast::Compare>(e);
        if (c->ops[0] == ast::CmpOpKind::In) return invalid_target(c->left, kind);
        return nullptr;
      }
      return e;
    case K::Name:
    case K::Subscript:
    case K::Attribute:
      return nullptr;
    default:
      return e;
  }
}

bool is_true_false_none(const ast::Expr* e) {
  if (e->kind != ast::ExprKind::Constant) return false;
  auto k = ast::cast<ast::Constant>(e)->value.kind;
  return k == ast::ConstantValue::Kind::True ||
         k == ast::ConstantValue::Kind::False ||
         k == ast::ConstantValue::Kind::None;
}

}  // namespace

bool Parser::is_bitwise_or_level(const ast::Expr* e) const {
  if (is_parenthesized(e)) return true;
  switch (e->kind) {
    case ast::ExprKind::BoolOp:
    case ast::ExprKind::Compare:
    case ast::ExprKind::IfExp:
    case ast::ExprKind::Lambda:
    case ast::ExprKind::NamedExpr:
    case ast::ExprKind::Starred:
    case ast::ExprKind::Yield:
    case ast::ExprKind::YieldFrom:
    case ast::ExprKind::Tuple:
      return false;
    case ast::ExprKind::UnaryOp:
      return ast::cast<ast::UnaryOp>(e)->op != ast::UnaryOpKind::Not;
    default:
      return true;
  }
}

void Parser::set_context(ast::Expr* e, ast::ExprContext ctx) {
  switch (e->kind) {
    case ast::ExprKind::Name:
      ast::cast<ast::Name>(e)->ctx = ctx;
      break;
    case ast::ExprKind::Attribute:
      ast::cast<ast::Attribute>(e)->ctx = ctx;
      break;
    case ast::ExprKind::Subscript:
      ast::cast<ast::Subscript>(e)->ctx = ctx;
      break;
    case ast::ExprKind::Starred: {
      auto* s = ast::cast<ast::Starred>(e);
      s->ctx = ctx;
      set_context(s->value, ctx);
      break;
    }
    case ast::ExprKind::List: {
      auto* l = ast::cast<ast::List>(e);
      l->ctx = ctx;
      for (ast::Expr* elt : l->elts) set_context(elt, ctx);
      break;
    }
    case ast::ExprKind::Tuple: {
      auto* t = ast::cast<ast::Tuple>(e);
      t->ctx = ctx;
      for (ast::Expr* elt : t->elts) set_context(elt, ctx);
      break;
    }
    default:
      break;
  }
}

void Parser::check_targets(ast::Expr* e, TargetsKind kind) {
  if (const ast::Expr* bad = invalid_target(e, kind)) {
    fail_node(bad, std::string(kind == TargetsKind::Del ? "cannot delete "
                                                        : "cannot assign to ") +
                       expression_name(bad));
  }
}

// A single target of `for`, a comprehension or `with ... as`: a starred
// target or anything up to bitwise-or level (which stops before `in`).
ast::Expr* Parser::parse_star_target() {
  if (!at_op("*")) return parse_bitwise_or();
  DepthGuard guard(*this);
  auto* n = make_at<ast::Starred>(advance());
  n->value = parse_star_target();
  return finish(n);
}

// The target list of `for` and comprehensions, already checked and in
// Store context.
ast::Expr* Parser::parse_star_targets() {
  const Token& start = peek();
  ast::Expr* target = parse_star_target();
  if (at_op(",")) {
    auto* tuple = make_at<ast::Tuple>(start);
    tuple->elts.push_back(target);
    while (accept_op(",")) {
      if (!at_op("*") && !starts_expression()) break;
      tuple->elts.push_back(parse_star_target());
    }
    target = finish(tuple);
  }
  check_targets(target, TargetsKind::For);
  set_context(target, ast::ExprContext::Store);
  return target;
}

// `first = ... = value`. Every item but the last is a target. A bad first
// target that reads like a comparison (`f() = 1` where `f() == 1` was
// meant) gets CPython's "... here. Maybe you meant '==' ..." message.
ast::Stmt* Parser::finish_assignment(const Token& first_token,
                                     ast::Expr* first) {
  std::vector<ast::Expr*> items{first};
  while (accept_op("=")) items.push_back(parse_yield_or_star_expressions());
  ast::Expr* value = items.back();
  items.pop_back();

  for (std::size_t i = 0; i < items.size(); ++i) {
    ast::Expr* target = items[i];
    bool bare_yield = (target->kind == ast::ExprKind::Yield ||
                       target->kind == ast::ExprKind::YieldFrom) &&
                      !is_parenthesized(target);
    if (bare_yield) {
      fail_node(target, "assignment to yield expression not possible");
    }
    const ast::Expr* bad = invalid_target(target, TargetsKind::Star);
    if (!bad) continue;
    if (items.size() == 1) {
      bool bare_tuple =
          target->kind == ast::ExprKind::Tuple && !is_parenthesized(target);
      ast::Expr* candidate =
          bare_tuple ? ast::cast<ast::Tuple>(target)->elts.back() : target;
      bool value_is_tuple =
          value->kind == ast::ExprKind::Tuple && !is_parenthesized(value);
      ast::Expr* value_head =
          value_is_tuple ? ast::cast<ast::Tuple>(value)->elts.front() : value;
      bool candidate_excluded = candidate->kind == ast::ExprKind::List ||
                                candidate->kind == ast::ExprKind::Tuple ||
                                candidate->kind == ast::ExprKind::GeneratorExp ||
                                is_true_false_none(candidate);
      if (invalid_target(candidate, TargetsKind::Star) && !candidate_excluded &&
          is_bitwise_or_level(candidate) && is_bitwise_or_level(value_head)) {
        fail_node(candidate, std::string("cannot assign to ") +
                                 expression_name(candidate) +
                                 " here. Maybe you meant '==' instead of '='?");
      }
    }
    fail_node(bad, std::string("cannot assign to ") + expression_name(bad));
  }

  auto* n = make_at<ast::Assign>(first_token);
  for (ast::Expr* target : items) set_context(target, ast::ExprContext::Store);
  n->targets = std::move(items);
  n->value = value;
  return finish(n);
}

}  // namespace gilvm
