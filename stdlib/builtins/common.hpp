// Helpers shared by the files of the builtins module: CPython's argument
// checking messages, int conversions, and the per-file installers.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>

#include "vm/errors.hpp"
#include "vm/native.hpp"
#include "vm/object.hpp"
#include "vm/objects/dict.hpp"
#include "vm/objects/function.hpp"
#include "vm/objects/number.hpp"
#include "vm/objects/sequence.hpp"
#include "vm/objects/str.hpp"
#include "vm/ops.hpp"
#include "vm/types.hpp"

namespace gilvm::builtins_impl {

// The installers of each file (install.cpp calls them in order).
void install_io_functions(Dict* builtins);
void install_iteration_functions(Dict* builtins);
void install_async_iteration_functions(Dict* builtins);  // aiter, anext (async_iteration.cpp)
void install_number_functions(Dict* builtins);
void install_object_functions(Dict* builtins);
void install_file_functions(Dict* builtins);

// Keyword arguments of a call.
inline size_t kw_count(const CallArgs& a) { return a.kwnames == nullptr ? 0 : a.kwnames->items.size(); }
inline Str* kw_name(const CallArgs& a, size_t i) { return a.kwnames->items[i].as<Str>(); }
inline bool kw_is(const CallArgs& a, size_t i, std::string_view name) { return kw_name(a, i)->view() == name; }

std::string plural(size_t n, const char* word);  // "1 argument", "2 arguments"

// METH_O functions: "f() takes exactly one argument (N given)".
void check_one_arg(const CallArgs& a, const char* fname);
// METH_NOARGS functions: "f() takes no arguments (N given)".
void check_no_args(const CallArgs& a, const char* fname);
// Positional-only functions: "f expected 2 arguments, got 1",
// "f expected at least 1 argument, got 0", "f expected at most 3 arguments, got 4".
void check_positional(const CallArgs& a, const char* fname, size_t min, size_t max);
[[noreturn]] void raise_no_keywords(const char* fname);
[[noreturn]] void raise_invalid_keyword(Str* name, const char* fname);

// Argument Clinic parsing: `names` are the parameters in order; the first
// `posonly` are positional-only, those from `kwonly` on keyword-only, the
// first `required` must be given. Fills out[0..names.size()) (null if absent).
void parse_args(const CallArgs& a, const char* fname, std::initializer_list<const char*> names, size_t required,
                Value* out, size_t posonly = 0, size_t kwonly = SIZE_MAX);

// str checks.
inline bool is_str(Value v) { return isinstance(v, types().str); }
inline Str* as_str(Value v) { return v.as<Str>(); }
Value new_str_value(std::string text);

// The int that an int-like value stands for (ints, bools as 0/1, objects
// with __index__); TypeError "'float' object cannot be interpreted as an integer".
Value to_int_index(Value v);

// Type check of `self` for methods of the builtins' own types.
[[noreturn]] void raise_bad_self(const char* method, const char* type_name, Value self);
template <class T>
T* self_as(const CallArgs& a, Type* type, const char* method) {
  if (a.count == 0 || !isinstance(a[0], type)) raise_bad_self(method, type->name.c_str(), a.count ? a[0] : Value::none());
  return a[0].as<T>();
}

// Ends an iterator's __next__.
[[noreturn]] void stop_iteration();

// Looks up a special method on the type (not the instance), as CPython does.
Value lookup_special(Value obj, const char* name);

// Sets name -> value in a namespace dict.
void dict_set(Dict* d, const char* name, Value value);

Value iter_self(const CallArgs& a);  // __iter__ returning self

}  // namespace gilvm::builtins_impl
