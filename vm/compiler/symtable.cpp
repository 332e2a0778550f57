#include "vm/compiler/symtable.hpp"

#include <algorithm>
#include <set>

namespace gilvm::compiler {

using namespace gilvm::ast;

NameStorage Scope::lookup(const std::string& name) const {
  auto it = storage.find(name);
  if (it != storage.end()) return it->second;
  if (kind == ScopeKind::Module || kind == ScopeKind::Class) return NameStorage::NameDict;
  return NameStorage::GlobalImplicit;
}

class ScopeBuilder {
 public:
  ScopeBuilder(SymbolTable& table, const std::string& filename) : table_(table), filename_(filename) {}

  void build(const Mod* mod) {
    table_.root_ = std::make_unique<Scope>();
    Scope* root = table_.root_.get();
    root->kind = ScopeKind::Module;
    root->name = "<module>";
    root->node = mod;
    table_.by_node_[mod] = root;
    current_ = root;
    if (auto* m = dyn_cast<const Module>(mod)) visit_body(m->body);
    if (auto* m = dyn_cast<const Interactive>(mod)) visit_body(m->body);
    if (auto* e = dyn_cast<const Expression>(mod)) visit(e->body);
    resolve(root, {});
  }

 private:
  [[noreturn]] void error(const std::string& msg, const Located* at) {
    SyntaxErrorInfo e("SyntaxError", msg);
    e.filename = filename_;
    e.lineno = at ? at->lineno : 1;
    e.offset = at ? at->col_offset + 1 : 1;
    e.end_lineno = at ? at->end_lineno : e.lineno;
    e.end_offset = at ? at->end_col_offset + 1 : e.offset;
    throw e;
  }

  Scope* open(ScopeKind kind, const std::string& name, const void* node) {
    auto scope = std::make_unique<Scope>();
    scope->kind = kind;
    scope->name = name;
    scope->parent = current_;
    scope->node = node;
    Scope* raw = scope.get();
    current_->children.push_back(std::move(scope));
    table_.by_node_[node] = raw;
    current_ = raw;
    return raw;
  }
  void close() { current_ = current_->parent; }

  static void note_seen(Scope* scope, const std::string& name) {
    if (scope->flags.find(name) == scope->flags.end()) scope->first_seen.push_back(name);
  }
  void bind(const std::string& name, const Located* at) {
    (void)at;
    note_seen(current_, name);
    current_->flags[name] |= kBound;
  }
  void use(const std::string& name) {
    note_seen(current_, name);
    current_->flags[name] |= kUsed;
    if (name == "super" && current_->kind == ScopeKind::Function) uses_super_ = true;
    if (name == "__class__") uses_super_ = true;
  }

  void visit_body(const std::vector<Stmt*>& body) {
    for (const Stmt* s : body) visit(s);
  }

  void visit_arguments_defaults(const Arguments* a) {
    for (const Expr* d : a->defaults) visit(d);
    for (const Expr* d : a->kw_defaults)
      if (d) visit(d);
    auto annotate = [&](const Arg* arg) {
      if (arg && arg->annotation) visit(arg->annotation);
    };
    for (const Arg* x : a->posonlyargs) annotate(x);
    for (const Arg* x : a->args) annotate(x);
    annotate(a->vararg);
    for (const Arg* x : a->kwonlyargs) annotate(x);
    annotate(a->kwarg);
  }

  void add_params(const Arguments* a) {
    auto param = [&](const Arg* arg) {
      if (current_->flags[arg->arg] & kParam) error("duplicate argument '" + arg->arg + "' in function definition", arg);
      current_->flags[arg->arg] |= kParam | kBound;
      current_->params.push_back(arg->arg);
    };
    for (const Arg* x : a->posonlyargs) param(x);
    for (const Arg* x : a->args) param(x);
    for (const Arg* x : a->kwonlyargs) param(x);
    if (a->vararg) param(a->vararg);
    if (a->kwarg) param(a->kwarg);
  }

  void visit_function(const void* node, const std::string& name, const Arguments* args,
                      const std::vector<Stmt*>* body, const Expr* lambda_body, bool is_async) {
    bool saved_super = uses_super_;
    uses_super_ = false;
    Scope* s = open(ScopeKind::Function, name, node);
    s->is_coroutine = is_async;
    add_params(args);
    if (body) visit_body(*body);
    if (lambda_body) visit(lambda_body);
    close();
    if (uses_super_) {
      s->needs_class_cell = true;
      s->flags["__class__"] |= kUsed;
    }
    uses_super_ = saved_super || uses_super_;
  }

  void visit_comprehension(const Expr* node, const std::vector<Comprehension*>& generators,
                           const Expr* elt, const Expr* value, bool is_generator) {
    // The first iterable is evaluated in the enclosing scope.
    visit(generators[0]->iter);
    Scope* s = open(ScopeKind::Comprehension, is_generator ? "<genexpr>" : "<listcomp>", node);
    s->is_generator = is_generator;
    s->flags[".0"] |= kParam | kBound;
    s->params.push_back(".0");
    for (size_t i = 0; i < generators.size(); ++i) {
      const Comprehension* g = generators[i];
      if (i > 0) visit(g->iter);
      visit_target(g->target);
      for (const Expr* cond : g->ifs) visit(cond);
      if (g->is_async) s->is_coroutine = true;
    }
    if (elt) visit(elt);
    if (value) visit(value);
    close();
    // An enclosing comprehension awaits this one's coroutine, so it is
    // asynchronous too (a generator expression is only iterated).
    if (s->is_coroutine && !is_generator && current_->kind == ScopeKind::Comprehension) current_->is_coroutine = true;
  }

  void visit_target(const Expr* e) { visit(e); }

  // A pattern binds its capture names; its values and class names are read.
  void visit_pattern(const Pattern* p) {
    switch (p->kind) {
      case PatternKind::MatchValue: visit(cast<const MatchValue>(p)->value); break;
      case PatternKind::MatchSingleton: break;
      case PatternKind::MatchSequence:
        for (const Pattern* q : cast<const MatchSequence>(p)->patterns) visit_pattern(q);
        break;
      case PatternKind::MatchMapping: {
        auto* m = cast<const MatchMapping>(p);
        for (const Expr* k : m->keys) visit(k);
        for (const Pattern* q : m->patterns) visit_pattern(q);
        if (m->rest) bind(*m->rest, p);
        break;
      }
      case PatternKind::MatchClass: {
        auto* c = cast<const MatchClass>(p);
        visit(c->cls);
        for (const Pattern* q : c->patterns) visit_pattern(q);
        for (const Pattern* q : c->kwd_patterns) visit_pattern(q);
        break;
      }
      case PatternKind::MatchStar:
        if (cast<const MatchStar>(p)->name) bind(*cast<const MatchStar>(p)->name, p);
        break;
      case PatternKind::MatchAs: {
        auto* a = cast<const MatchAs>(p);
        if (a->pattern) visit_pattern(a->pattern);
        if (a->name) bind(*a->name, p);
        break;
      }
      case PatternKind::MatchOr:
        for (const Pattern* q : cast<const MatchOr>(p)->patterns) visit_pattern(q);
        break;
    }
  }

  void visit(const Stmt* s) {
    switch (s->kind) {
      case StmtKind::FunctionDef:
      case StmtKind::AsyncFunctionDef: {
        auto* f = cast<const FunctionDef>(s);
        for (const Expr* d : f->decorator_list) visit(d);
        visit_arguments_defaults(f->args);
        if (f->returns) visit(f->returns);
        bind(f->bound_name.empty() ? f->name : f->bound_name, s);
        visit_function(f, f->name, f->args, &f->body, nullptr, f->is_async());
        break;
      }
      case StmtKind::ClassDef: {
        auto* c = cast<const ClassDef>(s);
        for (const Expr* d : c->decorator_list) visit(d);
        for (const Expr* b : c->bases) visit(b);
        for (const Keyword* k : c->keywords) visit(k->value);
        bind(c->bound_name.empty() ? c->name : c->bound_name, s);
        bool saved_super = uses_super_;
        uses_super_ = false;
        Scope* cls = open(ScopeKind::Class, c->name, c);
        visit_body(c->body);
        close();
        // A method that uses super() or __class__ needs the class cell.
        for (auto& child : cls->children)
          if (child->needs_class_cell) cls->needs_class_cell = true;
        uses_super_ = saved_super;
        break;
      }
      case StmtKind::Return: {
        auto* r = cast<const Return>(s);
        if (current_->kind != ScopeKind::Function) error("'return' outside function", s);
        if (r->value) visit(r->value);
        break;
      }
      case StmtKind::Delete:
        for (const Expr* t : cast<const Delete>(s)->targets) visit(t);
        break;
      case StmtKind::Assign: {
        auto* a = cast<const Assign>(s);
        visit(a->value);
        for (const Expr* t : a->targets) visit(t);
        break;
      }
      case StmtKind::AugAssign: {
        auto* a = cast<const AugAssign>(s);
        visit(a->value);
        if (auto* n = dyn_cast<const Name>(a->target)) {
          use(n->id);
          bind(n->id, n);
        } else {
          visit(a->target);
        }
        break;
      }
      case StmtKind::AnnAssign: {
        auto* a = cast<const AnnAssign>(s);
        if (a->value) visit(a->value);
        if (auto* n = dyn_cast<const Name>(a->target)) {
          auto known = current_->flags.find(n->id);
          unsigned f = known == current_->flags.end() ? 0 : known->second;
          if (f & (kDeclaredGlobal | kDeclaredNonlocal)) {
            if (a->simple)
              error("annotated name '" + n->id + "' can't be " +
                        ((f & kDeclaredGlobal) ? "global" : "nonlocal"),
                    s);
          }
          bind(n->id, n);
        } else {
          visit(a->target);
        }
        if (current_->kind != ScopeKind::Function) visit(a->annotation);
        break;
      }
      case StmtKind::For:
      case StmtKind::AsyncFor: {
        auto* f = cast<const For>(s);
        visit(f->iter);
        visit(f->target);
        visit_body(f->body);
        visit_body(f->orelse);
        break;
      }
      case StmtKind::Match: {
        auto* m = cast<const Match>(s);
        visit(m->subject);
        for (const MatchCase* c : m->cases) {
          visit_pattern(c->pattern);
          if (c->guard) visit(c->guard);
          visit_body(c->body);
        }
        break;
      }
      case StmtKind::While: {
        auto* w = cast<const While>(s);
        visit(w->test);
        visit_body(w->body);
        visit_body(w->orelse);
        break;
      }
      case StmtKind::If: {
        auto* i = cast<const If>(s);
        visit(i->test);
        visit_body(i->body);
        visit_body(i->orelse);
        break;
      }
      case StmtKind::With:
      case StmtKind::AsyncWith: {
        auto* w = cast<const With>(s);
        for (const WithItem* item : w->items) {
          visit(item->context_expr);
          if (item->optional_vars) visit(item->optional_vars);
        }
        visit_body(w->body);
        break;
      }
      case StmtKind::Raise: {
        auto* r = cast<const Raise>(s);
        if (r->exc) visit(r->exc);
        if (r->cause) visit(r->cause);
        break;
      }
      case StmtKind::Try: {
        auto* t = cast<const Try>(s);
        visit_body(t->body);
        for (const ExceptHandler* h : t->handlers) {
          if (h->type) visit(h->type);
          if (h->name) bind(*h->name, h);
          visit_body(h->body);
        }
        visit_body(t->orelse);
        visit_body(t->finalbody);
        break;
      }
      case StmtKind::Assert: {
        auto* a = cast<const Assert>(s);
        visit(a->test);
        if (a->msg) visit(a->msg);
        break;
      }
      case StmtKind::Import:
        for (const Alias* a : cast<const Import>(s)->names) {
          std::string bound = a->asname ? *a->asname : a->name.substr(0, a->name.find('.'));
          bind(bound, a);
        }
        break;
      case StmtKind::ImportFrom:
        for (const Alias* a : cast<const ImportFrom>(s)->names) {
          if (a->name == "*") {
            if (current_->kind != ScopeKind::Module)
              error("import * only allowed at module level", s);
            current_->has_star_import = true;
            continue;
          }
          bind(a->asname ? *a->asname : a->name, a);
        }
        break;
      case StmtKind::Global:
      case StmtKind::Nonlocal: {
        bool global = s->kind == StmtKind::Global;
        const auto& ns = global ? cast<const Global>(s)->names : cast<const Nonlocal>(s)->names;
        for (const std::string& n : ns) {
          unsigned& f = current_->flags[n];
          const char* what = global ? "global" : "nonlocal";
          if (f & kParam) error("name '" + n + "' is parameter and " + what, s);
          if (!global && current_->kind == ScopeKind::Module)
            error("nonlocal declaration not allowed at module level", s);
          if (f & kUsed) error("name '" + n + "' is used prior to " + what + " declaration", s);
          if (f & kBound) error("name '" + n + "' is assigned to before " + what + " declaration", s);
          if (global && (f & kDeclaredNonlocal)) error("name '" + n + "' is nonlocal and global", s);
          if (!global && (f & kDeclaredGlobal)) error("name '" + n + "' is nonlocal and global", s);
          f |= global ? kDeclaredGlobal : kDeclaredNonlocal;
          declaration_sites_[current_][n] = s;
        }
        break;
      }
      case StmtKind::Expr:
        visit(cast<const ExprStmt>(s)->value);
        break;
      case StmtKind::Pass:
      case StmtKind::Break:
      case StmtKind::Continue:
        break;
    }
  }

  void visit(const Expr* e) {
    switch (e->kind) {
      case ExprKind::BoolOp:
        for (const Expr* v : cast<const BoolOp>(e)->values) visit(v);
        break;
      case ExprKind::NamedExpr: {
        auto* n = cast<const NamedExpr>(e);
        visit(n->value);
        const std::string& id = cast<const Name>(n->target)->id;
        if (current_->kind == ScopeKind::Comprehension) {
          // Bind in the nearest function/module; the comprehension sees it as free.
          Scope* target = current_;
          while (target->kind == ScopeKind::Comprehension) {
            if (target->flags[id] & kParam || (target->flags[id] & kBound && !(target->flags[id] & kWalrusBinding)))
              error("assignment expression cannot rebind comprehension iteration variable '" + id + "'", e);
            target = target->parent;
          }
          if (target->kind == ScopeKind::Class)
            error("assignment expression within a comprehension cannot be used in a class body", e);
          note_seen(target, id);
          target->flags[id] |= kBound;
          for (Scope* c = current_; c != target; c = c->parent) {
            c->flags[id] |= kUsed | kWalrusBinding;
            // A function's `global` declaration of the name carries over.
            if (target->kind == ScopeKind::Module || (target->flags[id] & kDeclaredGlobal)) c->flags[id] |= kDeclaredGlobal;
            else c->flags[id] |= kDeclaredNonlocal;
          }
        } else {
          bind(id, n->target);
        }
        break;
      }
      case ExprKind::BinOp:
        visit(cast<const BinOp>(e)->left);
        visit(cast<const BinOp>(e)->right);
        break;
      case ExprKind::UnaryOp:
        visit(cast<const UnaryOp>(e)->operand);
        break;
      case ExprKind::Lambda: {
        auto* l = cast<const Lambda>(e);
        visit_arguments_defaults(l->args);
        visit_function(l, "<lambda>", l->args, nullptr, l->body, false);
        break;
      }
      case ExprKind::IfExp: {
        auto* i = cast<const IfExp>(e);
        visit(i->test);
        visit(i->body);
        visit(i->orelse);
        break;
      }
      case ExprKind::Dict: {
        auto* d = cast<const ast::Dict>(e);
        for (const Expr* k : d->keys)
          if (k) visit(k);
        for (const Expr* v : d->values) visit(v);
        break;
      }
      case ExprKind::Set:
        for (const Expr* x : cast<const ast::Set>(e)->elts) visit(x);
        break;
      case ExprKind::ListComp: {
        auto* c = cast<const ListComp>(e);
        visit_comprehension(e, c->generators, c->elt, nullptr, false);
        break;
      }
      case ExprKind::SetComp: {
        auto* c = cast<const SetComp>(e);
        visit_comprehension(e, c->generators, c->elt, nullptr, false);
        break;
      }
      case ExprKind::DictComp: {
        auto* c = cast<const DictComp>(e);
        visit_comprehension(e, c->generators, c->key, c->value, false);
        break;
      }
      case ExprKind::GeneratorExp: {
        auto* c = cast<const GeneratorExp>(e);
        visit_comprehension(e, c->generators, c->elt, nullptr, true);
        break;
      }
      case ExprKind::Await:
        // `await` in a comprehension makes it an asynchronous comprehension.
        if (current_->kind == ScopeKind::Comprehension) current_->is_coroutine = true;
        visit(cast<const Await>(e)->value);
        break;
      case ExprKind::Yield:
      case ExprKind::YieldFrom: {
        const Expr* v = e->kind == ExprKind::Yield ? cast<const Yield>(e)->value : cast<const YieldFrom>(e)->value;
        if (current_->kind == ScopeKind::Module || current_->kind == ScopeKind::Class)
          error("'yield' outside function", e);
        if (current_->kind == ScopeKind::Comprehension)
          error("'yield' inside list comprehension", e);
        current_->is_generator = true;
        if (v) visit(v);
        break;
      }
      case ExprKind::Compare: {
        auto* c = cast<const Compare>(e);
        visit(c->left);
        for (const Expr* x : c->comparators) visit(x);
        break;
      }
      case ExprKind::Call: {
        auto* c = cast<const Call>(e);
        visit(c->func);
        for (const Expr* a : c->args) visit(a);
        for (const Keyword* k : c->keywords) visit(k->value);
        break;
      }
      case ExprKind::FormattedValue: {
        auto* f = cast<const FormattedValue>(e);
        visit(f->value);
        if (f->format_spec) visit(f->format_spec);
        break;
      }
      case ExprKind::JoinedStr:
        for (const Expr* v : cast<const JoinedStr>(e)->values) visit(v);
        break;
      case ExprKind::Constant:
        break;
      case ExprKind::Attribute:
        visit(cast<const Attribute>(e)->value);
        break;
      case ExprKind::Subscript:
        visit(cast<const Subscript>(e)->value);
        visit(cast<const Subscript>(e)->slice);
        break;
      case ExprKind::Starred:
        visit(cast<const Starred>(e)->value);
        break;
      case ExprKind::Name: {
        auto* n = cast<const Name>(e);
        if (n->ctx == ExprContext::Load) use(n->id);
        else bind(n->id, n);
        break;
      }
      case ExprKind::List:
        for (const Expr* x : cast<const ast::List>(e)->elts) visit(x);
        break;
      case ExprKind::Tuple:
        for (const Expr* x : cast<const ast::Tuple>(e)->elts) visit(x);
        break;
      case ExprKind::Slice: {
        auto* s = cast<const ast::Slice>(e);
        if (s->lower) visit(s->lower);
        if (s->upper) visit(s->upper);
        if (s->step) visit(s->step);
        break;
      }
    }
  }

  // Decides the storage of every name, children first so that a child's
  // free variables are known when the parent decides its cells. `bound_above`
  // holds the names bound by enclosing function scopes.
  void resolve(Scope* s, const std::set<std::string>& bound_above) {
    std::set<std::string> visible = bound_above;
    if (s->kind == ScopeKind::Function || s->kind == ScopeKind::Comprehension) {
      for (auto& [name, f] : s->flags)
        if ((f & kBound) && !(f & (kDeclaredGlobal | kDeclaredNonlocal))) visible.insert(name);
    }
    if (s->kind == ScopeKind::Class) visible.insert("__class__");
    for (auto& [name, f] : s->flags) {
      if ((f & kDeclaredNonlocal) && !bound_above.count(name)) {
        const Stmt* site = declaration_sites_[s].count(name) ? declaration_sites_[s][name] : nullptr;
        error("no binding for nonlocal '" + name + "' found", site);
      }
    }
    std::set<std::string> child_free;
    for (auto& child : s->children) {
      resolve(child.get(), s->kind == ScopeKind::Class ? class_visible(bound_above) : visible);
      for (const std::string& f : child->freevars) child_free.insert(f);
    }
    bool function_like = s->kind == ScopeKind::Function || s->kind == ScopeKind::Comprehension;
    std::set<std::string> cells, frees;
    for (auto& [name, f] : s->flags) {
      NameStorage st;
      if (f & kDeclaredGlobal) {
        st = NameStorage::GlobalExplicit;
      } else if (f & kDeclaredNonlocal) {
        st = NameStorage::Free;
        frees.insert(name);
      } else if (function_like && (f & kBound)) {
        st = child_free.count(name) ? NameStorage::Cell : NameStorage::Local;
        if (st == NameStorage::Cell) cells.insert(name);
      } else if (function_like) {
        if (bound_above.count(name)) {
          st = NameStorage::Free;
          frees.insert(name);
        } else {
          st = NameStorage::GlobalImplicit;
        }
      } else if (s->kind == ScopeKind::Class && !(f & kBound) && bound_above.count(name)) {
        // A class body reading (never assigning) a variable of an enclosing
        // function: its dict first, then the function's cell
        // (LOAD_CLASSDEREF). One it assigns stays a dict name throughout.
        st = NameStorage::Free;
        frees.insert(name);
      } else {
        st = NameStorage::NameDict;
      }
      s->storage[name] = st;
    }
    // Free variables of children that this scope neither binds nor declares
    // pass through it (it must capture them to hand them down).
    for (const std::string& name : child_free) {
      if (s->storage.count(name) && s->storage[name] != NameStorage::NameDict &&
          s->storage[name] != NameStorage::GlobalImplicit)
        continue;
      if (s->kind == ScopeKind::Class && name == "__class__") continue;
      if (bound_above.count(name)) {
        if (s->kind == ScopeKind::Class) {
          frees.insert(name);  // class bodies pass free variables through
        } else {
          s->storage[name] = NameStorage::Free;
          frees.insert(name);
        }
      }
    }
    if (s->kind == ScopeKind::Class && s->needs_class_cell) {
      cells.insert("__class__");
      s->storage["__class__"] = NameStorage::Cell;
    }
    s->cellvars.assign(cells.begin(), cells.end());
    s->freevars.assign(frees.begin(), frees.end());
  }

  std::set<std::string> class_visible(const std::set<std::string>& above) {
    std::set<std::string> v = above;
    v.insert("__class__");
    return v;
  }

  SymbolTable& table_;
  std::string filename_;
  Scope* current_ = nullptr;
  bool uses_super_ = false;
  std::map<Scope*, std::map<std::string, const Stmt*>> declaration_sites_;
};

SymbolTable::SymbolTable(const ast::Mod* module, const std::string& filename, bool) {
  ScopeBuilder builder(*this, filename);
  builder.build(module);
}

Scope* SymbolTable::scope_for(const void* node) const {
  auto it = by_node_.find(node);
  return it == by_node_.end() ? nullptr : it->second;
}

}  // namespace gilvm::compiler
