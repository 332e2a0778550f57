// The reduction protocol of the built-in types: object.__reduce_ex__,
// object.__reduce__ and object.__getstate__, and __reduce__ for the core
// types that need one (BaseException, range, slice). They are installed on
// the types at start-up (install_reduce_methods), so copy, pickle and user
// code that calls super().__reduce_ex__(protocol) all meet the same ones.
//
// What object.__reduce_ex__(protocol) returns, as in CPython 3.11:
//  * the class's own __reduce__, when it overrides object's;
//  * below protocol 2, copyreg._reduce_ex(obj, protocol) (stdlib/py/copyreg.py);
//  * from protocol 2, (copyreg.__newobj__, (cls, *args), state, listitems,
//    dictitems), where args come from __getnewargs__ (or __newobj_ex__ with
//    (cls, args, kwargs) from __getnewargs_ex__), state from __getstate__,
//    and the iterators are there for list and dict subclasses.
// Instances of native types that have no way to be rebuilt (generators,
// locks, files...) raise "cannot pickle 'X' object".
#include <string>

#include "stdlib/pickle/pickle.hpp"
#include "vm/errors.hpp"
#include "vm/import.hpp"
#include "vm/native.hpp"
#include "vm/objects/dict.hpp"
#include "vm/objects/instance_values.hpp"
#include "vm/objects/number.hpp"
#include "vm/objects/sequence.hpp"
#include "vm/objects/set.hpp"
#include "vm/objects/str.hpp"
#include "vm/ops.hpp"
#include "vm/types.hpp"

namespace gilvm::pickle {

namespace {

Value g_object_reduce_ex;
Value g_object_reduce;
Value g_object_getstate;

Str* name_of(const char* s) { return intern(s); }

// True when instances of `t` can be rebuilt by calling cls.__new__: their
// first native base is one whose constructor makes a blank instance.
bool constructible(Type* t) {
  const CoreTypes& ct = types();
  for (Type* m : t->mro) {
    if (!m->is_builtin) continue;
    return m == ct.object || m == ct.int_ || m == ct.bool_ || m == ct.float_ || m == ct.str || m == ct.bytes ||
           m == ct.tuple || m == ct.list || m == ct.dict || m == ct.set || m == ct.frozenset || m == ct.type ||
           m->is_subtype_of(exc().BaseException);
  }
  return true;
}

// The instance's attributes as a new dict, or None when it has none.
Value instance_dict_state(Value obj) {
  if (!obj.is_object()) return Value::none();
  Object* o = obj.object();
  if (has_inline_values(o)) {
    Dict* d = nullptr;
    for (Str* key : o->type->shared_keys) {
      Value v = inline_value(o, key);
      if (v.is_null()) break;
      if (d == nullptr) d = new_dict();
      d->table.set(key, v);
    }
    return d == nullptr ? Value::none() : Value(d);
  }
  if (o->attrs == nullptr || o->type->is_builtin) {
    static Str* dict_name = intern("__dict__");
    Value d = get_attr_or_null(obj, dict_name);
    if (d.is_null() || !isinstance(d, types().dict) || d.as<Dict>()->table.size() == 0) return Value::none();
    return d;
  }
  return o->attrs->table.size() == 0 ? Value::none() : Value(o->attrs);
}

Value slot_names(Type* t) {
  static Value slotnames_fn;
  if (slotnames_fn.is_null()) slotnames_fn = copyreg_attr("_slotnames");
  return call(slotnames_fn, {Value(t)});
}

Value get_state(Value obj, bool required) {
  static Str* getstate_name = intern("__getstate__");
  Type* t = type_of(obj);
  if (has_default_getstate(t)) return default_getstate(obj, required);
  return call(get_attr(obj, getstate_name), {});
}

Value reduce_newobj(Value obj) {
  Type* t = type_of(obj);
  if (!constructible(t)) raise_type_error("cannot pickle '" + type_tp_name(t) + "' object");
  static Str* getnewargs_ex = intern("__getnewargs_ex__");
  static Str* getnewargs = intern("__getnewargs__");
  Value args, kwargs;
  Value method = get_attr_or_null(obj, getnewargs_ex);
  if (!method.is_null()) {
    Value r = call(method, {});
    if (type_of(r) != types().tuple)
      raise_type_error("__getnewargs_ex__ should return a tuple, not '" + type_name(r) + "'");
    if (r.as<Tuple>()->items.size() != 2)
      raise_value_error("__getnewargs_ex__ should return a tuple of length 2, not " +
                        std::to_string(r.as<Tuple>()->items.size()));
    args = r.as<Tuple>()->items[0];
    kwargs = r.as<Tuple>()->items[1];
    if (type_of(args) != types().tuple)
      raise_type_error("first item of the tuple returned by __getnewargs_ex__ must be a tuple, not '" +
                       type_name(args) + "'");
    if (type_of(kwargs) != types().dict)
      raise_type_error("second item of the tuple returned by __getnewargs_ex__ must be a dict, not '" +
                       type_name(kwargs) + "'");
  } else {
    method = get_attr_or_null(obj, getnewargs);
    if (!method.is_null()) {
      args = call(method, {});
      if (type_of(args) != types().tuple)
        raise_type_error("__getnewargs__ should return a tuple, not '" + type_name(args) + "'");
    }
  }
  bool hasargs = !args.is_null();
  bool is_list = isinstance(obj, types().list), is_dict = isinstance(obj, types().dict);
  Value state = get_state(obj, !hasargs && !is_list && !is_dict);
  Value listitems = is_list ? get_iter(obj) : Value::none();
  Value dictitems = is_dict ? get_iter(call_method(obj, "items", {})) : Value::none();
  if (!hasargs) args = empty_tuple();
  if (kwargs.is_null() || kwargs.as<Dict>()->table.size() == 0) {
    std::vector<Value> newargs{Value(t)};
    for (Value v : args.as<Tuple>()->items) newargs.push_back(v);
    static Value newobj;
    if (newobj.is_null()) newobj = copyreg_attr("__newobj__");
    return new_tuple({newobj, Value(new_tuple(std::move(newargs))), state, listitems, dictitems});
  }
  static Value newobj_ex;
  if (newobj_ex.is_null()) newobj_ex = copyreg_attr("__newobj_ex__");
  return new_tuple({newobj_ex, Value(new_tuple({Value(t), args, kwargs})), state, listitems, dictitems});
}

int64_t protocol_argument(Value v) {
  if (!is_int_value(v)) raise_type_error("'" + type_name(v) + "' object cannot be interpreted as an integer");
  int64_t n = 0;
  if (!int_to_int64(v, &n)) raise_overflow_error("Python int too large to convert to C int");
  return n;
}

Value o_reduce_ex(const CallArgs& a) {
  Value self = a[0];
  int64_t protocol = protocol_argument(a[1]);
  static Str* reduce_name = intern("__reduce__");
  Value reduce = lookup_in_mro(type_of(self), reduce_name);
  if (!reduce.is_null() && !reduce.is(g_object_reduce)) return call(get_attr(self, reduce_name), {});
  return object_reduce(self, static_cast<int>(protocol));
}

Value o_reduce(const CallArgs& a) { return object_reduce(a[0], 0); }

Value o_getstate(const CallArgs& a) { return default_getstate(a[0], false); }

// BaseException: (type, args) or (type, args, __dict__); __setstate__
// puts the dict back.
Value e_reduce(const CallArgs& a) {
  Value self = a[0];
  Value args = get_attr(self, "args");
  Value d = instance_dict_state(self);
  if (d.is_none()) return new_tuple({Value(type_of(self)), args});
  return new_tuple({Value(type_of(self)), args, d});
}

Value e_setstate(const CallArgs& a) {
  Value state = a[1];
  if (state.is_none()) return Value::none();
  if (!isinstance(state, types().dict)) raise_type_error("state is not a dictionary");
  const DictTable& t = state.as<Dict>()->table;
  ValueVector pairs;
  for (size_t i = 0; i < t.entry_capacity(); ++i) {
    if (t.entry_at(i).key.is_null()) continue;
    pairs.push_back(t.entry_at(i).key);
    pairs.push_back(t.entry_at(i).value);
  }
  for (size_t i = 0; i < pairs.size(); i += 2) set_attr(a[0], attribute_name(pairs[i]), pairs[i + 1]);
  return Value::none();
}

Value range_reduce(const CallArgs& a) {
  Value self = a[0];
  if (type_of(self) != types().range) raise_type_error("descriptor '__reduce__' requires a 'range' object");
  Value args = new_tuple({get_attr(self, "start"), get_attr(self, "stop"), get_attr(self, "step")});
  return new_tuple({Value(types().range), args});
}

Value slice_reduce(const CallArgs& a) {
  if (type_of(a[0]) != types().slice) raise_type_error("descriptor '__reduce__' requires a 'slice' object");
  Slice* s = a[0].as<Slice>();
  return new_tuple({Value(types().slice), Value(new_tuple({s->start, s->stop, s->step}))});
}

// set and frozenset: (type, (list of items,), __dict__ or None).
Value set_reduce(const CallArgs& a) {
  Value self = a[0];
  if (!is_set_like(self)) raise_type_error("descriptor '__reduce__' requires a 'set' object");
  Value items = new_list(collect_iterable(self));
  return new_tuple({Value(type_of(self)), Value(new_tuple({items})), instance_dict_state(self)});
}

// __getnewargs__ of the immutable core types, which subclasses inherit:
// the plain value, which cls.__new__(cls, value) turns back into one.
Value int_getnewargs(const CallArgs& a) {
  mpz_t z;
  mpz_init(z);
  int_to_mpz(a[0], z);
  Value v = make_int(z);
  mpz_clear(z);
  return new_tuple({v});
}
Value float_getnewargs(const CallArgs& a) { return new_tuple({make_float(float_value(a[0]))}); }
Value str_getnewargs(const CallArgs& a) { return new_tuple({Value(new_str(a[0].as<Str>()->data))}); }
Value bytes_getnewargs(const CallArgs& a) { return new_tuple({Value(new_bytes(a[0].as<Bytes>()->data))}); }
Value tuple_getnewargs(const CallArgs& a) { return new_tuple({Value(new_tuple(a[0].as<Tuple>()->items))}); }

// type.__flags__, reduced to the one bit copyreg reads: Py_TPFLAGS_HEAPTYPE
// (1 << 9) for classes made by `class` or type(), none for native types.
Value type_flags(Value self) {
  if (!isinstance(self, types().type)) raise_type_error("descriptor '__flags__' requires a 'type' object");
  return make_int(self.as<Type>()->is_builtin ? 0 : (1 << 9));
}

}  // namespace

Value object_reduce(Value obj, int protocol) {
  if (protocol >= 2) return reduce_newobj(obj);
  static Value reduce_ex;
  if (reduce_ex.is_null()) reduce_ex = copyreg_attr("_reduce_ex");
  return call(reduce_ex, {obj, make_int(protocol)});
}

Value default_getstate(Value obj, bool required) {
  Type* t = type_of(obj);
  if (required && !constructible(t)) raise_type_error("cannot pickle '" + type_tp_name(t) + "' object");
  Value state = instance_dict_state(obj);
  if (t->slot_count == 0 && t->is_builtin) return state;
  Value names = slot_names(t);
  if (type_of(names) != types().list || names.as<List>()->items.empty()) return state;
  Dict* slots = nullptr;
  ValueVector list = names.as<List>()->items;
  for (Value name : list) {
    Value v = get_attr_or_null(obj, attribute_name(name));
    if (v.is_null()) continue;
    if (slots == nullptr) slots = new_dict();
    slots->table.set(name, v);
  }
  if (slots == nullptr) return state;
  return new_tuple({state, Value(slots)});
}

bool has_default_reduce(Type* t) {
  static Str* reduce_ex = intern("__reduce_ex__");
  static Str* reduce = intern("__reduce__");
  return lookup_in_mro(t, reduce_ex).is(g_object_reduce_ex) && lookup_in_mro(t, reduce).is(g_object_reduce);
}

bool has_default_getstate(Type* t) {
  static Str* getstate = intern("__getstate__");
  return lookup_in_mro(t, getstate).is(g_object_getstate);
}

Value object_reduce_ex_function() { return g_object_reduce_ex; }
Value object_reduce_function() { return g_object_reduce; }

Value copyreg_attr(const char* name) {
  static Value module;
  if (module.is_null()) module = import_by_name(intern("copyreg"));
  return get_attr(module, name_of(name));
}

Value import_by_name(Str* name) {
  Value cached = module_table()->table.get(Value(name));
  if (!cached.is_null() && !cached.is_none()) return cached;
  import_module(name, nullptr, Value::none(), 0);
  Value module = module_table()->table.get(Value(name));
  if (module.is_null()) raise_error(exc().ModuleNotFoundError, "No module named '" + name->data + "'");
  return module;
}

std::string type_tp_name(Type* t) {
  if (!t->is_builtin) return t->name;
  Value module = t->dict()->table.get_str(intern("__module__"));
  if (module.is_null() || !isinstance(module, types().str) || module.as<Str>()->data == "builtins") return t->name;
  return module.as<Str>()->data + "." + t->qualname;
}

void install_reduce_methods() {
  const CoreTypes& ct = types();
  g_object_reduce_ex = add_method(ct.object, "__reduce_ex__", o_reduce_ex);
  g_object_reduce = add_method(ct.object, "__reduce__", o_reduce);
  g_object_getstate = add_method(ct.object, "__getstate__", o_getstate);
  add_method(exc().BaseException, "__reduce__", e_reduce);
  add_method(exc().BaseException, "__setstate__", e_setstate);
  add_method(ct.range, "__reduce__", range_reduce);
  add_method(ct.slice, "__reduce__", slice_reduce);
  add_method(ct.set, "__reduce__", set_reduce);
  add_method(ct.frozenset, "__reduce__", set_reduce);
  add_getset(ct.type, "__flags__", type_flags);
  add_method(ct.int_, "__getnewargs__", int_getnewargs);
  add_method(ct.float_, "__getnewargs__", float_getnewargs);
  add_method(ct.str, "__getnewargs__", str_getnewargs);
  add_method(ct.bytes, "__getnewargs__", bytes_getnewargs);
  add_method(ct.tuple, "__getnewargs__", tuple_getnewargs);
}

}  // namespace gilvm::pickle
