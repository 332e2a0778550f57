// Inline attribute values: an ordinary instance without a dict.
//
// `self.x = ...` in __init__ used to give every instance its own dict: about
// 300 bytes for three attributes, against CPython 3.11's 100 or so. Instead,
// as CPython 3.11 does, the instances of a class share one list of attribute
// names (Type::shared_keys, append-only) and each keeps only the values, in
// the cells of its SlottedObject (vm/objects/slots.hpp), in the order of the
// names: three attributes cost 32 + 32 bytes.
//
// The invariant that keeps this cheap: an instance in inline mode (its
// `attrs` is null and its type has inline_values) holds values for exactly
// shared_keys[0, inline_count), all non-null, and nothing in later cells.
// So attributes must be added in the class's order. An instance that adds
// a new name when it is the one to extend the list appends it to
// shared_keys; anything else (another order, more names than its cells, a
// deletion, a request for `__dict__`, vars(), a __class__ change) turns it
// into an ordinary instance with a real dict holding the same attributes in
// the same order ("materializing"), for good. Dict order is thus always the
// order of assignment, as in CPython.
//
// New instances get cells for every name learned so far plus one, up to
// kMaxSharedKeys, so a class's instances converge after the first few.
#pragma once

#include <cstdint>

#include "vm/object.hpp"
#include "vm/value.hpp"

namespace gilvm {

struct Dict;
struct Str;

constexpr uint32_t kMaxSharedKeys = 30;

// Cells a new instance of `type` gets for inline values (0 without them).
uint32_t inline_capacity_for_new_instance(Type* type);

// True while `o` keeps its attributes inline.
inline bool has_inline_values(const Object* o) { return o->attrs == nullptr && o->type->inline_values; }

// The index of `name` in the type's shared keys, or -1.
int32_t shared_key_index(const Type* type, const Str* name);

// obj.name from the inline values; null when absent. `o` must be in inline mode.
Value inline_value(Object* o, const Str* name);

// Stores obj.name inline when the invariant allows; otherwise materializes
// the dict and returns false (the caller then stores into o->attrs).
bool store_inline_value(Object* o, Str* name, Value value);

// The instance's dict, made from its inline values if it had none yet.
Dict* materialize_instance_dict(Object* o);

// Forgets the inline values (obj.__dict__ = d replaces them all).
void drop_inline_values(Object* o);

}  // namespace gilvm
