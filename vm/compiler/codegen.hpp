// The code generator's internals, shared by codegen*.cpp.
//
// One CodeUnit per code object being built (module, class body, function,
// lambda, comprehension). Instructions are emitted with symbolic labels and
// assembled at the end: labels become instruction indices, each
// instruction's active exception handler becomes a range of the exception
// table, and the maximum stack depth is computed by walking the control flow
// graph (the per-instruction effects come from stack_effect()).
//
// Two stacks drive the structured statements:
//   * `handlers`: the exception handlers active at the current point (the try
//     bodies, with-blocks and handler bodies we are inside). Every emitted
//     instruction records the innermost one.
//   * `fblocks`: the enclosing loops, try/finally, with and except blocks,
//     so that break, continue and return can unwind them: pop a for-loop's
//     iterator, run a finally body inline, call a with-block's __exit__,
//     restore the previously handled exception.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "vm/ast.hpp"
#include "vm/compiler/symtable.hpp"
#include "vm/objects/function.hpp"
#include "vm/opcodes.hpp"

namespace gilvm::compiler {

struct Label {
  int id = -1;
};

struct Instr {
  Op op;
  uint32_t arg;
  int target_label;  // for jumps: the label; -1 otherwise
  SourcePos pos;
  int handler_label; // innermost exception handler, or -1
  uint32_t handler_depth;
};

// PopValue: a `return` value waiting under an inlined finally body; a
// break/continue/return in that body must drop it (CPython's POP_VALUE).
// StarHandler: the body of an except* clause, which nothing may leave by
// break, continue or return (PEP 654).
enum class FBlockKind { WhileLoop, ForLoop, TryExcept, FinallyTry, FinallyEnd, HandlerCleanup, With, AsyncWith, PopValue, StarHandler };

struct FBlock {
  FBlockKind kind;
  Label continue_label;   // loops
  Label break_label;      // loops
  const std::vector<ast::Stmt*>* finalbody = nullptr;  // FinallyTry
  size_t handlers_size = 0;  // handler stack size outside this block
  const std::string* bound_name = nullptr;  // HandlerCleanup: `except E as name`
};

struct Handler {
  Label label;
  uint32_t depth;
};

struct CodeUnit {
  Scope* scope = nullptr;
  Code* code = nullptr;
  std::string qualname;
  std::vector<Instr> instrs;
  std::vector<int> label_positions;
  std::map<std::string, uint32_t> names;
  std::map<std::string, uint32_t> varnames;
  std::map<std::string, uint32_t> cells;  // cellvars then freevars, index into the deref slots
  std::vector<Handler> handlers;
  std::vector<FBlock> fblocks;
  SourcePos pos;
  int depth = 0;                  // static stack depth while emitting
  std::vector<int> label_depth;   // depth expected at each label
  bool reachable = true;
  bool in_async = false;
};

// True when a module or class body needs SETUP_ANNOTATIONS (codegen_stmt.cpp).
bool has_annotations(const std::vector<ast::Stmt*>& body);

class CodeGen {
 public:
  CodeGen(SymbolTable& symbols, std::string filename, bool interactive, bool allow_top_level_await = false);
  Code* compile_module(const ast::Mod* mod);

  // --- units and emission (codegen.cpp)
  void enter_unit(Scope* scope, const std::string& name, const std::string& qualname, int first_line);
  Code* leave_unit();
  CodeUnit& u() { return *units_.back(); }
  void emit(Op op, uint32_t arg = 0);
  void emit_jump(Op op, Label target);
  Label new_label();
  void place(Label label);
  uint32_t add_const(Value v);
  uint32_t add_name(const std::string& name);
  uint32_t add_varname(const std::string& name);
  void load_const(Value v) { emit(Op::LOAD_CONST, add_const(v)); }
  void load_none();
  void set_pos(const ast::Located* node);
  // `depth`: the stack depth to cut to (default: the current depth).
  void push_handler(Label label, int depth = -1);
  void pop_handler();
  [[noreturn]] void error(const std::string& msg, const ast::Located* at);
  // Before an await, async for, async with or awaited comprehension: a
  // SyntaxError `message` unless the unit may await. Notes a top-level use.
  void check_await_allowed(const std::string& message, const ast::Located* at);

  // --- names (codegen.cpp)
  void name_op(const std::string& name, ast::ExprContext ctx);
  std::string qualname_for(const std::string& name, bool is_function_scope);

  // --- statements (codegen_stmt.cpp)
  void body(const std::vector<ast::Stmt*>& stmts);
  void stmt(const ast::Stmt* s);
  void function_def(const ast::FunctionDef* f);
  void class_def(const ast::ClassDef* c);
  void assign_target(const ast::Expr* target);
  void delete_target(const ast::Expr* target);
  void for_stmt(const ast::For* f);
  void while_stmt(const ast::While* w);
  void if_stmt(const ast::If* i);
  void try_stmt(const ast::Try* t);
  void try_except(const ast::Try* t);
  void try_finally(const ast::Try* t);
  void try_star(const ast::Try* t);
  void reject_leaving_star_handler(const ast::Stmt* s, size_t from_fblock);
  void with_stmt(const ast::With* w, size_t item);
  void import_stmt(const ast::Import* i);
  void import_from(const ast::ImportFrom* i);
  void raise_stmt(const ast::Raise* r);
  void assert_stmt(const ast::Assert* a);
  void return_stmt(const ast::Return* r);
  void break_continue(const ast::Stmt* s, bool is_break);
  // Emits the exit code of fblocks innermost-first until (excluding) `stop_at`.
  void unwind_fblocks(size_t stop_at, bool preserve_tos);
  void unwind_one(const FBlock& block, bool preserve_tos);

  // --- expressions (codegen_expr.cpp)
  void expr(const ast::Expr* e);
  void call(const ast::Call* c);
  bool call_args_simple(const ast::Call* c) const;
  void call_args(const std::vector<ast::Expr*>& args, const std::vector<ast::Keyword*>& keywords, int extra_positional);
  void compare(const ast::Compare* c);
  void bool_op(const ast::BoolOp* b);
  void joined_str(const ast::JoinedStr* j);
  void sequence_build(const std::vector<ast::Expr*>& elts, Op build, Op extend);
  void dict_display(const ast::Dict* d);
  void subscript(const ast::Subscript* s);
  void slice(const ast::Slice* s);
  void emit_positional_list(const std::vector<ast::Expr*>& args, int extra_positional);
  void lambda(const ast::Lambda* l);
  void comprehension(const ast::Expr* node, const std::vector<ast::Comprehension*>& gens, const ast::Expr* elt,
                     const ast::Expr* value, int kind);
  void comprehension_loop(const std::vector<ast::Comprehension*>& gens, size_t index, const ast::Expr* elt,
                          const ast::Expr* value, int kind);
  void yield_from_loop(bool await);
  void make_function(Code* code, Scope* scope, uint32_t flags);
  uint32_t function_defaults(const ast::Arguments* args);
  uint32_t function_annotations(const ast::FunctionDef* f);
  void annotation(const ast::Expr* e);
  void note_future_imports(const std::vector<ast::Stmt*>& body, size_t start);
  Value constant(const ast::ConstantValue& c);
  void condition_jump(const ast::Expr* test, bool jump_if, Label target);

  // --- match statements (codegen_match.cpp)
  void match_stmt(const ast::Match* m);
  Value pattern_node(const ast::Pattern* p, struct PatternBuild& b, bool allow_irrefutable);
  int pattern_capture(const std::string& name, const ast::Pattern* at, struct PatternBuild& b);
  int pattern_value(const ast::Expr* e, struct PatternBuild& b);

 private:
  SymbolTable& symbols_;
  std::string filename_;
  Str* filename_str_ = nullptr;
  bool interactive_;
  bool allow_top_level_await_;
  bool top_level_awaits_ = false;  // the module unit awaits: a coroutine code
  // `from __future__ import annotations`: annotations become strings.
  bool future_annotations_ = false;
  // The leading `from __future__` statements, the only place they may be.
  std::vector<const ast::Stmt*> future_imports_;
  // Owned, so that a compile error thrown mid-way frees the open units.
  std::vector<std::unique_ptr<CodeUnit>> units_;
};

int stack_effect(Op op, uint32_t arg, bool jump);
void assemble(CodeUnit& unit);

}  // namespace gilvm::compiler
