// The one sort behind list.sort() and sorted(): stable, by `<` on keys,
// with CPython's reverse semantics (equal keys keep their original order).
#pragma once

#include <span>

#include "vm/heap/value_vector.hpp"
#include "vm/value.hpp"

namespace gilvm {

// Reorders `items` by `keys` (one per item; keys may be items itself).
// Comparisons may run Python and raise; on an exception `items` is left
// as it was.
void sort_by_keys(ValueVector& items, std::span<const Value> keys, bool reverse);

}  // namespace gilvm
