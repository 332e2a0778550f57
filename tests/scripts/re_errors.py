# re.error for invalid patterns: CPython's messages and positions, and the
# error's msg, pattern, pos, lineno and colno.
import re

patterns = [
    'a)', '(a', '((a)', 'a(b', '*', '+a', 'a**', 'a*??', 'a{2}*', '^*', '(?:)*x', '|*',
    '[a', '[]', '[^', 'a[b-', '[b-a]', r'[\d-z]', r'[a-\w]', r'\q', 'a\\', r'\x1', r'\u12', r'\U00110000',
    r'\N', r'\N{', r'\N{}', r'\N{NOT A NAME}', r'\400', r'(a)\2', r'(a\1)', r'\1', r'[\8]', r'[\A]',
    '(?', '(?<a)', '(?P', '(?Px)', '(?P<>a)', '(?P<1a>x)', '(?P<a', '(?P<a>x)(?P<a>y)', '(?P=)', '(?P=nope)',
    '(?P<a>(?P=a))', '(?Z)', '(?i', '(?i-', '(?i-:a)', '(?iq)', '(?-q:a)', 'a(?i)', '(?i-i:a)', '(?#unterminated',
    '(?(1)a|b)', '(?(x)a)', '(?(1a)a)', '(a)(?(1)a|b|c)', '(?<=a+)b', 'a{3,2}',
    '(?a-a:b)', '(?L)a', '(?au)a', '(?u:a)b(?-u:c)', 'ab\n(c', 'ab\ncd)',
]
for p in patterns:
    try:
        r = re.compile(p)
        print(repr(p), 'ok', r.groups)
    except re.error as e:
        print(repr(p), '->', e, '|', repr(e.msg), e.pos, e.lineno, e.colno, e.pattern == p)
for p in [b'(?u)a', rb'\u0041', b'\\N{x}', b'[a']:
    try:
        re.compile(p)
        print(p, 'ok')
    except re.error as e:
        print(p, '->', e)
e = re.error('plain')
print(e, e.msg, e.pos, e.pattern, e.lineno, isinstance(e, Exception), re.error.__name__, re.error.__module__)
try:
    re.compile('(')
except Exception as e:
    print(type(e).__name__, type(e) is re.error)
try:
    re.compile('x{99999999999}')
except OverflowError as e:
    print('OverflowError', e)
