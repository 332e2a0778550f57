#include "vm/ast_walk.hpp"

namespace gilvm::ast {

namespace {

void visit(const Expr* e, const ExprCallback& f) {
  if (e) f(e);
}

void visit_all(const std::vector<Expr*>& list, const ExprCallback& f) {
  for (const Expr* e : list) visit(e, f);
}

}  // namespace

void for_each_expression_in_pattern(const Pattern* p, const ExprCallback& f) {
  if (!p) return;
  auto all = [&](const std::vector<Pattern*>& ps) {
    for (const Pattern* q : ps) for_each_expression_in_pattern(q, f);
  };
  switch (p->kind) {
    case PatternKind::MatchValue: visit(cast<MatchValue>(p)->value, f); break;
    case PatternKind::MatchSingleton:
    case PatternKind::MatchStar: break;
    case PatternKind::MatchSequence: all(cast<MatchSequence>(p)->patterns); break;
    case PatternKind::MatchMapping:
      visit_all(cast<MatchMapping>(p)->keys, f);
      all(cast<MatchMapping>(p)->patterns);
      break;
    case PatternKind::MatchClass:
      visit(cast<MatchClass>(p)->cls, f);
      all(cast<MatchClass>(p)->patterns);
      all(cast<MatchClass>(p)->kwd_patterns);
      break;
    case PatternKind::MatchAs: for_each_expression_in_pattern(cast<MatchAs>(p)->pattern, f); break;
    case PatternKind::MatchOr: all(cast<MatchOr>(p)->patterns); break;
  }
}

namespace {

void visit_arguments(const Arguments* a, const ExprCallback& f) {
  if (!a) return;
  auto annotations = [&](const std::vector<Arg*>& args) {
    for (const Arg* arg : args) visit(arg->annotation, f);
  };
  annotations(a->posonlyargs);
  annotations(a->args);
  if (a->vararg) visit(a->vararg->annotation, f);
  annotations(a->kwonlyargs);
  visit_all(a->kw_defaults, f);
  if (a->kwarg) visit(a->kwarg->annotation, f);
  visit_all(a->defaults, f);
}

void visit_generators(const std::vector<Comprehension*>& gens,
                      const ExprCallback& f) {
  for (const Comprehension* c : gens) {
    visit(c->target, f);
    visit(c->iter, f);
    visit_all(c->ifs, f);
  }
}

void visit_keywords(const std::vector<Keyword*>& keywords,
                    const ExprCallback& f) {
  for (const Keyword* k : keywords) visit(k->value, f);
}

}  // namespace

void for_each_child(const Expr* e, const ExprCallback& f) {
  switch (e->kind) {
    case ExprKind::BoolOp: visit_all(cast<BoolOp>(e)->values, f); break;
    case ExprKind::NamedExpr:
      visit(cast<NamedExpr>(e)->target, f);
      visit(cast<NamedExpr>(e)->value, f);
      break;
    case ExprKind::BinOp:
      visit(cast<BinOp>(e)->left, f);
      visit(cast<BinOp>(e)->right, f);
      break;
    case ExprKind::UnaryOp: visit(cast<UnaryOp>(e)->operand, f); break;
    case ExprKind::Lambda:
      visit_arguments(cast<Lambda>(e)->args, f);
      visit(cast<Lambda>(e)->body, f);
      break;
    case ExprKind::IfExp:
      visit(cast<IfExp>(e)->test, f);
      visit(cast<IfExp>(e)->body, f);
      visit(cast<IfExp>(e)->orelse, f);
      break;
    case ExprKind::Dict:
      visit_all(cast<Dict>(e)->keys, f);
      visit_all(cast<Dict>(e)->values, f);
      break;
    case ExprKind::Set: visit_all(cast<Set>(e)->elts, f); break;
    case ExprKind::ListComp:
      visit(cast<ListComp>(e)->elt, f);
      visit_generators(cast<ListComp>(e)->generators, f);
      break;
    case ExprKind::SetComp:
      visit(cast<SetComp>(e)->elt, f);
      visit_generators(cast<SetComp>(e)->generators, f);
      break;
    case ExprKind::DictComp:
      visit(cast<DictComp>(e)->key, f);
      visit(cast<DictComp>(e)->value, f);
      visit_generators(cast<DictComp>(e)->generators, f);
      break;
    case ExprKind::GeneratorExp:
      visit(cast<GeneratorExp>(e)->elt, f);
      visit_generators(cast<GeneratorExp>(e)->generators, f);
      break;
    case ExprKind::Await: visit(cast<Await>(e)->value, f); break;
    case ExprKind::Yield: visit(cast<Yield>(e)->value, f); break;
    case ExprKind::YieldFrom: visit(cast<YieldFrom>(e)->value, f); break;
    case ExprKind::Compare:
      visit(cast<Compare>(e)->left, f);
      visit_all(cast<Compare>(e)->comparators, f);
      break;
    case ExprKind::Call:
      visit(cast<Call>(e)->func, f);
      visit_all(cast<Call>(e)->args, f);
      visit_keywords(cast<Call>(e)->keywords, f);
      break;
    case ExprKind::FormattedValue:
      visit(cast<FormattedValue>(e)->value, f);
      visit(cast<FormattedValue>(e)->format_spec, f);
      break;
    case ExprKind::JoinedStr: visit_all(cast<JoinedStr>(e)->values, f); break;
    case ExprKind::Constant: break;
    case ExprKind::Attribute: visit(cast<Attribute>(e)->value, f); break;
    case ExprKind::Subscript:
      visit(cast<Subscript>(e)->value, f);
      visit(cast<Subscript>(e)->slice, f);
      break;
    case ExprKind::Starred: visit(cast<Starred>(e)->value, f); break;
    case ExprKind::Name: break;
    case ExprKind::List: visit_all(cast<List>(e)->elts, f); break;
    case ExprKind::Tuple: visit_all(cast<Tuple>(e)->elts, f); break;
    case ExprKind::Slice:
      visit(cast<Slice>(e)->lower, f);
      visit(cast<Slice>(e)->upper, f);
      visit(cast<Slice>(e)->step, f);
      break;
  }
}

void for_each_child(const Stmt* s, const ExprCallback& on_expr,
                    const StmtCallback& on_stmt) {
  auto stmts = [&](const std::vector<Stmt*>& body) {
    for (const Stmt* child : body) on_stmt(child);
  };
  const ExprCallback& f = on_expr;
  switch (s->kind) {
    case StmtKind::FunctionDef:
    case StmtKind::AsyncFunctionDef: {
      auto* n = cast<FunctionDef>(s);
      visit_all(n->decorator_list, f);
      visit_arguments(n->args, f);
      visit(n->returns, f);
      stmts(n->body);
      break;
    }
    case StmtKind::ClassDef: {
      auto* n = cast<ClassDef>(s);
      visit_all(n->decorator_list, f);
      visit_all(n->bases, f);
      visit_keywords(n->keywords, f);
      stmts(n->body);
      break;
    }
    case StmtKind::Return: visit(cast<Return>(s)->value, f); break;
    case StmtKind::Delete: visit_all(cast<Delete>(s)->targets, f); break;
    case StmtKind::Assign:
      visit_all(cast<Assign>(s)->targets, f);
      visit(cast<Assign>(s)->value, f);
      break;
    case StmtKind::AugAssign:
      visit(cast<AugAssign>(s)->target, f);
      visit(cast<AugAssign>(s)->value, f);
      break;
    case StmtKind::AnnAssign:
      visit(cast<AnnAssign>(s)->target, f);
      visit(cast<AnnAssign>(s)->annotation, f);
      visit(cast<AnnAssign>(s)->value, f);
      break;
    case StmtKind::For:
    case StmtKind::AsyncFor: {
      auto* n = cast<For>(s);
      visit(n->target, f);
      visit(n->iter, f);
      stmts(n->body);
      stmts(n->orelse);
      break;
    }
    case StmtKind::While:
      visit(cast<While>(s)->test, f);
      stmts(cast<While>(s)->body);
      stmts(cast<While>(s)->orelse);
      break;
    case StmtKind::If:
      visit(cast<If>(s)->test, f);
      stmts(cast<If>(s)->body);
      stmts(cast<If>(s)->orelse);
      break;
    case StmtKind::With:
    case StmtKind::AsyncWith: {
      auto* n = cast<With>(s);
      for (const WithItem* item : n->items) {
        visit(item->context_expr, f);
        visit(item->optional_vars, f);
      }
      stmts(n->body);
      break;
    }
    case StmtKind::Raise:
      visit(cast<Raise>(s)->exc, f);
      visit(cast<Raise>(s)->cause, f);
      break;
    case StmtKind::Match: {
      auto* n = cast<Match>(s);
      visit(n->subject, f);
      for (const MatchCase* c : n->cases) {
        for_each_expression_in_pattern(c->pattern, f);
        visit(c->guard, f);
        stmts(c->body);
      }
      break;
    }
    case StmtKind::Try: {
      auto* n = cast<Try>(s);
      stmts(n->body);
      for (const ExceptHandler* h : n->handlers) {
        visit(h->type, f);
        stmts(h->body);
      }
      stmts(n->orelse);
      stmts(n->finalbody);
      break;
    }
    case StmtKind::Assert:
      visit(cast<Assert>(s)->test, f);
      visit(cast<Assert>(s)->msg, f);
      break;
    case StmtKind::Expr: visit(cast<ExprStmt>(s)->value, f); break;
    case StmtKind::Import:
    case StmtKind::ImportFrom:
    case StmtKind::Global:
    case StmtKind::Nonlocal:
    case StmtKind::Pass:
    case StmtKind::Break:
    case StmtKind::Continue:
      break;
  }
}

}  // namespace gilvm::ast
