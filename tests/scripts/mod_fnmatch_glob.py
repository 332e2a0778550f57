# fnmatch (matching, filter, translate) and glob (glob, iglob, recursive **,
# hidden files, root_dir, escape).
import fnmatch
import glob
import os

print(fnmatch.fnmatch("readme.TXT", "*.TXT"), fnmatch.fnmatch("readme.txt", "*.TXT"))
print(fnmatch.fnmatchcase("a.py", "?.py"), fnmatch.fnmatchcase("ab.py", "?.py"))
print(fnmatch.fnmatch("a1", "a[0-9]"), fnmatch.fnmatch("ax", "a[!0-9]"), fnmatch.fnmatch("a-", "a[a-]"))
print(fnmatch.fnmatch("[x]", "[[]x]"), fnmatch.fnmatch("a]", "a[]]"), fnmatch.fnmatch("ab", "a[]"))
print(fnmatch.fnmatch("line\nbreak", "line*"), fnmatch.fnmatch("x.tar.gz", "*.tar.*"))
print(fnmatch.filter(["a.py", "b.txt", "c.py", ".d.py"], "*.py"))
print(fnmatch.fnmatch(b"data.bin", b"*.bin"), fnmatch.filter([b"x1", b"y2"], b"x?"))
for pat in ["*.py", "a?c", "[abc]", "[!abc]", "[a-z]*", "x*y*z", "[", "[]]", "[!]", "a\\b", "[z-a]", "**", "a&&b", "[a&b]"]:
    print(repr(pat), fnmatch.translate(pat))

base = "/tmp/gilvm_glob_%d" % os.getpid()
for d in ["", "/src", "/src/pkg", "/src/pkg/deep", "/docs", "/.hidden"]:
    os.makedirs(base + d, exist_ok=True)
for f in ["/top.py", "/src/a.py", "/src/b.txt", "/src/pkg/c.py", "/src/pkg/deep/d.py", "/docs/x.md",
          "/.hidden/h.py", "/.dot.py", "/src/[weird].py"]:
    open(base + f, "w").close()


def show(results):
    print(sorted(r.replace(base, "BASE") for r in results))


show(glob.glob(base + "/*.py"))
show(glob.glob(base + "/*"))
show(glob.glob(base + "/.*"))
show(glob.glob(base + "/*", include_hidden=True))
show(glob.glob(base + "/src/*.py"))
show(glob.glob(base + "/*/*.py"))
show(glob.glob(base + "/**/*.py"))
show(glob.glob(base + "/**/*.py", recursive=True))
show(glob.glob(base + "/**", recursive=True))
show(glob.glob(base + "/**/", recursive=True))
show(glob.glob(base + "/src/**/deep", recursive=True))
show(glob.glob(base + "/src/?.*"))
show(glob.glob(base + "/src/[ab].*"))
show(glob.glob(base + "/src/" + glob.escape("[weird].py")))
show(glob.glob(base + "/nothing/*.py"))
show(glob.glob(base + "/top.py"))
show(glob.glob(base + "/missing.py"))
show(glob.glob(base + "/src/"))
show(glob.glob("*.py", root_dir=base + "/src"))
show(glob.glob("**/*.py", root_dir=base, recursive=True))
show(glob.glob("**", root_dir=base + "/src", recursive=True))
show(list(glob.iglob(base + "/src/pkg/*")))
print(type(glob.iglob(base + "/*")).__name__)
print(sorted(glob.glob(os.fsencode(base) + b"/src/*.py")) == sorted(os.fsencode(p) for p in glob.glob(base + "/src/*.py")))
print(glob.escape("a*b?c[d]"), glob.escape(b"x[1]"), glob.has_magic("a*"), glob.has_magic("abc"))
cwd = os.getcwd()
os.chdir(base)
show(glob.glob("*.py"))
show(glob.glob("**/*.py", recursive=True))
show(glob.glob("src/*"))
show(glob.glob("**", recursive=True))
os.chdir(cwd)

for top, dirs, files in os.walk(base, topdown=False):
    for name in files:
        os.remove(os.path.join(top, name))
    for name in dirs:
        os.rmdir(os.path.join(top, name))
os.rmdir(base)
