// The _asyncio_loop module: the native half of asyncio's event loop.
//
//   NativeLoop     base class of asyncio.events.BaseEventLoop: the ready
//                  deque, the timer heap, call_soon / call_at / call_later /
//                  call_soon_threadsafe and one turn of the loop, waiting on
//                  Boost.Asio (stdlib/asyncio/loop.hpp, runtime/event_loop.hpp)
//   Handle, TimerHandle   asyncio.Handle and asyncio.TimerHandle
//                  (stdlib/asyncio/handle.hpp)
//   AsyncGenSet    the loop's weak record of started async generators
//                  (stdlib/asyncio_asyncgen_set.cpp)
#include "stdlib/asyncio/handle.hpp"
#include "stdlib/asyncio/loop.hpp"
#include "stdlib/asyncio_asyncgen_set.hpp"
#include "stdlib/builtins_module.hpp"
#include "stdlib/stdlib.hpp"
#include "vm/builtins_core.hpp"
#include "vm/errors.hpp"
#include "vm/heap/heap.hpp"
#include "vm/import.hpp"
#include "vm/native.hpp"
#include "vm/objects/dict.hpp"
#include "vm/objects/module.hpp"
#include "vm/objects/number.hpp"
#include "vm/objects/sequence.hpp"
#include "vm/objects/str.hpp"
#include "vm/ops.hpp"

namespace gilvm {

namespace {

void init_asyncio_loop(Module* m) {
  asyncio_impl::add_handle_types(m);
  asyncio_impl::add_loop_type(m);
  add_asyncgen_set_type(m);
}

}  // namespace

void register_asyncio_loop_module() { register_builtin_module("_asyncio_loop", init_asyncio_loop); }

}  // namespace gilvm
