# Regular expressions: compiled and module-level search, match, sub (with
# templates and callables), findall, finditer and split over log-like
# lines, ASCII and non-ASCII. Times its hot loop; the checksum comes last.
import re
import time

LINES = [
    "2024-01-%02d 12:%02d:07 host%d GET /api/v1/items/%d?q=caf%s HTTP/1.1 200 %d bytes user=j.doe@example.com"
    % (i % 28 + 1, i % 60, i % 7, i * 37, "é" if i % 3 == 0 else "e", i * 101 % 9973)
    for i in range(400)
]
STAMP = re.compile(r"(\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d)")
REQUEST = re.compile(r"(?P<method>GET|POST) (?P<path>/[^\s?]*)(?:\?(?P<query>\S*))? HTTP/(?P<version>[\d.]+)")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")
WORDS = re.compile(r"\w+")


def work():
    total = 0
    for line in LINES:
        m = STAMP.match(line)
        total += int(m.group(3)) + int(m.group(6))
        r = REQUEST.search(line)
        total += len(r.group("path")) + len(r["query"] or "") + r.end()
        total += len(EMAIL.findall(line))
        total += len(re.sub(r"\d+", "#", line))
        total += len(re.sub(r"(\w+)=(\S+)", r"\2=\1", line))
        total += len(REQUEST.sub(lambda m: m.group("method").lower(), line))
        total += sum(m.end() - m.start() for m in WORDS.finditer(line))
        total += len(re.split(r"[\s/?=&]+", line))
        if re.search(r"caf\w", line, re.IGNORECASE):
            total += 1
    return total


work()
start = time.perf_counter()
checksum = 0
for _ in range(25):
    checksum += work()
print("measure: %.6f" % (time.perf_counter() - start))
print(checksum)
