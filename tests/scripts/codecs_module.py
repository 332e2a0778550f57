# The codecs module: lookup and CodecInfo, incremental and stream codecs,
# codecs.open, bytes-to-bytes codecs, registered search functions and
# error handlers, BOM constants.
import codecs, io, os, tempfile
def t(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__ + ':', e)
for n in ['latin1', 'utf8', 'UTF-16LE', 'cp1252', 'iso8859_15', 'koi8_r', 'mac_roman', 'ascii', 'utf-8-sig', 'utf_32', 'U16', 'utf-16be', 'windows-1252', 'hex', 'rot13', 'base64', 'zlib']:
    print(n, codecs.lookup(n).name)
print(repr(codecs.lookup('utf8'))[:45], codecs.lookup('utf-8').encode('é'), codecs.lookup('utf-8').decode(b'\xc3\xa9'))
t(lambda: codecs.encode(b'x', 'utf-8')); t(lambda: codecs.decode('x', 'utf-8')); t(lambda: codecs.lookup('nope')); t(lambda: codecs.lookup(5))
print(codecs.encode(b'abc', 'hex'), codecs.decode('616263', 'hex'), codecs.encode('abc', 'rot13'), codecs.encode(b'abc', 'base64'), codecs.decode(codecs.encode(b'abc' * 9, 'zlib'), 'zlib'))
print(codecs.encode('é', 'latin-1'), codecs.decode(b'\xe9', 'cp1252'), codecs.encode('é€', 'ascii', 'xmlcharrefreplace'))
print(codecs.lookup_error('strict').__name__, codecs.lookup_error('replace').__name__); t(lambda: codecs.lookup_error('nope'))
print(codecs.utf_8_decode(b'a\xc3', 'strict', False), codecs.utf_8_decode(b'a\xc3\xa9'), codecs.utf_16_le_encode('ab'), codecs.latin_1_encode('é'))
print(codecs.BOM_UTF8, codecs.BOM, codecs.BOM_UTF16_BE, codecs.BOM_UTF32, codecs.BOM_UTF32_BE)
for enc in ['utf-8', 'utf-16', 'utf-16-be', 'utf-32', 'utf-8-sig', 'cp1252']:
    data = 'héllo wörld €'.encode(enc) if enc != 'cp1252' else 'héllo wörld €'.encode(enc)
    d = codecs.getincrementaldecoder(enc)()
    print(enc, [d.decode(data[i:i + 1]) for i in range(len(data))], repr(d.decode(b'', True)))
    e = codecs.getincrementalencoder(enc)()
    print(enc, b''.join(e.encode(c) for c in 'héllo €'))
    print(enc, list(codecs.iterdecode([data[:3], data[3:]], enc)), b''.join(codecs.iterencode(['ab', 'é'], enc)))
t(lambda: codecs.getincrementaldecoder('utf-8')().decode(b'\xc3', final=True))
d = codecs.getincrementaldecoder('utf-8')(); print(repr(d.decode(b'\xe2\x82')), d.getstate(), repr(d.decode(b'\xac')))
path = os.path.join(tempfile.mkdtemp(), 'f.txt')
with codecs.open(path, 'w', 'utf-16') as f:
    f.write('línea 1\n')
    f.write('línea 2\n')
print(open(path, 'rb').read())
with codecs.open(path, 'r', 'utf-16') as f:
    print(f.readline(), f.read())
with codecs.open(path, 'r', 'utf-16') as f:
    print(list(f))
w = codecs.getwriter('utf-8')(io.BytesIO()); w.write('añb'); print(w.getvalue())
r = codecs.getreader('latin-1')(io.BytesIO(b'caf\xe9\nx')); print(r.readline(), r.read())
print(codecs.encode('abc'), codecs.decode(b'abc'), codecs.encode('é', encoding='utf-16-le'))
def search(name):
    if name == 'upper_codec':
        return codecs.CodecInfo(lambda s, errors='strict': (s.upper().encode(), len(s)), lambda b, errors='strict': (b.decode().lower(), len(b)), name='upper')
codecs.register(search)
print(codecs.encode('abc', 'upper_codec'), codecs.decode(b'ABC', 'upper-codec'), codecs.lookup('upper_codec').name)
codecs.register_error('mine', lambda e: ('<%d>' % e.start, e.end)); print(codecs.lookup_error('mine')(UnicodeEncodeError('a', 'xy', 1, 2, 'r')))
print(codecs.replace_errors(UnicodeEncodeError('a', 'xyz', 1, 3, 'r')), codecs.backslashreplace_errors(UnicodeDecodeError('a', b'\xff\xfe', 0, 2, 'r')), codecs.namereplace_errors(UnicodeEncodeError('a', 'é', 0, 1, 'r')))
import _codecs
print(_codecs.encode('é', 'latin1'), _codecs.decode(b'\xe9', 'latin1'), _codecs.encode(b'ab', 'hex'))
