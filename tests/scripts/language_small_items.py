# Small language items: namedtuple name checks, bytes() argument types,
# __class_getitem__, sys.implementation/flags, range slicing, split(None, n).
import sys
print(sys.implementation.name != "", sys.flags.optimize, sys.flags.dont_write_bytecode in (0, 1))
print((5).bit_count(), "a b  c d".split(None, 1), range(0, 20, 3)[1::2], range(10)[::-2])
class G:
    def __class_getitem__(cls, item): return f"G[{item}]"
print(G[int])
s = "abc"; print(s.strip() is s)
for bad in (lambda: bytes([1], 1), lambda: bytearray("x", 2), lambda: hash({}.keys())):
    try: bad(); print("no error")
    except TypeError as e: print("TypeError", e)
try: '\ud800'.encode()
except UnicodeEncodeError as e: print("UEE", e.reason)
from collections import namedtuple
for names in (["a", "a"], ["a", "class"]):
    try: namedtuple("N", names)
    except ValueError as e: print("ValueError", e)
import enum
try:
    enum.Enum("E", ["A", "A"])
except Exception as e: print(type(e).__name__, e)
class R:
    def __radd__(self, o): return "radd"
print("x" + R())
try:
    exec("async for x in y: pass")
except SyntaxError as e: print("SyntaxError", e.msg)
print(OSError(2, "x").errno)
for a in [(b"x",1),([1],1),([1],"utf-8"),([1],None,"strict"),("x",None),("x","utf-8",3),(1, "utf-8")]:
    try: print(bytes(*a))
    except TypeError as e: print(e)
from collections import namedtuple
print(namedtuple("N", ["a", "def", "_x", "a"], rename=True)._fields)
for bad in ("1bad", "class"):
    try: namedtuple(bad, "a")
    except ValueError as e: print(e)
