# difflib against CPython's: ndiff (with '?' guide lines), unified and
# context diffs, SequenceMatcher's ratios, opcodes and matching blocks
# (junk, autojunk on long sequences), get_close_matches.
import difflib
import hashlib
import random

random.seed(5)
words = ["apple", "apply", "ample", "banana", "band", "x", "", "  spaced  ", "tab\tbed", "apple pie"]


def trial():
    a = [random.choice(words) + "\n" for _ in range(random.randint(0, 8))]
    b = [random.choice(words) + "\n" for _ in range(random.randint(0, 8))]
    out = list(difflib.ndiff(a, b))
    out += difflib.unified_diff(a, b, "a", "b")
    out += difflib.context_diff(a, b, "a", "b", n=1)
    s = difflib.SequenceMatcher(None, "".join(a), "".join(b))
    out.append(repr((round(s.ratio(), 6), round(s.quick_ratio(), 6), s.get_opcodes()[:3])) + "\n")
    return out


for _ in range(12):
    print("".join(trial()), end="")
    print("=" * 10)
many = []
for _ in range(150):
    many.extend(trial())
print(hashlib.md5("".join(many).encode()).hexdigest())

print(difflib.get_close_matches("appel", words))
print(difflib.get_close_matches("wheel", ["ape", "apple", "peach", "puppy", "wheat", "whelk"], n=2, cutoff=0.5))
long = [str(i % 7) for i in range(500)]
s = difflib.SequenceMatcher(None, long, long[3:] + ["x"])
print(s.get_matching_blocks()[:5], s.ratio(), len(s.bpopular))
s = difflib.SequenceMatcher(lambda c: c == " ", "private Thread currentThread;",
                            "private volatile Thread currentThread;")
print(round(s.ratio(), 3), s.find_longest_match(0, 29, 0, 38), s.get_opcodes())
print(list(difflib.unified_diff(["one", "two", "three"], ["one", "too", "three"], lineterm="",
                                fromfile="before", tofile="after", fromfiledate="d1", tofiledate="d2")))
print("".join(difflib.ndiff("one\ntwo\nthree\n".splitlines(keepends=True),
                            "ore\ntree\nemu\n".splitlines(keepends=True))), end="")
diff = list(difflib.ndiff(["a\n", "b\n"], ["a\n", "c\n"]))
print("".join(difflib.restore(diff, 1)), "".join(difflib.restore(diff, 2)), end="")
print(difflib.IS_LINE_JUNK("  # \n"), difflib.IS_CHARACTER_JUNK("\t"))
try:
    difflib.get_close_matches("a", [], n=0)
except ValueError as e:
    print(e)
