// __slots__: instances that keep named attributes in fixed places instead of
// a dict.
//
// A class body that defines `__slots__` gets, per name, a `member_descriptor`
// in the class dict, and its instances get that many Value cells right after
// the object header, after those of its bases (a SlottedObject). Unless
// `__dict__` is among the names, or some base's instances already have a
// dict, instances have no dict at all: assigning another name raises
// AttributeError, as in CPython. A 3-slot instance takes 56 bytes.
//
// Member descriptors are data descriptors: the attribute machinery in
// vm/ops.cpp asks them before the instance dict, and the interpreter's
// attribute caches (vm/attr_cache.hpp) remember a slot index per type so
// `self.x` on a slotted instance is one load.
//
// Cells are given in sorted name order, as CPython does, so two classes
// declaring the same names have the same layout (`__class__` assignment
// checks that with same_slot_layout).
//
// Slots live only in classes whose instance layout is object's. A class
// deriving from int, bytes or tuple may only declare `__slots__ = ()`, as in
// CPython. One deriving from another built-in type (list, dict, exceptions,
// ...) keeps non-empty slots' values in the instance dict under their names,
// yet, having no `__dict__` of its own, refuses other names: reads and
// writes behave as in CPython, only the memory saving is not there.
#pragma once

#include <cstdint>
#include <vector>

#include "vm/object.hpp"
#include "vm/value.hpp"

namespace gilvm {

struct Dict;

// Every instance of a Python class whose layout is object's is one of these,
// with as many cells as its type asked for at allocation: the __slots__ of
// a slotted class, or the inline attribute values of an ordinary one
// (vm/objects/instance_values.hpp), or none.
struct SlottedObject : Object {
  // Both in the base's tail padding: the object stays 32 bytes plus its cells.
  uint16_t cell_count;
  uint16_t inline_count = 0;  // inline values: cells [0, inline_count) hold attributes

  SlottedObject(Type* t, uint32_t count);
  Value* slots() { return reinterpret_cast<Value*>(reinterpret_cast<char*>(this) + kHeaderBytes); }
  void trace(Tracer& t) override;

  static constexpr size_t kHeaderBytes = 32;
};

struct MemberDescriptor : Object {
  Str* name;      // as written in __slots__, mangled
  Type* owner;    // the class whose __slots__ declared it
  uint32_t index;  // the cell, counting from the first slot of the layout
  bool in_dict;   // the owner cannot hold cells (see above): the value lives in the instance dict
  MemberDescriptor(Type* t, Str* n, Type* o, uint32_t i, bool d)
      : Object(t), name(n), owner(o), index(i), in_dict(d) {}
  void trace(Tracer& t) override;
};

// A new instance of `type`, whose layout base is object: a SlottedObject
// with the type's slot cells, or room for its inline values.
Object* new_plain_instance(Type* type);

// The most slots a class may declare (cell counts are 16-bit).
constexpr uint32_t kMaxCells = 0xFFFF;

// Reads, writes and deletes through a member descriptor. get returns null
// when the slot is empty; the callers raise AttributeError.
Value member_get(MemberDescriptor* d, Value obj);
void member_set(MemberDescriptor* d, Value obj, Value value);
void member_delete(MemberDescriptor* d, Value obj);

// Called by class creation with the class namespace and the finished class:
// reads `__slots__` (if any), checks it as CPython does, adds the
// descriptors to the class dict and sets slot_count and instances_have_dict.
void apply_slots(Type* cls, Dict* ns);

// True when instances of `a` and `b` have the same slot cells: the same
// number, named alike (what `__class__` assignment requires).
bool same_slot_layout(Type* a, Type* b);

void install_member_descriptor_methods();

}  // namespace gilvm
