// The `gilvm` command: CPython's command line for the options gilvm has.
//
//   gilvm [options] [FILE | -c CODE | -m MODULE | -] [args]
//
// Exit codes follow CPython: 0, the SystemExit code, 1 for an uncaught
// exception, 2 for a usage error or a file that cannot be opened.
#include <sys/resource.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "repl/runner.hpp"
#include "runtime/gil.hpp"
#include "runtime/gil_report.hpp"
#include "runtime/runtime.hpp"
#include "stdlib/builtins_module.hpp"
#include "stdlib/stdlib.hpp"
#include "vm/heap/heap.hpp"
#include "vm/thread_state.hpp"
#include "vm/types.hpp"

namespace {

const char* kUsage =
    "usage: gilvm [option] ... [-c cmd | -m mod | file | -] [arg] ...\n"
    "Options:\n"
    "  -c cmd   program passed in as string (terminates option list)\n"
    "  -m mod   run library module as a script (terminates option list)\n"
    "  -i       inspect interactively after running script\n"
    "  -u       unbuffered stdout and stderr (also PYTHONUNBUFFERED=x)\n"
    "  --dis    print the compiled bytecode to stderr before running\n"
    "  --switch-interval S\n"
    "           the GIL's switch interval in seconds (as sys.setswitchinterval;\n"
    "           default 0.005)\n"
    "  --gil-stats\n"
    "           print the GIL's counters per thread to stderr at exit\n"
    "  -h       print this help message and exit (also --help)\n"
    "  -V       print the Python version number and exit (also --version)\n"
    "  file     program read from script file\n"
    "  -        program read from stdin (default; interactive mode if a tty)\n";

int usage_error(const std::string& message) {
  std::fprintf(stderr, "%s\n%s", message.c_str(), "usage: gilvm [option] ... [-c cmd | -m mod | file | -] [arg] ...\n"
                                                 "Try `gilvm -h' for more information.\n");
  return 2;
}

// Parses --switch-interval's value as sys.setswitchinterval would take it.
bool parse_switch_interval(const std::string& text, double* seconds, std::string* error) {
  char* end = nullptr;
  errno = 0;
  double value = std::strtod(text.c_str(), &end);
  if (text.empty() || end != text.c_str() + text.size() || errno == ERANGE) {
    *error = "--switch-interval: not a number of seconds: '" + text + "'";
    return false;
  }
  if (!(value > 0.0) || value > 1e9) {
    *error = "--switch-interval: switch interval must be strictly positive (and at most 1e9 s)";
    return false;
  }
  *seconds = value;
  return true;
}

std::string folder_of(const std::string& path) {
  size_t slash = path.rfind('/');
  if (slash == std::string::npos) return "";
  return slash == 0 ? "/" : path.substr(0, slash);
}

}  // namespace

int main(int argc, char** argv) {
  using namespace gilvm;
  enum class Mode { Repl, File, Command, Module, Stdin } mode = Mode::Repl;
  std::string target;
  std::vector<std::string> script_args;
  bool interactive_after = false;
  bool gil_stats = false;
  bool unbuffered = false;
  double switch_interval = 0;  // 0: keep the default
  int i = 1;
  for (; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "-h" || arg == "--help") {
      std::fputs(kUsage, stdout);
      return 0;
    }
    if (arg == "-V" || arg == "--version") {
      std::puts("Python 3.11.7 (gilvm 0.1)");
      return 0;
    }
    if (arg == "-i") {
      interactive_after = true;
      continue;
    }
    if (arg == "--dis") {  // developer aid: print the bytecode before running
      set_disassemble_on_run(true);
      continue;
    }
    if (arg == "--gil-stats") {
      gil_stats = true;
      continue;
    }
    if (arg == "--switch-interval" || arg.rfind("--switch-interval=", 0) == 0) {
      std::string value;
      if (arg == "--switch-interval") {
        if (i + 1 >= argc) return usage_error("Argument expected for the --switch-interval option");
        value = argv[++i];
      } else {
        value = arg.substr(std::strlen("--switch-interval="));
      }
      std::string error;
      if (!parse_switch_interval(value, &switch_interval, &error)) return usage_error(error);
      continue;
    }
    if (arg == "-u") {
      unbuffered = true;
      continue;
    }
    if (arg == "-B" || arg == "-E" || arg == "-s" || arg == "-S") continue;
    if (arg == "-c" || arg == "-m") {
      if (i + 1 >= argc) return usage_error("Argument expected for the " + arg + " option");
      mode = arg == "-c" ? Mode::Command : Mode::Module;
      target = argv[++i];
      ++i;
      break;
    }
    if (arg == "-") {
      mode = Mode::Stdin;
      ++i;
      break;
    }
    if (arg.size() > 1 && arg[0] == '-') return usage_error("Unknown option: " + arg);
    mode = Mode::File;
    target = arg;
    ++i;
    break;
  }
  for (; i < argc; ++i) script_args.push_back(argv[i]);

  if (const char* stress = std::getenv("GILVM_GC_STRESS"); stress != nullptr && stress[0] == '1')
    heap().set_stress(true);
  ThreadState* ts = new ThreadState();
  register_thread_state(ts);
  set_current_thread_state(ts);
  struct rlimit limit;
  size_t stack_size = 8u << 20;
  if (getrlimit(RLIMIT_STACK, &limit) == 0 && limit.rlim_cur != RLIM_INFINITY) stack_size = limit.rlim_cur;
  note_c_stack_base(ts, stack_size);

  StdlibOptions options;
  options.executable = argv[0];
  std::string source;
  std::string filename;
  switch (mode) {
    case Mode::File: {
      std::ifstream in(target, std::ios::binary);
      if (!in) {
        std::fprintf(stderr, "%s: can't open file '%s': [Errno %d] %s\n", argv[0], target.c_str(), errno,
                     std::strerror(errno));
        return 2;
      }
      std::ostringstream buffer;
      buffer << in.rdbuf();
      source = buffer.str();
      // CPython names the main script by its absolute path (os.path.abspath).
      filename = target;
      if (!target.empty() && target[0] != '/') {
        char cwd[4096];
        if (getcwd(cwd, sizeof cwd) != nullptr) filename = std::string(cwd) + "/" + target;
      }
      options.argv.push_back(target);
      options.path0 = folder_of(filename);
      break;
    }
    case Mode::Command:
      source = target;
      filename = "<string>";
      options.argv.push_back("-c");
      break;
    case Mode::Stdin: {
      std::ostringstream buffer;
      buffer << std::cin.rdbuf();
      source = buffer.str();
      filename = "<stdin>";
      options.argv.push_back("-");
      break;
    }
    case Mode::Module:
      // Found along sys.path below, once it exists; CPython puts the
      // current directory first for -m.
      options.argv.push_back(target);
      {
        char cwd[4096];
        options.path0 = getcwd(cwd, sizeof cwd) != nullptr ? cwd : "";
      }
      break;
    case Mode::Repl:
      options.argv.push_back("");
      break;
  }
  for (const std::string& a : script_args) options.argv.push_back(a);
  if (const char* env = std::getenv("PYTHONUNBUFFERED"); env != nullptr && env[0] != '\0') unbuffered = true;
  set_std_streams_unbuffered(unbuffered);
  bootstrap_vm();
  initialize_runtime(ts);
  if (switch_interval > 0) gil().set_interval_microseconds(static_cast<uint64_t>(1e6 * switch_interval));
  initialize_stdlib(options);
  if (mode == Mode::Module) {
    if (!find_module_source(target, &source, &filename)) {
      std::fprintf(stderr, "%s: No module named %s\n", argv[0], target.c_str());
      return 1;
    }
  }
  int status = mode == Mode::Repl ? run_repl() : run_main_source(source, filename);
  if (mode != Mode::Repl && interactive_after) status = run_repl();
  // Shutdown begins: daemon threads never run Python again.
  gil().begin_shutdown(ts);
  if (gil_stats) {
    std::fflush(stdout);
    std::string table = format_gil_report();
    std::fputs(table.c_str(), stderr);
  }
  if (interrupted_by_keyboard() && mode != Mode::Repl && !interactive_after) {
    std::fflush(nullptr);
    std::signal(SIGINT, SIG_DFL);
    std::raise(SIGINT);
  }
  // Threads still running are daemon-like: end the process without running
  // static destructors under their feet.
  if (running_thread_count() > 0) {
    std::fflush(nullptr);
    _exit(status);
  }
  return status;
}
