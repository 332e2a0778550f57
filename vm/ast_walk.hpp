// Enumerating the direct children of AST nodes, without recursion.
//
// The parser uses it to bound the depth of the finished tree (long chains
// like `a.b.c...` or `1+1+...` are built by loops, not by recursion, so the
// parser's own depth guard does not see them); the compiler can use it for
// any whole-tree pass.
#pragma once

#include <functional>

#include "vm/ast.hpp"

namespace gilvm::ast {

using ExprCallback = std::function<void(const Expr*)>;
using StmtCallback = std::function<void(const Stmt*)>;

// Every expression directly below `e`, including those inside its helper
// records (comprehensions, keywords, lambda arguments). Null children are
// skipped.
void for_each_child(const Expr* e, const ExprCallback& on_expr);

// Every expression and statement directly below `s`, including those in
// handlers, with-items, decorators and arguments.
void for_each_child(const Stmt* s, const ExprCallback& on_expr,
                    const StmtCallback& on_stmt);

// The expressions in a pattern and its sub-patterns (values, mapping keys,
// class names), in source order.
void for_each_expression_in_pattern(const Pattern* p, const ExprCallback& f);

}  // namespace gilvm::ast
