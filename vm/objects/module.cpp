#include "vm/objects/module.hpp"

#include "vm/heap/heap.hpp"
#include "vm/objects/dict.hpp"
#include "vm/objects/str.hpp"
#include "vm/types.hpp"

namespace gilvm {

Module* new_module(std::string_view name) {
  Module* m = gc_new<Module>(types().module);
  m->attrs = new_dict();
  m->attrs->table.set(intern("__name__"), intern(name));
  m->attrs->table.set(intern("__doc__"), Value::none());
  return m;
}

}  // namespace gilvm
