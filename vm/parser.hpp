// Python 3.11 source -> AST (vm/ast.hpp).
//
// A hand-written recursive-descent parser over the token stream of
// vm/lexer.hpp. It implements the whole 3.11 grammar except `match`,
// `except*` and type-parameter syntax, and reports errors with CPython's
// messages and positions by throwing gilvm::SyntaxErrorInfo.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "vm/ast.hpp"
#include "vm/syntax_error.hpp"

namespace gilvm {

enum class ParseMode {
  Exec,    // a module (compile(..., 'exec')) -> ast::Module
  Eval,    // one expression (eval())         -> ast::Expression
  Single,  // one interactive statement (REPL) -> ast::Interactive
};

// Owns the tree: `mod` and every node under it live as long as `arena`.
struct ParseResult {
  std::unique_ptr<ast::Arena> arena;
  ast::Mod* mod = nullptr;
};

// Throws SyntaxErrorInfo on any error. `filename` is only copied into
// errors. Never crashes or recurses without bound on hostile input.
ParseResult parse(std::string_view source, const std::string& filename,
                  ParseMode mode);

}  // namespace gilvm
