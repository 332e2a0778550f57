// Natives and classes defined by the host (function.hpp's def and class_).
//
// Contract
// --------
// * A host function is a NativeFunction subclass carrying its FunctionSpec
//   (name, parameter names and defaults, the type-erased C++ body). Every
//   one shares the C++ entry `call_host_function`, which finds its spec
//   through current_native_function(), binds positional and keyword
//   arguments to parameters as Python does, hands the body handles, and
//   turns C++ exceptions into Python ones.
// * An instance of a class_<T> is an ordinary instance of a Python class
//   whose attribute `__gilvm_value__` holds a HostValue box: a heap object
//   owning the C++ object through a shared_ptr, freed with the box.
#include <map>
#include <mutex>
#include <typeindex>

#include "runtime/embed/internal.hpp"
#include "vm/call.hpp"
#include "vm/compiler/compiler.hpp"
#include "vm/interp.hpp"
#include "vm/heap/heap.hpp"
#include "vm/import.hpp"
#include "vm/native.hpp"
#include "vm/current_native.hpp"
#include "vm/objects/dict.hpp"
#include "vm/objects/function.hpp"
#include "vm/objects/sequence.hpp"
#include "vm/objects/str.hpp"
#include "vm/ops.hpp"
#include "vm/types.hpp"

namespace gilvm::embed {

Value builtin_exception_class(std::string_view name);

namespace {

using api::detail::FunctionSpec;

struct HostFunction : NativeFunction {
  std::shared_ptr<FunctionSpec> spec;
  HostFunction(Type* t, std::shared_ptr<FunctionSpec> s, NativeFn fn)
      : NativeFunction(t, s->name.c_str(), fn), spec(std::move(s)) {}
};

struct HostValue : VmObject {
  std::type_index type;
  std::shared_ptr<void> value;
  HostValue(Type* t, std::type_index ty, std::shared_ptr<void> v) : VmObject(t), type(ty), value(std::move(v)) {}
};

std::string plural(size_t n, const char* word) {
  return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

// Python's argument binding for a host function: fills one handle per
// parameter (self first for methods) or raises CPython's TypeError.
std::vector<api::Object> bind_arguments(const FunctionSpec& spec, const CallArgs& a) {
  std::string shown = spec.name + "()";
  size_t first = spec.method ? 1 : 0;  // names/defaults start after self
  std::vector<Value> bound(spec.arity);
  if (a.count > spec.arity)
    raise_type_error(shown + " takes " + plural(spec.arity, "positional argument") + " but " +
                     std::to_string(a.count) + (a.count == 1 ? " was" : " were") + " given");
  for (size_t i = 0; i < a.count; ++i) bound[i] = a.args[i];
  for (size_t k = 0; k < a.kw_count(); ++k) {
    const std::string& key = a.kwnames->items[k].as<Str>()->data;
    size_t index = SIZE_MAX;
    for (size_t n = 0; n < spec.names.size(); ++n)
      if (spec.names[n] == key) index = first + n;
    if (index == SIZE_MAX || index >= spec.arity)
      raise_type_error(shown + " got an unexpected keyword argument '" + key + "'");
    if (!bound[index].is_null()) raise_type_error(shown + " got multiple values for argument '" + key + "'");
    bound[index] = a.kw_value(k);
  }
  std::vector<api::Object> handles;
  handles.reserve(spec.arity);
  for (size_t i = 0; i < spec.arity; ++i) {
    if (bound[i].is_null()) {
      size_t n = i - first;
      if (i >= first && n < spec.defaults.size() && spec.defaults[n]) {
        handles.push_back(spec.defaults[n]);
        continue;
      }
      if (i >= first && n < spec.names.size())
        raise_type_error(shown + " missing 1 required positional argument: '" + spec.names[n] + "'");
      raise_type_error(shown + " takes " + plural(spec.arity, "positional argument") + " but " +
                       std::to_string(a.count) + (a.count == 1 ? " was" : " were") + " given");
    }
    handles.push_back(object_of(bound[i]));
  }
  return handles;
}

Value call_host_function(const CallArgs& a) {
  const auto* f = static_cast<const HostFunction*>(current_native_function());
  std::shared_ptr<FunctionSpec> spec = f->spec;  // the body may drop the function
  std::vector<api::Object> args = bind_arguments(*spec, a);
  Value reraise;
  Type* type = nullptr;
  std::string message;
  try {
    api::Object result = spec->body(args);
    return result ? value_of(result) : Value::none();
  } catch (const api::Error& e) {
    if (e.exception()) {
      reraise = value_of(e.exception());
    } else {
      Value cls = builtin_exception_class(e.type());
      type = cls.is_null() ? exc().RuntimeError : cls.as<Type>();
      message = cls.is_null() ? e.what() : e.message();
    }
  } catch (const std::invalid_argument& e) {
    type = exc().ValueError;
    message = e.what();
  } catch (const std::out_of_range& e) {
    type = exc().IndexError;
    message = e.what();
  } catch (const std::bad_alloc&) {
    reraise = memory_error_from_bad_alloc();
  } catch (PyException&) {
    throw;
  } catch (const std::exception& e) {
    type = exc().RuntimeError;
    message = e.what();
  } catch (...) {
    type = exc().RuntimeError;
    message = "unknown C++ exception in " + spec->name + "()";
  }
  if (!reraise.is_null()) raise_exception(reraise);
  raise_error(type, message);
}

Type* host_value_type() {
  static Type* type = [] {
    Type* t = new_builtin_type("gilvm_host_value", types().object, nullptr);
    t->allows_subclassing = false;
    static api::Object keep = object_of(t);  // a root for as long as the process runs
    return t;
  }();
  return type;
}

std::mutex registry_mutex;
std::map<std::type_index, api::Object>& class_registry() {
  static auto* m = new std::map<std::type_index, api::Object>();
  return *m;
}

Value registered_class(std::type_index type) {
  std::lock_guard<std::mutex> lock(registry_mutex);
  auto it = class_registry().find(type);
  return it == class_registry().end() ? Value::null() : value_of(it->second);
}

}  // namespace

}  // namespace gilvm::embed

namespace gilvm::api::detail {

using embed::object_of;
using embed::value_of;
using embed::with_gil;

Object make_function(std::shared_ptr<FunctionSpec> spec, const Object& owner) {
  return with_gil([&] {
    auto* f = gc_new<embed::HostFunction>(types().native_function, std::move(spec), embed::call_host_function);
    Value keep = f;
    if (owner) {
      Value cls = value_of(owner);
      if (!isinstance(cls, types().type)) throw Error("TypeError", "gilvm: a method's owner must be a class");
      f->owner = cls.as<Type>();
    }
    return object_of(keep);
  });
}

Object make_callable(std::string name, std::function<Object(std::vector<Object>&)> body, size_t arity) {
  auto spec = std::make_shared<FunctionSpec>();
  spec->name = std::move(name);
  spec->arity = arity;
  spec->body = std::move(body);
  return make_function(std::move(spec));
}

Object make_class(const Object& scope, const std::string& name, std::type_index type) {
  return with_gil([&] {
    Value scope_value = value_of(scope);
    Dict* ns = new_dict();
    Value keep_ns = ns;
    Value module_name = get_attr_or_null(scope_value, intern("__name__"));
    if (!module_name.is_null()) ns->table.set(intern("__module__"), module_name);
    Value cls = call(types().type, {new_str(name), new_tuple({types().object}), keep_ns});
    gilvm::set_attr(scope_value, intern(name), cls);
    Object handle = object_of(cls);
    std::lock_guard<std::mutex> lock(embed::registry_mutex);
    embed::class_registry()[type] = handle;
    return handle;
  });
}

void set_instance_value(const Object& instance, std::type_index type, std::shared_ptr<void> value) {
  with_gil([&] {
    Value box = gc_new<embed::HostValue>(embed::host_value_type(), type, std::move(value));
    gilvm::set_attr(value_of(instance), intern("__gilvm_value__"), box);
  });
}

Object wrap_instance(std::type_index type, std::shared_ptr<void> value) {
  return with_gil([&] {
    Value cls = embed::registered_class(type);
    if (cls.is_null())
      throw Error("TypeError", std::string("gilvm: no class_ is registered for C++ type ") + type.name());
    Value instance = call(get_attr(types().object, "__new__"), {cls});
    Object handle = object_of(instance);
    set_instance_value(handle, type, std::move(value));
    return handle;
  });
}

void* unwrap_instance(const Object& instance, std::type_index type, const char* type_name) {
  return with_gil([&]() -> void* {
    Value v = value_of(instance);
    // Instances keep attributes in inline cells, not always a dict: ask the
    // attribute protocol.
    Value box = get_attr_or_null(v, intern("__gilvm_value__"));
    if (box.is_null() || type_of(box) != embed::host_value_type() || box.as<embed::HostValue>()->type != type) {
      Value cls = embed::registered_class(type);
      std::string expected = cls.is_null() ? type_name : cls.as<Type>()->name;
      throw Error("TypeError", "expected a " + expected + " instance, got " + gilvm::type_name(v));
    }
    return box.as<embed::HostValue>()->value.get();
  });
}

// The interpreter runs only Python-level __init__ methods (built-in types
// initialize in their constructor), so a class_'s native constructor is
// wrapped in a small Python __init__ that forwards to it.
Object python_init(const Object& native) {
  static Object make_init = with_gil([] {
    Dict* ns = new_dict();  // a C++ local: a root while this runs
    ns->table.set(intern("__builtins__"), builtins_dict());
    ns->table.set(intern("__name__"), intern("gilvm"));
    Code* code = compile_source(
        "def make_init(native):\n"
        "    def __init__(self, *args, **kwargs):\n"
        "        native(self, *args, **kwargs)\n"
        "    return __init__\n",
        "<gilvm class_>", ParseMode::Exec);
    Value keep_code = code;
    run_code(code, ns, nullptr);
    (void)keep_code;
    return object_of(ns->table.get_str(intern("make_init")));
  });
  return make_init(native);
}

Object make_property(const Object& getter, const Object& setter) {
  return with_gil([&] {
    Value property = builtins_dict()->table.get_str(intern("property"));
    return object_of(call(property, {value_of(getter), setter ? value_of(setter) : Value::none()}));
  });
}

}  // namespace gilvm::api::detail
