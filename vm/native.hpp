// Declaring built-in functions, methods and attributes in C++.
//
//   Value str_upper(const CallArgs& a) { ... a[0] is self ... }
//   add_method(types().str, "upper", str_upper);
//
//   ArgParser p(a, "split", {"sep", "maxsplit"}, 1);  // after self: up to 2
//   Value sep = p.get(0, Value::none());              // positional or keyword
//
// A method's arguments include self as args[0]. ArgParser checks counts and
// keyword names and raises CPython's TypeErrors for the common mistakes.
#pragma once

#include <array>
#include <initializer_list>
#include <string>
#include <vector>

#include "vm/object.hpp"
#include "vm/objects/function.hpp"

namespace gilvm {

struct Dict;
struct Module;

NativeFunction* add_method(Type* type, const char* name, NativeFn fn);
// A method callable on the class itself (e.g. dict.fromkeys): args[0] is the class.
NativeFunction* add_class_method(Type* type, const char* name, NativeFn fn);
NativeFunction* add_static_method(Type* type, const char* name, NativeFn fn);
void add_getset(Type* type, const char* name, Getter get, Setter set = nullptr);
void add_type_attr(Type* type, const char* name, Value value);
NativeFunction* add_function(Module* module, const char* name, NativeFn fn);
NativeFunction* add_function(Dict* namespace_dict, const char* name, NativeFn fn);

// Creates a built-in type (its dict is filled by the caller).
Type* new_builtin_type(const char* name, Type* base, ConstructFn construct);

// Argument parsing for natives. `names` lists every parameter after self (or
// every parameter, for functions with `has_self` false); parameters from
// index `first_keyword_only` on can only be passed by keyword.
class ArgParser {
 public:
  ArgParser(const CallArgs& args, const char* function_name, std::initializer_list<const char*> names,
            size_t min_required = 0, bool has_self = true, size_t first_keyword_only = SIZE_MAX);
  // The i-th parameter, or `fallback` when not given.
  Value get(size_t i, Value fallback = Value::null()) const { return values_[i].is_null() ? fallback : values_[i]; }
  bool given(size_t i) const { return !values_[i].is_null(); }
  Value self() const { return self_; }

 private:
  // Fixed room instead of a vector: argument parsing runs on every call of
  // many built-ins, and should not allocate.
  static constexpr size_t kMaxParameters = 8;
  std::array<Value, kMaxParameters> values_{};
  Value self_;
};

// Calling natives (vm/native_arity.cpp). Every call of a NativeFunction goes
// through call_native: it checks self's type for methods and the argument
// count for special methods before the C++ body runs, and names the
// function when the body reads an argument that was not passed.
void assign_native_arity(NativeFunction* f);  // from the name, at registration
void check_native_call(const NativeFunction* f, const CallArgs& args);

class NativeCallScope {
 public:
  explicit NativeCallScope(const NativeFunction* f);
  ~NativeCallScope();
  NativeCallScope(const NativeCallScope&) = delete;
  NativeCallScope& operator=(const NativeCallScope&) = delete;

 private:
  const NativeFunction* saved_;
};

inline Value call_native(const NativeFunction* f, const CallArgs& args) {
  if (f->owner != nullptr || f->min_args >= 0) check_native_call(f, args);
  NativeCallScope scope(f);
  return f->fn(args);
}

// Raises "f() takes no keyword arguments" when kwargs are present.
void no_keywords(const CallArgs& args, const char* function_name);
// Checks a positional count: "f expected at most 2 arguments, got 3" etc.
void check_arg_count(const CallArgs& args, const char* function_name, size_t min, size_t max);

}  // namespace gilvm
