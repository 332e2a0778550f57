// Entry points into the interpreter loop (vm/interp.cpp) for the rest of
// the VM: calling Python functions, running module code, resuming generators.
#pragma once

#include "vm/objects/function.hpp"

namespace gilvm {

struct Dict;
struct Generator;

// Calls a Python function (collection may run inside, as anywhere Python runs).
Value call_function(Function* function, const CallArgs& args);

// Runs module-level (or exec) code with the given namespaces.
Value run_code(Code* code, Dict* globals, Dict* locals);
// run_code with a locals mapping that is not a dict (exec(src, g, mapping)):
// name lookups and stores index it.
Value run_code_in_mapping(Code* code, Dict* globals, Value locals);

struct Frame;
struct ThreadState;
// Runs frames from `entry` (already linked to its caller) until it returns
// or, for a generator frame, yields.
// `throw_in`, if given, is raised at the frame's suspension point first.
Value eval_frame(ThreadState* ts, Frame* entry, Value throw_in = Value());

// generator.throw() on a suspended frame (see vm/objects/generator.cpp).
// `raw_throw`, when given, holds throw()'s arguments as the caller passed
// them, for a `yield from` delegate's own throw(); `exception` is then only
// a placeholder (the caller checked that such a delegate exists).
Value resume_with_exception(ThreadState* ts, Frame* frame, Value exception, const CallArgs* raw_throw = nullptr);
// The iterator a generator frame suspended in `yield from`/`await` waits
// on, or null when it is suspended at a plain yield.
Value suspended_delegate(Frame* frame);

// Runs a class body with `namespace_dict` as its locals; returns the
// __class__ cell or None.
Value run_class_body(Function* body, Dict* namespace_dict);
// The same with the namespace a metaclass's __prepare__ returned when it
// is not a plain dict: the body's name operations go through its methods.
Value run_class_body_in_mapping(Function* body, Value namespace_mapping);

// isinstance(exc_value, match) for `except match:` (a class or a tuple of
// them; TypeError for anything else).
bool exception_matches_class(Value exc_value, Value match);

// Instantiates a class: __new__/construct, then __init__.
Value type_call(Type* type, const CallArgs& args);

// X.__new__(S, ...) for a built-in X (object's too): checks S as CPython
// does (a type, a subtype of X, safe to construct as X) and returns it.
Type* checked_new_target(Type* owner, const CallArgs& args);
// Gives a built-in type with a construct function its own `__new__`;
// bootstrap does it for every type made before it ends (their construct
// functions are set by the installers), new_builtin_type for later ones.
void give_builtin_type_its_new(Type* type);
void install_builtin_type_news(const std::vector<Type*>& builtin_types);
bool builtin_type_news_installed();

}  // namespace gilvm
