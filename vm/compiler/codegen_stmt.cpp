// Code generation for statements. The layouts of try/except/finally and
// with follow the handler/fblock scheme described in codegen.hpp; each
// function below starts with the shape of the code it emits.
#include <algorithm>

#include "vm/compiler/compiler.hpp"
#include "vm/compiler/codegen.hpp"
#include "vm/compiler/unparse.hpp"
#include "vm/objects/sequence.hpp"
#include "vm/objects/str.hpp"

namespace gilvm::compiler {

using namespace gilvm::ast;

void CodeGen::body(const std::vector<Stmt*>& stmts) {
  for (const Stmt* s : stmts) stmt(s);
}

void CodeGen::stmt(const Stmt* s) {
  set_pos(s);
  switch (s->kind) {
    case StmtKind::FunctionDef:
    case StmtKind::AsyncFunctionDef:
      function_def(cast<const FunctionDef>(s));
      break;
    case StmtKind::ClassDef:
      class_def(cast<const ClassDef>(s));
      break;
    case StmtKind::Return:
      return_stmt(cast<const Return>(s));
      break;
    case StmtKind::Delete:
      for (const Expr* t : cast<const Delete>(s)->targets) delete_target(t);
      break;
    case StmtKind::Assign: {
      auto* a = cast<const Assign>(s);
      expr(a->value);
      for (size_t i = 0; i < a->targets.size(); ++i) {
        if (i + 1 < a->targets.size()) emit(Op::COPY, 1);
        assign_target(a->targets[i]);
      }
      break;
    }
    case StmtKind::AugAssign: {
      auto* a = cast<const AugAssign>(s);
      static const uint32_t op_map[] = {kAdd, kSub, kMul, kMatMul, kTrueDiv, kMod, kPow, kLShift, kRShift,
                                        kOr, kXor, kAnd, kFloorDiv};
      uint32_t op = op_map[static_cast<int>(a->op)] | kInplace;
      if (auto* n = dyn_cast<const Name>(a->target)) {
        name_op(n->id, ExprContext::Load);
        expr(a->value);
        set_pos(s);
        emit(Op::BINARY_OP, op);
        name_op(n->id, ExprContext::Store);
      } else if (auto* at = dyn_cast<const Attribute>(a->target)) {
        expr(at->value);
        emit(Op::COPY, 1);
        set_pos(at);
        emit(Op::LOAD_ATTR, add_name(at->attr));
        expr(a->value);
        set_pos(s);
        emit(Op::BINARY_OP, op);
        emit(Op::SWAP, 2);
        emit(Op::STORE_ATTR, add_name(at->attr));
      } else if (auto* sub = dyn_cast<const Subscript>(a->target)) {
        expr(sub->value);
        if (auto* sl = dyn_cast<const ast::Slice>(sub->slice)) slice(sl);
        else expr(sub->slice);
        emit(Op::COPY, 2);
        emit(Op::COPY, 2);
        set_pos(sub);
        emit(Op::BINARY_SUBSCR);
        expr(a->value);
        set_pos(s);
        emit(Op::BINARY_OP, op);
        emit(Op::SWAP, 3);
        emit(Op::SWAP, 2);
        emit(Op::STORE_SUBSCR);
      } else {
        std::string msg = "'";
        msg += name_of(a->target->kind);
        msg += "' is an illegal expression for augmented assignment";
        error(msg, a->target);
      }
      break;
    }
    case StmtKind::AnnAssign: {
      auto* a = cast<const AnnAssign>(s);
      if (a->value) {
        expr(a->value);
        assign_target(a->target);
      }
      // Annotations of module and class variables go to __annotations__.
      if (a->simple && u().scope->kind != ScopeKind::Function && u().scope->kind != ScopeKind::Comprehension) {
        auto* n = cast<const Name>(a->target);
        annotation(a->annotation);
        name_op("__annotations__", ExprContext::Load);
        load_const(new_str(n->id));
        emit(Op::STORE_SUBSCR);
      }
      break;
    }
    case StmtKind::For:
    case StmtKind::AsyncFor:
      for_stmt(cast<const For>(s));
      break;
    case StmtKind::While:
      while_stmt(cast<const While>(s));
      break;
    case StmtKind::If:
      if_stmt(cast<const If>(s));
      break;
    case StmtKind::With:
    case StmtKind::AsyncWith:
      with_stmt(cast<const With>(s), 0);
      break;
    case StmtKind::Raise:
      raise_stmt(cast<const Raise>(s));
      break;
    case StmtKind::Try:
      try_stmt(cast<const Try>(s));
      break;
    case StmtKind::Match:
      match_stmt(cast<const Match>(s));
      break;
    case StmtKind::Assert:
      assert_stmt(cast<const Assert>(s));
      break;
    case StmtKind::Import:
      import_stmt(cast<const Import>(s));
      break;
    case StmtKind::ImportFrom:
      import_from(cast<const ImportFrom>(s));
      break;
    case StmtKind::Global:
    case StmtKind::Nonlocal:
    case StmtKind::Pass:
      break;
    case StmtKind::Expr: {
      const Expr* value = cast<const ExprStmt>(s)->value;
      if (value->kind == ExprKind::Constant && !interactive_) break;  // docstring-like: no effect
      expr(value);
      if (interactive_ && u().scope->kind == ScopeKind::Module) emit(Op::PRINT_EXPR);
      else emit(Op::POP_TOP);
      break;
    }
    case StmtKind::Break:
      break_continue(s, true);
      break;
    case StmtKind::Continue:
      break_continue(s, false);
      break;
  }
}

// --- definitions -------------------------------------------------------------

// Pushes the defaults tuple and the keyword-only defaults dict (when there
// are any) and returns the MAKE_FUNCTION flag bits for them.
uint32_t CodeGen::function_defaults(const Arguments* args) {
  uint32_t flags = 0;
  if (!args->defaults.empty()) {
    for (const Expr* d : args->defaults) expr(d);
    emit(Op::BUILD_TUPLE, static_cast<uint32_t>(args->defaults.size()));
    flags |= 1;
  }
  ValueVector keys;
  for (size_t i = 0; i < args->kwonlyargs.size(); ++i) {
    if (args->kw_defaults[i] == nullptr) continue;
    keys.push_back(new_str(args->kwonlyargs[i]->arg));
    expr(args->kw_defaults[i]);
  }
  if (!keys.empty()) {
    uint32_t count = static_cast<uint32_t>(keys.size());
    load_const(new_tuple(std::move(keys)));
    emit(Op::BUILD_CONST_KEY_MAP, count);
    flags |= 2;
  }
  return flags;
}

// An annotation's value: the expression, or under
// `from __future__ import annotations` its source text.
void CodeGen::annotation(const Expr* e) {
  if (future_annotations_) load_const(new_str(unparse_annotation(e)));
  else expr(e);
}

// Pushes the dict of a function's annotations (parameters, then 'return')
// when it has any, and returns the MAKE_FUNCTION flag for it.
uint32_t CodeGen::function_annotations(const FunctionDef* f) {
  ValueVector keys;
  auto add = [&](const std::string& name, const Expr* e) {
    if (e == nullptr) return;
    keys.push_back(new_str(name));
    annotation(e);
  };
  const Arguments* a = f->args;
  // CPython's order: the ordinary parameters before the positional-only ones.
  for (const Arg* arg : a->args) add(arg->arg, arg->annotation);
  for (const Arg* arg : a->posonlyargs) add(arg->arg, arg->annotation);
  if (a->vararg) add(a->vararg->arg, a->vararg->annotation);
  for (const Arg* arg : a->kwonlyargs) add(arg->arg, arg->annotation);
  if (a->kwarg) add(a->kwarg->arg, a->kwarg->annotation);
  add("return", f->returns);
  if (keys.empty()) return 0;
  uint32_t count = static_cast<uint32_t>(keys.size());
  load_const(new_tuple(std::move(keys)));
  emit(Op::BUILD_CONST_KEY_MAP, count);
  return 4;
}

// `from __future__ import ...` must open the module (after its docstring).
// Records those statements, checks their features and turns on the one
// that changes compilation (annotations); the rest are already standard.
void CodeGen::note_future_imports(const std::vector<Stmt*>& body, size_t start) {
  static const char* const kFeatures[] = {"nested_scopes",   "generators",     "division",
                                          "absolute_import", "with_statement", "print_function",
                                          "unicode_literals", "generator_stop", "annotations"};
  for (size_t i = start; i < body.size(); ++i) {
    auto* imp = dyn_cast<const ImportFrom>(body[i]);
    if (imp == nullptr || !imp->module || *imp->module != "__future__" || imp->level != 0) break;
    future_imports_.push_back(imp);
    for (const Alias* alias : imp->names) {
      bool known = false;
      for (const char* feature : kFeatures) known = known || alias->name == feature;
      if (alias->name == "braces") error("not a chance", imp);
      if (!known) error("future feature " + alias->name + " is not defined", imp);
      if (alias->name == "annotations") future_annotations_ = true;
    }
  }
}

// Pushes the closure cells a nested scope captures, then the code, then
// MAKE_FUNCTION. Defaults are already on the stack.
void CodeGen::make_function(Code* code, Scope* scope, uint32_t flags) {
  if (!scope->freevars.empty()) {
    uint32_t nlocals = static_cast<uint32_t>(u().code->varnames.size());
    for (const std::string& name : scope->freevars) {
      auto it = u().cells.find(name);
      if (it == u().cells.end()) error("internal error: no cell for free variable '" + name + "'", nullptr);
      emit(Op::LOAD_CLOSURE, nlocals + it->second);
    }
    emit(Op::BUILD_TUPLE, static_cast<uint32_t>(scope->freevars.size()));
    flags |= 8;
  }
  load_const(code);
  emit(Op::MAKE_FUNCTION, flags);
}

static void set_arg_counts(Code* code, const Arguments* a) {
  code->posonlyargcount = static_cast<uint32_t>(a->posonlyargs.size());
  code->argcount = static_cast<uint32_t>(a->posonlyargs.size() + a->args.size());
  code->kwonlyargcount = static_cast<uint32_t>(a->kwonlyargs.size());
  if (a->vararg) code->flags |= kCodeVarargs;
  if (a->kwarg) code->flags |= kCodeVarkeywords;
}

void CodeGen::function_def(const FunctionDef* f) {
  for (const Expr* d : f->decorator_list) {
    expr(d);
    emit(Op::PUSH_NULL);
  }
  set_pos(f);
  uint32_t flags = function_defaults(f->args);
  flags |= function_annotations(f);
  Scope* scope = symbols_.scope_for(f);
  int first_line = f->decorator_list.empty() ? f->lineno : f->decorator_list.front()->lineno;
  enter_unit(scope, f->name, qualname_for(f->name, true), first_line);
  Code* code = u().code;
  set_arg_counts(code, f->args);
  code->flags |= kCodeNested;
  if (scope->is_generator) code->flags |= f->is_async() ? kCodeAsyncGenerator : kCodeGenerator;
  else if (f->is_async()) code->flags |= kCodeCoroutine;
  u().in_async = f->is_async();
  size_t start = 0;
  if (!f->body.empty() && f->body[0]->kind == StmtKind::Expr) {
    auto* c = dyn_cast<const Constant>(cast<const ExprStmt>(f->body[0])->value);
    if (c && c->value.kind == ConstantValue::Kind::Str) {
      if (optimize_level() < 2) code->doc = new_str(c->value.text);  // -OO drops it
      start = 1;
    }
  }
  set_pos(f->body.empty() ? static_cast<const Located*>(f) : f->body[start < f->body.size() ? start : 0]);
  for (size_t i = start; i < f->body.size(); ++i) stmt(f->body[i]);
  if (u().reachable) {
    load_none();
    emit(Op::RETURN_VALUE);
  }
  Code* built = leave_unit();
  set_pos(f);
  make_function(built, scope, flags);
  for (size_t i = 0; i < f->decorator_list.size(); ++i) emit(Op::CALL, 1);
  name_op(f->bound_name.empty() ? f->name : f->bound_name, ExprContext::Store);
}

// class C(bases, **kw): body   ->   __build_class__(function, 'C', *bases, **kw)
// Whether a module or class body holds an annotated assignment, at any
// depth of its compound statements but not inside nested functions or
// classes: then the body starts with SETUP_ANNOTATIONS, as in CPython.
bool has_annotations(const std::vector<Stmt*>& body) {
  for (const Stmt* s : body) {
    switch (s->kind) {
      case StmtKind::AnnAssign:
        return true;
      case StmtKind::For:
      case StmtKind::AsyncFor: {
        auto* f = cast<const For>(s);
        if (has_annotations(f->body) || has_annotations(f->orelse)) return true;
        break;
      }
      case StmtKind::While: {
        auto* w = cast<const While>(s);
        if (has_annotations(w->body) || has_annotations(w->orelse)) return true;
        break;
      }
      case StmtKind::If: {
        auto* i = cast<const If>(s);
        if (has_annotations(i->body) || has_annotations(i->orelse)) return true;
        break;
      }
      case StmtKind::With:
      case StmtKind::AsyncWith:
        if (has_annotations(cast<const With>(s)->body)) return true;
        break;
      case StmtKind::Match:
        for (const MatchCase* c : cast<const Match>(s)->cases)
          if (has_annotations(c->body)) return true;
        break;
      case StmtKind::Try: {
        auto* t = cast<const Try>(s);
        if (has_annotations(t->body) || has_annotations(t->orelse) || has_annotations(t->finalbody)) return true;
        for (const ExceptHandler* h : t->handlers)
          if (has_annotations(h->body)) return true;
        break;
      }
      default:
        break;
    }
  }
  return false;
}

void CodeGen::class_def(const ClassDef* c) {
  for (const Expr* d : c->decorator_list) {
    expr(d);
    emit(Op::PUSH_NULL);
  }
  set_pos(c);
  Scope* scope = symbols_.scope_for(c);
  int first_line = c->decorator_list.empty() ? c->lineno : c->decorator_list.front()->lineno;
  enter_unit(scope, c->name, qualname_for(c->name, false), first_line);
  Code* code = u().code;
  code->flags |= kCodeClassBody | kCodeUsesLocalsDict;
  name_op("__name__", ExprContext::Load);
  name_op("__module__", ExprContext::Store);
  load_const(new_str(u().qualname));
  name_op("__qualname__", ExprContext::Store);
  size_t start = 0;
  if (!c->body.empty() && c->body[0]->kind == StmtKind::Expr) {
    auto* k = dyn_cast<const Constant>(cast<const ExprStmt>(c->body[0])->value);
    if (k && k->value.kind == ConstantValue::Kind::Str) {
      set_pos(c->body[0]);
      if (optimize_level() >= 2) load_const(Value::none());  // -OO
      else load_const(new_str(k->value.text));
      name_op("__doc__", ExprContext::Store);
      start = 1;
    }
  }
  if (has_annotations(c->body)) emit(Op::SETUP_ANNOTATIONS);
  for (size_t i = start; i < c->body.size(); ++i) stmt(c->body[i]);
  if (scope->needs_class_cell) {
    uint32_t nlocals = static_cast<uint32_t>(u().code->varnames.size());
    emit(Op::LOAD_CLOSURE, nlocals + u().cells.at("__class__"));
  } else {
    load_none();
  }
  emit(Op::RETURN_VALUE);
  Code* built = leave_unit();
  set_pos(c);
  emit(Op::LOAD_BUILD_CLASS);
  emit(Op::PUSH_NULL);
  make_function(built, scope, 0);
  load_const(new_str(c->name));
  call_args(c->bases, c->keywords, 2);
  for (size_t i = 0; i < c->decorator_list.size(); ++i) emit(Op::CALL, 1);
  name_op(c->bound_name.empty() ? c->name : c->bound_name, ExprContext::Store);
}

// --- assignment ----------------------------------------------------------------

void CodeGen::assign_target(const Expr* t) {
  switch (t->kind) {
    case ExprKind::Name:
      name_op(cast<const Name>(t)->id, ExprContext::Store);
      return;
    case ExprKind::Attribute: {
      auto* a = cast<const Attribute>(t);
      expr(a->value);
      set_pos(a);
      emit(Op::STORE_ATTR, add_name(a->attr));
      return;
    }
    case ExprKind::Subscript: {
      auto* s = cast<const Subscript>(t);
      expr(s->value);
      if (auto* sl = dyn_cast<const ast::Slice>(s->slice)) slice(sl);
      else expr(s->slice);
      set_pos(s);
      emit(Op::STORE_SUBSCR);
      return;
    }
    case ExprKind::Tuple:
    case ExprKind::List: {
      const auto& elts = t->kind == ExprKind::Tuple ? cast<const ast::Tuple>(t)->elts : cast<const ast::List>(t)->elts;
      size_t star = elts.size();
      for (size_t i = 0; i < elts.size(); ++i) {
        if (elts[i]->kind == ExprKind::Starred) {
          if (star != elts.size()) error("multiple starred expressions in assignment", elts[i]);
          star = i;
        }
      }
      set_pos(t);
      if (star == elts.size()) {
        emit(Op::UNPACK_SEQUENCE, static_cast<uint32_t>(elts.size()));
      } else {
        size_t after = elts.size() - star - 1;
        if (star > 255 || after > 0xffff) error("too many expressions in star-unpacking assignment", t);
        emit(Op::UNPACK_EX, static_cast<uint32_t>(star | (after << 8)));
      }
      for (const Expr* e : elts) {
        if (e->kind == ExprKind::Starred) assign_target(cast<const Starred>(e)->value);
        else assign_target(e);
      }
      return;
    }
    case ExprKind::Starred:
      error("starred assignment target must be in a list or tuple", t);
    default:
      error("cannot assign to " + std::string(name_of(t->kind)), t);
  }
}

void CodeGen::delete_target(const Expr* t) {
  set_pos(t);
  switch (t->kind) {
    case ExprKind::Name:
      name_op(cast<const Name>(t)->id, ExprContext::Del);
      return;
    case ExprKind::Attribute: {
      auto* a = cast<const Attribute>(t);
      expr(a->value);
      set_pos(a);
      emit(Op::DELETE_ATTR, add_name(a->attr));
      return;
    }
    case ExprKind::Subscript: {
      auto* s = cast<const Subscript>(t);
      expr(s->value);
      if (auto* sl = dyn_cast<const ast::Slice>(s->slice)) slice(sl);
      else expr(s->slice);
      set_pos(s);
      emit(Op::DELETE_SUBSCR);
      return;
    }
    case ExprKind::Tuple:
      for (const Expr* e : cast<const ast::Tuple>(t)->elts) delete_target(e);
      return;
    case ExprKind::List:
      for (const Expr* e : cast<const ast::List>(t)->elts) delete_target(e);
      return;
    default:
      error("cannot delete " + std::string(name_of(t->kind)), t);
  }
}

// --- control flow -------------------------------------------------------------

void CodeGen::condition_jump(const Expr* test, bool jump_if, Label target) {
  if (auto* u_op = dyn_cast<const UnaryOp>(test); u_op && u_op->op == UnaryOpKind::Not) {
    condition_jump(u_op->operand, !jump_if, target);
    return;
  }
  if (auto* b = dyn_cast<const BoolOp>(test)) {
    bool is_and = b->op == BoolOpKind::And;
    // `a and b` jumps on false as soon as one is false; on true only at the end.
    if (is_and != jump_if) {
      for (const Expr* v : b->values) condition_jump(v, jump_if, target);
    } else {
      Label skip = new_label();
      for (size_t i = 0; i + 1 < b->values.size(); ++i) condition_jump(b->values[i], !jump_if, skip);
      condition_jump(b->values.back(), jump_if, target);
      place(skip);
    }
    return;
  }
  expr(test);
  emit_jump(jump_if ? Op::POP_JUMP_IF_TRUE : Op::POP_JUMP_IF_FALSE, target);
}

static bool is_constant_true(const Expr* e) {
  auto* c = dyn_cast<const Constant>(e);
  if (!c) return false;
  using K = ConstantValue::Kind;
  switch (c->value.kind) {
    case K::True: return true;
    case K::Int: return c->value.text != "0";
    case K::Str: return !c->value.text.empty();
    default: return false;
  }
}

void CodeGen::if_stmt(const If* i) {
  Label end = new_label();
  Label otherwise = i->orelse.empty() ? end : new_label();
  condition_jump(i->test, false, otherwise);
  body(i->body);
  if (!i->orelse.empty()) {
    if (u().reachable) emit_jump(Op::JUMP_FORWARD, end);
    place(otherwise);
    body(i->orelse);
  }
  place(end);
}

//   top:   <test> POP_JUMP_IF_FALSE else
//          <body> JUMP_BACKWARD top
//   else:  <orelse>
//   break:
void CodeGen::while_stmt(const While* w) {
  Label top = new_label(), otherwise = new_label(), after = new_label();
  place(top);
  if (!is_constant_true(w->test)) condition_jump(w->test, false, otherwise);
  u().fblocks.push_back(FBlock{FBlockKind::WhileLoop, top, after, nullptr, u().handlers.size(), nullptr});
  body(w->body);
  u().fblocks.pop_back();
  if (u().reachable) {
    set_pos(w);
    emit_jump(Op::JUMP_BACKWARD, top);
  }
  place(otherwise);
  body(w->orelse);
  place(after);
}

//          <iter> GET_ITER
//   top:   FOR_ITER else         (pops the iterator when exhausted)
//          <target> <body> JUMP_BACKWARD top
//   else:  <orelse>
//   break:
void CodeGen::for_stmt(const For* f) {
  if (f->is_async()) {
    check_await_allowed("'async for' outside async function", f);
    // async for: GET_AITER; top: GET_ANEXT, await it; StopAsyncIteration ends.
    Label top = new_label(), handler = new_label(), end = new_label(), after = new_label();
    expr(f->iter);
    emit(Op::GET_AITER);
    place(top);
    push_handler(handler);
    emit(Op::GET_ANEXT);
    load_none();
    yield_from_loop(true);
    pop_handler();
    assign_target(f->target);
    u().fblocks.push_back(FBlock{FBlockKind::ForLoop, top, after, nullptr, u().handlers.size(), nullptr});
    body(f->body);
    u().fblocks.pop_back();
    if (u().reachable) emit_jump(Op::JUMP_BACKWARD, top);
    place(handler);
    emit(Op::END_ASYNC_FOR);
    place(end);
    body(f->orelse);
    place(after);
    return;
  }
  Label top = new_label(), otherwise = new_label(), after = new_label();
  expr(f->iter);
  set_pos(f);  // as CPython: GET_ITER and FOR_ITER report the whole statement
  emit(Op::GET_ITER);
  place(top);
  emit_jump(Op::FOR_ITER, otherwise);
  set_pos(f->target);
  assign_target(f->target);
  u().fblocks.push_back(FBlock{FBlockKind::ForLoop, top, after, nullptr, u().handlers.size(), nullptr});
  body(f->body);
  u().fblocks.pop_back();
  if (u().reachable) {
    set_pos(f);
    emit_jump(Op::JUMP_BACKWARD, top);
  }
  place(otherwise);
  body(f->orelse);
  place(after);
}

void CodeGen::break_continue(const Stmt* s, bool is_break) {
  for (size_t i = u().fblocks.size(); i-- > 0;) {
    FBlock block = u().fblocks[i];
    if (block.kind == FBlockKind::WhileLoop || block.kind == FBlockKind::ForLoop) {
      reject_leaving_star_handler(s, i + 1);
      unwind_fblocks(i + 1, false);
      if (is_break) {
        if (block.kind == FBlockKind::ForLoop) emit(Op::POP_TOP);
        emit_jump(Op::JUMP_FORWARD, block.break_label);
      } else {
        emit_jump(Op::JUMP_BACKWARD, block.continue_label);
      }
      return;
    }
  }
  error(is_break ? "'break' outside loop" : "'continue' not properly in loop", s);
}

void CodeGen::return_stmt(const Return* r) {
  if (r->value) {
    if (u().scope->is_generator && (u().code->flags & kCodeAsyncGenerator))
      error("'return' with value in async generator", r);
    expr(r->value);
  } else {
    load_none();
  }
  reject_leaving_star_handler(r, 0);
  unwind_fblocks(0, true);
  set_pos(r);
  emit(Op::RETURN_VALUE);
}

void CodeGen::unwind_fblocks(size_t stop_at, bool preserve_tos) {
  // Work on a copy: inlined finally bodies may themselves push fblocks.
  std::vector<FBlock> saved = u().fblocks;
  std::vector<Handler> saved_handlers = u().handlers;
  for (size_t i = saved.size(); i-- > stop_at;) {
    u().fblocks.resize(i);
    u().handlers.resize(std::min(u().handlers.size(), saved[i].handlers_size));
    unwind_one(saved[i], preserve_tos);
  }
  u().fblocks = saved;
  u().handlers = saved_handlers;
}

void CodeGen::unwind_one(const FBlock& block, bool preserve_tos) {
  switch (block.kind) {
    case FBlockKind::WhileLoop:
    case FBlockKind::TryExcept:
      return;
    case FBlockKind::ForLoop:
      if (preserve_tos) emit(Op::SWAP, 2);
      emit(Op::POP_TOP);
      return;
    case FBlockKind::FinallyTry:
      // The finally body runs with the return value (if any) on the stack;
      // a jump out of it must discard that value first.
      if (preserve_tos)
        u().fblocks.push_back(FBlock{FBlockKind::PopValue, {}, {}, nullptr, u().handlers.size(), nullptr});
      body(*block.finalbody);
      if (preserve_tos) u().fblocks.pop_back();
      return;
    case FBlockKind::StarHandler:
      return;  // never left by a jump: reject_leaving_star_handler
    case FBlockKind::PopValue:
      if (preserve_tos) emit(Op::SWAP, 2);
      emit(Op::POP_TOP);
      return;
    case FBlockKind::FinallyEnd:
      // Stack: prev, exc[, value].
      if (preserve_tos) emit(Op::SWAP, 2);
      emit(Op::POP_TOP);
      if (preserve_tos) emit(Op::SWAP, 2);
      emit(Op::POP_EXCEPT);
      return;
    case FBlockKind::HandlerCleanup:
      if (preserve_tos) emit(Op::SWAP, 2);
      emit(Op::POP_EXCEPT);
      if (block.bound_name) {
        load_none();
        name_op(*block.bound_name, ExprContext::Store);
        name_op(*block.bound_name, ExprContext::Del);
      }
      return;
    case FBlockKind::With:
    case FBlockKind::AsyncWith:
      // Stack: exit, self or null[, value]. Call exit(None, None, None).
      if (preserve_tos) {
        emit(Op::SWAP, 3);
        emit(Op::SWAP, 2);
      }
      load_none();
      load_none();
      load_none();
      emit(Op::CALL, 3);
      if (block.kind == FBlockKind::AsyncWith) {
        emit(Op::GET_AWAITABLE);
        load_none();
        yield_from_loop(true);
      }
      emit(Op::POP_TOP);
      return;
  }
}

void CodeGen::try_stmt(const Try* t) {
  if (!t->finalbody.empty()) try_finally(t);
  else if (t->is_star) try_star(t);
  else try_except(t);
}

// except* (contract in vm/exception_group.hpp):
//          <body>                          (handler H)
//          JUMP else
//   H:     PUSH_EXC_INFO                   (handler C)   stack: prev, exc
//          PREP_STAR                                     stack: prev, state
//   each:  <type>; MATCH_STAR next                       stack: prev, state, match
//          STORE name | POP_TOP
//          <clause body>                   (handler R)
//          [name = None; del name]; JUMP next
//   R:     [name = None; del name]; STAR_RECORD          stack: prev, state
//   next:  ...
//          STAR_FINISH                     (raises what is left, if anything)
//          POP_EXCEPT; JUMP end
//   C:     EXC_CLEANUP
//   else:  <orelse>
//   end:
void CodeGen::try_star(const Try* t) {
  Label handler = new_label(), cleanup = new_label(), otherwise = new_label(), end = new_label();
  push_handler(handler);
  u().fblocks.push_back(FBlock{FBlockKind::TryExcept, {}, {}, nullptr, u().handlers.size() - 1, nullptr});
  body(t->body);
  u().fblocks.pop_back();
  pop_handler();
  if (u().reachable) emit_jump(Op::JUMP_FORWARD, otherwise);
  place(handler);
  emit(Op::PUSH_EXC_INFO);
  push_handler(cleanup, u().depth - 1);  // keep the previous exception, drop the handled one
  emit(Op::PREP_STAR);
  for (const ExceptHandler* h : t->handlers) {
    set_pos(h);
    Label next = new_label(), record = new_label();
    expr(h->type);
    emit_jump(Op::MATCH_STAR, next);
    if (h->name) name_op(*h->name, ExprContext::Store);
    else emit(Op::POP_TOP);
    auto unbind = [&] {
      if (!h->name) return;
      load_none();
      name_op(*h->name, ExprContext::Store);
      name_op(*h->name, ExprContext::Del);
    };
    push_handler(record);
    u().fblocks.push_back(FBlock{FBlockKind::StarHandler, {}, {}, nullptr, u().handlers.size() - 1, nullptr});
    body(h->body);
    u().fblocks.pop_back();
    pop_handler();
    if (u().reachable) {
      unbind();
      emit_jump(Op::JUMP_FORWARD, next);
    }
    place(record);  // stack: prev, state, raised
    unbind();
    emit(Op::STAR_RECORD);
    place(next);
  }
  emit(Op::STAR_FINISH);
  emit(Op::POP_EXCEPT);
  emit_jump(Op::JUMP_FORWARD, end);
  pop_handler();
  place(cleanup);
  emit(Op::EXC_CLEANUP);
  place(otherwise);
  body(t->orelse);
  place(end);
}

// break/continue/return may not leave an except* clause's body.
void CodeGen::reject_leaving_star_handler(const Stmt* s, size_t from_fblock) {
  for (size_t i = from_fblock; i < u().fblocks.size(); ++i)
    if (u().fblocks[i].kind == FBlockKind::StarHandler)
      error("'break', 'continue' and 'return' cannot appear in an except* block", s);
}

//          <body>                          (handler H)
//          JUMP else
//   H:     PUSH_EXC_INFO                   (handler C)   stack: prev, exc
//          <type>; CHECK_EXC_MATCH; POP_JUMP_IF_FALSE next
//          STORE name | POP_TOP            stack: prev
//          <handler body>
//          POP_EXCEPT; [name = None; del name]; JUMP end
//   next:  ... RERAISE
//   C:     EXC_CLEANUP
//   else:  <orelse>
//   end:
void CodeGen::try_except(const Try* t) {
  Label handler = new_label(), cleanup = new_label(), otherwise = new_label(), end = new_label();
  push_handler(handler);
  u().fblocks.push_back(FBlock{FBlockKind::TryExcept, {}, {}, nullptr, u().handlers.size() - 1, nullptr});
  body(t->body);
  u().fblocks.pop_back();
  pop_handler();
  if (u().reachable) emit_jump(Op::JUMP_FORWARD, otherwise);
  place(handler);
  emit(Op::PUSH_EXC_INFO);
  push_handler(cleanup, u().depth - 1);  // keep the previous exception, drop the handled one
  for (size_t i = 0; i < t->handlers.size(); ++i) {
    const ExceptHandler* h = t->handlers[i];
    set_pos(h);
    if (h->type == nullptr && i + 1 < t->handlers.size()) error("default 'except:' must be last", h);
    Label next = new_label();
    if (h->type) {
      expr(h->type);
      emit(Op::CHECK_EXC_MATCH);
      emit_jump(Op::POP_JUMP_IF_FALSE, next);
    }
    if (h->name) {
      name_op(*h->name, ExprContext::Store);
      // The handler body is protected so that `name` is unbound on any exit.
      Label unbind = new_label();
      push_handler(unbind);
      u().fblocks.push_back(FBlock{FBlockKind::HandlerCleanup, {}, {}, nullptr, u().handlers.size() - 1, &*h->name});
      body(h->body);
      u().fblocks.pop_back();
      pop_handler();
      if (u().reachable) {
        emit(Op::POP_EXCEPT);
        load_none();
        name_op(*h->name, ExprContext::Store);
        name_op(*h->name, ExprContext::Del);
        emit_jump(Op::JUMP_FORWARD, end);
      }
      place(unbind);  // stack: prev, exc2
      load_none();
      name_op(*h->name, ExprContext::Store);
      name_op(*h->name, ExprContext::Del);
      emit(Op::RERAISE);
    } else {
      emit(Op::POP_TOP);
      u().fblocks.push_back(FBlock{FBlockKind::HandlerCleanup, {}, {}, nullptr, u().handlers.size() - 1, nullptr});
      body(h->body);
      u().fblocks.pop_back();
      if (u().reachable) {
        emit(Op::POP_EXCEPT);
        emit_jump(Op::JUMP_FORWARD, end);
      }
    }
    place(next);
  }
  // No clause matched: re-raise (the cleanup handler restores the old exception).
  if (u().reachable) emit(Op::RERAISE);
  pop_handler();
  place(cleanup);
  emit(Op::EXC_CLEANUP);
  place(otherwise);
  body(t->orelse);
  place(end);
}

//          <try part (body + except clauses)>   (handler F)
//          <finalbody>; JUMP end
//   F:     PUSH_EXC_INFO                        (handler C)
//          <finalbody>
//          RERAISE
//   C:     EXC_CLEANUP
//   end:
void CodeGen::try_finally(const Try* t) {
  Label final_handler = new_label(), cleanup = new_label(), end = new_label();
  push_handler(final_handler);
  u().fblocks.push_back(FBlock{FBlockKind::FinallyTry, {}, {}, &t->finalbody, u().handlers.size() - 1, nullptr});
  if (t->handlers.empty()) {
    body(t->body);
  } else {
    Try inner;
    inner.is_star = t->is_star;
    inner.body = t->body;
    inner.handlers = t->handlers;
    inner.orelse = t->orelse;
    inner.lineno = t->lineno;
    inner.col_offset = t->col_offset;
    inner.end_lineno = t->end_lineno;
    inner.end_col_offset = t->end_col_offset;
    if (inner.is_star) try_star(&inner);
    else try_except(&inner);
  }
  u().fblocks.pop_back();
  pop_handler();
  if (u().reachable) {
    body(t->finalbody);
    if (u().reachable) emit_jump(Op::JUMP_FORWARD, end);
  }
  place(final_handler);
  emit(Op::PUSH_EXC_INFO);
  push_handler(cleanup, u().depth - 1);  // keep the previous exception, drop the handled one
  u().fblocks.push_back(FBlock{FBlockKind::FinallyEnd, {}, {}, nullptr, u().handlers.size() - 1, nullptr});
  body(t->finalbody);
  u().fblocks.pop_back();
  if (u().reachable) emit(Op::RERAISE);
  pop_handler();
  place(cleanup);
  emit(Op::EXC_CLEANUP);
  place(end);
}

//          <ctx> BEFORE_WITH                stack: exit, self, value
//          <target> | POP_TOP               (handler H)
//          <body>
//          exit(None, None, None); POP_TOP; JUMP end
//   H:     PUSH_EXC_INFO                    (handler C) stack: exit, self, prev, exc
//          WITH_EXCEPT_START                stack: exit, self, prev, exc, result
//          POP_JUMP_IF_TRUE suppress
//          RERAISE
//   suppress: POP_TOP; POP_EXCEPT; POP_TOP; POP_TOP; JUMP end
// (exit and self are a pair as LOAD_METHOD leaves them: the type's
// __exit__ with the manager, or a bound __exit__ with null.)
//   C:     EXC_CLEANUP
//   end:
void CodeGen::with_stmt(const With* w, size_t item) {
  bool async = w->is_async();
  if (async && item == 0) check_await_allowed("'async with' outside async function", w);
  const WithItem* wi = w->items[item];
  Label handler = new_label(), cleanup = new_label(), suppress = new_label(), end = new_label();
  expr(wi->context_expr);
  set_pos(w);
  if (async) {
    emit(Op::BEFORE_ASYNC_WITH);
    emit(Op::GET_AWAITABLE);
    load_none();
    yield_from_loop(true);
  } else {
    emit(Op::BEFORE_WITH);
  }
  push_handler(handler, u().depth - 1);  // the stack keeps __exit__ and self only
  u().fblocks.push_back(FBlock{async ? FBlockKind::AsyncWith : FBlockKind::With, {}, {}, nullptr,
                               u().handlers.size() - 1, nullptr});
  if (wi->optional_vars) assign_target(wi->optional_vars);
  else emit(Op::POP_TOP);
  if (item + 1 < w->items.size()) with_stmt(w, item + 1);
  else body(w->body);
  u().fblocks.pop_back();
  pop_handler();
  if (u().reachable) {
    set_pos(w);
    unwind_one(FBlock{async ? FBlockKind::AsyncWith : FBlockKind::With, {}, {}, nullptr, 0, nullptr}, false);
    emit_jump(Op::JUMP_FORWARD, end);
  }
  place(handler);
  emit(Op::PUSH_EXC_INFO);
  push_handler(cleanup, u().depth - 1);  // keep the previous exception, drop the handled one
  emit(Op::WITH_EXCEPT_START);
  if (async) {
    emit(Op::GET_AWAITABLE);
    load_none();
    yield_from_loop(true);
  }
  emit_jump(Op::POP_JUMP_IF_TRUE, suppress);
  emit(Op::RERAISE);
  place(suppress);
  emit(Op::POP_TOP);
  emit(Op::POP_EXCEPT);
  emit(Op::POP_TOP);
  emit(Op::POP_TOP);
  emit_jump(Op::JUMP_FORWARD, end);
  pop_handler();
  place(cleanup);
  emit(Op::EXC_CLEANUP);
  place(end);
}

// --- simple statements ------------------------------------------------------------

void CodeGen::raise_stmt(const Raise* r) {
  uint32_t n = 0;
  if (r->exc) {
    expr(r->exc);
    ++n;
    if (r->cause) {
      expr(r->cause);
      ++n;
    }
  }
  set_pos(r);
  emit(Op::RAISE_VARARGS, n);
}

void CodeGen::assert_stmt(const Assert* a) {
  if (optimize_level() >= 1) return;  // -O
  Label end = new_label();
  condition_jump(a->test, true, end);
  // CPython 3.11 leaves a comparison's span in place for the raise (its
  // traceback marks `x == 2`); any other test reports the statement.
  if (a->test->kind == ExprKind::Compare) set_pos(a->test);
  else set_pos(a);
  emit(Op::LOAD_ASSERTION_ERROR);
  if (a->msg) {
    emit(Op::PUSH_NULL);
    expr(a->msg);
    emit(Op::CALL, 1);
  }
  emit(Op::RAISE_VARARGS, 1);
  place(end);
}

void CodeGen::import_stmt(const Import* i) {
  for (const Alias* a : i->names) {
    set_pos(i);  // imports report the whole statement, as in CPython
    load_const(Value::small_int(0));
    load_none();
    emit(Op::IMPORT_NAME, add_name(a->name));
    if (a->asname) {
      // `import a.b.c as d` binds the innermost module.
      size_t start = a->name.find('.');
      while (start != std::string::npos) {
        size_t next = a->name.find('.', start + 1);
        std::string part = a->name.substr(start + 1, next == std::string::npos ? std::string::npos : next - start - 1);
        emit(Op::IMPORT_FROM, add_name(part));
        emit(Op::SWAP, 2);
        emit(Op::POP_TOP);
        start = next;
      }
      name_op(*a->asname, ExprContext::Store);
    } else {
      name_op(a->name.substr(0, a->name.find('.')), ExprContext::Store);
    }
  }
}

void CodeGen::import_from(const ImportFrom* i) {
  if (i->module && *i->module == "__future__" && i->level == 0 &&
      std::find(future_imports_.begin(), future_imports_.end(), i) == future_imports_.end())
    error("from __future__ imports must occur at the beginning of the file", i);
  ValueVector fromlist;
  for (const Alias* a : i->names) fromlist.push_back(new_str(a->name));
  load_const(Value::small_int(i->level));
  load_const(new_tuple(std::move(fromlist)));
  emit(Op::IMPORT_NAME, add_name(i->module ? *i->module : ""));
  if (i->names.size() == 1 && i->names[0]->name == "*") {
    emit(Op::IMPORT_STAR);
    return;
  }
  for (const Alias* a : i->names) {
    set_pos(i);
    emit(Op::IMPORT_FROM, add_name(a->name));
    name_op(a->asname ? *a->asname : a->name, ExprContext::Store);
  }
  emit(Op::POP_TOP);
}

}  // namespace gilvm::compiler
