# zlib (one-shot and streaming, wbits, levels, flush modes, errors,
# checksums) and gzip (compress/decompress, GzipFile, open).
import gzip
import io
import os
import zlib


def show(f, *args, **kwargs):
    try:
        print(repr(f(*args, **kwargs)))
    except Exception as e:
        print(type(e).__name__, e)


text = b"The quick brown fox jumps over the lazy dog. " * 50
for level in (-1, 0, 1, 6, 9):
    c = zlib.compress(text, level)
    print(level, len(c), zlib.decompress(c) == text, c[:2])
c = zlib.compress(text)
print(c == zlib.compress(text, 6), zlib.compress(b""), zlib.compress(b"a", level=9))
raw = zlib.compress(text, wbits=-15)
gz = zlib.compress(text, wbits=31)
print(len(raw), raw[:4], gz[:3], zlib.decompress(raw, -15) == text, zlib.decompress(gz, 31) == text, zlib.decompress(gz, 47) == text)
print(zlib.decompress(c, bufsize=1) == text, zlib.decompress(bytearray(c)) == text, zlib.decompress(memoryview(c)) == text)
show(zlib.decompress, b"abc")
show(zlib.decompress, c[:-3])
show(zlib.decompress, c[:10])
show(zlib.decompress, b"")
show(zlib.compress, b"x", 10)
show(zlib.compress, "text")
show(zlib.compressobj, wbits=99)
show(zlib.decompress, b"", 99)
show(zlib.decompress, c, bufsize=-1)
print(zlib.crc32(b"hello"), zlib.crc32(b" world", zlib.crc32(b"hello")), zlib.adler32(b"hello"), zlib.adler32(b""), zlib.crc32(b""))
print(zlib.adler32(b" world", zlib.adler32(b"hello")) == zlib.adler32(b"hello world"), zlib.crc32(b"x", -1))
print(zlib.MAX_WBITS, zlib.DEFLATED, zlib.DEF_MEM_LEVEL, zlib.DEF_BUF_SIZE, zlib.Z_BEST_COMPRESSION, zlib.Z_BEST_SPEED,
      zlib.Z_DEFAULT_COMPRESSION, zlib.Z_FINISH, zlib.Z_SYNC_FLUSH, zlib.Z_FULL_FLUSH, zlib.Z_NO_FLUSH, zlib.ZLIB_VERSION[:2])
print(zlib.error.__module__, issubclass(zlib.error, Exception), type(zlib.compressobj()).__name__, type(zlib.decompressobj()).__name__)

co = zlib.compressobj(9)
parts = [co.compress(text[:1000]), co.compress(text[1000:]), co.flush(zlib.Z_SYNC_FLUSH), co.compress(b"tail"), co.flush()]
stream = b"".join(parts)
print(parts[2][-4:], zlib.decompress(stream) == text + b"tail", stream == zlib.compress(text + b"tail", 9) or "differs by flush")
show(co.compress, b"after finish")
co2 = zlib.compressobj(level=1, wbits=-9, memLevel=9, strategy=zlib.Z_FILTERED)
raw2 = co2.compress(text) + co2.flush()
print(zlib.decompress(raw2, -9) == text)
co3 = zlib.compressobj()
co3.compress(b"shared prefix ")
twin = co3.copy()
a = co3.compress(b"one") + co3.flush()
b = twin.compress(b"two") + twin.flush()
print(zlib.decompress(zlib.compressobj().compress(b"") + a) if False else "copies", zlib.decompress(b"".join([]) or zlib.compress(b"x")))

do = zlib.decompressobj()
out = do.decompress(c[:100]) + do.decompress(c[100:])
print(out == text, do.eof, do.unused_data, do.unconsumed_tail)
do = zlib.decompressobj()
first = do.decompress(c + b"EXTRA", 100)
print(len(first), len(do.unconsumed_tail) > 0, do.eof)
rest = b""
for _ in range(5):
    piece = do.decompress(do.unconsumed_tail, 1000)
    rest += piece
    print(len(piece), len(do.unconsumed_tail), do.eof, do.unused_data)
print(first + rest == text, do.eof, do.unused_data, do.decompress(b"more"), do.unused_data, do.unconsumed_tail)
do = zlib.decompressobj()
partial = do.decompress(c, 10)
print(len(partial), (partial + do.flush()) == text, do.eof)
show(do.flush, 0)
show(zlib.decompressobj().decompress, b"", -1)
show(zlib.decompressobj().decompress, b"garbage!")
zd = b"dictionary words quick brown"
cd = zlib.compressobj(zdict=zd)
withdict = cd.compress(b"quick brown words") + cd.flush()
dd = zlib.decompressobj(zdict=zd)
print(dd.decompress(withdict))
show(zlib.decompress, withdict)
dcopy = zlib.decompressobj()
dcopy.decompress(c[:50])
clone = dcopy.copy()
print(dcopy.decompress(c[50:]) == clone.decompress(c[50:]))

# gzip
blob = gzip.compress(text, mtime=0)
print(blob[:10], len(blob), gzip.decompress(blob) == text)
print(gzip.compress(b"", mtime=12345), gzip.compress(b"abc", compresslevel=1, mtime=1)[:10])
print(gzip.decompress(blob + gzip.compress(b"second", mtime=0)) == text + b"second", gzip.decompress(b""))
show(gzip.decompress, b"not gzip data")
show(gzip.decompress, blob[:-4])
show(gzip.decompress, blob[:20])
bad = bytearray(blob)
bad[-8] ^= 1
show(gzip.decompress, bytes(bad))
base = "/tmp/gilvm_gzip_%d" % os.getpid()
os.mkdir(base)
path = os.path.join(base, "data.txt.gz")
with gzip.GzipFile(path, "wb", mtime=0) as f:
    print(f.write(b"line 1\nline 2\n"), f.write(memoryview(b"line 3\n")))
raw_file = open(path, "rb").read()
print(raw_file[:10], raw_file[10:19])
with gzip.open(path) as f:
    print(f.read(), f.mode == gzip.READ)
with gzip.open(path, "rb") as f:
    print(f.readline(), list(f))
with gzip.open(path, "rt") as f:
    print(f.read().splitlines())
with gzip.open(path, "wt", encoding="utf-8") as f:
    f.write("text mode ü\n")
with gzip.open(path, "rt", encoding="utf-8") as f:
    print(f.readlines())
with gzip.open(path, "ab") as f:
    f.write(b"appended\n")
print(gzip.decompress(open(path, "rb").read()))
buffer = io.BytesIO()
with gzip.GzipFile(fileobj=buffer, mode="wb", mtime=0) as f:
    f.write(b"in memory")
print(buffer.getvalue()[:10], gzip.decompress(buffer.getvalue()))
buffer.seek(0)
with gzip.GzipFile(fileobj=buffer) as f:
    print(f.read(2), f.read())
show(gzip.open, path, "rtb")
show(gzip.open, path, "rb", encoding="utf-8")
with gzip.open(path, "rb") as f:
    try:
        f.write(b"x")
    except OSError as e:
        print(type(e).__name__, "write() on read-only GzipFile object" in str(e))
os.remove(path)
os.rmdir(base)
print(issubclass(gzip.BadGzipFile, OSError))
