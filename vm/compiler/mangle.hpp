// Private name mangling, as CPython's compiler does it (_Py_Mangle).
#pragma once

#include <string>

#include "vm/ast.hpp"

namespace gilvm::compiler {

// `__spam` used inside class Ham becomes `_Ham__spam`; dunder names
// (`__init__`), names used outside classes and classes named only with
// underscores are left alone.
std::string mangle(const std::string& class_name, const std::string& name);

// Rewrites the tree in place before the symbol table sees it: every name,
// attribute, parameter, global/nonlocal and `except ... as` name inside a
// class body (functions nested in it included). A def or class statement
// keeps its own name (its __name__ and __qualname__) and records the
// mangled one it binds in `bound_name`. Keyword names in calls, and
// imported module names, are not mangled (as in CPython).
void mangle_private_names(ast::Mod* module);

}  // namespace gilvm::compiler
