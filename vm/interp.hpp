// Entry points into the interpreter loop (vm/interp.cpp) for the rest of
// the VM: calling Python functions, running module code, resuming generators.
#pragma once

#include "vm/objects/function.hpp"

namespace gilvm {

struct Dict;
struct Generator;

// Calls a Python function. With gc_safe false, collection is deferred until
// it returns (the caller may hold unrooted Values; see vm/gc.hpp).
Value call_function(Function* function, const CallArgs& args, bool gc_safe);

// Runs module-level (or exec) code with the given namespaces.
Value run_code(Code* code, Dict* globals, Dict* locals, bool gc_safe = true);

// Instantiates a class: __new__/construct, then __init__.
Value type_call(Type* type, const CallArgs& args);

}  // namespace gilvm
