# pathlib: pure path parsing and arithmetic, comparisons, and Path's file
# system operations (queries, iterdir, glob/rglob, reading and writing,
# mkdir/touch/unlink/rename, resolve, absolute, expanduser).
import os
from pathlib import Path, PosixPath, PurePath, PurePosixPath, WindowsPath


def show_error(f, *args, **kwargs):
    try:
        result = f(*args, **kwargs)
        if hasattr(result, "__next__"):
            result = list(result)
    except Exception as e:
        print(type(e).__name__, str(e).replace(base, "BASE"))
    else:
        print("no error", result)


base = "/tmp/gilvm_pathlib_%d" % os.getpid()

p = PurePath("/usr//lib/./python3.11/site.tar.gz")
print(p, repr(p), p.parts, p.name, p.suffix, p.suffixes, p.stem)
print(p.parent, list(p.parents), p.parents, len(p.parents), p.parents[-1], p.parents[1:3])
print(repr(p.anchor), repr(p.root), repr(p.drive), p.is_absolute(), p.as_posix(), bytes(p))
for text in ["", ".", "a", "a/", "//a/b", "///a", "a/../b", "./a/./b/", ".bashrc", "a.", "..", "a/b.c.d", "/"]:
    q = PurePath(text)
    print(repr(text), str(q), q.parts, repr(q.name), repr(q.suffix), q.suffixes, repr(q.stem), q.parent, q.is_absolute())
print(PurePath("a", "/b", "c"), PurePath("a", PurePath("b"), "c"), PurePath(PurePath("x")), PurePath())
print(PurePath("a") / "b" / "c", "x" / PurePath("y"), PurePath("a") / "/abs", PurePath("a").joinpath("b", "c"))
print(PurePath("a/b.txt").with_name("c.py"), PurePath("a/b.txt").with_suffix(".md"), PurePath("a/b.txt").with_suffix(""),
      PurePath("a/b").with_suffix(".x"), PurePath("a/b.tar.gz").with_stem("z"))
print(PurePath("/a/b/c").relative_to("/a"), PurePath("/a/b/c").relative_to("/a", "b"), PurePath("a/b").relative_to("a/b"))
print(PurePath("/a/b").is_relative_to("/a"), PurePath("/a/b").is_relative_to("/c"), PurePath("a").is_reserved())
print(PurePath("a/b.py").match("*.py"), PurePath("/a/b.py").match("/*.py"), PurePath("/a/b.py").match("/a/*.py"),
      PurePath("a/b/c.py").match("b/*.py"), PurePath("a/b/c.py").match("a/*.py"), PurePath("A.PY").match("*.py"))
print(PurePath("/x y/ä").as_uri(), PurePath("/a/b").as_uri())
print(PurePath("a") == PurePath("a/"), PurePath("a") == PurePosixPath("a"), Path("a") == PurePath("a"), PurePath("a") == "a")
print(hash(PurePath("a/b")) == hash(PurePath("a//b")), PurePath("a") < PurePath("b"), PurePath("/z") < PurePath("a"))
print(sorted([PurePath("b"), PurePath("a/c"), PurePath("a"), PurePath("/x")]), max(PurePath("a"), PurePath("a/b")))
print(type(PurePath("a")).__name__, type(Path("a")).__name__, isinstance(Path("a"), PurePath), isinstance(Path("a"), PurePosixPath))
print(os.fspath(PurePath("a/b")), os.path.join(PurePath("a"), "b"), isinstance(PurePath("a"), os.PathLike), str(PurePath("a")))
print(len({PurePath("a"), PurePath("a/"), PurePath("./a"), PurePath("b")}))
show_error(PurePath("/a/b").relative_to, "/c")
show_error(PurePath("a").relative_to, "/a")
show_error(PurePath("a").relative_to)
show_error(PurePath, 1)
show_error(PurePath, b"x")
show_error(PurePath("/").with_name, "x")
show_error(PurePath("a").with_name, "b/c")
show_error(PurePath("a").with_name, "")
show_error(PurePath("a").with_suffix, "b")
show_error(PurePath("a").with_suffix, ".")
show_error(PurePath("/").with_suffix, ".x")
show_error(PurePath("a").match, "")
show_error(PurePath("a").as_uri)
show_error(lambda: PurePath("a") < "b")
show_error(lambda: PurePath("a").parents[5])
show_error(lambda: PurePath("a") / 5)
show_error(WindowsPath, "a")

# concrete paths
root = Path(base)
root.mkdir()
show_error(root.mkdir)
root.mkdir(exist_ok=True)
(root / "a" / "b" / "c").mkdir(parents=True)
show_error((root / "x" / "y").mkdir)
print((root / "a").is_dir(), (root / "a").is_file(), (root / "a").exists(), (root / "nope").exists(), (root / "nope").is_dir())
f = root / "a" / "notes.txt"
print(f.write_text("line one\nline two\n"), f.read_text(), f.read_bytes(), f.stat().st_size)
print((root / "data.bin").write_bytes(b"\x00\x01\x02"), (root / "data.bin").read_bytes(), (root / "data.bin").is_file())
show_error(f.write_text, b"bytes")
with f.open("a") as handle:
    handle.write("line three\n")
with f.open() as handle:
    print(handle.readlines())
print(f.read_text(encoding="utf-8").count("line"))
(root / "t1").touch()
(root / "t1").touch()
show_error((root / "t1").touch, exist_ok=False)
print((root / "t1").exists(), (root / "t1").stat().st_size)
(root / "a" / "b" / "deep.py").touch()
(root / "a" / "top.py").touch()
(root / ".hidden.py").touch()
(root / "link").symlink_to(root / "a")
(root / "flink").symlink_to("t1")
print((root / "link").is_symlink(), (root / "link").is_dir(), (root / "flink").readlink(), (root / "a").is_symlink())
print((root / "link").resolve() == (root / "a").resolve(), (root / "link" / "top.py").resolve().name)
print(sorted(str(x).replace(base, "BASE") for x in root.iterdir()))
print(sorted(str(x.relative_to(root)) for x in root.glob("*.py")))
print(sorted(str(x.relative_to(root)) for x in root.glob("*")))
print(sorted(str(x.relative_to(root)) for x in root.glob("*/*.py")))
print(sorted(str(x.relative_to(root)) for x in root.glob("**/*.py")))
print(sorted(str(x.relative_to(root)) for x in root.glob("**")))
print(sorted(str(x.relative_to(root)) for x in root.rglob("*.py")))
print(sorted(str(x.relative_to(root)) for x in root.rglob("b")))
print(sorted(str(x.relative_to(root)) for x in root.glob("a/b/deep.py")), list(root.glob("a/missing.py")))
print(sorted(str(x.relative_to(root)) for x in root.glob("?/*")))
show_error(root.glob, "")
show_error(root.glob, "/abs")
print((root / "t1").samefile(root / "flink"), (root / "t1").samefile(str(root / "t1")))
r = (root / "t1").rename(root / "t2")
print(type(r).__name__, r.name, (root / "t1").exists())
r = r.replace(root / "t3")
print(r.name, sorted(x.name for x in root.iterdir() if x.name.startswith("t")))
(root / "t3").unlink()
show_error((root / "t3").unlink)
(root / "t3").unlink(missing_ok=True)
show_error((root / "a").rmdir)
show_error((root / "nope").stat)
show_error((root / "nope").read_text)
(root / "a" / "b" / "c").rmdir()
print((root / "a" / "b" / "c").exists())
(root / "modes").touch()
(root / "modes").chmod(0o640)
print(oct((root / "modes").stat().st_mode & 0o777), (root / "link").lstat().st_mode & 0o170000 == 0o120000)
cwd = os.getcwd()
os.chdir(base)
print(Path.cwd() == Path(os.getcwd()), Path("x").absolute() == root.resolve() / "x", Path("a/../a").resolve() == (root / "a").resolve())
print(sorted(str(x) for x in Path(".").iterdir() if x.name.startswith("a")), sorted(str(x) for x in Path().glob("a/*.py")))
print(Path("missing/../x").resolve().name, Path("/").absolute(), Path("/").resolve())
os.chdir(cwd)
os.environ["HOME"] = "/home/someone"
print(Path("~/docs").expanduser(), Path("~").expanduser(), Path("x/~").expanduser(), Path.home())
show_error(Path("~nouser_gilvm_x").expanduser)

import shutil
shutil.rmtree(base)
print(root.exists())
