# dis and opcode over the interpreter's own bytecode. gilvm's opcodes are
# not CPython's, so only facts that hold for both are printed: constants
# and names appear as argvals, line starts cover the function, the listing
# has CPython's columns, code_info's lines, the API's shapes and errors.
import dis
import io
import opcode
import re
import sys


def f(a, b=2):
    x = a + b
    if x > 10:
        return "big"
    return [x, 1.5, None]


def g():
    return len(sys.argv) + sys.maxsize


def listing(x, **kw):
    out = io.StringIO()
    dis.dis(x, file=out, **kw)
    return out.getvalue()


# opcode: the name table and its inverse, the argument classes.
print("opname/opmap inverse:", all(opcode.opname[v] == k for k, v in opcode.opmap.items()))
print("every name mapped:", all(opcode.opmap.get(n) == i for i, n in enumerate(opcode.opname) if not n.startswith('<')))
print("cmp_op:", opcode.cmp_op)
print("LOAD_CONST has const:", opcode.opmap['LOAD_CONST'] in opcode.hasconst)
print("LOAD_GLOBAL has name:", opcode.opmap['LOAD_GLOBAL'] in opcode.hasname)
print("LOAD_FAST is local:", opcode.opmap['LOAD_FAST'] in opcode.haslocal)
print("LOAD_DEREF is free:", opcode.opmap['LOAD_DEREF'] in opcode.hasfree)
print("COMPARE_OP compares:", opcode.opmap['COMPARE_OP'] in opcode.hascompare)
print("jumps listed:", len(opcode.hasjrel) + len(opcode.hasjabs) > 0)
print("lists:", [type(getattr(opcode, n)).__name__ for n in
                 ('hasconst', 'hasname', 'hasjrel', 'hasjabs', 'haslocal', 'hascompare', 'hasfree')])
print("HAVE_ARGUMENT is an int:", type(opcode.HAVE_ARGUMENT) is int)
print("dis re-exports:", dis.opname is opcode.opname, dis.opmap is opcode.opmap)

# get_instructions and Instruction.
instrs = list(dis.get_instructions(f))
print("Instruction fields:", dis.Instruction._fields)
print("Positions fields:", dis.Positions._fields)
print("all Instruction:", all(isinstance(i, dis.Instruction) for i in instrs))
argvals = [i.argval for i in instrs]
print("constants as argvals:", "big" in argvals, 1.5 in argvals, 10 in argvals)
print("locals as argvals:", {'a', 'b', 'x'} <= set(argvals))
print("opnames known:", all(opcode.opmap[i.opname] == i.opcode for i in instrs))
print("offsets increase:", all(p.offset < q.offset for p, q in zip(instrs, instrs[1:])))
print("offsets even:", all(i.offset % 2 == 0 for i in instrs))
first = f.__code__.co_firstlineno
starts = {i.starts_line for i in instrs if i.starts_line is not None}
print("body lines start:", set(range(first + 1, first + 5)) <= starts)
print("no line outside:", all(first <= n <= first + 4 for n in starts))
print("some jump target:", any(i.is_jump_target for i in instrs))
big = [i for i in instrs if i.argval == "big"][0]
print("'big' position line:", big.positions.lineno - first, big.positions.end_lineno - first)
print("'big' argrepr:", big.argrepr)
print("jump targets are offsets:", {i.argval for i in instrs if i.opcode in opcode.hasjabs + opcode.hasjrel}
      <= {i.offset for i in instrs})
names = {i.argval for i in dis.get_instructions(g)}
print("names loaded:", {'len', 'sys', 'argv', 'maxsize'} <= names)
shifted = list(dis.get_instructions(f, first_line=100))
print("first_line shifts:", min(i.starts_line for i in shifted if i.starts_line) ==
      100 + min(starts) - first)

# findlinestarts, findlabels.
ls = list(dis.findlinestarts(f.__code__))
print("findlinestarts pairs:", all(len(p) == 2 for p in ls), [line - first for _, line in ls][-1])
labels = dis.findlabels(f.__code__.co_code)
print("findlabels are offsets:", set(labels) <= {i.offset for i in instrs}, len(labels) > 0)

# The listing.
text = listing("x = 1\ny = x")
print("string listing has LOAD:", 'LOAD' in text, 'STORE_NAME' in text)
print("columns:", any(re.match(r'^  1 +\d+ LOAD_CONST +\d+ \(1\)$', line) for line in text.splitlines()))
print("columns, line 2:", any(re.match(r'^  2 +\d+ LOAD_NAME +\d+ \(x\)$', line) for line in text.splitlines()))
text = listing(f)
print("function listing:", 'RETURN_VALUE' in text, "('big')" in text, '>>' in text)
print("blank line between source lines:", '\n\n' in text)
nested = "def h(n):\n    def inner():\n        return n\n    return inner\n"
text = listing(nested)
heads = [re.sub(r'0x[0-9a-f]+', '0x?', line) for line in text.splitlines() if line.startswith('Disassembly')]
print(heads)
print("depth=0:", [line for line in listing(nested, depth=0).splitlines() if line.startswith('Disassembly')])
print("depth=1:", len([line for line in listing(nested, depth=1).splitlines() if line.startswith('Disassembly')]))


class K:
    def m(self):
        return self.v

    @staticmethod
    def s():
        return 1

    @classmethod
    def c(cls):
        return cls


print([line for line in listing(K).splitlines() if line.startswith('Disassembly')])
print("method:", 'LOAD_ATTR' in listing(K().m) or 'LOAD_METHOD' in listing(K().m))


def gen():
    yield 1


async def coro():
    return 2


print("generator:", 'YIELD_VALUE' in listing(gen()))
c = coro()
print("coroutine:", 'RETURN_VALUE' in listing(c))
c.close()
print("code object:", listing(f.__code__) == listing(f))

# disassemble, distb, Bytecode.
out = io.StringIO()
dis.disassemble(f.__code__, file=out)
print("disassemble:", out.getvalue() == listing(f))


def bad():
    return 1 / 0


try:
    bad()
except ZeroDivisionError as e:
    tb = e.__traceback__
bc = dis.Bytecode.from_traceback(tb)
print("from_traceback:", bc.codeobj.co_name, bc.current_offset == tb.tb_next.tb_lasti)
marked = [line for line in bc.dis().splitlines() if '-->' in line]
print("current instruction:", len(marked), 'BINARY_OP' in marked[0], '(/)' in marked[0])
out = io.StringIO()
dis.distb(tb.tb_next, file=out)
print("distb:", [line for line in out.getvalue().splitlines() if '-->' in line] == marked)
sys.last_traceback = tb
out = io.StringIO()
dis.distb(file=out)
print("distb of last:", [line for line in out.getvalue().splitlines() if '-->' in line] == marked)
del sys.last_traceback
for call in (lambda: dis.distb(), lambda: dis.dis()):
    try:
        call()
    except RuntimeError as e:
        print("RuntimeError:", e)

bc = dis.Bytecode(f)
print("Bytecode iterates:", list(bc) == instrs)
print("Bytecode.info:", bc.info() == dis.code_info(f))
print("Bytecode.dis:", bc.dis() == listing(f))
print("Bytecode repr:", repr(bc).startswith('Bytecode(<function f at '))
print("Bytecode first_line:", dis.Bytecode(f, first_line=7).first_line, bc.first_line == first)

# code_info and show_code.
info = dis.code_info(f).splitlines()
for line in info:
    if line.split(':')[0] in ('Name', 'Argument count', 'Positional-only arguments', 'Kw-only arguments',
                              'Number of locals'):
        print(line)
print(info[info.index('Variable names:'):info.index('Variable names:') + 4])
print("Constants listed:", 'Constants:' in info, "   0: " in dis.code_info(f))
print("Names:", [line for line in dis.code_info(g).splitlines() if line.startswith('Names')])
out = io.StringIO()
dis.show_code(f, file=out)
print("show_code:", out.getvalue() == dis.code_info(f) + "\n")
print("code_info of a string:", dis.code_info("a + b").splitlines()[0])
print(dis.pretty_flags(3), '|', dis.pretty_flags(0x20 | 0x1000))

# stack_effect.
op = opcode.opmap
print("stack effects:", dis.stack_effect(op['POP_TOP']), dis.stack_effect(op['LOAD_CONST'], 0),
      dis.stack_effect(op['BUILD_TUPLE'], 3), dis.stack_effect(op['BUILD_LIST'], 0))
for args in ((op["POP_TOP"], 1), (op["LOAD_CONST"],), (1000, 0)):
    try:
        dis.stack_effect(*args)
    except ValueError as e:
        print("ValueError:", e)

# Errors.
for bad_arg in (5, None.__class__):
    try:
        dis.dis(bad_arg) if bad_arg == 5 else dis.code_info(5)
    except TypeError as e:
        print("TypeError:", e)
