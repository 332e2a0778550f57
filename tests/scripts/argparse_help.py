# argparse: help and usage layout at several widths (COLUMNS), every
# formatter class, metavars, groups, mutually exclusive groups, wrapping.
import argparse
import os


def show(parser, *widths):
    for width in widths or (80,):
        os.environ['COLUMNS'] = str(width)
        print('=== %s at %d columns' % (parser.prog, width))
        print(parser.format_help(), end='')
        print('--- usage')
        print(parser.format_usage(), end='')


DESCRIPTION = """This program does several things.
  It keeps   indented lines
and long lines that go on and on and on and on and on, well past any sensible terminal width, really.

Second paragraph with %(prog)s in it."""
EPILOG = 'See also: the manual.   Report bugs to nobody@example.com.'

for formatter in (argparse.HelpFormatter, argparse.RawDescriptionHelpFormatter, argparse.RawTextHelpFormatter,
                  argparse.ArgumentDefaultsHelpFormatter):
    p = argparse.ArgumentParser(prog='tool', description=DESCRIPTION, epilog=EPILOG, formatter_class=formatter)
    p.add_argument('source', help='the input file')
    p.add_argument('dest', nargs='?', default='out.txt', help='where to write\n  (indented line kept by Raw)')
    p.add_argument('extra', nargs='*', help='more files')
    p.add_argument('-v', '--verbose', action='count', default=0, help='say more; repeat for even more output')
    p.add_argument('-n', '--number', type=int, default=5, metavar='N', help='how many (%(type)s, default %(default)s)')
    p.add_argument('--mode', choices=['fast', 'slow', 'auto'], default='auto', help='one of %(choices)s')
    p.add_argument('--pair', nargs=2, metavar=('KEY', 'VALUE'), help='a key and its value')
    p.add_argument('--many', nargs='+', help='one or more')
    p.add_argument('--maybe', nargs='?', const='c', help='zero or one')
    p.add_argument('--any', nargs='*', metavar=('A', 'B'), help='any number')
    p.add_argument('--quiet', action='store_true', help=argparse.SUPPRESS)
    p.add_argument('--color', action=argparse.BooleanOptionalAction, default=False, help='colored output')
    p.add_argument('--a-really-long-option-name-that-overflows', help='help starts on the next line')
    p.add_argument('--nohelp')
    p.add_argument('--version', action='version', version='1.0')
    show(p, 80, 50, 120, 30)

# Groups and mutually exclusive groups in usage.
p = argparse.ArgumentParser(prog='groups', description='Groups.')
g = p.add_argument_group('input', 'Where the data comes from.')
g.add_argument('--file', help='read a file')
g.add_argument('--url', help='read a URL')
g2 = p.add_argument_group('output')
m = g2.add_mutually_exclusive_group()
m.add_argument('--json', action='store_true', help='JSON')
m.add_argument('--csv', action='store_true', help='CSV')
m.add_argument('--secret', action='store_true', help=argparse.SUPPRESS)
r = p.add_mutually_exclusive_group(required=True)
r.add_argument('--on', action='store_true')
r.add_argument('--off', action='store_true')
r.add_argument('--level', type=int)
single = p.add_mutually_exclusive_group(required=True)
single.add_argument('--only')
p.add_argument('files', nargs='+')
p.add_argument_group('empty group', 'Has only a description.')
show(p, 80, 40)

# A long program name puts the usage on lines of its own.
p = argparse.ArgumentParser(prog='a-very-long-program-name-that-takes-up-most-of-the-line')
for i in range(8):
    p.add_argument('--option%d' % i, metavar='VALUE%d' % i)
p.add_argument('positional_one')
p.add_argument('positional_two')
show(p, 80, 60)
p = argparse.ArgumentParser(prog='short')
for i in range(6):
    p.add_argument('positional%d' % i)
show(p, 50)
p = argparse.ArgumentParser(prog='optsonly', add_help=False)
for i in range(12):
    p.add_argument('-%s' % 'abcdefghijkl'[i], action='store_true')
show(p, 30)

# usage=, %(prog)s in usage and help, no arguments at all.
p = argparse.ArgumentParser(prog='custom', usage='%(prog)s [options] FILE', add_help=False, description='D.')
p.add_argument('--x', help='%(prog)s uses %(dest)s, default %(default)r')
show(p)
p = argparse.ArgumentParser(prog='bare', add_help=False)
show(p)
p = argparse.ArgumentParser(prog='suppressed', usage=argparse.SUPPRESS, description='No usage line.')
show(p)
print(repr(argparse.ArgumentParser(prog='x', add_help=False).format_help()))

# Help entries wrapped at the help column; positional metavars; dest names.
p = argparse.ArgumentParser(prog='wrap')
p.add_argument('thing', metavar='THING', help='a thing ' * 30)
p.add_argument('--dashed-name', help='dest is dashed_name: %(dest)s')
p.add_argument('-x', dest='custom_dest', help='metavar from dest')
p.add_argument('--choice', choices=[1, 2, 3], type=int)
p.add_argument('--pct', help='100%% sure')
show(p, 80, 45)

# ArgumentDefaultsHelpFormatter on every kind of action.
p = argparse.ArgumentParser(prog='defs', formatter_class=argparse.ArgumentDefaultsHelpFormatter)
p.add_argument('pos', help='positional without default')
p.add_argument('opt_pos', nargs='?', default=3, help='optional positional')
p.add_argument('--flag', action='store_true', help='a flag')
p.add_argument('--nodefault', help='none')
p.add_argument('--sup', default=argparse.SUPPRESS, help='suppressed default')
p.add_argument('--own', default=1, help='already says %(default)s')
p.add_argument('--bool', action=argparse.BooleanOptionalAction, default=True, help='boolean')
show(p)

# MetavarTypeHelpFormatter.
p = argparse.ArgumentParser(prog='types', formatter_class=argparse.MetavarTypeHelpFormatter)
p.add_argument('--count', type=int)
p.add_argument('value', type=float)
show(p)

# Explicit formatter objects.
f = argparse.HelpFormatter('direct', width=40, max_help_position=10)
f.add_usage(None, [], [])
f.start_section('section')
f.add_text('some text in a section that wraps around at forty columns')
f.end_section()
print(f.format_help(), end='')
