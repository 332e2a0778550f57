// The GIL statistics table that `gilvm --gil-stats` prints at exit and
// `gil.report()` returns.
//
// One row per thread (in start order, ended threads included), then a total
// row and the process-wide counters. "waiting" is the time a thread spent
// blocked in Gil::take(): the cost of the GIL to that thread, as opposed to
// time it spent blocked with the GIL released (sleeping, waiting for a lock).
#include "runtime/gil_report.hpp"

#include <chrono>
#include <cstdio>

#include "runtime/gil.hpp"

namespace gilvm {

namespace {

using Clock = std::chrono::steady_clock;
const Clock::time_point process_start = Clock::now();

std::string format_row(const std::string& name, uint64_t acquisitions, uint64_t forced_drops, double wait_seconds,
                       size_t name_width) {
  char buf[256];
  std::snprintf(buf, sizeof buf, "  %-*s %14llu %14llu %12.3f\n", static_cast<int>(name_width), name.c_str(),
                static_cast<unsigned long long>(acquisitions), static_cast<unsigned long long>(forced_drops),
                wait_seconds);
  return buf;
}

// Names are cut to a readable width; the numbers matter more.
std::string fit(const std::string& name, size_t width) {
  if (name.size() <= width) return name;
  return name.substr(0, width - 3) + "...";
}

}  // namespace

std::string format_gil_report() {
  constexpr size_t kMaxNameWidth = 32;
  GilStats totals = gil().stats();
  std::vector<GilThreadStats> rows = gil().all_thread_stats();
  double wall = std::chrono::duration<double>(Clock::now() - process_start).count();

  std::vector<std::string> names;
  size_t width = 6;  // "thread"
  for (const GilThreadStats& row : rows) {
    std::string name = row.name.empty() ? "(unnamed)" : row.name;
    if (row.threads != 1) name += " x" + std::to_string(row.threads);
    names.push_back(fit(name, kMaxNameWidth));
    width = std::max(width, names.back().size());
  }

  char head[256];
  std::string out;
  std::snprintf(head, sizeof head, "GIL statistics (switch interval %.6g s, %.3f s since start)\n",
                1e-6 * static_cast<double>(gil().interval_microseconds()), wall);
  out += head;
  std::snprintf(head, sizeof head, "  %-*s %14s %14s %12s\n", static_cast<int>(width), "thread", "acquisitions",
                "forced drops", "waiting (s)");
  out += head;
  uint64_t forced = 0;
  double waited = 0;
  for (size_t i = 0; i < rows.size(); ++i) {
    out += format_row(names[i], rows[i].acquisitions, rows[i].forced_drops, rows[i].wait_seconds, width);
    forced += rows[i].forced_drops;
    waited += rows[i].wait_seconds;
  }
  out += format_row("total", totals.acquisitions, forced, waited, width);
  std::snprintf(head, sizeof head, "  switches %llu, drop requests %llu, forced drops %llu\n",
                static_cast<unsigned long long>(totals.switches), static_cast<unsigned long long>(totals.drop_requests),
                static_cast<unsigned long long>(totals.forced_drops));
  out += head;
  return out;
}

}  // namespace gilvm
