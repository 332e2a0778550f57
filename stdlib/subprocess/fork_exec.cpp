// _posixsubprocess.fork_exec: start a program in a child process, for
// subprocess.Popen (stdlib/py/subprocess.py).
//
// Contract
// --------
// * The child of fork() in a threaded process may only call
//   async-signal-safe functions until it execs: another thread may have
//   held malloc's lock, the GIL or any other mutex at the moment of the
//   fork, and in the child nobody will ever release them. So everything
//   the child needs -- argv and envp as C arrays, the candidate program
//   paths, the working directory, the descriptors to keep -- is built in
//   the parent before fork(), and the child runs nothing but system calls
//   (dup2, fcntl, close, chdir, umask, sigaction, sigprocmask, setsid,
//   setpgid, execve, write, _exit). It never touches the runtime, so this
//   is a bare fork(), not runtime/fork.hpp's fork_runtime().
// * Failure before or at exec is reported through `errpipe_write`, a
//   close-on-exec pipe the caller made: the child writes "STAGE:ERRNO"
//   (STAGE is "exec", "chdir", "setsid", "setpgid" or "dup") and exits
//   with 255. A successful execve closes the pipe, so the parent reading
//   end-of-file with nothing before it knows the program started.
// * Descriptors: -1 means "not redirected". The child makes p2cread its
//   stdin, c2pwrite its stdout and errwrite its stderr (a descriptor that
//   is already the target only loses its close-on-exec flag). With
//   close_fds every descriptor above 2 is closed except `pass_fds`, which
//   become inheritable; the error pipe is close-on-exec already.
// * The GIL stays held across fork(), as in CPython: the parent returns
//   at once, and the child never needs it.
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/types.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "stdlib/builtins_module.hpp"
#include "stdlib/stdlib.hpp"
#include "vm/builtins_core.hpp"
#include "vm/errors.hpp"
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

// Everything the child reads, prepared by the parent.
struct ChildPlan {
  std::vector<std::string> argv_storage, env_storage, programs;
  std::vector<char*> argv, envp;
  bool use_parent_env = true;
  std::string cwd;
  bool has_cwd = false;
  int p2cread = -1, p2cwrite = -1, c2pread = -1, c2pwrite = -1, errread = -1, errwrite = -1;
  int errpipe_read = -1, errpipe_write = -1;
  bool close_fds = true, restore_signals = true, start_new_session = false;
  int process_group = -1;
  int umask_value = -1;
  std::vector<int> pass_fds;  // sorted
  int max_fd = 0;
};

std::string os_string(Value v, const char* what) {
  if (isinstance(v, types().bytes)) return v.as<Bytes>()->data;
  if (isinstance(v, types().str)) return v.as<Str>()->data;
  raise_type_error(std::string("expected str, bytes or os.PathLike object, not ") + type_name(v) + " (" + what + ")");
}

std::vector<std::string> os_strings(Value v, const char* what) {
  std::vector<std::string> out;
  if (v.is_none()) return out;
  const std::vector<Value>* items = nullptr;
  if (isinstance(v, types().list)) items = &v.as<List>()->items;
  if (isinstance(v, types().tuple)) items = &v.as<Tuple>()->items;
  if (items == nullptr) raise_type_error(std::string(what) + " must be a list or tuple");
  for (Value item : *items) {
    std::string s = os_string(item, what);
    if (s.find('\0') != std::string::npos) raise_value_error("embedded null byte");
    out.push_back(std::move(s));
  }
  return out;
}

int fd_arg(Value v) {
  int64_t n = index_value(v);
  if (n < -1 || n > INT32_MAX) raise_value_error("bad file descriptor: " + std::to_string(n));
  return static_cast<int>(n);
}

// ---------------------------------------------------------------- the child
// Nothing below may allocate, lock or touch a Value (see the contract).

[[noreturn]] void child_fail(int errpipe, const char* stage, int err) {
  // "STAGE:ERRNO" formatted by hand: snprintf is not async-signal-safe.
  char message[32];
  size_t n = 0;
  for (const char* s = stage; *s && n < 16; ++s) message[n++] = *s;
  message[n++] = ':';
  char digits[12];
  size_t d = 0;
  unsigned value = static_cast<unsigned>(err);
  do {
    digits[d++] = static_cast<char>('0' + value % 10);
    value /= 10;
  } while (value != 0 && d < sizeof digits);
  while (d > 0) message[n++] = digits[--d];
  ssize_t ignored = ::write(errpipe, message, n);
  (void)ignored;
  _exit(255);
}

bool clear_cloexec(int fd) {
  int flags = fcntl(fd, F_GETFD);
  return flags >= 0 && fcntl(fd, F_SETFD, flags & ~FD_CLOEXEC) == 0;
}

// Makes `fd` the child's descriptor `target`.
bool install_fd(int fd, int target) {
  if (fd == -1) return true;
  if (fd == target) return clear_cloexec(fd);
  return ::dup2(fd, target) == target;
}

// Closes every descriptor in [low, high] (inclusive), preferring one
// close_range system call (Linux 5.9) over a loop.
void close_span(int low, int high) {
  if (low > high) return;
#ifdef SYS_close_range
  if (syscall(SYS_close_range, static_cast<unsigned>(low), static_cast<unsigned>(high), 0u) == 0) return;
#endif
  for (int fd = low; fd <= high; ++fd) ::close(fd);
}

[[noreturn]] void run_child(ChildPlan& plan) {
  int errpipe = plan.errpipe_write;
  // The parent's ends of the pipes are not the child's business.
  for (int fd : {plan.p2cwrite, plan.c2pread, plan.errread, plan.errpipe_read})
    if (fd > 2) ::close(fd);

  // A descriptor that is to become stdout or stderr may itself sit at 0 or
  // 1, and the first dup2 would overwrite it: move such ones out of the way.
  int c2pwrite = plan.c2pwrite, errwrite = plan.errwrite;
  if (c2pwrite == 0) c2pwrite = fcntl(c2pwrite, F_DUPFD_CLOEXEC, 3);
  if (errwrite == 0 || errwrite == 1) errwrite = fcntl(errwrite, F_DUPFD_CLOEXEC, 3);
  if (!install_fd(plan.p2cread, 0) || !install_fd(c2pwrite, 1) || !install_fd(errwrite, 2)) child_fail(errpipe, "dup", errno);

  if (plan.has_cwd && ::chdir(plan.cwd.c_str()) != 0) child_fail(errpipe, "chdir", errno);
  if (plan.umask_value >= 0) ::umask(static_cast<mode_t>(plan.umask_value));

  // The interpreter ignores SIGPIPE (and may block signals in this thread);
  // a program expects the defaults.
  if (plan.restore_signals) {
    std::signal(SIGPIPE, SIG_DFL);
    std::signal(SIGXFSZ, SIG_DFL);
  }
  sigset_t none;
  sigemptyset(&none);
  sigprocmask(SIG_SETMASK, &none, nullptr);

  if (plan.start_new_session && ::setsid() < 0) child_fail(errpipe, "setsid", errno);
  if (plan.process_group >= 0 && ::setpgid(0, plan.process_group) < 0) child_fail(errpipe, "setpgid", errno);

  if (plan.close_fds) {
    int low = 3;
    for (int keep : plan.pass_fds) {
      if (keep < low) continue;
      close_span(low, keep - 1);
      clear_cloexec(keep);
      low = keep + 1;
    }
    // The error pipe must survive until exec; it is close-on-exec already.
    if (errpipe >= low) {
      close_span(low, errpipe - 1);
      low = errpipe + 1;
    }
    close_span(low, plan.max_fd);
  } else {
    for (int keep : plan.pass_fds) clear_cloexec(keep);
  }

  char** envp = plan.use_parent_env ? environ : plan.envp.data();
  // As a shell does: the first failure that is not "no such file" is the
  // one worth reporting (e.g. EACCES on a directory earlier in PATH).
  int reported = 0;
  for (const std::string& program : plan.programs) {
    ::execve(program.c_str(), plan.argv.data(), envp);
    int err = errno;
    if (reported == 0 || (err != ENOENT && err != ENOTDIR && (reported == ENOENT || reported == ENOTDIR))) reported = err;
  }
  child_fail(errpipe, "exec", reported == 0 ? ENOENT : reported);
}

// ---------------------------------------------------------------- the parent

// fork_exec(args, executables, close_fds, pass_fds, cwd, env,
//           p2cread, p2cwrite, c2pread, c2pwrite, errread, errwrite,
//           errpipe_read, errpipe_write, restore_signals,
//           start_new_session, process_group, umask) -> pid
Value fork_exec(const CallArgs& a) {
  check_arg_count(a, "fork_exec", 18, 18);
  ChildPlan plan;
  plan.argv_storage = os_strings(a[0], "args");
  plan.programs = os_strings(a[1], "executable");
  if (plan.programs.empty()) raise_value_error("no program to execute");
  plan.close_fds = is_truthy(a[2]);
  if (!a[3].is_none()) {
    const std::vector<Value>* items = isinstance(a[3], types().tuple) ? &a[3].as<Tuple>()->items
                                      : isinstance(a[3], types().list) ? &a[3].as<List>()->items
                                                                        : nullptr;
    if (items == nullptr) raise_type_error("pass_fds must be a tuple or list");
    for (Value v : *items) {
      int fd = fd_arg(v);
      if (fd < 0) raise_value_error("bad value(s) in fds_to_keep");
      plan.pass_fds.push_back(fd);
    }
    std::sort(plan.pass_fds.begin(), plan.pass_fds.end());
  }
  if (!a[4].is_none()) {
    plan.cwd = os_string(a[4], "cwd");
    if (plan.cwd.find('\0') != std::string::npos) raise_value_error("embedded null byte");
    plan.has_cwd = true;
  }
  if (!a[5].is_none()) {
    plan.env_storage = os_strings(a[5], "env");
    plan.use_parent_env = false;
  }
  int* fds[] = {&plan.p2cread, &plan.p2cwrite, &plan.c2pread, &plan.c2pwrite, &plan.errread,
                &plan.errwrite, &plan.errpipe_read, &plan.errpipe_write};
  for (size_t i = 0; i < 8; ++i) *fds[i] = fd_arg(a[6 + i]);
  if (plan.errpipe_write < 0) raise_value_error("errpipe_write must be a valid file descriptor");
  plan.restore_signals = is_truthy(a[14]);
  plan.start_new_session = is_truthy(a[15]);
  plan.process_group = static_cast<int>(index_value(a[16]));
  plan.umask_value = static_cast<int>(index_value(a[17]));

  for (std::string& s : plan.argv_storage) plan.argv.push_back(s.data());
  plan.argv.push_back(nullptr);
  for (std::string& s : plan.env_storage) plan.envp.push_back(s.data());
  plan.envp.push_back(nullptr);
  long open_max = sysconf(_SC_OPEN_MAX);
  plan.max_fd = open_max > 0 && open_max < INT32_MAX ? static_cast<int>(open_max) - 1 : 65535;

  // Python-level buffers of the standard streams are not written by the
  // child (it execs), so unlike os.fork nothing needs flushing here.
  pid_t pid = ::fork();
  if (pid == 0) run_child(plan);
  if (pid < 0) raise_os_error_from_errno(errno);
  return make_int(static_cast<int64_t>(pid));
}

void init_posixsubprocess(Module* m) { add_function(m, "fork_exec", fork_exec); }

}  // namespace

void register_posixsubprocess_module() { register_builtin_module("_posixsubprocess", init_posixsubprocess); }

}  // namespace gilvm
