// The itertools module: registration and the types' installers
// (see itertools.hpp for the layout).
#include "stdlib/itertools/itertools.hpp"
#include "stdlib/stdlib.hpp"
#include "vm/import.hpp"
#include "vm/objects/dict.hpp"

namespace gilvm {

namespace itertools_impl {

void add_type(Module* m, Type* type) { m->dict()->table.set(intern(type->name.c_str()), type); }

}  // namespace itertools_impl

namespace {

void init_itertools(Module* m) {
  itertools_impl::install_infinite(m);
  itertools_impl::install_filtering(m);
  itertools_impl::install_grouping(m);
  itertools_impl::install_combinatorics(m);
}

}  // namespace

void register_itertools_module() { register_builtin_module("itertools", init_itertools); }

}  // namespace gilvm
