# urllib.parse: quoting and unquoting, query strings both ways.
from urllib.parse import (quote, quote_plus, quote_from_bytes, unquote, unquote_plus,
                          unquote_to_bytes, urlencode, parse_qs, parse_qsl)

for s in ["", "abc", "a b", "a/b c", "~user/_x-y.z", "ü€𝄞", "100%", "a+b=c&d", "?#[]@!$&'()*+,;=",
          "\x00\x1f\x7f", "tab\there", "ascii-only_safe.~"]:
    print(repr(s), quote(s), quote(s, safe=""), quote(s, safe="/ "), quote_plus(s), quote_plus(s, safe="/"))
print(quote("ü", encoding="latin-1"), quote("ü€", encoding="ascii", errors="replace"),
      quote("ü€", encoding="latin-1", errors="ignore"), quote("é", errors="strict"))
print(quote(b"a b\xff/"), quote(b"a b", safe=b" "), quote(bytearray(b"x y")), quote_plus(b"a b/c"))
print(quote("a&b", safe="&"), quote("a&b", safe=b"&"), quote_plus("a b", safe=b"/"), quote("é", safe="é"))
print(quote_from_bytes(b"\x00\x80 ~"), quote_from_bytes(b""), quote_from_bytes(b"abc", safe="\xff"))
for bad in [lambda: quote(b"x", encoding="utf-8"), lambda: quote(b"x", errors="strict"),
            lambda: quote(5), lambda: quote_from_bytes("str"), lambda: quote("ü", encoding="ascii"),
            lambda: quote(None)]:
    try:
        print(bad())
    except (TypeError, UnicodeError) as e:
        print(type(e).__name__, e)

for s in ["", "abc", "a%20b", "%7e%7E", "%", "%4", "%zz", "%41%42%4", "a+b", "%C3%BC", "%C3", "%FF%FE",
          "%e2%82%ac and ü", "ü%20ü", "%%41", "%2", "100%25"]:
    print(repr(s), repr(unquote(s)), repr(unquote_plus(s)), unquote_to_bytes(s))
print(repr(unquote("%FC", encoding="latin-1")), repr(unquote("%FF", errors="ignore")),
      repr(unquote("%FF", errors="strict") if False else unquote("%FF", errors="replace")))
print(unquote(b"a%20b%C3%BC"), unquote_to_bytes(b"%41%zz"), unquote_to_bytes(""), unquote_plus("a+b%2B"))
try:
    unquote("%FF", errors="strict")
except UnicodeDecodeError as e:
    print("UnicodeDecodeError", e)
for bad in [lambda: unquote(None), lambda: unquote_to_bytes(None), lambda: unquote(5)]:
    try:
        print(bad())
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, e)

# urlencode
print(urlencode({"a": 1, "b": "x y", "c": "ü/&"}))
print(urlencode([("a", 1), ("a", 2), ("b", b"by tes")]))
print(urlencode({"a": [1, 2, "three"], "b": "str", "c": (), "d": b"xy"}, doseq=True))
print(urlencode({"a": [1, 2]}), urlencode({"a": 5}, doseq=True), urlencode({}), urlencode([]))
print(urlencode({"p": "a/b c"}, safe="/"), urlencode({"p": "a/b c"}, quote_via=quote))
print(urlencode({"é": "ü"}, encoding="latin-1"), urlencode({b"k y": b"v/w"}))
print(urlencode({"n": None, "f": 1.5, "t": True}))
print(urlencode({"a": {"x": 1}}, doseq=True))
for bad in ["abc", [1, 2], 5, [[1, 2]]]:
    try:
        print(urlencode(bad))
    except TypeError as e:
        print("TypeError", e, type(e.__cause__).__name__)

# parse_qs / parse_qsl
for qs in ["", "a=1", "a=1&b=2&a=3", "a=&b", "a", "=x", "a=1&&b=2", "a+b=c+d", "a=%20%26", "a=1;b=2",
           "&", "a==b", "x=%C3%BC&y=%FF", "a=1&b&c="]:
    print(repr(qs), parse_qsl(qs), parse_qsl(qs, keep_blank_values=True), parse_qs(qs),
          parse_qs(qs, keep_blank_values=True))
print(parse_qsl("a=1;b=2", separator=";"), parse_qs(b"a=1&b=%20"), parse_qsl(b"k=v&k2"))
print(parse_qsl("a=%FC", encoding="latin-1"), parse_qsl("a=%FF", errors="ignore"))
for kwargs in [dict(strict_parsing=True), dict(max_num_fields=1), dict(separator=""), dict(separator=None)]:
    for qs in ["a=1&b", "a=1&b=2", "a=1&&b=2"]:
        try:
            print(kwargs, qs, parse_qsl(qs, **kwargs))
        except (ValueError, TypeError) as e:
            print(kwargs, qs, type(e).__name__, e)
print(parse_qsl("a=1&b=2", max_num_fields=2), parse_qsl("", max_num_fields=0))
