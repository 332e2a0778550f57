# Building text: % formatting, str.format, f-strings, joins, splits and
# replaces over many short strings.
import time

start = time.perf_counter()
lines = []
for i in range(60_000):
    name = "key%d" % i
    lines.append("%s=%05d;%.3f" % (name, i, i / 7))
    lines.append("{}:{:>8}|{:x}".format(name, i, i))
    lines.append(f"{name}-{i * 3}-{i % 11:02d}")
text = "\n".join(lines)
parts = text.split("\n")
total = sum(len(p) for p in parts)
total += len(text.replace("key", "K").upper().split(";"))
total += sum(1 for p in parts if p.startswith("key1") and "9" in p)
print(f"measure: {time.perf_counter() - start:.6f}")
print(total)
