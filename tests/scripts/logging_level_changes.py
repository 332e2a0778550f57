# Logger.isEnabledFor follows every level change (the answers are cached per
# logger, as in CPython), records get filename/module from the caller's
# path, and records reach a StringIO-backed handler in order.
import io
import logging
import os.path

child = logging.getLogger("app.db.conn")
print(child.isEnabledFor(logging.INFO), child.isEnabledFor(logging.WARNING), child.getEffectiveLevel())
logging.getLogger("app").setLevel(logging.DEBUG)
print(child.isEnabledFor(logging.INFO), child.getEffectiveLevel())
middle = logging.getLogger("app.db")
middle.setLevel(logging.ERROR)
print(child.isEnabledFor(logging.INFO), child.isEnabledFor(logging.ERROR), child.getEffectiveLevel())
logging.disable(logging.CRITICAL)
print(child.isEnabledFor(logging.ERROR), child.isEnabledFor(logging.CRITICAL + 1))
logging.disable(logging.NOTSET)
print(child.isEnabledFor(logging.ERROR))
child.disabled = True
print(child.isEnabledFor(logging.ERROR))
child.disabled = False
child.setLevel(logging.DEBUG)
print(child.isEnabledFor(logging.DEBUG), middle.isEnabledFor(logging.DEBUG))

stream = io.StringIO()
handler = logging.StreamHandler(stream)
handler.setFormatter(logging.Formatter("%(levelname)s|%(name)s|%(filename)s|%(module)s|%(funcName)s|%(message)s"))
log = logging.getLogger("fmt")
log.propagate = False
log.addHandler(handler)
log.setLevel(logging.INFO)


def work(i):
    log.info("item %d of %s", i, "é")
    log.debug("hidden %d", i)


for i in range(3):
    work(i)
log.warning("%(k)s", {"k": "mapping"})
log.setLevel(logging.WARNING)
work(9)
log.error("done")
print(stream.getvalue(), end="")
print(stream.tell(), len(stream.getvalue().splitlines()))

for p in ["/a/b/c.py", "c.py", "/", "", "dir/", "a/b.tar.gz", "//x", ".hidden"]:
    print(repr(os.path.basename(p)), os.path.splitext(os.path.basename(p)))
