# os: scandir, walk, stat results, links, permissions, times, environ,
# path-like objects and the errors file-system calls raise.
import os
import stat
import sys

base = "/tmp/gilvm_os_files_%d" % os.getpid()


def show_error(f, *args, **kwargs):
    try:
        f(*args, **kwargs)
    except Exception as e:
        text = str(e).replace(base, "BASE")
        print(type(e).__name__, text)
    else:
        print("no error")


class P:
    def __init__(self, p):
        self.p = p

    def __fspath__(self):
        return self.p


os.makedirs(base + "/a/b/c")
os.makedirs(base + "/a/b/c", exist_ok=True)
show_error(os.makedirs, base + "/a/b")
show_error(os.mkdir, base + "/a")
with open(base + "/a/one.txt", "w") as f:
    f.write("12345")
with open(base + "/a/b/two.bin", "wb") as f:
    f.write(b"\x00" * 10)
os.symlink("one.txt", base + "/a/link")
os.symlink(base + "/a/b", base + "/a/dirlink")

# scandir and DirEntry
with os.scandir(base + "/a") as it:
    entries = sorted(it, key=lambda e: e.name)
for e in entries:
    print(repr(e), e.name, e.path.replace(base, "BASE"), e.is_dir(), e.is_file(), e.is_symlink(),
          e.is_dir(follow_symlinks=False), e.is_file(follow_symlinks=False), e.inode() == os.lstat(e.path).st_ino)
print(entries[2].stat().st_size, entries[2].stat(follow_symlinks=False).st_size == len("one.txt"))
print(os.fspath(entries[0]) == entries[0].path, type(entries[0]).__name__)
show_error(os.DirEntry)
cwd = os.getcwd()
os.chdir(base + "/a")
print(sorted(e.path for e in os.scandir()), sorted(e.path for e in os.scandir(".")))
print(sorted(e.path for e in os.scandir(b".")))
os.chdir(cwd)
print(sorted(os.listdir(base + "/a")), sorted(os.listdir(os.fsencode(base + "/a"))))

# walk, top-down (pruning) and bottom-up
for top, dirs, files in os.walk(base):
    dirs.sort()
    print(top.replace(base, "BASE"), dirs, sorted(files))
for top, dirs, files in os.walk(base, topdown=False):
    print(top.replace(base, "BASE"), sorted(dirs), sorted(files))
for top, dirs, files in os.walk(base + "/a", followlinks=True):
    dirs.sort()
    print(top.replace(base, "BASE"), dirs, sorted(files))
for top, dirs, files in os.walk(base):
    dirs[:] = [d for d in dirs if d != "b"]
    print(top.replace(base, "BASE"), sorted(dirs))
errors = []
print(list(os.walk(base + "/missing", onerror=errors.append)), type(errors[0]).__name__)

# stat results
st = os.stat(base + "/a/one.txt")
print(type(st).__name__, st.st_size, st[6], st[stat.ST_SIZE], len(st), stat.S_ISREG(st.st_mode), stat.S_ISDIR(st.st_mode))
print(isinstance(st.st_mtime, float), st[8] == int(st.st_mtime), st.st_mtime_ns // 10**9 == st[8])
print(type(st.st_atime_ns).__name__, st.st_nlink, st.st_blocks >= 0, st.st_blksize > 0)
print(repr(st).startswith("os.stat_result(st_mode="), repr(st).count("="), isinstance(st, tuple))
lst = os.lstat(base + "/a/link")
print(stat.S_ISLNK(lst.st_mode), stat.S_ISLNK(os.stat(base + "/a/link").st_mode))
fd = os.open(base + "/a/one.txt", os.O_RDONLY)
print(os.fstat(fd).st_size, os.stat(fd).st_size, os.lseek(fd, 2, os.SEEK_SET), os.read(fd, 10))
os.close(fd)
print(os.path.samefile(base + "/a/link", base + "/a/one.txt"), os.stat(P(base + "/a/one.txt")).st_size)

# links, renames and removal
print(os.readlink(base + "/a/link"), os.readlink(os.fsencode(base + "/a/link")))
os.link(base + "/a/one.txt", base + "/a/hard.txt")
print(os.stat(base + "/a/one.txt").st_nlink)
os.rename(base + "/a/hard.txt", base + "/a/hard2.txt")
os.replace(base + "/a/hard2.txt", base + "/a/b/two.bin")
print(sorted(os.listdir(base + "/a/b")), os.path.getsize(base + "/a/b/two.bin"))
show_error(os.rename, base + "/nope", base + "/other")
show_error(os.replace, base + "/nope", base + "/other")
show_error(os.remove, base + "/nope")
show_error(os.unlink, base + "/a")
show_error(os.rmdir, base + "/a")
show_error(os.rmdir, base + "/a/one.txt")
show_error(os.listdir, base + "/a/one.txt")
show_error(os.stat, base + "/nope")
show_error(os.lstat, base + "/nope")
show_error(os.readlink, base + "/a/one.txt")
show_error(os.symlink, "x", base + "/a/link")
show_error(os.link, base + "/nope", base + "/x")
show_error(os.chdir, base + "/nope")
show_error(os.open, base + "/nope", os.O_RDONLY)
try:
    os.rename(base + "/nope", base + "/other")
except FileNotFoundError as e:
    print(e.errno, e.strerror, e.filename.replace(base, "BASE"), e.filename2.replace(base, "BASE"))

# renames and removedirs
os.makedirs(base + "/x/y/z")
os.renames(base + "/a/b/two.bin", base + "/r/s/t.bin")
print(os.path.exists(base + "/r/s/t.bin"), os.path.exists(base + "/a/b/two.bin"))
os.removedirs(base + "/x/y/z")
print(os.path.exists(base + "/x"), os.path.exists(base))

# permissions and times
os.chmod(base + "/a/one.txt", 0o600)
print(oct(stat.S_IMODE(os.stat(base + "/a/one.txt").st_mode)), stat.filemode(os.stat(base + "/a/one.txt").st_mode))
print(os.access(base + "/a/one.txt", os.R_OK), os.access(base + "/nope", os.F_OK), os.access(base, os.X_OK))
os.utime(base + "/a/one.txt", (1000000000, 1234567890.5))
st = os.stat(base + "/a/one.txt")
print(st.st_atime, st.st_mtime, st[8], st.st_mtime_ns)
os.utime(base + "/a/one.txt", ns=(5 * 10**9, 7 * 10**9 + 25))
print(os.stat(base + "/a/one.txt").st_mtime_ns)
show_error(os.utime, base + "/a/one.txt", (1, 2), ns=(1, 2))
show_error(os.utime, base + "/a/one.txt", 5)
old = os.umask(0o22)
print(oct(os.umask(old)))
os.truncate(base + "/a/one.txt", 2)
print(os.path.getsize(base + "/a/one.txt"))

# descriptors by path
fd = os.open(base + "/new.txt", os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
os.write(fd, b"abc")
os.close(fd)
show_error(os.open, base + "/new.txt", os.O_WRONLY | os.O_CREAT | os.O_EXCL)
with os.fdopen(os.open(base + "/new.txt", os.O_RDONLY)) as f:
    print(f.read())
print(os.isatty(os.open(base + "/new.txt", os.O_RDONLY)))

# argument types
show_error(os.stat, 5.0)
show_error(os.rename, 5, "x")
show_error(os.mkdir, None)
show_error(os.fspath, 5)
print(os.fspath("s"), os.fspath(b"b"), os.fspath(P("p")), os.path.join(P("a"), P("b")))
print(os.fsencode("a\xe9"), os.fsdecode(b"a\xc3\xa9"), os.fsencode(P("q")))
print(isinstance(P("x"), os.PathLike), isinstance("x", os.PathLike), issubclass(type(entries[0]), os.PathLike))

# environ
os.environ["GILVM_TEST_VAR"] = "hello there"
print(os.environ["GILVM_TEST_VAR"], os.getenv("GILVM_TEST_VAR"), "GILVM_TEST_VAR" in os.environ)
sys.stdout.flush()
os.system('echo "child sees: $GILVM_TEST_VAR"')
del os.environ["GILVM_TEST_VAR"]
sys.stdout.flush()
os.system('echo "child sees: [$GILVM_TEST_VAR]"')
print(os.environ.get("GILVM_TEST_VAR"), os.getenv("GILVM_TEST_VAR", "gone"))
os.environ.setdefault("GILVM_TEST_VAR2", "set")
print(os.environ.pop("GILVM_TEST_VAR2"), "GILVM_TEST_VAR2" in os.environ)
show_error(lambda: os.environ[1])
show_error(lambda: os.environ.__setitem__("x", 1))
show_error(lambda: os.environ["GILVM_SURELY_MISSING"])
show_error(os.putenv, "A=B", "x")
print(type(os.environ).__name__, repr(os.environ).startswith("environ({"), type(os.environ.copy()).__name__)
os.putenv("GILVM_TEST_VAR3", "direct")
sys.stdout.flush()
os.system('echo "child sees: $GILVM_TEST_VAR3"')
print("GILVM_TEST_VAR3" in os.environ)
os.unsetenv("GILVM_TEST_VAR3")
print(os.get_exec_path(env={"PATH": "/a:/b"}))

# tidy up
for top, dirs, files in os.walk(base, topdown=False):
    for name in files:
        os.remove(os.path.join(top, name))
    for name in dirs:
        p = os.path.join(top, name)
        if os.path.islink(p):
            os.unlink(p)
        else:
            os.rmdir(p)
os.rmdir(base)
print(os.path.exists(base))
