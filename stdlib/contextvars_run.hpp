// Running a callable inside a contextvars.Context from C++ (what
// Context.run does), for asyncio's native Handles and Tasks.
#pragma once

#include "vm/object.hpp"
#include "vm/objects/function.hpp"

namespace gilvm {

// Makes `context` current around fn(*args); "already entered" as
// Context.run. An object that is not an exact Context has its run() called.
Value run_in_context(Value context, Value fn, const CallArgs& args);

// For C++ code that runs inside a Context without a callable to hand to
// run_in_context: makes an exact Context current for the entry's lifetime
// ("already entered" raises as Context.run). A null context is "run in the
// current one": nothing to do. Anything else is not entered; `direct()`
// says so, and the caller falls back to run_in_context.
class ContextEntry {
 public:
  explicit ContextEntry(Value context);
  ~ContextEntry();
  ContextEntry(const ContextEntry&) = delete;
  ContextEntry& operator=(const ContextEntry&) = delete;
  bool direct() const { return direct_; }

 private:
  Value context_;
  Value previous_;
  bool direct_ = true;
  bool entered_ = false;
};

}  // namespace gilvm
