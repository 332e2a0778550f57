# unicodedata: properties, numeric values, names and normalization over a
# sample of every plane, lookups with aliases and sequences, \N{} escapes
# in str and re, and the messages of bad calls.
import unicodedata as u
def t(f, *a):
    try: print(repr(f(*a)))
    except Exception as e: print(type(e).__name__ + ':', e)
# Every code point's properties, summarised per block of 256 so the output stays small.
import zlib
for fn in (u.category, u.bidirectional, u.combining, u.east_asian_width, u.mirrored, u.decomposition):
    acc = 0
    for c in range(0, 0x110000, 11):
        acc = zlib.crc32(repr(fn(chr(c))).encode(), acc)
    print(fn.__name__, acc)
acc = 0
for c in range(0, 0x110000, 11):
    acc = zlib.crc32(repr((u.decimal(chr(c), None), u.digit(chr(c), None), u.numeric(chr(c), None))).encode(), acc)
print('numeric', acc)
acc = 0; named = 0
for c in range(0, 0x110000, 11):
    n = u.name(chr(c), None)
    if n:
        named += 1
        assert u.lookup(n) == chr(c), n
    acc = zlib.crc32(repr(n).encode(), acc)
print('names', named, acc)
for form in ('NFC', 'NFD', 'NFKC', 'NFKD'):
    acc = 0
    for start in range(0, 0x30000, 64 * 5):
        s = ''.join(chr(c) for c in range(start, start + 64) if not 0xD800 <= c < 0xE000)
        acc = zlib.crc32(u.normalize(form, s).encode('utf-8', 'surrogatepass'), acc)
    print(form, acc)
samples = ['e\u0301\u0323', '\u1e69\uac01', 'Å', 'ﬁ', '\u0041\u030a\u0301', '한국어', '\u1100\u1161\u11a8', 'ḍ̇', 'x\u0323\u0301\u0300', '\u00bd', '①', '\u0f73', 'A\u0301\u0301']
for s in samples:
    print([u.normalize(f, s) for f in ('NFC', 'NFD', 'NFKC', 'NFKD')], [u.is_normalized(f, s) for f in ('NFC', 'NFD', 'NFKC', 'NFKD')])
print(u.lookup('latin small letter a'), repr(u.lookup('LATIN CAPITAL LETTER A WITH MACRON AND GRAVE')), u.lookup('BYTE ORDER MARK') == '\ufeff', u.lookup('CJK UNIFIED IDEOGRAPH-4E00'), u.lookup(b'SNOWMAN'))
print(u.name('\u4e00'), u.name('\uac00'), u.name('\U0001F600'), u.name('\uf900'), u.name('\U0001b170'))
print(u.unidata_version, u.ucd_3_2_0.unidata_version, u.ucd_3_2_0.name('a'), type(u.ucd_3_2_0).__name__, u.UCD.__module__)
print("\N{EM DASH}\N{latin small letter a}\N{NULL}\N{BYTE ORDER MARK}\N{HANGUL SYLLABLE GAG}" == "\u2014a\x00\ufeff\uac01")
t(u.name, 5); t(u.category, 'ab'); t(u.normalize, 'NFC', 5); t(u.normalize, 5, 'a'); t(u.normalize, 'X', 'a'); t(u.lookup, 5); t(u.name, 'a', 5); t(u.numeric, 'a', 5); t(u.mirrored, ''); t(u.lookup, 'x'*300)
t(u.name, '\x00'); t(u.decimal, 'a'); t(u.digit, 'a'); t(u.numeric, 'a'); t(u.lookup, 'NOT A NAME'); t(u.UCD); t(u.name)
print(u.numeric('\u00bd'), u.numeric('\u2189'), u.numeric('\U00012432'), u.digit('\u2460'), u.decimal('\u0663'))
import re
print(re.match(r'\N{EM DASH}+', '\u2014\u2014x').group(), re.match(r'\N{latin small letter a}', 'a'))
