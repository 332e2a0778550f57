# sub, subn and templates: \1, \g<name>, \g<0>, escapes, callables, count,
# empty matches, Match.expand and template errors.
import re

print(re.sub(r'(\w+) (\w+)', r'\2 \1', 'hello world, good day'))
print(re.sub(r'(?P<a>\d)', r'<\g<a>|\g<1>|\g<0>>', 'a1b22'))
print(re.sub('a', r'\n\t\\x\&\-', 'bab'), repr(re.sub('a', '\\n', 'a')), re.sub('a', r'\0\01\101\%', 'a'))
print(re.sub(r'(a)|b', r'[\1]', 'ab'), re.sub(r'(a)(b)?', r'\2\1', 'a ab'))
print(re.sub('x*', '-', 'abxd'), re.sub('', '-', 'abc'), re.sub('x+', '-', 'xxaxx'), re.sub(r'\b', '|', 'ab cd'))
print(re.sub('a', 'b', 'aaaa', count=2), re.sub('a', 'b', 'aaaa', 1), re.subn('a', 'b', 'aaaa'), re.subn('z', 'b', 'aaaa'))
print(re.sub(r'\d+', lambda m: str(int(m.group()) * 2), 'a1b22c333'))
print(re.sub('.', lambda m: None, 'abc'), re.sub('(b)', lambda m: m.group(1).upper() * 2, 'abc'))
print(re.compile(r'\s+').sub(' ', '  a \t b\n\nc '), re.compile('o').subn('0', 'foo boo', 3))
print(re.sub('é', 'e', 'café é'), re.sub('(é+)', r'[\1]', 'aéé b é'), re.sub('', '.', 'é'))
print(re.sub(b'a(.)', rb'\1\1', b'xaybaz'), re.subn(b'', b'-', b'ab'))
m = re.match(r'(?P<first>\w+) (?P<last>\w+)?', 'Jane ')
print(repr(m.expand(r'\g<last>, \g<first>!\n')), m.expand(r'\1'))
s = 'abc'
print(re.sub('z', 'y', s) is s, re.sub('a', lambda m: 'A', s))
counter = []
def f(m):
    counter.append(m.start())
    return re.sub('b', 'B', m.group())
print(re.sub(r'\w+', f, 'ab bb b'), counter)
for template in [r'\g<2>', r'\g<nope>', r'\g<1a>', r'\g<', r'\g<1', r'\g', '\\', r'\q', r'\3', r'\400']:
    try:
        print(re.sub('(a)', template, 'a'))
    except re.error as e:
        print('error', e, '|', e.msg, e.pos)
    except IndexError as e:
        print('IndexError', e)
for repl in [5, b'x']:
    try:
        re.sub('a', repl, 'a')
    except TypeError as e:
        print('TypeError')
try:
    re.sub('a', lambda m: 5, 'a')
except TypeError as e:
    print('TypeError')
print(re.sub('a', 'b', 'aaa', -1), re.subn('a', 'b', 'aaa', -2), re.split('x', 'axbxc', maxsplit=-1))
