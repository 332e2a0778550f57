// The native core of the pickle module (CPython's _pickle accelerator):
// what pickler.cpp, unpickler.cpp, object_reduce.cpp and pickle_module.cpp
// share. stdlib/py/pickle.py holds the public Pickler and Unpickler classes
// (so Python subclasses override persistent_id, find_class, ... as usual)
// and calls `encode` / `decode` through the _pickle module.
#pragma once

#include <string>
#include <vector>

#include "stdlib/pickle/pointer_index.hpp"
#include "vm/object.hpp"

namespace gilvm {
struct Str;
}

namespace gilvm::pickle {

// _pickle.PickleError and its two subclasses, and the memo type, made when
// _pickle is first imported (object_reduce.cpp needs none of them).
struct PickleTypes {
  Type* pickle_error = nullptr;
  Type* pickling_error = nullptr;
  Type* unpickling_error = nullptr;
  Type* memo = nullptr;
};
PickleTypes& pickle_types();
[[noreturn]] void raise_pickling_error(const std::string& message);
[[noreturn]] void raise_unpickling_error(const std::string& message);

// A pickler's memo: which objects were written, under which memo index.
// Contract: an object is in `index` exactly while `objects` holds it, so the
// pointer keys can never be reused by a new object while the memo lives (the
// memo keeps what it indexes alive, as CPython's memo holds references).
// Temporary objects the pickler makes (a __reduce__ value's argument tuple)
// are memoized too, and must be, for the indices to match CPython's.
struct Memo : Object {
  PointerIndex index;
  std::vector<Value> objects;  // by memo index
  explicit Memo(Type* t) : Object(t) {}
  void trace(Tracer& t) override { t.visit_all(objects); }
  void clear() {
    index.clear();
    objects.clear();
  }
};
Memo* new_memo();

struct EncodeOptions {
  int protocol = 4;
  bool fix_imports = true;
  Memo* memo = nullptr;           // required
  Value persistent_id;            // null, or called with every object
  Value reducer_override;         // null, or called with non-core objects
  Value dispatch_table;           // null: copyreg.dispatch_table
  Value buffer_callback;          // null (protocol 5 out-of-band buffers)
};

// Appends the pickle of `obj` (PROTO to STOP) to `out`.
void encode(Value obj, const EncodeOptions& options, std::string& out);

// Where the unpickler reads: a buffer in memory, or a file object through
// its read / readline (and readinto, not needed) methods.
struct DecodeOptions {
  bool fix_imports = true;
  std::string encoding = "ASCII";
  std::string errors = "strict";
  Value find_class;               // null: the default; else called (module, name)
  Value persistent_load;          // null: PERSID raises
  Value buffers;                  // null, or an iterable of out-of-band buffers
  Value unpickler;                // null, or the Unpickler whose `proto` to set
  Value memo;                     // null, or a dict {index: value} kept between loads
};

// Loads one pickle from data[*pos...]; on return *pos is just after STOP.
Value decode_buffer(std::string_view data, size_t* pos, const DecodeOptions& options);
// Loads one pickle from a file object, reading no further than its STOP
// (frames are read whole, as CPython does).
Value decode_file(Value file, const DecodeOptions& options);

// The default find_class: imports `module` and looks `name` up (dotted
// from protocol 4), with the Python 2 names mapped when fix_imports is set
// and the stream's protocol is below 3.
Value default_find_class(Value module, Value name, int protocol, bool fix_imports);

// object.__reduce_ex__(obj, protocol) without looking for an override:
// copyreg's protocol 0/1 reduction or the __newobj__ one (object_reduce.cpp).
Value object_reduce(Value obj, int protocol);
// obj.__getstate__() for a type that does not override it.
Value default_getstate(Value obj, bool required);
// True when type `t` does not override __reduce_ex__ and __reduce__ nor
// __getstate__: its instances pickle as class + __dict__ without Python.
bool has_default_reduce(Type* t);
bool has_default_getstate(Type* t);
// object's native __reduce_ex__ and __reduce__, for comparisons.
Value object_reduce_ex_function();
Value object_reduce_function();

// Adds object.__reduce_ex__ / __reduce__ / __getstate__ and the core
// types' __reduce__ methods; run once at start-up.
void install_reduce_methods();

// The module copyreg, imported once; and its attribute `name`.
Value copyreg_attr(const char* name);
// sys.modules[name] after importing it (ModuleNotFoundError as import does).
Value import_by_name(Str* name);
// "Type" as CPython's tp_name spells it in messages: the bare name for
// classes made by `class`, "module.name" for native types outside builtins.
std::string type_tp_name(Type* t);

}  // namespace gilvm::pickle
