// contextvars: Context, ContextVar, Token, copy_context (PEP 567).
//
// Contract
// --------
// * Each thread has a current Context (ThreadState::context), made empty
//   on first use: a new thread starts with an empty context, as in
//   CPython 3.11.
// * A Context maps ContextVar -> value in a dict. ContextVar.set writes
//   into the current Context; copy_context() shares the current dict and
//   both copy it before their next write, so a copy is a snapshot that later
//   sets do not change (CPython shares an immutable map instead; the
//   difference is not observable, only its cost: the first set after a
//   copy is O(variables), which scripts keep small).
// * Context.run(f, ...) makes the Context current for the call and restores
//   the previous one afterwards, even when f raises; a Context is current
//   in at most one place at a time ("already entered").
// * asyncio captures copy_context() per task and runs each step in it, so
//   a variable set in a task is seen by that task only.
#include <cstdio>
#include <string>

#include "stdlib/contextvars_run.hpp"
#include "stdlib/stdlib.hpp"
#include "vm/builtins/install.hpp"
#include "vm/builtins_core.hpp"
#include "vm/errors.hpp"
#include "vm/heap/heap.hpp"
#include "vm/heap/value_vector.hpp"
#include "vm/import.hpp"
#include "vm/native.hpp"
#include "vm/objects/dict.hpp"
#include "vm/objects/module.hpp"
#include "vm/objects/number.hpp"
#include "vm/objects/sequence.hpp"
#include "vm/objects/str.hpp"
#include "vm/ops.hpp"
#include "vm/thread_state.hpp"
#include "vm/types.hpp"

namespace gilvm {

namespace {

// A copy shares its original's dict until either of them sets a variable
// (copy on write): asyncio copies the context for every task, and most
// tasks never set one.
struct ContextObject : Object {
  Dict* vars;
  bool entered = false;
  bool shares_vars = false;  // `vars` may be another Context's too: copy before writing
  explicit ContextObject(Type* t) : Object(t), vars(new_dict()) {}
  ContextObject(Type* t, Dict* shared) : Object(t), vars(shared), shares_vars(true) {}
  void trace(Tracer& t) override { t.visit(vars); }
};

struct ContextVarObject : Object {
  Value name;
  Value fallback;  // the default, or null
  explicit ContextVarObject(Type* t) : Object(t) {}
  void trace(Tracer& t) override {
    t.visit(name);
    if (!fallback.is_null()) t.visit(fallback);
  }
};

struct TokenObject : Object {
  Value context;
  Value var;
  Value old_value;  // null: the variable had no value
  bool used = false;
  explicit TokenObject(Type* t) : Object(t) {}
  void trace(Tracer& t) override {
    t.visit(context);
    t.visit(var);
    if (!old_value.is_null()) t.visit(old_value);
  }
};

Type* context_type = nullptr;
Type* context_var_type = nullptr;
Type* token_type = nullptr;
Value token_missing;  // Token.MISSING

std::string address_of(Value v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "0x%llx", static_cast<unsigned long long>(v.raw()));
  return buf;
}

ContextObject* current_context() {
  ThreadState* ts = current_thread_state();
  if (ts->context.is_null()) ts->context = gc_new<ContextObject>(context_type);
  return ts->context.as<ContextObject>();
}

ContextObject* self_context(const CallArgs& a) {
  if (a.count == 0 || !isinstance(a[0], context_type)) raise_type_error("descriptor requires a 'Context' object");
  return a[0].as<ContextObject>();
}

ContextVarObject* self_var(const CallArgs& a) {
  if (a.count == 0 || !isinstance(a[0], context_var_type)) raise_type_error("descriptor requires a 'ContextVar' object");
  return a[0].as<ContextVarObject>();
}

Value var_key(Value v) {
  if (!isinstance(v, context_var_type)) raise_type_error("a ContextVar key was expected, got " + repr_string(v));
  return v;
}

Dict* copy_vars(const Dict* from) {
  Dict* to = new_dict();
  const DictTable& t = from->table;
  for (size_t i = 0; i < t.entry_capacity(); ++i) {
    const DictEntry& e = t.entry_at(i);
    if (!e.key.is_null()) to->table.set(e.key, e.value);
  }
  return to;
}

// The vars of `ctx`, its own from now on.
Dict* writable_vars(ContextObject* ctx) {
  if (ctx->shares_vars) {
    ctx->vars = copy_vars(ctx->vars);
    ctx->shares_vars = false;
  }
  return ctx->vars;
}

Value share_copy(ContextObject* from) {
  from->shares_vars = true;
  return gc_new<ContextObject>(context_type, from->vars);
}

// -- Context

Value context_construct(Type* type, const CallArgs& a) {
  if (a.count != 0 || a.kw_count() != 0) raise_type_error("Context() does not accept any arguments");
  return gc_new<ContextObject>(type);
}

Value copy_context(const CallArgs& a) {
  check_arg_count(a, "copy_context", 0, 0);
  return share_copy(current_context());
}

Value context_copy(const CallArgs& a) {
  return share_copy(self_context(a));
}

Value context_run(const CallArgs& a) {
  self_context(a);  // the type check
  if (a.count < 2) raise_type_error("run() missing 1 required positional argument");
  return run_in_context(a[0], a[1], CallArgs{a.args + 2, a.count - 2, a.kwnames});
}

}  // namespace

Value run_in_context(Value context, Value fn, const CallArgs& args) {
  if (!is_type(context, context_type)) {
    // A subclass or a stand-in: whatever its run() does.
    Value run = get_attr(context, intern("run"));
    ValueVector all;
    all.push_back(fn);
    for (size_t i = 0; i < args.count + args.kw_count(); ++i) all.push_back(args.args[i]);
    return call_object(run, CallArgs{all.data(), args.count + 1, args.kwnames});
  }
  ContextObject* self = context.as<ContextObject>();
  if (self->entered) raise_runtime_error("cannot enter context: <Context object at " + address_of(context) + "> is already entered");
  ThreadState* ts = current_thread_state();
  Value previous = ts->context;
  self->entered = true;
  ts->context = context;
  struct Restore {
    ThreadState* ts;
    Value previous;
    ContextObject* self;
    ~Restore() {
      ts->context = previous;
      self->entered = false;
    }
  } restore{ts, previous, self};
  return call_object(fn, args);
}

ContextEntry::ContextEntry(Value context) : context_(context) {
  if (context.is_null()) return;
  if (!is_type(context, context_type)) {
    direct_ = false;
    return;
  }
  ContextObject* self = context.as<ContextObject>();
  if (self->entered) raise_runtime_error("cannot enter context: <Context object at " + address_of(context) + "> is already entered");
  ThreadState* ts = current_thread_state();
  previous_ = ts->context;
  self->entered = true;
  ts->context = context;
  entered_ = true;
}

ContextEntry::~ContextEntry() {
  if (!entered_) return;
  current_thread_state()->context = previous_;
  context_.as<ContextObject>()->entered = false;
}

namespace {

Value context_getitem(const CallArgs& a) {
  check_arg_count(a, "__getitem__", 2, 2);
  Value v = self_context(a)->vars->table.get(var_key(a[1]));
  if (v.is_null()) raise_key_error(a[1]);
  return v;
}

Value context_get(const CallArgs& a) {
  check_arg_count(a, "get", 2, 3);
  Value v = self_context(a)->vars->table.get(var_key(a[1]));
  if (!v.is_null()) return v;
  return a.count == 3 ? a[2] : Value::none();
}

Value context_contains(const CallArgs& a) {
  check_arg_count(a, "__contains__", 2, 2);
  return Value::boolean(self_context(a)->vars->table.contains(var_key(a[1])));
}

Value context_len(const CallArgs& a) { return make_int(static_cast<int64_t>(self_context(a)->vars->size())); }

// keys, values, items and iteration work on a snapshot list.
Value context_part(const CallArgs& a, int which) {
  const DictTable& t = self_context(a)->vars->table;
  std::vector<Value> out;
  for (size_t i = 0; i < t.entry_capacity(); ++i) {
    const DictEntry& e = t.entry_at(i);
    if (e.key.is_null()) continue;
    out.push_back(which == 0 ? e.key : which == 1 ? e.value : Value(new_tuple({e.key, e.value})));
  }
  return new_list(std::move(out));
}
Value context_keys(const CallArgs& a) { return context_part(a, 0); }
Value context_values(const CallArgs& a) { return context_part(a, 1); }
Value context_items(const CallArgs& a) { return context_part(a, 2); }
Value context_iter(const CallArgs& a) { return get_iter(context_part(a, 0)); }

// -- ContextVar

Value var_construct(Type* type, const CallArgs& a) {
  ArgParser p(a, "ContextVar", {"name", "default"}, 1, false, 1);
  Value name = p.get(0);
  if (!isinstance(name, types().str)) raise_type_error("context variable name must be a str");
  auto* var = gc_new<ContextVarObject>(type);
  var->name = name;
  var->fallback = p.get(1);
  return var;
}

Value var_get(const CallArgs& a) {
  check_arg_count(a, "get", 1, 2);
  ContextVarObject* var = self_var(a);
  ThreadState* ts = current_thread_state();
  if (!ts->context.is_null()) {
    Value v = ts->context.as<ContextObject>()->vars->table.get(a[0]);
    if (!v.is_null()) return v;
  }
  if (a.count == 2) return a[1];
  if (!var->fallback.is_null()) return var->fallback;
  raise_exception(call_object(exc().LookupError, CallArgs{a.args, 1}));
}

Value var_set(const CallArgs& a) {
  check_arg_count(a, "set", 2, 2);
  self_var(a);
  ContextObject* ctx = current_context();
  auto* token = gc_new<TokenObject>(token_type);
  token->context = ctx;
  token->var = a[0];
  token->old_value = ctx->vars->table.get(a[0]);
  writable_vars(ctx)->table.set(a[0], a[1]);
  return token;
}

std::string token_repr_string(Value token);

Value var_reset(const CallArgs& a) {
  check_arg_count(a, "reset", 2, 2);
  self_var(a);
  if (!isinstance(a[1], token_type)) raise_type_error("expected an instance of Token, got " + repr_string(a[1]));
  auto* token = a[1].as<TokenObject>();
  if (token->used) raise_runtime_error(token_repr_string(a[1]) + " has already been used once");
  if (!token->var.is(a[0])) raise_value_error(token_repr_string(a[1]) + " was created by a different ContextVar");
  ContextObject* ctx = current_context();
  if (!token->context.is(Value(ctx))) raise_value_error(token_repr_string(a[1]) + " was created in a different Context");
  token->used = true;
  if (token->old_value.is_null()) writable_vars(ctx)->table.remove(a[0]);
  else writable_vars(ctx)->table.set(a[0], token->old_value);
  return Value::none();
}

Value var_repr(const CallArgs& a) {
  ContextVarObject* var = self_var(a);
  std::string out = "<ContextVar name=" + repr_string(var->name);
  if (!var->fallback.is_null()) out += " default=" + repr_string(var->fallback);
  return new_str(out + " at " + address_of(a[0]) + ">");
}

Value var_name(Value self) { return self.as<ContextVarObject>()->name; }
Value var_class_getitem(const CallArgs& a) {
  check_arg_count(a, "__class_getitem__", 2, 2);
  return new_generic_alias(a[0], a[1]);
}

// -- Token

std::string token_repr_string(Value token) {
  auto* t = token.as<TokenObject>();
  std::string out = "<Token";
  if (t->used) out += " used";
  return out + " var=" + repr_string(t->var) + " at " + address_of(token) + ">";
}

Value token_repr(const CallArgs& a) {
  if (a.count == 0 || !isinstance(a[0], token_type)) raise_type_error("descriptor requires a 'Token' object");
  return new_str(token_repr_string(a[0]));
}
Value token_var(Value self) { return self.as<TokenObject>()->var; }
Value token_old_value(Value self) {
  Value old = self.as<TokenObject>()->old_value;
  return old.is_null() ? token_missing : old;
}
Value token_construct(Type*, const CallArgs&) { raise_runtime_error("Tokens can only be created by ContextVars"); }

Value missing_repr(const CallArgs&) { return new_str("<Token.MISSING>"); }

void init_contextvars(Module* m) {
  if (context_type == nullptr) {
    context_type = new_builtin_type("Context", types().object, context_construct);
    context_type->allows_subclassing = false;
    add_method(context_type, "run", context_run);
    add_method(context_type, "copy", context_copy);
    add_method(context_type, "get", context_get);
    add_method(context_type, "keys", context_keys);
    add_method(context_type, "values", context_values);
    add_method(context_type, "items", context_items);
    add_method(context_type, "__getitem__", context_getitem);
    add_method(context_type, "__contains__", context_contains);
    add_method(context_type, "__len__", context_len);
    add_method(context_type, "__iter__", context_iter);

    context_var_type = new_builtin_type("ContextVar", types().object, var_construct);
    context_var_type->allows_subclassing = false;
    add_method(context_var_type, "get", var_get);
    add_method(context_var_type, "set", var_set);
    add_method(context_var_type, "reset", var_reset);
    add_method(context_var_type, "__repr__", var_repr);
    add_getset(context_var_type, "name", var_name);
    add_class_method(context_var_type, "__class_getitem__", var_class_getitem);

    token_type = new_builtin_type("Token", types().object, token_construct);
    token_type->allows_subclassing = false;
    add_method(token_type, "__repr__", token_repr);
    add_getset(token_type, "var", token_var);
    add_getset(token_type, "old_value", token_old_value);
    Type* missing_type = new_builtin_type("Token.MISSING", types().object, token_construct);
    add_method(missing_type, "__repr__", missing_repr);
    Object* missing = gc_new<Object>(missing_type);
    keep_alive(missing);
    token_missing = missing;
    add_type_attr(token_type, "MISSING", token_missing);
    for (Type* t : {context_type, context_var_type, token_type}) add_type_attr(t, "__module__", intern("contextvars"));
  }
  m->dict()->table.set(intern("Context"), context_type);
  m->dict()->table.set(intern("ContextVar"), context_var_type);
  m->dict()->table.set(intern("Token"), token_type);
  add_function(m, "copy_context", copy_context);
}

}  // namespace

void register_contextvars_module() { register_builtin_module("contextvars", init_contextvars); }

}  // namespace gilvm
