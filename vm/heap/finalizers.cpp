#include "vm/heap/finalizers.hpp"

#include "vm/builtins_core.hpp"
#include "vm/errors.hpp"
#include "vm/heap/heap.hpp"
#include "vm/objects/str.hpp"
#include "vm/ops.hpp"
#include "vm/thread_state.hpp"

namespace gilvm {

namespace {

Str* del_name() {
  static Str* name = intern("__del__");
  return name;
}

void run_finalizer(Object* object) {
  Value del = object->type->is_builtin ? Value::null() : lookup_in_mro(object->type, del_name());
  // A finalizer runs between two instructions of whatever code reached the
  // safepoint: that code's handled exception (sys.exc_info()) is not the
  // finalizer's business, and is the same afterwards.
  ThreadState* ts = current_thread_state();
  Value handled = ts->handled_exception;
  try {
    if (!del.is_null()) {
      call_with_self(del, object, CallArgs{nullptr, 0});
    } else {
      object->finalize();
    }
  } catch (PyException&) {
    Value e = take_current_exception();
    write_unraisable("Exception ignored in: " + repr_string(del.is_null() ? Value(object) : del), e);
  }
  ts->handled_exception = handled;
}

}  // namespace

void note_new_instance(Type* type, Value instance) {
  if (type->is_builtin || !instance.is_object()) return;
  if (!lookup_in_mro(type, del_name()).is_null()) heap().register_finalizer(instance.object());
}

void install_finalizer_runner() { heap().set_finalizer_runner(run_finalizer); }

}  // namespace gilvm
