# bytearray's errors: CPython 3.11's types and messages, and the
# BufferError of resizing a bytearray that a memoryview exports.
def attempt(label, f):
    try:
        r = f()
        print(label, 'ok', r)
    except Exception as e:
        print(label, type(e).__name__, e)

attempt('str no encoding', lambda: bytearray('abc'))
attempt('negative', lambda: bytearray(-1))
attempt('range', lambda: bytearray([300]))
attempt('float', lambda: bytearray(1.5))
attempt('encoding no str', lambda: bytearray(b'x', 'utf-8'))
attempt('errors no str', lambda: bytearray('x', errors='strict'))
attempt('bad item', lambda: bytearray(['a']))
attempt('unknown enc', lambda: bytearray('x', 'nope'))
attempt('concat', lambda: bytearray(b'a') + 'a')
attempt('concat int', lambda: bytearray(b'a') + 1)
attempt('mul', lambda: bytearray(b'a') * 'x')
attempt('index', lambda: bytearray(b'abc')[5])
attempt('index type', lambda: bytearray(b'abc')['x'])
attempt('hash', lambda: hash(bytearray(b'a')))
attempt('contains range', lambda: 300 in bytearray(b'a'))
attempt('contains str', lambda: 'a' in bytearray(b'a'))
attempt('lt str', lambda: bytearray(b'a') < 'a')
attempt('join', lambda: bytearray(b',').join([b'a', 1]))
attempt('find', lambda: bytearray(b'a').find('a'))
attempt('split', lambda: bytearray(b'a').split('a'))
attempt('startswith', lambda: bytearray(b'a').startswith('a'))
attempt('fromhex', lambda: bytearray.fromhex('zz'))
attempt('decode', lambda: bytearray(b'\xff').decode())
attempt('descriptor', lambda: bytearray.upper(b'abc'))

def setitem(key, value):
    b = bytearray(b'abcd')
    b[key] = value
    return b
attempt('set 256', lambda: setitem(0, 256))
attempt('set -1', lambda: setitem(0, -1))
attempt('set str', lambda: setitem(0, 'a'))
attempt('set out', lambda: setitem(9, 1))
attempt('set key', lambda: setitem('k', 1))
attempt('slice int', lambda: setitem(slice(0, 2), 5))
attempt('slice str', lambda: setitem(slice(0, 2), 'ab'))
attempt('slice none', lambda: setitem(slice(0, 2), None))
attempt('slice range', lambda: setitem(slice(0, 1), [300]))
attempt('extended', lambda: setitem(slice(None, None, 2), b'xyz'))

def mutate(f):
    b = bytearray(b'abcd')
    f(b)
    return b
def delete(b, key):
    del b[key]
attempt('del out', lambda: mutate(lambda b: delete(b, 9)))
attempt('del key', lambda: mutate(lambda b: delete(b, 'x')))
attempt('append str', lambda: mutate(lambda b: b.append('a')))
attempt('append 256', lambda: mutate(lambda b: b.append(256)))
attempt('append none', lambda: mutate(lambda b: b.append()))
attempt('extend int', lambda: mutate(lambda b: b.extend(5)))
attempt('extend str', lambda: mutate(lambda b: b.extend('ab')))
attempt('extend bad', lambda: mutate(lambda b: b.extend([1, 'x'])))
attempt('extend range', lambda: mutate(lambda b: b.extend([1, 256])))
attempt('insert 256', lambda: mutate(lambda b: b.insert(0, 256)))
attempt('pop empty', lambda: bytearray().pop())
attempt('pop out', lambda: bytearray(b'a').pop(4))
attempt('remove', lambda: bytearray(b'a').remove(3))
attempt('remove range', lambda: bytearray(b'a').remove(300))
def iadd(b, x):
    b += x
def imul(b, x):
    b *= x
attempt('iadd str', lambda: mutate(lambda b: iadd(b, 'x')))
attempt('imul str', lambda: mutate(lambda b: imul(b, 'x')))

# Exports: a live memoryview pins the size, not the contents.
def exported(f):
    b = bytearray(b'abcd')
    m = memoryview(b)
    try:
        f(b)
    finally:
        print('  still', m.tobytes(), len(m))
    return b
attempt('exp append', lambda: exported(lambda b: b.append(1)))
attempt('exp extend', lambda: exported(lambda b: b.extend(b'x')))
attempt('exp iadd', lambda: exported(lambda b: iadd(b, b'x')))
attempt('exp imul', lambda: exported(lambda b: imul(b, 2)))
attempt('exp imul1', lambda: exported(lambda b: imul(b, 1)))
attempt('exp grow slice', lambda: exported(lambda b: b.__setitem__(slice(0, 1), b'xy')))
attempt('exp same slice', lambda: exported(lambda b: b.__setitem__(slice(0, 2), b'xy')))
attempt('exp item', lambda: exported(lambda b: b.__setitem__(0, 90)))
attempt('exp del', lambda: exported(lambda b: delete(b, 0)))
attempt('exp del slice', lambda: exported(lambda b: delete(b, slice(0, 2))))
attempt('exp pop', lambda: exported(lambda b: b.pop()))
attempt('exp remove', lambda: exported(lambda b: b.remove(97)))
attempt('exp insert', lambda: exported(lambda b: b.insert(0, 1)))
attempt('exp clear', lambda: exported(lambda b: b.clear()))
attempt('exp init', lambda: exported(lambda b: b.__init__(b'x')))
attempt('exp reverse', lambda: exported(lambda b: b.reverse()))

b = bytearray(b'xy')
m = memoryview(b)
m2 = m[1:]
m.release()
attempt('slice still exports', lambda: b.append(1))
m2.release()
attempt('released', lambda: (b.append(1), b)[1])
with memoryview(b) as v:
    attempt('inside with', lambda: b.append(2))
attempt('after with', lambda: (b.append(2), b)[1])
# A view nobody holds any more no longer pins the bytearray, as under
# reference counting.
memoryview(b)[0]
attempt('dropped view', lambda: (b.append(3), b)[1])
v = memoryview(b)
del v
attempt('deleted view', lambda: (b.append(4), b)[1])
