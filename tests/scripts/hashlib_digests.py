# hashlib: every provided digest over inputs of length 0..300 (each block
# boundary), fed whole and in pieces, a 1 MB input, copy(), the attributes
# and the algorithm sets.
import hashlib
import array

NAMES = ["md5", "sha1", "sha224", "sha256", "sha384", "sha512"]
data = bytes((i * 131 + 7) % 256 for i in range(300))
for name in NAMES:
    ctor = getattr(hashlib, name)
    lines = []
    for n in range(301):
        lines.append(ctor(data[:n]).hexdigest())
    print(name, len(lines))
    for line in lines:
        print(line)
    h = hashlib.new(name)
    for i in range(0, 300, 7):
        h.update(data[i:i + 7])
    print("pieces", h.hexdigest() == ctor(data).hexdigest(), h.digest() == ctor(data).digest())

big = bytes(range(256)) * 4096
for name in NAMES:
    print(name, "1MB", hashlib.new(name, big).hexdigest())
    h = hashlib.new(name)
    for i in range(0, len(big), 1000):
        h.update(big[i:i + 1000])
    print(h.hexdigest() == hashlib.new(name, big).hexdigest())

for name in NAMES:
    h = hashlib.new(name, b"abc")
    c = h.copy()
    c.update(b"def")
    print(h.name, h.digest_size, h.block_size, type(h).__name__, type(h).__module__, len(h.digest()),
          h.hexdigest(), c.hexdigest() == hashlib.new(name, b"abcdef").hexdigest(), h.hexdigest() == h.hexdigest())

print(hashlib.new("MD5", b"a").hexdigest(), hashlib.new("Sha256").name, hashlib.new(name="md5", data=b"a").hexdigest())
print(hashlib.md5(string=b"a").hexdigest(), hashlib.md5(usedforsecurity=False).hexdigest())
print(hashlib.md5(array.array("b", [1, 2])).hexdigest(), hashlib.sha1(array.array("d", [1.5])).hexdigest())
print(hashlib.md5(b"The quick brown fox jumps over the lazy dog").hexdigest())
print(sorted(set(NAMES) & hashlib.algorithms_guaranteed), sorted(set(NAMES) & hashlib.algorithms_available))
print(type(hashlib.algorithms_guaranteed).__name__, type(hashlib.algorithms_available).__name__)


def t(f, *args, **kwargs):
    try:
        print(repr(f(*args, **kwargs)))
    except Exception as e:
        print(type(e).__name__ + ":", e)


t(hashlib.md5, "abc"); t(hashlib.md5().update, "abc"); t(hashlib.md5().update, 5); t(hashlib.sha256, 5)
t(hashlib.new, "foo"); t(hashlib.new, 5); t(hashlib.md5, b"a", b"b"); t(hashlib.new, "sha1", "x")
t(hashlib.md5().update); t(hashlib.md5().digest, 1); t(hashlib.md5().hexdigest, 1); t(hashlib.md5().copy, 1)
print(repr(hashlib.md5()).startswith("<md5 _hashlib.HASH object @ 0x"))
