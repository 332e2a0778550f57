# str.encode and bytes.decode through every C++ codec and error handler,
# and the Unicode*Error fields and messages.
def t(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__+':', e)
samples = ['abc', 'aé€😀', '\ud800', 'x\udc80y', 'ā', '']
encs = ['utf-8', 'utf-8-sig', 'ascii', 'latin-1', 'utf-16', 'utf-16-le', 'UTF-16BE', 'utf-32', 'utf_32_le', 'utf-32-be', 'cp1252', 'windows-1251', 'iso8859-15', 'latin2', 'koi8-r', 'mac_roman', 'cp437', 'U8', 'cp65001']
handlers = ['strict', 'ignore', 'replace', 'backslashreplace', 'xmlcharrefreplace', 'namereplace', 'surrogateescape', 'surrogatepass']
for enc in encs:
    for s in samples:
        for h in handlers:
            t(lambda: s.encode(enc, h))
datas = [b'abc', b'\xff\xfea\x00', b'\xfe\xff\x00a', b'\x00\xd8', b'\x00', b'\x00\xdc\x00\x00', b'\x00\xd8a\x00', b'\x00\xd8\x00', b'\x00\x00\x11\x00', b'\x00\xd8\x00\x00', b'\xef\xbb\xbfa', b'\xed\xa0\x80', b'\x80\x81\xff', b'a\xc3', b'\xf0\x9f\x98']
for enc in encs:
    for d in datas:
        for h in ['strict', 'ignore', 'replace', 'backslashreplace', 'surrogateescape', 'surrogatepass']:
            t(lambda: d.decode(enc, h))
t(lambda: 'é'.encode('ascii', 'bogus')); t(lambda: 'x'.encode('bogus')); t(lambda: b'x'.decode('bogus')); t(lambda: str(b'\xe9', 'latin1')); t(lambda: bytes('é', 'cp1252'))
try:
    'aéb'.encode('ascii')
except UnicodeEncodeError as e:
    print(e.encoding, e.object, e.start, e.end, e.reason, e.args)
try:
    b'a\xffb'.decode('utf-8')
except UnicodeDecodeError as e:
    print(e.encoding, e.object, e.start, e.end, e.reason, e.args)
t(lambda: UnicodeEncodeError('a')); t(lambda: UnicodeEncodeError(1,'a',0,1,'r')); t(lambda: UnicodeEncodeError('a',b'a',0,1,'r')); t(lambda: UnicodeDecodeError('a','a',0,1,'r')); t(lambda: UnicodeDecodeError('a',bytearray(b'ab'),0,1,'r').object)
t(lambda: UnicodeEncodeError('a','a','0',1,'r')); t(lambda: str(UnicodeEncodeError('a','abc',0,3,'r'))); t(lambda: str(UnicodeEncodeError('a','abc',5,9,'r'))); t(lambda: str(UnicodeDecodeError('a',b'abc',1,2,'r')))
t(lambda: str(UnicodeTranslateError('abc',1,2,'r'))); t(lambda: UnicodeTranslateError('abc',1,2,'r').encoding); t(lambda: str(UnicodeEncodeError('a','\U0001f600',0,1,'r')))
e=UnicodeEncodeError('a','abc',0,1,'r'); e.start=2; e.reason='zz'; print(e, e.args)
class E(UnicodeDecodeError): pass
print(repr(E('x',b'\xff',0,1,'bad')), str(E('x',b'\xff',0,1,'bad')))
t(lambda: str(UnicodeError('x'))); t(lambda: str(UnicodeEncodeError.__new__(UnicodeEncodeError)))
