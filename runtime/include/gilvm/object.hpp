// gilvm's public value handle, its exception type and the GIL guards.
//
// Contract
// --------
// * An `Object` is a handle to one interpreter value. The value lives in a
//   handle table that the collector treats as a root, so it stays alive for
//   as long as any handle to it exists, across collections, whichever thread
//   holds the handle. Copying, moving and destroying handles never needs the
//   GIL (the table has its own lock): a host may drop handles anywhere.
// * Every operation that reads or makes a value (attribute access, calls,
//   conversions) takes the GIL for its own duration when the calling thread
//   does not hold it already, also on threads the interpreter never saw.
//   `GilAcquire` holds it across several operations; `GilRelease` gives it
//   up inside a native for blocking or CPU-heavy host work.
// * Python exceptions reach C++ as `gilvm::Error` (type name, message, the
//   formatted traceback and the exception object itself).
// * Nothing here includes the VM's internal headers: the host compiles this
//   with its own flags.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace gilvm::api {

class Object;
struct arg;

namespace detail {
// The handle table (runtime/embed/handles.cpp). Slot 0 is the null handle.
uint32_t handle_copy(uint32_t slot);
void handle_release(uint32_t slot);
}  // namespace detail

template <class T>
T cast(const Object& object);
template <class T>
Object cast(T&& value);

class Object {
 public:
  Object() = default;
  Object(const Object& other) : slot_(detail::handle_copy(other.slot_)) {}
  Object(Object&& other) noexcept : slot_(std::exchange(other.slot_, 0)) {}
  Object& operator=(const Object& other) {
    if (this != &other) {
      uint32_t copy = detail::handle_copy(other.slot_);
      detail::handle_release(slot_);
      slot_ = copy;
    }
    return *this;
  }
  Object& operator=(Object&& other) noexcept {
    if (this != &other) {
      detail::handle_release(slot_);
      slot_ = std::exchange(other.slot_, 0);
    }
    return *this;
  }
  ~Object() { detail::handle_release(slot_); }

  // False for a default-constructed (null) handle; None is a real value.
  explicit operator bool() const { return slot_ != 0; }
  bool is_none() const;
  // `is` in Python.
  bool is(const Object& other) const;

  Object attr(std::string_view name) const;
  bool has_attr(std::string_view name) const;
  void set_attr(std::string_view name, const Object& value) const;
  template <class T>
    requires(!std::is_same_v<std::remove_cvref_t<T>, Object>)
  void set_attr(std::string_view name, T&& value) const {
    set_attr(name, api::cast(std::forward<T>(value)));
  }

  // obj[key], obj[key] = value
  Object item(const Object& key) const;
  template <class K>
    requires(!std::is_same_v<std::remove_cvref_t<K>, Object>)
  Object item(K&& key) const {
    return item(api::cast(std::forward<K>(key)));
  }
  void set_item(const Object& key, const Object& value) const;
  template <class K, class V>
    requires(!std::is_same_v<std::remove_cvref_t<K>, Object> || !std::is_same_v<std::remove_cvref_t<V>, Object>)
  void set_item(K&& key, V&& value) const {
    set_item(api::cast(std::forward<K>(key)), api::cast(std::forward<V>(value)));
  }

  // Calls with C++ arguments, converted; `gilvm::arg("name") = value`
  // passes a keyword argument.
  template <class... Args>
  Object operator()(Args&&... args) const;
  Object call(const std::vector<Object>& args,
              const std::vector<std::pair<std::string, Object>>& kwargs = {}) const;
  // obj.name(args...)
  template <class... Args>
  Object call_method(std::string_view name, Args&&... args) const {
    return attr(name)(std::forward<Args>(args)...);
  }

  // The value converted to T (see docs/embedding.md for the table).
  template <class T>
  T cast() const {
    return api::cast<T>(*this);
  }

  std::string str() const;        // str(obj)
  std::string repr() const;       // repr(obj)
  std::string type_name() const;  // type(obj).__name__
  bool truthy() const;            // bool(obj)
  int64_t len() const;            // len(obj)

  // For the library: the handle's slot in the table.
  uint32_t slot() const { return slot_; }
  static Object adopt_slot(uint32_t slot) {
    Object o;
    o.slot_ = slot;
    return o;
  }

 private:
  uint32_t slot_ = 0;
};

// A Python exception seen from C++, or a C++ error to be raised in Python
// (throw gilvm::Error("ValueError", "bad input") from a native).
class Error : public std::runtime_error {
 public:
  Error(std::string type, std::string message, std::string traceback = "", Object exception = {});
  const std::string& type() const { return type_; }  // "ValueError", "KeyboardInterrupt", ...
  const std::string& message() const { return message_; }
  // CPython's "Traceback (most recent call last): ..." text, when raised in Python.
  const std::string& traceback() const { return traceback_; }
  // The exception object (null when the error was made in C++).
  const Object& exception() const { return exception_; }
  // True if the exception is an instance of the built-in class `type_name`
  // or a subclass (matches("LookupError") for a KeyError).
  bool matches(std::string_view type_name) const;

 private:
  std::string type_;
  std::string message_;
  std::string traceback_;
  Object exception_;
};

// Holds the GIL for its lifetime. Re-entrant (an inner guard on a thread
// that already holds the GIL does nothing) and usable from any thread,
// including threads the interpreter never saw.
class GilAcquire {
 public:
  GilAcquire();
  ~GilAcquire();
  GilAcquire(const GilAcquire&) = delete;
  GilAcquire& operator=(const GilAcquire&) = delete;

 private:
  bool took_ = false;
};

// Releases the GIL for its lifetime (inside a native, around blocking or
// CPU-heavy host work, so that other Python threads run meanwhile). Throws
// gilvm::Error (RuntimeError) if the calling thread does not hold the GIL.
// Handles used inside take the GIL back briefly for each operation.
class GilRelease {
 public:
  GilRelease();
  ~GilRelease();
  GilRelease(const GilRelease&) = delete;
  GilRelease& operator=(const GilRelease&) = delete;
};

// True if the calling thread holds the GIL.
bool gil_held();

}  // namespace gilvm::api
