// Inline caches for attribute access in the interpreter loop.
//
// `self.count += self.step` does two loads and a store on the same instance
// layout every time it runs. The general path asks, for each: does the type
// (or a base) define `count`, perhaps as a property that must win? Is there
// a __getattr__ or __setattr__ hook? Then it hashes and probes the instance
// dict. A cache remembers the answer per name of a code object: "instances
// of type T keep `count` at entry N of their dict", and "`bump` on type T is
// this plain method".
//
// Validity rests on two facts. First, the type-system epoch (ops.hpp) moves
// whenever any class namespace changes, a class is created or a type is
// freed, so a cache stamped with the current epoch knows the type has not
// grown a shadowing attribute or a hook, and that the cached Type* is still
// the same live type (no tracing is needed for the cached pointers: a stale
// entry fails the epoch check before anything is dereferenced). Second, an
// instance dict entry is checked by key identity: entry N must still hold the
// very interned name, which also covers deletion (a hole has a null key), a
// dict rebuilt in another order, and an object whose __dict__ was replaced.
//
// The caches are plain fields of the Code object, read and written only by
// the thread holding the GIL.
#pragma once

#include "vm/objects/dict.hpp"
#include "vm/objects/function.hpp"
#include "vm/objects/instance_values.hpp"
#include "vm/objects/slots.hpp"
#include "vm/ops.hpp"

namespace gilvm {

// The instance dict of `obj` when the cache describes its type, else null.
inline DictTable* cached_instance_dict(const AttrCache& cache, Value obj) {
  if (!obj.is_object()) return nullptr;
  Object* o = obj.object();
  if (o->type != cache.type || cache.epoch != type_epoch || o->attrs == nullptr || cache.slot) return nullptr;
  return &o->attrs->table;
}

// The __slots__ cell of `obj` when the cache describes its type, else null.
// (The member descriptor found for the type is a data descriptor, so while
// the epoch holds it wins over any instance dict.)
// Inline values (vm/objects/instance_values.hpp) use the same path: cells
// past an instance's inline_count are null, and cells of a name always
// mean that name for the type (its shared keys only grow).
inline Value* cached_slot(const AttrCache& cache, Value obj) {
  if (!cache.slot || !obj.is_object()) return nullptr;
  Object* o = obj.object();
  if (o->type != cache.type || cache.epoch != type_epoch) return nullptr;
  auto* cells = static_cast<SlottedObject*>(o);
  if (cache.entry >= cells->cell_count) return nullptr;  // an instance made before the type learned the name
  return &cells->slots()[cache.entry];
}

// obj.name from the cache; false on a miss.
inline bool load_attr_cached(const AttrCache& cache, Value obj, Str* name, Value* out) {
  if (cache.slot) {
    Value* cell = cached_slot(cache, obj);
    if (cell == nullptr || cell->is_null()) return false;  // empty: the general path raises
    *out = *cell;
    return true;
  }
  const DictTable* dict = cached_instance_dict(cache, obj);
  if (dict == nullptr || cache.entry >= dict->entry_capacity()) return false;
  const DictEntry& e = dict->entry_at(cache.entry);
  if (e.key.raw() != Value(name).raw()) return false;
  *out = e.value;
  return true;
}

// obj.name = value through the cache; false on a miss (nothing stored).
inline bool store_attr_cached(const AttrCache& cache, Value obj, Str* name, Value value) {
  if (cache.slot) {
    Value* cell = cached_slot(cache, obj);
    if (cell == nullptr) return false;
    // A new inline value must go through the general path, which keeps the
    // cells a prefix of the shared keys.
    if (cache.inline_value && cache.entry >= static_cast<SlottedObject*>(obj.object())->inline_count) return false;
    *cell = value;
    return true;
  }
  DictTable* dict = cached_instance_dict(cache, obj);
  if (dict == nullptr || cache.entry >= dict->entry_capacity()) return false;
  if (dict->entry_at(cache.entry).key.raw() != Value(name).raw()) return false;
  dict->set_value_at(cache.entry, value);
  return true;
}

// The method LOAD_METHOD found for obj's type, unless an instance attribute
// of the same name shadows it; false on a miss.
inline bool load_method_cached(const AttrCache& cache, Value obj, Str* name, Value* method) {
  if (type_of(obj) != cache.method_type || cache.method_epoch != type_epoch) return false;
  if (obj.is_object() && obj.object()->attrs != nullptr && !obj.object()->attrs->table.get_str(name).is_null())
    return false;
  *method = cache.method;
  return true;
}

// The data descriptor (a property or a native getset descriptor) that
// obj.name means, from the cache; null on a miss. A property's getter and
// setter and a getset's functions are read at the time of use, so the
// cache holds only "the type's attribute is this descriptor".
inline Value cached_data_descriptor(const AttrCache& cache, Value obj) {
  if (type_of(obj) != cache.descr_type || cache.descr_epoch != type_epoch) return Value::null();
  return cache.descr;
}

// Records, when obj.name is a property or getset descriptor of obj's type
// that no hook, metatype or super proxy can bypass, that descriptor.
void fill_descriptor_cache(AttrCache& cache, Value obj, Str* name);

// After a lookup by the general path: when `name` is a plain instance
// attribute of obj (nothing on the type, no hooks), record where it lives.
// Returns the attribute's value, or null when obj does not qualify.
Value fill_attr_cache(AttrCache& cache, Value obj, Str* name);

// After get_method found a plain method on obj's type: record it, stamped
// with the epoch read before the lookup began.
// Not when some instance of the type may keep an attribute of that name
// among its inline values (the name is one of the type's shared keys):
// load_method_cached checks only a real dict. A name that becomes a shared
// key later invalidates every cache (store_inline_value).
inline void fill_method_cache(AttrCache& cache, Value obj, Str* name, Value method, uint64_t epoch) {
  Type* type = type_of(obj);
  if (type->inline_values && !type->shared_keys.empty() && shared_key_index(type, name) >= 0) return;
  cache.method_type = type;
  cache.method_epoch = epoch;
  cache.method = method;
}

// STORE_ATTR's general path: stores obj.name = value and, when obj is a
// plain instance already holding `name`, records where.
void store_attr_filling_cache(AttrCache& cache, Value obj, Str* name, Value value);

}  // namespace gilvm
