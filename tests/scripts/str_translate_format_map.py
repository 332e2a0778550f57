# str.maketrans / str.translate and str.format_map, with their errors.
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)

show(lambda: str.maketrans("abc", "xyz"))
show(lambda: str.maketrans("abc", "xyz", "d"))
show(lambda: str.maketrans({"a": "1", 98: None, "c": 120}))
show(lambda: "hello".maketrans("h", "j"))
show(lambda: str.maketrans("ab", "x"))
show(lambda: str.maketrans(1, "x"))
show(lambda: str.maketrans("a", 1))
show(lambda: str.maketrans("a", "b", 3))
show(lambda: str.maketrans("a"))
show(lambda: str.maketrans({"ab": 1}))
show(lambda: str.maketrans({1.5: 1}))
show(lambda: str.maketrans())

show(lambda: "hello world".translate(str.maketrans("lo", "01", " ")))
show(lambda: "h\u00e9llo".translate({ord("\u00e9"): "e", ord("o"): "0\u263a"}))
show(lambda: "abc".translate([None, "x"] * 50))
show(lambda: "abc".translate({}))
show(lambda: "abc".translate({97: 1.5}))
show(lambda: "abc".translate({97: -1}))
show(lambda: "abc".translate({97: 0x110000}))
show(lambda: "abc".translate(5))

class Defaulting(dict):
    def __missing__(self, key):
        return "<" + key + ">"

show(lambda: "{a}-{b[0]}-{c.real}".format_map({"a": 1, "b": [2], "c": 3}))
show(lambda: "{x} {y}".format_map(Defaulting(y=2)))
show(lambda: "{x!r:>6}|{x:^5}".format_map({"x": "q"}))
show(lambda: "{}".format_map({}))
show(lambda: "{0}".format_map({}))
show(lambda: "{x}".format_map({}))
show(lambda: "a".format_map())
show(lambda: "a".format_map(1))
show(lambda: "{a}".format_map(1))

# Messages of operators on sequences and ints.
show(lambda: "a" * "b")
show(lambda: [1] * 1.5)
show(lambda: 2.5 * (1, 2))
show(lambda: b"x" * b"y")
show(lambda: 10 % 0)
show(lambda: (2 ** 70) % 0)
show(lambda: 10 // 0)
show(lambda: divmod(10, 0))
