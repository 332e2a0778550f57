// Functions, bound methods, built-in functions, property, staticmethod,
// classmethod, code and cell objects: reprs, attributes and constructors.
#include <cstdio>

#include "vm/builtins/install.hpp"
#include "vm/errors.hpp"
#include "vm/heap/heap.hpp"
#include "vm/names.hpp"
#include "vm/native.hpp"
#include "vm/objects/dict.hpp"
#include "vm/objects/sequence.hpp"
#include "vm/objects/str.hpp"
#include "vm/ops.hpp"

namespace gilvm {

namespace {

std::string address_of(Value v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "0x%llx", static_cast<unsigned long long>(v.raw()));
  return buf;
}

Function* fn(Value v) { return v.as<Function>(); }

Value function_repr(const CallArgs& a) {
  return new_str("<function " + fn(a[0])->qualname->data + " at " + address_of(a[0]) + ">");
}
Value function_get(const CallArgs& a) {
  // function.__get__(instance, owner): binding for explicit descriptor use.
  if (a.count < 2 || a[1].is_none()) return a[0];
  return new_bound_method(a[1], a[0]);
}
// f.__call__(*args, **kwargs) for functions, methods and built-ins: the
// call protocol spelled out (the interpreter calls them directly).
Value callable_dunder_call(const CallArgs& a) {
  return call_object(a[0], CallArgs{a.args + 1, a.count - 1, a.kwnames});
}
Value get_name(Value self) { return fn(self)->name; }
void set_name(Value self, Value v) {
  if (type_of(v) != types().str) raise_type_error("__name__ must be set to a string object");
  fn(self)->name = v.as<Str>();
}
Value get_qualname(Value self) { return fn(self)->qualname; }
void set_qualname(Value self, Value v) {
  if (type_of(v) != types().str) raise_type_error("__qualname__ must be set to a string object");
  fn(self)->qualname = v.as<Str>();
}
Value get_doc(Value self) { return fn(self)->doc; }
void set_doc(Value self, Value v) { fn(self)->doc = v.is_null() ? Value::none() : v; }
Value get_module(Value self) { return fn(self)->module; }
void set_module(Value self, Value v) { fn(self)->module = v; }
Value get_defaults(Value self) { return fn(self)->defaults ? Value(fn(self)->defaults) : Value::none(); }
void set_defaults(Value self, Value v) {
  fn(self)->defaults = (v.is_null() || v.is_none()) ? nullptr : v.as<Tuple>();
}
Value get_kwdefaults(Value self) { return fn(self)->kwdefaults ? Value(fn(self)->kwdefaults) : Value::none(); }
Value get_code(Value self) { return fn(self)->code; }
Value get_globals(Value self) { return fn(self)->globals; }
Value get_closure(Value self) { return fn(self)->closure ? Value(fn(self)->closure) : Value::none(); }
Value get_annotations(Value self) {
  Function* f = fn(self);
  if (f->annotations == nullptr) f->annotations = new_dict();
  return f->annotations;
}

Value method_repr(const CallArgs& a) {
  BoundMethod* m = a[0].as<BoundMethod>();
  std::string qualname = "?";
  Value q = get_attr_or_null(m->function, names().__qualname__);
  if (!q.is_null() && type_of(q) == types().str) qualname = q.as<Str>()->data;
  return new_str("<bound method " + qualname + " of " + repr_string(m->self) + ">");
}
Value method_self(Value self) { return self.as<BoundMethod>()->self; }
Value method_func(Value self) { return self.as<BoundMethod>()->function; }
Value method_name(Value self) { return get_attr(self.as<BoundMethod>()->function, names().__name__); }
Value method_qualname(Value self) { return get_attr(self.as<BoundMethod>()->function, names().__qualname__); }
Value method_doc(Value self) { return get_attr(self.as<BoundMethod>()->function, names().__doc__); }
// As CPython's method objects, which look attributes up on their function.
Value method_module(Value self) { return get_attr(self.as<BoundMethod>()->function, names().__module__); }
Value method_eq(const CallArgs& a) {
  if (type_of(a[1]) != types().bound_method) return not_implemented();
  BoundMethod* x = a[0].as<BoundMethod>();
  BoundMethod* y = a[1].as<BoundMethod>();
  return Value::boolean(x->self.is(y->self) && x->function.is(y->function));
}
Value method_hash(const CallArgs& a) {
  BoundMethod* m = a[0].as<BoundMethod>();
  return Value::small_int(static_cast<int64_t>((m->self.raw() ^ m->function.raw()) >> 4));
}

Value native_repr(const CallArgs& a) {
  NativeFunction* f = a[0].as<NativeFunction>();
  if (f->owner != nullptr)
    return new_str("<method '" + std::string(f->name) + "' of '" + f->owner->name + "' objects>");
  return new_str("<built-in function " + std::string(f->name) + ">");
}
Value native_name(Value self) { return new_str(self.as<NativeFunction>()->name); }
Value native_qualname(Value self) {
  NativeFunction* f = self.as<NativeFunction>();
  return new_str(f->owner ? f->owner->name + "." + f->name : std::string(f->name));
}
Value native_module(Value self) {
  Value m = self.as<NativeFunction>()->bound_module;
  return m.is_null() ? Value::none() : m;
}
Value native_get(const CallArgs& a) {
  if (a.count < 2 || a[1].is_none()) return a[0];
  return new_bound_method(a[1], a[0]);
}

// --- property ------------------------------------------------------------------

Property* prop(Value v) { return v.as<Property>(); }
Value property_construct(Type* type, const CallArgs& args) {
  ArgParser p(args, "property", {"fget", "fset", "fdel", "doc"}, 0, false);
  Property* pr = gc_new<Property>(type);
  pr->getter = p.get(0, Value::none());
  pr->setter = p.get(1, Value::none());
  pr->deleter = p.get(2, Value::none());
  Value doc = p.get(3, Value::none());
  if (doc.is_none() && !pr->getter.is_none()) {
    Value d = get_attr_or_null(pr->getter, names().__doc__);
    if (!d.is_null()) doc = d;
  }
  pr->doc = doc;
  return pr;
}
Value property_copy(Value self, int which, Value f) {
  Property* old = prop(self);
  Property* p = gc_new<Property>(old->type);
  p->getter = which == 0 ? f : old->getter;
  p->setter = which == 1 ? f : old->setter;
  p->deleter = which == 2 ? f : old->deleter;
  p->doc = old->doc;
  p->name = old->name;
  if (which == 0 && p->doc.is_none()) {
    Value d = get_attr_or_null(f, names().__doc__);
    if (!d.is_null()) p->doc = d;
  }
  return p;
}
Value property_getter(const CallArgs& a) { return property_copy(a[0], 0, a[1]); }
Value property_setter(const CallArgs& a) { return property_copy(a[0], 1, a[1]); }
Value property_deleter(const CallArgs& a) { return property_copy(a[0], 2, a[1]); }
// property.__get__ runs the getter itself: dispatching through
// bind_descriptor would find a subclass's own __get__ again, and a subclass
// calling super().__get__ would recurse forever.
Value property_get(const CallArgs& a) {
  if (a.count < 2 || a[1].is_none()) return a[0];
  Property* p = prop(a[0]);
  if (p->getter.is_null() || p->getter.is_none()) property_missing(p, a[1], "getter");
  Value instance = a[1];
  return call_object(p->getter, CallArgs{&instance, 1});
}
Value property_set_name(const CallArgs& a) {
  check_arg_count(a, "__set_name__", 3, 3);
  prop(a[0])->name = a[2];
  return Value::none();
}
Value property_fget(Value self) { return prop(self)->getter; }
Value property_fset(Value self) { return prop(self)->setter; }
Value property_fdel(Value self) { return prop(self)->deleter; }
Value property_doc(Value self) { return prop(self)->doc; }

Value staticmethod_construct(Type* type, const CallArgs& args) {
  check_arg_count(args, "staticmethod", 1, 1);
  return gc_new<StaticMethod>(type, args[0]);
}
Value classmethod_construct(Type* type, const CallArgs& args) {
  check_arg_count(args, "classmethod", 1, 1);
  return gc_new<ClassMethod>(type, args[0]);
}
Value staticmethod_func(Value self) { return self.as<StaticMethod>()->function; }
Value classmethod_func(Value self) { return self.as<ClassMethod>()->function; }
// staticmethod.__get__ and classmethod.__get__: the attribute lookup binds
// these natively; the methods are there for code that asks a descriptor
// for itself (hasattr(x, "__get__"), enum's member test, explicit calls).
Value staticmethod_get(const CallArgs& a) {
  check_arg_count(a, "__get__", 2, 3);
  return a[0].as<StaticMethod>()->function;
}
Value classmethod_get(const CallArgs& a) {
  check_arg_count(a, "__get__", 2, 3);
  Value owner = a.count > 2 && !a[2].is_none() ? a[2] : Value(type_of(a[1]));
  if (a.count <= 2 && a[1].is_none()) raise_type_error("__get__(None, None) is invalid");
  return new_bound_method(owner, a[0].as<ClassMethod>()->function);
}
Value staticmethod_call(const CallArgs& a) {
  return call_object(a[0].as<StaticMethod>()->function, CallArgs{a.args + 1, a.count - 1, a.kwnames});
}

// types.FunctionType(code, globals, name=None, argdefs=None, closure=None).
Value function_construct(Type*, const CallArgs& args) {
  ArgParser p(args, "function", {"code", "globals", "name", "argdefs", "closure"}, 2, false);
  Value code = p.get(0), globals = p.get(1);
  Value name = p.get(2, Value::none()), defaults = p.get(3, Value::none()), closure = p.get(4, Value::none());
  // Argument Clinic's wording, which says None rather than NoneType.
  auto described = [](Value v) { return v.is_none() ? std::string("None") : type_name(v); };
  if (type_of(code) != types().code)
    raise_type_error("function() argument 'code' must be code, not " + described(code));
  if (!isinstance(globals, types().dict))
    raise_type_error("function() argument 'globals' must be dict, not " + described(globals));
  if (!name.is_none() && !isinstance(name, types().str)) raise_type_error("arg 3 (name) must be None or string");
  if (!defaults.is_none() && !isinstance(defaults, types().tuple))
    raise_type_error("arg 4 (defaults) must be None or tuple");
  Code* c = code.as<Code>();
  if (!isinstance(closure, types().tuple)) {
    if (!closure.is_none()) raise_type_error("arg 5 (closure) must be None or tuple");
    if (!c->freevars.empty()) raise_type_error("arg 5 (closure) must be tuple");
  }
  size_t cells = closure.is_none() ? 0 : closure.as<Tuple>()->items.size();
  if (cells != c->freevars.size())
    raise_value_error(c->name->data + " requires closure of length " + std::to_string(c->freevars.size()) +
                      ", not " + std::to_string(cells));
  if (cells != 0) {
    for (Value cell : closure.as<Tuple>()->items)
      if (type_of(cell) != types().cell) raise_type_error("arg 5 (closure) expected cell, found " + type_name(cell));
  }
  Function* f = new_function(c, globals.as<Dict>());
  if (!name.is_none()) f->name = name.as<Str>();
  if (!defaults.is_none()) f->defaults = defaults.as<Tuple>();
  if (cells != 0) f->closure = closure.as<Tuple>();
  Value module_name = f->globals->table.get_str(names().__name__);
  f->module = module_name.is_null() ? Value::none() : module_name;
  f->doc = c->doc.is_null() ? Value::none() : c->doc;
  return f;
}

Value code_repr(const CallArgs& a) {
  Code* c = a[0].as<Code>();
  return new_str("<code object " + c->name->data + " at " + address_of(a[0]) + ", file \"" + c->filename->data +
                 "\", line " + std::to_string(c->first_line) + ">");
}
Value code_name(Value self) { return self.as<Code>()->name; }
Value code_filename(Value self) { return self.as<Code>()->filename; }
Value code_firstlineno(Value self) { return Value::small_int(self.as<Code>()->first_line); }
Value code_argcount(Value self) { return Value::small_int(self.as<Code>()->argcount); }
Value code_varnames(Value self) {
  ValueVector v(self.as<Code>()->varnames.begin(), self.as<Code>()->varnames.end());
  return new_tuple(std::move(v));
}
Value code_posonlyargcount(Value self) { return Value::small_int(self.as<Code>()->posonlyargcount); }
Value code_kwonlyargcount(Value self) { return Value::small_int(self.as<Code>()->kwonlyargcount); }
Value code_nlocals(Value self) { return Value::small_int(self.as<Code>()->nlocals()); }
Value code_qualname(Value self) {
  Code* c = self.as<Code>();
  return c->qualname != nullptr ? c->qualname : c->name;
}
Value names_tuple(const std::vector<Str*>& names) {
  ValueVector v(names.begin(), names.end());
  return new_tuple(std::move(v));
}
Value code_cellvars(Value self) { return names_tuple(self.as<Code>()->cellvars); }
Value code_freevars(Value self) { return names_tuple(self.as<Code>()->freevars); }
Value code_names(Value self) { return names_tuple(self.as<Code>()->names); }
// CPython's co_flags bits (inspect.CO_*), translated from ours, so that
// inspect-style checks (asyncio.iscoroutinefunction) read the same numbers.
Value code_flags(Value self) {
  uint32_t f = self.as<Code>()->flags;
  int64_t out = 0;
  if (!(f & kCodeUsesLocalsDict)) out |= 0x1 | 0x2;  // CO_OPTIMIZED | CO_NEWLOCALS
  if (f & kCodeVarargs) out |= 0x4;
  if (f & kCodeVarkeywords) out |= 0x8;
  if (f & kCodeNested) out |= 0x10;
  if (f & kCodeGenerator) out |= 0x20;
  if (f & kCodeCoroutine) out |= 0x80;
  if (f & kCodeAsyncGenerator) out |= 0x200;
  return Value::small_int(out);
}
Value cell_contents(Value self) {
  Value v = self.as<Cell>()->contents;
  if (v.is_null()) raise_error(exc().ValueError, "Cell is empty");
  return v;
}

}  // namespace

void install_function_methods() {
  Type* f = types().function;
  f->construct = function_construct;
  add_method(f, "__repr__", function_repr);
  add_method(f, "__get__", function_get);
  add_method(f, "__call__", callable_dunder_call);
  add_getset(f, "__name__", get_name, set_name);
  add_getset(f, "__qualname__", get_qualname, set_qualname);
  add_getset(f, "__doc__", get_doc, set_doc);
  add_getset(f, "__module__", get_module, set_module);
  add_getset(f, "__defaults__", get_defaults, set_defaults);
  add_getset(f, "__kwdefaults__", get_kwdefaults);
  add_getset(f, "__code__", get_code);
  add_getset(f, "__globals__", get_globals);
  add_getset(f, "__closure__", get_closure);
  add_getset(f, "__annotations__", get_annotations);

  Type* m = types().bound_method;
  add_method(m, "__repr__", method_repr);
  add_method(m, "__eq__", method_eq);
  add_method(m, "__hash__", method_hash);
  add_method(m, "__call__", callable_dunder_call);
  add_getset(m, "__self__", method_self);
  add_getset(m, "__func__", method_func);
  add_getset(m, "__name__", method_name);
  add_getset(m, "__qualname__", method_qualname);
  add_getset(m, "__doc__", method_doc);
  add_getset(m, "__module__", method_module);

  Type* n = types().native_function;
  add_method(n, "__repr__", native_repr);
  add_method(n, "__get__", native_get);
  add_method(n, "__call__", callable_dunder_call);
  add_getset(n, "__name__", native_name);
  add_getset(n, "__qualname__", native_qualname);
  add_getset(n, "__module__", native_module);

  Type* p = types().property;
  p->construct = property_construct;
  add_method(p, "getter", property_getter);
  add_method(p, "setter", property_setter);
  add_method(p, "deleter", property_deleter);
  add_method(p, "__get__", property_get);
  add_method(p, "__set_name__", property_set_name);
  add_getset(p, "fget", property_fget);
  add_getset(p, "fset", property_fset);
  add_getset(p, "fdel", property_fdel);
  add_getset(p, "__doc__", property_doc);

  types().staticmethod->construct = staticmethod_construct;
  add_getset(types().staticmethod, "__func__", staticmethod_func);
  add_method(types().staticmethod, "__get__", staticmethod_get);
  add_method(types().staticmethod, "__call__", staticmethod_call);
  types().classmethod->construct = classmethod_construct;
  add_getset(types().classmethod, "__func__", classmethod_func);
  add_method(types().classmethod, "__get__", classmethod_get);

  add_method(types().code, "__repr__", code_repr);
  add_getset(types().code, "co_name", code_name);
  add_getset(types().code, "co_filename", code_filename);
  add_getset(types().code, "co_firstlineno", code_firstlineno);
  add_getset(types().code, "co_argcount", code_argcount);
  add_getset(types().code, "co_varnames", code_varnames);
  add_getset(types().code, "co_flags", code_flags);
  add_getset(types().code, "co_posonlyargcount", code_posonlyargcount);
  add_getset(types().code, "co_kwonlyargcount", code_kwonlyargcount);
  add_getset(types().code, "co_nlocals", code_nlocals);
  add_getset(types().code, "co_qualname", code_qualname);
  add_getset(types().code, "co_cellvars", code_cellvars);
  add_getset(types().code, "co_freevars", code_freevars);
  add_getset(types().code, "co_names", code_names);
  install_code_introspection();
  add_getset(types().cell, "cell_contents", cell_contents);
}

}  // namespace gilvm
