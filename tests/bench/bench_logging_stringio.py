# Logging into memory: a logger whose handler writes to an io.StringIO,
# with a %-style format, positional and mapping arguments, records below the
# logger's level that are dropped early, and a text read back at the end.
import io
import logging
import time


def main():
    buffer = io.StringIO()
    handler = logging.StreamHandler(buffer)
    handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    log = logging.getLogger("bench.memory")
    log.propagate = False
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    start = time.perf_counter()
    for i in range(30_000):
        log.info("request %d served in %.1f ms", i, (i % 97) / 7)
        log.debug("cache probe %d", i)
        if i % 5 == 0:
            log.warning("slow path for %(user)s", {"user": "u%d" % (i % 13)})
        if i % 1000 == 500:
            buffer.seek(0)
            buffer.truncate()
            log.error("rotated after %d", i)
    elapsed = time.perf_counter() - start
    text = buffer.getvalue()
    lines = text.splitlines()
    print("measure: %.6f" % elapsed)
    print(len(lines), len(text), lines[0], lines[-1], sum(len(l) for l in lines) % 100_003)


main()
