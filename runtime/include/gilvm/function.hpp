// Exposing C++ functions and classes to scripts: the signature of a
// function, lambda or member function is deduced at compile time, and each
// argument is converted with api::cast when the script calls it.
//
//   interp.module("host").def("add", [](int a, int b) { return a + b; },
//                             gilvm::arg("a"), gilvm::arg("b") = 1);
//   gilvm::class_<Counter>(m, "Counter")
//       .def(gilvm::init<int>())
//       .def("bump", &Counter::bump)
//       .def_readwrite("count", &Counter::count);
//
// A C++ exception thrown by a native becomes a Python exception in the
// script: std::invalid_argument -> ValueError, std::out_of_range ->
// IndexError, std::bad_alloc -> MemoryError, gilvm::Error -> its own type,
// anything else -> RuntimeError.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <tuple>
#include <type_traits>
#include <typeindex>
#include <typeinfo>
#include <utility>
#include <vector>

#include "gilvm/cast.hpp"

namespace gilvm::api {

namespace detail {

struct FunctionSpec {
  std::string name;
  size_t arity = 0;                   // parameters, self included for methods
  std::vector<std::string> names;     // empty, or one per parameter after self
  std::vector<Object> defaults;       // parallel to names; null = required
  bool method = false;                // bound to instances of `owner`
  std::function<Object(std::vector<Object>&)> body;
};
// A native function object (runtime/embed/natives.cpp). With a non-null
// `owner` class it is a method: `instance.name(...)` passes the instance.
Object make_function(std::shared_ptr<FunctionSpec> spec, const Object& owner = {});

// Registered classes (runtime/embed/classes.cpp).
Object make_class(const Object& scope, const std::string& name, std::type_index type);
Object wrap_instance(std::type_index type, std::shared_ptr<void> value);
void* unwrap_instance(const Object& instance, std::type_index type, const char* type_name);
void set_instance_value(const Object& instance, std::type_index type, std::shared_ptr<void> value);
Object make_property(const Object& getter, const Object& setter);
// A Python __init__ that forwards to `native(self, *args, **kwargs)`.
Object python_init(const Object& native);

// The parameter and result types of anything callable.
template <class F>
struct signature : signature<decltype(&F::operator())> {};
template <class R, class... A>
struct signature<R(A...)> {
  using result = R;
  using args = std::tuple<A...>;
};
template <class R, class... A>
struct signature<R (*)(A...)> : signature<R(A...)> {};
template <class R, class... A>
struct signature<R (*)(A...) noexcept> : signature<R(A...)> {};
template <class C, class R, class... A>
struct signature<R (C::*)(A...)> : signature<R(A...)> {};
template <class C, class R, class... A>
struct signature<R (C::*)(A...) const> : signature<R(A...)> {};
template <class C, class R, class... A>
struct signature<R (C::*)(A...) noexcept> : signature<R(A...)> {};
template <class C, class R, class... A>
struct signature<R (C::*)(A...) const noexcept> : signature<R(A...)> {};

// Converts args[I] for a parameter of type A: registered classes come by
// reference, everything else by value.
template <class A>
decltype(auto) argument(Object& o) {
  if constexpr (std::is_same_v<bare<A>, Object>)
    return static_cast<Object&>(o);
  else
    return caster<bare<A>>::from_python(o);
}

template <class R, class... A, class F, size_t... I>
Object invoke(F& f, std::vector<Object>& args, std::tuple<A...>*, std::index_sequence<I...>) {
  if constexpr (std::is_void_v<R>) {
    f(argument<A>(args[I])...);
    return none();
  } else {
    return api::cast(f(argument<A>(args[I])...));
  }
}

template <class F>
std::shared_ptr<FunctionSpec> spec_for(std::string name, F f) {
  using Sig = signature<std::decay_t<F>>;
  using Args = typename Sig::args;
  auto spec = std::make_shared<FunctionSpec>();
  spec->name = std::move(name);
  spec->arity = std::tuple_size_v<Args>;
  spec->body = [f](std::vector<Object>& args) mutable -> Object {
    return invoke<typename Sig::result>(f, args, static_cast<Args*>(nullptr),
                                        std::make_index_sequence<std::tuple_size_v<Args>>{});
  };
  return spec;
}

inline void add_extra(FunctionSpec& spec, arg a) {
  spec.names.emplace_back(a.name);
  spec.defaults.push_back(std::move(a.value));
}

template <class F, class... Extra>
std::shared_ptr<FunctionSpec> build_spec(std::string name, F&& f, Extra&&... extra) {
  auto spec = spec_for(std::move(name), std::forward<F>(f));
  (add_extra(*spec, std::forward<Extra>(extra)), ...);
  return spec;
}

// A member function pointer as a callable taking the object first.
template <class T, class M>
auto as_callable(M T::*member) {
  using Sig = signature<M T::*>;
  return [member]<class... A>(std::tuple<A...>*) {
    return [member](T& self, A... a) -> typename Sig::result { return (self.*member)(std::forward<A>(a)...); };
  }(static_cast<typename Sig::args*>(nullptr));
}

}  // namespace detail

// The primary caster: classes registered with class_<T>. Arguments bind to
// the C++ object inside the script's instance (by reference); results are
// copied (or moved) into a new instance.
template <class T, class Enable>
struct caster {
  static_assert(std::is_class_v<T>, "gilvm: no conversion for this type (specialize api::caster<T>)");
  static Object to_python(const T& v) { return detail::wrap_instance(typeid(T), std::make_shared<T>(v)); }
  static Object to_python(T&& v) { return detail::wrap_instance(typeid(T), std::make_shared<T>(std::move(v))); }
  static T& from_python(const Object& o) {
    return *static_cast<T*>(detail::unwrap_instance(o, typeid(T), typeid(T).name()));
  }
};
template <class T>
struct caster<T*, std::enable_if_t<std::is_class_v<T>>> {
  static T* from_python(const Object& o) {
    if (o.is_none()) return nullptr;
    return &caster<T>::from_python(o);
  }
};

// The constructor parameters of a class_: `.def(gilvm::init<int, std::string>())`.
template <class... Args>
struct init {};

// A module (or any namespace object) that natives are added to.
class Module {
 public:
  explicit Module(Object object) : object_(std::move(object)) {}
  template <class F, class... Extra>
  Module& def(const char* name, F&& f, Extra&&... extra) {
    object_.set_attr(name, detail::make_function(detail::build_spec(name, std::forward<F>(f), std::forward<Extra>(extra)...)));
    return *this;
  }
  template <class T>
  Module& attr(const char* name, T&& value) {
    object_.set_attr(name, api::cast(std::forward<T>(value)));
    return *this;
  }
  const Object& object() const { return object_; }

 private:
  Object object_;
};

// Exposes the C++ class T as a Python class in module `m`.
template <class T>
class class_ {
 public:
  class_(const Module& m, const char* name) : class_(m.object(), name) {}
  class_(const Object& scope, const char* name) : cls_(detail::make_class(scope, name, typeid(T))) {}

  template <class... Args>
  class_& def(init<Args...>) {
    auto spec = detail::build_spec("__init__", [](Object self, Args... args) {
      detail::set_instance_value(self, typeid(T), std::make_shared<T>(std::forward<Args>(args)...));
    });
    cls_.set_attr("__init__", detail::python_init(detail::make_function(spec)));
    return *this;
  }

  // A method: a member function pointer, or a callable whose first
  // parameter is T& (or const T&).
  template <class F, class... Extra>
  class_& def(const char* name, F&& f, Extra&&... extra) {
    std::shared_ptr<detail::FunctionSpec> spec;
    if constexpr (std::is_member_function_pointer_v<std::decay_t<F>>)
      spec = detail::build_spec(name, detail::as_callable(f));
    else
      spec = detail::build_spec(name, std::forward<F>(f));
    (detail::add_extra(*spec, std::forward<Extra>(extra)), ...);
    spec->method = true;
    cls_.set_attr(name, detail::make_function(spec, cls_));
    return *this;
  }

  // A read/write attribute backed by a data member.
  template <class V>
  class_& def_readwrite(const char* name, V T::*member) {
    auto getter = detail::build_spec(name, [member](const T& self) -> V { return self.*member; });
    auto setter = detail::build_spec(name, [member](T& self, V value) { self.*member = std::move(value); });
    cls_.set_attr(name, detail::make_property(detail::make_function(getter), detail::make_function(setter)));
    return *this;
  }
  template <class V>
  class_& def_readonly(const char* name, V T::*member) {
    auto getter = detail::build_spec(name, [member](const T& self) -> V { return self.*member; });
    cls_.set_attr(name, detail::make_property(detail::make_function(getter), Object()));
    return *this;
  }
  // A property from a getter and an optional setter (member functions or
  // callables taking T&).
  template <class G, class S = std::nullptr_t>
  class_& def_property(const char* name, G getter, S setter = nullptr) {
    Object get = detail::make_function(detail::build_spec(name, callable(getter)));
    Object set;
    if constexpr (!std::is_same_v<S, std::nullptr_t>) set = detail::make_function(detail::build_spec(name, callable(setter)));
    cls_.set_attr(name, detail::make_property(get, set));
    return *this;
  }

  const Object& object() const { return cls_; }

 private:
  template <class F>
  static auto callable(F f) {
    if constexpr (std::is_member_function_pointer_v<F>)
      return detail::as_callable(f);
    else
      return f;
  }
  Object cls_;
};

}  // namespace gilvm::api
