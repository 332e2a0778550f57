// api::Object's operations, the conversion primitives behind gilvm::cast,
// and api::Error. Every function runs its body under embed::with_gil.
#include <cmath>

#include "runtime/embed/internal.hpp"
#include "vm/builtins_core.hpp"
#include "vm/call.hpp"
#include "vm/objects/dict.hpp"
#include "vm/objects/function.hpp"
#include "vm/objects/number.hpp"
#include "vm/objects/sequence.hpp"
#include "vm/objects/str.hpp"
#include "vm/ops.hpp"
#include "vm/types.hpp"

namespace gilvm::embed {

api::Error error_from_exception(Value exception) {
  std::string type = type_name(exception);
  std::string message;
  std::string traceback;
  // Formatting may itself raise (a __str__ that fails): keep what we have.
  try {
    message = str_string(exception);
  } catch (PyException&) {
    take_current_exception();
    message = "<exception str() failed>";
  }
  try {
    traceback = format_exception(exception);
  } catch (PyException&) {
    take_current_exception();
  }
  return api::Error(type, message, traceback, object_of(exception));
}

// The built-in exception class called `name`, or null.
Value builtin_exception_class(std::string_view name) {
  Value cls = builtins_dict()->table.get_str(intern(name));
  if (cls.is_null() || !is_exception_class(cls)) return Value::null();
  return cls;
}

}  // namespace gilvm::embed

namespace gilvm::api {

using embed::object_of;
using embed::value_of;
using embed::with_gil;

Error::Error(std::string type, std::string message, std::string traceback, Object exception)
    : std::runtime_error(message.empty() ? type : type + ": " + message),
      type_(std::move(type)),
      message_(std::move(message)),
      traceback_(std::move(traceback)),
      exception_(std::move(exception)) {}

bool Error::matches(std::string_view name) const {
  if (!exception_) return type_ == name;
  return with_gil([&] {
    Value cls = embed::builtin_exception_class(name);
    if (cls.is_null()) return type_ == name;
    return isinstance(value_of(exception_), cls.as<Type>());
  });
}

bool Object::is_none() const {
  return with_gil([&] { return value_of(*this).is_none(); });
}

bool Object::is(const Object& other) const {
  return with_gil([&] { return value_of(*this).is(value_of(other)); });
}

Object Object::attr(std::string_view name) const {
  return with_gil([&] { return object_of(get_attr(value_of(*this), intern(name))); });
}

bool Object::has_attr(std::string_view name) const {
  return with_gil([&] { return !get_attr_or_null(value_of(*this), intern(name)).is_null(); });
}

void Object::set_attr(std::string_view name, const Object& value) const {
  with_gil([&] { gilvm::set_attr(value_of(*this), intern(name), value_of(value)); });
}

Object Object::item(const Object& key) const {
  return with_gil([&] { return object_of(get_item(value_of(*this), value_of(key))); });
}

void Object::set_item(const Object& key, const Object& value) const {
  with_gil([&] { gilvm::set_item(value_of(*this), value_of(key), value_of(value)); });
}

Object Object::call(const std::vector<Object>& args, const std::vector<std::pair<std::string, Object>>& kwargs) const {
  return with_gil([&] {
    ValueVector all;
    for (const Object& a : args) all.push_back(value_of(a));
    Tuple* names = nullptr;
    if (!kwargs.empty()) {
      ValueVector keys;
      for (const auto& [name, value] : kwargs) {
        keys.push_back(intern(name));
        all.push_back(value_of(value));
      }
      names = new_tuple(keys);
    }
    return object_of(call_object(value_of(*this), CallArgs{all.data(), args.size(), names}));
  });
}

std::string Object::str() const {
  return with_gil([&] { return str_string(value_of(*this)); });
}

std::string Object::repr() const {
  return with_gil([&] { return repr_string(value_of(*this)); });
}

std::string Object::type_name() const {
  return with_gil([&] { return gilvm::type_name(value_of(*this)); });
}

bool Object::truthy() const {
  return with_gil([&] { return is_truthy(value_of(*this)); });
}

int64_t Object::len() const {
  return with_gil([&] { return length(value_of(*this)); });
}

namespace detail {

void throw_error(const char* type, const std::string& message) { throw Error(type, message); }

Object none() {
  return with_gil([] { return object_of(Value::none()); });
}
Object from_bool(bool b) {
  return with_gil([&] { return object_of(Value::boolean(b)); });
}
Object from_int64(int64_t v) {
  return with_gil([&] { return object_of(make_int(v)); });
}
Object from_uint64(uint64_t v) {
  return with_gil([&] { return object_of(make_int_from_string(std::to_string(v))); });
}
Object from_double(double v) {
  return with_gil([&] { return object_of(make_float(v)); });
}
Object from_string(std::string_view utf8) {
  return with_gil([&] { return object_of(new_str(utf8)); });
}

Object make_list(const std::vector<Object>& items) {
  return with_gil([&] {
    ValueVector values;
    for (const Object& o : items) values.push_back(value_of(o));
    return object_of(new_list(values));
  });
}

Object make_tuple(const std::vector<Object>& items) {
  return with_gil([&] {
    ValueVector values;
    for (const Object& o : items) values.push_back(value_of(o));
    return object_of(new_tuple(values));
  });
}

Object make_dict(const std::vector<std::pair<Object, Object>>& items) {
  return with_gil([&] {
    Dict* d = new_dict();
    Value keep = d;
    for (const auto& [k, v] : items) gilvm::set_item(keep, value_of(k), value_of(v));
    return object_of(keep);
  });
}

bool to_bool(const Object& o) {
  return with_gil([&] {
    Value v = value_of(o);
    if (!v.is_bool()) throw Error("TypeError", "expected bool, got " + gilvm::type_name(v));
    return v.is_true();
  });
}

int64_t to_int64(const Object& o) {
  return with_gil([&] {
    Value v = value_of(o);
    if (!is_int_value(v)) throw Error("TypeError", "'" + gilvm::type_name(v) + "' object cannot be interpreted as an integer");
    int64_t n;
    if (!int_to_int64(v, &n)) throw Error("OverflowError", "Python int too large to convert to C long");
    return n;
  });
}

uint64_t to_uint64(const Object& o) {
  return with_gil([&] {
    Value v = value_of(o);
    if (!is_int_value(v)) throw Error("TypeError", "'" + gilvm::type_name(v) + "' object cannot be interpreted as an integer");
    if (int_sign(v) < 0) throw Error("OverflowError", "can't convert negative int to unsigned");
    int64_t n;
    if (int_to_int64(v, &n)) return static_cast<uint64_t>(n);
    std::string digits = int_to_decimal(v);
    errno = 0;
    char* end = nullptr;
    unsigned long long u = std::strtoull(digits.c_str(), &end, 10);
    if (errno == ERANGE || *end != '\0') throw Error("OverflowError", "Python int too large to convert to C unsigned long");
    return static_cast<uint64_t>(u);
  });
}

double to_double(const Object& o) {
  return with_gil([&] {
    Value v = value_of(o);
    if (v.is_bool() || is_int_value(v)) return int_to_double(v.is_bool() ? make_int(v.is_true() ? 1 : 0) : v);
    if (!isinstance(v, types().float_)) throw Error("TypeError", "must be real number, not " + gilvm::type_name(v));
    return float_value(v);
  });
}

std::string to_string(const Object& o) {
  return with_gil([&] {
    Value v = value_of(o);
    if (isinstance(v, types().str)) return std::string(v.as<Str>()->data);
    if (is_int_value(v) && !v.is_bool()) return int_to_decimal(v);
    throw Error("TypeError", "expected str, got " + gilvm::type_name(v));
  });
}

std::vector<Object> sequence_items(const Object& o, const char* target) {
  return with_gil([&] {
    Value v = value_of(o);
    if (isinstance(v, types().str) || isinstance(v, types().dict))
      throw Error("TypeError", std::string("expected a sequence for a C++ ") + target + ", got " + gilvm::type_name(v));
    ValueVector values = collect_iterable(v);
    std::vector<Object> out;
    out.reserve(values.size());
    for (Value x : values) out.push_back(object_of(x));
    return out;
  });
}

std::vector<std::pair<Object, Object>> mapping_items(const Object& o, const char* target) {
  return with_gil([&] {
    Value v = value_of(o);
    if (!isinstance(v, types().dict))
      throw Error("TypeError", std::string("expected a dict for a C++ ") + target + ", got " + gilvm::type_name(v));
    std::vector<std::pair<Object, Object>> out;
    const DictTable& t = v.as<Dict>()->table;
    for (size_t i = 0; i < t.entry_capacity(); ++i) {
      const DictEntry& e = t.entry_at(i);
      if (e.key.is_null()) continue;
      out.emplace_back(object_of(e.key), object_of(e.value));
    }
    return out;
  });
}

}  // namespace detail

}  // namespace gilvm::api
