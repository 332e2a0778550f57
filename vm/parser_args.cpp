// Parameter lists (def and lambda) and call arguments.
#include "vm/parser_internal.hpp"

namespace gilvm {

// One parameter name with its optional annotation (never for lambdas).
// `*args: *Ts` (3.11) allows a starred annotation on the var-positional.
ast::Arg* Parser::parse_parameter(bool is_lambda, bool star_annotation_ok) {
  const Token& first = peek();
  auto* arg = make_at<ast::Arg>(first);
  arg->arg = expect_identifier();
  if (!is_lambda && accept_op(":")) {
    if (star_annotation_ok && at_op("*")) {
      arg->annotation = parse_star_expression();
    } else {
      arg->annotation = parse_expression();
    }
  }
  return finish(arg);
}

// The parameters of a def (up to ')') or lambda (up to ':'), in one left-to-
// right pass that tracks which section we are in: positional (turned into
// positional-only by a '/'), keyword-only (after '*' or '*args'), and
// '**kwargs' last. Each misplaced element gets CPython's message.
ast::Arguments* Parser::parse_parameters(bool is_lambda) {
  std::string_view closing = is_lambda ? ":" : ")";
  auto* a = arena_.make<ast::Arguments>();
  bool seen_default = false;
  bool seen_slash = false;
  bool seen_star = false;
  bool seen_kwarg = false;
  while (!at_op(closing)) {
    const Token& t = peek();
    if (t.is_op("/")) {
      if (seen_slash) fail_at(t, "/ may appear only once");
      if (seen_star) fail_at(t, "/ must be ahead of *");
      advance();
      if (a->args.empty()) {
        if (at_op(",")) fail_at(t, "at least one argument must precede /");
        fail_at(t, "invalid syntax");
      }
      seen_slash = true;
      a->posonlyargs = std::move(a->args);
      a->args.clear();
    } else if (t.is_op("*")) {
      if (seen_kwarg) fail_at(t, "arguments cannot follow var-keyword argument");
      if (seen_star) fail_at(t, "* argument may appear only once");
      advance();
      seen_star = true;
      if (at_op(",") || at_op(closing)) {
        if (at_op(closing) || at_op(closing, 1) || at_op("**", 1)) {
          fail_at(t, "named arguments must follow bare *");
        }
      } else {
        a->vararg = parse_parameter(is_lambda, !is_lambda);
        if (at_op("=")) {
          fail_at(peek(), "var-positional argument cannot have default value");
        }
      }
    } else if (t.is_op("**")) {
      if (seen_kwarg) fail_at(t, "arguments cannot follow var-keyword argument");
      advance();
      a->kwarg = parse_parameter(is_lambda, false);
      seen_kwarg = true;
      if (at_op("=")) {
        fail_at(peek(), "var-keyword argument cannot have default value");
      }
    } else {
      if (!is_lambda && t.is_op("(") && speculating_ == 0) {
        // def f(a, (b, c)): Python 2 tuple parameters.
        std::size_t close = pos_;
        while (close < tokens_.size() && !tokens_[close].is_op(")")) ++close;
        if (close < tokens_.size()) {
          fail("SyntaxError", "Function parameters cannot be parenthesized",
               t.lineno, t.col, tokens_[close].end_lineno, tokens_[close].end_col);
        }
      }
      ast::Arg* param = parse_parameter(is_lambda, false);
      if (seen_kwarg) {
        fail_node(param, "arguments cannot follow var-keyword argument");
      }
      ast::Expr* default_value = nullptr;
      if (at_op("=")) {
        const Token& equals = advance();
        if (at_op(",") || at_op(closing)) {
          fail_at(equals, "expected default value expression");
        }
        default_value = parse_expression();
      }
      if (seen_star) {
        a->kwonlyargs.push_back(param);
        a->kw_defaults.push_back(default_value);
      } else {
        if (default_value) {
          a->defaults.push_back(default_value);
          seen_default = true;
        } else if (seen_default) {
          fail_node(param, "non-default argument follows default argument");
        }
        a->args.push_back(param);
      }
    }
    if (!accept_op(",")) break;
  }
  return a;
}

namespace {

const ast::Expr* last_comprehension_item(
    const std::vector<ast::Comprehension*>& generators) {
  const ast::Comprehension* last = generators.back();
  return last->ifs.empty() ? last->iter : last->ifs.back();
}

}  // namespace

// Call arguments: positional and *starred first, then keywords, with
// *starred allowed among keywords but not after a **mapping. A generator
// expression without its own parentheses must be the only argument.
void Parser::parse_call_arguments(ast::Call* call, bool allow_generator) {
  const Token& open = previous();
  bool seen_keyword = false;
  bool seen_double_star = false;
  // A positional argument after keywords is reported, like CPython does,
  // only once all the arguments have been parsed, at the closing token.
  const char* misplaced_positional = nullptr;
  while (!at_op(")")) {
    const Token& t = peek();
    if (t.is_op("*")) {
      if (seen_double_star) {
        fail_at(t, "iterable argument unpacking follows keyword argument unpacking");
      }
      auto* starred = make_at<ast::Starred>(advance());
      starred->value = parse_expression();
      call->args.push_back(finish(starred));
    } else if (t.is_op("**")) {
      auto* kw = make_at<ast::Keyword>(advance());
      kw->value = parse_expression();
      call->keywords.push_back(finish(kw));
      seen_double_star = true;
    } else if (t.kind == TokenKind::Name && at_op("=", 1)) {
      if (t.text == "True" || t.text == "False" || t.text == "None") {
        fail("SyntaxError", "cannot assign to " + std::string(t.text), t.lineno,
             t.col, peek(1).end_lineno, peek(1).end_col);
      }
      if (is_keyword(t.text)) fail_generic();
      auto* kw = make_at<ast::Keyword>(advance());
      kw->arg = std::string(t.text);
      const Token& equals = advance();
      kw->value = parse_expression();
      if (at_comprehension_start()) {
        fail("SyntaxError",
             "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
             t.lineno, t.col, equals.end_lineno, equals.end_col);
      }
      call->keywords.push_back(finish(kw));
      seen_keyword = true;
    } else {
      ast::Expr* e;
      if (at_identifier() && at_op(":=", 1)) {
        e = parse_named_expression();
      } else {
        e = parse_expression();
        if (at_op(":=")) {
          fail_node(e, std::string("cannot use assignment expressions with ") +
                           expression_name(e));
        }
      }
      if (allow_generator && at_comprehension_start()) {
        auto generators = parse_comprehension_clauses();
        bool alone = call->args.empty() && call->keywords.empty() && at_op(")");
        if (!alone) {
          fail_range(e, last_comprehension_item(generators),
                     "Generator expression must be parenthesized");
        }
        // The call's parentheses double as the generator's.
        auto* g = make_at<ast::GeneratorExp>(open);
        g->elt = e;
        g->generators = std::move(generators);
        g->end_lineno = peek().end_lineno;
        g->end_col_offset = peek().end_col;
        e = g;
      }
      if (at_op("=")) {
        fail_range(e, peek(),
                   "expression cannot contain assignment, perhaps you meant \"==\"?");
      }
      if (!misplaced_positional && (seen_double_star || seen_keyword)) {
        misplaced_positional =
            seen_double_star
                ? "positional argument follows keyword argument unpacking"
                : "positional argument follows keyword argument";
      }
      call->args.push_back(e);
    }
    if (!accept_op(",")) break;
  }
  if (misplaced_positional && at_op(")")) fail_at(peek(), misplaced_positional);
  expect_op(")");
}

void Parser::parse_class_arguments(std::vector<ast::Expr*>& bases,
                                   std::vector<ast::Keyword*>& keywords) {
  auto* scratch = arena_.make<ast::Call>();
  parse_call_arguments(scratch, false);
  bases = std::move(scratch->args);
  keywords = std::move(scratch->keywords);
}

}  // namespace gilvm
