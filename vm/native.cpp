#include "vm/native.hpp"

#include <stdexcept>

#include "vm/errors.hpp"
#include "vm/heap/heap.hpp"
#include "vm/interp.hpp"
#include "vm/objects/dict.hpp"
#include "vm/objects/module.hpp"
#include "vm/objects/sequence.hpp"
#include "vm/objects/str.hpp"
#include "vm/ops.hpp"
#include "vm/types.hpp"

namespace gilvm {

namespace {
NativeFunction* add_to_type(Type* type, const char* name, NativeFn fn, uint32_t flags) {
  NativeFunction* f = new_native_function(name, fn);
  f->owner = type;
  f->flags = flags;
  assign_native_arity(f);
  type->dict()->table.set(intern(name), f);
  invalidate_method_cache();
  return f;
}
}  // namespace

NativeFunction* add_method(Type* type, const char* name, NativeFn fn) { return add_to_type(type, name, fn, 0); }
NativeFunction* add_class_method(Type* type, const char* name, NativeFn fn) {
  return add_to_type(type, name, fn, kNativeClassMethod);
}
NativeFunction* add_static_method(Type* type, const char* name, NativeFn fn) {
  return add_to_type(type, name, fn, kNativeStaticMethod);
}

void add_getset(Type* type, const char* name, Getter get, Setter set) {
  auto* d = gc_new<GetSetDescriptor>(types().getset_descriptor, name, get, set, type);
  type->dict()->table.set(intern(name), d);
  invalidate_method_cache();
}

void add_type_attr(Type* type, const char* name, Value value) {
  type->dict()->table.set(intern(name), value);
  invalidate_method_cache();
}

NativeFunction* add_function(Dict* namespace_dict, const char* name, NativeFn fn) {
  NativeFunction* f = new_native_function(name, fn);
  Value module_name = namespace_dict->table.get_str(intern("__name__"));
  f->bound_module = module_name.is_null() ? Value::none() : module_name;
  namespace_dict->table.set(intern(name), f);
  return f;
}

NativeFunction* add_function(Module* module, const char* name, NativeFn fn) {
  return add_function(module->dict(), name, fn);
}

Type* new_builtin_type(const char* name, Type* base, ConstructFn construct) {
  Type* t = gc_new<Type>(types().type);
  t->name = name;
  t->qualname = name;
  t->base = base;
  if (base != nullptr) t->bases.push_back(base);
  t->mro.push_back(t);
  if (base != nullptr) t->mro.insert(t->mro.end(), base->mro.begin(), base->mro.end());
  t->attrs = new_dict();
  t->construct = construct;
  keep_builtin_type_alive(t);
  if (builtin_type_news_installed()) give_builtin_type_its_new(t);
  return t;
}

void check_arg_count(const CallArgs& args, const char* function_name, size_t min, size_t max) {
  size_t n = args.count;
  if (n >= min && n <= max) return;
  std::string f = function_name;
  if (min == max) {
    if (min == 0) raise_type_error(f + "() takes no arguments (" + std::to_string(n) + " given)");
    if (min == 1) raise_type_error(f + "() takes exactly one argument (" + std::to_string(n) + " given)");
    raise_type_error(f + " expected " + std::to_string(min) + " arguments, got " + std::to_string(n));
  }
  if (n < min)
    raise_type_error(f + " expected at least " + std::to_string(min) + " argument" + (min == 1 ? "" : "s") +
                     ", got " + std::to_string(n));
  raise_type_error(f + " expected at most " + std::to_string(max) + " argument" + (max == 1 ? "" : "s") +
                   ", got " + std::to_string(n));
}

void no_keywords(const CallArgs& args, const char* function_name) {
  if (args.kw_count() != 0) raise_type_error(std::string(function_name) + "() takes no keyword arguments");
}

ArgParser::ArgParser(const CallArgs& args, const char* function_name, std::initializer_list<const char*> names,
                     size_t min_required, bool has_self, size_t first_keyword_only) {
  if (names.size() > kMaxParameters) throw std::logic_error("ArgParser: too many parameters");
  size_t offset = has_self ? 1 : 0;
  if (has_self) self_ = args.count > 0 ? args.args[0] : Value::null();
  // call_native guarantees self for methods; a function declared with self
  // but called bare must not wrap around here.
  size_t positional = args.count > offset ? args.count - offset : 0;
  size_t max_positional = std::min(names.size(), first_keyword_only);
  std::string f = function_name;
  if (positional > max_positional) {
    if (max_positional == 0) raise_type_error(f + "() takes no positional arguments");
    // Argument Clinic says "positional" only when keyword-only parameters exist.
    const char* kind = first_keyword_only < names.size() ? " positional argument" : " argument";
    raise_type_error(f + "() takes at most " + std::to_string(max_positional) + kind +
                     (max_positional == 1 ? "" : "s") + " (" + std::to_string(positional) + " given)");
  }
  for (size_t i = 0; i < positional; ++i) values_[i] = args.args[offset + i];
  for (size_t k = 0; k < args.kw_count(); ++k) {
    Str* key = args.kwnames->items[k].as<Str>();
    size_t index = 0;
    bool matched = false;
    for (const char* n : names) {
      if (key->data == n) {
        matched = true;
        break;
      }
      ++index;
    }
    if (!matched) raise_type_error(f + "() got an unexpected keyword argument '" + key->data + "'");
    if (!values_[index].is_null())
      raise_type_error("argument for " + f + "() given by name ('" + key->data + "') and position (" +
                       std::to_string(index + 1) + ")");
    values_[index] = args.kw_value(k);
  }
  for (size_t i = 0; i < min_required; ++i) {
    if (values_[i].is_null()) {
      const char* missing = *(names.begin() + i);
      raise_type_error(f + "() missing required argument '" + missing + "' (pos " + std::to_string(i + 1) + ")");
    }
  }
}

}  // namespace gilvm
