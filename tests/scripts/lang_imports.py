# Imports: modules on sys.path, packages with relative imports, aliases,
# from-imports, module caching, __name__ and __main__.
import sys
sys.path.append(sys.path[0] + "/lib_modules" if sys.path[0] else "lib_modules")
import math_helper
import math_helper as mh
from math_helper import multiply, calls as initial_calls
import mypkg
from mypkg import shapes
from mypkg.shapes import area as shape_area
print(math_helper.multiply(6, 7), mh is math_helper, multiply(2, 3), initial_calls)
print(mypkg.PACKAGE_NAME, mypkg.area(3, 4), shapes.area(2, 5), shape_area(1, 1), math_helper.calls)
print(math_helper.__name__, mypkg.__name__, shapes.__name__, __name__)
print("math_helper" in sys.modules, "mypkg.shapes" in sys.modules, math_helper.__doc__)
try:
    from math_helper import nothing_here
except ImportError as e:
    print(type(e).__name__)
try:
    import definitely_not_a_module
except ModuleNotFoundError as e:
    print(e)
if __name__ == "__main__":
    print("main block runs")

# Module reprs say where a module came from; `builtins` is the namespace that
# name lookups fall back to.
import time, builtins
here = sys.path[0]
print(sys, time, builtins)
print(repr(mypkg).replace(here, "HERE"), repr(shapes).replace(here, "HERE"))
print(builtins.len is len, builtins.__name__)
builtins.shared_everywhere = 42
print(shared_everywhere)
del builtins.shared_everywhere
print(hasattr(builtins, "shared_everywhere"))
