# split: maxsplit, capturing groups, empty matches, bytes.
import re

print(re.split(r'\W+', 'Words, words, words.'))
print(re.split(r'(\W+)', 'Words, words, words.'))
print(re.split(r'\W+', 'Words, words, words.', 1), re.split(r'\W+', 'Words, words, words.', maxsplit=2))
print(re.split('[a-f]+', '0a3B9', flags=re.IGNORECASE), re.split(r'(\W+)', '...words, words...'))
print(re.split(r'\b', 'ab cd'), re.split('x*', 'axbc'), re.split('', 'abc'), re.split(r'(?=b)', 'abab'))
print(re.split('(a)|(b)', 'xaybz'), re.split(',', ''), re.split('a', 'a'), re.split('(,)?', 'a,b'))
print(re.split(',', 'a,b,c', -1), re.split(',', 'a,b,c', 0), re.compile(',').split('a,b,c', 5))
print(re.split('é', 'aébéc'), re.split(b',', b'a,b'), re.split(rb'(\d)', b'a1b2c'))
print(re.split(r'\s*;\s*', 'a ; b;c  ;  d'))
