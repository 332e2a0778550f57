"""Names that moved between Python 2 and 3, for pickles of protocols 0 to 2
(pickle's fix_imports): NAME_MAPPING and IMPORT_MAPPING map Python 2 names
to ours when loading, the REVERSE_ tables ours to Python 2's when dumping.
A subset of CPython's tables: the modules that exist here."""

IMPORT_MAPPING = {
    "__builtin__": "builtins",
    "copy_reg": "copyreg",
    "Queue": "queue",
    "thread": "_thread",
    "_abcoll": "collections.abc",
    "cPickle": "pickle",
    "UserDict": "collections",
    "UserList": "collections",
    "UserString": "collections",
    "StringIO": "io",
    "cStringIO": "io",
}

NAME_MAPPING = {
    ("__builtin__", "xrange"): ("builtins", "range"),
    ("__builtin__", "reduce"): ("functools", "reduce"),
    ("__builtin__", "intern"): ("sys", "intern"),
    ("__builtin__", "unichr"): ("builtins", "chr"),
    ("__builtin__", "unicode"): ("builtins", "str"),
    ("__builtin__", "long"): ("builtins", "int"),
    ("itertools", "izip"): ("builtins", "zip"),
    ("itertools", "imap"): ("builtins", "map"),
    ("itertools", "ifilter"): ("builtins", "filter"),
    ("itertools", "ifilterfalse"): ("itertools", "filterfalse"),
    ("itertools", "izip_longest"): ("itertools", "zip_longest"),
}

# Python 2 kept the exceptions in their own module.
_PY2_EXCEPTIONS = (
    "ArithmeticError AssertionError AttributeError BaseException BufferError BytesWarning "
    "DeprecationWarning EOFError EnvironmentError Exception FloatingPointError FutureWarning "
    "GeneratorExit IOError ImportError ImportWarning IndentationError IndexError KeyError "
    "KeyboardInterrupt LookupError MemoryError NameError NotImplementedError OSError "
    "OverflowError PendingDeprecationWarning ReferenceError RuntimeError RuntimeWarning "
    "StopIteration SyntaxError SyntaxWarning SystemError SystemExit TabError TypeError "
    "UnboundLocalError UnicodeDecodeError UnicodeEncodeError UnicodeError "
    "UnicodeTranslateError UnicodeWarning UserWarning ValueError Warning ZeroDivisionError"
).split()
for _name in _PY2_EXCEPTIONS:
    NAME_MAPPING[("exceptions", _name)] = ("builtins", _name)

REVERSE_IMPORT_MAPPING = {
    "builtins": "__builtin__",
    "copyreg": "copy_reg",
    "queue": "Queue",
    "_thread": "thread",
    "collections.abc": "_abcoll",
}

REVERSE_NAME_MAPPING = {value: key for key, value in NAME_MAPPING.items()}

# Python 3's finer OSError and ImportError subclasses become their Python 2 base.
for _name in ("BrokenPipeError ChildProcessError ConnectionAbortedError ConnectionError "
              "ConnectionRefusedError ConnectionResetError FileExistsError FileNotFoundError "
              "InterruptedError IsADirectoryError NotADirectoryError PermissionError "
              "ProcessLookupError TimeoutError").split():
    REVERSE_NAME_MAPPING[("builtins", _name)] = ("exceptions", "OSError")
REVERSE_NAME_MAPPING[("builtins", "ModuleNotFoundError")] = ("exceptions", "ImportError")
NAME_MAPPING[("__builtin__", "basestring")] = ("builtins", "str")
del _name
