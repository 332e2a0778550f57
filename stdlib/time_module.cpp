// The time module: clocks (time, perf_counter, monotonic, process_time,
// thread_time and their _ns forms), sleep, and the basic calendar
// conversions (gmtime, localtime, strftime, ctime, asctime, mktime).
#include <span>
#include <cerrno>
#include <cmath>
#include <ctime>
#include <string>
#include <utility>

#include "runtime/gil.hpp"
#include "runtime/runtime.hpp"
#include "runtime/signals.hpp"
#include "stdlib/builtins_module.hpp"
#include "stdlib/stdlib.hpp"
#include "vm/errors.hpp"
#include "vm/heap/heap.hpp"
#include "vm/import.hpp"
#include "vm/native.hpp"
#include "vm/number_ops.hpp"
#include "vm/objects/dict.hpp"
#include "vm/objects/module.hpp"
#include "vm/objects/number.hpp"
#include "vm/objects/sequence.hpp"
#include "vm/objects/str.hpp"
#include "vm/ops.hpp"
#include "vm/thread_state.hpp"

namespace gilvm {

namespace {

int64_t clock_ns(clockid_t clock) {
  struct timespec ts;
  clock_gettime(clock, &ts);
  return static_cast<int64_t>(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

template <clockid_t Clock>
Value seconds(const CallArgs& a) {
  check_arg_count(a, "clock", 0, 0);
  return make_float(static_cast<double>(clock_ns(Clock)) / 1e9);
}
template <clockid_t Clock>
Value nanoseconds(const CallArgs& a) {
  check_arg_count(a, "clock", 0, 0);
  return make_int(clock_ns(Clock));
}

// Sleeps with the GIL released, so other threads run meanwhile. In the
// main thread a signal wakes the sleep: its handler runs and, unless it
// raised (KeyboardInterrupt for Ctrl-C), the sleep goes on for the time
// left (PEP 475), as CPython's.
void blocking_sleep(double secs) {
  if (current_thread_state() == main_thread_state()) {
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    double deadline = static_cast<double>(now.tv_sec) + 1e-9 * static_cast<double>(now.tv_nsec) + secs;
    for (;;) {
      bool interrupted;
      {
        GilRelease release;
        interrupted = sleep_unless_interrupted(secs);
      }
      if (!interrupted) return;
      run_pending_signal_handlers();
      clock_gettime(CLOCK_MONOTONIC, &now);
      secs = deadline - (static_cast<double>(now.tv_sec) + 1e-9 * static_cast<double>(now.tv_nsec));
      if (secs <= 0) return;
    }
  }
  GilRelease release;
  struct timespec request;
  request.tv_sec = static_cast<time_t>(secs);
  request.tv_nsec = static_cast<long>((secs - static_cast<double>(request.tv_sec)) * 1e9);
  while (nanosleep(&request, &request) != 0 && errno == EINTR) {
  }
}

Value time_sleep(const CallArgs& a) {
  no_keywords(a, "sleep");
  check_arg_count(a, "sleep", 1, 1);
  if (!is_number(a[0])) raise_type_error("'" + type_name(a[0]) + "' object cannot be interpreted as an integer");
  // CPython converts to a 64-bit count of nanoseconds first, with these errors.
  constexpr double kMaxSeconds = 9223372036.854775;
  if (is_int_value(a[0])) {
    int64_t whole;
    if (!int_to_int64(a[0], &whole) || whole > 9223372036 || whole < -9223372036)
      raise_overflow_error("timestamp too large to convert to C _PyTime_t");
  }
  double secs = to_double(a[0]);
  if (std::isnan(secs)) raise_value_error("Invalid value NaN (not a number)");
  if (!(secs < kMaxSeconds && secs > -kMaxSeconds)) raise_overflow_error("timestamp out of range for platform time_t");
  if (secs < 0) raise_value_error("sleep length must be non-negative");
  blocking_sleep(secs);
  return Value::none();
}

// struct_time: a 9-tuple (it is a tuple subclass in CPython too) whose
// items are also the fields tm_year ... tm_isdst, with CPython's repr.
Type* struct_time_type = nullptr;

const char* const kStructTimeFields[] = {"tm_year", "tm_mon",  "tm_mday", "tm_hour", "tm_min",
                                         "tm_sec",  "tm_wday", "tm_yday", "tm_isdst"};

template <int Index>
Value struct_time_field(Value self) {
  return self.as<Tuple>()->items[Index];
}

Value struct_time_repr(const CallArgs& a) {
  std::span<const Value> items = a[0].as<Tuple>()->items;
  std::string out = "time.struct_time(";
  for (size_t i = 0; i < 9 && i < items.size(); ++i)
    out += std::string(i ? ", " : "") + kStructTimeFields[i] + "=" + repr_string(items[i]);
  return new_str(out + ")");
}

template <int... Index>
void add_struct_time_fields(std::integer_sequence<int, Index...>) {
  (add_getset(struct_time_type, kStructTimeFields[Index], struct_time_field<Index>), ...);
}

Value make_struct_time(const struct tm& t) {
  ValueVector items = {make_int(t.tm_year + 1900), make_int(t.tm_mon + 1), make_int(t.tm_mday),
                              make_int(t.tm_hour),        make_int(t.tm_min),     make_int(t.tm_sec),
                              make_int((t.tm_wday + 6) % 7), make_int(t.tm_yday + 1), make_int(t.tm_isdst)};
  return gc_new<Tuple>(struct_time_type, std::move(items));
}

struct tm to_tm(Value v) {
  struct tm t {};
  ValueVector items = collect_iterable(v);
  if (items.size() != 9) raise_type_error("time tuple must have exactly 9 elements");
  t.tm_year = static_cast<int>(index_value(items[0]) - 1900);
  t.tm_mon = static_cast<int>(index_value(items[1]) - 1);
  t.tm_mday = static_cast<int>(index_value(items[2]));
  t.tm_hour = static_cast<int>(index_value(items[3]));
  t.tm_min = static_cast<int>(index_value(items[4]));
  t.tm_sec = static_cast<int>(index_value(items[5]));
  t.tm_wday = static_cast<int>((index_value(items[6]) + 1) % 7);
  t.tm_yday = static_cast<int>(index_value(items[7]) - 1);
  t.tm_isdst = static_cast<int>(index_value(items[8]));
  return t;
}

time_t seconds_arg(const CallArgs& a) {
  if (a.count == 0 || a[0].is_none()) return time(nullptr);
  double seconds = std::floor(to_double(a[0]));
  if (std::isnan(seconds)) raise_value_error("Invalid value NaN (not a number)");
  // 2**63 as a double: converting anything outside [-2**63, 2**63) is undefined.
  constexpr double kLimit = 9223372036854775808.0;
  if (seconds < -kLimit || seconds >= kLimit) raise_error(exc().OverflowError, "timestamp out of range for platform time_t");
  return static_cast<time_t>(seconds);
}

// gmtime_r / localtime_r, with CPython's OSError when the year overflows.
struct tm broken_down(time_t seconds, bool local) {
  struct tm t {};
  errno = 0;
  if ((local ? localtime_r(&seconds, &t) : gmtime_r(&seconds, &t)) == nullptr)
    raise_os_error_from_errno(errno != 0 ? errno : EOVERFLOW);
  return t;
}

Value time_gmtime(const CallArgs& a) {
  return make_struct_time(broken_down(seconds_arg(a), false));
}
Value time_localtime(const CallArgs& a) {
  return make_struct_time(broken_down(seconds_arg(a), true));
}
Value time_mktime(const CallArgs& a) {
  check_arg_count(a, "mktime", 1, 1);
  struct tm t = to_tm(a[0]);
  return make_float(static_cast<double>(mktime(&t)));
}
Value time_strftime(const CallArgs& a) {
  check_arg_count(a, "strftime", 1, 2);
  std::string format = str_string(a[0]);
  struct tm t;
  if (a.count == 2) {
    t = to_tm(a[1]);
  } else {
    time_t now = time(nullptr);
    localtime_r(&now, &t);
  }
  char buf[1024];
  size_t n = strftime(buf, sizeof buf, format.c_str(), &t);
  return new_str(std::string(buf, n));
}
Value time_asctime_impl(const struct tm& t) {
  char buf[64];
  strftime(buf, sizeof buf, "%a %b %e %H:%M:%S %Y", &t);
  return new_str(buf);
}
Value time_asctime(const CallArgs& a) {
  if (a.count == 0) {
    time_t now = time(nullptr);
    struct tm t;
    localtime_r(&now, &t);
    return time_asctime_impl(t);
  }
  return time_asctime_impl(to_tm(a[0]));
}
Value time_ctime(const CallArgs& a) {
  return time_asctime_impl(broken_down(seconds_arg(a), true));
}

void init_time(Module* m) {
  if (struct_time_type == nullptr) {
    struct_time_type = new_builtin_type("struct_time", types().tuple, nullptr);
    struct_time_type->qualname = "time.struct_time";
    add_struct_time_fields(std::make_integer_sequence<int, 9>());
    add_method(struct_time_type, "__repr__", struct_time_repr);
  }
  add_function(m, "time", seconds<CLOCK_REALTIME>);
  add_function(m, "time_ns", nanoseconds<CLOCK_REALTIME>);
  add_function(m, "perf_counter", seconds<CLOCK_MONOTONIC>);
  add_function(m, "perf_counter_ns", nanoseconds<CLOCK_MONOTONIC>);
  add_function(m, "monotonic", seconds<CLOCK_MONOTONIC>);
  add_function(m, "monotonic_ns", nanoseconds<CLOCK_MONOTONIC>);
  add_function(m, "process_time", seconds<CLOCK_PROCESS_CPUTIME_ID>);
  add_function(m, "process_time_ns", nanoseconds<CLOCK_PROCESS_CPUTIME_ID>);
  add_function(m, "thread_time", seconds<CLOCK_THREAD_CPUTIME_ID>);
  add_function(m, "thread_time_ns", nanoseconds<CLOCK_THREAD_CPUTIME_ID>);
  add_function(m, "sleep", time_sleep);
  add_function(m, "gmtime", time_gmtime);
  add_function(m, "localtime", time_localtime);
  add_function(m, "mktime", time_mktime);
  add_function(m, "strftime", time_strftime);
  add_function(m, "asctime", time_asctime);
  add_function(m, "ctime", time_ctime);
  m->dict()->table.set(intern("struct_time"), struct_time_type);
}

}  // namespace

void register_time_module() { register_builtin_module("time", init_time); }

}  // namespace gilvm
