# Natives that take bytes-like objects accept bytearray, memoryview and
# array.array where CPython does: eval/exec, int/float, str(..., encoding),
# hex with separators, files, BytesIO (readinto too), struct, hashlib, json.
import array, io, json, os, struct, hashlib

print(eval(bytearray(b'1 + 1')), eval(memoryview(b'2 * 3')))
exec(bytearray(b'print("exec", 1)'))
print(int(memoryview(b'123')), int(bytearray(b' 7 ')), float(memoryview(b'2.5')), float(array.array('B', b'1e3')))
print(str(bytearray(b'caf\xc3\xa9'), 'utf-8'), str(memoryview(b'abc'), 'ascii'))
try:
    str(5, 'utf-8')
except TypeError as e:
    print('TypeError', e)
for obj in (b'\x01\x02\x03\x04\x05', bytearray(b'\x01\x02\x03\x04\x05'), memoryview(b'\x01\x02\x03\x04\x05')):
    print(obj.hex(), obj.hex(':'), obj.hex('-', 2), obj.hex(b' ', -2), obj.hex(':', 9), obj.hex(sep='_', bytes_per_sep=3))
for bad in ('::', 1, '\xe9'):
    try:
        b'ab'.hex(bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
s = b'abc'
print(s.strip() is s, s.lstrip(b'x') is s, s.rstrip() is s)

path = '/tmp/gilvm_buffer_protocol_test.bin'
with open(path, 'wb') as f:
    print(f.write(bytearray(b'ab')), f.write(memoryview(b'cd')), f.write(array.array('B', [101])))
with open(path, 'rb') as f:
    print(f.read())
os.remove(path)

bio = io.BytesIO(memoryview(b'0123456789'))
buf = bytearray(4)
print(bio.readinto(buf), buf, bio.readinto(memoryview(buf)[1:3]), buf)
arr = array.array('B', [0] * 8)
print(bio.readinto(arr), arr, bio.readinto(bytearray(3)))
bio.writelines([bytearray(b'x'), memoryview(b'y')])
print(bio.getvalue())
try:
    bio.readinto(b'read-only')
except TypeError as e:
    print('TypeError', e)

print(struct.unpack('<2H', memoryview(b'\x01\x00\x02\x00')), struct.unpack_from('B', bytearray(b'\x00\x09'), 1))
print(struct.pack('c3s', b'z', bytearray(b'abc')), list(struct.iter_unpack('B', bytearray(b'\x01\x02'))))
try:
    struct.pack('c', bytearray(b'z'))
except struct.error as e:
    print('struct.error', e)
target = array.array('B', [0] * 4)
struct.pack_into('>H', target, 1, 0x0102)
print(target)
try:
    struct.pack_into('B', b'ro', 0, 1)
except TypeError as e:
    print('TypeError', e)
print(hashlib.sha256(bytearray(b'x')).hexdigest() == hashlib.sha256(b'x').hexdigest())
h = hashlib.md5()
h.update(memoryview(b'ab')[::1])
h.update(array.array('B', b'c'))
print(h.hexdigest() == hashlib.md5(b'abc').hexdigest())
print(json.loads(bytearray(b'{"a": [1, 2]}')), b''.join([bytearray(b'a'), memoryview(b'b'), array.array('B', b'c')]))
print(array.array('h', bytearray(b'\x01\x00\x02\x00')), array.array('B', memoryview(b'\x05')))
