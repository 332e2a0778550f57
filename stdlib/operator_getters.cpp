// operator.itemgetter, attrgetter and methodcaller: callable objects with
// CPython 3.11's reprs, __reduce__ and errors. itemgetter reads exact
// lists and tuples by small int directly, since it is the usual sort key.
#include "stdlib/builtins/common.hpp"
#include "vm/heap/heap.hpp"
#include "vm/call.hpp"
#include "vm/import.hpp"
#include "vm/objects/module.hpp"

namespace gilvm {

namespace {

using builtins_impl::kw_count;

Type* itemgetter_type = nullptr;
Type* attrgetter_type = nullptr;
Type* methodcaller_type = nullptr;

// The one argument of a getter call: "itemgetter expected 1 argument, got 2".
Value single_argument(const CallArgs& a, const char* name) {
  // a[0] is the getter itself.
  if (kw_count(a) != 0) raise_type_error(std::string(name) + "() takes no keyword arguments");
  if (a.count != 2)
    raise_type_error(std::string(name) + " expected 1 argument, got " + std::to_string(a.count - 1));
  return a[1];
}

std::string joined_reprs(const std::vector<Value>& items) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + repr_string(items[i]);
  return out;
}

// ---------------------------------------------------------------- itemgetter

struct ItemGetter : Object {
  std::vector<Value> items;
  explicit ItemGetter(Type* t) : Object(t) {}
  void trace(Tracer& t) override { t.visit_all(items); }
};

Value itemgetter_construct(Type* type, const CallArgs& a) {
  if (kw_count(a) != 0) raise_type_error("itemgetter() takes no keyword arguments");
  if (a.count == 0) raise_type_error("itemgetter expected 1 argument, got 0");
  auto* g = gc_new<ItemGetter>(type);
  g->items.assign(a.args, a.args + a.count);
  return g;
}

Value fetch_item(Value obj, Value key) {
  // Exact lists and tuples by a small int: no dispatch.
  if (key.is_small_int() && obj.is_object()) {
    Type* t = obj.object()->type;
    const std::vector<Value>* items = nullptr;
    if (t == types().tuple) items = &obj.as<Tuple>()->items;
    else if (t == types().list) items = &obj.as<List>()->items;
    if (items != nullptr) {
      int64_t i = key.small_int_value(), n = static_cast<int64_t>(items->size());
      if (i < 0) i += n;
      if (i >= 0 && i < n) return (*items)[i];
    }
  }
  return get_item(obj, key);
}

Value itemgetter_call(const CallArgs& a) {
  auto* g = builtins_impl::self_as<ItemGetter>(a, itemgetter_type, "__call__");
  Value obj = single_argument(a, "itemgetter");
  if (g->items.size() == 1) return fetch_item(obj, g->items[0]);
  ValueVector out;
  out.reserve(g->items.size());
  for (size_t i = 0; i < g->items.size(); ++i) out.push_back(fetch_item(obj, g->items[i]));
  return new_tuple(out);
}

Value itemgetter_repr(const CallArgs& a) {
  auto* g = builtins_impl::self_as<ItemGetter>(a, itemgetter_type, "__repr__");
  return new_str("operator.itemgetter(" + joined_reprs(g->items) + ")");
}

Value itemgetter_reduce(const CallArgs& a) {
  auto* g = builtins_impl::self_as<ItemGetter>(a, itemgetter_type, "__reduce__");
  return new_tuple({Value(type_of(a[0])), Value(new_tuple(g->items))});
}

// ---------------------------------------------------------------- attrgetter

struct AttrGetter : Object {
  std::vector<Value> names;               // as given, for repr and __reduce__
  std::vector<std::vector<Str*>> paths;   // each name split at dots, interned
  explicit AttrGetter(Type* t) : Object(t) {}
  void trace(Tracer& t) override { t.visit_all(names); }  // interned parts are never collected
};

Value attrgetter_construct(Type* type, const CallArgs& a) {
  if (kw_count(a) != 0) raise_type_error("attrgetter() takes no keyword arguments");
  if (a.count == 0) raise_type_error("attrgetter expected 1 argument, got 0");
  auto* g = gc_new<AttrGetter>(type);
  for (size_t i = 0; i < a.count; ++i) {
    if (!isinstance(a[i], types().str)) raise_type_error("attribute name must be a string");
    const std::string& text = a[i].as<Str>()->data;
    std::vector<Str*> path;
    size_t start = 0;
    for (;;) {
      size_t dot = text.find('.', start);
      path.push_back(intern(std::string_view(text).substr(start, dot == std::string::npos ? dot : dot - start)));
      if (dot == std::string::npos) break;
      start = dot + 1;
    }
    g->paths.push_back(std::move(path));
    g->names.push_back(a[i]);
  }
  return g;
}

Value resolve_path(Value obj, const std::vector<Str*>& path) {
  for (Str* name : path) obj = get_attr(obj, name);
  return obj;
}

Value attrgetter_call(const CallArgs& a) {
  auto* g = builtins_impl::self_as<AttrGetter>(a, attrgetter_type, "__call__");
  Value obj = single_argument(a, "attrgetter");
  if (g->paths.size() == 1) return resolve_path(obj, g->paths[0]);
  ValueVector out;
  out.reserve(g->paths.size());
  for (size_t i = 0; i < g->paths.size(); ++i) out.push_back(resolve_path(obj, g->paths[i]));
  return new_tuple(out);
}

Value attrgetter_repr(const CallArgs& a) {
  auto* g = builtins_impl::self_as<AttrGetter>(a, attrgetter_type, "__repr__");
  return new_str("operator.attrgetter(" + joined_reprs(g->names) + ")");
}

Value attrgetter_reduce(const CallArgs& a) {
  auto* g = builtins_impl::self_as<AttrGetter>(a, attrgetter_type, "__reduce__");
  return new_tuple({Value(type_of(a[0])), Value(new_tuple(g->names))});
}

// ---------------------------------------------------------------- methodcaller

struct MethodCaller : Object {
  Str* name = nullptr;
  std::vector<Value> args;  // positional, then the keyword values
  Tuple* kwnames = nullptr;  // null without keywords
  explicit MethodCaller(Type* t) : Object(t) {}
  void trace(Tracer& t) override {
    t.visit(name);
    t.visit_all(args);
    t.visit(kwnames);
  }
  size_t positional() const { return args.size() - (kwnames ? kwnames->items.size() : 0); }
};

Value methodcaller_construct(Type* type, const CallArgs& a) {
  if (a.count == 0) raise_type_error("methodcaller needs at least one argument, the method name");
  if (!isinstance(a[0], types().str)) raise_type_error("method name must be a string");
  auto* m = gc_new<MethodCaller>(type);
  m->name = intern(a[0].as<Str>()->data);
  const size_t nkw = kw_count(a);
  m->args.assign(a.args + 1, a.args + a.count + nkw);
  if (nkw != 0) m->kwnames = const_cast<Tuple*>(a.kwnames);
  return m;
}

Value methodcaller_call(const CallArgs& a) {
  auto* m = builtins_impl::self_as<MethodCaller>(a, methodcaller_type, "__call__");
  Value obj = single_argument(a, "methodcaller");
  Value method = get_attr(obj, m->name);
  return call_object(method, CallArgs{m->args.data(), m->positional(), m->kwnames});
}

Value methodcaller_repr(const CallArgs& a) {
  auto* m = builtins_impl::self_as<MethodCaller>(a, methodcaller_type, "__repr__");
  std::string out = "operator.methodcaller(" + repr_string(m->name);
  const size_t npos = m->positional();
  for (size_t i = 0; i < m->args.size(); ++i) {
    out += ", ";
    if (i >= npos) out += m->kwnames->items[i - npos].as<Str>()->data + "=";
    out += repr_string(m->args[i]);
  }
  return new_str(out + ")");
}

// Without keywords: (methodcaller, (name, *args)); with them, as CPython:
// (functools.partial(methodcaller, name, **kwargs), args).
Value methodcaller_reduce(const CallArgs& a) {
  auto* m = builtins_impl::self_as<MethodCaller>(a, methodcaller_type, "__reduce__");
  const size_t npos = m->positional();
  if (m->kwnames == nullptr) {
    std::vector<Value> args{Value(m->name)};
    args.insert(args.end(), m->args.begin(), m->args.end());
    return new_tuple({Value(type_of(a[0])), Value(new_tuple(std::move(args)))});
  }
  Value functools = import_module(intern("functools"), builtins_dict(), Value::none(), 0);
  Value partial = get_attr(functools, "partial");
  ValueVector call_args{Value(type_of(a[0])), Value(m->name)};
  call_args.insert(call_args.end(), m->args.begin() + static_cast<ptrdiff_t>(npos), m->args.end());
  Value bound = call_object(partial, CallArgs{call_args.data(), 2, m->kwnames});
  std::vector<Value> positional(m->args.begin(), m->args.begin() + static_cast<ptrdiff_t>(npos));
  return new_tuple({bound, Value(new_tuple(std::move(positional)))});
}

Type* getter_type(const char* name, ConstructFn construct, NativeFn call, NativeFn repr, NativeFn reduce) {
  Type* t = new_builtin_type(name, types().object, construct);
  add_type_attr(t, "__module__", intern("operator"));
  add_method(t, "__call__", call);
  add_method(t, "__repr__", repr);
  add_method(t, "__reduce__", reduce);
  return t;
}

}  // namespace

void install_operator_getters(Module* m) {
  if (itemgetter_type == nullptr) {
    itemgetter_type =
        getter_type("itemgetter", itemgetter_construct, itemgetter_call, itemgetter_repr, itemgetter_reduce);
    attrgetter_type =
        getter_type("attrgetter", attrgetter_construct, attrgetter_call, attrgetter_repr, attrgetter_reduce);
    methodcaller_type = getter_type("methodcaller", methodcaller_construct, methodcaller_call, methodcaller_repr,
                                    methodcaller_reduce);
  }
  DictTable& d = m->dict()->table;
  d.set(intern("itemgetter"), itemgetter_type);
  d.set(intern("attrgetter"), attrgetter_type);
  d.set(intern("methodcaller"), methodcaller_type);
}

}  // namespace gilvm
