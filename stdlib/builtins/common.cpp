// install_builtin_functions and the helpers of common.hpp.
#include "stdlib/builtins/common.hpp"

#include "stdlib/builtins_module.hpp"

namespace gilvm {

void install_builtin_functions(Dict* builtins) {
  using namespace builtins_impl;
  install_io_functions(builtins);
  install_iteration_functions(builtins);
  install_async_iteration_functions(builtins);
  install_number_functions(builtins);
  install_object_functions(builtins);
  install_file_functions(builtins);
}

namespace builtins_impl {

std::string plural(size_t n, const char* word) {
  return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

void raise_no_keywords(const char* fname) { raise_type_error(std::string(fname) + "() takes no keyword arguments"); }

void raise_invalid_keyword(Str* name, const char* fname) {
  raise_type_error("'" + name->data + "' is an invalid keyword argument for " + fname + "()");
}

void check_one_arg(const CallArgs& a, const char* fname) {
  if (kw_count(a) != 0) raise_no_keywords(fname);
  if (a.count != 1)
    raise_type_error(std::string(fname) + "() takes exactly one argument (" + std::to_string(a.count) + " given)");
}

void check_no_args(const CallArgs& a, const char* fname) {
  if (kw_count(a) != 0) raise_no_keywords(fname);
  if (a.count != 0)
    raise_type_error(std::string(fname) + "() takes no arguments (" + std::to_string(a.count) + " given)");
}

void check_positional(const CallArgs& a, const char* fname, size_t min, size_t max) {
  if (kw_count(a) != 0) raise_no_keywords(fname);
  if (a.count >= min && a.count <= max) return;
  std::string msg = std::string(fname) + " expected ";
  if (min == max) {
    msg += plural(min, "argument");
  } else if (a.count < min) {
    msg += "at least " + plural(min, "argument");
  } else {
    msg += "at most " + plural(max, "argument");
  }
  raise_type_error(msg + ", got " + std::to_string(a.count));
}

void parse_args(const CallArgs& a, const char* fname, std::initializer_list<const char*> names, size_t required,
                Value* out, size_t posonly, size_t kwonly) {
  const size_t n = names.size();
  const size_t maxpos = kwonly < n ? kwonly : n;
  const char* const* name = names.begin();
  for (size_t i = 0; i < n; ++i) out[i] = Value::null();
  if (a.count > maxpos) {
    std::string msg = std::string(fname) + "() takes ";
    if (maxpos == 0) {
      msg += "no positional arguments";
    } else {
      msg += (required < maxpos ? "at most " : "exactly ") + std::to_string(maxpos) +
             (kwonly < n ? " positional argument" : " argument") + (maxpos == 1 ? "" : "s");
    }
    raise_type_error(msg + " (" + std::to_string(a.count) + " given)");
  }
  size_t min_posonly = required < posonly ? required : posonly;
  if (a.count < min_posonly) {
    raise_type_error(std::string(fname) + "() takes " + (min_posonly < maxpos ? "at least " : "exactly ") +
                     plural(min_posonly, "positional argument") + " (" + std::to_string(a.count) + " given)");
  }
  for (size_t i = 0; i < a.count; ++i) out[i] = a[i];
  const size_t nkw = kw_count(a);
  size_t used = 0;
  for (size_t i = a.count; i < n; ++i) {
    if (i >= posonly) {
      for (size_t k = 0; k < nkw; ++k) {
        if (kw_is(a, k, name[i])) {
          out[i] = a.kw_value(k);
          ++used;
          break;
        }
      }
    }
    if (out[i].is_null() && i < required) {
      raise_type_error(std::string(fname) + "() missing required argument '" + name[i] + "' (pos " +
                       std::to_string(i + 1) + ")");
    }
  }
  if (used == nkw) return;
  for (size_t k = 0; k < nkw; ++k) {
    Str* kn = kw_name(a, k);
    bool matched = false;
    for (size_t i = a.count; i < n; ++i)
      if (i >= posonly && kn->view() == name[i]) matched = true;
    if (matched) continue;
    for (size_t i = posonly; i < a.count; ++i) {
      if (kn->view() == name[i])
        raise_type_error(std::string("argument for ") + fname + "() given by name ('" + name[i] +
                         "') and position (" + std::to_string(i + 1) + ")");
    }
    raise_invalid_keyword(kn, fname);
  }
}

Value new_str_value(std::string text) { return Value(new_str(std::move(text))); }

Value to_int_index(Value v) {
  if (v.is_small_int()) return v;
  if (v.is_bool()) return Value::small_int(v.is_true() ? 1 : 0);
  if (is_int_value(v)) {
    if (type_of(v) == types().int_) return v;
    mpz_t z;
    mpz_init(z);
    int_to_mpz(v, z);
    Value r = make_int(z);
    mpz_clear(z);
    return r;
  }
  Value method = lookup_special(v, "__index__");
  if (method.is_null())
    raise_type_error("'" + type_name(v) + "' object cannot be interpreted as an integer");
  Value r = call(method, {v});
  if (!is_int_value(r))
    raise_type_error("__index__ returned non-int (type " + type_name(r) + ")");
  return to_int_index(r);
}

void raise_bad_self(const char* method, const char* tname, Value self) {
  raise_type_error(std::string("descriptor '") + method + "' requires a '" + tname + "' object but received a '" +
                   type_name(self) + "'");
}

void stop_iteration() { raise_error(exc().StopIteration, ""); }

Value lookup_special(Value obj, const char* name) { return lookup_in_mro(type_of(obj), intern(name)); }

void dict_set(Dict* d, const char* name, Value value) { d->table.set(Value(intern(name)), value); }

Value iter_self(const CallArgs& a) {
  if (a.count != 1) raise_type_error("__iter__() takes no arguments");
  return a[0];
}

}  // namespace builtins_impl
}  // namespace gilvm
