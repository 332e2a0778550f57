// What happens when a coroutine or an async generator is collected.
//
// Contract
// --------
// * A coroutine collected before it ever started warns, as CPython does,
//   through `warnings._warn_unawaited_coroutine(coro)`: RuntimeWarning
//   "coroutine 'QUALNAME' was never awaited", located at the Python code
//   running when the finalizer runs (the line of the gc.collect() or of the
//   allocation that triggered the collection), at "sys:1" when it happens at
//   exit, and subject to the warning filters. A filter turning it into an
//   error makes it an "Exception ignored in: <coroutine object ...>" report.
//   A coroutine that was started, or closed or thrown into before starting,
//   never warns.
// * An async generator that was iterated (its first __anext__, asend,
//   athrow or aclose) and is collected unfinished is handed to the
//   `finalizer` hook that sys.get_asyncgen_hooks() held at that first
//   iteration (asyncio's loop then schedules its aclose()); without one it
//   is closed on the spot, as a generator would be (GeneratorExit thrown
//   in; "async generator ignored GeneratorExit" if it yields instead).
//   The `firstiter` hook is called with the generator at that first
//   iteration; an exception from it comes out of the __anext__() call.
//
// Cost
// ----
// asyncio programs create coroutines by the hundred thousand and await
// nearly all of them at once, so a coroutine must not pay for a finalizer
// it almost never needs. Each new coroutine is registered with the heap
// (one vector append, in prepare_call, vm/call.cpp). The usual coroutine, awaited right after it is
// made, is still the latest registration when it starts, and takes it
// back at once (Heap::withdraw_latest_finalizer: one pop). The others
// (created now, started later by a task) lapse at the first collection
// after they start (Object::needs_finalization, see vm/heap/heap.hpp): a
// started coroutine is neither kept alive for an extra cycle nor queued. Only coroutines found dead while still unstarted
// (the ones that warn) are finalized. Async generators register at their
// first iteration and lapse once finished.
#include "vm/builtins_core.hpp"
#include "vm/call.hpp"
#include "vm/errors.hpp"
#include "vm/heap/heap.hpp"
#include "vm/import.hpp"
#include "vm/objects/generator.hpp"
#include "vm/objects/str.hpp"
#include "vm/ops.hpp"
#include "vm/thread_state.hpp"

namespace gilvm {

namespace {

bool is_coroutine(const Generator* gen) { return gen->type == types().coroutine; }

void warn_never_awaited(Generator* coro) {
  Value warnings = import_module(intern("warnings"), nullptr, Value::none(), 0);
  Value coro_value = coro;
  call_object(get_attr(warnings, "_warn_unawaited_coroutine"), CallArgs{&coro_value, 1});
}

}  // namespace

bool Generator::needs_finalization() const {
  if (is_coroutine(this)) return !started && !finished;
  return !finished;
}

// Errors escape to the heap's finalizer runner, which reports them as
// "Exception ignored in: <repr of this object>", as CPython's
// PyErr_WriteUnraisable(self) does.
void Generator::finalize() {
  if (!needs_finalization()) return;
  if (is_coroutine(this)) {
    warn_never_awaited(this);
    return;
  }
  if (type != types().async_generator) return;
  if (!asyncgen_finalizer.is_null()) {
    Value self = this;
    call_object(asyncgen_finalizer, CallArgs{&self, 1});
    return;
  }
  generator_close(this);
}

void asyncgen_first_iteration(Generator* agen) {
  if (agen->asyncgen_hooks_done) return;
  agen->asyncgen_hooks_done = true;
  ThreadState* ts = current_thread_state();
  if (!ts->asyncgen_finalizer.is_null()) agen->asyncgen_finalizer = ts->asyncgen_finalizer;
  if (!agen->finished) heap().register_finalizer(agen);
  Value firstiter = ts->asyncgen_firstiter;
  if (!firstiter.is_null()) {
    Value self = agen;
    call_object(firstiter, CallArgs{&self, 1});
  }
}

}  // namespace gilvm
