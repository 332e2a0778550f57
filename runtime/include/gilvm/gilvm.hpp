// gilvm's embedding API: the one header a C++ host includes.
//
//   #include <gilvm/gilvm.hpp>
//   gilvm::Interpreter interp;                       // boots the VM
//   interp.module("host").def("twice", [](int x) { return 2 * x; });
//   interp.exec("import host\nresult = host.twice(21)");
//   int r = interp.global<int>("result");            // 42
//
// docs/embedding.md describes the GIL contract, the conversions and how the
// names map to pybind11's. Link with `gilvm::gilvm` (find_package(gilvm) or
// add_subdirectory).
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "gilvm/cast.hpp"
#include "gilvm/function.hpp"
#include "gilvm/object.hpp"

namespace gilvm::api {

struct Config {
  // Where sys.stdout and sys.stderr write; null: the process's own
  // descriptors 1 and 2 (as the gilvm command does).
  std::function<void(std::string_view)> out;
  std::function<void(std::string_view)> err;
  // Folders added to the front of sys.path, in order.
  std::vector<std::string> module_path;
  // sys.argv (CPython's embedded default: [""]).
  std::vector<std::string> argv;
  int recursion_limit = 1000;
  double switch_interval = 0.005;  // seconds, as sys.setswitchinterval
  // Install the SIGINT handler (KeyboardInterrupt on Ctrl-C) and ignore
  // SIGPIPE/SIGXFSZ, as the gilvm command does. Off: the host's signal
  // dispositions are left alone; interrupt() still works.
  bool install_signal_handlers = false;
  // A call of exec/exec_file/eval/import_module made on the main thread
  // (the one that created the interpreter) that runs longer than this many
  // seconds is interrupted with KeyboardInterrupt (0: no limit). A script
  // that catches it and carries on is terminated one second later: from
  // then on no `except`, `finally` or `with` exit of that thread runs, and
  // the call throws gilvm::Error (KeyboardInterrupt). Locks the script
  // held through `with` stay held.
  double time_limit = 0;
};

// The interpreter. One per process: constructing a second one, also after
// the first was destroyed, throws gilvm::Error (RuntimeError).
//
// The constructing thread becomes the interpreter's main thread (the one
// signal handlers and interrupt() reach). No thread holds the GIL between
// calls: each call takes it for its duration, so threads started by
// scripts run whenever the host is not inside the interpreter.
class Interpreter {
 public:
  explicit Interpreter(Config config = {});
  ~Interpreter();
  Interpreter(const Interpreter&) = delete;
  Interpreter& operator=(const Interpreter&) = delete;

  // Runs statements in the __main__ module's namespace.
  void exec(std::string_view source, const std::string& filename = "<string>");
  void exec_file(const std::string& path);
  // Evaluates one expression in __main__'s namespace.
  Object eval(std::string_view expression);
  // `import name` (dotted names give the submodule, not the package).
  // Named import_module because `import` is a C++20 contextual keyword.
  Object import_module(const std::string& name);

  // __main__'s dict, and its entries.
  Object globals() const;
  Object global(std::string_view name) const;  // KeyError (as gilvm::Error) if absent
  template <class T>
  T global(std::string_view name) const {
    return global(name).cast<T>();
  }
  template <class T>
  void set_global(std::string_view name, T&& value) {
    set_global_object(name, api::cast(std::forward<T>(value)));
  }
  void set_global_object(std::string_view name, const Object& value);

  // A module scripts can import by `name`, created on first use; add
  // natives with .def() and classes with class_<T>(m, "T").
  Module module(const std::string& name);

  // Raises KeyboardInterrupt in the interpreter's main thread at its next
  // safepoint (or wakes it from time.sleep), as SIGINT would. Safe from any
  // thread, with or without the GIL.
  void interrupt();
  // Changes Config::time_limit (0: none) for later calls.
  void set_time_limit(double seconds);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace gilvm::api

// The API lives in gilvm::api so that the library's own sources, which also
// see the VM's internal gilvm::Object, can include this header; hosts use
// the plain gilvm:: names. (A host specializes gilvm::api::caster<T>.)
#ifndef GILVM_IMPLEMENTATION
namespace gilvm {
using namespace api;
}  // namespace gilvm
#endif
