// Code objects, functions, closures' cells, native functions, bound
// methods and the descriptor types (property, staticmethod, classmethod,
// getset descriptors for attributes of built-in types).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "vm/object.hpp"

namespace gilvm {

struct Tuple;
struct Dict;
struct Str;

enum CodeFlags : uint32_t {
  kCodeVarargs = 1 << 0,     // *args
  kCodeVarkeywords = 1 << 1, // **kwargs
  kCodeGenerator = 1 << 2,
  kCodeCoroutine = 1 << 3,
  kCodeAsyncGenerator = 1 << 4,
  kCodeNested = 1 << 5,
  kCodeClassBody = 1 << 6,
  kCodeModule = 1 << 7,
  kCodeUsesLocalsDict = 1 << 8,  // module and class bodies: names live in a dict
  // A frozen function that CPython writes in C, so its frames appear in no
  // traceback (set by stdlib/frozen.cpp; add_traceback skips them).
  kCodeHiddenFromTraceback = 1 << 9,
};

// One entry of a code object's exception table: an exception raised by an
// instruction in [start, end) unwinds the value stack to `depth` items, pushes
// the exception and jumps to `target`. Entries are ordered innermost first.
struct ExceptionEntry {
  uint32_t start, end, target, depth;
};

// Source position of one instruction, for tracebacks.
struct SourcePos {
  int32_t line = 0;
  int32_t col = 0;      // 0-based UTF-8 byte offsets, as CPython's ast
  int32_t end_line = 0;
  int32_t end_col = 0;
};

// The interpreter's inline caches for one entry of a code object's `names`
// (see vm/attr_cache.hpp): where instances of `type` keep that attribute in
// their dict, and which plain method `method_type` has under that name. Both
// hold only while the type-system epoch they were stamped with is current.
struct AttrCache {
  Type* type = nullptr;
  uint64_t epoch = 0;
  uint32_t entry = 0;
  bool slot = false;  // `entry` is a cell of the instance (a __slots__ or inline value), not a dict entry
  bool inline_value = false;  // ... an inline value: present only while entry < inline_count
  Type* method_type = nullptr;
  uint64_t method_epoch = 0;
  Value method;  // not traced: reachable from method_type while the epoch holds
  // A property or native getset descriptor that obj.name means for every
  // instance of descr_type (it wins over the instance dict), for LOAD_ATTR
  // and STORE_ATTR; not traced, for the reason `method` is not.
  Type* descr_type = nullptr;
  uint64_t descr_epoch = 0;
  Value descr;
};

// Per name of a code object, LOAD_GLOBAL's cache (vm/interp.cpp): the entry
// of the globals dict holding the name, or, for a built-in, the version of
// the globals dict known not to hold it and the builtins entry that does.
// Entries are checked by key identity before use, as AttrCache's are.
struct GlobalCache {
  int32_t globals_entry = -1;
  int32_t builtins_entry = -1;
  uint64_t globals_version = 0;
};

struct Code : Object {
  std::vector<uint32_t> insns;
  std::vector<SourcePos> positions;       // one per instruction
  std::vector<Value> consts;
  std::vector<Str*> names;                // globals, attributes, imports
  std::vector<Str*> varnames;             // locals; the arguments first
  std::vector<Str*> cellvars;             // locals captured by inner functions
  std::vector<Str*> freevars;             // captured from enclosing functions
  std::vector<int32_t> cell_to_arg;       // per cellvar: the argument it starts as, or -1
  std::vector<ExceptionEntry> exception_table;
  std::vector<AttrCache> attr_caches;     // one per entry of `names`
  std::vector<GlobalCache> global_caches; // one per entry of `names`
  Str* name = nullptr;
  Str* qualname = nullptr;
  Str* filename = nullptr;
  Value doc;                              // the docstring, or null
  int32_t first_line = 1;
  uint32_t argcount = 0;        // positional (including positional-only)
  uint32_t posonlyargcount = 0;
  uint32_t kwonlyargcount = 0;
  uint32_t flags = 0;
  uint32_t stacksize = 0;

  explicit Code(Type* t) : Object(t) {}
  void trace(Tracer& t) override;
  uint32_t nlocals() const { return static_cast<uint32_t>(varnames.size()); }
  // Locals, then cells, then free variables: the "localsplus" slots of a frame.
  uint32_t nlocalsplus() const {
    return static_cast<uint32_t>(varnames.size() + cellvars.size() + freevars.size());
  }
  uint32_t total_args() const {
    return argcount + kwonlyargcount + ((flags & kCodeVarargs) ? 1 : 0) +
           ((flags & kCodeVarkeywords) ? 1 : 0);
  }
  int line_at(uint32_t pc) const { return pc < positions.size() ? positions[pc].line : first_line; }
};

struct Cell : Object {
  Value contents;  // null when empty
  explicit Cell(Type* t, Value v = Value::null()) : Object(t), contents(v) {}
  void trace(Tracer& t) override { t.visit(contents); }
};

struct Function : Object {
  Code* code;
  Dict* globals;
  Tuple* defaults = nullptr;    // positional defaults, or null
  Dict* kwdefaults = nullptr;   // keyword-only defaults, or null
  Tuple* closure = nullptr;     // cells for code->freevars, or null
  Str* name;
  Str* qualname;
  Value module;                 // __module__
  Value doc;                    // __doc__
  Dict* annotations = nullptr;

  Function(Type* t, Code* c, Dict* g);
  void trace(Tracer& t) override;
};

// Arguments as the interpreter passes them: `count` positional values, then
// one value per name in `kwnames` (if not null). For a method, args[0] is self.
struct CallArgs {
  const Value* args;
  size_t count;
  const Tuple* kwnames = nullptr;
  size_t kw_count() const;
  Value kw_value(size_t i) const { return args[count + i]; }
  // Natives index their arguments without counting them first; a call with
  // too few must raise TypeError rather than read past the array.
  Value operator[](size_t i) const {
    if (i >= count) [[unlikely]] raise_missing_native_argument(i, count);
    return args[i];
  }

 private:
  [[noreturn]] static void raise_missing_native_argument(size_t index, size_t count);
};

using NativeFn = Value (*)(const CallArgs& args);

// Object::flags bits of a NativeFunction stored in a type's dict.
enum NativeFunctionFlags : uint32_t {
  kNativeClassMethod = 1 << 0,   // bound to the class (dict.fromkeys)
  kNativeStaticMethod = 1 << 1,  // never bound (str.maketrans)
  // Wrong argument counts are reported as CPython's METH_O / METH_NOARGS
  // methods do ("T.f() takes exactly one argument"), not as slot wrappers.
  kNativeMethodStyleArity = 1 << 2,
  // A special method CPython implements as a slot wrapper: its errors read
  // "descriptor '__eq__' requires a 'int' object but received a 'str'".
  kNativeSlotWrapper = 1 << 3,
};

// A function or method implemented in C++. `self` is null for plain
// functions and for method descriptors stored in a type's dict; binding a
// descriptor to an instance is done with a BoundMethod.
struct NativeFunction : Object {
  const char* name;
  NativeFn fn;
  Type* owner = nullptr;   // for methods: the type whose dict holds it
  Value bound_module;      // __module__ for module-level functions
  // Positional arguments after self that call_native checks before the
  // call (see vm/native_arity.cpp); -1 when the function checks them itself.
  int8_t min_args = -1;
  int8_t max_args = -1;
  NativeFunction(Type* t, const char* n, NativeFn f) : Object(t), name(n), fn(f) {}
  void trace(Tracer& t) override {
    t.visit(owner);
    t.visit(bound_module);
  }
};

struct BoundMethod : Object {
  Value self;
  Value function;
  BoundMethod(Type* t, Value s, Value f) : Object(t), self(s), function(f) {}
  void trace(Tracer& t) override {
    t.visit(self);
    t.visit(function);
  }
};

// property, staticmethod, classmethod: thin wrappers the attribute lookup
// recognises directly (they are also ordinary descriptor objects).
struct Property : Object {
  Value getter, setter, deleter, doc;
  Value name;  // set by __set_name__ when assigned in a class body, else null
  explicit Property(Type* t) : Object(t) {}
  void trace(Tracer& t) override {
    t.visit(name);
    t.visit(getter);
    t.visit(setter);
    t.visit(deleter);
    t.visit(doc);
  }
};

struct StaticMethod : Object {
  Value function;
  StaticMethod(Type* t, Value f) : Object(t), function(f) {}
  void trace(Tracer& t) override { t.visit(function); }
};

struct ClassMethod : Object {
  Value function;
  ClassMethod(Type* t, Value f) : Object(t), function(f) {}
  void trace(Tracer& t) override { t.visit(function); }
};

// An attribute of a built-in type computed in C++ (e.g. function.__name__,
// BaseException.args). A data descriptor: it wins over the instance dict.
using Getter = Value (*)(Value self);
using Setter = void (*)(Value self, Value value);  // null value: delete
struct GetSetDescriptor : Object {
  const char* name;
  Getter get;
  Setter set;
  Type* owner;
  GetSetDescriptor(Type* t, const char* n, Getter g, Setter s, Type* o)
      : Object(t), name(n), get(g), set(s), owner(o) {}
  void trace(Tracer& t) override { t.visit(owner); }
};

Code* new_code();
Function* new_function(Code* code, Dict* globals);
Cell* new_cell(Value contents = Value::null());
NativeFunction* new_native_function(const char* name, NativeFn fn);
BoundMethod* new_bound_method(Value self, Value function);

}  // namespace gilvm
