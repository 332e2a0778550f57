// The built-in types, created once at start-up (vm/bootstrap.cpp) and never
// collected. Code anywhere in the VM names them as `types().str` etc.
#pragma once

#include "vm/object.hpp"

namespace gilvm {

struct CoreTypes {
  Type* type;
  Type* object;
  Type* none;
  Type* not_implemented;
  Type* ellipsis;
  Type* int_;
  Type* bool_;
  Type* float_;
  Type* str;
  Type* bytes;
  Type* bytearray;
  Type* memoryview;
  Type* tuple;
  Type* list;
  Type* dict;
  Type* set;
  Type* frozenset;
  Type* range;
  Type* slice;
  Type* function;
  Type* native_function;
  Type* bound_method;
  Type* code;
  Type* cell;
  Type* module;
  Type* generator;
  Type* coroutine;
  Type* async_generator;
  Type* property;
  Type* staticmethod;
  Type* classmethod;
  Type* getset_descriptor;
  Type* member_descriptor;
  Type* super;
  Type* traceback;
  Type* frame;
  Type* iterator;         // generic native iterators (list_iterator etc. share a layout)
  Type* dict_keys;
  Type* dict_values;
  Type* dict_items;
};

// A plain global, so that the many type checks on hot paths compile to a load.
extern CoreTypes g_core_types;
inline CoreTypes& types() { return g_core_types; }

// Built-in types (and other objects passed here) are GC roots for the
// life of the process.
void keep_builtin_type_alive(Type* type);
void keep_alive(Object* object);

// Creates every built-in type, exception class and interned name, and fills
// the types' dicts. Idempotent; the embedding API and tests call it first.
void bootstrap_vm();

// Singletons that are heap objects (None, True and False are immediates).
Value not_implemented();
Value ellipsis();

}  // namespace gilvm
