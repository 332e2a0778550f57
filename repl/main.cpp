// The `gilvm` command: CPython's command line for the options gilvm has.
//
//   gilvm [options] [FILE | -c CODE | -m MODULE | -] [args]
//
// Exit codes follow CPython: 0, the SystemExit code, 1 for an uncaught
// exception, 2 for a usage error or a file that cannot be opened. The
// options are parsed in repl/command_line.cpp.
#include <sys/resource.h>
#include <sys/stat.h>
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

#include "repl/command_line.hpp"
#include "repl/runner.hpp"
#include "repl/sys_details.hpp"
#include "vm/compiler/compiler.hpp"
#include "vm/native_warnings.hpp"
#include "vm/call.hpp"
#include "vm/names.hpp"
#include "vm/objects/dict.hpp"
#include "runtime/gil.hpp"
#include "runtime/gil_report.hpp"
#include "runtime/runtime.hpp"
#include "stdlib/builtins_module.hpp"
#include "stdlib/stdlib.hpp"
#include "stdlib/zipimport/zip_directory.hpp"
#include "vm/heap/heap.hpp"
#include "vm/thread_state.hpp"
#include "vm/types.hpp"

namespace {

std::string folder_of(const std::string& path) {
  size_t slash = path.rfind('/');
  if (slash == std::string::npos) return "";
  return slash == 0 ? "/" : path.substr(0, slash);
}

std::string absolute(const std::string& path) {
  if (path.empty() || path[0] == '/') return path;
  char cwd[4096];
  if (getcwd(cwd, sizeof cwd) == nullptr) return path;
  return std::string(cwd) + "/" + path;
}

bool is_directory(const std::string& path) {
  struct stat st;
  return ::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

bool read_file(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream buffer;
  buffer << in.rdbuf();
  *out = buffer.str();
  return true;
}

// The interactive banner: the version and the GIL's switch interval.
void print_banner() {
  double ms = 1e-3 * static_cast<double>(gilvm::gil().interval_microseconds());
  char interval[64];
  std::snprintf(interval, sizeof interval, "%g ms", ms);
  std::fprintf(stderr,
               "gilvm 0.1 (Python 3.11.7 language subset; GIL switch interval %s) on linux\n"
               "Type \"help\", \"copyright\", \"credits\" or \"license\" for more information.\n",
               interval);
}

// PYTHONSTARTUP: run in __main__ before the first prompt; its errors are
// reported and the session goes on.
void run_startup_file() {
  const char* path = std::getenv("PYTHONSTARTUP");
  if (path == nullptr || path[0] == '\0') return;
  std::string source;
  if (!read_file(path, &source)) {
    std::fprintf(stderr, "Could not open PYTHONSTARTUP\nFileNotFoundError: [Errno 2] No such file or directory: '%s'\n",
                 path);
    return;
  }
  gilvm::run_in_main(source, path);
}

}  // namespace

int main(int argc, char** argv) {
  using namespace gilvm;
  CommandLine line;
  if (int rc = parse_command_line(argc, argv, &line); rc >= 0) return rc;
  using Mode = CommandLine::Mode;
  // python3 runs standard input as a script when it is not a terminal.
  bool implicit_stdin = line.mode == Mode::Repl && !isatty(0) && !line.inspect;
  if (implicit_stdin) line.mode = Mode::Stdin;
  Mode mode = line.mode;
  const std::string& target = line.target;
  if (line.disassemble) set_disassemble_on_run(true);
  set_optimize_level(line.optimize);
  set_bytes_warning_level(line.bytes_warning);

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
      if (is_directory(target)) {
        // A folder with __main__.py runs it, the folder first on sys.path.
        filename = absolute(target) + "/__main__.py";
        if (!read_file(filename, &source)) {
          std::fprintf(stderr, "%s: can't find '__main__' module in '%s'\n", argv[0], absolute(target).c_str());
          return 1;
        }
        options.argv.push_back(target);
        options.path0 = target;
        break;
      }
      std::string archive;
      std::string inner;
      if (split_zip_path_entry(target, &archive, &inner) && inner.empty()) {
        // A zip application: its __main__.py runs with the archive (by
        // its absolute path, as CPython) first on sys.path.
        std::string where = absolute(target);
        ZipRead found = read_zip_member(target, "__main__.py", &source);
        if (found != ZipRead::Found) {
          if (found == ZipRead::Corrupt) std::fprintf(stderr, "%s: %s\n", argv[0], source.c_str());
          else std::fprintf(stderr, "%s: can't find '__main__' module in '%s'\n", argv[0], where.c_str());
          return 1;
        }
        filename = where + "/__main__.py";
        options.argv.push_back(target);
        options.path0 = where;
        break;
      }
      if (!read_file(target, &source)) {
        std::fprintf(stderr, "%s: can't open file '%s': [Errno %d] %s\n", argv[0], absolute(target).c_str(), errno,
                     std::strerror(errno));
        return 2;
      }
      // CPython names the main script by its absolute path (os.path.abspath).
      filename = absolute(target);
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
      options.argv.push_back(implicit_stdin ? "" : "-");
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
  for (const std::string& a : line.script_args) options.argv.push_back(a);
  if (line.skip_first_line) {
    // -x: the first line is not Python; keep the line numbers of the rest.
    size_t newline = source.find('\n');
    source = newline == std::string::npos ? "" : source.substr(newline);
  }
  set_std_streams_unbuffered(line.unbuffered);
  bootstrap_vm();
  initialize_runtime(ts);
  if (line.switch_interval > 0) gil().set_interval_microseconds(static_cast<uint64_t>(1e6 * line.switch_interval));
  initialize_stdlib(options);
  if (line.faulthandler || line.dev_mode) enable_faulthandler_at_startup();
  register_interactive_module();
  bool interactive = mode == Mode::Repl || line.inspect;
  install_sys_details(line, line.inspect);  // sys.flags.interactive: -i only, as CPython
  if (line.optimize > 0) builtins_dict()->table.set(intern("__debug__"), Value::false_value());
  int status = 0;
  if (mode == Mode::Module) {
    std::string error;
    if (!find_main_module(target, &source, &filename, &error)) {
      std::fprintf(stderr, "%s: %s\n", argv[0], error.c_str());
      return 1;
    }
    set_sys_argv0(filename);
  }
  if (mode == Mode::Repl) {
    if (!line.quiet) print_banner();
    if (!line.ignore_environment) run_startup_file();
  } else {
    status = run_main_source(source, filename);
  }
  if (interactive) status = run_repl();
  finish_program();
  // Shutdown begins: daemon threads never run Python again.
  gil().begin_shutdown(ts);
  if (line.gil_stats) {
    std::fflush(stdout);
    std::string table = format_gil_report();
    std::fputs(table.c_str(), stderr);
  }
  if (interrupted_by_keyboard() && !interactive) {
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
