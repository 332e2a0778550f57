"""gilvm-specific facts of dis and opcode, which CPython cannot be diffed
against (its opcodes differ): opcode.opname is vm/opcodes.def in order; dis
lists the same instructions, arguments and lines as the C++ disassembler
behind `gilvm --dis`; raw co_code bytes disassemble alike; stack_effect is
the compiler's count; `-m dis file` lists a file; distb() finds the last
uncaught exception. Run as `python3 test_dis.py GILVM`."""
import os
import re
import subprocess
import sys
import tempfile
import unittest

GILVM = None
OPCODES_DEF = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'vm', 'opcodes.def')

SOURCE = '''\
import sys
def f(a, *, b=2):
    total = 0
    for i in range(a):
        if i % 2 and b:
            total += i
    try:
        return [total, sys.argv, "s"]
    except KeyError as e:
        raise ValueError from e
class C:
    def m(self, n):
        return lambda: n + self.x
'''


def gilvm(*args):
    r = subprocess.run([GILVM, *args], capture_output=True, text=True, timeout=60)
    return r.returncode, r.stdout, r.stderr


class Dis(unittest.TestCase):
    def test_opname_is_the_table(self):
        with open(OPCODES_DEF) as f:
            names = re.findall(r'^OPCODE\((\w+),', f.read(), re.M)
        rc, out, err = gilvm('-c', 'import opcode; print(" ".join(opcode.opname))')
        self.assertEqual((rc, err), (0, ''))
        self.assertEqual(out.split(), names)

    def test_same_instructions_as_the_native_disassembler(self):
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, 'm.py')
            with open(path, 'w') as f:
                f.write(SOURCE)
            # The native listing: "LINE INDEX NAME ARG" per instruction,
            # one block per code object, nested ones after their parent.
            rc, _, native = gilvm('--dis', '-c', SOURCE)
            self.assertEqual(rc, 0)
            script = (
                "import dis, sys\n"
                "src = open(sys.argv[1]).read()\n"
                "def walk(co):\n"
                "    print('CODE', co.co_qualname)\n"
                "    for i in dis.get_instructions(co):\n"
                "        arg = 0 if i.arg is None else i.arg\n"
                "        print(i.offset // 2, i.opname, arg, i.positions.lineno or 0)\n"
                "    for c in co.co_consts:\n"
                "        if hasattr(c, 'co_code'):\n"
                "            walk(c)\n"
                "walk(compile(src, '<string>', 'exec'))\n")
            rc, listed, err = gilvm('-c', script, path)
            self.assertEqual((rc, err), (0, ''))
        expected = []
        for line in native.splitlines():
            if line.startswith('Disassembly of <code '):
                expected.append('CODE ' + line[len('Disassembly of <code '):-2])
                continue
            m = re.match(r'^\s*(-?\d+)\s+(\d+) (\w+)\s+(\d+)', line)
            if m:
                expected.append(f'{m[2]} {m[3]} {m[4]} {m[1]}')
        self.assertGreater(len(expected), 40)
        self.assertEqual(listed.splitlines(), expected)

    def test_raw_bytes_and_arguments(self):
        code = (
            "import dis, io\n"
            "def f(x):\n"
            "    return x.y + 1\n"
            "out = io.StringIO()\n"
            "dis.dis(f.__code__.co_code, file=out)\n"
            "raw = [l.split()[1] for l in out.getvalue().splitlines()]\n"
            "print(raw == [i.opname for i in dis.get_instructions(f)])\n"
            "print(len(f.__code__.co_code) == 4 * len(list(dis.get_instructions(f))))\n"
            "print([(i.opname, i.argrepr) for i in dis.get_instructions(f)])\n"
            "print(dis.stack_effect(dis.opmap['CALL'], 2), dis.stack_effect(dis.opmap['FOR_ITER'], 0),\n"
            "      dis.stack_effect(dis.opmap['FOR_ITER'], 0, jump=True), dis.stack_effect(dis.opmap['CALL_KW'], 3))\n")
        rc, out, err = gilvm('-c', code)
        self.assertEqual((rc, err), (0, ''))
        lines = out.splitlines()
        self.assertEqual(lines[:2], ['True', 'True'])
        self.assertEqual(lines[2], "[('LOAD_FAST', 'x'), ('LOAD_ATTR', 'y'), ('LOAD_CONST', '1'), "
                                   "('BINARY_OP', '+'), ('RETURN_VALUE', '')]")
        # CALL: callable, self-or-null and 2 arguments become one result;
        # FOR_ITER pushes the next item or, jumping, pops the iterator;
        # CALL_KW also pops its tuple of keyword names.
        self.assertEqual(lines[3], '-3 1 -1 -5')

    def test_module_main(self):
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, 'm.py')
            with open(path, 'w') as f:
                f.write('x = 1\nprint(x)\n')
            rc, out, err = gilvm('-m', 'dis', path)
        self.assertEqual((rc, err), (0, ''))
        self.assertRegex(out, r'(?m)^  1 +0 LOAD_CONST +\d+ \(1\)$')
        self.assertRegex(out, r'(?m)^  2 +\d+ LOAD_NAME +\d+ \(print\)$')

    def test_distb_of_the_last_uncaught_exception(self):
        # -i keeps the session after the uncaught error; sys.last_* name it.
        args = ['-i', '-c', 'def f():\n    return 1 / 0\nf()']
        stdin = ('import dis, sys\n'
                 'print(sys.last_type.__name__, type(sys.last_value).__name__,'
                 ' sys.last_traceback.tb_next.tb_frame.f_code.co_name)\n'
                 'dis.distb()\n')
        mine = subprocess.run([GILVM, *args], input=stdin, capture_output=True, text=True, timeout=60)
        theirs = subprocess.run([sys.executable, *args], input=stdin, capture_output=True, text=True, timeout=60)
        self.assertEqual(mine.stdout.splitlines()[0], theirs.stdout.splitlines()[0])
        self.assertEqual(mine.stdout.splitlines()[0], 'ZeroDivisionError ZeroDivisionError f')
        marked = [line for line in mine.stdout.splitlines() if '-->' in line]
        self.assertEqual(len(marked), 1)
        self.assertRegex(marked[0], r'--> +\d+ BINARY_OP +\d+ \(/\)$')


if __name__ == '__main__':
    GILVM = os.path.abspath(sys.argv.pop(1))
    unittest.main(verbosity=1)
