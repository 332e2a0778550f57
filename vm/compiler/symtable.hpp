// Scope analysis: which names are local, global, free (captured from an
// enclosing function) or cells (captured by an inner function).
//
// The compiler walks the AST twice. This first walk builds one Scope per
// module, class, function, lambda and comprehension, recording how each
// name is used; `resolve()` then decides each name's storage with Python's
// rules:
//   * a name declared `global` is global; `nonlocal` must find a binding in
//     an enclosing function;
//   * a name bound anywhere in a function (assignment, parameter, import,
//     def, for target, except-as, walrus) is local to it;
//   * a name only read is free if an enclosing function binds it, else
//     global (module level and class bodies use the namespace dict);
//   * class bodies are not enclosing scopes for their methods, except for
//     the implicit `__class__` cell that zero-argument super() uses;
//   * a walrus inside a comprehension binds in the nearest enclosing
//     function (or module), not in the comprehension.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "vm/ast.hpp"
#include "vm/syntax_error.hpp"

namespace gilvm::compiler {

enum class ScopeKind { Module, Class, Function, Comprehension };

enum class NameStorage {
  Local,          // fast local slot
  Cell,           // local captured by an inner function
  Free,           // captured from an enclosing function
  GlobalExplicit, // declared global
  GlobalImplicit, // not bound here nor in an enclosing function
  NameDict,       // module and class bodies: the namespace dict
};

struct Scope {
  ScopeKind kind;
  std::string name;
  Scope* parent = nullptr;
  std::vector<std::unique_ptr<Scope>> children;
  const void* node = nullptr;  // the AST node that opened it

  // Usage facts gathered by the walk.
  std::map<std::string, unsigned> flags;
  // Names in the order the walk first met them bound or used, which is the
  // order code generation first emits them: CPython numbers a function's
  // locals (co_varnames, and so locals()) that way.
  std::vector<std::string> first_seen;
  std::vector<std::string> params;  // in order
  bool is_generator = false;
  bool is_coroutine = false;
  bool needs_class_cell = false;    // a method uses super() or __class__
  bool has_star_import = false;

  // Results of resolve().
  std::map<std::string, NameStorage> storage;
  std::vector<std::string> cellvars;  // sorted, as CPython orders them
  std::vector<std::string> freevars;

  NameStorage lookup(const std::string& name) const;
};

enum NameFlag : unsigned {
  kBound = 1,
  kUsed = 2,
  kParam = 4,
  kDeclaredGlobal = 8,
  kDeclaredNonlocal = 16,
  kFreeInChild = 32,  // set during resolve
  kWalrusBinding = 64,
};

// Builds the scopes of a module. Throws SyntaxErrorInfo for misplaced
// global/nonlocal declarations and similar scope errors.
class SymbolTable {
 public:
  SymbolTable(const ast::Mod* module, const std::string& filename, bool interactive);
  Scope* root() { return root_.get(); }
  Scope* scope_for(const void* node) const;

 private:
  std::unique_ptr<Scope> root_;
  std::map<const void*, Scope*> by_node_;
  friend class ScopeBuilder;
};

}  // namespace gilvm::compiler
