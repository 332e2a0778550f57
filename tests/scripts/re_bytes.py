# bytes patterns on bytes subjects: ASCII classes, byte values above 127,
# mixing errors.
import re

print(re.findall(rb'\w+', b'abc d\xe9f 12'), re.search(rb'\xe9', b'd\xe9f').span())
print(re.sub(rb'[\x80-\xff]', b'?', b'a\xe9b\xffc'), re.split(rb'\s+', b'a b\tc'))
m = re.match(rb'(?P<k>\w+)=(\d+)', b'key=42')
print(m, m.groups(), m.groupdict(), m.group('k'), m.span(2), m.expand(rb'\2:\1'))
print(re.compile(b'ab', re.I), re.compile(rb'a.b', re.S).match(b'a\nb'), re.findall(b'(?i)k', b'Kk\xc4'))
print(re.fullmatch(b'\\d+', b'123'), re.findall(b'.', b'\x00\n\xff'), re.escape(b'\x00a.\xff'))
for args in [('a', b'a'), (b'a', 'a')]:
    try:
        re.search(*args)
    except TypeError as e:
        print('TypeError', e)
try:
    re.sub(b'a', 'x', b'a')
except TypeError as e:
    print('TypeError')
print(re.finditer(b'a', b'aa').__next__().group(), re.subn(rb'(a)', rb'\1\1', b'aba'))
