// Exception groups (PEP 654) and the runtime half of `except*`.
//
// Contract
// --------
// * BaseExceptionGroup(message, exceptions) and ExceptionGroup are
//   built-in exception classes (vm/builtins/exception_group.cpp): `message`
//   and `exceptions` (a tuple) are set at construction, split/subgroup/
//   derive follow CPython 3.11, and BaseExceptionGroup(...) gives an
//   ExceptionGroup when every member is an Exception.
// * `try: ... except* T as e: ...` compiles (vm/compiler/codegen_stmt.cpp)
//   to these steps on a per-try "state" value kept on the value stack:
//     PREP_STAR    state = star_prepare(raised)
//     MATCH_STAR   match = star_match(state, T): the part of what is still
//                  unhandled that matches T, split off (null: skip the
//                  clause). A naked (non-group) exception that matches is
//                  wrapped in ExceptionGroup("", [exc]).
//     STAR_RECORD  star_record(state, exc): what a clause's body raised --
//                  its own match again (a bare `raise`) or something new.
//     STAR_FINISH  star_finish(state): what leaves the try, or null.
// * What leaves is CPython's: the unhandled rest and the re-raised matches,
//   as one projection of the original group that keeps its nesting (or
//   the original itself when nothing was handled); plus, if clauses raised
//   new exceptions, those -- a single one alone, several in a new
//   ExceptionGroup("", [...]) that also holds the projection. For a naked
//   original there is at most one thing to raise, and it leaves as is.
#pragma once

#include "vm/value.hpp"

namespace gilvm {

bool is_exception_group(Value v);

Value star_prepare(Value raised);
Value star_match(Value state, Value match_type);
void star_record(Value state, Value raised);
// The exception to raise, or null when every part was handled. `*same` is
// set when that exception is the original one (re-raised unchanged, so its
// traceback must not grow).
Value star_finish(Value state, bool* same);

}  // namespace gilvm
