# bytearray's mutating operations: item and slice assignment (extended
# slices too), deletion, append/extend/insert/pop/remove/clear/reverse,
# += and *=, __init__ again, and that results share nothing.
import array

b = bytearray(b'abcdef')
b[0] = 65
b[-1] = ord('F')
print(b)
b[1:3] = b'XYZ'
print(b, len(b))
b[1:4] = b''
print(b)
b[2:2] = bytearray(b'__')
print(b)
b[::2] = [1, 2, 3]
print(b)
b[::-3] = memoryview(b'pq')
print(b)
b[:] = range(97, 100)
print(b)
b[5:] = (120, 121)
print(b)
b[0:1] = array.array('B', [90, 91])
print(b)
b[1:2] = b
print(b)
del b[0]
print(b)
del b[-1]
print(b)
del b[1:3]
print(b)
del b[::2]
print(b)
del b[:]
print(b, len(b))

b = bytearray(b'xy')
b.append(122)
b.append(True)
b.extend(b'ab')
b.extend([99, 100])
b.extend(bytearray(b'!'))
b.extend(memoryview(b'?'))
b.extend(x for x in range(48, 50))
b.extend(b'')
print(b)
b.insert(0, 65)
b.insert(-1, 66)
b.insert(100, 67)
b.insert(-100, 68)
print(b)
print(b.pop(), b.pop(0), b.pop(-2), b)
b.remove(ord('y'))
print(b)
b.reverse()
print(b)
c = b.copy()
b.clear()
print(b, c)

b = bytearray(b'ab')
alias = b
b += b'cd'
b += bytearray(b'e')
b += memoryview(b'f')
b += b[:]
print(b, alias is b)
b *= 2
print(b, alias is b)
b *= 0
print(b, alias is b)
b = bytearray(b'ab')
b.__init__(b'xyz')
print(b)
b.__init__(3)
print(b)
b.__init__()
print(b)

# Slices are copies; bytes() of a bytearray is a snapshot.
b = bytearray(b'123')
s = b[:]
snap = bytes(b)
b[0] = 0
print(s, snap, b)

# Iteration sees changes made while it runs.
b = bytearray(b'ab')
seen = []
for x in b:
    seen.append(x)
    if len(b) < 4:
        b.append(x + 1)
print(seen, b)

# Subclasses keep their type for in-place operators.
class Buf(bytearray):
    pass
u = Buf(b'u')
u += b'v'
u.append(119)
print(type(u).__name__, u)

# A bytearray as a mutable buffer for other modules.
import io, struct, hashlib
f = io.BytesIO(bytearray(b'init'))
f.write(bytearray(b'!!'))
f.write(memoryview(b'mv'))
print(f.getvalue())
print(struct.pack('2s', bytearray(b'ab')), struct.unpack('<H', bytearray(b'\x01\x02')), struct.unpack('B', memoryview(b'\x07')))
buf = bytearray(4)
struct.pack_into('<HH', buf, 0, 1, 2)
print(buf)
print(hashlib.md5(bytearray(b'abc')).hexdigest() == hashlib.md5(b'abc').hexdigest())
print(hashlib.sha1(memoryview(b'abc')).hexdigest() == hashlib.sha1(b'abc').hexdigest())
a = array.array('B', bytearray(b'\x01\x02'))
a.frombytes(bytearray(b'\x03'))
print(a)
