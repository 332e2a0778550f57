// _weakref: weak references on gilvm's tracing collector (the `weakref`
// module, stdlib/py/weakref.py, builds its proxies, dictionaries, WeakSet,
// WeakMethod and finalize on this).
//
// Contract
// --------
// * A `ref` holds its referent without tracing it. Each ref registers with
//   the heap (Heap::add_weak_reference), so the collection that finds the
//   referent unreachable clears every ref to it in the middle of that
//   collection: after marking, before any finalizer (`__del__`) can
//   resurrect the referent or anything it reaches. A ref that is cleared
//   stays dead even if a finalizer later brings the referent back, and a
//   ref made afterwards to a resurrected object is an ordinary new ref.
// * Clearing only resets fields (`referent`, and moves the callback to
//   `due_callback`); it never allocates nor runs Python, because the heap's
//   invariants hold the collector at that moment. The callback itself runs
//   later, at the safepoint that follows the collection (or in
//   gc.collect()), from Heap::run_finalizers: after the finalizers of that
//   collection, in the thread that collected, which holds the GIL. An
//   exception in it is printed as CPython's "Exception ignored in: ...".
//   A ref that is itself unreachable when its referent dies is cleared but
//   its callback never runs (as in CPython).
// * `refs_by_referent` lists the live refs to each referent, in creation
//   order (the plain, callback-less `ref` CPython shares first): it answers
//   getweakrefcount/getweakrefs and lets `ref(x)` return the shared one.
//   A referent's entry is erased when its refs are cleared; a ref that dies
//   before its referent takes itself out in its destructor (which touches
//   only that C++ table, never another heap object). Everything here runs
//   under the GIL, like all object code.
// * Conservative stack scanning may keep a dropped referent alive for a
//   collection or two longer than reference counting would: code that
//   observes a ref die calls gc.collect() and must not count on the exact
//   moment.
#include <algorithm>
#include <cstdio>
#include <string>
#include <unordered_map>
#include <vector>

#include "stdlib/stdlib.hpp"
#include "vm/builtins_core.hpp"
#include "vm/call.hpp"
#include "vm/errors.hpp"
#include "vm/heap/heap.hpp"
#include "vm/import.hpp"
#include "vm/native.hpp"
#include "vm/objects/dict.hpp"
#include "vm/objects/module.hpp"
#include "vm/objects/number.hpp"
#include "vm/objects/sequence.hpp"
#include "vm/objects/str.hpp"
#include "vm/opcodes.hpp"
#include "vm/ops.hpp"
#include "vm/thread_state.hpp"
#include "vm/types.hpp"

namespace gilvm {

namespace {

Type* ref_type = nullptr;

struct WeakRef;
std::unordered_map<Object*, std::vector<WeakRef*>> refs_by_referent;

void forget_ref(Object* referent, WeakRef* ref) {
  auto found = refs_by_referent.find(referent);
  if (found == refs_by_referent.end()) return;
  std::erase(found->second, ref);
  if (found->second.empty()) refs_by_referent.erase(found);
}

struct WeakRef : Object {
  Object* referent;                    // not traced; null once cleared
  Value callback = Value::none();      // None, or called with this ref once the referent dies
  Value due_callback = Value::none();  // the callback between clearing and its run
  int64_t hash = 0;
  bool hashed = false;
  WeakRef(Type* t, Object* r, Value cb) : Object(t), referent(r), callback(cb) {}
  ~WeakRef() override {
    if (referent != nullptr) forget_ref(referent, this);
  }
  void trace(Tracer& t) override {
    t.visit(callback);
    t.visit(due_callback);
  }
};

// Runs inside the collection (see the contract): fields only.
void clear_ref(Object* holder) {
  auto* ref = static_cast<WeakRef*>(holder);
  if (ref->referent != nullptr) refs_by_referent.erase(ref->referent);
  ref->referent = nullptr;
  ref->due_callback = ref->callback;
  ref->callback = Value::none();
}

// Runs at the safepoint after the collection, holding the GIL.
void run_ref_callback(Object* holder) {
  auto* ref = static_cast<WeakRef*>(holder);
  Value callback = ref->due_callback;
  ref->due_callback = Value::none();
  if (callback.is_none()) return;
  ThreadState* ts = current_thread_state();
  Value handled = ts->handled_exception;
  try {
    call(callback, {Value(ref)});
  } catch (PyException&) {
    Value e = take_current_exception();
    write_unraisable("Exception ignored in: " + repr_string(callback), e);
  }
  ts->handled_exception = handled;
}

// Built-in types whose instances CPython lets weak references point at
// (those with a weak-reference list in their layout). Types defined by
// other native modules are known by name: only built-in types are looked
// up here, and no two of them share these names.
bool builtin_type_accepts_weakrefs(Type* t) {
  const CoreTypes& ty = types();
  if (t == ty.set || t == ty.frozenset || t == ty.function || t == ty.native_function || t == ty.bound_method ||
      t == ty.code || t == ty.module || t == ty.generator || t == ty.coroutine || t == ty.async_generator ||
      t == ty.memoryview || t == ty.type)
    return true;
  static const char* const kNamed[] = {"lock",     "RLock",         "StringIO",       "BytesIO",
                                       "Pattern",  "partial",       "socket",         "TextIOWrapper",
                                       "FileIO",   "BufferedReader", "BufferedWriter", "BufferedRandom",
                                       "deque",    "OrderedDict",   "array",          "_local",
                                       "local",    "Future",        "Task",           "mmap"};
  for (const char* name : kNamed)
    if (t->name == name) return true;
  return false;
}

// int, bool, tuple and bytes keep their items inside the object in
// CPython, which leaves a subclass no room for a weak-reference list.
bool variable_sized(Type* t) {
  const CoreTypes& ty = types();
  return t == ty.int_ || t == ty.bool_ || t == ty.tuple || t == ty.bytes;
}

bool slots_name_weakref(Value slots) {
  static Str* weakref_name = intern("__weakref__");
  if (is_type(slots, types().str)) return values_equal(slots, weakref_name);
  for (Value name : collect_iterable(slots))
    if (is_type(name, types().str) && values_equal(name, weakref_name)) return true;
  return false;
}

// Whether `ref(v)` is allowed: CPython's rule, in which a class statement
// adds a __weakref__ slot unless __slots__ leaves it out or the built-in
// base is variable-sized.
bool accepts_weakrefs(Value v) {
  if (!v.is_object()) return false;
  Type* t = type_of(v);
  if (t->is_subtype_of(types().type)) return true;
  static Str* slots_key = intern("__slots__");
  bool class_adds_slot = false;
  for (Type* m : t->mro) {
    if (m->is_builtin) {
      if (builtin_type_accepts_weakrefs(m)) return true;
      if (variable_sized(m)) return false;
      if (m != types().object) continue;
      break;
    }
    Value slots = m->dict()->table.get(slots_key);
    if (slots.is_null() || slots_name_weakref(slots)) class_adds_slot = true;
  }
  return class_adds_slot;
}

WeakRef* self_ref(Value self) {
  if (!isinstance(self, ref_type)) raise_type_error("descriptor requires a 'weakref.ReferenceType' object");
  return self.as<WeakRef>();
}

WeakRef* new_ref(Type* type, Value target, Value callback) {
  if (!accepts_weakrefs(target))
    raise_type_error("cannot create weak reference to '" + type_name(target) + "' object");
  Object* referent = target.object();
  std::vector<WeakRef*>& refs = refs_by_referent[referent];
  bool shared = type == ref_type && callback.is_none();
  if (shared && !refs.empty() && type_of(refs.front()) == ref_type && refs.front()->callback.is_none())
    return refs.front();
  auto* ref = gc_new<WeakRef>(type, referent, callback);
  // gc_new may not collect, so `refs` is still the referent's entry.
  if (shared) refs.insert(refs.begin(), ref);
  else refs.push_back(ref);
  heap().add_weak_reference({referent, ref, clear_ref, run_ref_callback});
  return ref;
}

Value ref_construct(Type* type, const CallArgs& a) {
  if (a.kw_count() != 0) raise_type_error("ref() takes no keyword arguments");
  if (a.count < 1)
    raise_type_error("__new__ expected at least 1 argument, got 0");
  if (a.count > 2) raise_type_error("__new__ expected at most 2 arguments, got " + std::to_string(a.count));
  return new_ref(type, a[0], a.count > 1 ? a[1] : Value::none());
}

Value ref_init(const CallArgs& a) {
  self_ref(a[0]);
  if (a.count < 2) raise_type_error("__init__ expected at least 1 argument, got 0");
  if (a.count > 3) raise_type_error("__init__ expected at most 2 arguments, got " + std::to_string(a.count - 1));
  return Value::none();
}

Value ref_call(const CallArgs& a) {
  WeakRef* ref = self_ref(a[0]);
  if (a.kw_count() != 0) raise_type_error("weakref() takes no keyword arguments");
  if (a.count != 1) raise_type_error("weakref expected 0 arguments, got " + std::to_string(a.count - 1));
  return ref->referent == nullptr ? Value::none() : Value(ref->referent);
}

Value ref_hash(const CallArgs& a) {
  WeakRef* ref = self_ref(a[0]);
  if (!ref->hashed) {
    if (ref->referent == nullptr) raise_type_error("weak object has gone away");
    int64_t h = hash_value(ref->referent);
    ref->hash = h;
    ref->hashed = true;
  }
  return make_int(ref->hash);
}

// Two live refs compare as their referents do; otherwise only a ref equals
// itself.
Value ref_compare(const CallArgs& a, uint32_t op) {
  WeakRef* ref = self_ref(a[0]);
  if (!isinstance(a[1], ref_type)) return not_implemented();
  WeakRef* other = a[1].as<WeakRef>();
  if (ref->referent == nullptr || other->referent == nullptr) {
    bool same = ref == other;
    return Value::boolean(op == kEq ? same : !same);
  }
  return compare(ref->referent, other->referent, op);
}

Value ref_eq(const CallArgs& a) { return ref_compare(a, kEq); }
Value ref_ne(const CallArgs& a) { return ref_compare(a, kNe); }

std::string address_text(const void* p) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%p", p);
  return buf;
}

Value ref_repr(const CallArgs& a) {
  WeakRef* ref = self_ref(a[0]);
  std::string text = "<weakref at " + address_text(ref) + "; ";
  if (ref->referent == nullptr) return new_str(text + "dead>");
  Value target = ref->referent;
  text += "to '" + type_name(target) + "' at " + address_text(ref->referent);
  Value name = get_attr_or_null(target, intern("__name__"));
  if (!name.is_null() && isinstance(name, types().str)) text += " (" + str_string(name) + ")";
  return new_str(text + ">");
}

Value ref_callback_get(Value self) { return self_ref(self)->callback; }

Value class_getitem(const CallArgs& a) {
  // ref[int] in annotations: a types.GenericAlias in CPython.
  Value generic_alias = get_attr(import_module(intern("types"), builtins_dict(), Value::none(), 0), "GenericAlias");
  return call(generic_alias, {a[0], a[1]});
}

Value getweakrefcount(const CallArgs& a) {
  check_arg_count(a, "getweakrefcount", 1, 1);
  if (!a[0].is_object()) return Value::small_int(0);
  auto found = refs_by_referent.find(a[0].object());
  return make_int(found == refs_by_referent.end() ? 0 : static_cast<int64_t>(found->second.size()));
}

Value getweakrefs(const CallArgs& a) {
  check_arg_count(a, "getweakrefs", 1, 1);
  std::vector<Value> refs;
  if (a[0].is_object()) {
    auto found = refs_by_referent.find(a[0].object());
    if (found != refs_by_referent.end())
      for (WeakRef* r : found->second) refs.push_back(r);
  }
  return new_list(std::move(refs));
}

// _remove_dead_weakref(d, key): deletes d[key] if it is a dead ref (the
// removal callback of WeakValueDictionary).
Value remove_dead_weakref(const CallArgs& a) {
  check_arg_count(a, "_remove_dead_weakref", 2, 2);
  if (!isinstance(a[0], types().dict)) raise_type_error("_remove_dead_weakref() argument 1 must be dict");
  Value current = a[0].as<Dict>()->table.get(a[1]);
  if (current.is_null()) return Value::none();
  if (isinstance(current, ref_type) && current.as<WeakRef>()->referent == nullptr) del_item(a[0], a[1]);
  return Value::none();
}

void init_weakref(Module* m) {
  if (ref_type == nullptr) {
    ref_type = new_builtin_type("ReferenceType", types().object, ref_construct);
    ref_type->qualname = "ReferenceType";
    add_type_attr(ref_type, "__module__", intern("weakref"));
    add_method(ref_type, "__init__", ref_init);
    add_method(ref_type, "__call__", ref_call);
    add_method(ref_type, "__hash__", ref_hash);
    add_method(ref_type, "__eq__", ref_eq);
    add_method(ref_type, "__ne__", ref_ne);
    add_method(ref_type, "__repr__", ref_repr);
    add_getset(ref_type, "__callback__", ref_callback_get);
    add_class_method(ref_type, "__class_getitem__", class_getitem);
  }
  Dict* d = m->dict();
  d->table.set(intern("ref"), ref_type);
  d->table.set(intern("ReferenceType"), ref_type);
  add_function(m, "getweakrefcount", getweakrefcount);
  add_function(m, "getweakrefs", getweakrefs);
  add_function(m, "_remove_dead_weakref", remove_dead_weakref);
}

}  // namespace

void register_weakref_module() { register_builtin_module("_weakref", init_weakref); }

}  // namespace gilvm
