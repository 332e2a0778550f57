# memoryview over bytes, bytearray and array.array: attributes, indexing,
# slicing as zero-copy views, writing through views, cast, tobytes, tolist,
# hex, equality, hashing, release and the context manager.
import array

m = memoryview(b'abcdef')
print(type(m).__name__, len(m), m[0], m[-1], m.format, m.itemsize, m.nbytes, m.readonly, m.ndim)
print(m.shape, m.strides, m.suboffsets, m.c_contiguous, m.f_contiguous, m.contiguous, m.obj)
print(m.tobytes(), m.tolist(), m.hex(), bytes(m), bytearray(m), list(m), m.tobytes('C'))
s = m[1:4]
print(type(s).__name__, s.tobytes(), len(s), s.obj, s[0], s[-1], s.shape, s.strides)
print(m[::2].tobytes(), m[::-1].tobytes(), m[::-2].tolist(), m[1:5][1:3].tobytes(), m[4:1].tobytes())
print(m[::2].contiguous, m[::2].strides, bytes(m[::2]), bytearray(m[::-1]), m[::2].hex())
print(memoryview(m).obj, memoryview(m).tobytes(), m[1:].obj is m.obj)

# Writable views share memory with the bytearray.
b = bytearray(b'hello')
w = memoryview(b)
print(w.readonly, w.obj is b)
w[0] = 72
w[1:3] = b'EL'
w[-1] = ord('O')
print(b, w.tobytes())
part = w[1:4]
part[0] = 0x61
print(b)
w[::2] = b'123'
print(b)
w[::-1] = bytearray(b'abcde')
print(b)
b[0] = 122
print(w[0], part.tolist())
w2 = w.toreadonly()
print(w2.readonly, w2.tobytes(), w.readonly)

# array.array exports its items with their typecode.
a = array.array('i', [1, -2, 3])
v = memoryview(a)
print(v.format, v.itemsize, len(v), v.nbytes, v.tolist(), v[1], v.strides)
v[0] = 100
v[1:3] = array.array('i', [7, 8])
print(a, v[::-1].tolist())
print(memoryview(array.array('d', [1.5, 2.5])).tolist(), memoryview(array.array('B', [1, 2])).tolist())
print(memoryview(array.array('h', [-1])).cast('B').tolist(), memoryview(array.array('Q', [2**64 - 1])).tolist())
fa = array.array('f', [0.5])
fv = memoryview(fa)
fv[0] = 2
print(fa, fv.tolist())

# cast between byte formats and the array typecodes.
c = memoryview(b'\x01\x02\x03\x04')
print(c.cast('b').tolist(), c.cast('c').tolist(), c.cast('c')[0], c.cast('@B').format)
i = c.cast('i')
print(i.format, i.itemsize, len(i), i.nbytes, i.tolist() == [int.from_bytes(b'\x01\x02\x03\x04', 'little')])
print(c.cast('H').tolist() == [0x0201, 0x0403], c.cast('H').cast('B').tolist(), c.cast('B', [4]).shape)
print(memoryview(b'\x00\x01\x02').cast('?').tolist())
x = memoryview(bytearray(8)).cast('d')
x[0] = 1.25
print(x.tolist(), x.obj)

# Equality compares items; hashing needs a read-only byte format.
print(m == b'abcdef', m == bytearray(b'abcdef'), m == memoryview(b'abcdef'), m != b'x', m == 'abcdef', m == 1)
print(m[::2] == b'ace', memoryview(b'ab').cast('c') == b'ab', memoryview(b'ab').cast('b') == b'ab')
print(memoryview(array.array('i', [1, 2])) == array.array('h', [1, 2]), memoryview(array.array('i', [1])) == [1])
print(hash(memoryview(b'abc')) == hash(b'abc'), hash(m[1:3]) == hash(b'bc'))
print({memoryview(b'k'): 1}[memoryview(b'k')] if False else 'skip')

# release and the context manager.
b = bytearray(b'xyz')
with memoryview(b) as v:
    v[0] = 65
    print(v.tobytes())
b.append(66)
print(b, repr(v).startswith('<released memory at 0x'), repr(memoryview(b'')).startswith('<memory at 0x'))
v.release()
r = memoryview(b'ab')
r.release()
print(r == r, r == b'ab', r.release())
print(isinstance(memoryview(b''), memoryview), len(memoryview(b'')), memoryview(b'').tolist())
