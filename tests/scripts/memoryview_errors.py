# memoryview's errors, with CPython 3.11's types and messages: read-only
# memory, bad keys and values, mismatched slice assignment, casts, hashing,
# use after release, and an array that a view exports refusing to resize.
import array

def attempt(label, f):
    try:
        r = f()
        print(label, 'ok', r)
    except Exception as e:
        print(label, type(e).__name__, e)

m = memoryview(b'abcdef')
w = memoryview(bytearray(b'abcdef'))
def setitem(view, key, value):
    view[key] = value
def delitem(view, key):
    del view[key]
attempt('no arg', lambda: memoryview())
attempt('int', lambda: memoryview(5))
attempt('str', lambda: memoryview('abc'))
attempt('list', lambda: memoryview([1, 2]))
attempt('index', lambda: m[10])
attempt('neg index', lambda: m[-7])
attempt('str key', lambda: m['a'])
attempt('float key', lambda: m[1.5])
attempt('readonly item', lambda: setitem(m, 0, 1))
attempt('readonly slice', lambda: setitem(m, slice(0, 1), b'x'))
attempt('readonly del', lambda: delitem(m, 0))
attempt('del', lambda: delitem(w, 0))
attempt('value 256', lambda: setitem(w, 0, 256))
attempt('value -1', lambda: setitem(w, 0, -1))
attempt('value float', lambda: setitem(w, 0, 1.5))
attempt('value str', lambda: setitem(w, 0, 'a'))
attempt('value index', lambda: setitem(w, 9, 1))
attempt('slice size', lambda: setitem(w, slice(0, 2), b'xyz'))
attempt('slice int', lambda: setitem(w, slice(0, 2), 5))
attempt('slice str', lambda: setitem(w, slice(0, 2), 'ab'))
attempt('slice format', lambda: setitem(w, slice(0, 2), memoryview(b'xy').cast('b')))
attempt('slice array', lambda: setitem(w, slice(0, 2), array.array('b', [1, 2])))
attempt('char value', lambda: setitem(w.cast('c'), 0, b'xy'))
attempt('char type', lambda: setitem(w.cast('c'), 0, 1))
attempt('signed', lambda: setitem(w.cast('b'), 0, 200))
ai = array.array('i', [1, 2])
attempt('int range', lambda: setitem(memoryview(ai), 0, 2**40))
attempt('int type', lambda: setitem(memoryview(ai), 0, 'x'))
attempt('double type', lambda: setitem(memoryview(array.array('d', [0.0])), 0, 'x'))
attempt('lt', lambda: m < m)
attempt('hash writable', lambda: hash(w))
attempt('hash format', lambda: hash(memoryview(ai).toreadonly()))
attempt('cast size', lambda: m.cast('i'))
attempt('cast unknown', lambda: m.cast('x'))
attempt('cast type', lambda: m.cast(5))
attempt('cast strided', lambda: m[::2].cast('B'))
attempt('cast two', lambda: memoryview(ai).cast('h'))
attempt('memoryview subclass', lambda: type('M', (memoryview,), {}))

r = memoryview(b'ab')
r.release()
for label, f in [('len', lambda: len(r)), ('item', lambda: r[0]), ('slice', lambda: r[:1]),
                 ('tobytes', lambda: r.tobytes()), ('tolist', lambda: r.tolist()), ('hex', lambda: r.hex()),
                 ('format', lambda: r.format), ('itemsize', lambda: r.itemsize), ('nbytes', lambda: r.nbytes),
                 ('readonly', lambda: r.readonly), ('obj', lambda: r.obj), ('shape', lambda: r.shape),
                 ('bytes', lambda: bytes(r)), ('bytearray', lambda: bytearray(r)), ('iter', lambda: list(r)),
                 ('cast', lambda: r.cast('B')), ('hash', lambda: hash(r)), ('enter', lambda: r.__enter__()),
                 ('view', lambda: memoryview(r)), ('eq', lambda: r == b'ab'), ('release', lambda: r.release())]:
    attempt('released ' + label, f)

a = array.array('i', [1, 2, 3])
v = memoryview(a)
attempt('array append', lambda: a.append(4))
attempt('array extend', lambda: a.extend([1]))
attempt('array extend empty', lambda: a.extend([]))
attempt('array pop', lambda: a.pop())
attempt('array insert', lambda: a.insert(0, 1))
attempt('array remove', lambda: a.remove(1))
attempt('array frombytes', lambda: a.frombytes(b'\x00\x00\x00\x00'))
attempt('array fromlist', lambda: a.fromlist([5]))
def adel(i):
    del a[i]
attempt('array del', lambda: adel(0))
attempt('array del slice', lambda: adel(slice(0, 2)))
attempt('array grow slice', lambda: a.__setitem__(slice(0, 1), array.array('i', [1, 2])))
attempt('array same slice', lambda: (a.__setitem__(slice(0, 1), array.array('i', [9])), a)[1])
attempt('array imul', lambda: a.__imul__(2))
attempt('array iadd', lambda: a.__iadd__(array.array('i', [1])))
attempt('array item', lambda: (a.__setitem__(1, -1), v.tolist())[1])
v.release()
attempt('array after release', lambda: (a.append(4), a)[1])
