// The header every heap object starts with, and the Type object.
//
// Every heap value is a C++ object derived from Object. Its destructor is
// virtual because the sweeper frees objects of every type through the same
// pointer, and `trace` is virtual because the marker must find every Value an
// object holds. A new object type therefore needs exactly two things to be
// GC-correct: a constructor that stores its fields, and a `trace` override
// that visits each Value or Object* field (the header's type and attrs are
// visited by the collector itself).
//
// `attrs` is the instance attribute dict (`__dict__`): present for instances
// of user classes, functions, modules, types and exceptions, null otherwise.
//
// An object's GC state (live, marked) is not in the object: it is a bit in
// the header of the page that holds it (vm/heap/page.hpp). Objects are made
// only by `gc_new` (vm/heap/heap.hpp) and freed only by the sweep, which
// runs the destructor: a destructor may release C++ resources (buffers,
// descriptors) but must not touch other heap objects, which may be gone.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "vm/heap/page.hpp"
#include "vm/value.hpp"

namespace gilvm {

struct Type;
struct Dict;
struct Str;
class Tracer;

struct Object {
  Type* type;
  Dict* attrs = nullptr;      // instance __dict__, if the type has one
  uint32_t flags = 0;         // per-type bits

  explicit Object(Type* t) : type(t) {}
  Object(const Object&) = delete;
  Object& operator=(const Object&) = delete;
  virtual ~Object() = default;
  virtual void trace(Tracer&) {}
  // A native object's finalizer, for objects registered with
  // Heap::register_finalizer that have no `__del__`: runs once, at a
  // safepoint after the collection that found the object unreachable, with
  // the object and all it references still intact.
  virtual void finalize() {}
  // Asked of a registered object at each collection (and at exit) before
  // anything else: false means its finalizer has nothing left to do, and
  // the heap forgets the registration for good. Lets an object that needs
  // a finalizer only in some states (a coroutine never started) register
  // cheaply at birth and drop out as soon as that state is left.
  virtual bool needs_finalization() const { return true; }
};

// Visits the references of objects during marking. Marking is iterative (a
// worklist), so deep structures such as a million-element linked list cannot
// overflow the C++ stack.
//
// `visit` takes exact references: a Value or an Object* that certainly is a
// live object (what `trace` methods report). `visit_word` takes anything
// that might be a pointer (a native stack slot, a buffer's spare capacity)
// and looks it up in the page table first.
class Tracer {
 public:
  void visit(Value v) {
    if (v.is_object()) visit(v.object());
    else ++references_;
  }
  void visit(Object* o) {
    ++references_;
    if (o != nullptr && heap_layout::PageHeader::of(o)->mark(o)) worklist_.push_back(o);
  }
  template <class T>
  void visit_all(const std::vector<T>& items) {
    for (const auto& item : items) visit(item);
  }
  void visit_word(uintptr_t word);
  void visit_words(const Value* begin, const Value* end) {
    for (const Value* v = begin; v < end; ++v) visit_word(v->raw());
  }

 private:
  friend class Heap;
  bool conservative_ = true;  // false: visit_word ignores everything
  size_t references_ = 0;  // reference slots visited by this marking: its cost
  std::vector<Object*> worklist_;
};

// The C++-level constructor of a type: what `SomeType(args)` does before
// `__init__` runs (CPython's tp_new). Receives the type actually being
// instantiated, which may be a user subclass.
struct CallArgs;
using ConstructFn = Value (*)(Type* type, const CallArgs& args);

struct Type : Object {
  std::string name;             // __name__
  std::string qualname;         // __qualname__
  Type* base = nullptr;         // __base__: the first base, used for layout
  std::vector<Type*> bases;     // __bases__
  std::vector<Type*> mro;       // __mro__, starting with this type
  ConstructFn construct = nullptr;
  bool is_builtin = true;       // defined in C++ (its dict is read-only)
  bool allows_subclassing = true;
  bool instances_have_dict = false;
  // The most attributes an instance's dict has been seen to hold: new
  // instance dicts are made that big, so __init__ does not regrow them.
  uint32_t instance_dict_hint = 0;
  // Set when the class or a base defines __getattr__ / __getattribute__ etc.,
  // so that attribute lookups on other types skip those checks.
  bool has_getattr_hook = false;
  bool has_setattr_hook = false;
  // A subclass of `type`: its instances are classes, whose attrs dict is a
  // namespace needing descriptor binding, so the instance fast paths skip them.
  bool is_metatype = false;
  // Bumped whenever this type's dict (or a base's) changes; caches compare it.
  uint64_t version = 0;
  // Value cells each instance carries for __slots__, bases' included
  // (vm/objects/slots.hpp).
  uint32_t slot_count = 0;
  // Instances keep their attributes in cells, named by shared_keys, until
  // something needs a real dict (vm/objects/instance_values.hpp).
  bool inline_values = false;
  std::vector<Str*> shared_keys;  // append-only; interned, so never collected

  // Built-in iterators written in C++ (enumerate, zip, map, ...) step
  // through these rather than through __next__, whose StopIteration would
  // cost a C++ throw and catch at the end of every loop. Set on the
  // built-in type only, never inherited: a subclass may define __next__.
  //  * iter_step: the next item, or null when the iterator is exhausted.
  //  * pair_step: for `for a, b in it` (FOR_ITER then UNPACK_SEQUENCE 2):
  //    the next item's two parts, without making the 2-tuple. Returns 1
  //    with both set, 0 when exhausted, -1 when the items are not pairs
  //    (zip of three), having consumed nothing.
  Value (*iter_step)(Object* iterator) = nullptr;
  int (*pair_step)(Object* iterator, Value* first, Value* second) = nullptr;

  explicit Type(Type* metatype) : Object(metatype) {}
  ~Type() override;
  void trace(Tracer& t) override {
    t.visit(base);
    for (Type* b : bases) t.visit(b);
    for (Type* m : mro) t.visit(m);
  }
  // The type's own namespace (never null once the type is built).
  Dict* dict() const { return attrs; }
  bool is_subtype_of(const Type* other) const {
    if (this == other) return true;
    for (const Type* m : mro)
      if (m == other) return true;
    return false;
  }
};

}  // namespace gilvm
