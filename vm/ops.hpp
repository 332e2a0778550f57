// The object protocol: what Python's operators and built-ins do to any value.
//
// These functions implement CPython's dispatch rules once (fast paths for the
// built-in types, then dunder methods looked up on the type, reflected
// operands, NotImplemented), and everything else calls them: the interpreter
// loop, the built-in functions, the methods of built-in types. All of them
// may run Python code and may raise (throw PyException).
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string>
#include <vector>

#include "vm/heap/value_vector.hpp"
#include "vm/object.hpp"
#include "vm/objects/function.hpp"
#include "vm/types.hpp"

namespace gilvm {

struct Str;
struct Tuple;
struct List;
struct Set;

inline Type* type_of(Value v) {
  if (v.is_object()) return v.object()->type;
  if (v.is_small_int()) return types().int_;
  if (v.is_inline_float()) return types().float_;
  if (v.is_bool()) return types().bool_;
  return types().none;
}
inline bool is_type(Value v, Type* t) { return type_of(v) == t; }
bool isinstance(Value v, Type* t);
const std::string& type_name(Value v);

// Lookup of `name` along the MRO of `type`, without binding; null if absent.
// Cached (see ops.cpp): the hit path is this inline check.
struct MethodCacheEntry {
  Type* type = nullptr;
  Str* name = nullptr;
  uint64_t epoch = 0;
  Value value;
};
constexpr size_t kMethodCacheSize = 4096;
extern MethodCacheEntry method_cache[kMethodCacheSize];
extern uint64_t type_epoch;
inline size_t method_cache_slot(const Type* type, const Str* name) {
  return ((reinterpret_cast<uintptr_t>(type) >> 4) ^ (reinterpret_cast<uintptr_t>(name) >> 3)) &
         (kMethodCacheSize - 1);
}
Value lookup_in_mro_slow(Type* type, Str* name);
inline Value lookup_in_mro(Type* type, Str* name) {
  const MethodCacheEntry& e = method_cache[method_cache_slot(type, name)];
  if (e.type == type && e.name == name && e.epoch == type_epoch) return e.value;
  return lookup_in_mro_slow(type, name);
}

// Attributes.
Value get_attr(Value obj, Str* name);               // AttributeError if absent
Value get_attr_or_null(Value obj, Str* name);       // null if absent (AttributeError consumed)
Value get_attr(Value obj, const char* name);
// get_attr for the interpreter: a plain miss (no __getattr__ to ask) sets
// *missing instead of raising, so the caller can unwind without a C++ throw;
// errors raised by descriptors and hooks still throw.
Value get_attr_unless_missing(Value obj, Str* name, bool* missing);
// The AttributeError that get_attr raises for a missing `name`, unraised.
Value missing_attribute_error(Value obj, Str* name);
// An attribute name given as an argument (getattr, object.__setattr__ ...),
// interned; TypeError "attribute name must be string, not 'int'".
Str* attribute_name(Value name);
void set_attr(Value obj, Str* name, Value value);
// obj.name = value where the type's attribute `descr` is a property or a
// getset descriptor (which win over the instance dict): its setter, or
// CPython's AttributeError for a read-only one. set_attr's step, and
// STORE_ATTR's when its cache knows the descriptor.
void store_through_data_descriptor(Value descr, Value obj, Str* name, Value value);
void del_attr(Value obj, Str* name);
// For LOAD_METHOD: returns true and the unbound function if `name` is a plain
// method of obj's type (so the caller can pass obj as self); otherwise false
// and the ordinary attribute value in *out.
bool get_method(Value obj, Str* name, Value* out);
// A native function defined on a type that takes the instance as its first
// argument (not a classmethod or staticmethod): what LOAD_METHOD and
// BEFORE_WITH call with self instead of binding.
bool is_plain_native_method(Value descr);
// Binds a descriptor found on a type to an instance (or type, for classmethods).
Value bind_descriptor(Value descriptor, Value instance, Type* owner);
// Raises CPython's AttributeError for a property without the getter,
// setter or deleter (`function`) an access needs.
[[noreturn]] void property_missing(Property* p, Value instance, const char* function);

// Drops every cached MRO lookup (see lookup_in_mro).
void invalidate_method_cache();

// Keeps a user class's cached flags right after its namespace changed.
void note_type_modified(Type* cls, Str* name);

// Calls. Python code runs inside them, and so may a collection: the caller's
// Values stay alive if they are in C++ locals or a ValueVector (see
// vm/heap/heap.hpp), not in a plain std::vector.
Value call_object(Value callable, const CallArgs& args);
Value call(Value callable, std::initializer_list<Value> args);
// Calls `function` with `self` inserted before the positional arguments
// (bound methods, __call__, __new__ and __init__ with the instance).
Value call_with_self(Value function, Value self, const CallArgs& args);
Value call_method(Value obj, Str* name, std::initializer_list<Value> args);
Value call_method(Value obj, const char* name, std::initializer_list<Value> args);
bool is_callable(Value v);

// Truth, comparison, hashing.
bool is_truthy(Value v);
bool values_equal(Value a, Value b);                 // a == b as a bool
Value compare(Value a, Value b, uint32_t compare_op); // rich comparison result
bool compare_bool(Value a, Value b, uint32_t compare_op);
int64_t hash_value(Value v);                          // TypeError if unhashable

// Text.
Str* repr(Value v);
Str* to_str(Value v);
std::string repr_string(Value v);
std::string str_string(Value v);
Str* format_value(Value v, Str* spec);                // format(v, spec)

// Arithmetic.
Value binary_op(Value a, Value b, uint32_t op);       // BinaryOp, optionally | kInplace
Value negate(Value v);
Value positive(Value v);
Value invert(Value v);
Value absolute(Value v);

// Containers.
int64_t length(Value v);                              // len(v)
Value get_item(Value container, Value key);
void set_item(Value container, Value key, Value value);
void del_item(Value container, Value key);
bool contains(Value container, Value item);           // item in container

// Iteration. iter_next returns null when the iterator is exhausted (a
// StopIteration raised by Python code is consumed).
Value get_iter(Value iterable);
Value iter_next(Value iterator);
// Drains an iterable into a vector (rooting it as it grows).
ValueVector collect_iterable(Value iterable);
// Appends the items of an iterable to a list (list.extend, [*a]), or adds
// them to a set (set.update, {*a}), iterating as CPython does.
void extend_list(List* list, Value iterable);
void update_set(Set* set, Value iterable);
// tuple(iterable): an exact tuple itself, else a new one.
Tuple* tuple_of_iterable(Value iterable);
// The iterator of an object that has only __getitem__ (indexes 0, 1, ... until IndexError).
Value make_sequence_iterator(Value sequence);

// Index protocol: an int from int-like values (ints, bools, __index__).
int64_t index_value(Value v);                         // OverflowError if too large
Value index_int(Value v);                             // v itself if an int, else v.__index__()
// As index_value, but ints beyond int64 saturate to INT64_MIN/INT64_MAX
// (CPython's PyNumber_AsSsize_t(v, NULL)), as slice bounds do.
int64_t index_value_clamped(Value v);
bool has_index(Value v);

// Number conversions used by built-ins.
double to_double(Value v);                            // float(), or TypeError

}  // namespace gilvm
