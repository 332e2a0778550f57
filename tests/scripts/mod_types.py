# types (SimpleNamespace, GenericAlias, ...) and subscriptable queue and
# futures classes.
import queue, concurrent.futures as cf, types
print(queue.Queue[int], queue.SimpleQueue[str], cf.Future[int], queue.LifoQueue[int], queue.PriorityQueue[tuple[int, str]])
print(types.SimpleNamespace(a=1, b='x'), types.GenericAlias, types.UnionType, types.FunctionType, types.NoneType)
ns = types.SimpleNamespace(x=1)
ns.y = 2
print(ns, ns == types.SimpleNamespace(x=1, y=2), ns.x + ns.y)
print(types.GenericAlias(list, (int,)), types.GenericAlias(dict, (str, int)) == dict[str, int])
print(isinstance(len, types.BuiltinFunctionType), isinstance(lambda: 0, types.FunctionType), type(types) is types.ModuleType)
def gen(): yield
print(isinstance(gen(), types.GeneratorType), types.LambdaType is types.FunctionType)
