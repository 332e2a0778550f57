// Interned names the VM looks up often (dunder methods, attribute names),
// created once at start-up so lookups compare pointers.
#pragma once

#include "vm/objects/str.hpp"

namespace gilvm {

#define GILVM_NAMES(X)                                                                             \
  X(__init__) X(__new__) X(__call__) X(__repr__) X(__str__) X(__format__) X(__hash__) X(__eq__)    \
  X(__ne__) X(__lt__) X(__le__) X(__gt__) X(__ge__) X(__bool__) X(__len__) X(__getitem__)          \
  X(__setitem__) X(__delitem__) X(__contains__) X(__iter__) X(__next__) X(__getattr__)             \
  X(__getattribute__) X(__setattr__) X(__delattr__) X(__enter__) X(__exit__) X(__get__)            \
  X(__set__) X(__delete__) X(__neg__) X(__pos__) X(__invert__) X(__abs__) X(__index__)             \
  X(__int__) X(__float__) X(__round__) X(__name__) X(__qualname__) X(__module__) X(__doc__)        \
  X(__dict__) X(__class__) X(__main__) X(__builtins__) X(__file__) X(__annotations__)              \
  X(__missing__) X(__reversed__) X(__classcell__) X(__init_subclass__) X(__set_name__)             \
  X(__await__) X(__aiter__) X(__anext__) X(__aenter__) X(__aexit__) X(__all__) X(__path__)         \
  X(__spec__) X(__loader__) X(__package__) X(__build_class__) X(__import__) X(__traceback__)       \
  X(__cause__) X(__context__) X(__slots__) X(__mro__) X(__bases__) X(__base__) X(__subclasses__)   \
  X(send) X(throw_) X(close) X(args) X(value) X(mro) X(keys) X(items) X(write) X(flush) X(metaclass)

struct Names {
#define GILVM_DECLARE_NAME(n) Str* n;
  GILVM_NAMES(GILVM_DECLARE_NAME)
#undef GILVM_DECLARE_NAME
};

extern Names g_names;
inline Names& names() { return g_names; }
void init_names();

}  // namespace gilvm
