"""gilvm's instruction set, in the shape of CPython 3.11's opcode module.

Everything here is generated from the interpreter's one opcode table
(vm/opcodes.def) through the native _opcode module; the opcodes are
gilvm's own, not CPython's. Every gilvm instruction carries an argument
word, so HAVE_ARGUMENT is 0; `hasarg` lists the opcodes whose argument
means something. Jump arguments are absolute instruction positions, so
the jumps are in `hasjabs` and `hasjrel` is empty.
"""

import _opcode

__all__ = ["cmp_op", "hasconst", "hasname", "hasjrel", "hasjabs",
           "haslocal", "hascompare", "hasfree", "hasarg", "opname", "opmap",
           "HAVE_ARGUMENT", "EXTENDED_ARG", "stack_effect"]

cmp_op = ('<', '<=', '==', '!=', '>', '>=')

opname = list(_opcode.opnames)
opmap = {name: code for code, name in enumerate(opname)}

HAVE_ARGUMENT = 0
EXTENDED_ARG = None  # arguments take 24 bits; there is no prefix instruction

_kinds = _opcode.arg_kinds


def _having(kind):
    return [code for code, k in enumerate(_kinds) if k == kind]


hasconst = _having('const')
hasname = _having('name')
haslocal = _having('local')
hasfree = _having('free')
hascompare = _having('compare')
hasjabs = _having('jump')
hasjrel = []
hasarg = [code for code, k in enumerate(_kinds) if k != 'unused']
hasnargs = []


def stack_effect(opcode, oparg=None, /, *, jump=None):
    """The net change of the stack depth that the instruction makes."""
    import dis
    return dis.stack_effect(opcode, oparg, jump=jump)
