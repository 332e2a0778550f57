# Slice bounds and start/stop arguments that are not small ints: floats are
# TypeErrors, __index__ objects work, huge ints clamp as in CPython.
import heapq
from collections import Counter


class I:
    def __init__(self, n):
        self.n = n

    def __index__(self):
        return self.n


def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


show('str float stop', lambda: 'hello'[:2.5])
show('tuple inf stop', lambda: (1, 2, 3)[:1e309])
show('tuple -0.0 stop', lambda: (1, 2, 3)[:-0.0])
show('list float start', lambda: [1, 2, 3][0.0:])
show('bytes float step', lambda: b'abc'[::1.0])
show('str string stop', lambda: 'abc'[:'1'])
show('nsmallest -0.0', lambda: heapq.nsmallest(-0.0, [1]))
show('nlargest 1.5', lambda: heapq.nlargest(1.5, [3, 1, 2]))
show('nsmallest 2.5 of 2', lambda: heapq.nsmallest(2.5, [3, 1]))
show('nsmallest 1.0', lambda: heapq.nsmallest(1.0, [3, 1]))
show('nlargest 0', lambda: heapq.nlargest(0, iter([3, 1])))
show('nlargest -3', lambda: heapq.nlargest(-3, [3, 1]))
show('nsmallest 2 of iter', lambda: heapq.nsmallest(2, iter([5, 3, 4, 1])))
show('nlargest key', lambda: heapq.nlargest(2, ['a', 'ccc', 'bb'], key=len))
show('most_common 1.5 empty', lambda: Counter().most_common(1.5))
show('most_common 1.5', lambda: Counter('aab').most_common(1.5))
show('most_common 2', lambda: Counter('abcabb').most_common(2))
show('most_common ties', lambda: Counter('xyzzyx').most_common(2))
show('tuple __index__ stop', lambda: (1, 2, 3)[:I(2)])
show('list __index__ all', lambda: [1, 2, 3, 4, 5][I(-4):I(5):I(2)])
show('str __index__ step', lambda: 'abcdef'[::I(-2)])
show('bool bounds', lambda: 'abc'[True:])
show('str 2**63 stop', lambda: 'abc'[:2 ** 63])
show('str -2**63 start', lambda: 'abc'[-2 ** 63:])
show('str -2**100 stop', lambda: 'abc'[:-2 ** 100])
show('str 2**63 step', lambda: 'abc'[::2 ** 63])
show('str 2**63 step from 2', lambda: 'abc'[2::2 ** 63])
show('str -2**63 step', lambda: 'abc'[::-2 ** 63])
show('str -2**64 step', lambda: 'abc'[::-2 ** 64])
show('bytes huge both', lambda: b'abc'[2 ** 70::-2 ** 64])
show('list huge step from 1', lambda: [1, 2, 3, 4][1::10 ** 30])
show('tuple huge negative step', lambda: (1, 2, 3, 4)[-10 ** 30::-10 ** 30])
show('non-ascii str huge', lambda: 'h\xe9llo'[10 ** 20:-10 ** 20:-10 ** 20])
show('slice indices big', lambda: slice(2 ** 64).indices(5))
show('slice indices big step', lambda: slice(None, None, 2 ** 64).indices(5))
show('slice indices float', lambda: slice(1.5).indices(5))
show('slice zero step', lambda: 'abc'[::0])
show('range slice float', lambda: range(5)[1.5:])
show('range slice huge start', lambda: range(10)[2 ** 64:])
show('range slice huge stop', lambda: range(10)[:2 ** 64])
show('range slice neg huge', lambda: range(10)[-2 ** 64::3])


def assign(key, value):
    def run():
        lst = [1, 2, 3, 4]
        lst[key] = value
        return lst
    return run


def delete(key):
    def run():
        lst = [1, 2, 3, 4]
        del lst[key]
        return lst
    return run


show('assign 10**30:', assign(slice(10 ** 30, None), []))
show('assign 10**30: append', assign(slice(10 ** 30, None), [5]))
show('assign -10**30:1', assign(slice(-10 ** 30, 1), 'xy'))
show('assign huge step', assign(slice(None, None, 2 ** 64), [9]))
show('assign huge step wrong size', assign(slice(None, None, 2 ** 64), [9, 9]))
show('assign float', assign(slice(1.5, None), []))
show('del -10**30:2', delete(slice(-10 ** 30, 2)))
show('del huge step', delete(slice(None, None, 2 ** 64)))
show('del huge negative step', delete(slice(None, None, -2 ** 64)))
show('del __index__', delete(slice(I(1), I(3))))
show('del float', delete(slice(None, 2.5)))
show('del item huge', delete(10 ** 30))

show('list.index huge stop', lambda: [1, 2, 3].index(2, 0, 10 ** 30))
show('list.index huge both', lambda: [1, 2, 3].index(2, -10 ** 30, 10 ** 30))
show('list.index float', lambda: [1, 2, 3].index(2, 1.5))
show('list.index None', lambda: [1, 2, 3].index(2, None))
show('list.index __index__', lambda: [1, 2, 3].index(2, I(1)))
show('list.index past', lambda: [1, 2, 3].index(2, I(2)))
show('tuple.index huge', lambda: (1, 2, 3).index(3, -2 ** 70, 2 ** 70))
show('tuple.index float', lambda: (1, 2, 3).index(3, 0, 2.0))
show('str.index huge', lambda: 'abc'.index('b', 0, 10 ** 30))
show('str.index float', lambda: 'abc'.index('b', 0, 1.5))
show('str.find huge negative', lambda: 'abc'.find('b', -10 ** 30))
show('str.find None', lambda: 'abc'.find('c', None, None))
show('str.count huge', lambda: 'abcabc'.count('a', 0, 10 ** 30))
show('str.startswith huge', lambda: 'abc'.startswith('a', 0, 10 ** 30))
show('str.rfind __index__', lambda: 'abcabc'.rfind('a', I(1), I(5)))
show('bytes.index huge', lambda: b'abc'.index(b'b', 0, 10 ** 30))
show('bytes.index __index__', lambda: b'abc'.index(b'b', I(1)))
show('bytes.find float', lambda: b'abc'.find(b'b', 0.5))
show('bytes.count huge', lambda: b'abcb'.count(b'b', -10 ** 30, 10 ** 30))

show('str item float', lambda: 'abc'[I(1)])
show('str item huge', lambda: 'abc'[10 ** 30])
show('list item huge', lambda: [1][10 ** 30])
show('list item -huge', lambda: [1][-10 ** 30])
show('tuple item __index__', lambda: (1,)[I(0)])
show('bytes item huge', lambda: b'a'[2 ** 64])
# Found by fuzz_interp: a callable (no __index__) as a slice bound.
show('list slice stop builtin', lambda: [1, 2][:zip])
show('str slice stop builtin', lambda: 'abc'[:len])
