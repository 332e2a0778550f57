// Source text for an annotation expression, as CPython's ast unparser
// writes it: what `from __future__ import annotations` stores instead of
// evaluating (`def f(x: Dict[str,int])` gives {'x': 'Dict[str, int]'}).
#pragma once

#include <string>

#include "vm/ast.hpp"

namespace gilvm::compiler {

// Covers what annotations are made of: names, attributes, subscripts and
// slices, constants, tuples, lists, arithmetic and unary operators, calls
// and starred expressions; anything else (a lambda, a comprehension, a
// comparison) unparses as "...".
std::string unparse_annotation(const ast::Expr* e);

}  // namespace gilvm::compiler
