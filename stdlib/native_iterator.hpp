// Iterator types of the native standard-library modules (itertools,
// _collections): a built-in type whose instances step through
// Type::iter_step, so that for loops, list() and friends take their items
// without a StopIteration (a C++ throw) at the end. __next__ is generated
// from the same step function for code that calls next() explicitly, and
// raises StopIteration when the step returns null: the one that ended the
// wrapped iterator, as CPython does (vm/iteration_end.hpp).
#pragma once

#include "stdlib/builtins/common.hpp"
#include "vm/heap/heap.hpp"
#include "vm/iteration_end.hpp"
#include "vm/objects/str.hpp"

namespace gilvm::native_iterator {

template <class T, Type** type, Value (*step)(Object*)>
Value next_method(const CallArgs& a) {
  T* self = builtins_impl::self_as<T>(a, *type, "__next__");
  IterationEndCatcher catcher;
  Value item = step(self);
  if (item.is_null()) catcher.raise_end();
  return item;
}

// A new iterator type `module.name` in *type, with __iter__ and __next__.
template <class T, Type** type, Value (*step)(Object*)>
Type* define(const char* name, const char* module, ConstructFn construct) {
  Type* t = new_builtin_type(name, types().object, construct);
  *type = t;
  add_type_attr(t, "__module__", intern(module));
  add_method(t, "__iter__", builtins_impl::iter_self);
  add_method(t, "__next__", next_method<T, type, step>);
  t->iter_step = step;
  return t;
}

// The construct function of types that Python code cannot instantiate.
inline Value no_construct(Type* type, const CallArgs&) {
  raise_type_error("cannot create '" + type->name + "' instances");
}

}  // namespace gilvm::native_iterator
