// File-system calls of the posix module; see os_files.hpp. Every call that
// can wait on a slow disk or a FIFO runs with the GIL released, on plain C++
// strings taken from the arguments beforehand, and errno survives taking the
// GIL back (ReleaseKeepingErrno).
#include "stdlib/os_files.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <sys/types.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <string>
#include <vector>

#include "runtime/gil.hpp"
#include "stdlib/builtins/common.hpp"
#include "stdlib/builtins_module.hpp"
#include "vm/errors.hpp"
#include "vm/heap/heap.hpp"
#include "vm/native.hpp"
#include "vm/objects/dict.hpp"
#include "vm/objects/module.hpp"
#include "vm/objects/number.hpp"
#include "vm/objects/sequence.hpp"
#include "vm/objects/str.hpp"
#include "vm/opcodes.hpp"
#include "vm/ops.hpp"
#include "vm/thread_state.hpp"

namespace gilvm {

using builtins_impl::is_str;
using builtins_impl::lookup_special;

namespace {

// A GilRelease that leaves errno as the blocking call set it: taking the
// GIL back may itself change errno, and the callers read it afterwards.
class ReleaseKeepingErrno {
 public:
  ReleaseKeepingErrno() { release_.emplace(); }
  ~ReleaseKeepingErrno() {
    int saved = errno;
    release_.reset();
    errno = saved;
  }
  ReleaseKeepingErrno(const ReleaseKeepingErrno&) = delete;
  ReleaseKeepingErrno& operator=(const ReleaseKeepingErrno&) = delete;

 private:
  std::optional<GilRelease> release_;
};

bool is_bytes(Value v) { return isinstance(v, types().bytes); }

// os.fspath: str and bytes pass through, anything else must have __fspath__.
Value fspath_value(Value v) {
  if (is_str(v) || is_bytes(v)) return v;
  Value method = lookup_special(v, "__fspath__");
  if (method.is_null()) raise_type_error("expected str, bytes or os.PathLike object, not " + type_name(v));
  Value result = call(method, {v});
  if (!is_str(result) && !is_bytes(result))
    raise_type_error("expected " + type_name(v) + ".__fspath__() to return str or bytes, not " + type_name(result));
  return result;
}

std::string checked_c_path(const std::string& text, const char* function, const char* param) {
  if (text.find('\0') != std::string::npos)
    raise_value_error(std::string(function) + ": embedded null character in " + param);
  return text;
}

// OSError for a call on two paths: "[Errno 2] No such file or directory: 'a' -> 'b'".
[[noreturn]] void raise_os_error_two(int err, Value first, Value second) {
  try {
    raise_os_error_from_errno(err, first);
  } catch (PyException&) {
    set_attr(current_thread_state()->current_exception, intern("filename2"), second);
    throw;
  }
}

bool is_descriptor(Value v) { return is_int_value(v) && !v.is_bool(); }

int descriptor(Value v) { return static_cast<int>(index_value(v)); }

bool keyword_bool(const ArgParser& p, size_t i, bool fallback) {
  return p.given(i) ? is_truthy(p.get(i)) : fallback;
}

// ---------------------------------------------------------------- stat

Type* stat_result_type = nullptr;

const char* const kStatFields[] = {"st_mode", "st_ino",   "st_dev",  "st_nlink", "st_uid",
                                   "st_gid",  "st_size",  "st_atime", "st_mtime", "st_ctime"};

Value nanoseconds(const struct timespec& t) {
  return binary_op(binary_op(make_int(t.tv_sec), make_int(1000000000), kMul),
                   make_int(t.tv_nsec), kAdd);
}

// A stat_result holds CPython's ten indexable fields (whole seconds for the
// times) and, as attributes, float times, nanosecond times and the rest.
Value make_stat_result(const struct stat& info) {
  ValueVector items = {make_int(info.st_mode),
                       make_int(static_cast<int64_t>(info.st_ino)),
                       make_int(static_cast<int64_t>(info.st_dev)),
                       make_int(static_cast<int64_t>(info.st_nlink)),
                       make_int(info.st_uid),
                       make_int(info.st_gid),
                       make_int(info.st_size),
                       make_int(info.st_atim.tv_sec),
                       make_int(info.st_mtim.tv_sec),
                       make_int(info.st_ctim.tv_sec)};
  Tuple* result = gc_new<Tuple>(stat_result_type, std::move(items));
  result->attrs = new_dict();
  DictTable& d = result->attrs->table;
  for (size_t i = 0; i < 7; ++i) d.set(intern(kStatFields[i]), result->items[i]);
  d.set(intern("st_atime"), make_float(info.st_atim.tv_sec + info.st_atim.tv_nsec * 1e-9));
  d.set(intern("st_mtime"), make_float(info.st_mtim.tv_sec + info.st_mtim.tv_nsec * 1e-9));
  d.set(intern("st_ctime"), make_float(info.st_ctim.tv_sec + info.st_ctim.tv_nsec * 1e-9));
  d.set(intern("st_atime_ns"), nanoseconds(info.st_atim));
  d.set(intern("st_mtime_ns"), nanoseconds(info.st_mtim));
  d.set(intern("st_ctime_ns"), nanoseconds(info.st_ctim));
  d.set(intern("st_blksize"), make_int(static_cast<int64_t>(info.st_blksize)));
  d.set(intern("st_blocks"), make_int(static_cast<int64_t>(info.st_blocks)));
  d.set(intern("st_rdev"), make_int(static_cast<int64_t>(info.st_rdev)));
  return result;
}

Value stat_result_repr(const CallArgs& a) {
  if (a.count != 1 || !isinstance(a[0], stat_result_type)) raise_type_error("descriptor '__repr__' requires a 'os.stat_result' object");
  const auto& items = a[0].as<Tuple>()->items;
  std::string out = "os.stat_result(";
  for (size_t i = 0; i < 10 && i < items.size(); ++i)
    out += std::string(i ? ", " : "") + kStatFields[i] + "=" + repr_string(items[i]);
  return new_str(out + ")");
}

Value do_stat(Value path_value, const char* function, bool follow) {
  finalize_dropped_files();  // a dropped file's data counts in its size, as in CPython
  struct stat info;
  int rc;
  if (is_descriptor(path_value)) {
    int fd = descriptor(path_value);
    ReleaseKeepingErrno release;
    rc = fstat(fd, &info);
  } else {
    Value converted;
    std::string path = os_path_arg(path_value, function, "path", &converted, true);
    {
      ReleaseKeepingErrno release;
      rc = follow ? stat(path.c_str(), &info) : lstat(path.c_str(), &info);
    }
    if (rc != 0) raise_os_error_from_errno(errno, converted);
  }
  if (rc != 0) raise_os_error_from_errno(errno);
  return make_stat_result(info);
}

Value os_stat(const CallArgs& a) {
  ArgParser p(a, "stat", {"path", "dir_fd", "follow_symlinks"}, 1, false, 1);
  return do_stat(p.get(0), "stat", keyword_bool(p, 2, true));
}
Value os_lstat(const CallArgs& a) {
  ArgParser p(a, "lstat", {"path", "dir_fd"}, 1, false, 1);
  if (is_descriptor(p.get(0)))
    raise_type_error("lstat: path should be string, bytes or os.PathLike, not " + type_name(p.get(0)));
  return do_stat(p.get(0), "lstat", false);
}
Value os_fstat(const CallArgs& a) {
  ArgParser p(a, "fstat", {"fd"}, 1, false);
  if (!is_int_value(p.get(0))) raise_type_error("'" + type_name(p.get(0)) + "' object cannot be interpreted as an integer");
  return do_stat(p.get(0), "fstat", true);
}

// ---------------------------------------------------------------- directories

struct RawEntry {
  std::string name;
  unsigned char type;
  uint64_t inode;
};

// The entries of a directory as (name, d_type, d_ino) tuples; names are
// bytes when the path is. os.scandir builds DirEntry objects from them.
List* list_directory(Value path_value, const char* function) {
  Value converted = new_str(".");
  std::string path = path_value.is_null() || path_value.is_none()
                         ? std::string(".")
                         : os_path_arg(path_value, function, "path", &converted);
  bool as_bytes = is_bytes(converted);
  std::vector<RawEntry> raw;
  int err = 0;
  {
    ReleaseKeepingErrno release;
    if (DIR* dir = opendir(path.c_str())) {
      while (struct dirent* entry = readdir(dir)) {
        if (std::strcmp(entry->d_name, ".") == 0 || std::strcmp(entry->d_name, "..") == 0) continue;
        raw.push_back({entry->d_name, entry->d_type, static_cast<uint64_t>(entry->d_ino)});
      }
      closedir(dir);
    } else {
      err = errno;
    }
  }
  if (err != 0) raise_os_error_from_errno(err, converted);
  ValueVector out;
  for (const RawEntry& e : raw) {
    Value name = as_bytes ? Value(new_bytes(e.name)) : Value(new_str(e.name));
    out.push_back(new_tuple({name, make_int(e.type), make_int(static_cast<int64_t>(e.inode))}));
  }
  return new_list(std::move(out));
}

Value os_scandir_entries(const CallArgs& a) {
  ArgParser p(a, "scandir", {"path"}, 0, false);
  return list_directory(p.get(0), "scandir");
}

Value os_listdir(const CallArgs& a) {
  ArgParser p(a, "listdir", {"path"}, 0, false);
  List* entries = list_directory(p.get(0), "listdir");
  ValueVector names;
  for (Value entry : entries->items) names.push_back(entry.as<Tuple>()->items[0]);
  return new_list(std::move(names));
}

Value os_mkdir(const CallArgs& a) {
  ArgParser p(a, "mkdir", {"path", "mode", "dir_fd"}, 1, false, 2);
  Value converted;
  std::string path = os_path_arg(p.get(0), "mkdir", "path", &converted);
  auto mode = static_cast<mode_t>(index_value(p.get(1, Value::small_int(0777))));
  int rc;
  {
    ReleaseKeepingErrno release;
    rc = mkdir(path.c_str(), mode);
  }
  if (rc != 0) raise_os_error_from_errno(errno, converted);
  return Value::none();
}

template <int (*Call)(const char*)>
Value one_path_call(const CallArgs& a, const char* function) {
  ArgParser p(a, function, {"path", "dir_fd"}, 1, false, 1);
  Value converted;
  std::string path = os_path_arg(p.get(0), function, "path", &converted);
  int rc;
  {
    ReleaseKeepingErrno release;
    rc = Call(path.c_str());
  }
  if (rc != 0) raise_os_error_from_errno(errno, converted);
  return Value::none();
}
int call_unlink(const char* p) { return unlink(p); }
int call_rmdir(const char* p) { return rmdir(p); }
Value os_remove(const CallArgs& a) { return one_path_call<call_unlink>(a, "remove"); }
Value os_unlink(const CallArgs& a) { return one_path_call<call_unlink>(a, "unlink"); }
Value os_rmdir(const CallArgs& a) { return one_path_call<call_rmdir>(a, "rmdir"); }

// rename, replace, link and symlink: two paths, an error naming both.
template <int (*Call)(const char*, const char*)>
Value two_path_call(const CallArgs& a, const char* function, std::initializer_list<const char*> names) {
  ArgParser p(a, function, names, 2, false, 2);
  Value src, dst;
  std::string from = os_path_arg(p.get(0), function, "src", &src);
  std::string to = os_path_arg(p.get(1), function, "dst", &dst);
  int rc;
  {
    ReleaseKeepingErrno release;
    rc = Call(from.c_str(), to.c_str());
  }
  if (rc != 0) raise_os_error_two(errno, src, dst);
  return Value::none();
}
int call_rename(const char* a, const char* b) { return rename(a, b); }
int call_link(const char* a, const char* b) { return link(a, b); }
int call_symlink(const char* a, const char* b) { return symlink(a, b); }
Value os_rename(const CallArgs& a) {
  return two_path_call<call_rename>(a, "rename", {"src", "dst", "src_dir_fd", "dst_dir_fd"});
}
Value os_replace(const CallArgs& a) {
  return two_path_call<call_rename>(a, "replace", {"src", "dst", "src_dir_fd", "dst_dir_fd"});
}
Value os_link(const CallArgs& a) {
  return two_path_call<call_link>(a, "link", {"src", "dst", "src_dir_fd", "dst_dir_fd", "follow_symlinks"});
}
Value os_symlink(const CallArgs& a) {
  // target_is_directory matters only on Windows; it is the third positional.
  ArgParser p(a, "symlink", {"src", "dst", "target_is_directory", "dir_fd"}, 2, false, 3);
  CallArgs two = a;
  two.count = 2;
  two.kwnames = nullptr;
  return two_path_call<call_symlink>(two, "symlink", {"src", "dst"});
}

Value os_readlink(const CallArgs& a) {
  ArgParser p(a, "readlink", {"path", "dir_fd"}, 1, false, 1);
  Value converted;
  std::string path = os_path_arg(p.get(0), "readlink", "path", &converted);
  std::string target(PATH_MAX, '\0');
  ssize_t n;
  {
    ReleaseKeepingErrno release;
    n = readlink(path.c_str(), target.data(), target.size());
  }
  if (n < 0) raise_os_error_from_errno(errno, converted);
  target.resize(static_cast<size_t>(n));
  if (is_bytes(converted)) return new_bytes(std::move(target));
  return new_str(std::move(target));
}

// ---------------------------------------------------------------- permissions and times

Value os_chmod(const CallArgs& a) {
  ArgParser p(a, "chmod", {"path", "mode", "dir_fd", "follow_symlinks"}, 2, false, 2);
  auto mode = static_cast<mode_t>(index_value(p.get(1)));
  int rc;
  Value converted;
  if (is_descriptor(p.get(0))) {
    int fd = descriptor(p.get(0));
    ReleaseKeepingErrno release;
    rc = fchmod(fd, mode);
  } else {
    std::string path = os_path_arg(p.get(0), "chmod", "path", &converted, true);
    ReleaseKeepingErrno release;
    rc = chmod(path.c_str(), mode);
  }
  if (rc != 0) raise_os_error_from_errno(errno, converted);
  return Value::none();
}

Value os_access(const CallArgs& a) {
  ArgParser p(a, "access", {"path", "mode", "dir_fd", "effective_ids", "follow_symlinks"}, 2, false, 2);
  std::string path = os_path_arg(p.get(0), "access", "path");
  int mode = static_cast<int>(index_value(p.get(1)));
  int flags = keyword_bool(p, 3, false) ? AT_EACCESS : 0;
  if (!keyword_bool(p, 4, true)) flags |= AT_SYMLINK_NOFOLLOW;
  int rc;
  {
    ReleaseKeepingErrno release;
    rc = faccessat(AT_FDCWD, path.c_str(), mode, flags);
  }
  return Value::boolean(rc == 0);
}

struct timespec timespec_from_seconds(Value v) {
  struct timespec t {};
  if (is_int_value(v)) {
    t.tv_sec = static_cast<time_t>(index_value(v));
    return t;
  }
  double seconds = to_double(v);
  double whole = std::floor(seconds);
  t.tv_sec = static_cast<time_t>(whole);
  t.tv_nsec = static_cast<long>(std::llround((seconds - whole) * 1e9));
  if (t.tv_nsec >= 1000000000) {
    t.tv_sec += 1;
    t.tv_nsec -= 1000000000;
  }
  return t;
}

Value os_utime(const CallArgs& a) {
  ArgParser p(a, "utime", {"path", "times", "ns", "dir_fd", "follow_symlinks"}, 1, false, 2);
  Value times = p.get(1, Value::none());
  Value ns = p.get(2);
  if (!times.is_none() && !ns.is_null()) raise_value_error("utime: you may specify either 'times' or 'ns' but not both");
  struct timespec spec[2];
  struct timespec* use = nullptr;
  if (!times.is_none()) {
    if (!isinstance(times, types().tuple) || times.as<Tuple>()->items.size() != 2)
      raise_type_error("utime: 'times' must be either a tuple of two ints or None");
    spec[0] = timespec_from_seconds(times.as<Tuple>()->items[0]);
    spec[1] = timespec_from_seconds(times.as<Tuple>()->items[1]);
    use = spec;
  } else if (!ns.is_null()) {
    if (!isinstance(ns, types().tuple) || ns.as<Tuple>()->items.size() != 2)
      raise_type_error("utime: 'ns' must be a tuple of two ints");
    for (int i = 0; i < 2; ++i) {
      Value total = ns.as<Tuple>()->items[i];
      Value billion = make_int(1000000000);
      spec[i].tv_sec = static_cast<time_t>(index_value(binary_op(total, billion, kFloorDiv)));
      spec[i].tv_nsec = static_cast<long>(index_value(binary_op(total, billion, kMod)));
    }
    use = spec;
  }
  int flags = keyword_bool(p, 4, true) ? 0 : AT_SYMLINK_NOFOLLOW;
  int rc;
  Value converted;
  if (is_descriptor(p.get(0))) {
    int fd = descriptor(p.get(0));
    ReleaseKeepingErrno release;
    rc = futimens(fd, use);
  } else {
    std::string path = os_path_arg(p.get(0), "utime", "path", &converted, true);
    ReleaseKeepingErrno release;
    rc = utimensat(AT_FDCWD, path.c_str(), use, flags);
  }
  if (rc != 0) raise_os_error_from_errno(errno, converted);
  return Value::none();
}

Value os_umask(const CallArgs& a) {
  ArgParser p(a, "umask", {"mask"}, 1, false);
  return make_int(static_cast<int64_t>(umask(static_cast<mode_t>(index_value(p.get(0))))));
}

// ---------------------------------------------------------------- descriptors by path

Value os_open(const CallArgs& a) {
  ArgParser p(a, "open", {"path", "flags", "mode", "dir_fd"}, 2, false, 3);
  Value converted;
  std::string path = os_path_arg(p.get(0), "open", "path", &converted);
  // Descriptors are non-inheritable, as PEP 446 made them in CPython.
  int flags = static_cast<int>(index_value(p.get(1))) | O_CLOEXEC;
  auto mode = static_cast<mode_t>(index_value(p.get(2, Value::small_int(0777))));
  int fd;
  do {
    ReleaseKeepingErrno release;
    fd = open(path.c_str(), flags, mode);
  } while (fd < 0 && errno == EINTR);
  if (fd < 0) raise_os_error_from_errno(errno, converted);
  return make_int(fd);
}

Value os_lseek(const CallArgs& a) {
  ArgParser p(a, "lseek", {"fd", "position", "whence"}, 3, false);
  int fd = descriptor(p.get(0));
  auto position = static_cast<off_t>(index_value(p.get(1)));
  int whence = static_cast<int>(index_value(p.get(2)));
  off_t at = lseek(fd, position, whence);
  if (at < 0) raise_os_error_from_errno(errno);
  return make_int(static_cast<int64_t>(at));
}

Value os_fsync(const CallArgs& a) {
  ArgParser p(a, "fsync", {"fd"}, 1, false);
  Value fd_value = p.get(0);
  if (!is_int_value(fd_value)) fd_value = call_method(fd_value, "fileno", {});
  int fd = descriptor(fd_value);
  int rc;
  {
    ReleaseKeepingErrno release;
    rc = fsync(fd);
  }
  if (rc != 0) raise_os_error_from_errno(errno);
  return Value::none();
}

Value os_ftruncate(const CallArgs& a) {
  ArgParser p(a, "ftruncate", {"fd", "length"}, 2, false);
  int fd = descriptor(p.get(0));
  auto length = static_cast<off_t>(index_value(p.get(1)));
  if (ftruncate(fd, length) != 0) raise_os_error_from_errno(errno);
  return Value::none();
}

Value os_truncate(const CallArgs& a) {
  ArgParser p(a, "truncate", {"path", "length"}, 2, false);
  if (is_descriptor(p.get(0))) return os_ftruncate(a);
  Value converted;
  std::string path = os_path_arg(p.get(0), "truncate", "path", &converted, true);
  auto length = static_cast<off_t>(index_value(p.get(1)));
  if (truncate(path.c_str(), length) != 0) raise_os_error_from_errno(errno, converted);
  return Value::none();
}

Value os_isatty(const CallArgs& a) {
  ArgParser p(a, "isatty", {"fd"}, 1, false);
  return Value::boolean(isatty(descriptor(p.get(0))) == 1);
}

// _statvfs(path) -> the ten numbers of os.statvfs_result, in its order.
Value os_statvfs_numbers(const CallArgs& a) {
  ArgParser p(a, "statvfs", {"path"}, 1, false);
  struct statvfs info;
  int rc;
  Value converted;
  if (is_descriptor(p.get(0))) {
    int fd = descriptor(p.get(0));
    ReleaseKeepingErrno release;
    rc = fstatvfs(fd, &info);
  } else {
    std::string path = os_path_arg(p.get(0), "statvfs", "path", &converted, true);
    ReleaseKeepingErrno release;
    rc = statvfs(path.c_str(), &info);
  }
  if (rc != 0) raise_os_error_from_errno(errno, converted);
  return new_tuple({make_int(static_cast<int64_t>(info.f_bsize)), make_int(static_cast<int64_t>(info.f_frsize)),
                    make_int(static_cast<int64_t>(info.f_blocks)), make_int(static_cast<int64_t>(info.f_bfree)),
                    make_int(static_cast<int64_t>(info.f_bavail)), make_int(static_cast<int64_t>(info.f_files)),
                    make_int(static_cast<int64_t>(info.f_ffree)), make_int(static_cast<int64_t>(info.f_favail)),
                    make_int(static_cast<int64_t>(info.f_flag)), make_int(static_cast<int64_t>(info.f_namemax))});
}

// _terminal_size(fd) -> (columns, lines), or OSError when fd is no terminal.
Value os_terminal_size_numbers(const CallArgs& a) {
  ArgParser p(a, "get_terminal_size", {"fd"}, 0, false);
  int fd = p.given(0) ? descriptor(p.get(0)) : 1;
  struct winsize size {};
  if (ioctl(fd, TIOCGWINSZ, &size) != 0) raise_os_error_from_errno(errno);
  return new_tuple({make_int(size.ws_col), make_int(size.ws_row)});
}

// ---------------------------------------------------------------- identity and environment

Value os_getuid(const CallArgs&) { return make_int(static_cast<int64_t>(getuid())); }
Value os_geteuid(const CallArgs&) { return make_int(static_cast<int64_t>(geteuid())); }
Value os_getgid(const CallArgs&) { return make_int(static_cast<int64_t>(getgid())); }
Value os_getegid(const CallArgs&) { return make_int(static_cast<int64_t>(getegid())); }

std::string environment_text(Value v, const char* function) {
  if (is_str(v)) return v.as<Str>()->data;
  if (is_bytes(v)) return v.as<Bytes>()->data;
  raise_type_error(std::string(function) + ": expected str, bytes or os.PathLike object, not " + type_name(v));
}

Value os_putenv(const CallArgs& a) {
  check_arg_count(a, "putenv", 2, 2);
  std::string key = environment_text(a[0], "putenv");
  std::string value = environment_text(a[1], "putenv");
  if (key.find('\0') != std::string::npos || value.find('\0') != std::string::npos)
    raise_value_error("embedded null byte");
  if (key.empty() || key.find('=') != std::string::npos) raise_value_error("illegal environment variable name");
  if (setenv(key.c_str(), value.c_str(), 1) != 0) raise_os_error_from_errno(errno);
  return Value::none();
}

Value os_unsetenv(const CallArgs& a) {
  check_arg_count(a, "unsetenv", 1, 1);
  std::string key = environment_text(a[0], "unsetenv");
  if (key.find('\0') != std::string::npos) raise_value_error("embedded null byte");
  if (key.empty() || key.find('=') != std::string::npos) raise_value_error("illegal environment variable name");
  if (unsetenv(key.c_str()) != 0) raise_os_error_from_errno(errno);
  return Value::none();
}

Value os_fspath(const CallArgs& a) {
  ArgParser p(a, "fspath", {"path"}, 1, false);
  return fspath_value(p.get(0));
}

Value os_getcwdb(const CallArgs& a) {
  check_arg_count(a, "getcwdb", 0, 0);
  char buf[PATH_MAX];
  if (getcwd(buf, sizeof buf) == nullptr) raise_os_error_from_errno(errno);
  return new_bytes(buf);
}

void set_int(Module* m, const char* name, int64_t value) { m->dict()->table.set(intern(name), make_int(value)); }

}  // namespace

std::string os_path_arg(Value v, const char* function, const char* param, Value* converted, bool allows_fd) {
  Value path = v;
  if (!is_str(v) && !is_bytes(v)) {
    Value method = lookup_special(v, "__fspath__");
    if (method.is_null())
      raise_type_error(std::string(function) + ": " + param + " should be string, bytes" +
                       (allows_fd ? ", os.PathLike or integer" : " or os.PathLike") + ", not " + type_name(v));
    path = fspath_value(v);
  }
  if (converted != nullptr) *converted = path;
  const std::string& text = is_str(path) ? path.as<Str>()->data : path.as<Bytes>()->data;
  return checked_c_path(text, function, param);
}

void add_file_functions(Module* m) {
  if (stat_result_type == nullptr) {
    stat_result_type = new_builtin_type("stat_result", types().tuple, nullptr);
    stat_result_type->qualname = "stat_result";
    stat_result_type->instances_have_dict = true;
    add_method(stat_result_type, "__repr__", stat_result_repr);
    add_type_attr(stat_result_type, "n_sequence_fields", make_int(10));
    add_type_attr(stat_result_type, "n_fields", make_int(19));
    add_type_attr(stat_result_type, "n_unnamed_fields", make_int(3));
    add_type_attr(stat_result_type, "__module__", intern("os"));
  }
  m->dict()->table.set(intern("stat_result"), stat_result_type);
  add_function(m, "stat", os_stat);
  add_function(m, "lstat", os_lstat);
  add_function(m, "fstat", os_fstat);
  add_function(m, "_scandir", os_scandir_entries);
  add_function(m, "listdir", os_listdir);
  add_function(m, "mkdir", os_mkdir);
  add_function(m, "remove", os_remove);
  add_function(m, "unlink", os_unlink);
  add_function(m, "rmdir", os_rmdir);
  add_function(m, "rename", os_rename);
  add_function(m, "replace", os_replace);
  add_function(m, "link", os_link);
  add_function(m, "symlink", os_symlink);
  add_function(m, "readlink", os_readlink);
  add_function(m, "chmod", os_chmod);
  add_function(m, "access", os_access);
  add_function(m, "utime", os_utime);
  add_function(m, "umask", os_umask);
  add_function(m, "open", os_open);
  add_function(m, "lseek", os_lseek);
  add_function(m, "fsync", os_fsync);
  add_function(m, "ftruncate", os_ftruncate);
  add_function(m, "truncate", os_truncate);
  add_function(m, "isatty", os_isatty);
  add_function(m, "_statvfs", os_statvfs_numbers);
  add_function(m, "_terminal_size", os_terminal_size_numbers);
  add_function(m, "getuid", os_getuid);
  add_function(m, "geteuid", os_geteuid);
  add_function(m, "getgid", os_getgid);
  add_function(m, "getegid", os_getegid);
  add_function(m, "putenv", os_putenv);
  add_function(m, "unsetenv", os_unsetenv);
  add_function(m, "fspath", os_fspath);
  add_function(m, "getcwdb", os_getcwdb);
  set_int(m, "F_OK", F_OK);
  set_int(m, "R_OK", R_OK);
  set_int(m, "W_OK", W_OK);
  set_int(m, "X_OK", X_OK);
  set_int(m, "SEEK_SET", SEEK_SET);
  set_int(m, "SEEK_CUR", SEEK_CUR);
  set_int(m, "SEEK_END", SEEK_END);
  set_int(m, "O_RDONLY", O_RDONLY);
  set_int(m, "O_WRONLY", O_WRONLY);
  set_int(m, "O_RDWR", O_RDWR);
  set_int(m, "O_APPEND", O_APPEND);
  set_int(m, "O_CREAT", O_CREAT);
  set_int(m, "O_EXCL", O_EXCL);
  set_int(m, "O_TRUNC", O_TRUNC);
  set_int(m, "O_NONBLOCK", O_NONBLOCK);
  set_int(m, "O_NOCTTY", O_NOCTTY);
  set_int(m, "O_CLOEXEC", O_CLOEXEC);
  set_int(m, "O_DIRECTORY", O_DIRECTORY);
  set_int(m, "O_NOFOLLOW", O_NOFOLLOW);
  set_int(m, "O_SYNC", O_SYNC);
  set_int(m, "O_DSYNC", O_DSYNC);
  set_int(m, "O_ACCMODE", O_ACCMODE);
}

}  // namespace gilvm
