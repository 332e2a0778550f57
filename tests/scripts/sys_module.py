# sys: argv, path, modules, recursion limit, exit status.
import sys
print(sys.argv[1:], type(sys.path).__name__, "sys" in sys.modules, sys.getrecursionlimit())
sys.setrecursionlimit(200)
def depth(n):
    return depth(n + 1)
try:
    depth(0)
except RecursionError as e:
    print("RecursionError:", e)
sys.setrecursionlimit(1000)
try:
    sys.setrecursionlimit(0)
except ValueError as e:
    print(e)
print(sys.version_info[:2] >= (3, 0), sys.platform, sys.maxsize > 2 ** 62)
print("stderr is separate", file=sys.stderr)
sys.stdout.write("written directly\n")
try:
    sys.exit("not an int")
except SystemExit as e:
    print("SystemExit args", e.args)
sys.exit(3)
