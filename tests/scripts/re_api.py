# The re module's API: compile, match, fullmatch, search, findall, finditer,
# Pattern and Match objects, pos/endpos, the cache.
import re

p = re.compile(r'(?P<word>\w+)\s+(?P<num>\d+)?')
print(p, p.pattern, p.flags, p.groups, dict(p.groupindex))
m = p.search('  hello 42 world')
print(m)
print(m.group(), m.group(0), m.group(1), m.group('num'), m.group(1, 'num', 0))
print(m[0], m['word'], m[2])
print(m.groups(), m.groupdict(), m.start(), m.end(), m.span(), m.span(1), m.start('num'), m.end(2))
print(m.lastindex, m.lastgroup, m.re is p, m.string, m.pos, m.endpos, m.regs)
m = p.search('alone ')
print(m.groups(), m.groups('-'), m.groupdict('x'), m.span(2), m.start(2), m.group(2))
print(re.match('a', 'ba'), re.match('b', 'ba', 0), re.search('a$', 'ba'))
print(re.fullmatch(r'\d+', '123'), re.fullmatch(r'\d+', '123a'), re.fullmatch('a|ab', 'ab'))
r = re.compile(r'\d')
print(r.search('a1b2c3', 2), r.search('a1b2c3', 2, 3), r.match('a1b2', 1), r.fullmatch('a1b2', 1, 2))
print(r.search('a1', -5), r.search('a1', 0, 100), r.search('123', 2, 1), r.findall('1a2b3', 1, 4))
m = r.search('x9y', pos=1, endpos=2)
print(m.pos, m.endpos, m)
print(re.compile('^a', re.M).search('b\na', 1), re.compile('^a').search('ba', 1))
print(re.compile('a$').search('ab', 0, 1))
print(re.findall(r'\d+', 'a12b345c6'), re.findall(r'(\w)=(\d)', 'a=1 b=2 c'), re.findall(r'(a)|b', 'ab'))
print(re.findall('', 'abc'), re.findall('x*', 'axxb'), re.findall(r'\b', 'ab cd'))
print([m.span() for m in re.finditer(r'\w+', 'ab cd  ef')])
print([m.group() for m in re.finditer('x*', 'axxb')])
it = re.finditer('a', 'aa')
print(iter(it) is it, next(it).span(), next(it).span(), next(it, 'end'))
print(repr(re.compile('x' * 300))[:60], len(repr(re.compile('x' * 300))))
m = re.search('.+', 'y' * 100)
print(m)
print(re.compile('a') == re.compile('a'), re.compile('a') == re.compile('a', re.I), re.compile('a') != re.compile('b'))
print(hash(re.compile('ab')) == hash(re.compile('ab')))
print(re.compile(p) is p, re.compile('abc') is re.compile('abc'))
re.purge()
print(re.compile('abc').pattern)
m = re.match(r'((a)b)(c)?', 'ab')
print(m.lastindex, m.groups(), re.match(r'(a)(b)', 'ab').lastindex, re.match(r'(a)()', 'a').lastindex)
print(re.match(r'(?P<x>a)(?P<y>b)?', 'a').lastgroup, re.match('a', 'a').lastindex, re.match('(a)|b', 'b').lastgroup)
for bad in [3, 'nosuch', -1, 1.5]:
    try:
        m.group(bad)
    except IndexError as e:
        print('IndexError', e)
try:
    re.compile(5)
except TypeError as e:
    print('TypeError', e)
try:
    re.search('a', 5)
except TypeError as e:
    print('TypeError', e)
try:
    re.compile(re.compile('a'), re.I)
except ValueError as e:
    print('ValueError', e)
print(type(p).__name__, type(m).__name__, re.Pattern, re.Match, isinstance(p, re.Pattern))
print(re.escape('a.b*c+d?e(f)[g]{h}|i^j$k\\l m-n#o&p~q'), re.escape(b'a.b'), re.escape('\t\n_x9é'))
import copy
print(copy.copy(p) is p, copy.deepcopy(p) is p)
print(re.search('(?=a)', 'ba'), re.search('(?!a).', 'ab'), re.search('(?<=a)b', 'ab'), re.search('(?<!a)b', 'ab b'))
print(re.search(r'(?>a+)b', 'aab'), re.search(r'a++b', 'aab'), re.search(r'a*+a', 'aaa'))
print(re.match(r'(a)?(?(1)b|c)', 'ab'), re.match(r'(a)?(?(1)b|c)', 'c'), re.match(r'(?P<q>")?\w+(?(q)")', '"hi"'))
print(re.match(r'(a)\1', 'aa'), re.match(r'(?P<n>a)(?P=n)', 'aa'), re.match(r'(a)(?:\1)?', 'ab'))
print(re.match('a{2,3}', 'aaaa'), re.match('a{2,}?', 'aaaa'), re.match('a{,2}', 'aaa'), re.match('a{}', 'a{}'), re.match('a{x', 'a{x'))
print(re.match('[]a]+', ']a]'), re.match('[^]a]', 'b'), re.match('[a-]+', 'a-'), re.match(r'[\]\-\\]+', ']-\\'))
print(re.match('[[:alpha:]]', ':'), re.match(r'\[x', '[x'), re.match('(?#comment)a', 'a'), re.match(r'\x41\101\u0042\U00000043\N{LATIN SMALL LETTER A}', 'AABCa'))
print(re.match(r'\0\07\a\f\v', '\0\7\a\f\v'), re.match(r'[\b]', '\b'), re.match(r'\A\w+\Z', 'ab'), re.search(r'\Z', 'ab\n').span(), re.search('$', 'ab\n').span())
print(re.Pattern[str], re.Match[bytes])
