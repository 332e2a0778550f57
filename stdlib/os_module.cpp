// The os module: process and environment facts, the file-system calls
// scripts use, and os.path (the Python module posixpath, stdlib/py/).
// fork, waiting, signals to processes and descriptors: stdlib/os_process.cpp.
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

std::string path_arg(Value v, const char* function) {
  if (isinstance(v, types().str)) return v.as<Str>()->data;
  if (isinstance(v, types().bytes)) return v.as<Bytes>()->data;
  raise_type_error(std::string(function) + ": path should be string, bytes or os.PathLike, not " + type_name(v));
}

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
  if (chdir(path_arg(a[0], "chdir").c_str()) != 0) raise_os_error_from_errno(errno, a[0]);
  return Value::none();
}
Value os_getenv(const CallArgs& a) {
  check_arg_count(a, "getenv", 1, 2);
  const char* v = std::getenv(str_string(a[0]).c_str());
  if (v == nullptr) return a.count == 2 ? a[1] : Value::none();
  return new_str(v);
}
Value os_listdir(const CallArgs& a) {
  check_arg_count(a, "listdir", 0, 1);
  std::string path = a.count == 1 ? path_arg(a[0], "listdir") : ".";
  DIR* dir = opendir(path.c_str());
  if (dir == nullptr) raise_os_error_from_errno(errno, a.count == 1 ? a[0] : Value(new_str(".")));
  ValueVector names;
  while (struct dirent* entry = readdir(dir)) {
    std::string name = entry->d_name;
    if (name != "." && name != "..") names.push_back(new_str(name));
  }
  closedir(dir);
  return new_list(std::move(names));
}
Value os_mkdir(const CallArgs& a) {
  ArgParser p(a, "mkdir", {"path", "mode"}, 1, false);
  int mode = static_cast<int>(index_value(p.get(1, Value::small_int(0777))));
  if (mkdir(path_arg(p.get(0), "mkdir").c_str(), static_cast<mode_t>(mode)) != 0) raise_os_error_from_errno(errno, p.get(0));
  return Value::none();
}
Value os_makedirs(const CallArgs& a) {
  ArgParser p(a, "makedirs", {"name", "mode", "exist_ok"}, 1, false);
  std::string path = path_arg(p.get(0), "makedirs");
  bool exist_ok = is_truthy(p.get(2, Value::false_value()));
  struct stat info;
  if (stat(path.c_str(), &info) == 0) {
    if (exist_ok && S_ISDIR(info.st_mode)) return Value::none();
    raise_os_error_from_errno(EEXIST, p.get(0));
  }
  for (size_t pos = 1; pos <= path.size(); ++pos) {
    if (pos != path.size() && path[pos] != '/') continue;
    std::string prefix = path.substr(0, pos);
    if (stat(prefix.c_str(), &info) == 0) continue;
    if (mkdir(prefix.c_str(), 0777) != 0 && errno != EEXIST) raise_os_error_from_errno(errno, new_str(prefix));
  }
  return Value::none();
}
template <int (*F)(const char*)>
Value path_call(const CallArgs& a) {
  check_arg_count(a, "os function", 1, 1);
  if (F(path_arg(a[0], "os").c_str()) != 0) raise_os_error_from_errno(errno, a[0]);
  return Value::none();
}
int do_unlink(const char* p) { return unlink(p); }
int do_rmdir(const char* p) { return rmdir(p); }
Value os_rename(const CallArgs& a) {
  check_arg_count(a, "rename", 2, 2);
  if (rename(path_arg(a[0], "rename").c_str(), path_arg(a[1], "rename").c_str()) != 0)
    raise_os_error_from_errno(errno, a[0]);
  return Value::none();
}

Type* stat_result_type = nullptr;
Value os_stat(const CallArgs& a) {
  check_arg_count(a, "stat", 1, 1);
  finalize_dropped_files();  // a dropped file's data counts in its size, as in CPython
  struct stat info;
  if (stat(path_arg(a[0], "stat").c_str(), &info) != 0) raise_os_error_from_errno(errno, a[0]);
  ValueVector items = {make_int(info.st_mode),  make_int(static_cast<int64_t>(info.st_ino)),
                              make_int(static_cast<int64_t>(info.st_dev)), make_int(static_cast<int64_t>(info.st_nlink)),
                              make_int(info.st_uid),   make_int(info.st_gid),
                              make_int(info.st_size),  make_int(info.st_atim.tv_sec),
                              make_int(info.st_mtim.tv_sec), make_int(info.st_ctim.tv_sec)};
  Tuple* result = gc_new<Tuple>(stat_result_type, std::move(items));
  result->attrs = new_dict();
  DictTable& d = result->attrs->table;
  const char* names[] = {"st_mode", "st_ino", "st_dev", "st_nlink", "st_uid", "st_gid", "st_size"};
  for (size_t i = 0; i < 7; ++i) d.set(intern(names[i]), result->items[i]);
  d.set(intern("st_atime"), make_float(info.st_atim.tv_sec + info.st_atim.tv_nsec / 1e9));
  d.set(intern("st_mtime"), make_float(info.st_mtim.tv_sec + info.st_mtim.tv_nsec / 1e9));
  d.set(intern("st_ctime"), make_float(info.st_ctim.tv_sec + info.st_ctim.tv_nsec / 1e9));
  return result;
}
Value os_realpath(const CallArgs& a) {
  check_arg_count(a, "_realpath", 1, 1);
  char buf[PATH_MAX];
  std::string path = path_arg(a[0], "realpath");
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

void init_os(Module* m) {
  if (stat_result_type == nullptr) {
    stat_result_type = new_builtin_type("stat_result", types().tuple, nullptr);
    stat_result_type->qualname = "os.stat_result";
    stat_result_type->instances_have_dict = true;
  }
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
  add_function(m, "getenv", os_getenv);
  add_function(m, "listdir", os_listdir);
  add_function(m, "mkdir", os_mkdir);
  add_function(m, "makedirs", os_makedirs);
  add_function(m, "remove", path_call<do_unlink>);
  add_function(m, "unlink", path_call<do_unlink>);
  add_function(m, "rmdir", path_call<do_rmdir>);
  add_function(m, "rename", os_rename);
  add_function(m, "stat", os_stat);
  add_function(m, "_realpath", os_realpath);
  add_function(m, "urandom", os_urandom);
  add_function(m, "system", os_system);
  add_process_functions(m);
  // os.path is posixpath, which imports os: bind it after os is complete.
  Value posixpath = import_module(intern("posixpath"), m->dict(), Value::none(), 0);
  d.set(intern("path"), posixpath);
  module_table()->table.set(new_str("os.path"), posixpath);
}

}  // namespace

void register_os_module() { register_builtin_module("os", init_os); }

}  // namespace gilvm
