// _asyncio_loop.AsyncGenSet (stdlib/asyncio_asyncgen_set.cpp).
#pragma once

#include "vm/objects/module.hpp"

namespace gilvm {

// Puts the AsyncGenSet type into the _asyncio_loop module `m`.
void add_asyncgen_set_type(Module* m);

}  // namespace gilvm
