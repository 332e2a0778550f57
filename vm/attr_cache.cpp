// The general-path halves of the attribute caches (see attr_cache.hpp).
#include "vm/attr_cache.hpp"

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
      t == types().type || t->is_metatype)
    return false;
  return lookup_in_mro(t, name).is_null();
}

void record_entry(AttrCache& cache, Object* o, Str* name, int64_t entry, uint64_t epoch) {
  // Only an entry keyed by the interned name itself can be checked cheaply.
  if (o->attrs->table.entry_at(static_cast<size_t>(entry)).key.raw() != Value(name).raw()) return;
  cache.type = o->type;
  cache.epoch = epoch;
  cache.entry = static_cast<uint32_t>(entry);
}

}  // namespace

Value fill_attr_cache(AttrCache& cache, Value obj, Str* name) {
  if (!obj.is_object()) return Value::null();
  Object* o = obj.object();
  // Stamp with the epoch seen before looking: if the probe below runs a
  // key's __eq__ that changes some class, the entry is born stale.
  uint64_t epoch = type_epoch;
  if (!is_plain_instance_attribute(o, name)) return Value::null();
  int64_t entry = o->attrs->table.find_str_entry(name);
  if (entry < 0) return Value::null();
  record_entry(cache, o, name, entry, epoch);
  return o->attrs->table.entry_at(static_cast<size_t>(entry)).value;
}

// Instances used as open-ended namespaces should not make every new
// instance of their type big.
constexpr size_t kMaxInstanceDictHint = 64;

void store_attr_filling_cache(AttrCache& cache, Value obj, Str* name, Value value) {
  if (obj.is_object()) {
    Object* o = obj.object();
    uint64_t epoch = type_epoch;
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
