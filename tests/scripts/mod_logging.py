# logging: the implicit basicConfig, levels, hierarchy, propagation,
# threadName/funcName/lineno, exception(), the last-resort handler.
import logging
import sys
import threading

logging.warning("root warning before config")
logging.info("not shown")
logging.basicConfig(level=logging.DEBUG, stream=sys.stdout, force=True,
                    format="%(levelname)s %(name)s [%(threadName)s] %(funcName)s:%(lineno)d %(message)s")
logging.debug("debug %s %d", "args", 5)
log = logging.getLogger("app.worker")
log.info("info from %(who)s", {"who": "dict"})


def work(n):
    log.warning("thread %d working", n)


threads = [threading.Thread(target=work, args=(i,), name="W%d" % i) for i in range(2)]
for t in threads:
    t.start()
    t.join()
child = logging.getLogger("app.worker.sub")
print(child.parent.name, log.parent.name, logging.getLogger("app").name, log.getEffectiveLevel())
log.setLevel(logging.ERROR)
log.warning("hidden")
child.error("error from child")


class ShortTraceback(logging.Formatter):
    # The whole traceback would hold this file's absolute path.
    def formatException(self, exc_info):
        return "exception: " + repr(exc_info[1])


logging.root.handlers[0].setFormatter(ShortTraceback("%(levelname)s %(name)s %(message)s"))
try:
    1 / 0
except ZeroDivisionError:
    log.exception("failed")
quiet = logging.getLogger("quiet")
quiet.propagate = False
quiet.critical("no handler, last resort to stderr")
print(logging.getLevelName(logging.INFO), logging.getLevelName(25), logging.getLevelName("ERROR"), repr(log), repr(logging.root))
logging.disable(logging.ERROR)
log.error("disabled")
logging.disable(logging.NOTSET)
logging.log(logging.CRITICAL, "back on")
handler = logging.StreamHandler(sys.stdout)
handler.setFormatter(logging.Formatter("custom: %(message)s (%(filename)s)"))
other = logging.getLogger("other")
other.addHandler(handler)
other.propagate = False
other.warning("with %s", "custom format")
