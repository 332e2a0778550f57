# doctest: the diff report flags, REPORT_ONLY_FIRST_FAILURE, FAIL_FAST,
# IGNORE_EXCEPTION_DETAIL, SKIP, unexpected exceptions (their traceback
# shows the example's source line), DocTestSuite under unittest, the
# parser's Examples and errors, script_from_examples.
import contextlib
import doctest
import io
import re
import sys
import unittest

_real_stdout = sys.stdout
_captured = io.StringIO()
sys.stdout = _captured
def lines():
    """
    >>> for i in range(5): print(i)
    0
    1
    9
    3
    4
    >>> raise ValueError("detail one")  # doctest: +IGNORE_EXCEPTION_DETAIL
    Traceback (most recent call last):
    ValueError: other detail
    >>> print("skip me")  # doctest: +SKIP
    nothing
    >>> print(1); print(2)
    1
    2
    >>> 1/0
    Traceback (most recent call last):
    ZeroDivisionError: wrong text
    """
print(doctest.testmod(optionflags=doctest.REPORT_UDIFF))
print(doctest.testmod(optionflags=doctest.REPORT_CDIFF | doctest.REPORT_ONLY_FIRST_FAILURE))
print(doctest.testmod(optionflags=doctest.FAIL_FAST))
suite = doctest.DocTestSuite()
print(suite.countTestCases())
s = io.StringIO()
r = unittest.TextTestRunner(stream=s, verbosity=2).run(suite)
print(re.sub(r"\d+\.\d+s", "T", s.getvalue()))
p = doctest.DocTestParser()
for piece in p.parse(lines.__doc__):
    if isinstance(piece, doctest.Example):
        print(repr(piece.source), repr(piece.want), piece.lineno, piece.indent, piece.options, repr(piece.exc_msg))
print(doctest.script_from_examples(lines.__doc__))
try:
    p.parse(">>>x")
except ValueError as e:
    print(e)
try:
    p.get_examples(">>> x  # doctest: +BOGUS\n")
except ValueError as e:
    print(e)

sys.stdout = _real_stdout
# doctest's own frame names its file: CPython's doctest.py, gilvm's frozen one.
text = re.sub(r'File "[^"]*(?:/doctest[.]py|<frozen doctest>)", line \d+', 'File "DOCTEST", line N',
              _captured.getvalue())
text = text.replace(__file__, "SCRIPT")
print(text, end="")
