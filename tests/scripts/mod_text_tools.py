# textwrap, keyword, shlex and getopt.
import getopt
import keyword
import shlex
import textwrap

text = ("The well-known self-contained e-mail--message explains everything. Mr. Smith "
        "said so.  Then supercalifragilisticexpialidocious words   and\ttabs\nand newlines appear.")
for width in (10, 18, 25, 40, 70):
    print(width, textwrap.wrap(text, width))
print(textwrap.fill(text, 30, initial_indent="* ", subsequent_indent="  "))
print(textwrap.wrap(text, 20, break_on_hyphens=False))
print(textwrap.wrap(text, 12, break_long_words=False))
print(textwrap.wrap(text, 25, max_lines=2), textwrap.wrap(text, 25, max_lines=3, placeholder=" ..."))
print(textwrap.wrap(text, 30, fix_sentence_endings=True))
print(textwrap.wrap("  leading and trailing  ", 10, drop_whitespace=False))
print(textwrap.wrap("a\tb\tc", 80, expand_tabs=False), textwrap.wrap("a\tb", 80, tabsize=4), textwrap.wrap("", 10))
print(textwrap.shorten("Hello  world!  How are you?", 15), textwrap.shorten("Hello world", 11), textwrap.shorten("x " * 20, 10, placeholder="~"))
w = textwrap.TextWrapper(width=15, initial_indent="> ")
print(w.wrap("one two three four five six"), w.fill("a b"), w.width)
for bad in [dict(width=0), dict(width=5, max_lines=1, placeholder=" [long placeholder]")]:
    try:
        textwrap.wrap("some text here", **bad)
    except ValueError as e:
        print("ValueError", e)
print(repr(textwrap.dedent("    a\n      b\n    c\n")), repr(textwrap.dedent("  x\n\t y\n")), repr(textwrap.dedent("   \n  a\n  \n  b")))
print(repr(textwrap.indent("a\n\nb\n", "> ")), repr(textwrap.indent("a\n\nb", "+", lambda line: True)))

print(keyword.iskeyword("for"), keyword.iskeyword("match"), keyword.issoftkeyword("match"), len(keyword.kwlist), keyword.softkwlist)

for s in ['a "b c" d\\ e \'f g\'', "ls -l # comment", 'x="a b"c', "'it'\\''s'", 'a\\\\b "c\\"d" \'e\\f\'', "tab\tsep\nline"]:
    print(shlex.split(s), shlex.split(s, comments=True), shlex.split(s, posix=False))
for s in ['"open', "'open", "trailing\\"]:
    try:
        shlex.split(s)
    except ValueError as e:
        print("ValueError", e)
print(list(shlex.shlex("a && b || (c; d) > out.txt", punctuation_chars=True)))
print(list(shlex.shlex("x = 'y z' + 3.5")), list(shlex.shlex("x = 'y z' # c", posix=True)))
lex = shlex.shlex("one two", posix=True)
print(lex.get_token(), lex.lineno, lex.get_token(), lex.get_token())
print(shlex.quote(""), shlex.quote("safe/path-1.txt"), shlex.quote("needs quoting"), shlex.quote("it's"), shlex.join(["cp", "a b", "c'd"]))

print(getopt.getopt(["-a", "-b", "val", "-cfoo", "file", "-x"], "ab:c:"))
print(getopt.getopt(["--verbose", "--out=f", "--out", "g", "--", "-a"], "a", ["verbose", "out="]))
print(getopt.getopt(["--verb", "x"], "", ["verbose"]), getopt.getopt(["-", "x"], "a"))
print(getopt.gnu_getopt(["file", "-a", "other", "--long", "v"], "a", ["long="]))
print(getopt.gnu_getopt(["file", "-a"], "+a"))
for args, short, long in [(["-x"], "a", []), (["-b"], "b:", []), (["--fo"], "", ["foo", "foobar"]),
                          (["--nope"], "", ["foo"]), (["--foo=1"], "", ["foo"]), (["--foo"], "", ["foo="])]:
    try:
        getopt.getopt(args, short, long)
    except getopt.GetoptError as e:
        print("GetoptError", e, repr(e.opt), e.msg, e.args)
print(getopt.error is getopt.GetoptError)
