// _collections: the native half of collections (deque, deque.cpp);
// collections.py imports deque from here.
#include "stdlib/collections/deque.hpp"
#include "stdlib/stdlib.hpp"
#include "vm/import.hpp"
#include "vm/objects/module.hpp"

namespace gilvm {

namespace deque_impl {
void install_deque(Module* m);  // deque.cpp
}  // namespace deque_impl

namespace {

void init_collections(Module* m) { deque_impl::install_deque(m); }

}  // namespace

void register_collections_module() { register_builtin_module("_collections", init_collections); }

}  // namespace gilvm
