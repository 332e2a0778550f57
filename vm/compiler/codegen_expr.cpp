// Code generation for expressions.
#include <gmp.h>

#include "vm/compiler/codegen.hpp"
#include "vm/errors.hpp"
#include "vm/objects/complex.hpp"
#include "vm/objects/number.hpp"
#include "vm/objects/sequence.hpp"
#include "vm/objects/str.hpp"
#include "vm/types.hpp"

namespace gilvm::compiler {

using namespace gilvm::ast;

namespace {
uint32_t binary_op_of(OperatorKind k) {
  switch (k) {
    case OperatorKind::Add: return kAdd;
    case OperatorKind::Sub: return kSub;
    case OperatorKind::Mult: return kMul;
    case OperatorKind::MatMult: return kMatMul;
    case OperatorKind::Div: return kTrueDiv;
    case OperatorKind::Mod: return kMod;
    case OperatorKind::Pow: return kPow;
    case OperatorKind::LShift: return kLShift;
    case OperatorKind::RShift: return kRShift;
    case OperatorKind::BitOr: return kOr;
    case OperatorKind::BitXor: return kXor;
    case OperatorKind::BitAnd: return kAnd;
    case OperatorKind::FloorDiv: return kFloorDiv;
  }
  return kAdd;
}
}  // namespace

Value CodeGen::constant(const ConstantValue& c) {
  using K = ConstantValue::Kind;
  switch (c.kind) {
    case K::None: return Value::none();
    case K::True: return Value::true_value();
    case K::False: return Value::false_value();
    case K::Ellipsis: return ellipsis();
    case K::Int: return make_int_from_string(c.text);
    case K::Float: return make_float(c.number);
    case K::Complex: return make_complex({0.0, c.number});
    case K::Str: return new_str(c.text);
    case K::Bytes: return new_bytes(c.text);
  }
  return Value::none();
}

void CodeGen::expr(const Expr* e) {
  SourcePos saved = u().pos;
  set_pos(e);
  switch (e->kind) {
    case ExprKind::Constant:
      load_const(constant(cast<const Constant>(e)->value));
      break;
    case ExprKind::Name:
      name_op(cast<const Name>(e)->id, cast<const Name>(e)->ctx);
      break;
    case ExprKind::BinOp: {
      auto* b = cast<const BinOp>(e);
      expr(b->left);
      expr(b->right);
      set_pos(e);
      emit(Op::BINARY_OP, binary_op_of(b->op));
      break;
    }
    case ExprKind::UnaryOp: {
      auto* un = cast<const UnaryOp>(e);
      expr(un->operand);
      set_pos(e);
      switch (un->op) {
        case UnaryOpKind::Not: emit(Op::UNARY_NOT); break;
        case UnaryOpKind::USub: emit(Op::UNARY_NEGATIVE); break;
        case UnaryOpKind::UAdd: emit(Op::UNARY_POSITIVE); break;
        case UnaryOpKind::Invert: emit(Op::UNARY_INVERT); break;
      }
      break;
    }
    case ExprKind::BoolOp:
      bool_op(cast<const BoolOp>(e));
      break;
    case ExprKind::Compare:
      compare(cast<const Compare>(e));
      break;
    case ExprKind::IfExp: {
      auto* i = cast<const IfExp>(e);
      Label otherwise = new_label(), end = new_label();
      condition_jump(i->test, false, otherwise);
      expr(i->body);
      emit_jump(Op::JUMP_FORWARD, end);
      place(otherwise);
      expr(i->orelse);
      place(end);
      break;
    }
    case ExprKind::NamedExpr: {
      auto* n = cast<const NamedExpr>(e);
      expr(n->value);
      emit(Op::COPY, 1);
      assign_target(n->target);
      break;
    }
    case ExprKind::Call:
      call(cast<const Call>(e));
      break;
    case ExprKind::Attribute: {
      auto* a = cast<const Attribute>(e);
      expr(a->value);
      set_pos(e);
      emit(Op::LOAD_ATTR, add_name(a->attr));
      break;
    }
    case ExprKind::Subscript:
      subscript(cast<const Subscript>(e));
      break;
    case ExprKind::Tuple: {
      auto* t = cast<const ast::Tuple>(e);
      bool starred = false;
      for (const Expr* x : t->elts)
        if (x->kind == ExprKind::Starred) starred = true;
      if (starred) {
        sequence_build(t->elts, Op::BUILD_LIST, Op::LIST_EXTEND);
        emit(Op::LIST_TO_TUPLE);
      } else {
        for (const Expr* x : t->elts) expr(x);
        emit(Op::BUILD_TUPLE, static_cast<uint32_t>(t->elts.size()));
      }
      break;
    }
    case ExprKind::List:
      sequence_build(cast<const ast::List>(e)->elts, Op::BUILD_LIST, Op::LIST_EXTEND);
      break;
    case ExprKind::Set:
      sequence_build(cast<const ast::Set>(e)->elts, Op::BUILD_SET, Op::SET_UPDATE);
      break;
    case ExprKind::Dict:
      dict_display(cast<const ast::Dict>(e));
      break;
    case ExprKind::JoinedStr:
      joined_str(cast<const JoinedStr>(e));
      break;
    case ExprKind::FormattedValue: {
      auto* f = cast<const FormattedValue>(e);
      expr(f->value);
      uint32_t flags = 0;
      if (f->conversion == 's') flags = 1;
      if (f->conversion == 'r') flags = 2;
      if (f->conversion == 'a') flags = 3;
      if (f->format_spec) {
        expr(f->format_spec);
        flags |= 4;
      }
      emit(Op::FORMAT_VALUE, flags);
      break;
    }
    case ExprKind::Lambda:
      lambda(cast<const Lambda>(e));
      break;
    case ExprKind::ListComp: {
      auto* c = cast<const ListComp>(e);
      comprehension(e, c->generators, c->elt, nullptr, 0);
      break;
    }
    case ExprKind::SetComp: {
      auto* c = cast<const SetComp>(e);
      comprehension(e, c->generators, c->elt, nullptr, 1);
      break;
    }
    case ExprKind::DictComp: {
      auto* c = cast<const DictComp>(e);
      comprehension(e, c->generators, c->key, c->value, 2);
      break;
    }
    case ExprKind::GeneratorExp: {
      auto* c = cast<const GeneratorExp>(e);
      comprehension(e, c->generators, c->elt, nullptr, 3);
      break;
    }
    case ExprKind::Yield: {
      auto* y = cast<const Yield>(e);
      if (y->value) expr(y->value);
      else load_none();
      set_pos(e);
      emit(Op::YIELD_VALUE, 0);
      break;
    }
    case ExprKind::YieldFrom:
      expr(cast<const YieldFrom>(e)->value);
      set_pos(e);
      emit(Op::GET_YIELD_FROM_ITER);
      load_none();
      yield_from_loop(false);
      break;
    case ExprKind::Await:
      // In a comprehension, `await` makes it asynchronous; where it is
      // called decides whether that is allowed.
      if (u().scope->kind != ScopeKind::Comprehension)
        check_await_allowed(
            u().scope->kind == ScopeKind::Function ? "'await' outside async function" : "'await' outside function", e);
      expr(cast<const Await>(e)->value);
      set_pos(e);
      emit(Op::GET_AWAITABLE);
      load_none();
      yield_from_loop(true);
      break;
    case ExprKind::Starred:
      error("can't use starred expression here", e);
    case ExprKind::Slice:
      slice(cast<const ast::Slice>(e));
      break;
  }
  u().pos = saved;
}

//   stack: iterator, value_to_send
//   top:  SEND end           (pushes the yielded value, or pops and jumps with the result)
//         YIELD_VALUE 1
//         JUMP_NO_INTERRUPT top
//   end:
void CodeGen::yield_from_loop(bool) {
  Label top = new_label(), end = new_label();
  place(top);
  emit_jump(Op::SEND, end);
  emit(Op::YIELD_VALUE, 1);
  emit_jump(Op::JUMP_NO_INTERRUPT, top);
  place(end);
}

void CodeGen::bool_op(const BoolOp* b) {
  Label end = new_label();
  Op jump = b->op == BoolOpKind::And ? Op::JUMP_IF_FALSE_OR_POP : Op::JUMP_IF_TRUE_OR_POP;
  for (size_t i = 0; i < b->values.size(); ++i) {
    expr(b->values[i]);
    if (i + 1 < b->values.size()) emit_jump(jump, end);
  }
  place(end);
}

static void emit_compare(CodeGen& g, CmpOpKind op) {
  switch (op) {
    case CmpOpKind::Eq: g.emit(Op::COMPARE_OP, kEq); break;
    case CmpOpKind::NotEq: g.emit(Op::COMPARE_OP, kNe); break;
    case CmpOpKind::Lt: g.emit(Op::COMPARE_OP, kLt); break;
    case CmpOpKind::LtE: g.emit(Op::COMPARE_OP, kLe); break;
    case CmpOpKind::Gt: g.emit(Op::COMPARE_OP, kGt); break;
    case CmpOpKind::GtE: g.emit(Op::COMPARE_OP, kGe); break;
    case CmpOpKind::Is: g.emit(Op::IS_OP, 0); break;
    case CmpOpKind::IsNot: g.emit(Op::IS_OP, 1); break;
    case CmpOpKind::In: g.emit(Op::CONTAINS_OP, 0); break;
    case CmpOpKind::NotIn: g.emit(Op::CONTAINS_OP, 1); break;
  }
}

// a < b < c:  a b SWAP 2 COPY 2 < JUMP_IF_FALSE_OR_POP cleanup  c <  JUMP end
//             cleanup: SWAP 2 POP_TOP   end:
void CodeGen::compare(const Compare* c) {
  expr(c->left);
  if (c->ops.size() == 1) {
    expr(c->comparators[0]);
    set_pos(c);
    emit_compare(*this, c->ops[0]);
    return;
  }
  Label cleanup = new_label(), end = new_label();
  for (size_t i = 0; i + 1 < c->ops.size(); ++i) {
    expr(c->comparators[i]);
    emit(Op::SWAP, 2);
    emit(Op::COPY, 2);
    set_pos(c);
    emit_compare(*this, c->ops[i]);
    emit_jump(Op::JUMP_IF_FALSE_OR_POP, cleanup);
  }
  expr(c->comparators.back());
  set_pos(c);
  emit_compare(*this, c->ops.back());
  emit_jump(Op::JUMP_FORWARD, end);
  place(cleanup);
  emit(Op::SWAP, 2);
  emit(Op::POP_TOP);
  place(end);
}

void CodeGen::joined_str(const JoinedStr* j) {
  if (j->values.size() == 1 && j->values[0]->kind == ExprKind::Constant) {
    expr(j->values[0]);
    return;
  }
  for (const Expr* v : j->values) expr(v);
  emit(Op::BUILD_STRING, static_cast<uint32_t>(j->values.size()));
}

// Builds a list/set; starred items are spliced in with LIST_EXTEND/SET_UPDATE.
void CodeGen::sequence_build(const std::vector<Expr*>& elts, Op build, Op extend) {
  bool starred = false;
  for (const Expr* x : elts)
    if (x->kind == ExprKind::Starred) starred = true;
  if (!starred) {
    for (const Expr* x : elts) expr(x);
    emit(build, static_cast<uint32_t>(elts.size()));
    return;
  }
  emit(build, 0);
  for (const Expr* x : elts) {
    if (x->kind == ExprKind::Starred) {
      expr(cast<const Starred>(x)->value);
      emit(extend, 1);
    } else {
      expr(x);
      emit(build == Op::BUILD_LIST ? Op::LIST_APPEND : Op::SET_ADD, 1);
    }
  }
}

void CodeGen::dict_display(const ast::Dict* d) {
  bool unpack = false;
  for (const Expr* k : d->keys)
    if (k == nullptr) unpack = true;
  if (!unpack) {
    for (size_t i = 0; i < d->keys.size(); ++i) {
      expr(d->keys[i]);
      expr(d->values[i]);
    }
    emit(Op::BUILD_MAP, static_cast<uint32_t>(d->keys.size()));
    return;
  }
  emit(Op::BUILD_MAP, 0);
  for (size_t i = 0; i < d->keys.size(); ++i) {
    if (d->keys[i] == nullptr) {
      expr(d->values[i]);
      emit(Op::DICT_UPDATE, 1);
    } else {
      expr(d->keys[i]);
      expr(d->values[i]);
      emit(Op::MAP_ADD, 1);
    }
  }
}

void CodeGen::slice(const ast::Slice* s) {
  if (s->lower) expr(s->lower);
  else load_none();
  if (s->upper) expr(s->upper);
  else load_none();
  if (s->step) {
    expr(s->step);
    emit(Op::BUILD_SLICE, 3);
  } else {
    emit(Op::BUILD_SLICE, 2);
  }
}

void CodeGen::subscript(const Subscript* s) {
  expr(s->value);
  if (auto* sl = dyn_cast<const ast::Slice>(s->slice)) slice(sl);
  else expr(s->slice);
  set_pos(s);
  emit(Op::BINARY_SUBSCR);
}

bool CodeGen::call_args_simple(const Call* c) const {
  for (const Expr* a : c->args)
    if (a->kind == ExprKind::Starred) return false;
  for (const Keyword* k : c->keywords)
    if (!k->arg) return false;
  return true;
}

// Pushes the arguments of a call whose callable and self-or-null are
// already on the stack (plus `extra_positional` more positional values, as
// __build_class__'s function and name), then emits the call.
void CodeGen::call_args(const std::vector<Expr*>& args, const std::vector<Keyword*>& keywords, int extra_positional) {
  bool simple = true;
  for (const Expr* a : args)
    if (a->kind == ExprKind::Starred) simple = false;
  for (const Keyword* k : keywords)
    if (!k->arg) simple = false;
  if (simple) {
    for (const Expr* a : args) expr(a);
    ValueVector kwnames;
    for (const Keyword* k : keywords) {
      for (const Value& seen : kwnames)
        if (seen.as<Str>()->data == *k->arg) error("keyword argument repeated: " + *k->arg, k);
      expr(k->value);
      kwnames.push_back(new_str(*k->arg));
    }
    uint32_t total = static_cast<uint32_t>(args.size() + keywords.size() + extra_positional);
    if (kwnames.empty()) {
      emit(Op::CALL, total);
    } else {
      load_const(new_tuple(std::move(kwnames)));
      emit(Op::CALL_KW, total);
    }
    return;
  }
  // General form: a tuple of positional arguments and a dict of keywords.
  // A lone `*x` is passed as it is: CALL_EX makes the tuple, and its error
  // for a non-iterable names the function, as CPython's does.
  if (extra_positional == 0 && args.size() == 1 && args[0]->kind == ExprKind::Starred) {
    expr(cast<const Starred>(args[0])->value);
  } else {
    emit_positional_list(args, extra_positional);
  }
  if (!keywords.empty()) {
    emit(Op::BUILD_MAP, 0);
    for (const Keyword* k : keywords) {
      if (k->arg) {
        load_const(new_str(*k->arg));
        expr(k->value);
        emit(Op::MAP_ADD, 1);
      } else {
        expr(k->value);
        emit(Op::DICT_MERGE, 1);
      }
    }
    emit(Op::CALL_EX, 1);
  } else {
    emit(Op::CALL_EX, 0);
  }
}

// The positional arguments of a call with `*` unpacking, as a tuple.
void CodeGen::emit_positional_list(const std::vector<Expr*>& args, int extra_positional) {
  emit(Op::BUILD_LIST, static_cast<uint32_t>(extra_positional));
  for (const Expr* a : args) {
    if (a->kind == ExprKind::Starred) {
      expr(cast<const Starred>(a)->value);
      emit(Op::LIST_EXTEND, 1);
    } else {
      expr(a);
      emit(Op::LIST_APPEND, 1);
    }
  }
  emit(Op::LIST_TO_TUPLE);
}

void CodeGen::call(const Call* c) {
  // obj.method(...), also with unpacking (CALL_EX then finds self in the
  // slot after the function): LOAD_METHOD avoids a bound method.
  if (auto* a = dyn_cast<const Attribute>(c->func)) {
    expr(a->value);
    set_pos(a);
    emit(Op::LOAD_METHOD, add_name(a->attr));
    set_pos(c);  // the call itself reports the whole call expression
    call_args(c->args, c->keywords, 0);
    return;
  }
  expr(c->func);
  emit(Op::PUSH_NULL);
  call_args(c->args, c->keywords, 0);
}

void CodeGen::lambda(const Lambda* l) {
  uint32_t flags = function_defaults(l->args);
  Scope* scope = symbols_.scope_for(l);
  enter_unit(scope, "<lambda>", qualname_for("<lambda>", true), l->lineno);
  Code* code = u().code;
  code->posonlyargcount = static_cast<uint32_t>(l->args->posonlyargs.size());
  code->argcount = static_cast<uint32_t>(l->args->posonlyargs.size() + l->args->args.size());
  code->kwonlyargcount = static_cast<uint32_t>(l->args->kwonlyargs.size());
  if (l->args->vararg) code->flags |= kCodeVarargs;
  if (l->args->kwarg) code->flags |= kCodeVarkeywords;
  code->flags |= kCodeNested;
  if (scope->is_generator) code->flags |= kCodeGenerator;
  set_pos(l->body);
  expr(l->body);
  emit(Op::RETURN_VALUE);
  Code* built = leave_unit();
  set_pos(l);
  make_function(built, scope, flags);
}

// A comprehension is a nested function called with the iterator of its first
// `for` clause: kind 0 list, 1 set, 2 dict, 3 generator expression.
void CodeGen::comprehension(const Expr* node, const std::vector<Comprehension*>& gens, const Expr* elt,
                            const Expr* value, int kind) {
  static const char* names[] = {"<listcomp>", "<setcomp>", "<dictcomp>", "<genexpr>"};
  Scope* scope = symbols_.scope_for(node);
  bool outer_async = u().in_async;
  enter_unit(scope, names[kind], qualname_for(names[kind], true), node->lineno);
  u().in_async = outer_async;
  Code* code = u().code;
  code->argcount = 1;
  code->flags |= kCodeNested;
  if (kind == 3) code->flags |= scope->is_coroutine ? kCodeAsyncGenerator : kCodeGenerator;
  else if (scope->is_coroutine) code->flags |= kCodeCoroutine;
  set_pos(node);
  if (kind == 0) emit(Op::BUILD_LIST, 0);
  if (kind == 1) emit(Op::BUILD_SET, 0);
  if (kind == 2) emit(Op::BUILD_MAP, 0);
  comprehension_loop(gens, 0, elt, value, kind);
  if (kind == 3) load_none();
  emit(Op::RETURN_VALUE);
  Code* built = leave_unit();
  set_pos(node);
  make_function(built, scope, 0);
  emit(Op::PUSH_NULL);
  expr(gens[0]->iter);
  emit(gens[0]->is_async ? Op::GET_AITER : Op::GET_ITER);
  emit(Op::CALL, 1);
  if (scope->is_coroutine && kind != 3) {
    if (u().scope->kind != ScopeKind::Comprehension)
      check_await_allowed("asynchronous comprehension outside of an asynchronous function", node);
    emit(Op::GET_AWAITABLE);
    load_none();
    yield_from_loop(true);
  }
}

void CodeGen::comprehension_loop(const std::vector<Comprehension*>& gens, size_t index, const Expr* elt,
                                 const Expr* value, int kind) {
  const Comprehension* g = gens[index];
  Label top = new_label(), end = new_label();
  if (index == 0) {
    emit(Op::LOAD_FAST, add_varname(".0"));  // GET_ITER or GET_AITER ran in the caller
  } else {
    expr(g->iter);
    emit(g->is_async ? Op::GET_AITER : Op::GET_ITER);
  }
  place(top);
  if (g->is_async) {
    // As an `async for` statement: await __anext__(), and let
    // StopAsyncIteration (caught at `end`) finish this clause.
    push_handler(end);
    emit(Op::GET_ANEXT);
    load_none();
    yield_from_loop(true);
    pop_handler();
  } else {
    emit_jump(Op::FOR_ITER, end);
  }
  assign_target(g->target);
  for (const Expr* cond : g->ifs) condition_jump(cond, false, top);
  if (index + 1 < gens.size()) {
    comprehension_loop(gens, index + 1, elt, value, kind);
  } else {
    // The result container sits below one iterator per loop.
    uint32_t depth = static_cast<uint32_t>(gens.size()) + 1;
    switch (kind) {
      case 0:
        expr(elt);
        emit(Op::LIST_APPEND, depth);
        break;
      case 1:
        expr(elt);
        emit(Op::SET_ADD, depth);
        break;
      case 2:
        expr(elt);
        expr(value);
        emit(Op::MAP_ADD, depth);
        break;
      default:
        expr(elt);
        emit(Op::YIELD_VALUE, 0);
        emit(Op::POP_TOP);
        break;
    }
  }
  emit_jump(Op::JUMP_BACKWARD, top);
  place(end);
  if (g->is_async) emit(Op::END_ASYNC_FOR);
}

}  // namespace gilvm::compiler
