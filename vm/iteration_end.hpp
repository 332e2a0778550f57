// Passing an inner iterator's StopIteration through a native iterator.
//
// In CPython, next(enumerate(it)) (or map, zip, itertools...) raises the
// very StopIteration that ended `it`, so StopIteration(42) keeps its
// argument, and a generator's non-None return value shows up as well. Here
// native iterators step through iter_next, which consumes that exception.
//
// Contract: a native __next__ holds an IterationEndCatcher while it steps.
// While one is alive on this thread, iter_next records what ended the
// iterator it reports exhausted (the StopIteration it caught, one made
// from a generator's non-None return value, or null for a silent end);
// the last such end wins, since that is the iterator whose exhaustion the
// step reports. raise_end() then raises it (or a new empty StopIteration).
// Outside a catcher nothing is recorded, so no exception (and its
// traceback) is kept alive past the __next__ call. The record lives in the
// catcher itself, on the C++ stack, which the collector scans
// conservatively; a thread-local pointer finds the innermost catcher.
#pragma once

#include "vm/object.hpp"

namespace gilvm {

class IterationEndCatcher {
 public:
  IterationEndCatcher();
  ~IterationEndCatcher();
  IterationEndCatcher(const IterationEndCatcher&) = delete;
  IterationEndCatcher& operator=(const IterationEndCatcher&) = delete;
  [[noreturn]] void raise_end();

 private:
  friend void note_iteration_end(Value stop);
  IterationEndCatcher* enclosing_;
  Value end_;
};

// True while some catcher is alive on this thread (an end is worth making).
bool iteration_end_wanted();
// Called by iter_next when it reports `iterator exhausted`: `stop` is the
// StopIteration instance that ended it, or null when it ended silently.
void note_iteration_end(Value stop);

// For a native iterator that, like its CPython counterpart, ends with a
// fresh StopIteration whatever ended the iterator it wraps (cycle,
// zip_longest, groupby, tee, iter(callable, sentinel)): null, noting a
// silent end.
inline Value end_silently() {
  note_iteration_end(Value::null());
  return Value::null();
}

}  // namespace gilvm
