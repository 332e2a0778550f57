// gilvm::Interpreter: booting the VM for a host, running code in __main__,
// host modules, interruption and the time limit.
//
// Contract
// --------
// * One interpreter per process, ever: the VM's global state (types, heap,
//   module table) is made once and cannot be torn down and rebuilt, so a
//   second construction throws RuntimeError.
// * The constructing thread becomes the runtime's main thread; it holds the
//   GIL only inside calls, like every other host thread (handles.cpp).
// * Destruction does what the gilvm command does at exit (wait for
//   threading's non-daemon threads, atexit callbacks, finalizers, flush),
//   then parks daemon threads for good (Gil::begin_shutdown); later API
//   calls throw RuntimeError. Handles may outlive it and be dropped anytime.
// * The time limit is a watchdog thread: each top-level call on the main
//   thread arms it, and when the deadline passes it trips SIGINT for the
//   main thread (interrupt()), so the script sees KeyboardInterrupt.
#include <condition_variable>
#include <csignal>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <thread>

#include "runtime/embed/internal.hpp"
#include "runtime/gil.hpp"
#include "runtime/runtime.hpp"
#include "runtime/signals.hpp"
#include "stdlib/atexit_module.hpp"
#include "stdlib/builtins_module.hpp"
#include "stdlib/stdlib.hpp"
#include "vm/call.hpp"
#include "vm/compiler/compiler.hpp"
#include "vm/eval_breaker.hpp"
#include "vm/heap/heap.hpp"
#include "vm/import.hpp"
#include "vm/interp.hpp"
#include "vm/names.hpp"
#include "vm/objects/dict.hpp"
#include "vm/objects/module.hpp"
#include "vm/objects/sequence.hpp"
#include "vm/objects/str.hpp"
#include "vm/ops.hpp"
#include "vm/thread_state.hpp"
#include "vm/types.hpp"

namespace gilvm::api {

using embed::object_of;
using embed::value_of;
using embed::with_gil;

namespace {

std::atomic<bool> ever_created{false};

// Sends host output through the Config's sinks: sys.stdout and sys.stderr
// become small objects whose write() calls a host native.
const char* kHostStreams = R"(
import sys
class HostStream:
    def __init__(self, write, name):
        self._write = write
        self.name = name
    def write(self, s):
        if not isinstance(s, str):
            raise TypeError(f"write() argument must be str, not {type(s).__name__}")
        self._write(s)
        return len(s)
    def flush(self):
        pass
    def isatty(self):
        return False
    def writable(self):
        return True
)";

}  // namespace

struct Interpreter::Impl {
  Config config;
  Object main_module;
  ThreadState* main_thread = nullptr;

  // The watchdog (time_limit).
  std::mutex watch_mutex;
  std::condition_variable watch_changed;
  double time_limit = 0;  // under watch_mutex
  bool armed = false;
  bool interrupted = false;  // the KeyboardInterrupt of this deadline was sent
  bool stopping = false;
  static constexpr std::chrono::milliseconds kGraceAfterInterrupt{1000};
  std::chrono::steady_clock::time_point deadline;
  std::thread watchdog;
  int arm_depth = 0;  // nested top-level calls on the main thread

  void watch() {
    std::unique_lock<std::mutex> lock(watch_mutex);
    while (!stopping) {
      if (!armed) {
        watch_changed.wait(lock);
        continue;
      }
      if (watch_changed.wait_until(lock, deadline) == std::cv_status::timeout && armed &&
          std::chrono::steady_clock::now() >= deadline) {
        if (!interrupted) {
          // First a KeyboardInterrupt, which `finally` and `with` see; a
          // script that swallows it is terminated after a grace period.
          interrupted = true;
          deadline += kGraceAfterInterrupt;
          trip_signal(SIGINT);
        } else {
          // No second SIGINT: one that arrived after the script had already
          // stopped would stay pending and hit the host's next call. A
          // script blocked in a wait now stops when the wait ends.
          armed = false;
          request_termination(main_thread);
        }
      }
    }
  }

  // Arms the time limit for a top-level call from the main thread.
  class Deadline {
   public:
    explicit Deadline(Impl& impl) : impl_(impl) {
      if (current_thread_state() != impl_.main_thread) return;
      std::lock_guard<std::mutex> lock(impl_.watch_mutex);
      counted_ = true;
      if (impl_.arm_depth++ > 0 || impl_.time_limit <= 0) return;
      active_ = true;
      impl_.armed = true;
      impl_.interrupted = false;
      impl_.deadline = std::chrono::steady_clock::now() +
                       std::chrono::microseconds(static_cast<int64_t>(impl_.time_limit * 1e6));
      impl_.watch_changed.notify_all();
    }
    ~Deadline() {
      if (!counted_) return;
      std::lock_guard<std::mutex> lock(impl_.watch_mutex);
      --impl_.arm_depth;
      if (!active_) return;
      impl_.armed = false;
      end_termination(impl_.main_thread);
      impl_.watch_changed.notify_all();
    }

   private:
    Impl& impl_;
    bool counted_ = false;
    bool active_ = false;
  };
};

Interpreter::Interpreter(Config config) : impl_(std::make_unique<Impl>()) {
  if (ever_created.exchange(true))
    throw Error("RuntimeError",
                "gilvm::Interpreter: only one interpreter per process is supported, and one was already created");
  impl_->config = std::move(config);
  const Config& c = impl_->config;
  if (const char* stress = std::getenv("GILVM_GC_STRESS"); stress != nullptr && stress[0] == '1')
    heap().set_stress(true);
  embed::register_handle_roots();
  ThreadState* ts = embed::host_thread_state();
  impl_->main_thread = ts;
  embed::enter_host_thread(ts);
  bootstrap_vm();
  initialize_runtime(ts, c.install_signal_handlers);  // takes the GIL
  embed::set_interpreter_running(true);
  try {
    if (c.switch_interval > 0) gil().set_interval_microseconds(static_cast<uint64_t>(1e6 * c.switch_interval));
    if (c.recursion_limit > 0) set_recursion_limit(c.recursion_limit);
    StdlibOptions options;
    options.argv = c.argv.empty() ? std::vector<std::string>{""} : c.argv;
    options.path0 = c.module_path.empty() ? "" : c.module_path[0];
    initialize_stdlib(options);
    with_gil([&] {
      Value path = module_search_path();
      if (c.module_path.empty()) {
        // Embedded, as CPython: no implicit current directory on sys.path.
        path.as<List>()->items.clear();
      } else {
        for (size_t i = 1; i < c.module_path.size(); ++i) path.as<List>()->items.push_back(new_str(c.module_path[i]));
      }
      gilvm::Module* main_module = new_module("__main__");
      Value keep = main_module;
      module_table()->table.set(intern("__main__"), main_module);
      main_module->dict()->table.set(names().__builtins__, builtins_dict());
      impl_->main_module = object_of(keep);
    });
    if (c.out || c.err) {
      Object ns = with_gil([&] {
        Dict* d = new_dict();
        Value keep = d;
        d->table.set(names().__builtins__, builtins_dict());
        d->table.set(intern("__name__"), intern("_gilvm_host_streams"));
        Code* code = compile_source(kHostStreams, "<gilvm host streams>", ParseMode::Exec);
        Value keep_code = code;
        run_code(code, d, nullptr);
        (void)keep_code;
        return object_of(keep);
      });
      Object stream_class = ns.item("HostStream");
      Object sys = import_module("sys");
      auto install = [&](const std::function<void(std::string_view)>& sink, const char* name, const char* shown) {
        if (!sink) return;
        auto writer = detail::make_callable(
            "write",
            [sink](std::vector<Object>& args) -> Object {
              sink(args[0].cast<std::string>());
              return Object();
            },
            1);
        Object stream = stream_class(writer, shown);
        sys.set_attr(name, stream);
        sys.set_attr(std::string("__") + name + "__", stream);
      };
      install(c.out, "stdout", "<stdout>");
      install(c.err, "stderr", "<stderr>");
    }
  } catch (...) {
    embed::set_interpreter_running(false);
    gil().drop(embed::leave_host_thread(ts) ? nullptr : ts);
    throw;
  }
  impl_->time_limit = c.time_limit;
  impl_->watchdog = std::thread([this] { impl_->watch(); });
  // From here on no thread holds the GIL between calls.
  gil().drop(embed::leave_host_thread(ts) ? nullptr : ts);
}

Interpreter::~Interpreter() {
  {
    GilAcquire hold;
    try {
      with_gil([&] {
        // As the gilvm command at exit: threading's non-daemon threads,
        // atexit callbacks, then finalizers of what is still alive.
        Value threading = module_table()->table.get_str(intern("threading"));
        if (!threading.is_null()) {
          Value shutdown = get_attr_or_null(threading, intern("_shutdown"));
          if (!shutdown.is_null()) call_object(shutdown, CallArgs{nullptr, 0});
        }
      });
    } catch (const Error&) {
    }
    try {
      with_gil([&] {
        run_atexit_callbacks();
        heap().finalize_all_at_exit();
        flush_std_streams();
      });
    } catch (const Error&) {
    }
    impl_->main_module = Object();
    embed::set_interpreter_running(false);
    gil().begin_shutdown(current_thread_state());
  }
  if (impl_->watchdog.joinable()) {
    {
      std::lock_guard<std::mutex> lock(impl_->watch_mutex);
      impl_->stopping = true;
      impl_->watch_changed.notify_all();
    }
    impl_->watchdog.join();
  }
}

void Interpreter::exec(std::string_view source, const std::string& filename) {
  Impl::Deadline deadline(*impl_);
  with_gil([&] {
    Code* code = compile_source(source, filename, ParseMode::Exec);
    Root keep(code);
    run_code(code, value_of(impl_->main_module).as<gilvm::Module>()->dict(), nullptr);
    flush_std_streams();
  });
}

void Interpreter::exec_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error("FileNotFoundError", "[Errno 2] No such file or directory: '" + path + "'");
  std::ostringstream buffer;
  buffer << in.rdbuf();
  exec(buffer.str(), path);
}

Object Interpreter::eval(std::string_view expression) {
  Impl::Deadline deadline(*impl_);
  return with_gil([&] {
    Code* code = compile_source(expression, "<string>", ParseMode::Eval);
    Root keep(code);
    Value result = run_code(code, value_of(impl_->main_module).as<gilvm::Module>()->dict(), nullptr);
    flush_std_streams();
    return object_of(result);
  });
}

Object Interpreter::import_module(const std::string& name) {
  Impl::Deadline deadline(*impl_);
  return with_gil([&] {
    Value top = gilvm::import_module(intern(name), value_of(impl_->main_module).as<gilvm::Module>()->dict(), Value::none(), 0);
    Value full = module_table()->table.get_str(intern(name));
    return object_of(full.is_null() ? top : full);
  });
}

Object Interpreter::globals() const {
  return with_gil([&] { return object_of(value_of(impl_->main_module).as<gilvm::Module>()->dict()); });
}

Object Interpreter::global(std::string_view name) const { return globals().item(std::string(name)); }

void Interpreter::set_global_object(std::string_view name, const Object& value) {
  globals().set_item(std::string(name), value);
}

Module Interpreter::module(const std::string& name) {
  return Module(with_gil([&] {
    Value existing = module_table()->table.get_str(intern(name));
    if (!existing.is_null()) return object_of(existing);
    gilvm::Module* m = new_module(name);
    Value keep = m;
    module_table()->table.set(intern(name), m);
    return object_of(keep);
  }));
}

void Interpreter::interrupt() { trip_signal(SIGINT); }

void Interpreter::set_time_limit(double seconds) {
  std::lock_guard<std::mutex> lock(impl_->watch_mutex);
  impl_->time_limit = seconds > 0 ? seconds : 0;
}

}  // namespace gilvm::api
