// Frame objects as Python sees them (sys._getframe(), traceback.tb_frame,
// generator.gi_frame, inspect.currentframe()).
//
// Interpreter frames (vm/frame.hpp) live on the thread's data stack or
// inside a generator and vanish when they return, so Python never holds
// one: it gets a FrameSnapshot, a copy of what a frame showed when the
// snapshot was taken (code, globals, the names dict of module and class
// bodies, line, caller). The snapshot does not follow the frame afterwards:
// f_lineno stays the line of the moment, and function locals are not
// copied (f_locals is then an empty dict). The functions below and the
// Python-visible attributes are in vm/builtins/frame_methods.cpp.
#pragma once

#include <cstdint>

#include "vm/object.hpp"

namespace gilvm {

struct Frame;

struct FrameSnapshot : Object {
  Value code;
  Value globals;
  Value locals;  // the names dict of module-level and class-body frames, else null
  Value back;    // a FrameSnapshot or None
  int64_t lineno = 0;
  explicit FrameSnapshot(Type* t) : Object(t) {}
  void trace(Tracer& t) override;
};

// A snapshot of `frame` and, through f_back, of every caller; None for null.
Value snapshot_frame_chain(Frame* frame);

// A snapshot of `frame` alone (f_back None): a suspended generator's frame.
Value snapshot_single_frame(Frame* frame);

// A snapshot made from recorded parts (a traceback entry's frame).
Value new_frame_snapshot(Value code, Value globals, Value locals, int64_t lineno, Value back);

// The names dict a frame's f_locals shows, or null where gilvm keeps locals
// in slots only.
Value frame_names_dict(Frame* frame);

}  // namespace gilvm
