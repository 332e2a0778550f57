// aiter() and anext(): the asynchronous twins of iter() and next().
//
// anext(it) is it.__anext__(). anext(it, default) must turn the
// StopAsyncIteration that ends `it` into the default, so it returns an
// awaitable of its own ("anext_awaitable") that drives the one
// __anext__() returned -- forwarding every send and throw, so an event
// loop's suspensions pass through -- and finishes with the default
// instead of StopAsyncIteration.
#include "stdlib/builtins/common.hpp"
#include "vm/heap/heap.hpp"

namespace gilvm::builtins_impl {
namespace {

struct AnextAwaitable : Object {
  Value awaitable;  // what __anext__() returned
  Value iterator;   // its __await__() iterator, once started
  Value fallback;
  AnextAwaitable(Type* t, Value a, Value d) : Object(t), awaitable(a), fallback(d) {}
  void trace(Tracer& t) override {
    t.visit(awaitable);
    if (!iterator.is_null()) t.visit(iterator);
    t.visit(fallback);
  }
};

Type* anext_awaitable_type = nullptr;

AnextAwaitable* self_of(const CallArgs& a) {
  if (a.count == 0 || type_of(a[0]) != anext_awaitable_type) raise_type_error("descriptor requires an 'anext_awaitable' object");
  return a[0].as<AnextAwaitable>();
}

Value await_iterator(AnextAwaitable* w) {
  if (w->iterator.is_null()) {
    Value it = w->awaitable;
    if (type_of(it) == types().coroutine || !lookup_special(it, "__await__").is_null()) it = call_method(it, "__await__", {});
    else raise_type_error("'" + type_name(it) + "' object can't be awaited");
    w->iterator = it;
  }
  return w->iterator;
}

// Runs one step of the wrapped awaitable; its StopAsyncIteration becomes
// StopIteration(default).
template <class Step>
Value forward(AnextAwaitable* w, Step step) {
  try {
    return step(await_iterator(w));
  } catch (PyException&) {
    if (!exception_matches(exc().StopAsyncIteration)) throw;
    take_current_exception();
    raise_stop_iteration(w->fallback);
  }
}

Value awaitable_self(const CallArgs& a) {
  self_of(a);
  return a[0];
}
Value awaitable_next(const CallArgs& a) {
  return forward(self_of(a), [](Value it) { return call_method(it, "__next__", {}); });
}
Value awaitable_send(const CallArgs& a) {
  check_positional(a, "send", 2, 2);
  Value sent = a[1];
  return forward(self_of(a), [sent](Value it) { return call_method(it, "send", {sent}); });
}
Value awaitable_throw(const CallArgs& a) {
  check_positional(a, "throw", 2, 4);
  AnextAwaitable* w = self_of(a);
  Value e = a[1];
  return forward(w, [e](Value it) { return call_method(it, "throw", {e}); });
}
Value awaitable_close(const CallArgs& a) {
  AnextAwaitable* w = self_of(a);
  if (!w->iterator.is_null() && !lookup_special(w->iterator, "close").is_null()) call_method(w->iterator, "close", {});
  return Value::none();
}
Value awaitable_construct(Type*, const CallArgs&) { raise_type_error("cannot create 'anext_awaitable' instances"); }

Value builtin_aiter(const CallArgs& a) {
  check_positional(a, "aiter", 1, 1);
  Value it = a[0];
  if (lookup_special(it, "__aiter__").is_null()) raise_type_error("'" + type_name(it) + "' object is not an async iterable");
  Value result = call_method(it, "__aiter__", {});
  if (lookup_special(result, "__anext__").is_null())
    raise_type_error("aiter() returned not an async iterator of type '" + type_name(result) + "'");
  return result;
}

Value builtin_anext(const CallArgs& a) {
  check_positional(a, "anext", 1, 2);
  Value it = a[0];
  if (lookup_special(it, "__anext__").is_null()) raise_type_error("'" + type_name(it) + "' object is not an async iterator");
  Value awaitable = call_method(it, "__anext__", {});
  if (a.count == 1) return awaitable;
  return gc_new<AnextAwaitable>(anext_awaitable_type, awaitable, a[1]);
}

}  // namespace

void install_async_iteration_functions(Dict* builtins) {
  anext_awaitable_type = new_builtin_type("anext_awaitable", types().object, awaitable_construct);
  add_method(anext_awaitable_type, "__await__", awaitable_self);
  add_method(anext_awaitable_type, "__iter__", awaitable_self);
  add_method(anext_awaitable_type, "__next__", awaitable_next);
  add_method(anext_awaitable_type, "send", awaitable_send);
  add_method(anext_awaitable_type, "throw", awaitable_throw);
  add_method(anext_awaitable_type, "close", awaitable_close);
  add_function(builtins, "aiter", builtin_aiter);
  add_function(builtins, "anext", builtin_anext);
}

}  // namespace gilvm::builtins_impl
