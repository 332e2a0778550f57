#include "vm/iteration_end.hpp"

#include "vm/errors.hpp"
#include "vm/objects/function.hpp"
#include "vm/ops.hpp"

namespace gilvm {

namespace {
thread_local IterationEndCatcher* innermost_catcher = nullptr;
}

IterationEndCatcher::IterationEndCatcher() : enclosing_(innermost_catcher), end_(Value::null()) {
  innermost_catcher = this;
}

IterationEndCatcher::~IterationEndCatcher() { innermost_catcher = enclosing_; }

bool iteration_end_wanted() { return innermost_catcher != nullptr; }

void IterationEndCatcher::raise_end() {
  Value stop = end_;
  end_ = Value::null();
  if (stop.is_null()) stop = call_object(exc().StopIteration, CallArgs{nullptr, 0});
  raise_exception(stop);
}

void note_iteration_end(Value stop) {
  if (innermost_catcher != nullptr) innermost_catcher->end_ = stop;
}

}  // namespace gilvm
