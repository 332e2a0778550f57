# io.UnsupportedOperation is the class file objects raise, an OSError and a ValueError.
import io, os

print(io.UnsupportedOperation.__name__, io.UnsupportedOperation.__module__,
      issubclass(io.UnsupportedOperation, OSError), issubclass(io.UnsupportedOperation, ValueError))
print(io.SEEK_SET, io.SEEK_CUR, io.SEEK_END, io.open is open)
path = os.path.join("/tmp", "gilvm_io_unsupported_%d.txt" % os.getpid())
with open(path, "w") as f:
    try:
        f.read()
    except io.UnsupportedOperation as e:
        print("UnsupportedOperation:", e)
with open(path, "rb") as f:
    try:
        f.write(b"x")
    except ValueError as e:
        print(type(e).__name__, e)
os.remove(path)
try:
    io.StringIO().fileno()
except OSError as e:
    print(type(e).__name__, e)
