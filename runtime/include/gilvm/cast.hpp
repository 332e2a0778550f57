// Conversions between C++ values and interpreter values.
//
// `api::cast(value)` makes an Object from a C++ value and
// `api::cast<T>(object)` (or `object.cast<T>()`) converts back; a value of
// the wrong type throws gilvm::Error with CPython's TypeError (or
// OverflowError for an int that does not fit). A host adds its own types by
// specializing `api::caster<T>` with `static Object to_python(const T&)`
// and `static T from_python(const Object&)`; `class_<T>` does that for
// registered classes. The table is in docs/embedding.md.
#pragma once

#include <cstdint>
#include <functional>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <unordered_map>
#include <utility>
#include <vector>

#include "gilvm/object.hpp"

namespace gilvm::api {

namespace detail {
// Primitives (runtime/embed/values.cpp); each takes the GIL as needed.
Object none();
Object from_bool(bool value);
Object from_int64(int64_t value);
Object from_uint64(uint64_t value);
Object from_double(double value);
Object from_string(std::string_view utf8);
Object make_list(const std::vector<Object>& items);
Object make_tuple(const std::vector<Object>& items);
Object make_dict(const std::vector<std::pair<Object, Object>>& items);
bool to_bool(const Object& o);
int64_t to_int64(const Object& o);
uint64_t to_uint64(const Object& o);
double to_double(const Object& o);
std::string to_string(const Object& o);  // a str, or an int's decimal digits
std::vector<Object> sequence_items(const Object& o, const char* target);
std::vector<std::pair<Object, Object>> mapping_items(const Object& o, const char* target);
[[noreturn]] void throw_error(const char* type, const std::string& message);
// A native function object calling `body` (used by std::function's caster).
Object make_callable(std::string name, std::function<Object(std::vector<Object>&)> body, size_t arity);

template <class T>
using bare = std::remove_cv_t<std::remove_reference_t<T>>;
}  // namespace detail

template <class T, class Enable = void>
struct caster;

template <>
struct caster<Object> {
  static Object to_python(const Object& o) { return o; }
  static Object from_python(const Object& o) { return o; }
};

template <>
struct caster<bool> {
  static Object to_python(bool b) { return detail::from_bool(b); }
  static bool from_python(const Object& o) { return detail::to_bool(o); }
};

template <class T>
struct caster<T, std::enable_if_t<std::is_integral_v<T> && !std::is_same_v<T, bool>>> {
  static Object to_python(T v) {
    if constexpr (std::is_signed_v<T>)
      return detail::from_int64(static_cast<int64_t>(v));
    else
      return detail::from_uint64(static_cast<uint64_t>(v));
  }
  static T from_python(const Object& o) {
    if constexpr (std::is_signed_v<T>) {
      int64_t v = detail::to_int64(o);
      if (v < std::numeric_limits<T>::min() || v > std::numeric_limits<T>::max())
        detail::throw_error("OverflowError", "Python int too large to convert to C integer");
      return static_cast<T>(v);
    } else {
      uint64_t v = detail::to_uint64(o);
      if (v > std::numeric_limits<T>::max())
        detail::throw_error("OverflowError", "Python int too large to convert to C unsigned integer");
      return static_cast<T>(v);
    }
  }
};

template <class T>
struct caster<T, std::enable_if_t<std::is_floating_point_v<T>>> {
  static Object to_python(T v) { return detail::from_double(static_cast<double>(v)); }
  static T from_python(const Object& o) { return static_cast<T>(detail::to_double(o)); }
};

template <>
struct caster<std::string> {
  static Object to_python(const std::string& s) { return detail::from_string(s); }
  static std::string from_python(const Object& o) { return detail::to_string(o); }
};
template <>
struct caster<std::string_view> {
  static Object to_python(std::string_view s) { return detail::from_string(s); }
};
template <>
struct caster<const char*> {
  static Object to_python(const char* s) { return detail::from_string(s); }
};
template <>
struct caster<char*> {
  static Object to_python(const char* s) { return detail::from_string(s); }
};
template <size_t N>
struct caster<char[N]> {
  static Object to_python(const char* s) { return detail::from_string(s); }
};
template <>
struct caster<std::nullptr_t> {
  static Object to_python(std::nullptr_t) { return detail::none(); }
};
template <>
struct caster<std::nullopt_t> {
  static Object to_python(std::nullopt_t) { return detail::none(); }
};

template <class T>
struct caster<std::optional<T>> {
  static Object to_python(const std::optional<T>& v) {
    return v ? caster<T>::to_python(*v) : detail::none();
  }
  static std::optional<T> from_python(const Object& o) {
    if (o.is_none()) return std::nullopt;
    return caster<T>::from_python(o);
  }
};

template <class T, class A>
struct caster<std::vector<T, A>> {
  static Object to_python(const std::vector<T, A>& v) {
    std::vector<Object> items;
    items.reserve(v.size());
    for (const auto& x : v) items.push_back(caster<detail::bare<T>>::to_python(x));
    return detail::make_list(items);
  }
  static std::vector<T, A> from_python(const Object& o) {
    std::vector<T, A> out;
    for (const Object& x : detail::sequence_items(o, "list")) out.push_back(caster<T>::from_python(x));
    return out;
  }
};

namespace detail {
template <class M>
struct map_caster {
  using K = typename M::key_type;
  using V = typename M::mapped_type;
  static Object to_python(const M& m) {
    std::vector<std::pair<Object, Object>> items;
    items.reserve(m.size());
    for (const auto& [k, v] : m) items.emplace_back(caster<K>::to_python(k), caster<V>::to_python(v));
    return make_dict(items);
  }
  static M from_python(const Object& o) {
    M out;
    for (const auto& [k, v] : mapping_items(o, "dict"))
      out.emplace(caster<K>::from_python(k), caster<V>::from_python(v));
    return out;
  }
};
}  // namespace detail

template <class K, class V, class C, class A>
struct caster<std::map<K, V, C, A>> : detail::map_caster<std::map<K, V, C, A>> {};
template <class K, class V, class H, class E, class A>
struct caster<std::unordered_map<K, V, H, E, A>> : detail::map_caster<std::unordered_map<K, V, H, E, A>> {};

template <class... T>
struct caster<std::tuple<T...>> {
  static Object to_python(const std::tuple<T...>& t) {
    return std::apply(
        [](const auto&... x) { return detail::make_tuple({caster<detail::bare<decltype(x)>>::to_python(x)...}); },
        t);
  }
  static std::tuple<T...> from_python(const Object& o) {
    std::vector<Object> items = detail::sequence_items(o, "tuple");
    if (items.size() != sizeof...(T))
      detail::throw_error("TypeError", "expected a sequence of " + std::to_string(sizeof...(T)) +
                                           " items, got " + std::to_string(items.size()));
    return unpack(items, std::index_sequence_for<T...>{});
  }
  template <size_t... I>
  static std::tuple<T...> unpack(const std::vector<Object>& items, std::index_sequence<I...>) {
    return std::tuple<T...>(caster<T>::from_python(items[I])...);
  }
};

template <class A, class B>
struct caster<std::pair<A, B>> {
  static Object to_python(const std::pair<A, B>& p) {
    return detail::make_tuple({caster<A>::to_python(p.first), caster<B>::to_python(p.second)});
  }
  static std::pair<A, B> from_python(const Object& o) {
    auto [a, b] = caster<std::tuple<A, B>>::from_python(o);
    return {std::move(a), std::move(b)};
  }
};

// A Python callable as a std::function: each call takes the GIL itself, so
// the function may be called from any thread. A std::function becomes a
// native function object.
template <class R, class... Args>
struct caster<std::function<R(Args...)>> {
  static std::function<R(Args...)> from_python(const Object& o) {
    if (o.is_none()) return nullptr;
    Object callable = o;
    return [callable](Args... args) -> R {
      Object result = callable(std::forward<Args>(args)...);
      if constexpr (!std::is_void_v<R>) return caster<detail::bare<R>>::from_python(result);
    };
  }
  static Object to_python(const std::function<R(Args...)>& f) {
    if (!f) return detail::none();
    return detail::make_callable(
        "<host function>",
        [f](std::vector<Object>& args) -> Object {
          return invoke(f, args, std::index_sequence_for<Args...>{});
        },
        sizeof...(Args));
  }
  template <size_t... I>
  static Object invoke(const std::function<R(Args...)>& f, std::vector<Object>& args, std::index_sequence<I...>) {
    if constexpr (std::is_void_v<R>) {
      f(caster<detail::bare<Args>>::from_python(args[I])...);
      return detail::none();
    } else {
      return caster<detail::bare<R>>::to_python(f(caster<detail::bare<Args>>::from_python(args[I])...));
    }
  }
};

template <class T>
T cast(const Object& object) {
  return caster<detail::bare<T>>::from_python(object);
}

template <class T>
Object cast(T&& value) {
  return caster<detail::bare<T>>::to_python(std::forward<T>(value));
}

// A keyword argument of a call (`f(1, gilvm::arg("key") = 2)`) or a named
// parameter with an optional default in `def` (`gilvm::arg("x") = 1`).
struct arg {
  explicit arg(const char* n) : name(n) {}
  template <class T>
  arg operator=(T&& value) && {
    arg a(name);
    a.value = api::cast(std::forward<T>(value));
    return a;
  }
  const char* name;
  Object value;  // null: no default
};

namespace detail {
inline void collect_call_argument(std::vector<Object>& positional, std::vector<std::pair<std::string, Object>>& kw,
                                  arg a) {
  (void)positional;
  kw.emplace_back(a.name, std::move(a.value));
}
template <class T>
void collect_call_argument(std::vector<Object>& positional, std::vector<std::pair<std::string, Object>>&, T&& v) {
  positional.push_back(api::cast(std::forward<T>(v)));
}
}  // namespace detail

template <class... Args>
Object Object::operator()(Args&&... args) const {
  std::vector<Object> positional;
  std::vector<std::pair<std::string, Object>> kw;
  (detail::collect_call_argument(positional, kw, std::forward<Args>(args)), ...);
  return call(positional, kw);
}

}  // namespace gilvm::api
