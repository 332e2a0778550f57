// The human-readable GIL statistics table (gilvm --gil-stats, gil.report()).
#pragma once

#include <string>

namespace gilvm {

// A table of the GIL counters: one row per thread by name, then totals.
std::string format_gil_report();

}  // namespace gilvm
