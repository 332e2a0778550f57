from ..a.b import (c as d, e,)
import os.path as p
global q
del a[0], b.c
assert x, "m"
