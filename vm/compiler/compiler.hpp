// Source -> code object: parsing, scope analysis and code generation.
#pragma once

#include <string>
#include <string_view>

#include "vm/objects/function.hpp"
#include "vm/parser.hpp"

namespace gilvm {

// compile()'s flag (CPython's ast.PyCF_ALLOW_TOP_LEVEL_AWAIT, same value):
// `await`, `async for`, `async with` and asynchronous comprehensions are
// allowed at module level, and a module that uses one compiles to a
// coroutine code object, which run_code turns into a coroutine to await.
// The asyncio REPL compiles every statement this way.
constexpr int kCompileAllowTopLevelAwait = 0x2000;

// Compiles source text. On a syntax error raises a Python SyntaxError
// (IndentationError, TabError) carrying filename, lineno, offset and text.
Code* compile_source(std::string_view source, const std::string& filename, ParseMode mode, int flags = 0);

// Compiles an already parsed tree. Throws SyntaxErrorInfo for errors the
// compiler itself detects ('break' outside loop, ...).
Code* compile_ast(const ast::Mod* module, const std::string& filename, ParseMode mode, int flags = 0);

// Turns a SyntaxErrorInfo into the thread's current Python exception.
[[noreturn]] void raise_syntax_error(const SyntaxErrorInfo& info);

// The interpreter's -O level, as CPython's sys.flags.optimize: 1 compiles
// assert statements to nothing, 2 also drops docstrings (they become
// None). Set once at start-up, before any code is compiled.
void set_optimize_level(int level);
int optimize_level();

// A human-readable listing of a code object and its nested code objects,
// one instruction a line (opcode names come from vm/opcodes.def).
std::string disassemble(const Code* code);

}  // namespace gilvm
