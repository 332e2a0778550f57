# Flags: IGNORECASE, MULTILINE, DOTALL, VERBOSE, ASCII, UNICODE, inline and
# scoped flags, and the flag values' repr.
import re

print(re.I, re.M | re.S, re.IGNORECASE | re.MULTILINE | re.DOTALL | re.VERBOSE, re.A, re.U, re.NOFLAG)
print(re.I + 0, re.I | 1024 > 0, re.X.value, re.I & re.M, (re.I | re.M) + 0, re.I == 2, re.M in (8,))
print(re.compile('a', re.I | re.M), re.compile('a', re.A), re.compile(b'a', re.I), re.compile('a', re.U))
print(re.compile('a').flags, re.compile(b'a').flags, re.compile('a', re.A).flags, re.compile('(?im)a').flags)
print(re.findall('ab', 'AB ab Ab', re.I), re.findall('(?i)straße', 'STRASSE straße'), re.search('é', 'É', re.I))
print(re.findall('^x', 'x\nx\nx'), re.findall('^x', 'x\nx\nx', re.M), re.findall('x$', 'x\nx\nx\n', re.M))
print(re.findall('a.b', 'a\nb acb'), re.findall('a.b', 'a\nb acb', re.S), re.findall('(?s)a.b', 'a\nb'))
v = re.compile(r'''
    (\d+)   # digits
    \s* [ ] # an escaped space in a class
    (\w+)   # a word \# not a comment
''', re.X)
print(v.match('12  x abc').groups() if v.match('12  x abc') else None, v.match('12 abc'))
print(re.match(r'(?x) a b c # comment', 'abc'), re.match(r'(?x)a\ b', 'a b'), re.match('(?x)[ ]x', ' x'))
print(re.findall(r'\w+', 'héllo wörld ß'), re.findall(r'\w+', 'héllo wörld', re.A), re.findall(r'(?a)\w+', 'héllo'))
print(re.findall(r'\d', '1٣'), re.findall(r'\d', '1٣', re.A), re.findall(r'\s', ' \u2003\t', re.A), re.findall(r'\s', ' \u2003\t'))
print(re.findall(r'\bé', 'é xé'), re.findall(r'\W', 'a-é!'), re.findall(r'\W', 'a-é!', re.A))
print(re.findall(r'(?i:a)b', 'Ab AB ab'), re.findall(r'(?-i:a)b', 'Ab ab aB', re.I), re.findall(r'a(?s:.)b', 'a\nb a\nb'))
print(re.findall(r'(?m:^x)|y$', 'x\nxy\ny'), re.findall(r'(?x: a b )c', 'abc ab c'))
print(re.compile(r'(?i)(?m)a').flags, re.compile(r'(?#x)(?i)a').flags, re.compile('(?u)a').flags, re.compile(b'(?L)a').flags)
print(re.search(b'[a-z]+', b'ABC abc', re.I), re.search(rb'\w+', b'\xe9t\xe9'), re.compile(b'(?a)x').flags)
for pattern, flags in [('a', re.L), ('a', re.A | re.U), (b'a', re.U), (b'a', re.A | re.L), ('(?a)a', re.U)]:
    try:
        re.compile(pattern, flags)
    except ValueError as e:
        print('ValueError', e)
print(re.findall(r'\s', '\x1c\x1d\x1e\x1f \x85\xa0\u2028x'), re.findall(r'[\s]', '\x1cx'), re.findall(r'\S', '\x1ca'), re.findall(r'\s', '\x1c\x85 ', re.A))
print(re.findall(r'\w', 'a_1²½ⅷ'), re.findall(rb'\s', b'\x1c\x85 '))
