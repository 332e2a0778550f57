# Calls every callable built-in gilvm exposes with missing, surplus,
# wrong-typed and keyword arguments, bound and unbound, and catches
# whatever it raises.
# Run under gilvm by tests/cli/test_native_args.py. A call must either
# return or raise a Python exception; a crash or a hang is a bug.
#
#   gilvm native_arg_sweep.py [FIRST]   # start at call number FIRST
#
# Before each call it prints "@@ <number> <description>" (flushed), so that the
# driver can name the call that killed the process and resume after it. The
# enumeration is deterministic: the same number is the same call every run.
# At the end it prints "@@ done <calls> <raised>".
import builtins
import sys
import math
import time
import os
import random
import _thread
import _socket
import select
import _ssl
import binascii
import zlib
import _weakref
import faulthandler
try:
    import _opcode  # gilvm's instruction table for dis (CPython's _opcode differs)
except ImportError:
    _opcode = None
try:
    import _asyncio  # gilvm's native asyncio.Future and Task (CPython has one too)
except ImportError:
    _asyncio = None
try:
    import _asyncio_loop  # gilvm's native event loop core, Handle and TimerHandle
except ImportError:
    _asyncio_loop = None
try:
    import gil  # gilvm's own module; lets the sweep run under CPython too
except ImportError:
    gil = None

FIRST = int(sys.argv[1]) if len(sys.argv) > 1 else 0

# Wrong-typed arguments: each is passed alone, twice and three times.
BIG = 10**30
WRONG = [None, 5, 2.5, 'x', b'x', [], {}, object(), BIG, -1]
TOO_MANY = (1, 2, 3, 4, 5, 6)

# Calls that legitimately block, exit, wait, end the process or change the
# sweep's own environment. Names are "owner.attribute".
SKIP = {
    'builtins.input', 'builtins.exit', 'builtins.quit', 'builtins.breakpoint', 'builtins.help',
    'builtins.open',  # an int argument is a file descriptor: it would close ours
    'sys.exit', 'sys.setrecursionlimit', 'sys.setswitchinterval', 'sys.set_int_max_str_digits',
    'sys.settrace', 'sys.setprofile',
    'os.system', 'os._exit', 'os.abort', 'os.kill', 'os.fork', 'os.chdir',
    # killpg(5, 5) signals whatever process group 5 is; the others wait,
    # leave the session, or read, write and close the sweep's descriptors.
    'os.killpg', 'os.setsid', 'os.wait', 'os.waitpid', 'os.read', 'os.write', 'os.close',
    'os.dup2', 'os.set_blocking',
    # fdopen owns (and closes) the descriptor it is given; the rest change
    # files, descriptors or the environment the sweep itself uses.
    'os.fdopen', 'os.open', 'os.lseek', 'os.fsync', 'os.ftruncate', 'os.truncate', 'os.chmod',
    'os.utime', 'os.symlink', 'os.link', 'os.rename', 'os.replace', 'os.renames', 'os.remove',
    'os.unlink', 'os.rmdir', 'os.removedirs', 'os.mkdir', 'os.makedirs', 'os.putenv',
    'os.unsetenv', 'os.umask',
    '_thread.exit', '_thread.exit_thread', '_thread.interrupt_main', '_thread.start_new_thread',
    '_thread._set_sentinel', '_thread._at_thread_exit', '_thread.stack_size',
    'time.sleep',
    # Close the sweep's descriptors, ask the resolver (no network here),
    # change every later socket, or wait with nothing registered (forever).
    '_socket.close', '_socket.getaddrinfo', '_socket.gethostbyname', '_socket.setdefaulttimeout',
    'select.select', 'poll.poll', 'epoll.poll',
    # Map and then own (and close) the descriptor they are given.
    '_multiprocessing._rebuild_semlock', '_multiprocessing._rebuild_block',
    '_multiprocessing._rebuild_value',
    # Block reading, or write to, whatever socket the descriptor is.
    '_multiprocessing.sendfds', '_multiprocessing.recvfds',
    # A turn of an event loop with nothing scheduled waits forever; the
    # loop would watch whatever descriptor it is given.
    'NativeLoop._run_once', 'NativeLoop._run_until_stopped', 'NativeLoop._watch_fd',
    # Crash the process on purpose, install signal handlers, start a
    # watchdog that writes (or exits) later, or write to whatever
    # descriptor they are given.
    'faulthandler._sigsegv', 'faulthandler._sigabrt', 'faulthandler._sigfpe', 'faulthandler._read_null',
    'faulthandler._fatal_error', 'faulthandler._fatal_error_c_thread', 'faulthandler._stack_overflow',
    'faulthandler.enable', 'faulthandler.register', 'faulthandler.dump_traceback',
    'faulthandler.dump_traceback_later',
}
# Owner types whose methods are called only on fresh samples, never unbound
# with another object: none so far. Attributes with these names are skipped
# everywhere (they call back into the sweep's own machinery).
SKIP_ANYWHERE = {'__del__'}
# Legitimate but endless work with a 30-digit operand (pow(10**30, 10**30)).
SLOW_WITH_BIG = {'pow', '__pow__', '__rpow__', 'perm', 'comb', 'factorial', '__lshift__',
                 '__rlshift__', 'getrandbits', 'randbytes', 'urandom', 'ljust', 'rjust',
                 'center', 'zfill', 'expandtabs', '__mul__', '__rmul__', '__imul__', '__repeat__',
                 'isqrt'}


def sample_file():
    return open('native_arg_sweep.tmp', 'w+')


def gen():
    yield 1


async def coro():
    pass


class Plain:
    def method(self):
        pass


def fresh_class():
    class C:
        pass
    return C


# How to make a fresh instance of each type whose methods are swept. A
# factory runs before every call, so mutating methods never see a sample
# another call changed.
FACTORIES = [
    lambda: 5, lambda: True, lambda: 2.5, lambda: 10**30, lambda: 'abc', lambda: b'abc',
    lambda: [1, 2], lambda: (1, 2), lambda: {1: 2}, lambda: {1, 2}, lambda: frozenset({1}),
    lambda: range(3), lambda: slice(1, 2), lambda: None, lambda: NotImplemented,
    lambda: Ellipsis, lambda: object(), fresh_class, lambda: Plain(), lambda: Plain().method,
    lambda: len, lambda: [].append, lambda: gen, lambda: gen(), lambda: property(len),
    lambda: classmethod(len), lambda: staticmethod(len), lambda: super(Plain, Plain()),
    lambda: iter([1]), lambda: iter((1,)), lambda: iter('ab'), lambda: iter(b'ab'),
    lambda: iter({1: 2}), lambda: iter({1}), lambda: iter(range(3)), lambda: reversed([1]),
    lambda: reversed(range(2)), lambda: {1: 2}.keys(), lambda: {1: 2}.values(),
    lambda: {1: 2}.items(), lambda: iter({1: 2}.items()), lambda: iter({1: 2}.values()),
    lambda: enumerate([1]), lambda: zip([1]), lambda: map(len, ['a']), lambda: filter(None, [1]),
    lambda: math, lambda: gen.__code__, lambda: time.localtime(0), lambda: random.Random(1),
    lambda: _thread.allocate_lock(), sample_file, lambda: ValueError('x'), lambda: KeyError(1),
    lambda: OSError(2, 'x'), lambda: StopIteration(1), lambda: SyntaxError('x'),
    lambda: UnicodeDecodeError('utf-8', b'x', 0, 1, 'bad'), lambda: SystemExit(1),
    lambda: BaseExceptionGroupish(), lambda: _socket.socket(), lambda: select.poll(),
    lambda: select.epoll(), lambda: _ssl._SSLContext(16), lambda: _weakref.ref(Plain),
]
if _asyncio is not None:
    # A loop that never runs: what the futures schedule just waits in it.
    import asyncio
    SWEEP_LOOP = asyncio.new_event_loop()
    FACTORIES += [lambda: _asyncio.Future(loop=SWEEP_LOOP), lambda: _asyncio.Task(coro(), loop=SWEEP_LOOP),
                  lambda: _asyncio.Future(loop=SWEEP_LOOP).__await__(), lambda: _asyncio._yield_once,
                  lambda: _asyncio._yield_once.__await__()]
if _asyncio_loop is not None:
    FACTORIES += [lambda: _asyncio_loop.Handle(len, (), SWEEP_LOOP),
                  lambda: _asyncio_loop.TimerHandle(1.0, len, (), SWEEP_LOOP), lambda: _asyncio_loop.NativeLoop()]


def BaseExceptionGroupish():
    # A subclass instance: natives must accept subclasses of their owner.
    class MyList(list):
        pass
    return MyList([1])


def owner_types():
    seen = []
    for f in FACTORIES:
        t = type(f())
        if all(t is not s[0] for s in seen):
            seen.append((t, f))
    for name in dir(builtins):
        v = getattr(builtins, name)
        if isinstance(v, type) and all(v is not s[0] for s in seen):
            factory = (lambda v=v: v('x')) if issubclass(v, BaseException) else (lambda v=v: v())
            try:
                factory()
            except BaseException:
                factory = None
            seen.append((v, factory))
    return seen


def arg_sets(first=()):
    """Argument tuples to try after `first` (self, for unbound calls)."""
    yield first
    yield first + TOO_MANY
    for w in WRONG:
        yield first + (w,)
        yield first + (w, w)
        yield first + (w, w, w)
        yield first + (1, w)
        yield first + ('x', w)
    # Keywords, alone and after a positional argument.
    yield first + (Keywords(x=None),)
    yield first + (1, Keywords(key=5, default=[]))


class Keywords(dict):
    """Keyword arguments, as the last item of an argument tuple."""


def label(args):
    parts = []
    for a in args:
        if isinstance(a, Keywords):
            parts.append('**' + ','.join(a))
            continue
        t = type(a).__name__
        parts.append(t if t not in ('int', 'str') else repr(a)[:12])
    return '(' + ', '.join(parts) + ')'


counter = 0
raised = 0


def attempt(desc, fn, args):
    global counter, raised
    n = counter
    counter += 1
    if n < FIRST:
        return
    if desc.rsplit('.', 1)[-1].split('[')[0] in SLOW_WITH_BIG and any(a is BIG for a in args):
        return
    print('@@', n, desc + label(args), flush=True)
    kwargs = {}
    if args and isinstance(args[-1], Keywords):
        args, kwargs = args[:-1], dict(args[-1])
    try:
        fn(*args, **kwargs)
    except BaseException:
        raised += 1


def sweep_function(owner, name, fn):
    if owner + '.' + name in SKIP or name in SKIP_ANYWHERE:
        return
    for args in arg_sets():
        attempt(owner + '.' + name, fn, args)


def sweep_type(t, factory):
    tname = t.__name__
    names = sorted(set(dir(t)))
    for name in names:
        if tname + '.' + name in SKIP or name in SKIP_ANYWHERE:
            continue
        try:
            unbound = getattr(t, name)
        except BaseException:
            continue
        if not callable(unbound):
            continue
        # Unbound: no self, a wrong self, then a real self with bad arguments.
        for args in arg_sets():
            attempt(tname + '.' + name, unbound, args)
        if factory is None:
            continue
        for args in arg_sets():
            attempt(tname + '.' + name + '[self]', lambda *a, **k: unbound(factory(), *a, **k), args)
        # Bound, through the instance.
        for args in arg_sets():
            def bound(*a, **k):
                return getattr(factory(), name)(*a, **k)
            attempt(tname + '().' + name, bound, args)


def main():
    for name in dir(builtins):
        v = getattr(builtins, name)
        if callable(v) and not isinstance(v, type):
            sweep_function('builtins', name, v)
    for module in (math, time, os, sys, random, _thread, _socket, select, binascii, zlib, gil, _asyncio, _weakref,
                   faulthandler, _opcode):
        if module is None:
            continue
        for name in dir(module):
            v = getattr(module, name)
            if callable(v) and not isinstance(v, type):
                sweep_function(module.__name__, name, v)
    for t, factory in owner_types():
        sweep_type(t, factory)
    print('@@ done', counter, raised, flush=True)


main()
