# argparse: groups nested in groups still work in 3.11 but warn
# (DeprecationWarning shown for __main__); their arguments land in the
# enclosing section and exclusion still applies.
import argparse
import os

os.environ['COLUMNS'] = '80'
p = argparse.ArgumentParser(prog='nested')
outer = p.add_argument_group('outer', 'The outer group.')
inner = outer.add_argument_group('inner')
inner.add_argument('--c', help='in the inner group')
plain_mutex = outer.add_mutually_exclusive_group()
plain_mutex.add_argument('--p', action='store_true')
nested_mutex = plain_mutex.add_mutually_exclusive_group()
nested_mutex.add_argument('--a', help='a')
nested_mutex.add_argument('--b', help='b')
top_mutex = p.add_mutually_exclusive_group()
top_mutex.add_argument('--t', action='store_true')
in_mutex = top_mutex.add_argument_group('x')
in_mutex.add_argument('--d')
in_mutex.add_argument('--e')
p.print_help()
print(p.parse_args(['--a', '1', '--d', '2']))
try:
    p.parse_args(['--a', '1', '--b', '2'])
except SystemExit as e:
    print('exit', e.code)
