// generator and coroutine objects: iteration, send, throw, close.
#include <cstdio>

#include "vm/builtins/install.hpp"
#include "vm/call.hpp"
#include "vm/errors.hpp"
#include "vm/heap/heap.hpp"
#include "vm/native.hpp"
#include "vm/objects/frame_object.hpp"
#include "vm/objects/generator.hpp"
#include "vm/objects/str.hpp"
#include "vm/ops.hpp"

namespace gilvm {

namespace {

Generator* gen(const CallArgs& a) {
  if (a.count == 0 || !is_generator_like(a[0])) raise_type_error("descriptor requires a generator object");
  return a[0].as<Generator>();
}

Value finish(const GenResult& r) {
  if (r.finished) raise_stop_iteration(r.value.is_none() ? Value::null() : r.value);
  return r.value;
}

Value gen_iter(const CallArgs& a) { return a[0]; }
Value gen_next(const CallArgs& a) { return finish(generator_send(gen(a), Value::none())); }
Value gen_send(const CallArgs& a) {
  check_arg_count(a, "send", 2, 2);
  return finish(generator_send(gen(a), a[1]));
}
Value gen_throw(const CallArgs& a) {
  check_arg_count(a, "throw", 2, 4);
  Generator* g = gen(a);
  return finish(generator_throw_args(g, CallArgs{a.args + 1, a.count - 1}));
}
Value gen_close(const CallArgs& a) {
  generator_close(gen(a));
  return Value::none();
}
Value gen_repr(const CallArgs& a) {
  Generator* g = gen(a);
  char buf[32];
  std::snprintf(buf, sizeof buf, "0x%llx", static_cast<unsigned long long>(a[0].raw()));
  const char* kind = g->type == types().coroutine ? "coroutine" : g->type == types().async_generator ? "async_generator" : "generator";
  return new_str(std::string("<") + kind + " object " + g->qualname->data + " at " + buf + ">");
}
Value gen_name(Value self) { return self.as<Generator>()->name; }
Value gen_qualname(Value self) { return self.as<Generator>()->qualname; }
Value gen_running(Value self) { return Value::boolean(self.as<Generator>()->running); }
// gi_frame/cr_frame/ag_frame: a snapshot of the generator's frame while it
// can still run (f_back None), None once it has finished, as CPython.
Value gen_frame(Value self) {
  Generator* g = self.as<Generator>();
  if (g->finished || g->frame == nullptr) return Value::none();
  return snapshot_single_frame(g->frame);
}
Value gen_code(Value self) { return self.as<Generator>()->frame->code; }
// Paused at a yield or await (3.11's gi_suspended, which getgeneratorstate reads).
Value gen_suspended(Value self) {
  Generator* g = self.as<Generator>();
  return Value::boolean(g->started && !g->finished && !g->running);
}
// coroutine.__await__() gives an iterator over the coroutine (CPython's
// coroutine_wrapper), so that a plain generator can `yield from` it: a
// custom __await__ may delegate to a coroutine that way.
struct CoroutineWrapper : Object {
  Generator* coro;
  CoroutineWrapper(Type* t, Generator* c) : Object(t), coro(c) {}
  void trace(Tracer& t) override { t.visit(coro); }
};
Type* coroutine_wrapper_type = nullptr;

Generator* wrapped(const CallArgs& a) {
  if (a.count == 0 || type_of(a[0]) != coroutine_wrapper_type) raise_type_error("descriptor requires a 'coroutine_wrapper' object");
  return a[0].as<CoroutineWrapper>()->coro;
}
Value coro_await(const CallArgs& a) { return gc_new<CoroutineWrapper>(coroutine_wrapper_type, gen(a)); }
Value wrapper_next(const CallArgs& a) { return finish(generator_send(wrapped(a), Value::none())); }
Value wrapper_send(const CallArgs& a) {
  check_arg_count(a, "send", 2, 2);
  return finish(generator_send(wrapped(a), a[1]));
}
Value wrapper_throw(const CallArgs& a) {
  check_arg_count(a, "throw", 2, 4);
  Generator* g = wrapped(a);
  return finish(generator_throw_args(g, CallArgs{a.args + 1, a.count - 1}));
}
Value wrapper_close(const CallArgs& a) {
  generator_close(wrapped(a));
  return Value::none();
}
Value wrapper_construct(Type*, const CallArgs&) { raise_type_error("cannot create 'coroutine_wrapper' instances"); }

}  // namespace

void install_generator_methods() {
  for (Type* t : {types().generator, types().coroutine}) {
    add_method(t, "send", gen_send);
    add_method(t, "throw", gen_throw);
    add_method(t, "close", gen_close);
    add_method(t, "__repr__", gen_repr);
    add_getset(t, "__name__", gen_name);
    add_getset(t, "__qualname__", gen_qualname);
  }
  add_method(types().generator, "__iter__", gen_iter);
  add_method(types().generator, "__next__", gen_next);
  add_getset(types().generator, "gi_running", gen_running);
  add_getset(types().generator, "gi_frame", gen_frame);
  add_getset(types().generator, "gi_code", gen_code);
  add_getset(types().generator, "gi_suspended", gen_suspended);
  add_getset(types().coroutine, "cr_frame", gen_frame);
  add_getset(types().coroutine, "cr_code", gen_code);
  add_getset(types().coroutine, "cr_suspended", gen_suspended);
  add_getset(types().async_generator, "ag_frame", gen_frame);
  add_getset(types().async_generator, "ag_code", gen_code);
  add_method(types().coroutine, "__await__", coro_await);
  coroutine_wrapper_type = new_builtin_type("coroutine_wrapper", types().object, wrapper_construct);
  add_method(coroutine_wrapper_type, "__iter__", gen_iter);
  add_method(coroutine_wrapper_type, "__next__", wrapper_next);
  add_method(coroutine_wrapper_type, "send", wrapper_send);
  add_method(coroutine_wrapper_type, "throw", wrapper_throw);
  add_method(coroutine_wrapper_type, "close", wrapper_close);
  add_getset(types().coroutine, "cr_running", gen_running);
  add_method(types().async_generator, "__repr__", gen_repr);
}

}  // namespace gilvm
