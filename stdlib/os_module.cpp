// The posix module, which the Python module os (stdlib/py/os.py) re-exports
// and builds on, as in CPython: process and environment facts.
// File-system calls: stdlib/os_files.cpp; fork, waiting, signals to
// processes and descriptors: stdlib/os_process.cpp.
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstdlib>
#include <fstream>
#include <thread>

#include "stdlib/builtins_module.hpp"
#include "stdlib/os_files.hpp"
#include "stdlib/os_process.hpp"
#include "stdlib/stdlib.hpp"
#include "vm/errors.hpp"
#include "vm/heap/heap.hpp"
#include "vm/import.hpp"
#include "vm/native.hpp"
#include "vm/objects/dict.hpp"
#include "vm/objects/module.hpp"
#include "vm/objects/number.hpp"
#include "vm/objects/sequence.hpp"
#include "vm/objects/str.hpp"
#include "vm/ops.hpp"

extern char** environ;

namespace gilvm {

namespace {

Value os_getpid(const CallArgs&) { return make_int(static_cast<int64_t>(getpid())); }
Value os_getppid(const CallArgs&) { return make_int(static_cast<int64_t>(getppid())); }
Value os_cpu_count(const CallArgs&) {
  long n = sysconf(_SC_NPROCESSORS_ONLN);
  return n > 0 ? make_int(n) : Value::none();
}
Value os_getcwd(const CallArgs& a) {
  check_arg_count(a, "getcwd", 0, 0);
  char buf[PATH_MAX];
  if (getcwd(buf, sizeof buf) == nullptr) raise_os_error_from_errno(errno);
  return new_str(buf);
}
Value os_chdir(const CallArgs& a) {
  check_arg_count(a, "chdir", 1, 1);
  Value converted;
  std::string path = os_path_arg(a[0], "chdir", "path", &converted, true);
  if (chdir(path.c_str()) != 0) raise_os_error_from_errno(errno, converted);
  return Value::none();
}
Value os_realpath(const CallArgs& a) {
  check_arg_count(a, "_realpath", 1, 1);
  char buf[PATH_MAX];
  std::string path = os_path_arg(a[0], "realpath");
  if (realpath(path.c_str(), buf) == nullptr) return a[0];
  return new_str(buf);
}
Value os_urandom(const CallArgs& a) {
  check_arg_count(a, "urandom", 1, 1);
  int64_t n = index_value(a[0]);
  if (n < 0) raise_value_error("negative argument not allowed");
  std::string bytes(static_cast<size_t>(n), '\0');
  std::ifstream in("/dev/urandom", std::ios::binary);
  in.read(bytes.data(), static_cast<std::streamsize>(n));
  return new_bytes(std::move(bytes));
}
Value os_system(const CallArgs& a) {
  check_arg_count(a, "system", 1, 1);
  flush_std_streams();
  int status = std::system(str_string(a[0]).c_str());
  return make_int(status);
}

void init_posix(Module* m) {
  DictTable& d = m->dict()->table;
  d.set(intern("name"), intern("posix"));
  d.set(intern("sep"), intern("/"));
  d.set(intern("altsep"), Value::none());
  d.set(intern("extsep"), intern("."));
  d.set(intern("pathsep"), intern(":"));
  d.set(intern("linesep"), intern("\n"));
  d.set(intern("curdir"), intern("."));
  d.set(intern("pardir"), intern(".."));
  d.set(intern("devnull"), intern("/dev/null"));
  Dict* env = new_dict();
  for (char** e = environ; e != nullptr && *e != nullptr; ++e) {
    std::string entry = *e;
    size_t eq = entry.find('=');
    if (eq != std::string::npos) env->table.set(new_str(entry.substr(0, eq)), new_str(entry.substr(eq + 1)));
  }
  d.set(intern("environ"), env);
  add_function(m, "getpid", os_getpid);
  add_function(m, "getppid", os_getppid);
  add_function(m, "cpu_count", os_cpu_count);
  add_function(m, "getcwd", os_getcwd);
  add_function(m, "chdir", os_chdir);
  add_function(m, "_realpath", os_realpath);
  add_function(m, "urandom", os_urandom);
  add_function(m, "system", os_system);
  add_process_functions(m);
  add_file_functions(m);
}

}  // namespace

void register_os_module() { register_builtin_module("posix", init_posix); }

}  // namespace gilvm
