# OSError as CPython 3.11: errno/strerror/filename/filename2, str(), the
# subclass OSError(errno, msg) maps to, and the errno module.
e = OSError(111, 'x'); print(type(e).__name__, e.errno, e.strerror, e.filename, e.filename2, e, e.args)
e = OSError(2, 'No such file or directory', 'x'); print(type(e).__name__, e, e.args)
e = OSError(2, 'No such', 'x', None, 'y'); print(type(e).__name__, e, e.args, e.filename2)
e = OSError('plain'); print(type(e).__name__, e, e.errno)
e = OSError(); print(repr(e), e.errno)
e = OSError(1, 2, 3, 4, 5, 6); print(e, e.errno)
e = FileNotFoundError(111, 'x'); print(type(e).__name__)
e = BlockingIOError(11, 'again', 5); print(e.characters_written, e)
try: open('/nonexistent/q')
except OSError as e: print(type(e).__name__, e.errno, e.strerror, e.filename, e)
import errno
print(errno.ECONNREFUSED, errno.errorcode[111], errno.errorcode[11])
for n in [1, 2, 4, 11, 32, 103, 104, 110, 111, 13, 17, 20, 21, 3, 10, 114, 115, 108, 22]:
    print(n, type(OSError(n, 's')).__name__)
class My(OSError):
    def __init__(self, msg):
        super().__init__(msg)
m = My('hi'); print(m, m.errno)
