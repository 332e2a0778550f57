// Private name mangling: see mangle.hpp. One walk over the tree carries the
// name of the innermost enclosing class ("" outside classes). A class's own
// bases, decorators and keywords belong to the enclosing scope, so they use
// the outer class name; its body uses its own.
#include "vm/compiler/mangle.hpp"

#include "vm/ast_walk.hpp"

namespace gilvm::compiler {

using namespace ast;

std::string mangle(const std::string& class_name, const std::string& name) {
  if (class_name.empty() || name.size() < 3 || name[0] != '_' || name[1] != '_') return name;
  if (name.size() >= 4 && name[name.size() - 1] == '_' && name[name.size() - 2] == '_') return name;
  if (name.find('.') != std::string::npos) return name;
  size_t start = class_name.find_first_not_of('_');
  if (start == std::string::npos) return name;
  return "_" + class_name.substr(start) + name;
}

namespace {

class Mangler {
 public:
  void statements(const std::vector<Stmt*>& body, const std::string& cls) {
    for (Stmt* s : body) statement(s, cls);
  }

  void statement(Stmt* s, const std::string& cls) {
    if (auto* f = dyn_cast<FunctionDef>(s)) {
      for (Expr* d : f->decorator_list) expression(d, cls);
      arguments(f->args, cls);
      if (f->returns) expression(f->returns, cls);
      f->bound_name = mangle(cls, f->name);
      statements(f->body, cls);
      return;
    }
    if (auto* c = dyn_cast<ClassDef>(s)) {
      for (Expr* d : c->decorator_list) expression(d, cls);
      for (Expr* b : c->bases) expression(b, cls);
      for (Keyword* k : c->keywords) expression(k->value, cls);
      c->bound_name = mangle(cls, c->name);
      statements(c->body, c->name);
      return;
    }
    if (auto* g = dyn_cast<Global>(s)) {
      for (std::string& name : g->names) name = mangle(cls, name);
      return;
    }
    if (auto* n = dyn_cast<Nonlocal>(s)) {
      for (std::string& name : n->names) name = mangle(cls, name);
      return;
    }
    if (auto* t = dyn_cast<Try>(s)) {
      for (ExceptHandler* h : t->handlers)
        if (h->name) *h->name = mangle(cls, *h->name);
    }
    for_each_child(
        s, [&](const Expr* e) { expression(const_cast<Expr*>(e), cls); },
        [&](const Stmt* child) { statement(const_cast<Stmt*>(child), cls); });
  }

  void arguments(Arguments* a, const std::string& cls) {
    if (a == nullptr) return;
    for (Expr* d : a->defaults) expression(d, cls);
    for (Expr* d : a->kw_defaults)
      if (d) expression(d, cls);
    auto param = [&](Arg* arg) {
      if (arg == nullptr) return;
      arg->arg = mangle(cls, arg->arg);
      if (arg->annotation) expression(arg->annotation, cls);
    };
    for (Arg* x : a->posonlyargs) param(x);
    for (Arg* x : a->args) param(x);
    param(a->vararg);
    for (Arg* x : a->kwonlyargs) param(x);
    param(a->kwarg);
  }

  void expression(Expr* e, const std::string& cls) {
    if (e == nullptr) return;
    if (auto* n = dyn_cast<Name>(e)) {
      n->id = mangle(cls, n->id);
      return;
    }
    if (auto* a = dyn_cast<Attribute>(e)) a->attr = mangle(cls, a->attr);
    if (auto* l = dyn_cast<Lambda>(e)) {
      arguments(l->args, cls);
      expression(l->body, cls);
      return;
    }
    for_each_child(e, [&](const Expr* child) { expression(const_cast<Expr*>(child), cls); });
  }
};

}  // namespace

void mangle_private_names(Mod* module) {
  if (module == nullptr) return;
  Mangler m;
  if (auto* mod = dyn_cast<Module>(module)) m.statements(mod->body, "");
  if (auto* i = dyn_cast<Interactive>(module)) m.statements(i->body, "");
  if (auto* e = dyn_cast<Expression>(module)) m.expression(e->body, "");
}

}  // namespace gilvm::compiler
