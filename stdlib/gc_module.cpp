// The gc module: the collector as scripts see it.
//
//   gc.collect()        collects now and runs the finalizers that became due;
//                       returns how many objects were freed (CPython counts
//                       only those found in reference cycles, so the figure
//                       differs: gilvm has no reference counts, every piece of
//                       garbage is found by the collector)
//   gc.enable(), gc.disable(), gc.isenabled()
//                       a flag, nothing more: CPython's disable() only stops
//                       the cycle collector while reference counting still
//                       frees memory; here stopping the collector would stop
//                       all freeing, and timeit (which disables gc while it
//                       times) would grow without bound
//   gc.garbage, gc.callbacks   empty lists, as CPython normally has
#include "stdlib/stdlib.hpp"
#include "vm/errors.hpp"
#include "vm/heap/heap.hpp"
#include "vm/import.hpp"
#include "vm/native.hpp"
#include "vm/objects/dict.hpp"
#include "vm/objects/module.hpp"
#include "vm/objects/number.hpp"
#include "vm/objects/sequence.hpp"
#include "vm/objects/str.hpp"

namespace gilvm {

namespace {

bool gc_enabled = true;

Value gc_collect(const CallArgs& a) {
  ArgParser p(a, "collect", {"generation"}, 0, false);
  Value generation = p.get(0, Value::small_int(2));
  if (!generation.is_small_int() || generation.small_int_value() < 0 || generation.small_int_value() > 2)
    raise_value_error("invalid generation");
  heap().collect();
  size_t freed = heap().freed_by_last_collection();
  heap().run_finalizers();
  return make_int(static_cast<int64_t>(freed));
}

Value gc_enable(const CallArgs& a) {
  check_arg_count(a, "enable", 0, 0);
  gc_enabled = true;
  return Value::none();
}

Value gc_disable(const CallArgs& a) {
  check_arg_count(a, "disable", 0, 0);
  gc_enabled = false;
  return Value::none();
}

Value gc_isenabled(const CallArgs& a) {
  check_arg_count(a, "isenabled", 0, 0);
  return Value::boolean(gc_enabled);
}

void init_gc(Module* m) {
  add_function(m, "collect", gc_collect);
  add_function(m, "enable", gc_enable);
  add_function(m, "disable", gc_disable);
  add_function(m, "isenabled", gc_isenabled);
  m->dict()->table.set(intern("garbage"), new_list());
  m->dict()->table.set(intern("callbacks"), new_list());
}

}  // namespace

void register_gc_module() { register_builtin_module("gc", init_gc); }

}  // namespace gilvm
