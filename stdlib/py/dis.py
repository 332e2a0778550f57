"""Disassembler of gilvm's bytecode, with CPython 3.11's dis API.

The instructions listed are gilvm's own (vm/opcodes.def, read through the
opcode module), not CPython's. Each gilvm instruction is one 32-bit word
(co_code holds 4 bytes an instruction) but counts as one 2-byte code unit
in offsets, as tb_lasti and f_lasti do: instruction i is at offset 2 * i.
Superinstructions the assembler fused are shown as the first instruction
of their pair. There are no inline caches, so show_caches and adaptive
change nothing.
"""

import sys
import types
import collections
import io

import _opcode
from opcode import *
from opcode import __all__ as _opcodes_all

__all__ = ["code_info", "dis", "disassemble", "distb", "disco",
           "findlinestarts", "findlabels", "show_code",
           "get_instructions", "Instruction", "Bytecode"] + _opcodes_all
del _opcodes_all

_have_code = (types.MethodType, types.FunctionType, types.CodeType,
              classmethod, staticmethod, type)

FORMAT_VALUE = opmap['FORMAT_VALUE']
FORMAT_VALUE_CONVERTERS = (
    (None, ''),
    (str, 'str'),
    (repr, 'repr'),
    (ascii, 'ascii'),
)
MAKE_FUNCTION = opmap['MAKE_FUNCTION']
MAKE_FUNCTION_FLAGS = ('defaults', 'kwdefaults', 'annotations', 'closure')
BINARY_OP = opmap['BINARY_OP']

_UNFUSED = _opcode.unfused
_ARG_KINDS = _opcode.arg_kinds


def _try_compile(source, name):
    """An expression compiles in eval mode, anything else in exec mode."""
    try:
        return compile(source, name, 'eval')
    except SyntaxError:
        pass
    return compile(source, name, 'exec')


def dis(x=None, *, file=None, depth=None, show_caches=False, adaptive=False):
    """Disassemble classes, methods, functions, generators, coroutines,
    code objects and source strings; with no argument, the last traceback.
    Code objects nested in the constants are listed after, up to `depth`."""
    if x is None:
        distb(file=file)
        return
    x = _code_holder_unwrapped(x)
    if hasattr(x, '__dict__'):  # a class or a module
        items = sorted(x.__dict__.items())
        for name, x1 in items:
            if isinstance(x1, _have_code):
                print("Disassembly of %s:" % name, file=file)
                try:
                    dis(x1, file=file, depth=depth)
                except TypeError as msg:
                    print("Sorry:", msg, file=file)
                print(file=file)
    elif hasattr(x, 'co_code'):
        _disassemble_recursive(x, file=file, depth=depth)
    elif isinstance(x, (bytes, bytearray)):
        _disassemble_code(_RawCode(x), -1, file, {}, 0)
    elif isinstance(x, str):
        _disassemble_recursive(_try_compile(x, '<dis>'), file=file, depth=depth)
    else:
        raise TypeError("don't know how to disassemble %s objects" %
                        type(x).__name__)


def distb(tb=None, *, file=None, show_caches=False, adaptive=False):
    """Disassemble a traceback (by default the last one), marking the
    instruction that raised."""
    if tb is None:
        try:
            tb = sys.last_traceback
        except AttributeError:
            raise RuntimeError("no last traceback to disassemble") from None
        while tb.tb_next:
            tb = tb.tb_next
    disassemble(tb.tb_frame.f_code, tb.tb_lasti, file=file)


COMPILER_FLAG_NAMES = {
    1: "OPTIMIZED",
    2: "NEWLOCALS",
    4: "VARARGS",
    8: "VARKEYWORDS",
    16: "NESTED",
    32: "GENERATOR",
    64: "NOFREE",
    128: "COROUTINE",
    256: "ITERABLE_COROUTINE",
    512: "ASYNC_GENERATOR",
}


def pretty_flags(flags):
    """The names of the flags set in co_flags, comma-separated."""
    names = []
    for bit in range(32):
        flag = 1 << bit
        if flags & flag:
            names.append(COMPILER_FLAG_NAMES.get(flag, hex(flag)))
            flags ^= flag
            if not flags:
                break
    else:
        names.append(hex(flags))
    return ", ".join(names)


def _code_holder_unwrapped(x):
    """The code object behind a method, function, generator, async
    generator or coroutine; anything else unchanged."""
    x = getattr(x, '__func__', x)
    for attribute in ('__code__', 'gi_code', 'ag_code', 'cr_code'):
        if hasattr(x, attribute):
            return getattr(x, attribute)
    return x


def _get_code_object(x):
    x = _code_holder_unwrapped(x)
    if isinstance(x, str):
        x = _try_compile(x, "<disassembly>")
    if hasattr(x, 'co_code'):
        return x
    raise TypeError("don't know how to disassemble %s objects" %
                    type(x).__name__)


def code_info(x):
    """Formatted details of the code object of `x`."""
    return _format_code_info(_get_code_object(x))


def _format_code_info(co):
    lines = [
        "Name:              %s" % co.co_name,
        "Filename:          %s" % co.co_filename,
        "Argument count:    %s" % co.co_argcount,
        "Positional-only arguments: %s" % co.co_posonlyargcount,
        "Kw-only arguments: %s" % co.co_kwonlyargcount,
        "Number of locals:  %s" % co.co_nlocals,
        "Stack size:        %s" % co.co_stacksize,
        "Flags:             %s" % pretty_flags(co.co_flags),
    ]
    for title, items, fmt in (("Constants:", co.co_consts, "%4d: %r"),
                              ("Names:", co.co_names, "%4d: %s"),
                              ("Variable names:", co.co_varnames, "%4d: %s"),
                              ("Free variables:", co.co_freevars, "%4d: %s"),
                              ("Cell variables:", co.co_cellvars, "%4d: %s")):
        if items:
            lines.append(title)
            for entry in enumerate(items):
                lines.append(fmt % entry)
    return "\n".join(lines)


def show_code(co, *, file=None):
    """Print the details of a code object (see code_info)."""
    print(code_info(co), file=file)


Positions = collections.namedtuple(
    'Positions',
    ['lineno', 'end_lineno', 'col_offset', 'end_col_offset'],
    defaults=[None] * 4,
)

_Instruction = collections.namedtuple(
    "_Instruction",
    ['opname', 'opcode', 'arg', 'argval', 'argrepr', 'offset',
     'starts_line', 'is_jump_target', 'positions'],
    defaults=[None],
)

_ExceptionTableEntry = collections.namedtuple(
    "_ExceptionTableEntry", "start end target depth lasti")

_OPNAME_WIDTH = 20
_OPARG_WIDTH = 5


class Instruction(_Instruction):
    """Details of one bytecode instruction.

      opname - the instruction's name (gilvm's opcodes)
      opcode - its number
      arg - its argument, or None if it takes none
      argval - what the argument means (a constant, a name, a target...)
      argrepr - that meaning as shown in the listing
      offset - where the instruction starts (2 per instruction)
      starts_line - the source line it starts, or None
      is_jump_target - True if some jump or handler goes to it
      positions - a dis.Positions of the source it came from
    """

    def _disassemble(self, lineno_width=3, mark_as_current=False, offset_width=4):
        fields = []
        if lineno_width:
            if self.starts_line is not None:
                fields.append(str(self.starts_line).rjust(lineno_width))
            else:
                fields.append(' ' * lineno_width)
        fields.append('-->' if mark_as_current else '   ')
        fields.append('>>' if self.is_jump_target else '  ')
        fields.append(repr(self.offset).rjust(offset_width))
        fields.append(self.opname.ljust(_OPNAME_WIDTH))
        if self.arg is not None:
            fields.append(repr(self.arg).rjust(_OPARG_WIDTH))
            if self.argrepr:
                fields.append('(' + self.argrepr + ')')
        return ' '.join(fields).rstrip()


def get_instructions(x, *, first_line=None, show_caches=False, adaptive=False):
    """An iterator of Instruction tuples for the code of `x`; `first_line`
    renumbers the lines as if the code started there."""
    co = _get_code_object(x)
    line_offset = 0 if first_line is None else first_line - co.co_firstlineno
    return _get_instructions(co, dict(findlinestarts(co)), line_offset)


class _RawCode:
    """Bare instruction words (a co_code) seen as a code object with no
    constants, names, lines or exception table."""
    co_consts = co_names = co_varnames = co_cellvars = co_freevars = ()

    def __init__(self, code):
        self.co_code = bytes(code)

    def co_positions(self):
        return iter(())

    def co_lines(self):
        return iter(())


def _parse_exception_table(code):
    if isinstance(code, _RawCode):
        return []
    return [_ExceptionTableEntry(start, end, target, depth, False)
            for start, end, target, depth in _opcode.exception_table(code)]


def _unpack_opargs(code):
    """(offset, opcode as the compiler emitted it, argument) per word."""
    for i in range(0, len(code) - len(code) % 4, 4):
        word = int.from_bytes(code[i:i + 4], 'little')
        yield i // 2, _UNFUSED[word & 0xff], word >> 8


def findlabels(code):
    """The offsets that jumps in `code` (a co_code) go to."""
    labels = []
    for _, op, arg in _unpack_opargs(code):
        if op < len(_ARG_KINDS) and _ARG_KINDS[op] == 'jump':
            label = 2 * arg
            if label not in labels:
                labels.append(label)
    return labels


def findlinestarts(code):
    """(offset, line) for each instruction that starts a new source line."""
    lastline = None
    for start, end, line in code.co_lines():
        if line is not None and line != lastline:
            lastline = line
            yield start, line


def _cell_names(co):
    return co.co_varnames + co.co_cellvars + co.co_freevars


def _describe_arg(co, op, arg, offset):
    """(arg, argval, argrepr) as dis shows them."""
    kind = _ARG_KINDS[op] if op < len(_ARG_KINDS) else 'number'
    if kind == 'unused':
        return None, None, ''
    argval, argrepr = arg, ''
    if kind == 'const':
        if arg < len(co.co_consts):
            argval = co.co_consts[arg]
            argrepr = repr(argval)
    elif kind == 'name':
        if arg < len(co.co_names):
            argval = argrepr = co.co_names[arg]
    elif kind == 'local':
        if arg < len(co.co_varnames):
            argval = argrepr = co.co_varnames[arg]
    elif kind == 'free':
        names = _cell_names(co)
        if arg < len(names):
            argval = argrepr = names[arg]
    elif kind == 'jump':
        argval = 2 * arg
        argrepr = "to " + repr(argval)
    elif kind == 'compare':
        if arg < len(cmp_op):
            argval = argrepr = cmp_op[arg]
    elif kind == 'binop':
        try:
            argrepr = _opcode.binary_op_symbol(arg)
        except ValueError:
            pass
    elif op == FORMAT_VALUE:
        argval, argrepr = FORMAT_VALUE_CONVERTERS[arg & 0x3]
        argval = (argval, bool(arg & 0x4))
        if argval[1]:
            argrepr = argrepr + ', with format' if argrepr else 'with format'
    elif op == MAKE_FUNCTION:
        argrepr = ', '.join(s for i, s in enumerate(MAKE_FUNCTION_FLAGS)
                            if arg & (1 << i))
    return arg, argval, argrepr


def _jump_targets(co, exception_entries):
    labels = set(findlabels(co.co_code))
    for entry in exception_entries:
        if entry.start < entry.end:
            labels.add(entry.target)
    return labels


def _get_instructions(co, linestarts, line_offset=0, exception_entries=None):
    if exception_entries is None:
        exception_entries = _parse_exception_table(co)
    labels = _jump_targets(co, exception_entries)
    positions = co.co_positions()
    for offset, op, raw_arg in _unpack_opargs(co.co_code):
        starts_line = linestarts.get(offset)
        if starts_line is not None:
            starts_line += line_offset
        arg, argval, argrepr = _describe_arg(co, op, raw_arg, offset)
        where = Positions(*next(positions, ()))
        yield Instruction(opname[op] if op < len(opname) else '<%d>' % op,
                          op, arg, argval, argrepr, offset, starts_line,
                          offset in labels, where)


def disassemble(co, lasti=-1, *, file=None, show_caches=False, adaptive=False):
    """Disassemble one code object, marking the instruction at `lasti`."""
    _disassemble_code(co, lasti, file, dict(findlinestarts(co)), 0)


def _disassemble_code(co, lasti, file, linestarts, line_offset):
    exception_entries = _parse_exception_table(co)
    if linestarts:
        maxlineno = max(linestarts.values()) + line_offset
        lineno_width = len(str(maxlineno)) if maxlineno >= 1000 else 3
    else:
        lineno_width = 0
    maxoffset = len(co.co_code) // 2 - 2
    offset_width = len(str(maxoffset)) if maxoffset >= 10000 else 4
    for instr in _get_instructions(co, linestarts, line_offset, exception_entries):
        if lineno_width and instr.starts_line is not None and instr.offset > 0:
            print(file=file)
        print(instr._disassemble(lineno_width, instr.offset == lasti, offset_width),
              file=file)
    if exception_entries:
        print("ExceptionTable:", file=file)
        for entry in exception_entries:
            print(f"  {entry.start} to {entry.end - 2} -> {entry.target} [{entry.depth}]",
                  file=file)


def _disassemble_recursive(co, *, file=None, depth=None):
    disassemble(co, file=file)
    if depth is None or depth > 0:
        if depth is not None:
            depth = depth - 1
        for x in co.co_consts:
            if hasattr(x, 'co_code'):
                print(file=file)
                print("Disassembly of %r:" % (x,), file=file)
                _disassemble_recursive(x, file=file, depth=depth)


disco = disassemble  # the old name


def stack_effect(opcode, oparg=None, /, *, jump=None):
    """The net change of the stack depth that the instruction makes (as the
    compiler counts it); jump=True when it jumps, jump=False when it does
    not, None for the larger of the two."""
    if not isinstance(opcode, int) or not 0 <= opcode < len(opname):
        raise ValueError('invalid opcode or oparg')
    if _ARG_KINDS[opcode] == 'unused':
        if oparg is not None:
            raise ValueError('stack_effect: opcode does not permit oparg but oparg was specified')
        oparg = 0
    elif oparg is None:
        raise ValueError('stack_effect: opcode requires oparg but oparg was not specified')
    return _opcode.stack_effect(opcode, oparg, jump)


class Bytecode:
    """The instructions of a code object, iterable as Instruction tuples,
    with dis() and info() giving the listing and the details as text."""

    def __init__(self, x, *, first_line=None, current_offset=None,
                 show_caches=False, adaptive=False):
        self.codeobj = co = _get_code_object(x)
        if first_line is None:
            self.first_line = co.co_firstlineno
            self._line_offset = 0
        else:
            self.first_line = first_line
            self._line_offset = first_line - co.co_firstlineno
        self._linestarts = dict(findlinestarts(co))
        self._original_object = x
        self.current_offset = current_offset
        self.exception_entries = _parse_exception_table(co)
        self.show_caches = show_caches
        self.adaptive = adaptive

    def __iter__(self):
        return _get_instructions(self.codeobj, self._linestarts,
                                 self._line_offset, self.exception_entries)

    def __repr__(self):
        return "{}({!r})".format(self.__class__.__name__, self._original_object)

    @classmethod
    def from_traceback(cls, tb, *, show_caches=False, adaptive=False):
        """The code of the innermost frame of `tb`, at its last instruction."""
        while tb.tb_next:
            tb = tb.tb_next
        return cls(tb.tb_frame.f_code, current_offset=tb.tb_lasti,
                   show_caches=show_caches, adaptive=adaptive)

    def info(self):
        return _format_code_info(self.codeobj)

    def dis(self):
        offset = self.current_offset if self.current_offset is not None else -1
        output = io.StringIO()
        _disassemble_code(self.codeobj, offset, output, self._linestarts,
                          self._line_offset)
        return output.getvalue()


def _test():
    """python -m dis [file]: disassemble a source file (or standard input)."""
    import argparse
    parser = argparse.ArgumentParser()
    parser.add_argument('infile', type=argparse.FileType('rb'), nargs='?', default='-')
    args = parser.parse_args()
    with args.infile as infile:
        source = infile.read()
    if isinstance(source, bytes):
        source = source.decode('utf-8')  # gilvm's compile() takes text only
    code = compile(source, args.infile.name, "exec")
    dis(code)


if __name__ == "__main__":
    _test()
