#include "vm/class_builder.hpp"

#include <algorithm>

#include "vm/errors.hpp"
#include "vm/heap/heap.hpp"
#include "vm/interp.hpp"
#include "vm/names.hpp"
#include "vm/native.hpp"
#include "vm/objects/dict.hpp"
#include "vm/objects/sequence.hpp"
#include "vm/objects/str.hpp"
#include "vm/objects/slots.hpp"
#include "vm/ops.hpp"
#include "vm/thread_state.hpp"

namespace gilvm {

// C3: merge the bases' MROs and the list of bases, taking at each step the
// first head that appears in no other list's tail.
std::vector<Type*> compute_mro(Type* cls, const std::vector<Type*>& bases) {
  std::vector<std::vector<Type*>> seqs;
  for (Type* b : bases) seqs.push_back(b->mro);
  seqs.push_back(bases);
  std::vector<Type*> result{cls};
  for (;;) {
    seqs.erase(std::remove_if(seqs.begin(), seqs.end(), [](auto& s) { return s.empty(); }), seqs.end());
    if (seqs.empty()) return result;
    Type* candidate = nullptr;
    for (auto& s : seqs) {
      Type* head = s.front();
      bool in_tail = false;
      for (auto& other : seqs)
        if (std::find(other.begin() + 1, other.end(), head) != other.end()) in_tail = true;
      if (!in_tail) {
        candidate = head;
        break;
      }
    }
    if (candidate == nullptr) {
      std::string names_list;
      for (size_t i = 0; i < bases.size(); ++i) names_list += (i ? ", " : "") + bases[i]->name;
      raise_type_error("Cannot create a consistent method resolution\norder (MRO) for bases " + names_list);
    }
    result.push_back(candidate);
    for (auto& s : seqs)
      if (s.front() == candidate) s.erase(s.begin());
  }
}

// The built-in type whose instance layout a class uses. Built-in
// exception classes built by the same constructor as their base add no
// fields of their own (as in CPython, where ArithmeticError and TypeError
// both have BaseException's layout), so they count as that base: this lets
// `class FloatOperation(DecimalException, TypeError)` be defined.
static Type* layout_base(Type* t) {
  for (Type* m : t->mro)
    if (m->is_builtin) {
      if (m->is_subtype_of(exc().BaseException))
        while (m->base != nullptr && m->base->is_builtin && m->base != exc().BaseException &&
               m->base->construct == m->construct)
          m = m->base;
      return m;
    }
  return t;
}

Type* create_class(Type* meta, const std::string& name, const std::vector<Type*>& given_bases, Dict* ns,
                   const CallArgs& class_keywords) {
  std::vector<Type*> bases = given_bases;
  if (bases.empty()) bases.push_back(types().object);
  for (size_t i = 0; i < bases.size(); ++i)
    for (size_t j = 0; j < i; ++j)
      if (bases[i] == bases[j]) raise_type_error("duplicate base class " + bases[i]->name);
  Type* solid = nullptr;
  for (Type* b : bases) {
    if (!b->allows_subclassing) raise_type_error("type '" + b->name + "' is not an acceptable base type");
    Type* layout = layout_base(b);
    if (layout == types().object) continue;
    if (solid == nullptr || layout->is_subtype_of(solid)) solid = layout;
    else if (!solid->is_subtype_of(layout)) raise_type_error("multiple bases have instance lay-out conflict");
  }
  Type* cls = gc_new<Type>(meta);
  Root keep(cls);
  invalidate_method_cache();
  cls->name = name;
  cls->is_builtin = false;
  cls->instances_have_dict = true;
  cls->base = bases[0];
  cls->bases = bases;
  cls->mro = compute_mro(cls, bases);
  cls->is_metatype = cls->is_subtype_of(types().type);
  cls->attrs = new_dict();
  // Copy the namespace; __new__ is implicitly a static method and
  // __init_subclass__ / __class_getitem__ class methods, as in CPython.
  const DictTable& t = ns->table;
  for (size_t i = 0; i < t.entry_capacity(); ++i) {
    const DictEntry& e = t.entry_at(i);
    if (e.key.is_null()) continue;
    Value v = e.value;
    if (type_of(e.key) == types().str && type_of(v) == types().function) {
      const std::string& k = e.key.as<Str>()->data;
      if (k == "__new__") v = gc_new<StaticMethod>(types().staticmethod, v);
      if (k == "__init_subclass__" || k == "__class_getitem__") v = gc_new<ClassMethod>(types().classmethod, v);
    }
    cls->attrs->table.set(e.key, e.hash, v);
  }
  // A class that defines __eq__ but not __hash__ gets __hash__ = None: its
  // instances compare by value, so the identity hash would be wrong.
  if (!ns->table.get_str(names().__eq__).is_null() && ns->table.get_str(names().__hash__).is_null())
    cls->attrs->table.set(names().__hash__, Value::none());
  apply_slots(cls, ns);
  Value qualname = ns->table.get_str(names().__qualname__);
  cls->qualname = (!qualname.is_null() && type_of(qualname) == types().str) ? qualname.as<Str>()->data : name;
  cls->attrs->table.remove(names().__qualname__);
  // Only Python-level overrides count: object's own natives are the default.
  for (Type* m : cls->mro) {
    if (m->is_builtin) continue;
    const DictTable& d = m->dict()->table;
    if (!d.get_str(names().__getattr__).is_null() || !d.get_str(names().__getattribute__).is_null())
      cls->has_getattr_hook = true;
    if (!d.get_str(names().__setattr__).is_null() || !d.get_str(names().__delattr__).is_null())
      cls->has_setattr_hook = true;
  }
  for (Type* b : bases) {
    if (b->has_getattr_hook) cls->has_getattr_hook = true;
    if (b->has_setattr_hook) cls->has_setattr_hook = true;
  }
  // __set_name__ on attributes, then the parent's __init_subclass__.
  ValueVector to_name;  // (value, key) pairs
  for (size_t i = 0; i < cls->attrs->table.entry_capacity(); ++i) {
    const DictEntry& e = cls->attrs->table.entry_at(i);
    if (e.key.is_null()) continue;
    Type* vt = type_of(e.value);
    // Of the built-in types only property has __set_name__ (it learns its
    // name for error messages); skipping the rest keeps class creation cheap.
    if (vt->is_builtin && vt != types().property) continue;
    Value set_name = lookup_in_mro(vt, names().__set_name__);
    if (!set_name.is_null()) {
      to_name.push_back(e.value);
      to_name.push_back(e.key);
    }
  }
  invalidate_method_cache();  // the namespace is complete now
  for (size_t i = 0; i < to_name.size(); i += 2) call_method(to_name[i], names().__set_name__, {cls, to_name[i + 1]});
  if (cls->mro.size() > 1) {
    // A heap object, not a local: every object must live in the heap's pages.
    Super* parent = gc_new<Super>(types().super, cls, cls, cls);
    // The class statement's keywords (other than metaclass) go to the
    // parent's __init_subclass__; object's own takes none.
    Value init_subclass = super_get_attr(parent, names().__init_subclass__);
    if (!init_subclass.is_null() && type_of(init_subclass) != types().native_function)
      call_object(init_subclass, class_keywords);
    else if (class_keywords.kw_count() > 0)
      raise_type_error(cls->name + ".__init_subclass__() takes no keyword arguments");
  }
  return cls;
}

// __build_class__(func, name, *bases, metaclass=None, **kwds)
Value builtin_build_class(const CallArgs& args) {
  if (args.count < 2) raise_type_error("__build_class__: not enough arguments");
  if (type_of(args[0]) != types().function) raise_type_error("__build_class__: func must be a function");
  if (type_of(args[1]) != types().str) raise_type_error("__build_class__: name is not a string");
  Function* body = args[0].as<Function>();
  std::string name = args[1].as<Str>()->data;
  // A base that is not a class may stand for classes through
  // __mro_entries__ (typing.Generic[T], list[int]): it is replaced by what
  // that returns, and the bases as written are kept in __orig_bases__.
  std::vector<Type*> bases;
  ValueVector keep_bases;  // what __mro_entries__ returned may be referenced only here
  bool substituted = false;
  Tuple* written_bases = new_tuple(std::vector<Value>(args.args + 2, args.args + args.count));
  Root keep_written(written_bases);
  for (size_t i = 2; i < args.count; ++i) {
    if (isinstance(args[i], types().type)) {
      bases.push_back(args[i].as<Type>());
      continue;
    }
    Value entries = get_attr_or_null(args[i], intern("__mro_entries__"));
    if (entries.is_null()) raise_type_error("bases must be types");
    Value written = written_bases;
    Value replacement = call_object(entries, CallArgs{&written, 1});
    if (!isinstance(replacement, types().tuple)) raise_type_error("__mro_entries__ must return a tuple");
    for (Value b : replacement.as<Tuple>()->items) {
      if (!isinstance(b, types().type)) raise_type_error("bases must be types");
      bases.push_back(b.as<Type>());
      keep_bases.push_back(b);
    }
    substituted = true;
  }
  // metaclass= picks the metaclass; every other keyword is passed on to
  // it (and from type.__new__ to __init_subclass__).
  Value meta_value;
  ValueVector keyword_names, keyword_values;
  for (size_t k = 0; k < args.kw_count(); ++k) {
    if (args.kwnames->items[k].as<Str>()->data == "metaclass") {
      meta_value = args.kw_value(k);
    } else {
      keyword_names.push_back(args.kwnames->items[k]);
      keyword_values.push_back(args.kw_value(k));
    }
  }
  Tuple* kwnames = keyword_names.empty() ? nullptr : new_tuple(keyword_names);
  Root keep_kwnames(kwnames ? Value(kwnames) : Value::none());
  Type* meta = types().type;
  if (!meta_value.is_null()) {
    if (!isinstance(meta_value, types().type)) raise_type_error("metaclass must be a type");
    meta = meta_value.as<Type>();
  }
  // The most derived metaclass among the bases' types wins.
  for (Type* b : bases) {
    Type* bm = b->type;
    if (bm->is_subtype_of(meta)) meta = bm;
    else if (!meta->is_subtype_of(bm))
      raise_type_error("metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of "
                       "the metaclasses of all its bases");
  }
  ValueVector base_values(bases.begin(), bases.end());
  Tuple* base_tuple = new_tuple(base_values);
  Root keep_base_tuple(base_tuple);
  // A metaclass's __prepare__(name, bases, **kwds) makes the namespace the
  // body runs in. A plain dict is used as such; any other mapping (enum's
  // member-recording dict) sees every store and load of the body.
  Value prepared = Value::null();
  if (meta != types().type) {
    Value prepare = get_attr_or_null(Value(meta), intern("__prepare__"));
    if (!prepare.is_null() && !prepare.is_none()) {
      ValueVector prepare_args = {args[1], base_tuple};
      prepare_args.insert(prepare_args.end(), keyword_values.begin(), keyword_values.end());
      prepared = call_object(prepare, CallArgs{prepare_args.data(), 2, kwnames});
      if (lookup_in_mro(type_of(prepared), names().__getitem__).is_null())
        raise_type_error(meta->name + ".__prepare__() must return a mapping, not " + type_name(prepared));
    }
  }
  Root keep_prepared(prepared.is_null() ? Value::none() : prepared);
  Dict* ns = nullptr;
  if (prepared.is_null()) ns = new_dict();
  else if (type_of(prepared) == types().dict) ns = prepared.as<Dict>();
  Root keep_ns(ns != nullptr ? Value(ns) : Value::none());
  Value cell;
  if (ns != nullptr) {
    cell = run_class_body(body, ns);
    if (substituted) ns->table.set(intern("__orig_bases__"), written_bases);
  } else {
    cell = run_class_body_in_mapping(body, prepared);
    if (substituted) set_item(prepared, intern("__orig_bases__"), written_bases);
  }
  Root keep_cell(cell);
  Value namespace_value = ns != nullptr ? Value(ns) : prepared;
  Value cls;
  if (meta->is_builtin || lookup_in_mro(meta, names().__new__).is_null()) {
    if (ns == nullptr) ns = call_object(Value(types().dict), CallArgs{&prepared, 1}).as<Dict>();  // type.__new__ copies it
    Root keep_copy(ns);
    cls = create_class(meta, name, bases, ns, CallArgs{keyword_values.data(), 0, kwnames});
  } else {
    ValueVector call_args = {args[1], base_tuple, namespace_value};
    call_args.insert(call_args.end(), keyword_values.begin(), keyword_values.end());
    cls = call_object(meta, CallArgs{call_args.data(), 3, kwnames});
  }
  if (type_of(cell) == types().cell) cell.as<Cell>()->contents = cls;
  return cls;
}

// ---------------------------------------------------------------------------
// super

Value super_get_attr(Super* s, Str* name) {
  const std::vector<Type*>& mro = s->instance_type->mro;
  auto it = std::find(mro.begin(), mro.end(), s->start);
  if (it == mro.end()) return Value::null();
  for (++it; it != mro.end(); ++it) {
    Value v = (*it)->dict()->table.get_str(name);
    if (v.is_null()) continue;
    bool on_class = s->instance.is(Value(s->instance_type)) && isinstance(s->instance, types().type);
    Type* vt = type_of(v);
    if (on_class && vt == types().function) return v;
    if (vt == types().native_function && on_class && !(v.object()->flags & kNativeClassMethod)) return v;
    return bind_descriptor(v, s->instance, s->instance_type);
  }
  return Value::null();
}

namespace {

Value super_construct(Type*, const CallArgs& args) {
  if (args.count == 2) {
    if (!isinstance(args[0], types().type)) raise_type_error("super() argument 1 must be a type, not " + type_name(args[0]));
    Type* start = args[0].as<Type>();
    Value obj = args[1];
    Type* obj_type;
    if (isinstance(obj, types().type) && obj.as<Type>()->is_subtype_of(start)) obj_type = obj.as<Type>();
    else if (isinstance(obj, start)) obj_type = type_of(obj);
    else raise_type_error("super(type, obj): obj must be an instance or subtype of type");
    return gc_new<Super>(types().super, start, obj, obj_type);
  }
  if (args.count != 0) raise_type_error("super() takes 0 or 2 arguments");
  // Zero arguments: the calling function's first argument and __class__ cell.
  Frame* frame = current_thread_state()->current_frame;
  if (frame == nullptr || frame->code->argcount == 0 || frame->function == nullptr)
    raise_runtime_error("super(): no arguments");
  Code* code = frame->code;
  Value first = frame->localsplus()[0];
  for (size_t i = 0; i < code->cellvars.size(); ++i)
    if (code->cell_to_arg[i] == 0) first = frame->localsplus()[code->nlocals() + i].as<Cell>()->contents;
  if (first.is_null()) raise_runtime_error("super(): arg[0] deleted");
  Value class_cell;
  for (size_t j = 0; j < code->freevars.size(); ++j)
    if (code->freevars[j]->data == "__class__")
      class_cell = frame->localsplus()[code->nlocals() + code->cellvars.size() + j];
  if (class_cell.is_null()) raise_runtime_error("super(): __class__ cell not found");
  Value cls = class_cell.as<Cell>()->contents;
  if (cls.is_null()) raise_runtime_error("super(): empty __class__ cell");
  Type* start = cls.as<Type>();
  Type* obj_type = isinstance(first, types().type) && first.as<Type>()->is_subtype_of(start) ? first.as<Type>()
                                                                                          : type_of(first);
  if (!obj_type->is_subtype_of(start))
    raise_type_error("super(type, obj): obj must be an instance or subtype of type");
  return gc_new<Super>(types().super, start, first, obj_type);
}

Value super_repr(const CallArgs& a) {
  Super* s = a[0].as<Super>();
  return new_str("<super: <class '" + s->start->name + "'>, <" + s->instance_type->name + " object>>");
}

}  // namespace

void install_super_type() {
  types().super->construct = super_construct;
  add_method(types().super, "__repr__", super_repr);
}

}  // namespace gilvm
