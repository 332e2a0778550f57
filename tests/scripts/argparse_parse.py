# argparse: parsing with every action, nargs, types, defaults, abbreviations,
# '--', negative numbers, Namespace and parse_known_args / intermixed.
import argparse
import io
import os
import sys

os.environ['COLUMNS'] = '80'


def run(parser, args, method='parse_args'):
    out, err = io.StringIO(), io.StringIO()
    saved = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = out, err
    code = None
    result = None
    try:
        result = getattr(parser, method)(args)
    except SystemExit as e:
        code = e.code
    finally:
        sys.stdout, sys.stderr = saved
    print('args:', args)
    if code is None:
        print('  result:', result)
    else:
        print('  exit:', code)
    if out.getvalue():
        print('  stdout:', repr(out.getvalue()))
    if err.getvalue():
        print('  stderr:', repr(err.getvalue()))


# Every action.
p = argparse.ArgumentParser(prog='act')
p.add_argument('-s', '--store')
p.add_argument('--const', action='store_const', const=42)
p.add_argument('-t', action='store_true')
p.add_argument('-f', action='store_false')
p.add_argument('-a', '--append', action='append')
p.add_argument('--ac', action='append_const', const='X', dest='consts')
p.add_argument('--ac2', action='append_const', const='Y', dest='consts')
p.add_argument('-v', '--verbose', action='count')
p.add_argument('-q', action='count', default=0)
p.add_argument('-e', '--extend', action='extend', nargs='+', type=int)
p.add_argument('--color', action=argparse.BooleanOptionalAction)
p.add_argument('--fast', action=argparse.BooleanOptionalAction, default=True)
p.add_argument('--version', action='version', version='%(prog)s 1.2.3')
for args in ([], ['-s', 'x', '--const', '-t', '-f'], ['--store=y', '-sz'], ['-a', '1', '-a', '2', '--append=3'],
             ['--ac', '--ac2', '--ac'], ['-vvv', '--verbose', '-qq'], ['-e', '1', '2', '-e', '3'],
             ['--color', '--no-fast'], ['--no-color', '--fast'], ['--version'], ['-tfv'], ['-tvs', 'val'],
             ['-tsval'], ['--co'], ['--col'], ['--ver'], ['--st', 'x'], ['--no-c']):
    run(p, args)

# nargs.
p = argparse.ArgumentParser(prog='nargs')
p.add_argument('--two', nargs=2)
p.add_argument('--opt', nargs='?', const='C', default='D')
p.add_argument('--star', nargs='*')
p.add_argument('--plus', nargs='+', type=float)
p.add_argument('first')
p.add_argument('rest', nargs='*', default=['none'])
for args in (['a'], ['a', 'b', 'c'], ['--two', 'x', 'y', 'a'], ['--opt', 'a'], ['--opt', 'v', 'a'],
             ['a', '--opt'], ['--star', 'a'], ['--star', '--', 'a'], ['--plus', '1', '2.5', '--', 'a', 'b'],
             ['a', '--star', 'b', 'c'], ['--two', 'x'], ['--plus'], ['a', '--two', '1', '2', 'b', '--opt=q', 'c']):
    run(p, args)

p = argparse.ArgumentParser(prog='pos')
p.add_argument('a', nargs='?')
p.add_argument('b', nargs='+')
p.add_argument('c', nargs=2)
p.add_argument('-x')
for args in (['1', '2', '3'], ['1', '2', '3', '4'], ['1', '2', '3', '4', '5'], ['1', '-x', '0', '2', '3'],
             ['1', '2'], ['--', '-1', '-2', '-3'], ['1', '2', '3', '--', '-x']):
    run(p, args)

p = argparse.ArgumentParser(prog='rem')
p.add_argument('-v', action='store_true')
p.add_argument('cmd')
p.add_argument('args', nargs=argparse.REMAINDER)
for args in (['run', '-v', '--x', 'y'], ['-v', 'run'], ['run', '--', 'a']):
    run(p, args)

# Types, choices, defaults.
def even(text):
    value = int(text)
    if value % 2:
        raise argparse.ArgumentTypeError('%r is not even' % text)
    return value


p = argparse.ArgumentParser(prog='types')
p.add_argument('--int', type=int, default='7')
p.add_argument('--float', type=float)
p.add_argument('--even', type=even)
p.add_argument('--choice', choices=['red', 'green'])
p.add_argument('--num', type=int, choices=range(1, 4))
p.add_argument('--hidden', default=argparse.SUPPRESS)
p.add_argument('--lam', type=lambda s: s.upper())
p.add_argument('--hex', type=bytes.fromhex)
for args in ([], ['--int', '3'], ['--int', 'x'], ['--float', 'nan'], ['--float', '1e'], ['--even', '4'],
             ['--even', '3'], ['--choice', 'red'], ['--choice', 'blue'], ['--num', '2'], ['--num', '5'],
             ['--hidden', 'h'], ['--lam', 'abc'], ['--lam'], ['--hex', 'zz'], ['--hex', '4142']):
    run(p, args)

p = argparse.ArgumentParser(prog='defaults', argument_default=argparse.SUPPRESS)
p.add_argument('--a')
p.add_argument('--b', default=1)
p.set_defaults(func='handler', b=2)
print(p.get_default('b'), p.get_default('func'), p.get_default('zzz'))
run(p, [])
run(p, ['--a', 'x'])

# Negative numbers: values unless an option looks like one.
p = argparse.ArgumentParser(prog='neg')
p.add_argument('-x', type=float)
p.add_argument('num', nargs='*', type=float)
for args in (['-x', '-1'], ['-5', '-2.5', '-.5'], ['-x', '-1e3'], ['-1x']):
    run(p, args)
p = argparse.ArgumentParser(prog='negopt')
p.add_argument('-1', dest='one', action='store_true')
p.add_argument('num', nargs='*')
for args in (['-1'], ['-2'], ['--', '-1']):
    run(p, args)

# Abbreviations.
p = argparse.ArgumentParser(prog='abbrev')
p.add_argument('--foobar')
p.add_argument('--foonly')
p.add_argument('--zeta', action='store_true')
for args in (['--foob', '1'], ['--foo', '1'], ['--z'], ['--zeta=1'], ['--fooba=3'], ['--unknown'], ['-q']):
    run(p, args)
p = argparse.ArgumentParser(prog='noabbrev', allow_abbrev=False)
p.add_argument('--foobar')
p.add_argument('-v', action='count')
p.add_argument('-verbose', action='store_true')
for args in (['--foob', '1'], ['--foobar', '1'], ['-vv'], ['-verb']):
    run(p, args)

# parse_known_args keeps what it does not know.
p = argparse.ArgumentParser(prog='known')
p.add_argument('--a')
p.add_argument('pos')
run(p, ['x', '--b', '1', '--a', '2', 'y', '-z'], 'parse_known_args')
run(p, ['x', '--b', '1', '--a', '2', 'y', '-z'])

# parse_intermixed_args.
p = argparse.ArgumentParser(prog='mix')
p.add_argument('--foo')
p.add_argument('cmd')
p.add_argument('rest', nargs='*', type=int)
run(p, ['doit', '1', '--foo', 'bar', '2', '3'], 'parse_intermixed_args')
run(p, ['doit', '1', '--foo', 'bar', '2', '3'], 'parse_known_args')
run(p, ['doit', '1', '--foo', 'bar', '2', '--zz'], 'parse_known_intermixed_args')

# Namespace.
ns = argparse.Namespace(b=1, a=[2])
print(ns, 'a' in ns, 'c' in ns, ns == argparse.Namespace(b=1, a=[2]), ns != argparse.Namespace(b=1))
print(argparse.Namespace(**{'not valid': 1, 'ok': 2}))
print(ns == 3, vars(ns))
ns2 = argparse.Namespace(pre='set')
p = argparse.ArgumentParser(prog='ns')
p.add_argument('--pre', default='default')
p.add_argument('--other', default='d')
print(p.parse_args([], namespace=ns2), ns2)

# prefix_chars and fromfile_prefix_chars.
p = argparse.ArgumentParser(prog='plus', prefix_chars='-+')
p.add_argument('+f', action='store_true')
p.add_argument('++bar')
p.add_argument('-q')
run(p, ['+f', '++bar', 'x', '-q', '1'])
run(p, ['-h'])
p = argparse.ArgumentParser(prog='slash', prefix_chars='/')
p.add_argument('/v', action='store_true')
run(p, ['/v'])
run(p, ['/h'])

with open('argparse_parse.args.tmp', 'w') as f:
    f.write('--a\nfrom file\npos1\n')
p = argparse.ArgumentParser(prog='fromfile', fromfile_prefix_chars='@')
p.add_argument('--a')
p.add_argument('pos', nargs='*')
run(p, ['@argparse_parse.args.tmp', 'more'])
run(p, ['@argparse_parse_missing.tmp'])
os.remove('argparse_parse.args.tmp')

# FileType.
ft = argparse.FileType('w', encoding='utf-8')
print(ft, argparse.FileType(), argparse.FileType('rb', 0, errors='strict'))
print(argparse.FileType('r')('-') is sys.stdin, argparse.FileType('w')('-') is sys.stdout)
p = argparse.ArgumentParser(prog='files')
p.add_argument('infile', type=argparse.FileType('r'))
run(p, ['/nonexistent/file.txt'])
with open('argparse_parse.tmp', 'w') as f:
    f.write('content\n')
out = p.parse_args(['argparse_parse.tmp'])
print(out.infile.read(), end='')
out.infile.close()
os.remove('argparse_parse.tmp')

# Reprs.
p = argparse.ArgumentParser(prog='r', description='d')
a = p.add_argument('--x', type=int, choices=[1, 2], help='h', metavar='M')
print(a)
print(p)
print(p.add_argument('y', nargs='+'))
