// Async generators (PEP 525): __aiter__, __anext__, asend, athrow, aclose.
//
// Contract
// --------
// * An async generator is a Generator whose frame suspends for two
//   reasons: a `yield` (a value for whoever awaits __anext__) and an
//   `await` passing an event loop's suspension through (YIELD_VALUE 1 from
//   the await's yield-from loop). YIELD_VALUE records which in
//   Generator::yielded_plain.
// * __anext__() and asend(v) return an "asend" awaitable, athrow() and
//   aclose() an "athrow" one. Awaiting one resumes the generator; what the
//   generator does then decides what the awaiter sees:
//     - an await's suspension: handed on (returned from send), so the
//       event loop gets it, and the next send() resumes the generator;
//     - a `yield v`: the awaitable finishes with v (StopIteration(v)) --
//       for aclose() that is an error, "async generator ignored
//       GeneratorExit";
//     - the generator returns: StopAsyncIteration (aclose: finishes
//       quietly, as does GeneratorExit or StopAsyncIteration out of it);
//     - an exception: it propagates.
// * Each awaitable can be awaited once; reusing one is a RuntimeError.
// * The first of __anext__, asend, athrow and aclose calls the firstiter
//   hook and records the finalizer hook (sys.set_asyncgen_hooks; what the
//   finalizer does is in vm/objects/generator_finalize.cpp).
// * Not implemented: the "already running" check across concurrent
//   awaitables.
#include "vm/builtins/install.hpp"
#include "vm/call.hpp"
#include "vm/errors.hpp"
#include "vm/heap/heap.hpp"
#include "vm/native.hpp"
#include "vm/objects/generator.hpp"
#include "vm/objects/str.hpp"
#include "vm/ops.hpp"

namespace gilvm {

namespace {

enum class AwaitState { kInit, kIter, kClosed };
enum class AwaitKind { kSend, kThrow, kClose };

struct AsyncGenAwaitable : Object {
  Generator* gen;
  Value value;  // asend: the value to send first; athrow: the exception
  AwaitKind kind;
  AwaitState state = AwaitState::kInit;
  AsyncGenAwaitable(Type* t, Generator* g, Value v, AwaitKind k) : Object(t), gen(g), value(v), kind(k) {}
  void trace(Tracer& t) override {
    t.visit(gen);
    if (!value.is_null()) t.visit(value);
  }
};

Type* asend_type = nullptr;
Type* athrow_type = nullptr;

Generator* agen(const CallArgs& a) {
  if (a.count == 0 || type_of(a[0]) != types().async_generator) raise_type_error("descriptor requires an 'async_generator' object");
  return a[0].as<Generator>();
}

AsyncGenAwaitable* awaitable(const CallArgs& a) {
  if (a.count == 0 || (type_of(a[0]) != asend_type && type_of(a[0]) != athrow_type))
    raise_type_error("descriptor requires an 'async_generator_asend' or 'async_generator_athrow' object");
  return a[0].as<AsyncGenAwaitable>();
}

[[noreturn]] void raise_stop_async_iteration() {
  raise_exception(call_object(exc().StopAsyncIteration, CallArgs{nullptr, 0}));
}

[[noreturn]] void raise_reused(AsyncGenAwaitable* w) {
  raise_runtime_error(w->kind == AwaitKind::kSend ? "cannot reuse already awaited __anext__()/asend()"
                                                  : "cannot reuse already awaited aclose()/athrow()");
}

// What one resumption of the generator means for the awaiter (see the
// contract); `resume` runs it.
template <class Resume>
Value step(AsyncGenAwaitable* w, Resume resume) {
  GenResult r;
  try {
    r = resume();
  } catch (PyException&) {
    w->state = AwaitState::kClosed;
    if (w->kind == AwaitKind::kClose &&
        (exception_matches(exc().StopAsyncIteration) || exception_matches(exc().GeneratorExit))) {
      take_current_exception();
      raise_stop_iteration(Value::null());
    }
    throw;
  }
  if (r.finished) {
    w->state = AwaitState::kClosed;
    if (w->kind == AwaitKind::kClose) raise_stop_iteration(Value::null());
    raise_stop_async_iteration();
  }
  if (!w->gen->yielded_plain) return r.value;  // an await's suspension: to the loop
  w->state = AwaitState::kClosed;
  if (w->kind == AwaitKind::kClose) raise_runtime_error("async generator ignored GeneratorExit");
  raise_stop_iteration(r.value.is_none() ? Value::null() : r.value);
}

Value await_send(AsyncGenAwaitable* w, Value sent) {
  if (w->state == AwaitState::kClosed) raise_reused(w);
  Generator* gen = w->gen;
  if (w->state == AwaitState::kInit) {
    w->state = AwaitState::kIter;
    if (w->kind == AwaitKind::kSend) {
      if (sent.is_none() && !w->value.is_null()) sent = w->value;
      return step(w, [&] { return generator_send(gen, sent); });
    }
    if (!sent.is_none()) raise_runtime_error("can't send non-None value to a just-started coroutine");
    if (gen->finished) {
      w->state = AwaitState::kClosed;
      if (w->kind == AwaitKind::kClose) raise_stop_iteration(Value::null());
      raise_stop_async_iteration();
    }
    Value thrown = w->kind == AwaitKind::kClose ? new_exception(exc().GeneratorExit, "") : w->value;
    return step(w, [&] { return generator_throw(gen, thrown); });
  }
  return step(w, [&] { return generator_send(gen, sent); });
}

// The exception athrow()/throw() was given: an instance, or a class called
// with the value given beside it.
// -- the async generator's own methods

Value agen_aiter(const CallArgs& a) {
  agen(a);
  return a[0];
}
// The generator, with its asyncgen hooks run if this is its first iteration.
Generator* iterated_agen(const CallArgs& a) {
  Generator* g = agen(a);
  if (!g->asyncgen_hooks_done) asyncgen_first_iteration(g);
  return g;
}

Value agen_anext(const CallArgs& a) {
  return gc_new<AsyncGenAwaitable>(asend_type, iterated_agen(a), Value::null(), AwaitKind::kSend);
}
Value agen_asend(const CallArgs& a) {
  check_arg_count(a, "asend", 2, 2);
  return gc_new<AsyncGenAwaitable>(asend_type, iterated_agen(a), a[1], AwaitKind::kSend);
}
Value agen_athrow(const CallArgs& a) {
  check_arg_count(a, "athrow", 2, 4);
  Generator* g = iterated_agen(a);
  return gc_new<AsyncGenAwaitable>(athrow_type, g, exception_from_throw_args(a, 1), AwaitKind::kThrow);
}
Value agen_aclose(const CallArgs& a) {
  check_arg_count(a, "aclose", 1, 1);
  return gc_new<AsyncGenAwaitable>(athrow_type, iterated_agen(a), Value::null(), AwaitKind::kClose);
}
Value agen_name(Value self) { return self.as<Generator>()->name; }
Value agen_qualname(Value self) { return self.as<Generator>()->qualname; }
Value agen_running(Value self) { return Value::boolean(self.as<Generator>()->running); }

// -- the awaitables

Value awaitable_self(const CallArgs& a) {
  awaitable(a);
  return a[0];
}
Value awaitable_next(const CallArgs& a) { return await_send(awaitable(a), Value::none()); }
Value awaitable_send(const CallArgs& a) {
  check_arg_count(a, "send", 2, 2);
  return await_send(awaitable(a), a[1]);
}
Value awaitable_throw(const CallArgs& a) {
  check_arg_count(a, "throw", 2, 4);
  AsyncGenAwaitable* w = awaitable(a);
  if (w->state == AwaitState::kClosed) raise_reused(w);
  Value e = exception_from_throw_args(a, 1);
  w->state = AwaitState::kIter;
  return step(w, [&] { return generator_throw(w->gen, e); });
}
Value awaitable_close(const CallArgs& a) {
  awaitable(a)->state = AwaitState::kClosed;
  return Value::none();
}
Value awaitable_construct(Type* t, const CallArgs&) {
  raise_type_error("cannot create '" + t->name + "' instances");
}

}  // namespace

void install_async_generator_methods() {
  Type* t = types().async_generator;
  add_method(t, "__aiter__", agen_aiter);
  add_method(t, "__anext__", agen_anext);
  add_method(t, "asend", agen_asend);
  add_method(t, "athrow", agen_athrow);
  add_method(t, "aclose", agen_aclose);
  add_getset(t, "__name__", agen_name);
  add_getset(t, "__qualname__", agen_qualname);
  add_getset(t, "ag_running", agen_running);
  asend_type = new_builtin_type("async_generator_asend", types().object, awaitable_construct);
  athrow_type = new_builtin_type("async_generator_athrow", types().object, awaitable_construct);
  for (Type* w : {asend_type, athrow_type}) {
    add_method(w, "__await__", awaitable_self);
    add_method(w, "__iter__", awaitable_self);
    add_method(w, "__next__", awaitable_next);
    add_method(w, "send", awaitable_send);
    add_method(w, "throw", awaitable_throw);
    add_method(w, "close", awaitable_close);
  }
}

}  // namespace gilvm
