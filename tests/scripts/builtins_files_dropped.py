# A file object dropped without close() is flushed at once, as CPython's
# reference counting does; one still referenced keeps its buffer.
import os

path = "/tmp/gilvm_builtins_files_dropped_%d.txt" % os.getpid()
open(path, "w").write("first line\n")
print(repr(open(path).read()))

kept = open(path, "w")
kept.write("buffered")
print(repr(open(path).read()))
kept.close()
print(repr(open(path).read()))

open(path, "a").write(" and appended")
print(os.path.getsize(path), repr(open(path).read()))

for i in range(3):
    open(path, "a").write(str(i))
print(repr(open(path).read()))

log = open(path, "w")
log.write("log start")
for i in range(3):
    print(repr(open(path).read()))
log.close()
print(repr(open(path).read()))
os.remove(path)
