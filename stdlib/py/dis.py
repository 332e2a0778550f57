"""Disassembler of gilvm's bytecode, with CPython 3.11's dis API.

The instructions listed are gilvm's own (vm/opcodes.def, read through the
opcode module), not CPython's. Each gilvm instruction is one 32-bit word
(co_code holds 4 bytes an instruction) but counts as one 2-byte code unit
in offsets, as tb_lasti and f_lasti do: instruction i is at offset 2 * i.
Superinstructions the assembler fused are shown as the first instruction
of their pair. There are no inline caches, so show_caches and adaptive
change nothing.

How it is put together: every entry point first finds a code object
(_code_of), then a _Listing over it decodes the words into Instruction
tuples (the argument's meaning comes from the table's argument kind, one
small function per kind) and, for the text listings, lays them out in
CPython's columns.
"""

import collections
import io
import sys
import types

import _opcode
from opcode import *
from opcode import __all__ as _opcode_exports

__all__ = ["code_info", "dis", "disassemble", "distb", "disco",
           "findlinestarts", "findlabels", "show_code",
           "get_instructions", "Instruction", "Bytecode"] + _opcode_exports

# Constants CPython's dis module exports, with the same values.
FORMAT_VALUE = opmap['FORMAT_VALUE']
FORMAT_VALUE_CONVERTERS = ((None, ''), (str, 'str'), (repr, 'repr'), (ascii, 'ascii'))
MAKE_FUNCTION = opmap['MAKE_FUNCTION']
MAKE_FUNCTION_FLAGS = ('defaults', 'kwdefaults', 'annotations', 'closure')
BINARY_OP = opmap['BINARY_OP']

COMPILER_FLAG_NAMES = {
    1: "OPTIMIZED", 2: "NEWLOCALS", 4: "VARARGS", 8: "VARKEYWORDS",
    16: "NESTED", 32: "GENERATOR", 64: "NOFREE", 128: "COROUTINE",
    256: "ITERABLE_COROUTINE", 512: "ASYNC_GENERATOR",
}

# What the opcode table says of each opcode: the kind of its argument, and
# the instruction a fused superinstruction stands for first.
_ARGUMENT_KIND = _opcode.arg_kinds
_FIRST_OF_FUSED = _opcode.unfused

# An exception-table entry as Bytecode.exception_entries lists it (gilvm's
# handlers carry no lasti flag: always False).
_HandlerEntry = collections.namedtuple('_ExceptionTableEntry', 'start end target depth lasti')

# Column widths of a listing row.
_NAME_COLUMN = 20
_ARGUMENT_COLUMN = 5

Positions = collections.namedtuple(
    'Positions', ['lineno', 'end_lineno', 'col_offset', 'end_col_offset'],
    defaults=[None] * 4)


class Instruction(collections.namedtuple(
        'Instruction', ['opname', 'opcode', 'arg', 'argval', 'argrepr', 'offset',
                        'starts_line', 'is_jump_target', 'positions'],
        defaults=[None])):
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


# ---------------------------------------------------------------- code

class _BareWords:
    """A co_code given alone: instruction words without constants, names,
    lines or an exception table."""
    co_consts = co_names = co_varnames = co_cellvars = co_freevars = ()

    def __init__(self, words):
        self.co_code = bytes(words)

    def co_positions(self):
        return iter(())

    def co_lines(self):
        return iter(())


def _compile_text(source, filename):
    # An expression is listed as one (its value is returned), anything
    # else as statements.
    try:
        return compile(source, filename, 'eval')
    except SyntaxError:
        return compile(source, filename, 'exec')


def _unwrapped(obj):
    """What a method stands for, and the code of a function, generator,
    async generator or coroutine; anything else as it is."""
    obj = getattr(obj, '__func__', obj)
    for attribute in ('__code__', 'gi_code', 'ag_code', 'cr_code'):
        if hasattr(obj, attribute):
            return getattr(obj, attribute)
    return obj


def _code_of(obj, filename="<disassembly>"):
    """The code object an argument of dis's functions stands for (source
    text is compiled), or None."""
    obj = _unwrapped(obj)
    if isinstance(obj, str):
        obj = _compile_text(obj, filename)
    return obj if hasattr(obj, 'co_code') else None


def _cannot_disassemble(obj):
    # The message names what was left once a method was unwrapped.
    return TypeError("don't know how to disassemble %s objects" % type(_unwrapped(obj)).__name__)


def _code_or_error(obj):
    code = _code_of(obj)
    if code is None:
        raise _cannot_disassemble(obj)
    return code


def _words(co_code):
    """(offset, opcode, argument) for each 32-bit word: the opcode in the
    low byte (a fused pair shown as its first instruction), the argument
    in the other three."""
    usable = len(co_code) - len(co_code) % 4
    for position in range(0, usable, 4):
        word = int.from_bytes(co_code[position:position + 4], 'little')
        yield position // 2, _FIRST_OF_FUSED[word & 0xff], word >> 8


def _kind(op):
    return _ARGUMENT_KIND[op] if op < len(_ARGUMENT_KIND) else 'number'


# ---------------------------------------------------------------- arguments
# Each returns (argval, argrepr) for an argument of its kind; an index out
# of its table leaves the number as it is.

def _indexed(table, arg, show):
    if arg < len(table):
        return table[arg], show(table[arg])
    return arg, ''


def _meaning_of_format(arg):
    converter, shown = FORMAT_VALUE_CONVERTERS[arg & 0x3]
    with_spec = bool(arg & 0x4)
    if with_spec:
        shown = shown + ', with format' if shown else 'with format'
    return (converter, with_spec), shown


def _meaning_of_flags(arg):
    return arg, ', '.join(name for bit, name in enumerate(MAKE_FUNCTION_FLAGS) if arg >> bit & 1)


def _meaning_of_operator(arg):
    try:
        return arg, _opcode.binary_op_symbol(arg)
    except ValueError:
        return arg, ''


_MEANINGS = {
    'const': lambda co, arg: _indexed(co.co_consts, arg, repr),
    'name': lambda co, arg: _indexed(co.co_names, arg, str),
    'local': lambda co, arg: _indexed(co.co_varnames, arg, str),
    'free': lambda co, arg: _indexed(co.co_varnames + co.co_cellvars + co.co_freevars, arg, str),
    'jump': lambda co, arg: (2 * arg, "to %d" % (2 * arg)),
    'compare': lambda co, arg: _indexed(cmp_op, arg, str),
    'binop': lambda co, arg: _meaning_of_operator(arg),
}


def _argument(co, op, arg):
    """(arg, argval, argrepr) of one instruction as dis shows them."""
    kind = _kind(op)
    if kind == 'unused':
        return None, None, ''
    if kind in _MEANINGS:
        return (arg,) + tuple(_MEANINGS[kind](co, arg))
    if op == FORMAT_VALUE:
        return (arg,) + _meaning_of_format(arg)
    if op == MAKE_FUNCTION:
        return (arg,) + _meaning_of_flags(arg)
    return arg, arg, ''


# ---------------------------------------------------------------- listings

class _Listing:
    """The instructions of one code object, with what a listing needs: the
    lines they start (shifted by line_shift) and the exception table."""

    def __init__(self, code, line_shift=0):
        self.code = code
        self.line_shift = line_shift
        self.line_starts = dict(findlinestarts(code))
        if isinstance(code, _BareWords):
            self.handlers = []
        else:
            self.handlers = [_HandlerEntry(start, end, target, depth, False)
                             for start, end, target, depth in _opcode.exception_table(code)]

    def targets(self):
        found = set(findlabels(self.code.co_code))
        found.update(entry.target for entry in self.handlers if entry.start < entry.end)
        return found

    def instructions(self):
        code = self.code
        targets = self.targets()
        positions = code.co_positions()
        for offset, op, raw in _words(code.co_code):
            line = self.line_starts.get(offset)
            if line is not None:
                line += self.line_shift
            arg, argval, argrepr = _argument(code, op, raw)
            name = opname[op] if op < len(opname) else '<%d>' % op
            yield Instruction(name, op, arg, argval, argrepr, offset, line,
                              offset in targets, Positions(*next(positions, ())))

    def write(self, out, current=-1):
        """The text listing: CPython's columns (line, current-instruction
        arrow, jump-target mark, offset, name, argument, its meaning), a
        blank line before each new source line, then the handlers."""
        if self.line_starts:
            last_line = max(self.line_starts.values()) + self.line_shift
            line_width = max(3, len(str(last_line)))
        else:
            line_width = 0
        offset_width = max(4, len(str(len(self.code.co_code) // 2 - 2)))
        for instruction in self.instructions():
            if line_width and instruction.starts_line is not None and instruction.offset > 0:
                print(file=out)
            print(_row(instruction, line_width, offset_width, instruction.offset == current), file=out)
        if self.handlers:
            print("ExceptionTable:", file=out)
            for entry in self.handlers:
                print("  %d to %d -> %d [%d]" % (entry.start, entry.end - 2, entry.target, entry.depth), file=out)


def _row(instruction, line_width, offset_width, is_current):
    cells = []
    if line_width:
        line = instruction.starts_line
        cells.append(('' if line is None else str(line)).rjust(line_width))
    cells.append('-->' if is_current else '   ')
    cells.append('>>' if instruction.is_jump_target else '  ')
    cells.append(str(instruction.offset).rjust(offset_width))
    cells.append(instruction.opname.ljust(_NAME_COLUMN))
    if instruction.arg is not None:
        cells.append(str(instruction.arg).rjust(_ARGUMENT_COLUMN))
        if instruction.argrepr:
            cells.append('(%s)' % instruction.argrepr)
    return ' '.join(cells).rstrip()


def _write_with_nested(code, out, depth):
    # The code, then each code object among its constants, down to `depth`
    # levels (None: all of them).
    _Listing(code).write(out)
    if depth is not None:
        if depth <= 0:
            return
        depth -= 1
    for constant in code.co_consts:
        if hasattr(constant, 'co_code'):
            print(file=out)
            print("Disassembly of %r:" % (constant,), file=out)
            _write_with_nested(constant, out, depth)


_LISTED_MEMBERS = (types.MethodType, types.FunctionType, types.CodeType, classmethod, staticmethod, type)


def dis(x=None, *, file=None, depth=None, show_caches=False, adaptive=False):
    """Disassemble classes, methods, functions, generators, coroutines,
    code objects and source strings; with no argument, the last traceback.
    Code objects nested in the constants are listed after, up to `depth`."""
    if x is None:
        distb(file=file)
        return
    if isinstance(x, (bytes, bytearray)):
        _Listing(_BareWords(x)).write(file)
        return
    code = _code_of(x, "<dis>")
    if code is not None:
        _write_with_nested(code, file, depth)
        return
    holder = _unwrapped(x)
    if not hasattr(holder, '__dict__'):
        raise _cannot_disassemble(x)
    # A class or a module: each member that has code, by name.
    for name, member in sorted(holder.__dict__.items()):
        if not isinstance(member, _LISTED_MEMBERS):
            continue
        print("Disassembly of %s:" % name, file=file)
        try:
            dis(member, file=file, depth=depth)
        except TypeError as problem:
            print("Sorry:", problem, file=file)
        print(file=file)


def disassemble(co, lasti=-1, *, file=None, show_caches=False, adaptive=False):
    """Disassemble one code object, marking the instruction at `lasti`."""
    _Listing(co).write(file, lasti)


disco = disassemble  # the old name


def distb(tb=None, *, file=None, show_caches=False, adaptive=False):
    """Disassemble a traceback (by default the last one), marking the
    instruction that raised."""
    if tb is None:
        # The last uncaught exception's innermost frame; a traceback given
        # is listed at its own (outermost) entry.
        if not hasattr(sys, 'last_traceback'):
            raise RuntimeError("no last traceback to disassemble")
        tb = sys.last_traceback
        while tb.tb_next is not None:
            tb = tb.tb_next
    disassemble(tb.tb_frame.f_code, tb.tb_lasti, file=file)


def get_instructions(x, *, first_line=None, show_caches=False, adaptive=False):
    """An iterator of Instruction tuples for the code of `x`; `first_line`
    renumbers the lines as if the code started there."""
    code = _code_or_error(x)
    shift = 0 if first_line is None else first_line - code.co_firstlineno
    return _Listing(code, shift).instructions()


def findlabels(code):
    """The offsets that jumps in `code` (a co_code) go to, in first-seen order."""
    seen = []
    for offset, op, arg in _words(code):
        if _kind(op) == 'jump' and 2 * arg not in seen:
            seen.append(2 * arg)
    return seen


def findlinestarts(code):
    """(offset, line) for each instruction that starts a new source line."""
    previous = None
    for start, end, line in code.co_lines():
        if line is not None and line != previous:
            previous = line
            yield start, line


# ---------------------------------------------------------------- code info

def pretty_flags(flags):
    """The names of the flags set in co_flags, comma-separated; bits with no
    name as hex."""
    names = [COMPILER_FLAG_NAMES.get(1 << bit, hex(1 << bit)) for bit in range(32) if flags >> bit & 1]
    if flags >> 32:
        names.append(hex(flags >> 32 << 32))
    return ", ".join(names) if names else hex(flags)


def _details(co):
    header = [
        ("Name", co.co_name),
        ("Filename", co.co_filename),
        ("Argument count", co.co_argcount),
        ("Positional-only arguments", co.co_posonlyargcount),
        ("Kw-only arguments", co.co_kwonlyargcount),
        ("Number of locals", co.co_nlocals),
        ("Stack size", co.co_stacksize),
        ("Flags", pretty_flags(co.co_flags)),
    ]
    # The values start in column 20 (after at least one space).
    lines = [("%s:" % label).ljust(18) + " " + str(value) for label, value in header]
    for title, items, show in (("Constants", co.co_consts, repr), ("Names", co.co_names, str),
                               ("Variable names", co.co_varnames, str),
                               ("Free variables", co.co_freevars, str),
                               ("Cell variables", co.co_cellvars, str)):
        if items:
            lines.append(title + ":")
            lines.extend("%4d: %s" % (index, show(item)) for index, item in enumerate(items))
    return "\n".join(lines)


def code_info(x):
    """Formatted details of the code object of `x`."""
    return _details(_code_or_error(x))


def show_code(co, *, file=None):
    """Print the details of a code object (see code_info)."""
    print(code_info(co), file=file)


def stack_effect(opcode, oparg=None, /, *, jump=None):
    """The net change of the stack depth that the instruction makes (as the
    compiler counts it); jump=True when it jumps, jump=False when it does
    not, None for the larger of the two."""
    if not isinstance(opcode, int) or not 0 <= opcode < len(opname):
        raise ValueError('invalid opcode or oparg')
    takes_argument = _ARGUMENT_KIND[opcode] != 'unused'
    if not takes_argument and oparg is not None:
        raise ValueError('stack_effect: opcode does not permit oparg but oparg was specified')
    if takes_argument and oparg is None:
        raise ValueError('stack_effect: opcode requires oparg but oparg was not specified')
    return _opcode.stack_effect(opcode, oparg or 0, jump)


class Bytecode:
    """The instructions of a code object, iterable as Instruction tuples,
    with dis() and info() giving the listing and the details as text."""

    def __init__(self, x, *, first_line=None, current_offset=None, show_caches=False, adaptive=False):
        self.codeobj = _code_or_error(x)
        self.first_line = self.codeobj.co_firstlineno if first_line is None else first_line
        self.current_offset = current_offset
        self.show_caches = show_caches
        self.adaptive = adaptive
        self._source = x
        self._listing = _Listing(self.codeobj, self.first_line - self.codeobj.co_firstlineno)
        self.exception_entries = self._listing.handlers

    def __iter__(self):
        return self._listing.instructions()

    def __repr__(self):
        return "%s(%r)" % (type(self).__name__, self._source)

    @classmethod
    def from_traceback(cls, tb, *, show_caches=False, adaptive=False):
        """The code of the innermost frame of `tb`, at its last instruction."""
        while tb.tb_next is not None:
            tb = tb.tb_next
        return cls(tb.tb_frame.f_code, current_offset=tb.tb_lasti, show_caches=show_caches, adaptive=adaptive)

    def info(self):
        return _details(self.codeobj)

    def dis(self):
        out = io.StringIO()
        self._listing.write(out, -1 if self.current_offset is None else self.current_offset)
        return out.getvalue()


def _main():
    """python -m dis [file]: disassemble a source file (or standard input)."""
    import argparse
    parser = argparse.ArgumentParser()
    parser.add_argument('infile', type=argparse.FileType('rb'), nargs='?', default='-')
    options = parser.parse_args()
    with options.infile as infile:
        source = infile.read()
    if isinstance(source, bytes):
        source = source.decode('utf-8')  # gilvm's compile() takes text only
    dis(compile(source, options.infile.name, "exec"))


if __name__ == "__main__":
    _main()
