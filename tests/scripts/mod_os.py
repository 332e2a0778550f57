# os and os.path: process facts, environment, files and directories, paths.
import os
import os.path
print(os.name, os.sep, os.linesep == "\n", type(os.getpid()).__name__, os.cpu_count() >= 1)
print("PATH" in os.environ, os.environ.get("GILVM_SURELY_UNSET", 1), os.getenv("GILVM_SURELY_UNSET"), os.getenv("GILVM_SURELY_UNSET", "dflt"))
base = "/tmp/gilvm_os_test_dir"
if os.path.isdir(base):
    for name in os.listdir(base):
        os.remove(os.path.join(base, name))
    os.rmdir(base)
os.makedirs(base + "/sub", exist_ok=True)
os.rmdir(base + "/sub")
with open(os.path.join(base, "a.txt"), "w") as f:
    f.write("hello")
os.rename(os.path.join(base, "a.txt"), os.path.join(base, "b.txt"))
print(sorted(os.listdir(base)), os.path.getsize(base + "/b.txt"), os.path.exists(base + "/a.txt"))
print(os.path.isfile(base + "/b.txt"), os.path.isdir(base), os.stat(base + "/b.txt").st_size)
os.remove(base + "/b.txt")
os.rmdir(base)
print(os.path.exists(base))
try:
    os.remove(base + "/nothing")
except FileNotFoundError as e:
    print(type(e).__name__, e.errno)
print(os.path.join("a", "b", "c.txt"), os.path.join("/x", "/abs"), os.path.split("/a/b/c.txt"))
print(os.path.splitext("archive.tar.gz"), os.path.splitext(".bashrc"), os.path.basename("/a/b"), os.path.dirname("/a/b"))
print(os.path.normpath("a//b/../c/./d"), os.path.normpath("/../x"), os.path.isabs("/x"), os.path.abspath("/a/./b"))
print(len(os.urandom(8)), os.path.join(os.getcwd(), "x") == os.path.abspath("x"))
