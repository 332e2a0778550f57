// The gil module: the GIL's counters as Python data, for scripts that
// measure the lock themselves (the same numbers --gil-stats prints).
//
//   gil.stats()         {'acquisitions', 'switches', 'drop_requests', 'forced_drops'}
//   gil.thread_stats()  [{'name', 'acquisitions', 'forced_drops', 'wait_seconds',
//                         'finished', 'threads'}, ...] in thread start order
//   gil.report()        the --gil-stats table as a str
//
// Counters only grow; to measure a stretch of code, take stats() before and
// after and subtract.
#include "runtime/gil.hpp"
#include "runtime/gil_report.hpp"
#include "stdlib/stdlib.hpp"
#include "vm/import.hpp"
#include "vm/native.hpp"
#include "vm/number_ops.hpp"
#include "vm/objects/dict.hpp"
#include "vm/objects/module.hpp"
#include "vm/objects/number.hpp"
#include "vm/objects/sequence.hpp"
#include "vm/objects/str.hpp"

namespace gilvm {

namespace {

Value count(uint64_t n) { return make_int(static_cast<int64_t>(n)); }

Value gil_stats(const CallArgs& a) {
  check_arg_count(a, "stats", 0, 0);
  GilStats s = gil().stats();
  Dict* d = new_dict();
  d->table.set(intern("acquisitions"), count(s.acquisitions));
  d->table.set(intern("switches"), count(s.switches));
  d->table.set(intern("drop_requests"), count(s.drop_requests));
  d->table.set(intern("forced_drops"), count(s.forced_drops));
  return d;
}

Value gil_thread_stats(const CallArgs& a) {
  check_arg_count(a, "thread_stats", 0, 0);
  ValueVector rows;
  for (const GilThreadStats& row : gil().all_thread_stats()) {
    Dict* d = new_dict();
    d->table.set(intern("name"), new_str(row.name));
    d->table.set(intern("acquisitions"), count(row.acquisitions));
    d->table.set(intern("forced_drops"), count(row.forced_drops));
    d->table.set(intern("wait_seconds"), make_float(row.wait_seconds));
    d->table.set(intern("finished"), Value::boolean(row.finished));
    d->table.set(intern("threads"), count(row.threads));
    rows.push_back(d);
  }
  return new_list(std::move(rows));
}

Value gil_report(const CallArgs& a) {
  check_arg_count(a, "report", 0, 0);
  return new_str(format_gil_report());
}

void init_gil(Module* m) {
  add_function(m, "stats", gil_stats);
  add_function(m, "thread_stats", gil_thread_stats);
  add_function(m, "report", gil_report);
}

}  // namespace

void register_gil_module() { register_builtin_module("gil", init_gil); }

}  // namespace gilvm
