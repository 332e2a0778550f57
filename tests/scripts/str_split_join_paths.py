# str.split, join and strip build their results from the parts' measures
# (no rescans), share empty and one-character pieces, and return the
# string itself where CPython does.
s = "a,b,,c"
print(s.split(","), s.rsplit(",", 1), "  x  y ".split(), "é,ab,c".split(","), "aé b".split())
print(",".join(["a", "é", "c"]), "".join([]), "-".join(("x",)), "-".join(iter("abc")))
x = "solo"; print("".join([x]) is x, "".join((x,)) is x)
class S(str): pass
print(type("".join([S("q")])).__name__)
try: ",".join(["a", 1])
except TypeError as e: print(e)
t = "keep"; print(t.strip() is t, "  pad ".strip(), "xxhixx".strip("x"), len("é".join(["ab", "cd"])))
print("a\nb\r\nc".splitlines(), "a\nb\n".splitlines(True), "".split(","), "abc".split("abc"))
print(("é" * 3).split("é"), "ab".split("b")[1] == "", len("ééé,é".split(",")[0]))
