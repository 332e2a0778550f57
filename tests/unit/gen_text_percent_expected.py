#!/usr/bin/env python3
"""Writes text_percent_expected.inc: `format % args` from CPython for the
fake argument model of test_text_percent_format.cpp (ints, floats, str,
None; a tuple, a single value or a dict as the right operand).
Run: python3 tests/unit/gen_text_percent_expected.py > tests/unit/text_percent_expected.inc
"""
import random
import struct

rng = random.Random(7)


def cxx(data: bytes) -> str:
    out = ['"']
    for b in data:
        c = chr(b)
        if c in '"\\':
            out.append("\\" + c)
        elif 0x20 <= b < 0x7F and c != "?":
            out.append(c)
        else:
            out.append("\\%03o" % b)
    out.append('"')
    return "".join(out)


def sv(s: str) -> str:
    data = s.encode()
    return f"std::string_view({cxx(data)}, {len(data)})"


def value(v):
    if v is None:
        return "Fake::none()"
    if isinstance(v, bool):
        raise ValueError("bool not modelled")
    if isinstance(v, int):
        return f'Fake::integer("{v}")'
    if isinstance(v, float):
        bits = struct.unpack("<Q", struct.pack("<d", v))[0]
        return f"Fake::real(0x{bits:016X}ULL)"
    if isinstance(v, str):
        return f"Fake::text({sv(v)})"
    raise ValueError(v)


def operand(args):
    if isinstance(args, tuple):
        return "Operand::tuple({" + ", ".join(value(a) for a in args) + "})"
    if isinstance(args, dict):
        items = ", ".join(f"{{{sv(k)}, {value(v)}}}" for k, v in args.items())
        return "Operand::mapping({" + items + "})"
    return "Operand::single(" + value(args) + ")"


cases = [
    ("%.*f", (-1, 1.5)), ("%*d", (-5, 42)), ("%-*d", (-5, 42)), ("%.5d", (42,)),
    ("%#.5x", (255,)), ("%+.3d", (5,)), ("%08.3f", (-3.14159,)), ("%010f", (float("inf"),)),
    ("%-010f", (float("nan"),)), ("%+010e", (float("-inf"),)), ("%5%", ()), ("%5%", (1,)),
    ("%-5%|", (1,)), ("%(a)%", {"a": 1}), ("%(a)s %s", {"a": 1}), ("%s %(a)s", {"a": 1}),
    ("%\u00e9", (1,)), ("%\x01", (1,)), ("abc %y", (1,)), ("\u00e9\u00e9 %y", (1,)), ("%", ()),
    ("abc %", (1,)), ("%(a", {"a": 1}), ("%(a)", {"a": 1}), ("%.", (1,)), ("%5", (1,)),
    ("%*d", ("x", 1)), ("%.*d", ("x", 1)), ("%s %s", (1,)), ("%s", (1, 2)), ("%(a)s", (1,)),
    ("%ld %hd %Ld", (1, 2, 3)), ("%#o", (8,)), ("%#X", (255,)), ("%#x", (-255,)), ("% d", (5,)),
    ("%+ d", (5,)), ("% +d", (5,)), ("%05d", (-42,)), ("%-05d", (-42,)), ("%#08x", (255,)),
    ("%c", (65,)), ("%5c", ("\u00e9",)), ("%-3c|", ("x",)), ("%.1s", ("abc",)),
    ("%5.2s|", ("abcdef",)), ("%r", ("\u00e9",)), ("%a", ("\u00e9",)), ("%.3r", ("abc",)),
    ("%x", (3.5,)), ("%d", (3.7,)), ("%d", ("3",)), ("%f", ("x",)), ("%c", (0x110000,)),
    ("%c", ("ab",)), ("%c", (1.5,)), ("%#.0f", (2.0,)), ("%#g", (1.0,)), ("%g", (1e20,)),
    ("%.0e", (12345.0,)), ("%i %u", (1, 2)), ("%.0d", (0,)), ("%.0x", (0,)), ("%#.0o", (0,)),
    ("%*.*f", (10, 3, 3.14159)), ("%0*d", (5, 3)), ("%(x)*d", {"x": 1}),
    ("%10000000000000000000d", (1,)), ("%.10000000000000000000d", (1,)),
    ("%.2147483648f", (1.0,)), ("%s", {}), ("abc", {}), ("abc", ()), ("abc", 5),
    ("%%s %s", (1,)), ("%(a)s%(b)s", {"a": 1, "b": 2}), ("%()s", {"": 5}),
    ("%(a(b))s", {"a(b)": 5}), ("%F", (float("inf"),)), ("%E", (1e10,)), ("%G", (1e-10,)),
    ("%#5.3G", (1.0,)), ("%-+8.2e|", (1234.5,)), ("% 05.1f", (2.25,)), ("%+f", (float("nan"),)),
    ("%x", (2 ** 70,)), ("%#o", (-2 ** 70,)), ("%.30d", (2 ** 70,)), ("%-#10x|", (255,)),
    ("%z", (1,)), ("%z", ()), ("%\n", (1,)), ("%s", (None,)), ("%.*s|", (-1, "abc")),
    ("%05s", ("ab",)), ("%05c", ("a",)), ("%05r", ("a",)), ("%*d", (2 ** 63, 1)),
    ("%.*d", (2 ** 31, 1)), ("%.*d", (-2 ** 31 - 1, 1)), ("%*d", (-2 ** 63, 1)),
    ("%+5s", ("a",)), ("%#s", ("a",)), ("% 5c", ("a",)), ("%(a)d %(a)x", {"a": 255}),
    ("%0-5d|", (3,)), ("%-05.1f|", (1.5,)), ("%+#.0e", (3.0,)), ("%s", ()), ("%c", (-1,)),
    ("%c", (2 ** 70,)), ("%o", (-8,)), ("%X", (-255,)), ("%#X", (0,)), ("%e", (10 ** 400,)),
    ("%.3s", ("\u00e9\u00e9\u00e9\u00e9",)), ("%5s|", ("\U0001F600",)), ("%-3s|", (None,)),
    ("%5.1f%%", (99.5,)), ("%s%s", ("a", "b", "c")), ("%u", (-3,)), ("%i", (2 ** 64,)),
    ("% x", (10,)), ("%+o", (8,)), ("%.3x", (-1,)), ("%#.3o", (8,)), ("%#10.3o|", (8,)),
    ("%#010.3o|", (8,)), ("%010.3d|", (8,)), ("%-#8X|", (171,)), ("%d%%", (50,)),
    ("plain text", ()), ("%s", "single"), ("%s and %s", ("caf\u00e9", 2.5)),
    ("%.f", (1.5,)), ("%d", (-(2 ** 63),)), ("%x", (-(2 ** 63),)), ("%s", (-0.0,)),
    ("%r", (1e16,)), ("%(k)r", {"k": "it's"}), ("%c%c", ("\U0001F600", 0x1F600)),
]

FLAGS = ["", "", "-", "+", " ", "#", "0", "-0", "+0", "#0", "+#", " #0", "-#"]
WIDTHS = ["", "", "1", "6", "10", "14", "*"]
PRECS = ["", "", ".0", ".1", ".4", ".12", ".*"]
INT_VALUES = [0, 1, -1, 42, -42, 255, 123456789, -2 ** 63, 2 ** 64 + 3, -(10 ** 25)]
FLOAT_VALUES = [0.0, -0.0, 1.5, -2.5, 0.1, 1e16, 1e-7, 123456.789, -1e300, float("inf"), float("nan")]
for _ in range(400):
    t = rng.choice("diuoxXeEfFgGscr")
    spec = "%" + rng.choice(FLAGS) + rng.choice(WIDTHS) + rng.choice(PRECS) + t
    args = []
    if "*" in spec.split(".")[0][1:]:
        args.append(rng.choice([-12, -3, 0, 5, 11]))
    if ".*" in spec:
        args.append(rng.choice([-1, 0, 2, 7]))
    if t in "dioxXuc":
        args.append(rng.choice(INT_VALUES if t != "c" else [65, 0xE9, 0x1F600, "z"]))
    elif t in "eEfFgG":
        args.append(rng.choice(FLOAT_VALUES + INT_VALUES[:6]))
    else:
        args.append(rng.choice(["", "abc", "caf\u00e9", 42, 2.5, None]))
    cases.append((spec + "|", tuple(args)))

print("// Generated by gen_text_percent_expected.py. Do not edit.")
print("const PercentCase kPercentCases[] = {")
for fmt, args in cases:
    try:
        result, error = fmt % args, None
    except (TypeError, ValueError, OverflowError, KeyError) as e:
        result, error = (str(e) if not isinstance(e, KeyError) else repr(e.args[0])), type(e).__name__
    err = f'"{error}"' if error else "nullptr"
    print(f"  {{{sv(fmt)}, {operand(args)}, {sv(result)}, {err}}},")
print("};")
