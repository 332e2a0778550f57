# argparse: error messages (ArgumentError, ArgumentTypeError, definition
# errors), exit_on_error=False, error() and exit(), printing helpers.
import argparse
import io
import os
import sys

os.environ['COLUMNS'] = '80'


def capture(func, *args):
    out, err = io.StringIO(), io.StringIO()
    saved = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = out, err
    outcome = 'returned'
    try:
        outcome = 'returned %r' % (func(*args),)
    except SystemExit as e:
        outcome = 'SystemExit(%r)' % (e.code,)
    except Exception as e:
        outcome = '%s: %s' % (type(e).__name__, e)
    finally:
        sys.stdout, sys.stderr = saved
    print(outcome)
    print('  out:', repr(out.getvalue()))
    print('  err:', repr(err.getvalue()))


p = argparse.ArgumentParser(prog='err')
p.add_argument('-x', type=int)
p.add_argument('-n', nargs=3)
p.add_argument('--opt', nargs='?')
p.add_argument('--plus', nargs='+')
p.add_argument('--flag', action='store_true')
p.add_argument('-c', choices='abc')
p.add_argument('pos', type=float)
for args in (['-x', 'a', '1'], ['-x'], ['-n', '1', '2'], ['--plus'], ['--flag=yes', '1'], ['-c', 'd', '1'],
             ['1', '2', '3'], [], ['x'], ['--opt', '1', '2', '3'], ['1', '-xq'], ['-flag'], ['1', '--fl=3'],
             ['--', '--flag']):
    capture(p.parse_args, args)


# exit_on_error=False raises ArgumentError instead (some errors still exit).
q = argparse.ArgumentParser(prog='noexit', exit_on_error=False)
q.add_argument('--n', type=int)
q.add_argument('--c', choices=['a'])
q.add_argument('req')
try:
    q.parse_args(['--n', 'x'])
except argparse.ArgumentError as e:
    print('ArgumentError:', e, '|', e.argument_name, '|', e.message)
try:
    q.parse_args(['--c', 'b'])
except argparse.ArgumentError as e:
    print('ArgumentError:', e)
capture(q.parse_args, ['--n'])
capture(q.parse_args, [])
capture(q.parse_args, ['r', 'extra'])
print(str(argparse.ArgumentError(None, 'no argument')))
print(repr(argparse.ArgumentTypeError('bad')), isinstance(argparse.ArgumentError(None, 'm'), Exception))

# Mistakes while defining arguments.
d = argparse.ArgumentParser(prog='define')
d.add_argument('-x')
for args, kwargs in ((('-x',), {}), (('--y', '-x'), {}), (('pos',), {'required': True}),
                     (('pos',), {'dest': 'other'}), (('--s',), {'action': 'store', 'nargs': 0}),
                     (('--a',), {'action': 'append', 'nargs': 0}), (('--s',), {'const': 1}),
                     (('--m',), {'nargs': 2, 'metavar': ('A', 'B', 'C')}), (('--u',), {'action': 'unknown'}),
                     (('--t',), {'type': 'notcallable'}), (('--f',), {'type': argparse.FileType}),
                     (('x', 'y'), {}), (('-',), {}), (('--', ), {}), (('--k',), {'nargs': 'x'}),
                     (('--tc',), {'action': 'store_true', 'type': int}), (('+p',), {}),
                     (('--ok',), {'nargs': '?', 'const': 3})):
    try:
        action = d.add_argument(*args, **kwargs)
        print('accepted', args, action.dest, action.option_strings)
    except (ValueError, TypeError, argparse.ArgumentError) as e:
        print('%s: %s' % (type(e).__name__, e))

# print_usage / print_help / exit / version.
v = argparse.ArgumentParser(prog='ver', description='desc')
v.add_argument('-V', '--version', action='version', version='%(prog)s version 2.0 with a long text that wraps ' * 2)
v.version = 'unused'
capture(v.parse_args, ['-V'])
w = argparse.ArgumentParser(prog='ver2')
w.version = 'from parser attribute'
w.add_argument('--version', action='version')
capture(w.parse_args, ['--version'])
capture(v.print_usage)
capture(v.print_help)
buffer = io.StringIO()
v.print_help(buffer)
print(repr(buffer.getvalue()))
capture(v.exit)
capture(v.exit, 3, 'bye\n')
capture(v.error, 'custom message %s' % 'here')

# The real command line (from the .args file), reported on the real stderr.
r = argparse.ArgumentParser()
r.add_argument('--known')
print(r.prog)
r.parse_args()
print('not reached')
