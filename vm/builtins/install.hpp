// Entry points that fill the built-in types' dicts with their methods and
// attributes. bootstrap.cpp calls each once, after every type object exists,
// so any installer may refer to any type.
#pragma once

#include "vm/value.hpp"

namespace gilvm {

void install_object_methods();    // object, type           (vm/builtins/object_methods.cpp)
void install_int_methods();       // int, bool               (vm/builtins/int_methods.cpp)
void install_int_bytes_methods(); // int.to_bytes, from_bytes (vm/builtins/int_bytes.cpp)
void install_float_methods();     // float                   (vm/builtins/float_methods.cpp)
void install_str_methods();       // str                     (vm/builtins/str_methods.cpp)
void install_str_translate_methods();  // str.maketrans, translate (vm/builtins/str_translate.cpp)
void install_bytes_methods();     // bytes; what bytearray shares (vm/builtins/bytes_methods.cpp)
void install_bytes_text_methods(); // bytes/bytearray.split, find, ... (vm/builtins/bytes_text_methods.cpp)
void install_bytearray_methods(); // bytearray's own         (vm/builtins/bytearray_methods.cpp)
void install_memoryview_methods(); // memoryview             (vm/builtins/memoryview.cpp)
void install_list_methods();      // list, tuple             (vm/builtins/list_methods.cpp)
void install_dict_methods();      // dict and its views      (vm/builtins/dict_methods.cpp)
void install_set_methods();       // set, frozenset          (vm/builtins/set_methods.cpp)
void install_range_methods();     // range, slice            (vm/builtins/range_methods.cpp)
void install_function_methods();  // function, method, code, property, staticmethod, classmethod
void install_code_introspection(); // code.co_code, co_consts, co_positions()... (vm/builtins/code_introspection.cpp)
void install_exception_methods(); // BaseException and subclasses
void install_unicode_error_methods();  // the Unicode*Error fields and str() (vm/builtins/unicode_error.cpp)
void install_os_error_methods();  // OSError's fields and errno mapping (vm/builtins/os_error.cpp)
void install_generator_methods(); // generator, coroutine
void install_exception_group_methods(); // BaseExceptionGroup, ExceptionGroup (vm/builtins/exception_group.cpp)
void install_async_generator_methods(); // async_generator and its awaitables (vm/builtins/async_generator.cpp)
void install_generic_alias_methods(); // list[int], int | None (vm/builtins/generic_alias.cpp)
// origin[item] for a native type's __class_getitem__ (types.GenericAlias).
Value new_generic_alias(Value origin, Value item);
void install_frame_methods();     // frame, traceback        (vm/builtins/frame_methods.cpp)
void install_module_methods();    // module                  (vm/builtins/module_methods.cpp)

}  // namespace gilvm
