# zipfile: writing archives (stored, deflated, from disk, through open('w'),
# appended to), reading them back, and reading archives CPython made
# (zip_data/). Archives written with fixed timestamps and modes are printed
# as a CRC of their bytes: equal to CPython's means byte-identical output.
import io
import os
import shutil
import sys
import tempfile
import zipfile
import zlib

DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'zip_data')
work = tempfile.mkdtemp()


def show_info(info):
    print(' ', repr(info))
    print('   ', info.filename, info.date_time, info.compress_type, info.file_size, info.compress_size,
          hex(info.CRC), info.is_dir(), info.comment, oct(info.external_attr >> 16), info.flag_bits)


def fixed(name, when=(2022, 7, 8, 9, 10, 12)):
    return zipfile.ZipInfo(name, when)


print('-- names')
print([name for name in sorted(zipfile.__all__) if name not in ('Path', 'PyZipFile')])
print(zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED, zipfile.BadZipfile is zipfile.BadZipFile,
      zipfile.error is zipfile.BadZipFile, issubclass(zipfile.LargeZipFile, Exception))

print('-- reading an archive CPython made')
cpython_zip = os.path.join(DATA, 'cpython_made.zip')
print(zipfile.is_zipfile(cpython_zip), zipfile.is_zipfile(__file__), zipfile.is_zipfile(os.path.join(work, 'none')))
with zipfile.ZipFile(cpython_zip) as z:
    print(z.namelist())
    print(z.comment, z.testzip())
    for info in z.infolist():
        show_info(info)
    print(z.read('docs/readme.txt')[:18])
    print(z.read('stored.bin') == bytes(range(256)))
    print(z.read('naïve/café.txt').decode('utf-8'), end='')
    print(z.read(z.getinfo('empty.txt')))
    with z.open('docs/readme.txt') as member:
        print(member.readline(), member.read(4), member.tell())
        print(member.seek(-9, 2), member.read(), member.seek(0), member.read(8))
        print(member.readable(), member.seekable(), member.closed, member.name, member.mode)
        member.seek(0)
        print(len(member.readlines()), member.read(), member.peek())
    print(member.closed)
    with z.open('docs/readme.txt') as member:
        print(sum(1 for line in member), repr(member))
    try:
        member.read()
    except ValueError as e:
        print('ValueError', e)
    try:
        z.getinfo('missing.txt')
    except KeyError as e:
        print('KeyError', e)
    try:
        z.read('missing.txt')
    except KeyError as e:
        print('KeyError', e)
with zipfile.ZipFile(os.path.join(DATA, 'cp437_name.zip')) as z:
    print(z.namelist(), z.read('café.txt'), z.infolist()[0].flag_bits)

print('-- encrypted members (made by Info-ZIP zip -P)')
z = zipfile.ZipFile(os.path.join(DATA, 'encrypted.zip'))
for info in z.infolist():
    print(info.filename, info.flag_bits, info.compress_type, info.file_size)
for name in z.namelist():
    try:
        z.read(name)
    except RuntimeError as e:
        print('RuntimeError', e)
    try:
        z.read(name, pwd=b'wrong')
    except RuntimeError as e:
        print('RuntimeError', e)
    try:
        z.read(name, pwd='hunter2')
    except TypeError as e:
        print('TypeError', e)
print(z.read('secret.txt', pwd=b'hunter2')[:32], z.read('tiny.txt', b'hunter2'))
z.setpassword(b'hunter2')
print(z.testzip())
with z.open('secret.txt') as f:
    print(f.read(20), f.seek(3), f.read(10), f.seek(-6, 2), f.read())
z.close()

print('-- writing')
path = os.path.join(work, 'made.zip')
with zipfile.ZipFile(path, 'w', compression=zipfile.ZIP_DEFLATED) as z:
    print(repr(z).replace(work, 'WORK'))
    z.writestr(fixed('text.txt'), 'words ' * 500)
    z.writestr(fixed('plain.txt'), b'not compressed', compress_type=zipfile.ZIP_STORED)
    z.writestr(fixed('best.txt'), b'squeeze ' * 100, compress_type=zipfile.ZIP_DEFLATED, compresslevel=9)
    z.writestr(fixed('folder/'), b'')
    z.writestr(fixed('ünïcode.txt'), 'ü')
    info = fixed('by_open.bin')
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    with z.open(info, 'w') as member:
        print(member.write(b'first part, '), member.write(bytearray(b'second part')), member.writable())
    z.comment = b'archive comment'
with open(path, 'rb') as f:
    made = f.read()
print(len(made), hex(zlib.crc32(made)))
with zipfile.ZipFile(path) as z:
    print(z.namelist(), z.comment)
    for info in z.infolist():
        show_info(info)
    print(z.read('text.txt')[:12], z.read('by_open.bin'), z.read('ünïcode.txt'), z.testzip())

print('-- lines across buffer boundaries')
long_text = b'short\n' + b'x' * 20000 + b'\n' + b'mid line\n' * 700 + b'no newline at the end'
buffer = io.BytesIO()
with zipfile.ZipFile(buffer, 'w', zipfile.ZIP_DEFLATED) as z:
    z.writestr(fixed('lines.txt'), long_text)
with zipfile.ZipFile(buffer) as z:
    with z.open('lines.txt') as member:
        lines = list(member)
        print(len(lines), [len(line) for line in lines[:3]], lines[-1], b''.join(lines) == long_text)
    with z.open('lines.txt') as member:
        print(member.readline(3), member.readline(0), member.readline(), len(member.readline(15000)),
              len(member.readline()), member.read1(4), len(member.readlines(50)), member.peek(3)[:3])

print('-- files and folders from disk')
source = os.path.join(work, 'src')
os.makedirs(os.path.join(source, 'sub'))
with open(os.path.join(source, 'sub', 'data.txt'), 'w') as f:
    f.write('data on disk\n' * 30)
stamp = 1_600_000_000
for p in (os.path.join(source, 'sub', 'data.txt'), os.path.join(source, 'sub')):
    os.chmod(p, 0o755 if os.path.isdir(p) else 0o640)
    os.utime(p, (stamp, stamp))
info = zipfile.ZipInfo.from_file(os.path.join(source, 'sub', 'data.txt'), 'x/data.txt')
print(info.filename, info.file_size, oct(info.external_attr >> 16), len(info.date_time))
info = zipfile.ZipInfo.from_file(os.path.join(source, 'sub'))
print(info.filename.endswith('sub/'), info.is_dir(), hex(info.external_attr & 0xFFFF))
disk_zip = os.path.join(work, 'disk.zip')
with zipfile.ZipFile(disk_zip, 'w') as z:
    z.write(os.path.join(source, 'sub'), 'sub')
    z.write(os.path.join(source, 'sub', 'data.txt'), 'sub/data.txt', zipfile.ZIP_DEFLATED)
    z.write(os.path.join(source, 'sub', 'data.txt'), arcname='/abs/../plain.txt')
    z.mkdir('made_dir')
with zipfile.ZipFile(disk_zip) as z:
    print(z.namelist())
    for info in z.infolist():
        print(' ', info.filename, info.compress_type, info.file_size, oct(info.external_attr >> 16))
    out = os.path.join(work, 'out')
    print(z.extract('sub/data.txt', out).replace(work, 'WORK'))
    z.extractall(os.path.join(work, 'all'))
    for root, dirs, files in sorted(os.walk(os.path.join(work, 'all'))):
        print(' ', root.replace(work, 'WORK'), sorted(dirs), sorted(files))
    with open(os.path.join(work, 'all', 'sub', 'data.txt')) as f:
        print(f.read() == 'data on disk\n' * 30)

print('-- appending')
with zipfile.ZipFile(path, 'a') as z:
    z.writestr(fixed('appended.txt'), b'added later')
with zipfile.ZipFile(path) as z:
    print(z.namelist()[-2:], z.read('appended.txt'), z.comment, z.testzip())
# 'a' on a file that is not an archive puts the archive after its content.
prefixed = os.path.join(work, 'prefixed.zip')
with open(prefixed, 'wb') as f:
    f.write(b'#!/usr/bin/env python3\n')
with zipfile.ZipFile(prefixed, 'a') as z:
    z.writestr(fixed('__main__.py'), 'print(1)\n')
with zipfile.ZipFile(prefixed) as z:
    print(z.namelist(), z.read('__main__.py'), z.infolist()[0].header_offset)
with open(prefixed, 'rb') as f:
    print(f.read(23), zipfile.is_zipfile(prefixed))

print('-- in memory and unseekable streams')
buffer = io.BytesIO()
with zipfile.ZipFile(buffer, 'w', zipfile.ZIP_DEFLATED) as z:
    z.writestr(fixed('m.txt'), b'memory ' * 20)
print(hex(zlib.crc32(buffer.getvalue())), zipfile.is_zipfile(buffer))
buffer.seek(0)
print(zipfile.ZipFile(buffer).read('m.txt')[:7])


class WriteOnly:
    def __init__(self):
        self.chunks = []

    def write(self, data):
        self.chunks.append(bytes(data))
        return len(data)

    def flush(self):
        pass


stream = WriteOnly()
with zipfile.ZipFile(stream, 'w', zipfile.ZIP_DEFLATED) as z:
    z.writestr(fixed('streamed.txt'), b'streamed ' * 10)
streamed = b''.join(stream.chunks)
print(len(streamed), hex(zlib.crc32(streamed)))
with zipfile.ZipFile(io.BytesIO(streamed)) as z:
    print(z.infolist()[0].flag_bits, z.read('streamed.txt')[:9], z.testzip())

print('-- x mode')
with zipfile.ZipFile(os.path.join(work, 'new.zip'), 'x') as z:
    z.writestr(fixed('n'), b'n')
try:
    zipfile.ZipFile(os.path.join(work, 'new.zip'), 'x')
except FileExistsError as e:
    print('FileExistsError', e.errno)

print('-- corrupt data')
corrupt = bytearray(made)
at = corrupt.find(b'not compressed')
corrupt[at] = ord('N')
with zipfile.ZipFile(io.BytesIO(bytes(corrupt))) as z:
    print(z.testzip())
    try:
        z.read('plain.txt')
    except zipfile.BadZipFile as e:
        print('BadZipFile', e)
    print(z.read('text.txt')[:5])
truncated = made[:len(made) // 2]
for blob in (truncated, b'', b'PK\x05\x06', b'plain text, not an archive' * 5):
    try:
        zipfile.ZipFile(io.BytesIO(blob))
    except zipfile.BadZipFile as e:
        print('BadZipFile', e)
bad_header = bytearray(made)
bad_header[0:4] = b'XXXX'
with zipfile.ZipFile(io.BytesIO(bytes(bad_header))) as z:
    try:
        z.read('text.txt')
    except zipfile.BadZipFile as e:
        print('BadZipFile', e)

print('-- errors')
for call in (lambda: zipfile.ZipFile(io.BytesIO(), 'q'),
             lambda: zipfile.ZipFile(io.BytesIO(), 'w', compression=99),
             lambda: zipfile.ZipInfo('old', (1979, 12, 31, 0, 0, 0)),
             lambda: zipfile.ZipFile(io.BytesIO(), 'w', metadata_encoding='cp437'),
             lambda: zipfile.ZipFile(os.path.join(work, 'missing', 'x.zip'))):
    try:
        call()
    except Exception as e:
        print(type(e).__name__, str(e).replace(work, 'WORK'))
z = zipfile.ZipFile(io.BytesIO(), 'w')
try:
    z.open('a', 'x')
except ValueError as e:
    print('ValueError', e)
try:
    z.comment = 'text'
except TypeError as e:
    print('TypeError', e)
try:
    z.open('a', 'w', pwd=b'secret')
except ValueError as e:
    print('ValueError', e)
handle = z.open('a', 'w')
for call in (lambda: z.writestr('b', b''), lambda: z.open('c', 'w'), z.close,
             lambda: z.write(__file__)):
    try:
        call()
    except ValueError as e:
        print('ValueError', e)
handle.close()
try:
    handle.write(b'more')
except ValueError as e:
    print('ValueError', e)
z.close()
z.close()
print(repr(z))
for call in (lambda: z.read('a'), lambda: z.writestr('b', b''), lambda: z.open('a')):
    try:
        call()
    except ValueError as e:
        print('ValueError', e)
with zipfile.ZipFile(path) as z:
    try:
        z.writestr('w', b'')
    except ValueError as e:
        print('ValueError', e)
try:
    zipfile.ZipFile(io.BytesIO(), 'w', allowZip64=False).open('big', 'w', force_zip64=True)
except ValueError as e:
    print('ValueError', e)

shutil.rmtree(work)
print('done')
