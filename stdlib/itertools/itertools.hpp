// The native itertools module (CPython 3.11's API, reprs and errors),
// split by concern: infinite.cpp (count, cycle, repeat), filtering.cpp
// (accumulate, chain, compress, dropwhile, filterfalse, islice, pairwise,
// starmap, takewhile, zip_longest), grouping.cpp (groupby and _grouper,
// tee and _tee), combinatorics.cpp (product, permutations, combinations,
// combinations_with_replacement). Each installs its types into the module.
//
// Every iterator is a built-in type that steps through Type::iter_step
// (stdlib/native_iterator.hpp). Objects hold their Values in fields that
// `trace` visits; anything held across a call into Python code sits in a
// C++ local (seen by the stack scan) or a ValueVector.
#pragma once

#include "stdlib/native_iterator.hpp"
#include "vm/objects/module.hpp"
#include "vm/opcodes.hpp"

namespace gilvm::itertools_impl {

using builtins_impl::check_positional;
using builtins_impl::kw_count;
using builtins_impl::parse_args;
using builtins_impl::raise_no_keywords;

void install_infinite(Module* m);
void install_filtering(Module* m);
void install_grouping(Module* m);
void install_combinatorics(Module* m);

// Adds `type` to the module under its name.
void add_type(Module* m, Type* type);

}  // namespace gilvm::itertools_impl
