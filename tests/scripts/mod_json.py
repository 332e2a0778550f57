# json: dumps options and format, loads with hooks, CPython's errors and
# positions.
import json
data = {"name": "Ada", "langs": ["py", "c++"], "age": 36, "ratio": 0.5, "ok": True, "none": None, "nested": {"k": [1, 2.0, {"z": []}]}, "uni": "é☺\U0001F600", "esc": "a\"b\\c\n\t"}
print(json.dumps(data))
print(json.dumps(data, indent=2, sort_keys=True))
print(json.dumps(data, ensure_ascii=False, separators=(",", ":")))
print(json.dumps([1, (2, 3), {}], indent="\t"), json.dumps({1: "a", 2.5: "b", True: "c", None: "d"}))
print(json.dumps(float("nan")), json.dumps([float("inf"), -float("inf")]), json.dumps("x"), json.dumps(10**20))
try:
    json.dumps(float("nan"), allow_nan=False)
except ValueError as e:
    print("ValueError:", e)
try:
    json.dumps({"s": {1, 2}})
except TypeError as e:
    print("TypeError:", e)
print(json.dumps({"s": {3, 1}}, default=sorted))
try:
    json.dumps({(1, 2): 3})
except TypeError as e:
    print("TypeError:", e)
print(json.dumps({(1, 2): 3, "a": 1}, skipkeys=True))
loop = []
loop.append(loop)
try:
    json.dumps(loop)
except ValueError as e:
    print("ValueError:", e)
text = json.dumps(data)
print(json.loads(text) == data, json.loads(text)["uni"])
print(json.loads('  [1, -2.5e3, "x\\u00e9\\ud83d\\ude00", true, false, null, {"a": {}}, []] '))
print(json.loads("NaN"), json.loads('{"b": 1, "a": 2}', object_pairs_hook=list), json.loads('{"v": 1}', object_hook=lambda d: sorted(d)))
print(json.loads("1.5", parse_float=str), json.loads("12", parse_int=float), json.loads(b'{"k": 1}'))
for bad in ["", "[1,]", '{"a" 1}', "[1 2]", '{"a":1,}', "tru", '"abc', '"a\\qb"', "[1] x", "{1: 2}", "01", '"\\u12g4"']:
    try:
        json.loads(bad)
        print("accepted", repr(bad))
    except json.JSONDecodeError as e:
        print(repr(bad), "->", e, "|", e.msg, e.lineno, e.colno, e.pos)
print(issubclass(json.JSONDecodeError, ValueError))
try:
    json.loads('{\n  "a": 1,\n  "b": ]\n}')
except ValueError as e:
    print(e)
