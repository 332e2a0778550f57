#include "vm/objects/function.hpp"

#include "vm/heap/heap.hpp"
#include "vm/objects/dict.hpp"
#include "vm/objects/sequence.hpp"
#include "vm/objects/str.hpp"
#include "vm/types.hpp"

namespace gilvm {

void Code::trace(Tracer& t) {
  t.visit_all(consts);
  for (Str* s : names) t.visit(s);
  for (Str* s : varnames) t.visit(s);
  for (Str* s : cellvars) t.visit(s);
  for (Str* s : freevars) t.visit(s);
  t.visit(name);
  t.visit(qualname);
  t.visit(filename);
  t.visit(doc);
}

Function::Function(Type* t, Code* c, Dict* g)
    : Object(t), code(c), globals(g), name(c->name), qualname(c->qualname), doc(Value::none()) {}

void Function::trace(Tracer& t) {
  t.visit(code);
  t.visit(globals);
  t.visit(defaults);
  t.visit(kwdefaults);
  t.visit(closure);
  t.visit(name);
  t.visit(qualname);
  t.visit(module);
  t.visit(doc);
  t.visit(annotations);
}

size_t CallArgs::kw_count() const { return kwnames == nullptr ? 0 : kwnames->items.size(); }

Code* new_code() { return gc_new<Code>(types().code); }
Function* new_function(Code* code, Dict* globals) { return gc_new<Function>(types().function, code, globals); }
Cell* new_cell(Value contents) { return gc_new<Cell>(types().cell, contents); }
NativeFunction* new_native_function(const char* name, NativeFn fn) {
  return gc_new<NativeFunction>(types().native_function, name, fn);
}
BoundMethod* new_bound_method(Value self, Value function) {
  return gc_new<BoundMethod>(types().bound_method, self, function);
}

}  // namespace gilvm
