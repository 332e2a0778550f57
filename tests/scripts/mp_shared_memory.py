# multiprocessing.shared_memory: SharedMemory created, attached by name (in
# this process, a fork child and an unrelated python process), errors;
# ShareableList reads, writes, reprs and errors.
import os
import subprocess
import sys
import multiprocessing as mp
from multiprocessing import shared_memory
from multiprocessing.shared_memory import SharedMemory, ShareableList

tag = "gvt%d" % os.getpid()

shm = SharedMemory(name=tag + "a", create=True, size=16)
print(repr(shm) == "SharedMemory(%r, size=16)" % (tag + "a"), shm.name == tag + "a", shm.size)
print(type(shm.buf).__name__, len(shm.buf), shm.buf.readonly, bytes(shm.buf[:4]))
shm.buf[:5] = b"hello"
other = SharedMemory(tag + "a")
print(bytes(other.buf[:5]), other.size)
other.buf[5] = 33
print(bytes(shm.buf[:6]))


def child(name):
    s = SharedMemory(name)
    s.buf[0:5] = b"HELLO"
    s.close()


p = mp.Process(target=child, args=(tag + "a",))
p.start()
p.join()
print("after fork child", bytes(shm.buf[:6]), p.exitcode)

# A process that is not our child attaches by name (python3 or gilvm alike).
# CPython 3.11's resource tracker would unlink the block when that process
# exits (gh-82300), so the attaching side unregisters it where it has one.
code = ("from multiprocessing.shared_memory import SharedMemory\n"
        "s = SharedMemory(%r)\nprint(bytes(s.buf[:6]))\ns.buf[0] = 104\ns.close()\n"
        "try:\n    from multiprocessing import resource_tracker\n"
        "    resource_tracker.unregister(s._name, 'shared_memory')\n"
        "except ImportError:\n    pass\n" % (tag + "a"))
out = subprocess.run([sys.executable, "-c", code], capture_output=True).stdout
print("other process saw", out)
print("after other process", bytes(shm.buf[:6]))

# Anonymous names.
anon = SharedMemory(create=True, size=5)
print(anon.name.startswith("psm_"), len(anon.name), anon.size >= 5)
anon.close()
anon.unlink()

# Errors.
for args, kwargs in [((), {}), ((), {"create": True}), ((), {"size": -1}),
                     ((tag + "a",), {"create": True, "size": 8}),
                     ((tag + "nope",), {}), ((tag + "z",), {"create": True, "size": 0})]:
    try:
        SharedMemory(*args, **kwargs)
    except Exception as e:
        print(type(e).__name__, str(e).replace(tag, "TAG"))

import pickle
again = pickle.loads(pickle.dumps(shm))
print(repr(again) == repr(shm), bytes(again.buf[:6]))
again.close()
view = shm.buf[2:4]
try:
    shm.close()
except BufferError as e:
    print("BufferError", e)
view.release()
shm.close()
shm.close()
print(shm.buf)
try:
    other.buf[0] = 1
    print(bytes(other.buf[:6]))
finally:
    other.close()
shm.unlink()
try:
    shm.unlink()
except FileNotFoundError as e:
    print("FileNotFoundError", e.errno, e.filename.replace(tag, "TAG"))
try:
    SharedMemory(tag + "a")
except FileNotFoundError as e:
    print("gone:", str(e).replace(tag, "TAG"))

# ShareableList.
sl = ShareableList([1, 2.5, "text", b"by", None, True, -7], name=tag + "l")
print(repr(sl).replace(tag, "TAG"))
print(len(sl), sl.format, sl[2], sl[-1], sl[4], sl[5])
sl[0] = "a str"
sl[1] = None
sl[2] = "longer!"
sl[6] = False
print(list(sl), sl.format)
try:
    sl[2] = "much too long for this"
except ValueError as e:
    print("ValueError", e)
for bad in (7, 100):
    try:
        sl[bad]
    except IndexError as e:
        print("IndexError", e)
    try:
        sl[bad] = 1
    except IndexError as e:
        print("IndexError", e)
try:
    sl[3] = [1]
except KeyError as e:
    print("KeyError", e)
print(sl.count(None), sl.index(False))
try:
    sl.index("absent")
except ValueError as e:
    print("ValueError", e)
sl[3] = "abc\x00"
print(repr(sl[3]))

import pickle
copy = pickle.loads(pickle.dumps(sl))
print(type(copy).__name__, list(copy) == list(sl), copy.shm.name == sl.shm.name)
copy.shm.close()
attached = ShareableList(name=tag + "l")
print(list(attached) == list(sl), attached.format == sl.format)


def list_child(name):
    s = ShareableList(name=name)
    s[0] = s[0].upper()
    s[5] = 12345
    s.shm.close()


p = mp.Process(target=list_child, args=(tag + "l",))
p.start()
p.join()
print(sl[0], sl[5])
print(ShareableList[int])
empty = ShareableList()
print(len(empty), list(empty), empty.format == "")
empty.shm.close()
empty.shm.unlink()
attached.shm.close()
sl.shm.close()
sl.shm.unlink()
print(shared_memory.__all__)
