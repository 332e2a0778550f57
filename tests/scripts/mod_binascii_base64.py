# binascii (hex, base64, crc32, crc_hqx, errors) and base64 (b64 with
# altchars and validate, urlsafe, b32, b16, b85, a85, encodebytes).
import base64
import binascii


def show(f, *args, **kwargs):
    try:
        print(repr(f(*args, **kwargs)))
    except Exception as e:
        print(type(e).__name__, e)


print(binascii.hexlify(b"\x00\xffab"), binascii.b2a_hex(bytearray(b"xyz")), binascii.hexlify(memoryview(b"hi")))
print(binascii.hexlify(b"\x01\x02\x03\x04\x05", "-"), binascii.hexlify(b"\x01\x02\x03\x04\x05", b":", 2),
      binascii.hexlify(b"\x01\x02\x03\x04\x05", " ", -2), binascii.hexlify(b"", "-"))
print(binascii.unhexlify(b"00ffAB"), binascii.unhexlify("6869"), binascii.a2b_hex(bytearray(b"41")))
show(binascii.unhexlify, b"abc")
show(binascii.unhexlify, b"zz")
show(binascii.unhexlify, "é0")
show(binascii.unhexlify, 5)
show(binascii.hexlify, "text")
show(binascii.hexlify, b"ab", "--")
print(binascii.b2a_base64(b"hello world"), binascii.b2a_base64(b"hi", newline=False), binascii.b2a_base64(b""))
for text in [b"aGVsbG8gd29ybGQ=", b"aGk=", b"aGk", b"a", b"aGVsbG8", b"aG k=\n", b"aGk=aGk=", b"=aGk=", b"YQ==", b"YWI=", b"!!", b"", "aGk="]:
    show(binascii.a2b_base64, text)
for text in [b"aGk=", b"aG k=", b"aGk=aGk=", b"=aGk=", b"aG=k", b"YQ=="]:
    show(binascii.a2b_base64, text, strict_mode=True)
print(binascii.crc32(b"hello"), binascii.crc32(b" world", binascii.crc32(b"hello")), binascii.crc32(b"hello world"))
print(binascii.crc32(b""), binascii.crc32(b"a", -1), binascii.crc32(b"a", 2**40 + 5))
print(binascii.crc_hqx(b"hello", 0), binascii.crc_hqx(b"123456789", 0xFFFF), binascii.crc_hqx(b"", 7))
print(issubclass(binascii.Error, ValueError), binascii.Error.__module__, issubclass(binascii.Incomplete, Exception))

data = bytes(range(256)) * 3
for n in range(0, 12):
    chunk = data[n * 7:n * 7 + n]
    print(n, base64.b64encode(chunk), base64.b32encode(chunk), base64.b16encode(chunk), base64.b85encode(chunk), base64.a85encode(chunk))
    assert base64.b64decode(base64.b64encode(chunk)) == chunk
    assert base64.b32decode(base64.b32encode(chunk)) == chunk
    assert base64.b32hexdecode(base64.b32hexencode(chunk)) == chunk
    assert base64.b16decode(base64.b16encode(chunk)) == chunk
    assert base64.b85decode(base64.b85encode(chunk)) == chunk
    assert base64.a85decode(base64.a85encode(chunk)) == chunk
print(base64.b64encode(b"\xfb\xff\xfe", altchars=b"-_"), base64.urlsafe_b64encode(b"\xfb\xff\xfe"), base64.standard_b64encode(b"\xfb\xff"))
print(base64.b64decode("-_-_", altchars="-_"), base64.urlsafe_b64decode("-_-_"), base64.urlsafe_b64decode(b"-_-_"))
print(base64.b64decode(b"aGV sbG8=\n"), base64.b64decode("aGVsbG8="))
show(base64.b64decode, b"aGV sbG8=", validate=True)
show(base64.b64decode, b"aGVsbG8", validate=True)
show(base64.b64decode, "héllo")
show(base64.b64decode, 3.5)
show(base64.b32decode, b"mzxw6===", casefold=True)
show(base64.b32decode, b"MZXW6===")
show(base64.b32decode, b"MZXW6")
show(base64.b32decode, b"M1XW6===", map01=b"L")
show(base64.b32decode, b"M1XW6===")
show(base64.b16decode, b"ab")
show(base64.b16decode, b"ab", casefold=True)
show(base64.b85decode, b"|NsC0~")
show(base64.a85decode, b"<~87cURD]i,\"Ebo80~>", adobe=True)
print(base64.a85encode(b"    \0\0\0\0", foldspaces=True), base64.a85encode(b"hello world", adobe=True, wrapcol=5))
print(base64.a85encode(b"abc", pad=True), base64.b85encode(b"abc", pad=True))
text = bytes(range(100))
enc = base64.encodebytes(text)
print(enc)
print(base64.decodebytes(enc) == text, base64.encodebytes(b""))
show(base64.encodebytes, "str")
import io
src, dst = io.BytesIO(text), io.BytesIO()
base64.encode(src, dst)
print(dst.getvalue() == enc)
back = io.BytesIO()
base64.decode(io.BytesIO(enc), back)
print(back.getvalue() == text)
# bytes.translate and maketrans, which base64 uses
table = bytes.maketrans(b"abc", b"xyz")
print(len(table), b"aabbcc-d".translate(table), b"abcdef".translate(None, b"bd"), bytearray(b"cab").translate(table, b"a"))
print(bytearray.maketrans(b"1", b"2")[49], type(bytearray(b"x").translate(None)).__name__)
show(bytes.maketrans, b"ab", b"c")
show(b"x".translate, b"short")
