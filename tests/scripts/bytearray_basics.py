# bytearray: construction, repr, len, indexing, iteration, comparisons with
# bytes, membership, and the read-only methods it shares with bytes.
import array

print(bytearray())
print(bytearray(3))
print(bytearray([65, 66, 67]))
print(bytearray(b'abc'), bytearray(bytearray(b'xy')), bytearray(memoryview(b'mv')))
print(bytearray('h\xe9', 'utf-8'), bytearray('abc', 'ascii', 'strict'), bytearray('abc', encoding='latin-1'))
print(bytearray(array.array('B', [1, 2, 3])))
print(bytearray(range(5)), bytearray(x for x in (104, 105)))
print(bytearray(True), bytearray(b'\x00\xff\n\'"'))
class Sub(bytearray):
    pass
s = Sub(b'sub')
print(s, type(s).__name__, isinstance(s, bytearray), len(s))

b = bytearray(b'hello world')
print(len(b), b[0], b[-1], b[1:4], b[::2], b[::-1], b[100:], type(b[1:3]).__name__)
print(list(b[:3]), [c for c in bytearray(b'xyz')], tuple(reversed(bytearray(b'ab'))))
print(bytes(b), type(bytes(b)).__name__, bytes(memoryview(b)[:5]))
print(b == b'hello world', b'hello world' == b, b != b'x', b == bytearray(b'hello world'), b == 'hello world')
print(b < b'hello x', b'a' < bytearray(b'b'), bytearray(b'b') >= b'a', b > bytearray(b'hello'))
print(b == memoryview(b'hello world'), b == array.array('B', b'hello world'))
print(b'o' in b, 111 in b, b'wor' in b, b'xyz' in b, bytearray(b'll') in b, memoryview(b'he') in b)
print(b + b'!', b'>' + b, type(b + b'!').__name__, type(b'>' + b).__name__, b + memoryview(b'?'))
print(b * 2, 2 * bytearray(b'ab'), bytearray(b'ab') * 0, type(b * 1).__name__)
print(bool(bytearray()), bool(bytearray(b'\x00')))

# The shared read-only methods return bytearrays.
print(b.find(b'o'), b.rfind(b'o'), b.find(111), b.index(b'w'), b.count(b'l'), b.count(108, 5))
print(b.startswith(b'hell'), b.endswith((b'x', bytearray(b'world'))), b.startswith(memoryview(b'he')))
print(b.split(), b.split(b'o'), b.rsplit(b' ', 1), bytearray(b'a\nb\r\nc').splitlines())
print(bytearray(b', ').join([b'a', bytearray(b'b'), memoryview(b'c')]), b'-'.join([bytearray(b'x'), b'y']))
print(b.partition(b' '), b.rpartition(b'o'), b.replace(b'l', b'L'), b.replace(b'o', b'0', 1))
print(bytearray(b'  pad  ').strip(), bytearray(b'xxaxx').lstrip(b'x'), bytearray(b'xxaxx').rstrip(bytearray(b'x')))
print(b.upper(), b.title() if hasattr(b, 'title') and False else b.capitalize(), bytearray(b'AbC').swapcase(), bytearray(b'ABC').lower())
print(bytearray(b'abc').isalpha(), bytearray(b'123').isdigit(), bytearray(b' ').isspace(), bytearray(b'abc').islower())
print(bytearray(b'ABC').isupper(), bytearray(b'a1').isalnum(), bytearray(b'\x80').isascii())
print(b.removeprefix(b'hello '), b.removesuffix(b'world'), type(b.removeprefix(b'x')).__name__)
print(b.hex(), bytearray.fromhex('de ad BE EF'), type(bytearray.fromhex('00')).__name__)
print(b.decode(), bytearray(b'caf\xc3\xa9').decode('utf-8'), bytearray(b'\xe9').decode('latin-1'))
print(str(bytearray(b'abc'), 'ascii'), str(memoryview(b'mv'), 'utf-8'))
print(int(bytearray(b'42')), float(bytearray(b'2.5')), int(bytearray(b'ff'), 16), ord(bytearray(b'A')))
print(int.from_bytes(bytearray(b'\x01\x00'), 'big'), int.from_bytes(memoryview(b'\x02'), 'little'))
print(b.copy(), b.copy() is b, type(b.copy()).__name__)
print(sorted(bytearray(b'cab')), max(bytearray(b'abc')), sum(bytearray(b'\x01\x02')))
d = {}
try:
    d[bytearray(b'k')] = 1
except TypeError as e:
    print('TypeError', e)
print(bytearray.__hash__, repr(bytearray(b"it's")), repr(bytearray(b'\t\x7f')))
import collections.abc
print(isinstance(bytearray(), collections.abc.MutableSequence), isinstance(bytearray(), collections.abc.ByteString),
      isinstance(memoryview(b''), collections.abc.Sequence), issubclass(bytearray, collections.abc.Sequence))
import copy
orig = bytearray(b'cp')
dup = copy.copy(orig)
deep = copy.deepcopy([orig, orig])
print(dup, dup is orig, deep, deep[0] is deep[1], deep[0] is orig)
sub = Sub(b'attr')
sub.tag = 1
sc = copy.copy(sub)
print(type(sc).__name__, sc, sc.tag)
