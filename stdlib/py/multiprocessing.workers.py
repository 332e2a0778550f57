"""The worker processes under Pool and ProcessPoolExecutor.

Contract
--------
* Each worker is a daemon process (forked, or spawned under a spawn
  context) with its own duplex Pipe to the parent. The parent's handler
  thread (one per worker set) keeps up to _TASKS_PER_WORKER tasks
  outstanding on each worker: the one it runs and the next, already in its
  pipe, so a worker does not sit idle while its reply travels and the
  handler wakes. A worker answers each task with exactly one message on
  its pipe, in the order it got them, so the parent always knows which
  task each worker is running: the oldest it has not answered.
* A dead worker is detected by its Process.sentinel (a pipe only the child
  holds open, see popen_fork), which the handler waits on together with
  the pipes: when it becomes ready, the handler first reads whatever the
  worker sent before dying, then reaps it; the task it was running, if
  any, is reported lost (on_lost) — never left waiting, unlike CPython's
  Pool (gh-96062) — and the tasks queued behind it, never started, go
  back to the front of the queue for another worker. A worker that left
  on purpose (maxtasksperchild) has nothing outstanding: it is never sent
  more than it will run. Lost or retired workers are replaced while the
  set runs.
* In a new worker the parent ends of the other workers' pipes and the
  wake-up pipe are closed first: otherwise a worker would keep another
  worker's pipe open and that worker would never see EOF when the parent
  dies. A spawned worker inherits only its own pipe end (the spawn
  child keeps no other descriptor), so it runs _worker_loop directly,
  with the pipe end, initializer and initargs pickled as its arguments.
  A worker also ends at EOF on its pipe (the parent is gone).
* Results are delivered through on_result(key, ok, value) / on_lost(key,
  message) on the handler thread; tasks whose pickling fails are reported
  through on_result(key, False, error), at once on the submitting thread
  for submit(), on the handler thread for submit_lazily().
* submit_lazily(tasks) hands over an iterator of tasks (Pool.map's
  chunks) that the handler thread draws from, chunking and pickling one
  when a worker has room: the first chunk reaches a worker while the
  later ones are still being cut, as in CPython's task handler, instead of
  after all of them were pickled by the caller."""
import collections
import os
import pickle
import threading
import traceback

from multiprocessing import connection, util

__all__ = []

RUN, CLOSE, TERMINATE = 0, 1, 2
CALL, MAP, STARMAP = 0, 1, 2
_TASKS_PER_WORKER = 2


class RemoteTraceback(Exception):
    def __init__(self, tb):
        self.tb = tb

    def __str__(self):
        return self.tb


def rebuild_exception(exc, tb):
    exc.__cause__ = RemoteTraceback(tb)
    return exc


class MaybeEncodingError(Exception):
    """Wraps an unpickleable result or exception."""

    def __init__(self, exc, value):
        self.exc = repr(exc)
        self.value = repr(value)
        super().__init__(self.exc, self.value)

    def __str__(self):
        return "Error sending result: '%s'. Reason: '%s'" % (self.value, self.exc)

    def __repr__(self):
        return "<%s: %s>" % (self.__class__.__name__, self)


def _run_task(kind, func, args, kwds):
    if kind == MAP:
        return [func(x) for x in args]
    if kind == STARMAP:
        return [func(*x) for x in args]
    return func(*args, **kwds)


def _worker_loop(conn, initializer, initargs, maxtasks):
    """What a worker process runs."""
    if initializer is not None:
        initializer(*initargs)
    completed = 0
    while maxtasks is None or completed < maxtasks:
        try:
            data = conn.recv_bytes()
        except (EOFError, OSError):
            return
        try:
            task = pickle.loads(data)
        except Exception as e:
            # The key is unknown: the parent matches the reply to the one
            # task this worker has outstanding.
            task = (None, None, None, None, None)
            result = (False, e, traceback.format_exc())
        else:
            if task is None:
                return
            key, kind, func, args, kwds = task
            try:
                result = (True, _run_task(kind, func, args, kwds), None)
            except Exception as e:
                result = (False, e, traceback.format_exc())
        try:
            reply = pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL)
        except Exception as e:
            reply = pickle.dumps((False, MaybeEncodingError(e, result[1]), None))
        try:
            conn.send_bytes(reply)
        except OSError:
            return
        completed += 1


class _Worker:
    def __init__(self, process, conn):
        self.process = process
        self.conn = conn
        self.tasks = collections.deque()  # (key, description, pickled task) sent, not answered; the first runs
        self.done = 0           # tasks it answered


class WorkerSet:
    """`processes` forked workers fed from a queue of tasks (see above)."""

    def __init__(self, ctx, processes, initializer, initargs, maxtasks, name, on_result, on_lost,
                 replace_lost=True, on_start=None):
        self._ctx = ctx
        self._size = processes
        self._initializer = initializer
        self._initargs = initargs
        self._maxtasks = maxtasks
        self._name = name
        self._on_result = on_result
        self._on_lost = on_lost
        self._replace_lost = replace_lost
        self._on_start = on_start
        self._lock = threading.RLock()
        self._pending = collections.deque()   # (key, description, pickled task, started)
        self._sources = collections.deque()   # iterators of (key, description, kind, func, args)
        self._workers = []
        self._state = RUN
        self._wake_r, self._wake_w = os.pipe()
        for _ in range(processes):
            self._start_worker()
        self._handler = threading.Thread(target=self._handle, name="PoolHandler", daemon=True)
        self._handler.start()

    # -- called by the owner (any thread of the parent)
    def submit(self, key, description, kind, func, args, kwds=None):
        try:
            data = pickle.dumps((key, kind, func, args, kwds or {}), protocol=pickle.HIGHEST_PROTOCOL)
        except Exception as e:
            self._on_result(key, False, e)
            return
        with self._lock:
            self._pending.append((key, description, data, False))
        self._wake()

    def submit_lazily(self, tasks):
        """Queues the tasks of an iterator of (key, description, kind, func,
        args), drawn and pickled on the handler thread as workers have room."""
        with self._lock:
            self._sources.append(tasks)
        self._wake()

    def close(self):
        """Runs the queued tasks, then lets the workers go."""
        with self._lock:
            if self._state == RUN:
                self._state = CLOSE
        self._wake()

    def terminate(self):
        """Stops at once: queued tasks are dropped, workers get SIGTERM."""
        with self._lock:
            self._state = TERMINATE
            self._pending.clear()
            self._sources.clear()
            workers = list(self._workers)
        self._wake()
        if threading.current_thread() is not self._handler:
            self._handler.join()
        for w in workers:
            if w.process.exitcode is None:
                w.process.terminate()
        for w in workers:
            w.process.join()
        self._release_fds()

    def join(self):
        if threading.current_thread() is not self._handler:
            self._handler.join()
        for w in list(self._workers):
            w.process.join()
        self._release_fds()

    def processes(self):
        return [w.process for w in self._workers]

    def outstanding(self):
        with self._lock:
            return len(self._pending) + len(self._sources) + sum(len(w.tasks) for w in self._workers)

    def _release_fds(self):
        with self._lock:
            for w in self._workers:
                w.conn.close()
            self._workers = []
            for fd in (self._wake_r, self._wake_w):
                if fd is not None:
                    try:
                        os.close(fd)
                    except OSError:
                        pass
            self._wake_r = self._wake_w = None

    def _wake(self):
        try:
            os.write(self._wake_w, b"x")
        except (OSError, TypeError):
            pass

    # -- the handler thread
    def _start_worker(self):
        parent_end, child_end = connection.Pipe()
        others = [w.conn for w in self._workers]
        wake_fds = (self._wake_r, self._wake_w)

        def bootstrap():
            parent_end.close()
            for conn in others:
                conn.close()
            for fd in wake_fds:
                os.close(fd)
            _worker_loop(child_end, self._initializer, self._initargs, self._maxtasks)

        if self._ctx.get_start_method() == "fork":
            process = self._ctx.Process(target=bootstrap, daemon=True)
        else:
            process = self._ctx.Process(target=_worker_loop, daemon=True,
                                        args=(child_end, self._initializer, self._initargs, self._maxtasks))
        process.name = process.name.replace("Process", self._name)
        process.start()
        child_end.close()
        self._workers.append(_Worker(process, parent_end))

    def _retiring(self, w):
        # A worker that reached maxtasksperchild exits after its last reply.
        return self._maxtasks is not None and w.done + len(w.tasks) >= self._maxtasks

    def _has_pending(self):
        """Whether a task waits, pickling the next one of a lazy source
        into _pending if that is where it waits."""
        while not self._pending and self._sources:
            try:
                key, description, kind, func, args = next(self._sources[0])
            except StopIteration:
                self._sources.popleft()
                continue
            try:
                data = pickle.dumps((key, kind, func, args, {}), protocol=pickle.HIGHEST_PROTOCOL)
            except Exception as e:
                self._on_result(key, False, e)
                continue
            self._pending.append((key, description, data, False))
        return bool(self._pending)

    def _dispatch(self):
        # Round by round, so that each worker has one task before any has two.
        for depth in range(1, _TASKS_PER_WORKER + 1):
            for w in self._workers:
                while len(w.tasks) < depth and not self._retiring(w) and self._has_pending():
                    key, description, data, started = self._pending.popleft()
                    if not started and self._on_start is not None and not self._on_start(key):
                        continue   # cancelled while it waited
                    # Outstanding even if the send fails: the worker is dead
                    # then, and its sentinel will report the task lost.
                    w.tasks.append((key, description, data))
                    try:
                        w.conn.send_bytes(data)
                    except OSError:
                        pass

    def _receive(self, w):
        """Reads one reply of w; False at EOF."""
        try:
            ok, value, tb = pickle.loads(w.conn.recv_bytes())
        except (EOFError, OSError):
            return False
        except Exception as e:
            ok, value, tb = False, e, None
        key = w.tasks.popleft()[0] if w.tasks else None
        w.done += 1
        if key is not None:
            if not ok and tb is not None:
                value = rebuild_exception(value, tb)
            self._on_result(key, ok, value)
        return True

    def _reap(self, w):
        if self._state == TERMINATE:
            return
        # Whatever it sent before it died counts.
        while w.tasks and w.conn.poll(0):
            if not self._receive(w):
                break
        w.process.join()
        w.conn.close()
        self._workers.remove(w)
        lost = w.tasks.popleft() if w.tasks else None
        # The tasks behind the lost one never started: another worker runs them.
        self._pending.extendleft((key, description, data, True) for key, description, data in reversed(w.tasks))
        w.tasks.clear()
        if lost is not None:
            key, description, _ = lost
            self._on_lost(key, "worker %s (pid %s) exited with code %s while running %s"
                          % (w.process.name, w.process.pid, w.process.exitcode, description))
            if not self._replace_lost:
                return
        elif not self._replace_lost and self._state == RUN and w.process.exitcode != 0:
            # Without replacement (ProcessPoolExecutor) any death breaks the set.
            self._on_lost(None, "worker %s (pid %s) exited with code %s"
                          % (w.process.name, w.process.pid, w.process.exitcode))
            return
        with self._lock:
            # Not at exit: util._exit_function is terminating the daemonic
            # children, and would then wait for a new one forever.
            if util.is_exiting():
                return
            if self._state == RUN or (self._state == CLOSE and (self._pending or self._sources)):
                self._start_worker()

    def _stop_idle_workers(self):
        for w in self._workers:
            try:
                w.conn.send_bytes(pickle.dumps(None))
            except OSError:
                pass

    def _handle(self):
        while True:
            with self._lock:
                if self._state == TERMINATE:
                    return
                self._dispatch()
                if (self._state == CLOSE and not self._pending and not self._sources
                        and all(not w.tasks for w in self._workers)):
                    self._stop_idle_workers()
                    return
                by_fd = {}
                for w in self._workers:
                    by_fd[w.conn.fileno()] = (w, False)
                    by_fd[w.process.sentinel] = (w, True)
                fds = list(by_fd) + [self._wake_r]
            ready = connection.wait(fds)
            if self._wake_r in ready:
                os.read(self._wake_r, 4096)
            with self._lock:
                if self._state == TERMINATE:
                    return
                dead = []
                for fd in ready:
                    if fd not in by_fd:
                        continue
                    w, is_sentinel = by_fd[fd]
                    if is_sentinel or not self._receive(w):
                        if w not in dead:
                            dead.append(w)
                for w in dead:
                    # on_lost may have terminated the set (an executor breaks).
                    if self._state == TERMINATE:
                        return
                    self._reap(w)
