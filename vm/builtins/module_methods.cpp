// module: its repr, which tells where the module came from, as CPython's
// import system does ("(built-in)" for C++ modules, "(frozen)" for the
// Python modules compiled into gilvm, "from 'path'" for files).
#include <string>

#include "vm/builtins/install.hpp"
#include "vm/errors.hpp"
#include "vm/names.hpp"
#include "vm/native.hpp"
#include "vm/objects/dict.hpp"
#include "vm/objects/module.hpp"
#include "vm/objects/str.hpp"
#include "vm/ops.hpp"

namespace gilvm {

namespace {

Value module_repr(const CallArgs& a) {
  check_arg_count(a, "__repr__", 1, 1);
  if (!isinstance(a[0], types().module))
    raise_type_error("descriptor '__repr__' requires a 'module' object but received a '" + type_name(a[0]) + "'");
  Module* m = a[0].as<Module>();
  const DictTable& d = m->dict()->table;
  Value name = d.get_str(names().__name__);
  std::string shown = name.is_null() ? "'?'" : repr_string(name);
  if (m->builtin) return new_str("<module " + shown + " (built-in)>");
  Value file = d.get_str(names().__file__);
  if (!file.is_null() && isinstance(file, types().str)) {
    if (file.as<Str>()->data.rfind("<frozen ", 0) == 0) return new_str("<module " + shown + " (frozen)>");
    return new_str("<module " + shown + " from " + repr_string(file) + ">");
  }
  return new_str("<module " + shown + ">");
}

}  // namespace

void install_module_methods() { add_method(types().module, "__repr__", module_repr); }

}  // namespace gilvm
