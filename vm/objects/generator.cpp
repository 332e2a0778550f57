#include "vm/objects/generator.hpp"

#include <cstdlib>

#include "vm/call.hpp"
#include "vm/errors.hpp"
#include "vm/heap/heap.hpp"
#include "vm/interp.hpp"
#include "vm/names.hpp"
#include "vm/objects/sequence.hpp"
#include "vm/objects/str.hpp"
#include "vm/ops.hpp"
#include "vm/thread_state.hpp"

namespace gilvm {

Generator::~Generator() {
  if (!frame_inline) std::free(frame);
}

void Generator::trace(Tracer& t) {
  t.visit(name);
  t.visit(qualname);
  if (!handled.is_null()) t.visit(handled);
  if (!asyncgen_finalizer.is_null()) t.visit(asyncgen_finalizer);
  if (!finished) frame->trace(t);
}

bool is_generator_like(Value v) {
  Type* t = type_of(v);
  return t == types().generator || t == types().coroutine || t == types().async_generator;
}

namespace {

const char* kind_name(Generator* gen) {
  if (gen->type == types().coroutine) return "coroutine";
  return gen->type == types().async_generator ? "async generator" : "generator";
}

[[noreturn]] void raise_replacing(Value escaped, const std::string& message) {
  Value e = new_exception(exc().RuntimeError, message);
  e.as<ExceptionObject>()->cause = escaped;
  e.as<ExceptionObject>()->context = escaped;
  e.as<ExceptionObject>()->suppress_context = true;
  raise_exception(e);
}

// Runs the generator's frame until it yields or finishes. `pending` is an
// exception to raise at the suspension point instead of sending a value.
GenResult resume(Generator* gen, Value value, Value pending, const CallArgs* raw_throw = nullptr) {
  if (gen->running) raise_value_error(std::string(kind_name(gen)) + " already executing");
  if (gen->finished) {
    if (gen->type == types().coroutine) raise_runtime_error("cannot reuse already awaited coroutine");
    if (!pending.is_null()) raise_exception(pending);
    return GenResult{Value::none(), true};
  }
  ThreadState* ts = current_thread_state();
  Frame* frame = gen->frame;
  if (!gen->started) {
    if (pending.is_null() && !value.is_none())
      raise_type_error(std::string("can't send non-None value to a just-started ") + kind_name(gen));
  } else if (pending.is_null()) {
    frame->localsplus()[frame->code->nlocalsplus() + frame->stack_depth] = value;
    frame->stack_depth++;
  }
  if (!pending.is_null() && !gen->started) {
    // Throwing into a generator that never ran finishes it at once.
    gen->finished = true;
    raise_exception(pending);
  }
  if (!gen->started && gen->type == types().coroutine) {
    // Started: it will never warn "never awaited" (generator_finalize.cpp).
    heap().withdraw_latest_finalizer(gen);
  }
  gen->started = true;
  gen->running = true;
  gen->yielded = false;
  frame->previous = ts->current_frame;
  frame->is_entry = true;
  ++ts->recursion_depth;
  // The generator sees its own handled exception if it is suspended in an
  // `except` block, else the resumer's (as CPython chains exc_info).
  Value outer_handled = ts->handled_exception;
  if (gen->except_depth > 0) ts->handled_exception = gen->handled;
  Value result;
  try {
    if (!pending.is_null()) {
      // Raise at the suspension point: the loop's handlers see it there.
      result = resume_with_exception(ts, frame, pending, raw_throw);
    } else {
      result = eval_frame(ts, frame);
    }
  } catch (...) {
    gen->running = false;
    gen->finished = true;
    gen->handled = Value::null();
    ts->handled_exception = outer_handled;
    // A StopIteration escaping a generator becomes RuntimeError (PEP 479).
    if (exception_matches(exc().StopIteration))
      raise_replacing(take_current_exception(), std::string(kind_name(gen)) + " raised StopIteration");
    // Likewise StopAsyncIteration out of an async generator (PEP 525).
    if (gen->type == types().async_generator && exception_matches(exc().StopAsyncIteration))
      raise_replacing(take_current_exception(), "async generator raised StopAsyncIteration");
    throw;
  }
  gen->running = false;
  gen->handled = gen->except_depth > 0 ? ts->handled_exception : Value::null();
  ts->handled_exception = outer_handled;
  if (gen->yielded) return GenResult{result, false};
  gen->finished = true;
  return GenResult{result, true};
}

}  // namespace

GenResult generator_send(Generator* gen, Value value) {
  return resume(gen, value, Value::null());
}

Value exception_from_throw_args(const CallArgs& a, size_t first) {
  Value e = a[first];
  Value v = a.count > first + 1 ? a[first + 1] : Value::none();
  if (is_exception_class(e)) {
    if (v.is_none()) return call_object(e, CallArgs{nullptr, 0});
    if (isinstance(v, e.as<Type>())) return v;
    if (type_of(v) == types().tuple) {
      Tuple* items = v.as<Tuple>();
      return call_object(e, CallArgs{items->items.data(), items->items.size()});
    }
    return call_object(e, CallArgs{&v, 1});
  }
  if (!is_exception_instance(e))
    raise_type_error("exceptions must be classes or instances deriving from BaseException, not " + type_name(e));
  if (!v.is_none()) raise_type_error("instance exception may not have a separate value");
  return e;
}

GenResult generator_throw(Generator* gen, Value exception) {
  if (is_exception_class(exception)) exception = call_object(exception, CallArgs{nullptr, 0});
  if (!is_exception_instance(exception)) raise_type_error("exceptions must be classes or instances deriving from BaseException, not " + type_name(exception));
  return resume(gen, Value::none(), exception);
}

namespace {

// Whether gen.throw(typ, ...) reaches a delegate's throw() with its
// arguments as given (see generator_throw_args).
bool forwards_raw_throw(Generator* gen, Value typ) {
  if (!gen->started || gen->finished || gen->running) return false;
  Value sub = suspended_delegate(gen->frame);
  if (sub.is_null()) return false;
  // GeneratorExit closes the delegate rather than being thrown into it.
  bool exit = is_exception_class(typ) ? typ.as<Type>()->is_subtype_of(exc().GeneratorExit)
                                      : isinstance(typ, exc().GeneratorExit);
  if (exit) return false;
  if (is_generator_like(sub)) return forwards_raw_throw(sub.as<Generator>(), typ);
  return !get_attr_or_null(sub, names().throw_).is_null();
}

}  // namespace

GenResult generator_throw_args(Generator* gen, const CallArgs& raw) {
  if (forwards_raw_throw(gen, raw[0])) return resume(gen, Value::none(), raw[0], &raw);
  return generator_throw(gen, exception_from_throw_args(raw, 0));
}

void generator_close(Generator* gen) {
  if (gen->finished || !gen->started) {
    gen->finished = true;
    return;
  }
  Value exit = new_exception(exc().GeneratorExit, "");
  try {
    GenResult r = resume(gen, Value::none(), exit);
    if (!r.finished) raise_runtime_error(std::string(kind_name(gen)) + " ignored GeneratorExit");
  } catch (PyException&) {
    if (exception_matches(exc().GeneratorExit) || exception_matches(exc().StopIteration)) {
      take_current_exception();
      return;
    }
    throw;
  }
}

}  // namespace gilvm
