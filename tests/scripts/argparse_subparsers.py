# argparse: sub-commands (dest, required, title, help, aliases,
# set_defaults), parents, conflict handlers, mutually exclusive groups.
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
        print('  stdout:')
        print(out.getvalue(), end='')
    if err.getvalue():
        print('  stderr:')
        print(err.getvalue(), end='')


class Handler:
    def __call__(self, ns):
        return 'added'

    def __repr__(self):
        return '<handler>'


cmd_add = Handler()


p = argparse.ArgumentParser(prog='git', description='A version control tool.')
p.add_argument('--debug', action='store_true')
sub = p.add_subparsers(dest='command', help='the command to run')
add = sub.add_parser('add', help='add files', aliases=['a', 'ad'], description='Add files to the index.')
add.add_argument('paths', nargs='+')
add.add_argument('-f', '--force', action='store_true')
add.set_defaults(func=cmd_add)
commit = sub.add_parser('commit', help='record changes')
commit.add_argument('-m', '--message', required=True)
commit.add_argument('--amend', action='store_true')
commit.set_defaults(func=None, debug='from commit')
sub.add_parser('status')
for args in ([], ['add', 'x', 'y'], ['a', '-f', 'z'], ['--debug', 'commit', '-m', 'msg'], ['commit'],
             ['commit', '-m', 'x', '--bad'], ['nope'], ['add'], ['-h'], ['add', '-h'], ['commit', '--help'],
             ['status', 'extra'], ['status', '--debug']):
    run(p, args)
r = p.parse_args(['add', 'file'])
print(r.func(r), r.command)
run(p, ['commit', '-m', 'x', 'extra', '--what'], 'parse_known_args')

# Required sub-command with a title, no dest, nested sub-commands.
p = argparse.ArgumentParser(prog='tool')
p.add_argument('target')
sub = p.add_subparsers(title='commands', description='Pick one.', required=True, metavar='COMMAND')
build = sub.add_parser('build', help='build it')
build_sub = build.add_subparsers(dest='what')
lib = build_sub.add_parser('lib')
lib.add_argument('--static', action='store_true')
sub.add_parser('clean', help='remove outputs')
for args in (['t'], ['t', 'build'], ['t', 'build', 'lib', '--static'], ['t', 'clean'], ['-h'],
             ['t', 'build', '-h'], ['t', 'build', 'lib', '-h'], ['t', 'bogus']):
    run(p, args)

p = argparse.ArgumentParser(prog='req')
sub = p.add_subparsers(required=True)
sub.add_parser('one')
run(p, [])
p = argparse.ArgumentParser(prog='req2')
sub = p.add_subparsers(required=True, dest='cmd')
sub.add_parser('one')
run(p, [])
run(p, ['--help'])
try:
    p.add_subparsers()
except SystemExit as e:
    print('second add_subparsers exits', e.code)
try:
    sub.add_parser('one')
except argparse.ArgumentError as e:
    print(e)
try:
    sub.add_parser('two', aliases=['one'])
except argparse.ArgumentError as e:
    print(e)

# Parents.
parent = argparse.ArgumentParser(add_help=False)
parent.add_argument('--shared', default='s')
pg = parent.add_argument_group('common', 'Shared options.')
pg.add_argument('--log')
pm = parent.add_mutually_exclusive_group()
pm.add_argument('--yes', action='store_true')
pm.add_argument('--no', action='store_true')
parent.set_defaults(origin='parent')
child = argparse.ArgumentParser(prog='child', parents=[parent], description='Child.')
child.add_argument('item')
for args in (['i'], ['i', '--shared', 'x', '--log', 'l'], ['--yes', '--no', 'i'], ['-h']):
    run(child, args)

# Conflict handlers.
p = argparse.ArgumentParser(prog='conflict', conflict_handler='resolve')
p.add_argument('-x', '--exact', help='old')
p.add_argument('-x', help='new x')
p.add_argument('--exact', help='new exact')
run(p, ['-h'])
p = argparse.ArgumentParser(prog='conflict2')
p.add_argument('-a', '--all')
try:
    p.add_argument('-b', '--all', '-a')
except argparse.ArgumentError as e:
    print(e)
try:
    argparse.ArgumentParser(conflict_handler='bogus')
except ValueError as e:
    print(e)

# Mutually exclusive groups.
p = argparse.ArgumentParser(prog='mutex')
g = p.add_mutually_exclusive_group()
g.add_argument('-a', action='store_true')
g.add_argument('-b', action='store_true')
g.add_argument('--c', nargs='?', const=1, default=2)
rg = p.add_mutually_exclusive_group(required=True)
rg.add_argument('--x', action='store_const', const='X')
rg.add_argument('--y', action='store_const', const='Y')
for args in (['--x'], ['-a', '--x'], ['-a', '-b', '--x'], ['-b', '-a', '--y'], ['--c', '--x', '-a'], ['-a'],
             ['--x', '--y'], ['--c', '2', '-a', '--x'], ['-ab', '--x']):
    run(p, args)
try:
    g.add_argument('--req', required=True)
except ValueError as e:
    print(e)
