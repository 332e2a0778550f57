// libFuzzer target: compile and run arbitrary bytes as a program, in a fresh
// module each time. A SyntaxError or any Python exception is a fine outcome;
// a crash, a sanitizer report or a C++ exception other than PyException is a
// bug.
//
// Limits keep the programs from harming the machine or the fuzzer:
//  * inputs over kMaxInputBytes are refused (libFuzzer's -max_len too), and
//    so are those raising to, shifting by or repeating by a literal of more
//    than four digits (2 ** 100333333333): legitimate, but gigabytes of
//    work that would end the run as out-of-memory;
//  * the recursion limit is small;
//  * a watchdog thread trips the eval breaker once a run exceeds its time
//    budget, and the handler raises KeyboardInterrupt at the next safepoint;
//    should the program swallow it (`while 1: try: ... except: pass`), the
//    watchdog terminates it a little later (request_termination: no handler
//    runs any more);
//  * builtins lose open, input, exit, quit, help and breakpoint, and
//    __import__ admits only a list of side-effect-free modules (no os, sys,
//    threading, time, io: no files, processes, threads or sleeping);
//  * memory is bounded by libFuzzer's -rss_limit_mb / -malloc_limit_mb.
#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <thread>

#include "runtime/runtime.hpp"
#include "stdlib/stdlib.hpp"
#include "vm/call.hpp"
#include "vm/compiler/compiler.hpp"
#include "vm/errors.hpp"
#include "vm/heap/heap.hpp"
#include "vm/eval_breaker.hpp"
#include "vm/interp.hpp"
#include "vm/names.hpp"
#include "vm/native.hpp"
#include "vm/objects/dict.hpp"
#include "vm/objects/module.hpp"
#include "vm/objects/str.hpp"
#include "vm/ops.hpp"
#include "vm/syntax_error.hpp"
#include "vm/thread_state.hpp"
#include "vm/types.hpp"

namespace {

using namespace gilvm;
using Clock = std::chrono::steady_clock;

constexpr size_t kMaxInputBytes = 4096;
constexpr int kRecursionLimit = 120;
constexpr auto kTimeBudget = std::chrono::milliseconds(250);
constexpr auto kGraceAfterInterrupt = std::chrono::milliseconds(250);

// Modules a fuzzed program may import: pure computation, no I/O.
constexpr const char* kImportable[] = {
    "math", "random", "itertools", "functools", "collections", "operator", "heapq", "bisect",
    "copy", "string", "json", "enum", "dataclasses", "typing", "abc", "contextlib", "types",
    "__future__", "keyword", "re",
};
constexpr const char* kRemovedBuiltins[] = {"open", "input", "exit", "quit", "help", "breakpoint"};

// The deadline of the run in progress, in steady-clock ticks (0: none).
std::atomic<int64_t> deadline_ticks{0};
ThreadState* main_thread = nullptr;
Dict* pristine_builtins = nullptr;  // the restricted builtins every run copies
Value real_import;                  // builtins.__import__

void watchdog() {
  for (;;) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
    int64_t deadline = deadline_ticks.load(std::memory_order_relaxed);
    if (deadline == 0) continue;
    int64_t now = Clock::now().time_since_epoch().count();
    if (now > deadline) set_eval_breaker_bit(kAsyncException);
    if (now > deadline + Clock::duration(kGraceAfterInterrupt).count()) request_termination(main_thread);
  }
}

// Replaces the runtime's handler: a fuzzed program has one thread and no
// signal handlers of its own, so the only request left is the time budget.
void on_eval_breaker(ThreadState*, uint32_t bits) {
  if (!(bits & kAsyncException)) return;
  clear_eval_breaker_bit(kAsyncException);
  int64_t deadline = deadline_ticks.load(std::memory_order_relaxed);
  if (deadline != 0 && Clock::now().time_since_epoch().count() > deadline)
    raise_error(exc().KeyboardInterrupt, "fuzz time budget exceeded");
}

Value restricted_import(const CallArgs& a) {
  Value name = a.count > 0 ? a[0] : Value::null();
  bool allowed = false;
  if (!name.is_null() && isinstance(name, types().str)) {
    for (const char* m : kImportable) allowed = allowed || name.as<Str>()->data == m;
  }
  if (!allowed) raise_error(exc().ImportError, "import refused by the fuzz harness");
  return call_object(real_import, a);
}

// True when an operand of **, << or * is an integer literal of five digits
// or more: the program asks for absurd memory, not for a bug.
bool asks_for_absurd_work(std::string_view source) {
  for (size_t i = 0; i < source.size(); ++i) {
    char c = source[i];
    if (c != '*' && c != '<') continue;
    size_t j = i + 1;
    if (j < source.size() && (source[j] == '*' || source[j] == '<')) ++j;
    while (j < source.size() && (source[j] == ' ' || source[j] == '(' || source[j] == '-')) ++j;
    size_t digits = 0;
    while (j + digits < source.size() && source[j + digits] >= '0' && source[j + digits] <= '9') ++digits;
    if (digits > 4) return true;
  }
  return false;
}

Dict* copy_dict(Dict* source) {
  Dict* d = new_dict();
  const DictTable& from = source->table;
  for (size_t i = 0; i < from.entry_capacity(); ++i) {
    const DictEntry& e = from.entry_at(i);
    if (!e.key.is_null()) d->table.set(e.key, e.value);
  }
  return d;
}

Dict* fresh_builtins() { return copy_dict(pristine_builtins); }

void initialize() {
  auto* ts = new ThreadState();
  main_thread = ts;
  register_thread_state(ts);
  set_current_thread_state(ts);
  note_c_stack_base(ts, 8u << 20);
  bootstrap_vm();
  initialize_runtime(ts);
  StdlibOptions options;
  options.argv.push_back("fuzz");
  initialize_stdlib(options);
  set_recursion_limit(kRecursionLimit);
  set_eval_breaker_handler(on_eval_breaker);

  // Both live for the whole process: report them to every collection.
  heap().add_root_source([](Tracer& t) {
    t.visit(pristine_builtins);
    t.visit(real_import);
  });
  real_import = builtins_dict()->table.get_str(intern("__import__"));
  pristine_builtins = copy_dict(builtins_dict());
  for (const char* name : kRemovedBuiltins) pristine_builtins->table.remove(intern(name));
  add_function(pristine_builtins, "__import__", restricted_import);
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  initialize();
  std::thread(watchdog).detach();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size > kMaxInputBytes) return -1;  // not added to the corpus
  std::string source(reinterpret_cast<const char*>(data), size);
  if (asks_for_absurd_work(source)) return -1;
  Module* module = new_module("__fuzz__");
  Root keep_module(module);
  module->dict()->table.set(names().__builtins__, fresh_builtins());
  auto deadline = Clock::now() + kTimeBudget;
  deadline_ticks.store(deadline.time_since_epoch().count(), std::memory_order_relaxed);
  try {
    Code* code = compile_source(source, "<fuzz>", ParseMode::Exec);
    Root keep_code(code);
    run_code(code, module->dict(), nullptr);
  } catch (const PyException&) {
    take_current_exception();
  } catch (const SyntaxErrorInfo&) {
  }
  deadline_ticks.store(0, std::memory_order_relaxed);
  clear_eval_breaker_bit(kAsyncException);
  end_termination(main_thread);
  return 0;
}
