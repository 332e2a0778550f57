// The general-path halves of the attribute caches (see attr_cache.hpp).
#include "vm/attr_cache.hpp"

#include "vm/objects/instance_values.hpp"
#include "vm/types.hpp"

namespace gilvm {

namespace {

// True when obj.name can only ever mean "the entry in obj's own dict": the
// type has no attribute of that name and no attribute hooks, and obj is
// neither a class nor a super proxy (whose lookups bind descriptors).
bool is_plain_instance_attribute(Object* o, Str* name) {
  Type* t = o->type;
  // (type is the one built-in type whose instances are classes; classes
  // deriving from it are marked is_metatype.)
  if (o->attrs == nullptr || t->has_getattr_hook || t->has_setattr_hook || t == types().super ||
      t == types().type || t->is_metatype || (!t->instances_have_dict && !t->is_builtin))
    return false;
  return lookup_in_mro(t, name).is_null();
}

// The member descriptor obj.name certainly means, when it keeps its value in
// a cell: the type's attribute is one and no hook can intervene.
MemberDescriptor* plain_slot_member(Object* o, Str* name) {
  Type* t = o->type;
  if (t->slot_count == 0 || t->has_getattr_hook || t->has_setattr_hook) return nullptr;
  Value d = lookup_in_mro(t, name);
  if (d.is_null() || type_of(d) != types().member_descriptor) return nullptr;
  MemberDescriptor* m = d.as<MemberDescriptor>();
  return m->in_dict ? nullptr : m;
}

void record_slot(AttrCache& cache, Object* o, MemberDescriptor* m, uint64_t epoch) {
  cache.type = o->type;
  cache.epoch = epoch;
  cache.entry = m->index;
  cache.slot = true;
  cache.inline_value = false;
}

// True when obj.name can only mean one of o's inline values: as
// is_plain_instance_attribute, for an instance still in inline mode.
bool is_plain_inline_attribute(Object* o, Str* name) {
  Type* t = o->type;
  if (!has_inline_values(o) || t->has_getattr_hook || t->has_setattr_hook) return false;
  return lookup_in_mro(t, name).is_null();
}

void record_inline(AttrCache& cache, Object* o, int32_t index, uint64_t epoch) {
  cache.type = o->type;
  cache.epoch = epoch;
  cache.entry = static_cast<uint32_t>(index);
  cache.slot = true;
  cache.inline_value = true;
}

void record_entry(AttrCache& cache, Object* o, Str* name, int64_t entry, uint64_t epoch) {
  // Only an entry keyed by the interned name itself can be checked cheaply.
  if (o->attrs->table.entry_at(static_cast<size_t>(entry)).key.raw() != Value(name).raw()) return;
  cache.type = o->type;
  cache.epoch = epoch;
  cache.entry = static_cast<uint32_t>(entry);
  cache.slot = false;
  cache.inline_value = false;
}

}  // namespace

Value fill_attr_cache(AttrCache& cache, Value obj, Str* name) {
  if (!obj.is_object()) return Value::null();
  Object* o = obj.object();
  // Stamp with the epoch seen before looking: if the probe below runs a
  // key's __eq__ that changes some class, the entry is born stale.
  uint64_t epoch = type_epoch;
  if (MemberDescriptor* m = plain_slot_member(o, name)) {
    record_slot(cache, o, m, epoch);
    return static_cast<SlottedObject*>(o)->slots()[m->index];  // null when empty: the general path raises
  }
  if (is_plain_inline_attribute(o, name)) {
    int32_t k = shared_key_index(o->type, name);
    if (k < 0 || o->type->shared_keys[k] != name) return Value::null();
    record_inline(cache, o, k, epoch);
    return inline_value(o, name);
  }
  if (!is_plain_instance_attribute(o, name)) return Value::null();
  int64_t entry = o->attrs->table.find_str_entry(name);
  if (entry < 0) return Value::null();
  record_entry(cache, o, name, entry, epoch);
  return o->attrs->table.entry_at(static_cast<size_t>(entry)).value;
}

void fill_descriptor_cache(AttrCache& cache, Value obj, Str* name) {
  Type* t = type_of(obj);
  if (t->has_getattr_hook || t->has_setattr_hook || t == types().super || t->is_subtype_of(types().type))
    return;
  uint64_t epoch = type_epoch;
  Value d = lookup_in_mro(t, name);
  if (d.is_null() || (type_of(d) != types().property && type_of(d) != types().getset_descriptor)) return;
  cache.descr_type = t;
  cache.descr_epoch = epoch;
  cache.descr = d;
}

// Instances used as open-ended namespaces should not make every new
// instance of their type big.
constexpr size_t kMaxInstanceDictHint = 64;

void store_attr_filling_cache(AttrCache& cache, Value obj, Str* name, Value value) {
  if (obj.is_object()) {
    Object* o = obj.object();
    uint64_t epoch = type_epoch;
    if (MemberDescriptor* m = plain_slot_member(o, name)) {
      static_cast<SlottedObject*>(o)->slots()[m->index] = value;
      record_slot(cache, o, m, epoch);
      return;
    }
    if (is_plain_inline_attribute(o, name)) {
      if (store_inline_value(o, name, value)) {
        int32_t k = shared_key_index(o->type, name);
        if (k >= 0 && o->type->shared_keys[k] == name) record_inline(cache, o, k, epoch);
        return;
      }
      o->attrs->table.set(name, value);  // materialized: a plain dict store
      return;
    }
    if (is_plain_instance_attribute(o, name)) {
      DictTable& dict = o->attrs->table;
      uint64_t version = dict.version();
      int64_t entry = dict.find_str_entry(name);
      if (entry < 0) {
        // A new attribute (as in __init__): nothing to cache yet. Absent
        // unless an __eq__ the probe ran changed the dict.
        if (dict.version() == version) dict.insert_absent_str(name, value);
        else dict.set(name, value);
        if (dict.size() > o->type->instance_dict_hint && dict.size() <= kMaxInstanceDictHint)
          o->type->instance_dict_hint = static_cast<uint32_t>(dict.size());
        return;
      }
      dict.set_value_at(static_cast<size_t>(entry), value);
      record_entry(cache, o, name, entry, epoch);
      return;
    }
  }
  set_attr(obj, name, value);
}

}  // namespace gilvm
