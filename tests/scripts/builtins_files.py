# open() and file objects: modes, read/readline/readlines/iteration, write,
# writelines, context managers, closed files, errors.

def check(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

path = "/tmp/gilvm_builtins_files_test.txt"

f = open(path, "w")
print(f.name, f.mode, f.closed, f.writable(), f.readable())
print(f.write("line one\n"), f.write("línea dos\n"), f.write(""))
f.writelines(["three\n", "four"])
f.close()
print(f.closed)
f.close()  # closing twice is fine
check(lambda: f.write("x"))
check(lambda: f.read())
check(lambda: f.readline())
check(lambda: f.flush())

with open(path) as f:
    print(f.mode, f.closed)
    print(repr(f.read()))
print(f.closed)

with open(path, "r") as f:
    print(repr(f.readline()), repr(f.readline()))
    print(repr(f.read(3)), repr(f.read(0)), repr(f.readline()))
    print(repr(f.readline()), repr(f.readline()), repr(f.read()))

with open(path) as f:
    print(f.readlines())
with open(path) as f:
    for line in f:
        print(repr(line))
with open(path) as f:
    print(list(f) == open(path).readlines())
with open(path) as f:
    print(repr(f.readline(4)), repr(f.readline(100)), repr(f.read(4)))

with open(path, "a") as f:
    print(f.write("\nappended\n"))
with open(path) as f:
    print(f.read().splitlines())

# Text mode translates \r\n and \r on reading.
with open(path, "wb") as f:
    print(f.write(b"a\r\nb\rc\nd"))
with open(path) as f:
    print(repr(f.read()))
with open(path, "rb") as f:
    print(repr(f.read()))
with open(path, newline="") as f:
    print(repr(f.read()))
with open(path, "rb") as f:
    print(repr(f.read(2)), repr(f.readline()), repr(f.readlines()))

# r+ reads and writes.
with open(path, "w") as f:
    f.write("0123456789")
with open(path, "r+") as f:
    print(repr(f.read(4)))
    f.seek(0)
    f.write("ab")
    f.seek(0)
    print(repr(f.read()), f.tell())
with open(path, "w+") as f:
    f.write("hello")
    f.seek(0)
    print(repr(f.read()))

# Writing what is not a str.
with open(path, "w") as f:
    check(lambda: f.write(5))
    check(lambda: f.write(b"x"))
    check(lambda: f.read())
with open(path, "wb") as f:
    check(lambda: f.write("x"))
    print(f.write(bytes(b"xy")))
with open(path) as f:
    check(lambda: f.write("x"))

# Exceptions inside with still close the file.
try:
    with open(path) as f:
        raise KeyError("k")
except KeyError as e:
    print("KeyError", e, f.closed)

check(lambda: open("/tmp/gilvm_no_such_dir/x.txt"))
try:
    open("/tmp/gilvm_no_such_file.txt")
except OSError as e:
    print(type(e).__name__, e.errno, e.strerror, e.filename)
    print(isinstance(e, FileNotFoundError), isinstance(e, OSError))
try:
    open("/tmp")
except OSError as e:
    print(type(e).__name__, e)
check(lambda: open(path, "z"))
check(lambda: open(path, "rw"))
check(lambda: open(path, "rr"))
check(lambda: open(path, "rbt"))
check(lambda: open(path, "rb", encoding="utf-8"))
check(lambda: open(path, 5))
check(lambda: open(path, encoding="no-such-codec"))
check(lambda: open(path, buffering=0))
check(lambda: open())
check(lambda: open(path, foo=1))
check(lambda: open([1]))
check(lambda: open(path, "x"))

with open(path, "w", encoding="utf-8") as f:
    print(f.encoding)
    print(f.write("é☺😀"))
with open(path, encoding="utf-8") as f:
    print(repr(f.read(2)), repr(f.read(1)), repr(f.read(5)))
with open(path, "rb") as f:
    print(f.read(), f.mode)

f = open(path)
print(next(f), end="")
check(lambda: next(f))
f.close()
check(lambda: next(f))
check(lambda: iter(f))
with open(path, "w") as f:
    f.write("a\nb\n")
print(sum(1 for _ in open(path)))

with open(path, "wb") as f:
    f.write(b"ok\xffno")
with open(path) as f:
    check(lambda: f.read())
print(repr(open(path, "rb").read()))
