# sys.modules entries that are not modules: `from m import *` reads
# __all__ or __dict__ as CPython does; None blocks the import.
import sys


def run(src):
    g = {}
    try:
        exec(src, g)
        print(sorted(k for k in g if k != '__builtins__'))
    except Exception as e:
        print(type(e).__name__, e)


class Namespace:
    def __init__(self):
        self.a = 1
        self._hidden = 2


sys.modules['ns_instance'] = Namespace()
run('from ns_instance import *')


class WithAll:
    __all__ = ['x', 'y']
    x = 1
    y = 2
    z = 3


sys.modules['with_all'] = WithAll
run('from with_all import *')


class TupleAll:
    __all__ = ('x',)
    x = 1


sys.modules['tuple_all'] = TupleAll()
run('from tuple_all import *')

sys.modules['an_int'] = 5
run('from an_int import *')
sys.modules['a_dict'] = {'a': 1}
run('from a_dict import *')


class BadAll:
    __all__ = ['x', 3]
    x = 1


sys.modules['bad_all'] = BadAll
run('from bad_all import *')


class MissingAll:
    __all__ = ['nope']


sys.modules['missing_all'] = MissingAll
run('from missing_all import *')

sys.modules['a_str'] = 'abc'
run('from a_str import upper')
run('from a_str import nothing')
run('import a_str; print(a_str)')

sys.modules['blocked'] = None
run('import blocked')
run('from blocked import x')
run('from blocked import *')
try:
    import blocked
except ImportError as e:
    print(type(e).__name__, e.name)
