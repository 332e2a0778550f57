#include "vm/objects/slots.hpp"

#include <algorithm>
#include <string>

#include "vm/compiler/mangle.hpp"
#include "vm/errors.hpp"
#include "vm/heap/heap.hpp"
#include "vm/names.hpp"
#include "vm/native.hpp"
#include "vm/objects/dict.hpp"
#include "vm/objects/instance_values.hpp"
#include "vm/objects/sequence.hpp"
#include "vm/objects/str.hpp"
#include "vm/ops.hpp"
#include "vm/types.hpp"
#include "vm/utf8.hpp"

namespace gilvm {

static_assert(sizeof(SlottedObject) == SlottedObject::kHeaderBytes,
              "slot_count must sit in Object's tail padding");

SlottedObject::SlottedObject(Type* t, uint32_t count) : Object(t), cell_count(static_cast<uint16_t>(count)) {
  for (uint32_t i = 0; i < count; ++i) slots()[i] = Value::null();
}

void SlottedObject::trace(Tracer& t) {
  for (uint32_t i = 0; i < cell_count; ++i) t.visit(slots()[i]);
}

void MemberDescriptor::trace(Tracer& t) {
  t.visit(name);
  t.visit(owner);
}

Object* new_plain_instance(Type* type) {
  uint32_t cells = type->slot_count > 0 ? type->slot_count : inline_capacity_for_new_instance(type);
  return heap().make_sized<SlottedObject>(SlottedObject::kHeaderBytes + cells * sizeof(Value), type, cells);
}

namespace {

[[noreturn]] void wrong_instance(MemberDescriptor* d, Value obj) {
  raise_type_error("descriptor '" + d->name->data + "' for '" + d->owner->name + "' objects doesn't apply to a '" +
                   type_name(obj) + "' object");
}

// The cell of `obj` that `d` names, or null when the value lives in the
// instance dict instead.
Value* cell_of(MemberDescriptor* d, Value obj) {
  if (!obj.is_object() || !type_of(obj)->is_subtype_of(d->owner)) wrong_instance(d, obj);
  if (d->in_dict) return nullptr;
  auto* o = static_cast<SlottedObject*>(obj.object());
  return &o->slots()[d->index];
}

}  // namespace

Value member_get(MemberDescriptor* d, Value obj) {
  Value* cell = cell_of(d, obj);
  if (cell != nullptr) return *cell;
  Object* o = obj.object();
  return o->attrs == nullptr ? Value::null() : o->attrs->table.get_str(d->name);
}

void member_set(MemberDescriptor* d, Value obj, Value value) {
  Value* cell = cell_of(d, obj);
  if (cell != nullptr) {
    *cell = value;
    return;
  }
  Object* o = obj.object();
  if (o->attrs == nullptr) o->attrs = new_dict();
  o->attrs->table.set(d->name, value);
}

void member_delete(MemberDescriptor* d, Value obj) {
  Value* cell = cell_of(d, obj);
  bool was_set;
  if (cell != nullptr) {
    was_set = !cell->is_null();
    *cell = Value::null();
  } else {
    Object* o = obj.object();
    was_set = o->attrs != nullptr && !o->attrs->table.remove(d->name).is_null();
  }
  if (!was_set) raise_attribute_error(d->name->data);  // CPython 3.11 says just the name
}

namespace {

bool is_identifier(const std::string& s) {
  if (s.empty()) return false;
  size_t pos = 0;
  if (!utf8::is_identifier_start(utf8::next(s, pos))) return false;
  while (pos < s.size())
    if (!utf8::is_identifier_continue(utf8::next(s, pos))) return false;
  return true;
}

// The layout base's cell count, or false when `cls`'s bases cannot hold cells
// (a built-in layout other than object's).
bool cells_possible(Type* cls) {
  for (Type* m : cls->mro)
    if (m->is_builtin) return m == types().object;
  return true;
}

// The class that added the last of `t`'s slots (t itself, or the nearest
// ancestor along the layout chain), or null when `t` has none. Two bases
// agree on the slot layout when one's owner derives from the other's: the
// shorter layout is then a prefix of the longer one.
Type* slot_owner(Type* t) {
  while (t->base != nullptr && t->base->slot_count == t->slot_count) t = t->base;
  return t->slot_count > 0 ? t : nullptr;
}

}  // namespace

namespace {

// The built-in types whose instances end in a variable number of items
// (CPython's tp_itemsize != 0): no cells can follow them.
bool is_variable_size(Type* t) {
  const auto& b = types();
  return t == b.int_ || t == b.bool_ || t == b.bytes || t == b.tuple;
}

// The built-in type that sets the instance layout of `cls` (object for
// ordinary classes).
Type* solid_builtin(Type* cls) {
  for (Type* m : cls->mro)
    if (m->is_builtin) return m;
  return types().object;
}

bool names_weakref(Value slots) {
  static Str* weakref_name = intern("__weakref__");
  if (isinstance(slots, types().str)) return slots.as<Str>()->data == weakref_name->data;
  const std::vector<Value>* items = nullptr;
  if (isinstance(slots, types().tuple)) items = &slots.as<Tuple>()->items;
  else if (isinstance(slots, types().list)) items = &slots.as<List>()->items;
  else return false;  // (a consumed iterator: CPython remembers; rare enough)
  for (Value v : *items)
    if (isinstance(v, types().str) && v.as<Str>()->data == weakref_name->data) return true;
  return false;
}

// Whether instances of the user class `t` can be weakly referenced: some
// class on the way down has no __slots__ (so a dict and weak references)
// or names __weakref__ in them.
bool takes_weakrefs(Type* t) {
  for (Type* m : t->mro) {
    if (m->is_builtin) return false;
    Value slots = m->dict()->table.get_str(names().__slots__);
    if (slots.is_null() || names_weakref(slots)) return true;
  }
  return false;
}

// The names of the slot cells of `t`'s instances, sorted.
std::vector<std::string> slot_names(Type* t) {
  std::vector<std::string> result;
  for (Type* m : t->mro) {
    if (m->is_builtin) break;
    const DictTable& table = m->dict()->table;
    for (size_t i = 0; i < table.entry_capacity(); ++i) {
      const DictEntry& e = table.entry_at(i);
      if (e.key.is_null() || type_of(e.value) != types().member_descriptor) continue;
      auto* d = e.value.as<MemberDescriptor>();
      if (d->owner == m) result.push_back(d->name->data);
    }
  }
  std::sort(result.begin(), result.end());
  return result;
}

}  // namespace

bool same_slot_layout(Type* a, Type* b) {
  return a->slot_count == b->slot_count && slot_names(a) == slot_names(b);
}

void apply_slots(Type* cls, Dict* ns) {
  Type* base = cls->base;
  Type* owner = base != nullptr ? slot_owner(base) : nullptr;
  cls->inline_values = false;
  for (Type* b : cls->bases) {
    if (b == base) continue;
    Type* other = slot_owner(b);
    if (other == nullptr || (owner != nullptr && owner->is_subtype_of(other))) continue;
    if (owner != nullptr && !other->is_subtype_of(owner)) raise_type_error("multiple bases have instance lay-out conflict");
    owner = other;
  }
  bool cells = cells_possible(cls);
  // Slot cells of one base and a built-in layout of another cannot share an instance.
  if (owner != nullptr && !cells) raise_type_error("multiple bases have instance lay-out conflict");
  uint32_t inherited = owner != nullptr ? owner->slot_count : 0;
  cls->slot_count = inherited;
  Value spec = ns->table.get_str(names().__slots__);
  if (spec.is_null()) {  // instances have a dict, as set by the caller
    cls->inline_values = cls->slot_count == 0 && cells;
    return;
  }

  ValueVector names_given;
  if (isinstance(spec, types().str)) names_given.push_back(spec);
  else names_given = collect_iterable(spec);
  Type* solid = solid_builtin(cls);
  if (!names_given.empty() && is_variable_size(solid))
    raise_type_error("nonempty __slots__ not supported for subtype of '" + base->name + "'");

  // As CPython: a base that already gives instances a dict or weak
  // references makes naming them again an error.
  bool may_add_dict = !base->instances_have_dict;
  bool may_add_weakref = base->is_builtin ? !is_variable_size(base) && !base->instances_have_dict : !takes_weakrefs(base);
  bool wants_dict = false;
  bool wants_weakref = false;
  std::vector<Str*> own;
  for (Value v : names_given) {
    if (!isinstance(v, types().str)) raise_type_error("__slots__ items must be strings, not '" + type_name(v) + "'");
    const std::string& text = v.as<Str>()->data;
    if (!is_identifier(text)) raise_type_error("__slots__ must be identifiers");
    if (text == "__dict__") {
      if (!may_add_dict || wants_dict) raise_type_error("__dict__ slot disallowed: we already got one");
      wants_dict = true;
      continue;
    }
    if (text == "__weakref__") {
      if (!may_add_weakref || wants_weakref)
        raise_type_error("__weakref__ slot disallowed: either we already got one, or __itemsize__ != 0");
      wants_weakref = true;
      continue;
    }
    own.push_back(intern(compiler::mangle(cls->name, text)));
  }
  for (Str* name : own)
    if (!ns->table.get_str(name).is_null())
      raise_value_error("'" + name->data + "' in __slots__ conflicts with class variable");
  // CPython gives the cells in sorted name order, which __class__
  // assignment relies on: classes with the same names share a layout.
  std::stable_sort(own.begin(), own.end(), [](Str* a, Str* b) { return a->data < b->data; });

  // Instances lose their dict only when no class on the way down kept one
  // (built-in ones included: exceptions have dicts).
  bool base_has_dict = false;
  for (Type* m : cls->mro)
    if (m != cls && m->instances_have_dict) base_has_dict = true;
  cls->instances_have_dict = wants_dict || base_has_dict;

  for (Str* name : own) {
    // Without cells (a built-in base such as list) the values live in the
    // instance dict under their names, yet other names are still refused.
    auto* d = gc_new<MemberDescriptor>(types().member_descriptor, name, cls, cls->slot_count, !cells);
    if (cells) ++cls->slot_count;
    cls->dict()->table.set(name, d);
  }
  if (cls->slot_count > kMaxCells) raise_type_error("too many __slots__ (at most 65535)");
}

namespace {

MemberDescriptor* self_member(const CallArgs& a) { return a[0].as<MemberDescriptor>(); }

Value member_descriptor_get(const CallArgs& a) {
  MemberDescriptor* d = self_member(a);
  if (a.count < 2 || a.count > 3) raise_type_error("expected 1 or 2 arguments, got " + std::to_string(a.count - 1));
  if (a[1].is_none() && (a.count == 2 || !a[2].is_none())) return a[0];
  Value v = member_get(d, a[1]);
  if (v.is_null()) raise_attribute_error("'" + type_name(a[1]) + "' object has no attribute '" + d->name->data + "'");
  return v;
}

Value member_descriptor_set(const CallArgs& a) {
  if (a.count != 3) raise_type_error("expected 2 arguments, got " + std::to_string(a.count - 1));
  member_set(self_member(a), a[1], a[2]);
  return Value::none();
}

Value member_descriptor_delete(const CallArgs& a) {
  if (a.count != 2) raise_type_error("expected 1 argument, got " + std::to_string(a.count - 1));
  member_delete(self_member(a), a[1]);
  return Value::none();
}

Value member_descriptor_repr(const CallArgs& a) {
  MemberDescriptor* d = self_member(a);
  return new_str("<member '" + d->name->data + "' of '" + d->owner->name + "' objects>");
}

Value member_name(Value self) { return self.as<MemberDescriptor>()->name; }
Value member_qualname(Value self) {
  MemberDescriptor* d = self.as<MemberDescriptor>();
  return new_str(d->owner->qualname + "." + d->name->data);
}
Value member_objclass(Value self) { return self.as<MemberDescriptor>()->owner; }

}  // namespace

void install_member_descriptor_methods() {
  Type* t = types().member_descriptor;
  add_method(t, "__get__", member_descriptor_get);
  add_method(t, "__set__", member_descriptor_set);
  add_method(t, "__delete__", member_descriptor_delete);
  add_method(t, "__repr__", member_descriptor_repr);
  add_getset(t, "__name__", member_name);
  add_getset(t, "__qualname__", member_qualname);
  add_getset(t, "__objclass__", member_objclass);
}

}  // namespace gilvm
