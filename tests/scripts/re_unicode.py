# Positions count code points, not bytes, in non-ASCII subjects; pos and
# endpos too; classes and case folding beyond ASCII.
import re

s = 'día año ñandú 日本語 x'
for m in re.finditer(r'\w+', s):
    print(m.span(), m.group(), m.start(), m.end())
m = re.search(r'(ñ)(a)(n)', s)
print(m.span(), m.span(1), m.regs, m.pos, m.endpos)
print(re.compile(r'\w+').search(s, 4).span(), re.compile(r'\w+').search(s, 4, 6), re.compile('.').findall(s, 14, 17))
print(re.compile('$').search(s, 0, 3).span(), re.compile(r'\w+').match(s, 8).group())
print(re.sub(r'[áéíóú]', lambda m: '(%d)' % m.start(), s))
print(re.split(r'\s', s), re.findall('[ñ-ú]', s), re.findall('[^a-z ]', s))
print(re.search('(?<=日)本', s).span(), re.findall(r'\b\w', s))
print(re.search('Ñ', s, re.I).span(), re.findall('(?i)[À-Ý]', 'àéÎõ'), re.fullmatch('(?i)σ+', 'Σσς'))
print(re.search('😀+', 'a😀😀b').span(), re.findall('.', 'a😀b'), re.sub('😀', '!', 'x😀y'))
print(re.search(r'\u00e9', 'café').span(), re.search(r'\U0001F600', '😀').span(), re.escape('日本'))
m = re.search('(b)(😀)?', 'a😀bc')
print(m, m.span(1), m.span(2), m.groups())
print(re.match('(?P<név>x)', 'x').groupdict(), re.sub('(?P<ç>a)', r'\g<ç>\g<ç>', 'a'))
print(re.compile('a').search('ééa', 1), re.compile('a').search('ééa', 2, 3))
