# str.split() and rsplit() on whitespace with maxsplit: the unsplit rest
# keeps its whitespace on the far side.
samples = ["", "   ", "a", " a ", "a b", "  a b  ", "a  b   c    d", "HTTP/1.1 200 OK\r\n", "\ta\nb\x0bc\x0cd\re\x1cf",
           "x\u3000y\u2028z\x85w", " é  ü ", "one two three four "]
for text in samples:
    for maxsplit in [-1, 0, 1, 2, 3, 10]:
        print(repr(text), maxsplit, text.split(None, maxsplit), text.rsplit(None, maxsplit),
              text.split(maxsplit=maxsplit), text.rsplit(sep=None, maxsplit=maxsplit))
print("a,b,,c".split(",", 2), "a,b,,c".rsplit(",", 2), "a  b".split(" ", 1))

# startswith/endswith with tuples, and splitlines.
print("abc".startswith(("x", "a")), "abc".endswith(("b", "bc")), "abc".startswith(()), "abc".startswith(("a", 5)))
for call in [lambda: "a".startswith(5), lambda: "a".startswith(("b", 5)), lambda: "a".endswith(("b", None))]:
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)
print("a\nb\r\nc\rd\x0be\x1cf\u2028g".splitlines(), "a\nb\r\n".splitlines(True), "".splitlines(), "\n".splitlines())
