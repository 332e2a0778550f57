// The process half of the os module: fork and its hooks, waiting for
// children, signals to processes, and file descriptors (pipes).
//
// Blocking calls (waitpid, wait, read, write) release the GIL. When one
// fails with EINTR it takes the GIL back, runs the pending signal handlers
// (main thread) and, unless a handler raised, tries again (PEP 475), so
// InterruptedError never reaches Python.
#include <fcntl.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <string>

#include "runtime/fork.hpp"
#include "runtime/gil.hpp"
#include "runtime/signals.hpp"
#include "vm/objects/buffer.hpp"
#include "stdlib/builtins_module.hpp"
#include "stdlib/os_process.hpp"
#include "vm/builtins_core.hpp"
#include "vm/errors.hpp"
#include "vm/heap/value_vector.hpp"
#include "vm/import.hpp"
#include "vm/native.hpp"
#include "vm/objects/dict.hpp"
#include "vm/objects/module.hpp"
#include "vm/objects/number.hpp"
#include "vm/objects/sequence.hpp"
#include "vm/objects/str.hpp"
#include "vm/ops.hpp"

namespace gilvm {

namespace {

// ---------------------------------------------------------------- fork hooks

// os.register_at_fork's callables, in registration order. Never destroyed:
// as ValueVectors they are GC roots for the life of the process.
enum HookKind { kBefore, kAfterInParent, kAfterInChild, kHookKinds };
ValueVector& fork_hooks(HookKind kind) {
  static auto* hooks = new ValueVector[kHookKinds];
  return hooks[kind];
}

// As CPython: an exception in a hook is reported ("Exception ignored in:
// <function ...>") and the other hooks still run.
void run_hook(Value hook) {
  try {
    call_object(hook, CallArgs{nullptr, 0});
  } catch (PyException&) {
    write_unraisable("Exception ignored in: " + repr_string(hook), take_current_exception());
  }
}

void run_hooks(HookKind kind, bool reverse) {
  // A copy: a hook may register more hooks (they run next time).
  ValueVector hooks = fork_hooks(kind);
  if (reverse) {
    for (size_t i = hooks.size(); i-- > 0;) run_hook(hooks[i]);
  } else {
    for (Value hook : hooks) run_hook(hook);
  }
}

Value os_register_at_fork(const CallArgs& a) {
  ArgParser p(a, "register_at_fork", {"before", "after_in_child", "after_in_parent"}, 0, false, 0);
  static const char* const names[] = {"before", "after_in_child", "after_in_parent"};
  static const HookKind kinds[] = {kBefore, kAfterInChild, kAfterInParent};
  bool any = false;
  for (size_t i = 0; i < 3; ++i) {
    Value v = p.get(i, Value::none());
    if (v.is_none()) continue;
    if (!is_callable(v)) raise_type_error("'" + std::string(names[i]) + "' must be callable, not " + type_name(v));
    any = true;
  }
  if (!any) raise_type_error("At least one argument is required.");
  for (size_t i = 0; i < 3; ++i) {
    Value v = p.get(i, Value::none());
    if (!v.is_none()) fork_hooks(kinds[i]).push_back(v);
  }
  return Value::none();
}

// threading's own after-fork work (CPython registers it as the first
// after_in_child hook when threading is imported; here the runtime calls it
// directly, so threading need not import os).
void threading_after_fork() {
  Value threading = module_table()->table.get_str(intern("threading"));
  if (threading.is_null()) return;
  Value hook = get_attr_or_null(threading, intern("_after_fork"));
  if (!hook.is_null()) run_hook(hook);
}

Value os_fork(const CallArgs& a) {
  check_arg_count(a, "fork", 0, 0);
  run_hooks(kBefore, true);
  // Text waiting in Python-level buffers would otherwise be written by both
  // processes (CPython 3.11 prints it once too).
  flush_std_streams();
  pid_t pid = fork_runtime();
  int saved_errno = errno;
  if (pid == 0) {
    threading_after_fork();
    run_hooks(kAfterInChild, false);
  } else {
    run_hooks(kAfterInParent, false);  // after a failed fork too, as CPython
  }
  if (pid < 0) raise_os_error_from_errno(saved_errno);
  return make_int(static_cast<int64_t>(pid));
}

// ---------------------------------------------------------------- blocking calls

// Runs `call` (which must not touch Values) with the GIL released until it
// succeeds or fails with something other than EINTR; between attempts the
// pending signal handlers run, and may raise.
template <class Call>
auto retry_on_eintr(Call call) -> decltype(call()) {
  for (;;) {
    decltype(call()) result;
    int err;
    {
      GilRelease release;
      result = call();
      err = errno;
    }
    if (result >= 0 || err != EINTR) {
      errno = err;
      return result;
    }
    run_pending_signal_handlers();
  }
}

int int_arg(Value v) {
  int64_t n = index_value(v);
  if (n > INT32_MAX) raise_overflow_error("signed integer is greater than maximum");
  if (n < INT32_MIN) raise_overflow_error("signed integer is less than minimum");
  return static_cast<int>(n);
}

Value os_waitpid(const CallArgs& a) {
  ArgParser p(a, "waitpid", {"pid", "options"}, 2, false);
  pid_t pid = int_arg(p.get(0));
  int options = int_arg(p.get(1));
  int status = 0;
  pid_t done = retry_on_eintr([&] { return ::waitpid(pid, &status, options); });
  if (done < 0) raise_os_error_from_errno(errno);
  return new_tuple({make_int(static_cast<int64_t>(done)), make_int(static_cast<int64_t>(status))});
}

Value os_wait(const CallArgs& a) {
  check_arg_count(a, "wait", 0, 0);
  int status = 0;
  pid_t done = retry_on_eintr([&] { return ::wait(&status); });
  if (done < 0) raise_os_error_from_errno(errno);
  return new_tuple({make_int(static_cast<int64_t>(done)), make_int(static_cast<int64_t>(status))});
}

Value os_kill(const CallArgs& a) {
  ArgParser p(a, "kill", {"pid", "signal"}, 2, false);
  pid_t pid = int_arg(p.get(0));
  int signum = int_arg(p.get(1));
  if (::kill(pid, signum) != 0) raise_os_error_from_errno(errno);
  return Value::none();
}

Value os_killpg(const CallArgs& a) {
  ArgParser p(a, "killpg", {"pgid", "signal"}, 2, false);
  if (::killpg(int_arg(p.get(0)), int_arg(p.get(1))) != 0) raise_os_error_from_errno(errno);
  return Value::none();
}

// Ends the process at once: no atexit callbacks, no flushing, no thread
// joins (CPython's os._exit).
Value os__exit(const CallArgs& a) {
  ArgParser p(a, "_exit", {"status"}, 1, false);
  ::_exit(int_arg(p.get(0)));
}

Value os_getpgid(const CallArgs& a) {
  ArgParser p(a, "getpgid", {"pid"}, 1, false);
  pid_t group = ::getpgid(int_arg(p.get(0)));
  if (group < 0) raise_os_error_from_errno(errno);
  return make_int(static_cast<int64_t>(group));
}

Value os_getpgrp(const CallArgs& a) {
  check_arg_count(a, "getpgrp", 0, 0);
  return make_int(static_cast<int64_t>(::getpgrp()));
}

Value os_setsid(const CallArgs& a) {
  check_arg_count(a, "setsid", 0, 0);
  if (::setsid() < 0) raise_os_error_from_errno(errno);
  return Value::none();
}

// ---------------------------------------------------------------- descriptors

// Descriptors the os module makes are non-inheritable (close-on-exec), as
// CPython's since 3.4 (PEP 446).
Value os_pipe(const CallArgs& a) {
  check_arg_count(a, "pipe", 0, 0);
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) raise_os_error_from_errno(errno);
  return new_tuple({make_int(static_cast<int64_t>(fds[0])), make_int(static_cast<int64_t>(fds[1]))});
}

Value os_read(const CallArgs& a) {
  ArgParser p(a, "read", {"fd", "length"}, 2, false);
  int fd = int_arg(p.get(0));
  int64_t length = index_value(p.get(1));
  if (length < 0) raise_os_error_from_errno(EINVAL);
  std::string data(static_cast<size_t>(length), '\0');
  ssize_t n = retry_on_eintr([&] { return ::read(fd, data.data(), data.size()); });
  if (n < 0) raise_os_error_from_errno(errno);
  data.resize(static_cast<size_t>(n));
  return new_bytes(std::move(data));
}

Value os_write(const CallArgs& a) {
  ArgParser p(a, "write", {"fd", "data"}, 2, false);
  int fd = int_arg(p.get(0));
  // Copied: the view is only good while no Python code runs, and signal
  // handlers may run between attempts.
  std::string data(buffer_or_raise(p.get(1)).bytes());
  ssize_t n = retry_on_eintr([&] { return ::write(fd, data.data(), data.size()); });
  if (n < 0) raise_os_error_from_errno(errno);
  return make_int(static_cast<int64_t>(n));
}

Value os_close(const CallArgs& a) {
  ArgParser p(a, "close", {"fd"}, 1, false);
  // Not retried on EINTR: on Linux the descriptor is closed anyway.
  if (::close(int_arg(p.get(0))) != 0 && errno != EINTR) raise_os_error_from_errno(errno);
  return Value::none();
}

Value os_dup(const CallArgs& a) {
  ArgParser p(a, "dup", {"fd"}, 1, false);
  int fd = ::fcntl(int_arg(p.get(0)), F_DUPFD_CLOEXEC, 0);
  if (fd < 0) raise_os_error_from_errno(errno);
  return make_int(static_cast<int64_t>(fd));
}

Value os_dup2(const CallArgs& a) {
  ArgParser p(a, "dup2", {"fd", "fd2", "inheritable"}, 2, false);
  int fd = int_arg(p.get(0));
  int fd2 = int_arg(p.get(1));
  bool inheritable = is_truthy(p.get(2, Value::true_value()));
  int result;
  if (inheritable || fd == fd2) {
    result = ::dup2(fd, fd2);
  } else {
    result = ::dup3(fd, fd2, O_CLOEXEC);
  }
  if (result < 0) raise_os_error_from_errno(errno);
  return make_int(static_cast<int64_t>(result));
}

Value os_get_blocking(const CallArgs& a) {
  ArgParser p(a, "get_blocking", {"fd"}, 1, false);
  int flags = ::fcntl(int_arg(p.get(0)), F_GETFL);
  if (flags < 0) raise_os_error_from_errno(errno);
  return Value::boolean((flags & O_NONBLOCK) == 0);
}

Value os_set_blocking(const CallArgs& a) {
  ArgParser p(a, "set_blocking", {"fd", "blocking"}, 2, false);
  int fd = int_arg(p.get(0));
  bool blocking = is_truthy(p.get(1));
  int flags = ::fcntl(fd, F_GETFL);
  if (flags < 0) raise_os_error_from_errno(errno);
  int wanted = blocking ? flags & ~O_NONBLOCK : flags | O_NONBLOCK;
  if (wanted != flags && ::fcntl(fd, F_SETFL, wanted) < 0) raise_os_error_from_errno(errno);
  return Value::none();
}

Value os_strerror(const CallArgs& a) {
  ArgParser p(a, "strerror", {"code"}, 1, false);
  return new_str(std::strerror(int_arg(p.get(0))));
}

// ---------------------------------------------------------------- wait statuses

template <bool (*Test)(int)>
Value status_test(const CallArgs& a) {
  ArgParser p(a, "status test", {"status"}, 1, false);
  return Value::boolean(Test(int_arg(p.get(0))));
}
template <int (*Field)(int)>
Value status_field(const CallArgs& a) {
  ArgParser p(a, "status field", {"status"}, 1, false);
  return make_int(static_cast<int64_t>(Field(int_arg(p.get(0)))));
}
// The macros as functions (they need an lvalue-free int).
bool if_exited(int s) { return WIFEXITED(s); }
bool if_signaled(int s) { return WIFSIGNALED(s); }
bool if_stopped(int s) { return WIFSTOPPED(s); }
bool if_continued(int s) { return WIFCONTINUED(s); }
bool core_dumped(int s) { return WCOREDUMP(s); }
int exit_status(int s) { return WEXITSTATUS(s); }
int term_sig(int s) { return WTERMSIG(s); }
int stop_sig(int s) { return WSTOPSIG(s); }

Value os_waitstatus_to_exitcode(const CallArgs& a) {
  ArgParser p(a, "waitstatus_to_exitcode", {"status"}, 1, false);
  int status = int_arg(p.get(0));
  if (WIFEXITED(status)) return make_int(static_cast<int64_t>(WEXITSTATUS(status)));
  if (WIFSIGNALED(status)) return make_int(-static_cast<int64_t>(WTERMSIG(status)));
  if (WIFSTOPPED(status))
    raise_value_error("process stopped by delivery of signal " + std::to_string(WSTOPSIG(status)));
  raise_value_error("invalid wait status: " + std::to_string(status));
}

}  // namespace

void add_process_functions(Module* m) {
  DictTable& d = m->dict()->table;
  d.set(intern("WNOHANG"), make_int(static_cast<int64_t>(WNOHANG)));
  d.set(intern("WUNTRACED"), make_int(static_cast<int64_t>(WUNTRACED)));
  d.set(intern("WCONTINUED"), make_int(static_cast<int64_t>(WCONTINUED)));
  d.set(intern("O_NONBLOCK"), make_int(static_cast<int64_t>(O_NONBLOCK)));
  d.set(intern("O_CLOEXEC"), make_int(static_cast<int64_t>(O_CLOEXEC)));
  add_function(m, "fork", os_fork);
  add_function(m, "register_at_fork", os_register_at_fork);
  add_function(m, "waitpid", os_waitpid);
  add_function(m, "wait", os_wait);
  add_function(m, "kill", os_kill);
  add_function(m, "killpg", os_killpg);
  add_function(m, "_exit", os__exit);
  add_function(m, "getpgid", os_getpgid);
  add_function(m, "getpgrp", os_getpgrp);
  add_function(m, "setsid", os_setsid);
  add_function(m, "pipe", os_pipe);
  add_function(m, "read", os_read);
  add_function(m, "write", os_write);
  add_function(m, "close", os_close);
  add_function(m, "dup", os_dup);
  add_function(m, "dup2", os_dup2);
  add_function(m, "get_blocking", os_get_blocking);
  add_function(m, "set_blocking", os_set_blocking);
  add_function(m, "strerror", os_strerror);
  add_function(m, "WIFEXITED", status_test<if_exited>);
  add_function(m, "WIFSIGNALED", status_test<if_signaled>);
  add_function(m, "WIFSTOPPED", status_test<if_stopped>);
  add_function(m, "WIFCONTINUED", status_test<if_continued>);
  add_function(m, "WCOREDUMP", status_test<core_dumped>);
  add_function(m, "WEXITSTATUS", status_field<exit_status>);
  add_function(m, "WTERMSIG", status_field<term_sig>);
  add_function(m, "WSTOPSIG", status_field<stop_sig>);
  add_function(m, "waitstatus_to_exitcode", os_waitstatus_to_exitcode);
}

}  // namespace gilvm
