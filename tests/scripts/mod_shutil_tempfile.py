# shutil (copies, trees, move, rmtree, which, disk_usage, terminal size) and
# tempfile (mkstemp, mkdtemp, Named/Spooled/TemporaryFile, TemporaryDirectory).
import os
import shutil
import stat
import sys
import tempfile

print(tempfile.gettempdir() == os.path.abspath(os.environ.get("TMPDIR", "/tmp")), tempfile.gettempprefix())

with tempfile.TemporaryDirectory() as base:
    print(os.path.isdir(base), oct(stat.S_IMODE(os.stat(base).st_mode)), os.path.basename(base).startswith("tmp"))
    src = os.path.join(base, "src")
    os.makedirs(os.path.join(src, "sub", "deeper"))
    with open(os.path.join(src, "a.txt"), "w") as f:
        f.write("alpha\n" * 100)
    with open(os.path.join(src, "sub", "b.log"), "w") as f:
        f.write("beta")
    with open(os.path.join(src, "sub", "deeper", "c.txt"), "w") as f:
        f.write("gamma")
    os.symlink("a.txt", os.path.join(src, "link"))
    os.chmod(os.path.join(src, "a.txt"), 0o640)
    os.utime(os.path.join(src, "a.txt"), (1000000000, 1100000000))

    def rel(p):
        return p.replace(base, "BASE")

    def tree(top):
        out = []
        for d, dirs, files in os.walk(top):
            for name in sorted(dirs + files):
                p = os.path.join(d, name)
                kind = "L" if os.path.islink(p) else ("D" if os.path.isdir(p) else "F")
                out.append(kind + ":" + os.path.relpath(p, top))
        return sorted(out)

    print(rel(shutil.copyfile(os.path.join(src, "a.txt"), os.path.join(base, "copy1.txt"))))
    st = os.stat(os.path.join(base, "copy1.txt"))
    print(st.st_size, oct(stat.S_IMODE(st.st_mode)) != "0o640" or "same-by-umask", st.st_mtime == 1100000000)
    dst = shutil.copy(os.path.join(src, "a.txt"), base)
    print(rel(dst), oct(stat.S_IMODE(os.stat(dst).st_mode)), os.stat(dst).st_mtime == 1100000000)
    os.remove(dst)
    dst = shutil.copy2(os.path.join(src, "a.txt"), os.path.join(base, "copy2.txt"))
    print(rel(dst), oct(stat.S_IMODE(os.stat(dst).st_mode)), os.stat(dst).st_mtime)
    try:
        shutil.copyfile(dst, dst)
    except shutil.SameFileError as e:
        print(type(e).__name__, rel(str(e)), isinstance(e, OSError))
    try:
        shutil.copyfile(os.path.join(base, "nope"), os.path.join(base, "x"))
    except FileNotFoundError as e:
        print(type(e).__name__, rel(str(e)))
    try:
        shutil.copyfile(dst, os.path.join(base, "no", "dir"))
    except FileNotFoundError as e:
        print(type(e).__name__, rel(str(e)))
    shutil.copyfile(os.path.join(src, "link"), os.path.join(base, "linkcopy"), follow_symlinks=False)
    print(os.path.islink(os.path.join(base, "linkcopy")), os.readlink(os.path.join(base, "linkcopy")))

    print(rel(shutil.copytree(src, os.path.join(base, "tree1"))))
    print(tree(os.path.join(base, "tree1")))
    shutil.copytree(src, os.path.join(base, "tree2"), symlinks=True, ignore=shutil.ignore_patterns("*.log", "deeper"))
    print(tree(os.path.join(base, "tree2")))
    try:
        shutil.copytree(src, os.path.join(base, "tree2"))
    except FileExistsError as e:
        print(type(e).__name__, rel(str(e)))
    shutil.copytree(src, os.path.join(base, "tree2"), dirs_exist_ok=True)
    print(tree(os.path.join(base, "tree2")))

    print(rel(shutil.move(os.path.join(base, "copy1.txt"), os.path.join(base, "moved.txt"))))
    os.mkdir(os.path.join(base, "target"))
    print(rel(shutil.move(os.path.join(base, "moved.txt"), os.path.join(base, "target"))))
    print(rel(shutil.move(os.path.join(base, "tree2"), os.path.join(base, "target"))))
    print(tree(os.path.join(base, "target")))
    try:
        shutil.move(os.path.join(base, "copy2.txt"), os.path.join(base, "target"))
        shutil.copy(dst if os.path.exists(dst) else os.path.join(base, "target", "copy2.txt"), base)
        shutil.move(os.path.join(base, "copy2.txt"), os.path.join(base, "target"))
    except shutil.Error as e:
        print(type(e).__name__, rel(str(e)))
    try:
        shutil.move(os.path.join(base, "target"), os.path.join(base, "target", "inside"))
    except shutil.Error as e:
        print(type(e).__name__, rel(str(e)))

    shutil.rmtree(os.path.join(base, "tree1"))
    print(os.path.exists(os.path.join(base, "tree1")))
    try:
        shutil.rmtree(os.path.join(base, "tree1"))
    except FileNotFoundError as e:
        print(type(e).__name__, rel(str(e)))
    shutil.rmtree(os.path.join(base, "tree1"), ignore_errors=True)
    calls = []
    shutil.rmtree(os.path.join(base, "tree1"), onerror=lambda f, p, info: calls.append((f.__name__, rel(p), info[0].__name__)))
    print(calls)
    try:
        shutil.rmtree(os.path.join(src, "link"))
    except OSError as e:
        print(type(e).__name__, e)

    with open(os.path.join(base, "tool"), "w") as f:
        f.write("#!/bin/sh\n")
    os.chmod(os.path.join(base, "tool"), 0o755)
    print(rel(shutil.which("tool", path=base)), shutil.which("tool", path="/nonexistent"), shutil.which("sh") is not None)
    print(shutil.which(os.path.join(base, "tool")) == os.path.join(base, "tool"), shutil.which("definitely-not-a-command-x"))
    usage = shutil.disk_usage(base)
    print(type(usage).__name__, usage.total >= usage.used, usage.free > 0, usage._fields)

    import io
    a, b = io.BytesIO(b"x" * 100000), io.BytesIO()
    shutil.copyfileobj(a, b, 1000)
    print(len(b.getvalue()))

    # tempfile in the temporary directory
    fd, path = tempfile.mkstemp(suffix=".dat", prefix="pre_", dir=base)
    os.write(fd, b"data")
    os.close(fd)
    name = os.path.basename(path)
    print(name.startswith("pre_"), name.endswith(".dat"), len(name), oct(stat.S_IMODE(os.stat(path).st_mode)), os.path.isabs(path))
    d = tempfile.mkdtemp(prefix="d_", dir=base)
    print(os.path.isdir(d), os.path.basename(d).startswith("d_"), oct(stat.S_IMODE(os.stat(d).st_mode)))
    fd, bpath = tempfile.mkstemp(dir=os.fsencode(base))
    os.close(fd)
    print(type(bpath).__name__)
    try:
        tempfile.mkstemp(prefix=b"x", suffix="y", dir=base)
    except TypeError as e:
        print(e)
    with tempfile.NamedTemporaryFile(dir=base, suffix=".txt") as f:
        f.write(b"hello")
        f.flush()
        print(os.path.exists(f.name), f.name.endswith(".txt"), open(f.name).read(), f.delete)
        name = f.name
    print(os.path.exists(name))
    f = tempfile.NamedTemporaryFile("w+", dir=base, delete=False)
    f.write("text mode")
    f.seek(0)
    print(f.read())
    f.close()
    print(os.path.exists(f.name))
    with tempfile.TemporaryFile(dir=base) as f:
        f.write(b"anonymous")
        f.seek(0)
        print(f.read(), type(f.name).__name__)
    with tempfile.TemporaryFile("w+", dir=base) as f:
        f.write("text")
        f.seek(0)
        print(f.read())
    with tempfile.SpooledTemporaryFile(max_size=10, dir=base) as f:
        f.write(b"small")
        print(f._rolled, f.tell())
        f.write(b" and now larger")
        print(f._rolled)
        f.seek(0)
        print(f.read())
    s = tempfile.SpooledTemporaryFile(mode="w+")
    s.write("spooled text")
    s.seek(0)
    print(s.read(), s._rolled, s.name)
    s.close()
    td = tempfile.TemporaryDirectory(dir=base, suffix="_td")
    print(repr(td).startswith("<TemporaryDirectory '"), td.name.endswith("_td"))
    with open(os.path.join(td.name, "f"), "w") as f:
        f.write("x")
    td.cleanup()
    print(os.path.exists(td.name))
    td.cleanup()
print(os.path.exists(base))
size = shutil.get_terminal_size((77, 33))
print(type(size).__name__, size.columns > 0, size.lines > 0)
os.environ["COLUMNS"] = "120"
os.environ["LINES"] = "40"
print(shutil.get_terminal_size())
