// Code units, emission, names, and the assembler (labels -> indices,
// exception table, stack depth). See codegen.hpp.
#include "vm/compiler/codegen.hpp"

#include <algorithm>

#include "vm/compiler/compiler.hpp"
#include "vm/errors.hpp"
#include "vm/heap/heap.hpp"
#include "vm/objects/number.hpp"
#include "vm/objects/sequence.hpp"
#include "vm/objects/str.hpp"
#include "vm/ops.hpp"
#include "vm/thread_state.hpp"

namespace gilvm::compiler {

CodeGen::CodeGen(SymbolTable& symbols, std::string filename, bool interactive, bool allow_top_level_await)
    : symbols_(symbols),
      filename_(std::move(filename)),
      interactive_(interactive),
      allow_top_level_await_(allow_top_level_await) {
  filename_str_ = new_str(filename_);
}

void CodeGen::error(const std::string& msg, const ast::Located* at) {
  SyntaxErrorInfo e("SyntaxError", msg);
  e.filename = filename_;
  e.lineno = at ? at->lineno : u().pos.line;
  e.offset = (at ? at->col_offset : u().pos.col) + 1;
  e.end_lineno = at ? at->end_lineno : e.lineno;
  e.end_offset = (at ? at->end_col_offset : u().pos.end_col) + 1;
  throw e;
}

void CodeGen::check_await_allowed(const std::string& message, const ast::Located* at) {
  if (u().in_async) {
    if (units_.size() == 1) top_level_awaits_ = true;
    return;
  }
  error(message, at);
}

void CodeGen::enter_unit(Scope* scope, const std::string& name, const std::string& qualname, int first_line) {
  units_.push_back(std::make_unique<CodeUnit>());
  CodeUnit* unit = units_.back().get();
  unit->scope = scope;
  unit->qualname = qualname;
  unit->code = new_code();
  // The unit's Code is reachable from nothing until it is a constant of its
  // parent, so pin it for the duration of compilation.
  current_thread_state()->temp_roots.push_back(unit->code);
  unit->code->name = intern(name);
  unit->code->qualname = new_str(qualname);
  unit->code->filename = filename_str_;
  unit->code->first_line = first_line;
  unit->pos.line = first_line;
  // Parameters first, in order; then every other local.
  for (const std::string& p : scope->params) add_varname(p);
  if (scope->kind == ScopeKind::Function || scope->kind == ScopeKind::Comprehension) {
    auto is_var = [&](const std::string& n, NameStorage st) {
      return st == NameStorage::Local ||
             (st == NameStorage::Cell && std::find(scope->params.begin(), scope->params.end(), n) != scope->params.end());
    };
    // In the order the code first mentions them (CPython's co_varnames),
    // then any the walk did not record (none expected), by name.
    for (const std::string& n : scope->first_seen) {
      auto it = scope->storage.find(n);
      if (it != scope->storage.end() && is_var(n, it->second)) add_varname(n);
    }
    for (auto& [n, st] : scope->storage)
      if (is_var(n, st)) add_varname(n);
  }
  uint32_t index = 0;
  for (const std::string& c : scope->cellvars) {
    unit->code->cellvars.push_back(intern(c));
    auto arg = std::find(scope->params.begin(), scope->params.end(), c);
    unit->code->cell_to_arg.push_back(arg == scope->params.end() ? -1 : static_cast<int32_t>(arg - scope->params.begin()));
    unit->cells[c] = index++;
  }
  for (const std::string& f : scope->freevars) {
    unit->code->freevars.push_back(intern(f));
    unit->cells[f] = index++;
  }
}

Code* CodeGen::leave_unit() {
  CodeUnit& unit = u();
  assemble(unit);
  Code* code = unit.code;
  units_.pop_back();
  return code;
}

Label CodeGen::new_label() {
  u().label_positions.push_back(-1);
  u().label_depth.push_back(-1);
  return Label{static_cast<int>(u().label_positions.size() - 1)};
}

void CodeGen::place(Label label) {
  CodeUnit& unit = u();
  unit.label_positions[label.id] = static_cast<int>(unit.instrs.size());
  if (!unit.reachable && unit.label_depth[label.id] >= 0) unit.depth = unit.label_depth[label.id];
  else if (unit.label_depth[label.id] < 0) unit.label_depth[label.id] = unit.depth;
  unit.reachable = true;
}

static bool is_terminal(Op op) {
  switch (op) {
    case Op::RETURN_VALUE:
    case Op::RAISE_VARARGS:
    case Op::RERAISE:
    case Op::EXC_CLEANUP:
    case Op::JUMP_FORWARD:
    case Op::JUMP_BACKWARD:
    case Op::JUMP_NO_INTERRUPT:
      return true;
    default:
      return false;
  }
}

// Whether the argument is a jump target: the `arg` column of vm/opcodes.def.
static bool is_jump(Op op) { return kOpInfo[static_cast<int>(op)].arg == OpArg::kJump; }

void CodeGen::emit(Op op, uint32_t arg) {
  CodeUnit& unit = u();
  Instr ins{op, arg, -1, unit.pos, -1, 0};
  if (!unit.handlers.empty()) {
    ins.handler_label = unit.handlers.back().label.id;
    ins.handler_depth = unit.handlers.back().depth;
  }
  unit.instrs.push_back(ins);
  unit.depth += stack_effect(op, arg, false);
  if (is_terminal(op)) unit.reachable = false;
}

void CodeGen::emit_jump(Op op, Label target) {
  CodeUnit& unit = u();
  emit(op, 0);
  unit.instrs.back().target_label = target.id;
  int depth_at_target = unit.depth - stack_effect(op, 0, false) + stack_effect(op, 0, true);
  if (unit.label_depth[target.id] < 0) unit.label_depth[target.id] = depth_at_target;
}

void CodeGen::push_handler(Label label, int depth) {
  if (depth < 0) depth = u().depth;
  u().handlers.push_back(Handler{label, static_cast<uint32_t>(depth)});
  // The handler runs with the stack cut to `depth` plus the exception.
  if (u().label_depth[label.id] < 0) u().label_depth[label.id] = depth + 1;
}

void CodeGen::pop_handler() { u().handlers.pop_back(); }

void CodeGen::set_pos(const ast::Located* node) {
  if (node == nullptr) return;
  u().pos = SourcePos{node->lineno, node->col_offset, node->end_lineno, node->end_col_offset};
}

uint32_t CodeGen::add_const(Value v) {
  auto& consts = u().code->consts;
  Type* t = type_of(v);
  for (size_t i = 0; i < consts.size(); ++i) {
    Value c = consts[i];
    if (c.is(v)) return static_cast<uint32_t>(i);
    if (type_of(c) != t) continue;
    if (t == types().str && str_equal(c.as<Str>(), v.as<Str>())) return static_cast<uint32_t>(i);
    if (t == types().int_ && values_equal(c, v)) return static_cast<uint32_t>(i);
  }
  consts.push_back(v);
  return static_cast<uint32_t>(consts.size() - 1);
}

uint32_t CodeGen::add_name(const std::string& name) {
  auto it = u().names.find(name);
  if (it != u().names.end()) return it->second;
  uint32_t index = static_cast<uint32_t>(u().code->names.size());
  u().code->names.push_back(intern(name));
  u().names[name] = index;
  return index;
}

uint32_t CodeGen::add_varname(const std::string& name) {
  auto it = u().varnames.find(name);
  if (it != u().varnames.end()) return it->second;
  uint32_t index = static_cast<uint32_t>(u().code->varnames.size());
  u().code->varnames.push_back(intern(name));
  u().varnames[name] = index;
  return index;
}

void CodeGen::load_none() { load_const(Value::none()); }

// Chooses the instruction for a name by its storage in the current scope.
void CodeGen::name_op(const std::string& name, ast::ExprContext ctx) {
  CodeUnit& unit = u();
  NameStorage st = unit.scope->lookup(name);
  bool class_body = unit.scope->kind == ScopeKind::Class;
  // The deref slots follow the locals, so their index is only final once
  // all locals are known: varnames are fixed in enter_unit.
  uint32_t nlocals = static_cast<uint32_t>(unit.code->varnames.size());
  switch (st) {
    case NameStorage::Local:
      if (ctx == ast::ExprContext::Load) emit(Op::LOAD_FAST, add_varname(name));
      else if (ctx == ast::ExprContext::Store) emit(Op::STORE_FAST, add_varname(name));
      else emit(Op::DELETE_FAST, add_varname(name));
      return;
    case NameStorage::Cell:
    case NameStorage::Free: {
      if (class_body && st == NameStorage::Free && ctx == ast::ExprContext::Load) {
        add_name(name);
        emit(Op::LOAD_CLASSDEREF, nlocals + unit.cells.at(name));
        return;
      }
      if (class_body && st == NameStorage::Cell && name != "__class__") break;  // stored in the dict
      uint32_t slot = nlocals + unit.cells.at(name);
      if (ctx == ast::ExprContext::Load) emit(Op::LOAD_DEREF, slot);
      else if (ctx == ast::ExprContext::Store) emit(Op::STORE_DEREF, slot);
      else emit(Op::DELETE_DEREF, slot);
      return;
    }
    case NameStorage::GlobalExplicit:
    case NameStorage::GlobalImplicit:
      if (ctx == ast::ExprContext::Load) emit(Op::LOAD_GLOBAL, add_name(name));
      else if (ctx == ast::ExprContext::Store) emit(Op::STORE_GLOBAL, add_name(name));
      else emit(Op::DELETE_GLOBAL, add_name(name));
      return;
    case NameStorage::NameDict:
      break;
  }
  if (ctx == ast::ExprContext::Load) emit(Op::LOAD_NAME, add_name(name));
  else if (ctx == ast::ExprContext::Store) emit(Op::STORE_NAME, add_name(name));
  else emit(Op::DELETE_NAME, add_name(name));
}

std::string CodeGen::qualname_for(const std::string& name, bool) {
  CodeUnit& unit = u();
  if (unit.scope->kind == ScopeKind::Module) return name;
  if (unit.scope->kind == ScopeKind::Class) return unit.qualname + "." + name;
  return unit.qualname + ".<locals>." + name;
}

Code* CodeGen::compile_module(const ast::Mod* mod) {
  Scope* root = symbols_.root();
  enter_unit(root, "<module>", "<module>", 1);
  u().code->flags |= kCodeModule | kCodeUsesLocalsDict;
  u().in_async = allow_top_level_await_;
  if (auto* m = ast::dyn_cast<const ast::Module>(mod)) {
    if (!m->body.empty()) set_pos(m->body.front());
    // A leading string literal is the module docstring.
    size_t start = 0;
    if (!m->body.empty() && m->body[0]->kind == ast::StmtKind::Expr) {
      auto* e = ast::cast<const ast::ExprStmt>(m->body[0]);
      auto* c = ast::dyn_cast<const ast::Constant>(e->value);
      if (c && c->value.kind == ast::ConstantValue::Kind::Str) {
        set_pos(e);
        if (optimize_level() >= 2) load_const(Value::none());  // -OO
        else load_const(new_str(c->value.text));
        name_op("__doc__", ast::ExprContext::Store);
        start = 1;
      }
    }
    note_future_imports(m->body, start);
    if (has_annotations(m->body)) emit(Op::SETUP_ANNOTATIONS);
    for (size_t i = start; i < m->body.size(); ++i) stmt(m->body[i]);
    load_none();
    emit(Op::RETURN_VALUE);
  } else if (auto* inter = ast::dyn_cast<const ast::Interactive>(mod)) {
    note_future_imports(inter->body, 0);
    if (has_annotations(inter->body)) emit(Op::SETUP_ANNOTATIONS);
    for (const ast::Stmt* s : inter->body) stmt(s);
    load_none();
    emit(Op::RETURN_VALUE);
  } else if (auto* ex = ast::dyn_cast<const ast::Expression>(mod)) {
    set_pos(ex->body);
    expr(ex->body);
    emit(Op::RETURN_VALUE);
  }
  if (top_level_awaits_) u().code->flags |= kCodeCoroutine;
  return leave_unit();
}

// ---------------------------------------------------------------------------
// Assembler

int stack_effect(Op op, uint32_t arg, bool jump) {
  switch (op) {
    case Op::BUILD_SLICE:
    case Op::BUILD_TUPLE:
    case Op::BUILD_LIST:
    case Op::BUILD_SET:
    case Op::BUILD_STRING:
      return 1 - static_cast<int>(arg);
    case Op::BUILD_MAP: return 1 - 2 * static_cast<int>(arg);
    case Op::MATCH_PATTERN: return -1 - static_cast<int>(arg);
    case Op::BUILD_CONST_KEY_MAP: return -static_cast<int>(arg);
    case Op::FORMAT_VALUE: return (arg & 4) ? -1 : 0;
    case Op::UNPACK_SEQUENCE: return static_cast<int>(arg) - 1;
    case Op::UNPACK_EX: return static_cast<int>((arg & 0xff) + (arg >> 8));
    case Op::JUMP_IF_FALSE_OR_POP:
    case Op::JUMP_IF_TRUE_OR_POP:
      return jump ? 0 : -1;
    case Op::FOR_ITER: return jump ? -1 : 1;
    case Op::SEND: return jump ? -1 : 0;
    case Op::MATCH_STAR: return jump ? -1 : 0;
    case Op::CALL: return -static_cast<int>(arg) - 1;
    case Op::CALL_KW: return -static_cast<int>(arg) - 2;
    case Op::CALL_EX: return (arg & 1) ? -3 : -2;
    case Op::MAKE_FUNCTION: return -__builtin_popcount(arg & 15);
    case Op::RAISE_VARARGS: return -static_cast<int>(arg);
    default:
      return kOpInfo[static_cast<int>(op)].stack_effect;
  }
}

// Rewrites the first of each adjacent pair that has a superinstruction (see
// the end of vm/opcodes.def). Runs last, on the encoded code: positions do
// not move, so nothing else needs adjusting.
static void fuse_instruction_pairs(Code* code) {
  std::vector<uint32_t>& insns = code->insns;
  for (size_t i = 0; i + 1 < insns.size(); ++i) {
    Op first = decode_op(insns[i]), second = decode_op(insns[i + 1]);
    Op fused = Op::kCount;
    if (first == Op::LOAD_FAST && second == Op::LOAD_FAST) fused = Op::LOAD_FAST__LOAD_FAST;
    else if (first == Op::LOAD_FAST && second == Op::LOAD_CONST) fused = Op::LOAD_FAST__LOAD_CONST;
    else if (first == Op::STORE_FAST && second == Op::STORE_FAST) fused = Op::STORE_FAST__STORE_FAST;
    else if (first == Op::STORE_FAST && second == Op::LOAD_FAST) fused = Op::STORE_FAST__LOAD_FAST;
    if (fused != Op::kCount) insns[i] = encode(fused, decode_arg(insns[i]));
  }
}

void assemble(CodeUnit& unit) {
  Code* code = unit.code;
  size_t n = unit.instrs.size();
  code->insns.resize(n);
  code->positions.resize(n);
  code->attr_caches.assign(code->names.size(), AttrCache{});
  code->global_caches.assign(code->names.size(), GlobalCache{});
  for (size_t i = 0; i < n; ++i) {
    const Instr& ins = unit.instrs[i];
    uint32_t arg = ins.arg;
    if (ins.target_label >= 0) arg = static_cast<uint32_t>(unit.label_positions[ins.target_label]);
    code->insns[i] = encode(ins.op, arg);
    code->positions[i] = ins.pos;
  }
  // Exception table: maximal runs of instructions with the same handler.
  code->exception_table.clear();
  for (size_t i = 0; i < n;) {
    int h = unit.instrs[i].handler_label;
    uint32_t depth = unit.instrs[i].handler_depth;
    size_t j = i + 1;
    while (j < n && unit.instrs[j].handler_label == h && unit.instrs[j].handler_depth == depth) ++j;
    if (h >= 0)
      code->exception_table.push_back(ExceptionEntry{static_cast<uint32_t>(i), static_cast<uint32_t>(j),
                                                     static_cast<uint32_t>(unit.label_positions[h]), depth});
    i = j;
  }
  // Stack depth by a walk of the control flow graph. Handlers are entered
  // with their recorded depth plus the pushed exception.
  std::vector<int> depth_at(n + 1, -1);
  std::vector<size_t> work;
  // No path can push more than every instruction's pushes together; deeper
  // means a loop that leaves values behind (a code generator bug), and the
  // walk would raise the depth around it forever.
  int64_t depth_bound = 4;
  for (const Instr& ins : unit.instrs) depth_bound += std::max(0, stack_effect(ins.op, ins.arg, false)) + 2;
  auto reach = [&](size_t index, int depth) {
    if (depth > depth_bound) raise_error(exc().SystemError, "compiler: unbalanced stack in " + unit.qualname);
    if (index <= n && depth_at[index] < depth) {
      depth_at[index] = depth;
      work.push_back(index);
    }
  };
  reach(0, 0);
  for (const ExceptionEntry& e : code->exception_table) reach(e.target, static_cast<int>(e.depth) + 1);
  int max_depth = 0;
  while (!work.empty()) {
    size_t i = work.back();
    work.pop_back();
    if (i >= n) continue;
    int d = depth_at[i];
    Op op = decode_op(code->insns[i]);
    uint32_t arg = decode_arg(code->insns[i]);
    // Instructions that push temporarily beyond their net effect.
    int peak = d + std::max(0, stack_effect(op, arg, false)) + 2;
    max_depth = std::max(max_depth, peak);
    if (is_jump(op)) reach(arg, d + stack_effect(op, arg, true));
    if (!is_terminal(op)) reach(i + 1, d + stack_effect(op, arg, false));
  }
  code->stacksize = static_cast<uint32_t>(max_depth + 2);
  fuse_instruction_pairs(code);
}

}  // namespace gilvm::compiler
