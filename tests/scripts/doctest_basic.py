# doctest: testmod (quiet and verbose), option directives and flags, expected
# exceptions, <BLANKLINE>, the failure report, run_docstring_examples.
"""Module doc.

>>> 1 + 1
2
"""
import doctest

def add(a, b):
    """Add.

    >>> add(1, 2)
    3
    >>> add(2, 2)
    5
    >>> print("a   b")  # doctest: +NORMALIZE_WHITESPACE
    a b
    >>> list(range(20))  # doctest: +ELLIPSIS
    [0, 1, ..., 19]
    >>> [1, 2]
    [1,
     2]
    >>> 1/0
    Traceback (most recent call last):
      ...
    ZeroDivisionError: division by zero
    >>> x = 5
    >>> x
    5
    >>> print("")
    <BLANKLINE>
    >>> None
    >>> print("got")
    """
    return a + b

class K:
    """Class doc.

    >>> K().m()
    'm'
    """
    def m(self):
        """
        >>> 2 * 3
        7
        """
        return 'm'

    @staticmethod
    def s():
        """
        >>> True
        1
        """

def nodoc():
    pass

import contextlib
import io
import os

# The reports name this file by its path; print them without the folder,
# which differs between checkouts.
HERE = os.path.dirname(os.path.abspath(__file__)) + os.sep


def run(fn, *args, **kwargs):
    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        result = fn(*args, **kwargs)
    print(buffer.getvalue().replace(HERE, ""), end="")
    return result


print(run(doctest.testmod))
print(run(doctest.testmod, verbose=True))
print(run(doctest.testmod, optionflags=doctest.REPORT_NDIFF))
run(doctest.run_docstring_examples, add, {"add": add}, name="add")
def g():
    """
    >>> g_value
    3
    """
run(doctest.run_docstring_examples, g, {"g_value": 4}, verbose=True)
