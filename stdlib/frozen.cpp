#include "stdlib/frozen.hpp"

#include <cstring>
#include <string>

#include "vm/builtins_core.hpp"
#include "vm/compiler/compiler.hpp"
#include "vm/import.hpp"
#include "vm/interp.hpp"
#include "vm/names.hpp"
#include "vm/objects/dict.hpp"
#include "vm/objects/function.hpp"
#include "vm/objects/module.hpp"
#include "vm/objects/sequence.hpp"
#include "vm/objects/str.hpp"
#include "vm/ops.hpp"
#include "vm/thread_state.hpp"

namespace gilvm {

namespace {

// A frozen module lists in _FRAMES_HIDDEN_FROM_TRACEBACKS (a tuple of names)
// its functions that CPython implements in C: an error raised through them
// (warnings.warn under -W error) shows no line of theirs, as in CPython.
void hide_native_frames(Module* module) {
  Dict* globals = module->dict();
  Value listed = globals->table.get_str(intern("_FRAMES_HIDDEN_FROM_TRACEBACKS"));
  if (listed.is_null() || type_of(listed) != types().tuple) return;
  for (Value name : listed.as<Tuple>()->items) {
    if (type_of(name) != types().str) continue;
    Value function = globals->table.get_str(name.as<Str>());
    if (!function.is_null() && type_of(function) == types().function)
      function.as<Function>()->code->flags |= kCodeHiddenFromTraceback;
  }
}

// The init hook learns which module it is filling from the module's name.
void init_frozen(Module* module) {
  Value name = module->dict()->table.get_str(names().__name__);
  const std::string& wanted = name.as<Str>()->data;
  for (const FrozenModule* m = kFrozenModules; m->name != nullptr; ++m) {
    if (wanted != m->name) continue;
    module->builtin = false;  // Python source, compiled into the binary
    module->dict()->table.set(names().__file__, new_str("<frozen " + wanted + ">"));
    remember_source_text("<frozen " + wanted + ">", m->source);
    Code* code = compile_source(m->source, "<frozen " + wanted + ">", ParseMode::Exec);
    Root keep(code);
    run_code(code, module->dict(), nullptr);
    hide_native_frames(module);
    return;
  }
}

}  // namespace

void register_frozen_modules() {
  for (const FrozenModule* m = kFrozenModules; m->name != nullptr; ++m) register_builtin_module(m->name, init_frozen);
}

}  // namespace gilvm
