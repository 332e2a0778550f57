// Start-up of the language core: the built-in types, the exception classes,
// the interned names, and the GC root source that keeps them all alive.
//
// `type` and `object` are made first and by hand, because each refers to the
// other: type(object) is type, type's base is object, and type(type) is type.
#include <mutex>

#include "vm/builtins/install.hpp"
#include "vm/errors.hpp"
#include "vm/heap/finalizers.hpp"
#include "vm/heap/heap.hpp"
#include "vm/interp.hpp"
#include "vm/names.hpp"
#include "vm/ops.hpp"
#include "vm/native.hpp"
#include "vm/objects/complex.hpp"
#include "vm/objects/dict.hpp"
#include "vm/objects/number.hpp"
#include "vm/objects/slots.hpp"
#include "vm/objects/mapping_proxy.hpp"
#include "vm/objects/sequence.hpp"
#include "vm/objects/str.hpp"
#include "vm/thread_state.hpp"
#include "vm/types.hpp"

namespace gilvm {

Value object_construct(Type* type, const CallArgs& args);
Value exception_construct(Type* type, const CallArgs& args);

namespace {

std::vector<Object*>& immortals() {
  static auto* v = new std::vector<Object*>();
  return *v;
}

struct Singleton : Object {
  explicit Singleton(Type* t) : Object(t) {}
};
Object* the_not_implemented = nullptr;
Object* the_ellipsis = nullptr;

void create_core_types() {
  CoreTypes& t = types();
  // type and object, tied together by hand.
  t.type = gc_new<Type>(nullptr);
  t.type->type = t.type;
  t.object = gc_new<Type>(t.type);
  // Their dicts come once the dict type exists.
  t.type->attrs = nullptr;
  t.object->name = t.object->qualname = "object";
  t.object->mro = {t.object};
  t.object->construct = object_construct;
  t.type->name = t.type->qualname = "type";
  t.type->base = t.object;
  t.type->bases = {t.object};
  t.type->mro = {t.type, t.object};
  t.type->instances_have_dict = true;
  // The dict type is needed to give these two their dicts.
  t.dict = gc_new<Type>(t.type);
  t.dict->name = t.dict->qualname = "dict";
  t.dict->base = t.object;
  t.dict->bases = {t.object};
  t.dict->mro = {t.dict, t.object};
  for (Type* first : {t.type, t.object, t.dict}) {
    first->attrs = new_dict();
    immortals().push_back(first);
  }
  t.str = new_builtin_type("str", t.object, nullptr);
  init_names();

  auto make = [&](const char* name, Type* base = nullptr) {
    return new_builtin_type(name, base == nullptr ? t.object : base, nullptr);
  };
  t.none = make("NoneType");
  t.not_implemented = make("NotImplementedType");
  t.ellipsis = make("ellipsis");
  t.int_ = make("int");
  t.bool_ = make("bool", t.int_);
  t.float_ = make("float");
  g_complex_type = make("complex");
  t.bytes = make("bytes");
  t.bytearray = make("bytearray");
  t.memoryview = make("memoryview");
  t.tuple = make("tuple");
  t.list = make("list");
  t.set = make("set");
  t.frozenset = make("frozenset");
  t.range = make("range");
  t.slice = make("slice");
  t.function = make("function");
  t.native_function = make("builtin_function_or_method");
  t.bound_method = make("method");
  t.code = make("code");
  t.cell = make("cell");
  t.module = make("module");
  t.generator = make("generator");
  t.coroutine = make("coroutine");
  t.async_generator = make("async_generator");
  t.property = make("property");
  t.staticmethod = make("staticmethod");
  t.classmethod = make("classmethod");
  t.getset_descriptor = make("getset_descriptor");
  t.member_descriptor = make("member_descriptor");
  t.super = make("super");
  t.traceback = make("traceback");
  t.frame = make("frame");
  t.iterator = make("iterator");
  t.dict_keys = make("dict_keys");
  t.dict_values = make("dict_values");
  t.dict_items = make("dict_items");

  for (Type* builtin : {t.bool_, t.none, t.not_implemented, t.ellipsis, t.range, t.slice, t.function,
                        t.native_function, t.bound_method, t.code, t.cell, t.generator, t.coroutine,
                        t.async_generator, t.getset_descriptor, t.member_descriptor, t.traceback, t.frame, t.iterator,
                        t.dict_keys, t.dict_values, t.dict_items}) {
    builtin->allows_subclassing = false;
  }
  for (Type* with_dict : {t.function, t.module}) with_dict->instances_have_dict = true;

  the_not_implemented = gc_new<Singleton>(t.not_implemented);
  the_ellipsis = gc_new<Singleton>(t.ellipsis);
  immortals().push_back(the_not_implemented);
  immortals().push_back(the_ellipsis);
}

void create_exception_types() {
  ExceptionTypes& e = exc();
  Type* previous_base = nullptr;
  (void)previous_base;
#define GILVM_EXCEPTION(name, base)                                                        \
  e.name = new_builtin_type(#name, std::string(#name) == "BaseException" ? types().object \
                                                                         : e.base,        \
                            exception_construct);                                         \
  e.name->instances_have_dict = true;
#include "vm/exceptions.def"
#undef GILVM_EXCEPTION
}

}  // namespace

// A freed type's address may be reused by a new one: forget cached lookups.
Type::~Type() { invalidate_method_cache(); }

CoreTypes g_core_types{};

Value not_implemented() { return the_not_implemented; }
Value ellipsis() { return the_ellipsis; }

void keep_builtin_type_alive(Type* type) { immortals().push_back(type); }
void keep_alive(Object* object) { immortals().push_back(object); }

void bootstrap_vm() {
  static std::once_flag once;
  std::call_once(once, [] {
    install_gmp_allocator();
    keep_memory_reserve();
    heap().add_root_source([](Tracer& tracer) {
      for (Object* o : immortals()) tracer.visit(o);
      trace_interned(tracer);
      tracer.visit(empty_tuple());
    });
    create_core_types();
    create_exception_types();
    install_finalizer_runner();
    install_object_methods();
    // Mutable containers are unhashable, as in CPython; so are the set-like
    // dict views (dict_values keeps identity hashing).
    for (Type* mutable_type : {types().list, types().dict, types().set, types().dict_keys, types().dict_items})
      add_type_attr(mutable_type, "__hash__", Value::none());
    install_int_methods();
    install_float_methods();
    install_complex_methods();
    install_str_methods();
    install_bytes_methods();
    install_bytearray_methods();
    install_memoryview_methods();
    install_list_methods();
    install_dict_methods();
    install_set_methods();
    install_range_methods();
    install_function_methods();
    install_exception_methods();
    install_exception_group_methods();
    install_os_error_methods();
    install_unicode_error_methods();
    install_generator_methods();
    install_async_generator_methods();
    install_module_methods();
    install_frame_methods();
    install_generic_alias_methods();
    install_member_descriptor_methods();
    install_mapping_proxy_type();
    // Last: the installers above set most types' construct functions.
    std::vector<Type*> builtin_types;
    for (Object* o : immortals())
      if (o->type != nullptr && o->type->is_subtype_of(types().type)) builtin_types.push_back(static_cast<Type*>(o));
    install_builtin_type_news(builtin_types);
  });
}

}  // namespace gilvm
