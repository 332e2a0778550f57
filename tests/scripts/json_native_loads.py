# json.loads / json.load through the native scanner: values, escapes,
# surrogates, numbers, hooks, strict mode, and CPython's error messages and
# positions (in code points, also after non-ASCII text).
import json
import io
import sys


def show(s, **kw):
    try:
        print(repr(json.loads(s, **kw)))
    except json.JSONDecodeError as e:
        print("JSONDecodeError:", e, "|", repr(e.msg), e.pos, e.lineno, e.colno, e.doc == s)
    except Exception as e:
        print(type(e).__name__ + ":", e)


# Values.
for s in ["0", "-0", "-0.0", "1", "-1", "123456789012345678", "1234567890123456789", "-9223372036854775809",
          "1" * 100, "1.5", "-1.5e3", "1E5", "1e+5", "1e-5", "2.5E-3", "0.1", "1e400", "-1e400", "1e-400",
          "true", "false", "null", "NaN", "Infinity", "-Infinity", '""', '"abc"', "[]", "{}", "[1,2,3]",
          '{"a":1,"b":[true,false,null]}', ' \t\n\r [ 1 , 2 ] \n', '{"a": {"b": {"c": []}}}',
          '{"a": 1, "a": 2}', '{"b": 1, "a": 2, "b": 3}', "[[[[[]]]]]", '["x", {"y": [1.0, -0.0]}]',
          "12345678901234567890.5", "0e0", "0E-0", "-0e+1"]:
    show(s)

# Strings and escapes.
for s in [r'"\"\\\/\b\f\n\r\t"', r'"\u0041\u00e9\u263a"', r'"\ud83d\ude00"', r'"\uD83D\uDE00"', r'"\ud800"',
          r'"\udc00"', r'"\ud800x"', r'"\ud800\u0041"', r'"\udc00\ud800"', r'"\ud800\ud800\udc00"',
          '"é☺\U0001F600"', '"\x7f"', r'"\u0000"', '"a\\u00"', r'"a\u00e9b\u00e9"']:
    show(s)

# Numbers that stop early, and near misses.
for s in ["1.", ".5", "1.e5", "1e", "1e+", "1e-", "-", "-x", "--1", "+1", "01", "00", "-01", "1.5.2", "1ee5",
          "0x10", "1_000", "Inf", "-Inf", "nan", "-NaN", "infinity", "nul", "tru", "fals", "True", "None"]:
    show(s)

# Errors and their positions.
for s in ["", " ", "\n\n  ", "[", "[1", "[1,", "[1,]", "[1 2]", "[,1]", "]", "{", '{"a"', '{"a":', '{"a":1',
          '{"a":1,', '{"a":1,}', '{"a" 1}', "{'a': 1}", "{1: 2}", '{"a":1 "b":2}', '{"a":1}}', "[1]]",
          '"abc', '"\\', '"\\x"', '"\\u"', '"\\u12"', '"\\u1234', '"\\u123"', '"\\u12g4"', '"\\uXYZW"',
          '"\\ud800\\u12"', '"\\ud800\\uzzzz"', '"\\ud800\\udc0"', '"\\ud800\\udc00', '"a\nb"', '"a\tb"',
          '"a\x00"', '"\x1f"', "[1] x", "1 2", "null null", '"a" "b"', "[1]\n\n  x",
          '{\n  "a": 1,\n  "b": ]\n}', '["é", x]', '["\U0001F600\U0001F600", 1 2]', '{"é": 1,}', '"é\\q"',
          '"😀\\u12"', "\ufeff[1]", "[\ufeff]", "é", '["a"\n,\n]']:
    show(s)

# strict=False lets control characters through.
show('"a\nb\tc\x00"', strict=False)
show('["\x1f"]', strict=False)
show('"a\\qb"', strict=False)

# Hooks.
show('{"b": 1, "a": [2, {"c": 3}]}', object_hook=lambda d: sorted(d.items()))
show('{"b": 1, "a": [2, {"c": 3}]}', object_pairs_hook=lambda p: p)
show('{"b": 1, "a": 2, "b": 3}', object_pairs_hook=lambda p: p)
show('{"x": {"y": 1}}', object_pairs_hook=dict, object_hook=lambda d: "ignored")
show('{}', object_pairs_hook=lambda p: ("pairs", p))
show('{}', object_hook=lambda d: ("hook", d))
show("[1.5, 2, 1e3, -0.0]", parse_float=lambda t: "F" + t)
show("[1.5, 2, -7, 12345678901234567890]", parse_int=lambda t: "I" + t)
show("[NaN, Infinity, -Infinity]", parse_constant=lambda t: "C" + t)
show("[1.5]", parse_float=float)
show("[3]", parse_int=int)
show('{"a": 1}', object_hook=lambda d: 1 / 0)


def bad_int(t):
    raise ValueError("no ints: " + t)


show("[1, 2]", parse_int=bad_int)

# Big ints and the digit limit.
show("9" * 4300)
show("9" * 4301)
show("-" + "9" * 5000)

# Non-str input.
show(b'{"k": [1, "\xc3\xa9"]}')
show(b"[1]")
show(b'\xef\xbb\xbf{"bom": true}')
show(123)
show(None)
show(["[]"])

# Deep nesting.
for text in ["[" * 100000, "[" * 100000 + "]" * 100000, '{"a":' * 100000, "[{}]" * 1]:
    try:
        r = json.loads(text)
        print("ok", type(r).__name__)
    except RecursionError as e:
        print("RecursionError:", e)
    except json.JSONDecodeError as e:
        print("JSONDecodeError:", e)
nested = "[" * 500 + "]" * 500
print(len(str(json.loads(nested))))

# JSONDecoder and subclasses.
dec = json.JSONDecoder()
print(dec.decode(' {"a": [1, 2]} '), dec.raw_decode('[1] trailing'), dec.raw_decode('xx"s" 1', 2))
try:
    dec.raw_decode("  [1]")
except json.JSONDecodeError as e:
    print("JSONDecodeError:", e)
try:
    dec.raw_decode("[1]", 5)
except json.JSONDecodeError as e:
    print("JSONDecodeError:", e)
print(dec.raw_decode('é  "ü" x', 3))
print(dec.scan_once('[1, "é"] x', 0), dec.scan_once('é 2', 2))
try:
    dec.scan_once("   ", 1)
except StopIteration as e:
    print("StopIteration", e.value)
print(json.decoder.scanstring('"abc\\n" x', 1), json.decoder.scanstring('"é\\u00e9" y', 1))
try:
    json.decoder.scanstring('"abc', 1)
except json.JSONDecodeError as e:
    print("JSONDecodeError:", e)


class Tagged(json.JSONDecoder):
    def __init__(self, **kw):
        super().__init__(object_hook=self.tag, **kw)

    def tag(self, d):
        return ("tagged", sorted(d))


print(json.loads('[{"b": 1, "a": 2}]', cls=Tagged))


class Strict(json.JSONDecoder):
    def decode(self, s):
        result = super().decode(s)
        if not isinstance(result, dict):
            raise ValueError("top level must be an object")
        return result


print(json.loads('{"ok": 1}', cls=Strict))
try:
    json.loads("[1]", cls=Strict)
except ValueError as e:
    print("ValueError:", e)
print(json.loads('"x"', cls=json.JSONDecoder, parse_int=str), json.loads("[1]", strict=False))
d = json.JSONDecoder(parse_float=str, strict=False)
print(d.decode('[1.25, "\t"]'), d.strict, d.parse_int is int, d.object_hook)

# json.load.
print(json.load(io.StringIO('{"from": "file", "n": [1, 2]}')))
print(json.load(io.StringIO('[1.5]'), parse_float=lambda t: t))

# Round trips.
values = [{"a": [1, 2.5, None, True, "é\U0001F600\x00\""], "b": {}}, [[], [{}], -0.0, 10**30, 1e-7],
          "\ud800", {"\udc00": "\ud83d"}, [float("inf"), -float("inf")]]
for v in values:
    for ascii_ in (True, False):
        back = json.loads(json.dumps(v, ensure_ascii=ascii_))
        print(back == v, repr(back))
print(json.loads(json.dumps(float("nan"))) != 0)

# Error objects.
try:
    json.loads('{"a": }')
except ValueError as e:
    print(isinstance(e, json.JSONDecodeError), type(e).__name__, e.args, e.__context__ is None or e.__suppress_context__)
print(json.JSONDecodeError("m", "ab\ncd", 4).colno, json.decoder.JSONDecodeError is json.JSONDecodeError)

# Keys are memoized within one document, as in CPython.
a, b = json.loads('[{"key": 1, "k\\u0065y2": 2}, {"key": 3, "key2": 4}]')
print(list(a)[0] is list(b)[0], a, b)
