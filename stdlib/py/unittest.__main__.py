"""python -m unittest: run the tests named on the command line, or
discover them."""
import os
import sys

__unittest = True

if sys.argv[0].endswith("__main__.py") or sys.argv[0].startswith("<frozen") or sys.argv[0] in ("-m", ""):
    # The usage line names the command that was typed, as CPython's does.
    sys.argv[0] = os.path.basename(sys.executable) + " -m unittest"

from unittest.main import main

main(module=None)
