// _asyncio_loop.AsyncGenSet: the event loop's record of the async
// generators it has seen start (CPython keeps them in a weakref.WeakSet,
// which gilvm lacks). Membership does not keep a generator alive: a
// generator abandoned mid-iteration must still be collected, so that its
// finalizer hook can schedule its aclose() (vm/objects/generator_finalize.cpp).
//
//   s = AsyncGenSet()
//   s.add(agen)        remember (once)
//   s.discard(agen)    forget, if there
//   len(s)             how many are still alive and remembered
//   s.items()          -> a list of them (strong references from then on)
//   s.clear()
//
// Each member is held by a small WeakEntry object that the set traces; the
// entry does not trace its generator, and a heap weak reference
// (Heap::add_weak_reference) empties the entry when the generator is found
// unreachable. Empty entries are dropped as the set is used.
#include <vector>

#include "stdlib/asyncio_asyncgen_set.hpp"
#include "vm/errors.hpp"
#include "vm/heap/heap.hpp"
#include "vm/native.hpp"
#include "vm/objects/dict.hpp"
#include "vm/objects/module.hpp"
#include "vm/objects/number.hpp"
#include "vm/objects/sequence.hpp"
#include "vm/objects/str.hpp"
#include "vm/ops.hpp"

namespace gilvm {

namespace {

struct WeakEntry : Object {
  Object* referent;  // not traced; null once the referent was found dead
  WeakEntry(Type* t, Object* r) : Object(t), referent(r) {}
};

struct AsyncGenSet : Object {
  std::vector<WeakEntry*> entries;
  size_t compact_at = 16;  // entries.size() at which dead ones are dropped
  explicit AsyncGenSet(Type* t) : Object(t) {}
  void trace(Tracer& t) override {
    for (WeakEntry* e : entries) t.visit(e);
  }
  void drop_dead() {
    std::erase_if(entries, [](WeakEntry* e) { return e->referent == nullptr; });
    compact_at = entries.size() * 2 > 16 ? entries.size() * 2 : 16;
  }
};

Type* set_type = nullptr;

AsyncGenSet* self_set(const CallArgs& a, const char* method, size_t arity) {
  check_arg_count(a, method, arity, arity);
  if (!isinstance(a[0], set_type)) raise_type_error("descriptor requires a '_asyncio_loop.AsyncGenSet' object");
  return a[0].as<AsyncGenSet>();
}

Value set_construct(Type* type, const CallArgs& a) {
  check_arg_count(a, "AsyncGenSet", 0, 0);
  return gc_new<AsyncGenSet>(type);
}

Value set_add(const CallArgs& a) {
  AsyncGenSet* s = self_set(a, "add", 2);
  if (!a[1].is_object()) raise_type_error("cannot create weak reference to '" + type_name(a[1]) + "' object");
  Object* member = a[1].object();
  for (WeakEntry* e : s->entries)
    if (e->referent == member) return Value::none();
  if (s->entries.size() >= s->compact_at) s->drop_dead();
  auto* entry = gc_new<WeakEntry>(types().object, member);
  s->entries.push_back(entry);
  heap().add_weak_reference({member, entry, [](Object* holder) { static_cast<WeakEntry*>(holder)->referent = nullptr; },
                             nullptr});
  return Value::none();
}

Value set_discard(const CallArgs& a) {
  AsyncGenSet* s = self_set(a, "discard", 2);
  if (!a[1].is_object()) return Value::none();
  Object* member = a[1].object();
  for (WeakEntry* e : s->entries)
    if (e->referent == member) e->referent = nullptr;
  s->drop_dead();
  return Value::none();
}

Value set_len(const CallArgs& a) {
  AsyncGenSet* s = self_set(a, "__len__", 1);
  int64_t live = 0;
  for (WeakEntry* e : s->entries) live += e->referent != nullptr;
  return make_int(live);
}

Value set_items(const CallArgs& a) {
  AsyncGenSet* s = self_set(a, "items", 1);
  ValueVector members;
  for (WeakEntry* e : s->entries)
    if (e->referent != nullptr) members.push_back(e->referent);
  return new_list(std::move(members));
}

Value set_clear(const CallArgs& a) {
  AsyncGenSet* s = self_set(a, "clear", 1);
  for (WeakEntry* e : s->entries) e->referent = nullptr;
  s->entries.clear();
  return Value::none();
}

}  // namespace

void add_asyncgen_set_type(Module* m) {
  if (set_type == nullptr) {
    set_type = new_builtin_type("AsyncGenSet", types().object, set_construct);
    set_type->qualname = "AsyncGenSet";
    add_type_attr(set_type, "__module__", intern("_asyncio_loop"));
    add_method(set_type, "add", set_add);
    add_method(set_type, "discard", set_discard);
    add_method(set_type, "__len__", set_len);
    add_method(set_type, "items", set_items);
    add_method(set_type, "clear", set_clear);
  }
  m->dict()->table.set(intern("AsyncGenSet"), set_type);
}

}  // namespace gilvm
