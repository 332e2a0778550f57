"""The spawn start method's two halves: what the parent sends and how the
child starts from it.

Contract
--------
* The child is a fresh interpreter: `sys.executable -c "from
  multiprocessing.spawn import spawn_main; spawn_main(pipe_handle=N)"
  --multiprocessing-fork` (multiprocessing.popen_spawn_posix starts it).
  Descriptor N is the read end of a pipe on which the parent writes an
  8-byte big-endian length, then that many bytes: two pickles, the
  preparation data (get_preparation_data), then the Process object. The
  parent keeps its write end open until the child is reaped, so a dup of
  N is the child's parent sentinel.
* prepare() makes the child look like the parent before the Process
  object is unpickled: name, authkey, sys.path, sys.argv, working
  directory, start method, and the parent's main script, run again in a
  fresh module named __mp_main__ that also becomes sys.modules['__main__']
  -- so `if __name__ == "__main__":` blocks do not run in the child, while
  functions and classes the parent pickled as `__main__.NAME` are found.
* While the child runs the main script, current_process()._inheriting is
  set: a script that starts a process at import time (no __main__ guard)
  gets CPython's RuntimeError instead of spawning children forever.
* The child's exit code is the Process object's _bootstrap() result,
  passed to sys.exit (so the child's atexit callbacks run, as CPython's)."""
import os
import sys

from multiprocessing import process, reduction, util

__all__ = ["_main", "freeze_support", "set_executable", "get_executable", "get_preparation_data",
           "get_command_line", "import_main_path"]

WINEXE = False
WINSERVICE = False

_python_exe = os.path.abspath(sys.executable) if sys.executable else sys.executable


def set_executable(exe):
    global _python_exe
    _python_exe = os.fsdecode(exe) if exe is not None else None


def get_executable():
    return _python_exe


def is_forking(argv):
    """Whether argv is that of a spawn child being started."""
    return len(argv) >= 2 and argv[1] == "--multiprocessing-fork"


def freeze_support():
    if is_forking(sys.argv):
        kwds = {}
        for arg in sys.argv[2:]:
            name, value = arg.split("=")
            kwds[name] = None if value == "None" else int(value)
        spawn_main(**kwds)
        sys.exit()


def get_command_line(**kwds):
    """The argv that starts a spawn child."""
    prog = "from multiprocessing.spawn import spawn_main; spawn_main(%s)"
    prog %= ", ".join("%s=%r" % item for item in kwds.items())
    return [get_executable(), "-c", prog, "--multiprocessing-fork"]


def spawn_main(pipe_handle, parent_pid=None, tracker_fd=None):
    """What a spawn child runs: reads its orders from pipe_handle."""
    assert is_forking(sys.argv), "Not forking"
    # The pipe's EOF tells the child its parent is gone (parent_process()).
    parent_sentinel = os.dup(pipe_handle)
    exitcode = _main(pipe_handle, parent_sentinel)
    sys.exit(exitcode)


def _read_exactly(fd, size):
    chunks = []
    while size > 0:
        chunk = os.read(fd, min(size, 1 << 20))
        if not chunk:
            raise EOFError("the parent closed the pipe before sending the process")
        chunks.append(chunk)
        size -= len(chunk)
    return b"".join(chunks)


def _main(fd, parent_sentinel):
    import io
    import pickle
    size = int.from_bytes(_read_exactly(fd, 8), "big")
    data = io.BytesIO(_read_exactly(fd, size))
    os.close(fd)
    process.current_process()._inheriting = True
    try:
        preparation_data = pickle.load(data)
        prepare(preparation_data)
        self = pickle.load(data)
    finally:
        del process.current_process()._inheriting
    return self._bootstrap(parent_sentinel)


def _check_not_importing_main():
    if getattr(process.current_process(), "_inheriting", False):
        raise RuntimeError("""
        An attempt has been made to start a new process before the
        current process has finished its bootstrapping phase.

        This probably means that you are not using fork to start your
        child processes and you have forgotten to use the proper idiom
        in the main module:

            if __name__ == '__main__':
                freeze_support()
                ...

        The "freeze_support()" line can be omitted if the program
        is not going to be frozen to produce an executable.

        To fix this issue, refer to the "Safe importing of main module"
        section in https://docs.python.org/3/library/multiprocessing.html
        """)


def get_preparation_data(name):
    """What the child needs to look like the parent (see prepare)."""
    _check_not_importing_main()
    d = dict(log_to_stderr=False, authkey=process.current_process().authkey)
    if util._logger is not None:
        d["log_level"] = util._logger.getEffectiveLevel()
    sys_path = sys.path.copy()
    try:
        i = sys_path.index("")
    except ValueError:
        pass
    else:
        sys_path[i] = process.ORIGINAL_DIR
    from multiprocessing.context import _default_context
    d.update(name=name, sys_path=sys_path, sys_argv=sys.argv, orig_dir=process.ORIGINAL_DIR,
             dir=os.getcwd(), start_method=_default_context.get_start_method())
    main_module = sys.modules["__main__"]
    main_path = getattr(main_module, "__file__", None)
    if main_path is not None and not main_path.startswith("<"):
        if not os.path.isabs(main_path) and process.ORIGINAL_DIR is not None:
            main_path = os.path.join(process.ORIGINAL_DIR, main_path)
        d["init_main_from_path"] = os.path.normpath(main_path)
    return d


old_main_modules = []


def prepare(data):
    """Makes this process look like the parent described by data."""
    if "name" in data:
        process.current_process().name = data["name"]
    if "authkey" in data:
        process.current_process().authkey = data["authkey"]
    if "log_level" in data:
        util.get_logger().setLevel(data["log_level"])
    if "sys_path" in data:
        sys.path = data["sys_path"]
    if "sys_argv" in data:
        sys.argv = data["sys_argv"]
    if "dir" in data:
        os.chdir(data["dir"])
    if "orig_dir" in data:
        process.ORIGINAL_DIR = data["orig_dir"]
    if "start_method" in data:
        from multiprocessing.context import _default_context
        _default_context.set_start_method(data["start_method"], force=True)
    if "init_main_from_path" in data:
        _fixup_main_from_path(data["init_main_from_path"])


def _fixup_main_from_path(main_path):
    current_main = sys.modules["__main__"]
    if getattr(current_main, "__file__", None) == main_path:
        return
    old_main_modules.append(current_main)
    import_main_path(main_path)


def import_main_path(main_path):
    """Runs the script at main_path as module __mp_main__, which becomes
    sys.modules['__main__'] too."""
    import _multiprocessing
    with open(main_path, encoding="utf-8") as f:
        source = f.read()
    module = _multiprocessing._new_module("__mp_main__")
    module.__file__ = main_path
    module.__builtins__ = __builtins__
    sys.modules["__mp_main__"] = module
    try:
        exec(compile(source, main_path, "exec"), module.__dict__)
    except BaseException:
        del sys.modules["__mp_main__"]
        raise
    sys.modules["__main__"] = module
