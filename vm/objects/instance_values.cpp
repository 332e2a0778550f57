#include "vm/objects/instance_values.hpp"

#include <algorithm>

#include "vm/objects/dict.hpp"
#include "vm/objects/slots.hpp"
#include "vm/objects/str.hpp"
#include "vm/ops.hpp"

namespace gilvm {

namespace {

SlottedObject* cells_of(Object* o) { return static_cast<SlottedObject*>(o); }

}  // namespace

uint32_t inline_capacity_for_new_instance(Type* type) {
  if (!type->inline_values) return 0;
  uint32_t learned = static_cast<uint32_t>(type->shared_keys.size());
  return std::min<uint32_t>(kMaxSharedKeys, std::max<uint32_t>(2, learned + 1));
}

int32_t shared_key_index(const Type* type, const Str* name) {
  const std::vector<Str*>& keys = type->shared_keys;
  for (size_t i = 0; i < keys.size(); ++i)
    if (keys[i] == name) return static_cast<int32_t>(i);
  // Names reach here interned (attribute_name interns them), but a str
  // equal to a key and not identical must still find it.
  for (size_t i = 0; i < keys.size(); ++i)
    if (keys[i]->data == name->data) return static_cast<int32_t>(i);
  return -1;
}

Value inline_value(Object* o, const Str* name) {
  int32_t k = shared_key_index(o->type, name);
  if (k < 0 || static_cast<uint32_t>(k) >= cells_of(o)->inline_count) return Value::null();
  return cells_of(o)->slots()[k];
}

bool store_inline_value(Object* o, Str* name, Value value) {
  SlottedObject* s = cells_of(o);
  Type* type = o->type;
  int32_t k = shared_key_index(type, name);
  if (k >= 0 && static_cast<uint32_t>(k) < s->inline_count) {  // an existing attribute
    s->slots()[k] = value;
    return true;
  }
  // A new attribute: it must be the next in the class's order (or extend
  // that order) and fit this instance's cells.
  uint32_t next = s->inline_count;
  if (k < 0 && next == type->shared_keys.size() && type->shared_keys.size() < kMaxSharedKeys && name->interned) {
    type->shared_keys.push_back(name);
    // An instance attribute now shadows a method of the class for some
    // instances: method caches filled before must look again.
    if (!lookup_in_mro(type, name).is_null()) invalidate_method_cache();
    k = static_cast<int32_t>(next);
  }
  if (static_cast<uint32_t>(k) == next && next < s->cell_count) {
    s->slots()[next] = value;
    s->inline_count = static_cast<uint16_t>(next + 1);
    return true;
  }
  materialize_instance_dict(o);
  return false;
}

Dict* materialize_instance_dict(Object* o) {
  if (o->attrs != nullptr) return o->attrs;
  Dict* d = new_dict();  // may collect: o's cells are still intact and traced
  if (o->type->inline_values) {
    SlottedObject* s = cells_of(o);
    for (uint32_t i = 0; i < s->inline_count; ++i) {
      d->table.set(o->type->shared_keys[i], s->slots()[i]);
      s->slots()[i] = Value::null();
    }
    s->inline_count = 0;
  }
  o->attrs = d;
  return d;
}

void drop_inline_values(Object* o) {
  if (!has_inline_values(o)) return;
  SlottedObject* s = cells_of(o);
  for (uint32_t i = 0; i < s->inline_count; ++i) s->slots()[i] = Value::null();
  s->inline_count = 0;
}

}  // namespace gilvm
