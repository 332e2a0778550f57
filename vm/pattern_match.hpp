// Matching one `case` pattern against a subject at run time (PEP 634), for
// the MATCH_PATTERN instruction.
//
// Contract
// --------
// The compiler (vm/compiler/codegen_match.cpp) turns a pattern into a
// descriptor: a constant tuple tree, one node per pattern node, whose first
// item is a PatternOp. The values a pattern compares with or calls
// (literals, dotted names, class names, mapping keys) are not in the
// descriptor: the instruction's operands carry them, evaluated in source
// order before matching starts, and nodes refer to them by index. Capture
// names are numbered slots. The descriptor is (slot_count, root); node
// layouts:
//
//   (kMatchAs, sub or None, slot or -1)      `sub as name`, a capture, `_`
//   (kMatchValue, value)                     subject == values[value]
//   (kMatchSingleton, 0 | 1 | 2)             subject is None | True | False
//   (kMatchSequence, subs, star)             subs[star] (if star >= 0) is (kMatchStar, slot)
//   (kMatchMapping, keys, subs, rest_slot)   keys: value indexes
//   (kMatchClass, cls, subs, names, kw_subs) cls: a value index
//   (kMatchOr, alternatives)
//
// match_pattern returns the slots' values as a tuple (in slot order) when
// the pattern matches, None when it does not. Slots are filled only by a
// successful match, so nothing is bound by a partial one; every alternative
// of an or-pattern binds the same slots (the compiler checks). Errors are
// CPython's: TypeError for a class pattern on a non-class, a bad
// __match_args__ or too many positional sub-patterns, ValueError for a
// duplicate mapping key.
#pragma once

#include <cstdint>

#include "vm/value.hpp"

namespace gilvm {

enum PatternOp : int64_t { kMatchAs = 1, kMatchValue, kMatchSingleton, kMatchSequence, kMatchMapping, kMatchClass, kMatchOr, kMatchStar };

Value match_pattern(Value subject, Value descriptor, const Value* values);

}  // namespace gilvm
