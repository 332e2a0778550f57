# faulthandler in this process: dump_traceback to a file, one thread and
# all of them, and the errors of the module's functions.
import faulthandler
import re
import signal
import tempfile
import threading


def shown(text):
    text = re.sub(r'hread 0x[0-9a-f]+', 'hread 0x?', text)
    # Only this file's frames: the threading module's lines are not ours.
    lines = [line for line in text.splitlines() if not line.startswith('  File') or 'faulthandler_dump.py' in line]
    return '\n'.join(re.sub(r'File ".*/', 'File "', line) for line in lines)


def dump(**kw):
    with tempfile.TemporaryFile('w+') as f:
        f.write('before\n')  # buffered: dump_traceback flushes it first
        faulthandler.dump_traceback(f, **kw)
        f.seek(0)
        return f.read()


def inner(**kw):
    return dump(**kw)


def outer(**kw):
    return inner(**kw)


print(shown(outer(all_threads=False)))
print(shown(outer()))

started = threading.Event()
release = threading.Event()


def worker():
    started.set(); release.wait()


t = threading.Thread(target=worker)
t.start()
started.wait()
print(shown(outer(all_threads=True)))
release.set()
t.join()

# File descriptors work as files.
with tempfile.TemporaryFile('w+') as f:
    faulthandler.dump_traceback(f.fileno(), all_threads=False)
    f.seek(0)
    print(shown(f.read()))

print(faulthandler.is_enabled(), faulthandler.disable())
with tempfile.TemporaryFile('w+') as f:
    faulthandler.enable(f)
    print(faulthandler.is_enabled())
    faulthandler.enable(f, all_threads=False)
    print(faulthandler.disable(), faulthandler.is_enabled(), faulthandler.disable())

for call in (lambda: faulthandler.dump_traceback_later(0),
             lambda: faulthandler.dump_traceback_later(-1.5),
             lambda: faulthandler.dump_traceback_later(10**10),
             lambda: faulthandler.dump_traceback_later(10**30),
             lambda: faulthandler.dump_traceback_later(-1e10),
             lambda: faulthandler.dump_traceback_later(float('nan')),
             lambda: faulthandler.dump_traceback_later(None),
             lambda: faulthandler.register(signal.SIGSEGV),
             lambda: faulthandler.register(signal.SIGABRT),
             lambda: faulthandler.register(0),
             lambda: faulthandler.register(100000),
             lambda: faulthandler.unregister(signal.SIGFPE),
             lambda: faulthandler.enable(-1),
             lambda: faulthandler.dump_traceback(file=-5),
             lambda: faulthandler.enable(object()),
             lambda: faulthandler.enable(1, 2, 3)):
    try:
        call()
    except Exception as e:
        print(type(e).__name__, e if not isinstance(e, AttributeError) else '')
print(faulthandler.unregister(signal.SIGUSR2), faulthandler.disable())
# Timeouts are accepted and cancelled (long enough never to fire here).
for timeout in (9 * 10**9, 9.2e9, 3600, 3600.5):
    faulthandler.dump_traceback_later(timeout)
    faulthandler.cancel_dump_traceback_later()
print("cancelled")
