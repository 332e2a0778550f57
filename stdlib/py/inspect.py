"""Looking at live objects: what kind of object something is (isfunction,
iscoroutinefunction, ...), members and docs, source code read from files,
frames and the call stack, and call signatures (signature, Signature,
Parameter, getfullargspec, getcallargs).

Differences from CPython (see docs/language.md): frames are snapshots (so
stack() and currentframe() see the lines of the moment, and function frames
show an empty f_locals); Signature.parameters is a fresh dict, not a
mappingproxy; built-in functions never have a signature (gilvm keeps no
__text_signature__); getsource finds blocks by indentation, not by tokenizing.
"""
import abc
import collections
import collections.abc
import enum
import functools
import linecache
import os
import sys
import types

# co_flags bits, as CPython numbers them (code objects report these).
CO_OPTIMIZED = 0x1
CO_NEWLOCALS = 0x2
CO_VARARGS = 0x4
CO_VARKEYWORDS = 0x8
CO_NESTED = 0x10
CO_GENERATOR = 0x20
CO_NOFREE = 0x40
CO_COROUTINE = 0x80
CO_ITERABLE_COROUTINE = 0x100
CO_ASYNC_GENERATOR = 0x200

GEN_CREATED = "GEN_CREATED"
GEN_RUNNING = "GEN_RUNNING"
GEN_SUSPENDED = "GEN_SUSPENDED"
GEN_CLOSED = "GEN_CLOSED"
CORO_CREATED = "CORO_CREATED"
CORO_RUNNING = "CORO_RUNNING"
CORO_SUSPENDED = "CORO_SUSPENDED"
CORO_CLOSED = "CORO_CLOSED"

TPFLAGS_IS_ABSTRACT = 1 << 20


# --- what kind of object -------------------------------------------------------

def ismodule(object):
    return isinstance(object, types.ModuleType)


def isclass(object):
    return isinstance(object, type)


# gilvm binds a built-in type's method ([].append) as a method object
# around the native function; CPython has a builtin method type for these,
# which isbuiltin() accepts and ismethod() does not.
def _is_bound_builtin(object):
    return isinstance(object, types.MethodType) and isinstance(object.__func__, _NativeFunctionType)


def ismethod(object):
    return isinstance(object, types.MethodType) and not _is_bound_builtin(object)


def isfunction(object):
    return isinstance(object, types.FunctionType)


# The native descriptor types that gilvm's attribute machinery handles
# without __set__/__delete__ methods on the type (CPython's have them).
_NativeFunctionType = type(len)
_NATIVE_DATA_DESCRIPTORS = (property, type(types.FunctionType.__dict__["__name__"]))
try:
    class _Slotted:
        __slots__ = ("slot",)
    if type(_Slotted.__dict__["slot"]) is not _NATIVE_DATA_DESCRIPTORS[1]:
        _NATIVE_DATA_DESCRIPTORS += (type(_Slotted.__dict__["slot"]),)
    del _Slotted
except (KeyError, TypeError):
    pass


def ismethoddescriptor(object):
    if isclass(object) or ismethod(object) or isfunction(object) or isbuiltin(object):
        return False
    if isinstance(object, _NATIVE_DATA_DESCRIPTORS):
        return False
    tp = type(object)
    return hasattr(tp, "__get__") and not hasattr(tp, "__set__")


def isdatadescriptor(object):
    if isclass(object) or ismethod(object) or isfunction(object):
        return False
    if isinstance(object, _NATIVE_DATA_DESCRIPTORS):
        return True
    tp = type(object)
    return hasattr(tp, "__set__") or hasattr(tp, "__delete__")


def _has_code_flag(f, flag):
    # Looks through bound methods and functools.partial to the function.
    while True:
        if ismethod(f):
            f = f.__func__
        elif isinstance(f, functools.partial):
            f = f.func
        else:
            break
    if not isfunction(f):
        return False
    return bool(f.__code__.co_flags & flag)


def isgeneratorfunction(obj):
    return _has_code_flag(obj, CO_GENERATOR)


def iscoroutinefunction(obj):
    return _has_code_flag(obj, CO_COROUTINE)


def isasyncgenfunction(obj):
    return _has_code_flag(obj, CO_ASYNC_GENERATOR)


def isgenerator(object):
    return isinstance(object, types.GeneratorType)


def iscoroutine(object):
    return isinstance(object, types.CoroutineType)


def isasyncgen(object):
    return isinstance(object, types.AsyncGeneratorType)


def isawaitable(object):
    if isinstance(object, types.CoroutineType):
        return True
    if isinstance(object, types.GeneratorType) and object.gi_code.co_flags & CO_ITERABLE_COROUTINE:
        return True
    return isinstance(object, collections.abc.Awaitable)


def istraceback(object):
    return isinstance(object, types.TracebackType)


def isframe(object):
    return isinstance(object, types.FrameType)


def iscode(object):
    return isinstance(object, types.CodeType)


def isbuiltin(object):
    return isinstance(object, _NativeFunctionType) or _is_bound_builtin(object)


def isroutine(object):
    return isbuiltin(object) or isfunction(object) or ismethod(object) or ismethoddescriptor(object)


def isabstract(object):
    if not isinstance(object, type):
        return False
    if getattr(object, "__abstractmethods__", None):
        return True
    if not isinstance(object, abc.ABCMeta) or "__abstractmethods__" in object.__dict__:
        return False
    # A class still being made (ABCMeta has not set __abstractmethods__ yet).
    for value in object.__dict__.values():
        if getattr(value, "__isabstractmethod__", False):
            return True
    for base in object.__bases__:
        for name in getattr(base, "__abstractmethods__", ()):
            if getattr(getattr(object, name, None), "__isabstractmethod__", False):
                return True
    return False


# --- members, modules, docs ----------------------------------------------------

def getmro(cls):
    return cls.__mro__


def getmembers(object, predicate=None):
    """(name, value) pairs of the object's attributes, sorted by name."""
    mro = (object,) + getmro(object) if isclass(object) else ()
    results = []
    seen = set()
    for key in dir(object):
        try:
            value = getattr(object, key)
            if key in seen:
                raise AttributeError(key)
        except AttributeError:
            # dir() listed it but the lookup failed: a class's own entry.
            for base in mro:
                if key in base.__dict__:
                    value = base.__dict__[key]
                    break
            else:
                continue
        if predicate is None or predicate(value):
            results.append((key, value))
        seen.add(key)
    results.sort(key=lambda pair: pair[0])
    return results


def getmodule(object, _filename=None):
    if ismodule(object):
        return object
    if hasattr(object, "__module__"):
        return sys.modules.get(object.__module__)
    try:
        file = getabsfile(object)
    except TypeError:
        return None
    for module in list(sys.modules.values()):
        path = getattr(module, "__file__", None)
        if isinstance(path, str) and os.path.normcase(os.path.abspath(path)) == file:
            return module
    return None


def getabsfile(object, _filename=None):
    if _filename is None:
        _filename = getsourcefile(object) or getfile(object)
    return os.path.normcase(os.path.abspath(_filename))


def cleandoc(doc):
    """A docstring without the indentation its source gave it."""
    lines = doc.expandtabs().split("\n")
    margin = None
    for line in lines[1:]:
        stripped = line.lstrip()
        if stripped:
            indent = len(line) - len(stripped)
            margin = indent if margin is None else min(margin, indent)
    if lines:
        lines[0] = lines[0].lstrip()
    if margin is not None:
        lines[1:] = [line[margin:] for line in lines[1:]]
    while lines and not lines[-1]:
        lines.pop()
    while lines and not lines[0]:
        lines.pop(0)
    return "\n".join(lines)


def _inherited_doc(obj):
    # A class or a method without a docstring takes its base's.
    if isclass(obj):
        for base in obj.__mro__:
            if base is not object:
                doc = base.__doc__
                if doc is not None:
                    return doc
        return None
    if ismethod(obj):
        name = obj.__func__.__name__
        self = obj.__self__
        cls = self if isclass(self) and getattr(getattr(self, name, None), "__func__", None) is obj.__func__ \
            else type(self)
    elif isfunction(obj):
        name = obj.__name__
        cls = _defining_class(obj)
    else:
        return None
    if cls is None:
        return None
    for base in cls.__mro__[1:]:
        value = base.__dict__.get(name)
        doc = getattr(value, "__doc__", None)
        if doc is not None:
            return doc
    return None


def _defining_class(func):
    parts = func.__qualname__.split(".")[:-1]
    if not parts or "<locals>" in parts:
        return None
    cls = sys.modules.get(func.__module__)
    for part in parts:
        cls = getattr(cls, part, None)
    return cls if isclass(cls) else None


def getdoc(object):
    try:
        doc = object.__doc__
    except AttributeError:
        return None
    if doc is None:
        try:
            doc = _inherited_doc(object)
        except (AttributeError, TypeError):
            return None
    if not isinstance(doc, str):
        return None
    return cleandoc(doc)


# --- files and source ----------------------------------------------------------

def getfile(object):
    if ismodule(object):
        if getattr(object, "__file__", None):
            return object.__file__
        raise TypeError("{!r} is a built-in module".format(object))
    if isclass(object):
        if hasattr(object, "__module__"):
            module = sys.modules.get(object.__module__)
            if getattr(module, "__file__", None):
                return module.__file__
            if object.__module__ == "__main__":
                raise OSError("source code not available")
        raise TypeError("{!r} is a built-in class".format(object))
    if ismethod(object):
        object = object.__func__
    if isfunction(object):
        object = object.__code__
    if istraceback(object):
        object = object.tb_frame
    if isframe(object):
        object = object.f_code
    if iscode(object):
        return object.co_filename
    raise TypeError("module, class, method, function, traceback, frame, or "
                    "code object was expected, got {}".format(type(object).__name__))


def getsourcefile(object):
    filename = getfile(object)
    if filename.endswith((".pyc", ".pyo", ".so")):
        return None
    if os.path.exists(filename):
        return filename
    if linecache.getlines(filename):
        return filename
    return None


def _source_lines_of(object):
    file = getsourcefile(object)
    if file is None:
        file = getfile(object)
        if not (file.startswith("<") and file.endswith(">")):
            raise OSError("source code not available")
    lines = linecache.getlines(file)
    if not lines:
        raise OSError("could not get source code")
    return lines


def _indent_of(line):
    return len(line) - len(line.lstrip())


def _class_name(stripped):
    return stripped[6:].lstrip().split("(")[0].split(":")[0].strip()


def _find_class(lines, qualname):
    # The line of "class Name" for each part of the qualified name, each
    # searched inside the block of the one before; decorators included.
    start, end, outer = 0, len(lines), -1
    found = None
    for part in qualname.split("."):
        if part == "<locals>":
            raise OSError("could not find class definition")
        found = None
        for index in range(start, end):
            stripped = lines[index].lstrip()
            if stripped.startswith("class ") and _class_name(stripped) == part and _indent_of(lines[index]) > outer:
                found = index
                break
        if found is None:
            raise OSError("could not find class definition")
        outer = _indent_of(lines[found])
        start, end = found + 1, found + len(_block(lines[found:]))
    while found > 0 and lines[found - 1].lstrip().startswith("@") and _indent_of(lines[found - 1]) == outer:
        found -= 1
    return found


def findsource(object):
    lines = _source_lines_of(object)
    if ismodule(object):
        return lines, 0
    if isclass(object):
        return lines, _find_class(lines, object.__qualname__)
    if ismethod(object):
        object = object.__func__
    if isfunction(object):
        object = object.__code__
    if istraceback(object):
        object = object.tb_frame
    if isframe(object):
        object = object.f_code
    if iscode(object):
        if not hasattr(object, "co_firstlineno"):
            raise OSError("could not find function definition")
        lnum = object.co_firstlineno - 1
        if lnum >= len(lines):
            raise OSError("lineno is out of bounds")
        while lnum > 0:
            stripped = lines[lnum].lstrip()
            if stripped.startswith(("def ", "def\t", "async ", "@")) or "lambda" in lines[lnum]:
                break
            lnum -= 1
        # The decorators above a def belong to it.
        while lnum > 0 and lines[lnum - 1].lstrip().startswith("@"):
            lnum -= 1
        return lines, lnum
    raise OSError("could not find code object")


def _open_brackets(line, depth, quote):
    # Follows brackets and strings through one line; returns the new bracket
    # depth and the triple quote still open (or None).
    i = 0
    while i < len(line):
        if quote is not None:
            if line.startswith(quote, i):
                i += len(quote)
                quote = None
                continue
            if line[i] == "\\":
                i += 1
            i += 1
            continue
        ch = line[i]
        if ch == "#":
            break
        if line.startswith(('"""', "'''"), i):
            quote = line[i:i + 3]
            i += 3
            continue
        if ch in "\"'":
            end = i + 1
            while end < len(line) and line[end] != ch:
                end += 2 if line[end] == "\\" else 1
            i = end + 1
            continue
        if ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth -= 1
        i += 1
    return depth, quote


def _block(lines):
    """The lines of the statement that starts lines[0] (decorators, header
    and its indented body), found by indentation."""
    if not lines:
        return []
    base = _indent_of(lines[0])
    depth, quote = 0, None
    index = 0
    # Decorators and the header, until the line that ends it.
    while index < len(lines):
        line = lines[index]
        depth, quote = _open_brackets(line, depth, quote)
        index += 1
        if depth <= 0 and quote is None and not line.lstrip().startswith("@"):
            break
    header = lines[index - 1].split("#")[0].rstrip()
    if not header.endswith(":"):
        return lines[:index]
    end = index
    while index < len(lines):
        line = lines[index]
        stripped = line.strip()
        if depth <= 0 and quote is None and stripped and not stripped.startswith("#") and _indent_of(line) <= base:
            break
        depth, quote = _open_brackets(line, depth, quote)
        index += 1
        if stripped and not stripped.startswith("#"):
            end = index
    return lines[:end]


def getblock(lines):
    return _block(lines)


def getsourcelines(object):
    object = unwrap(object)
    lines, lnum = findsource(object)
    if istraceback(object):
        object = object.tb_frame
    if ismodule(object) or (isframe(object) and object.f_code.co_name == "<module>"):
        return lines, 0
    return _block(lines[lnum:]), lnum + 1


def getsource(object):
    lines, lnum = getsourcelines(object)
    return "".join(lines)


def getcomments(object):
    return None


# --- frames and the stack ------------------------------------------------------

class FrameInfo(collections.namedtuple("FrameInfo", "frame filename lineno function code_context index")):
    pass


class Traceback(collections.namedtuple("Traceback", "filename lineno function code_context index")):
    pass


def currentframe():
    return sys._getframe(1)


def getframeinfo(frame, context=1):
    if istraceback(frame):
        lineno = frame.tb_lineno
        frame = frame.tb_frame
    else:
        lineno = frame.f_lineno
    if not isframe(frame):
        raise TypeError("{!r} is not a frame or traceback object".format(frame))
    filename = getsourcefile(frame) or getfile(frame)
    if context > 0:
        start = lineno - 1 - context // 2
        lines = linecache.getlines(filename)
        if lines:
            start = max(0, min(start, len(lines) - context))
            lines = lines[start:start + context]
            index = lineno - 1 - start
        else:
            lines = index = None
    else:
        lines = index = None
    return Traceback(filename, lineno, frame.f_code.co_name, lines, index)


def getlineno(frame):
    return frame.f_lineno


def getouterframes(frame, context=1):
    frames = []
    while frame is not None:
        info = getframeinfo(frame, context)
        frames.append(FrameInfo(frame, *info))
        frame = frame.f_back
    return frames


def getinnerframes(tb, context=1):
    frames = []
    while tb is not None:
        info = getframeinfo(tb, context)
        frames.append(FrameInfo(tb.tb_frame, *info))
        tb = tb.tb_next
    return frames


def stack(context=1):
    return getouterframes(sys._getframe(1), context)


def trace(context=1):
    return getinnerframes(sys.exc_info()[2], context)


# --- generators and coroutines -------------------------------------------------

def getgeneratorstate(generator):
    if generator.gi_running:
        return GEN_RUNNING
    if generator.gi_suspended:
        return GEN_SUSPENDED
    if generator.gi_frame is None:
        return GEN_CLOSED
    return GEN_CREATED


def getcoroutinestate(coroutine):
    if coroutine.cr_running:
        return CORO_RUNNING
    if coroutine.cr_suspended:
        return CORO_SUSPENDED
    if coroutine.cr_frame is None:
        return CORO_CLOSED
    return CORO_CREATED


# --- unwrapping ----------------------------------------------------------------

def unwrap(func, *, stop=None):
    """Follows __wrapped__ (functools.wraps) to the innermost function."""
    first = func
    seen = {id(func)}
    limit = sys.getrecursionlimit()
    while hasattr(func, "__wrapped__") and (stop is None or not stop(func)):
        func = func.__wrapped__
        if id(func) in seen or len(seen) >= limit:
            raise ValueError("wrapper loop when unwrapping {!r}".format(first))
        seen.add(id(func))
    return func


# --- signatures ----------------------------------------------------------------

class _void:
    """Marks an argument of replace() that was not given."""


class _empty:
    """Marks a parameter without a default or an annotation."""


class _ParameterKind(enum.IntEnum):
    POSITIONAL_ONLY = 0
    POSITIONAL_OR_KEYWORD = 1
    VAR_POSITIONAL = 2
    KEYWORD_ONLY = 3
    VAR_KEYWORD = 4

    def __str__(self):
        return self.name

    @property
    def description(self):
        return _KIND_DESCRIPTIONS[self]


_POSITIONAL_ONLY = _ParameterKind.POSITIONAL_ONLY
_POSITIONAL_OR_KEYWORD = _ParameterKind.POSITIONAL_OR_KEYWORD
_VAR_POSITIONAL = _ParameterKind.VAR_POSITIONAL
_KEYWORD_ONLY = _ParameterKind.KEYWORD_ONLY
_VAR_KEYWORD = _ParameterKind.VAR_KEYWORD

_KIND_DESCRIPTIONS = {
    _POSITIONAL_ONLY: "positional-only",
    _POSITIONAL_OR_KEYWORD: "positional or keyword",
    _VAR_POSITIONAL: "variadic positional",
    _KEYWORD_ONLY: "keyword-only",
    _VAR_KEYWORD: "variadic keyword",
}


def formatannotation(annotation, base_module=None):
    if getattr(annotation, "__module__", None) == "typing":
        return repr(annotation).replace("typing.", "")
    if isinstance(annotation, types.GenericAlias):
        return str(annotation)
    if isinstance(annotation, type):
        if annotation.__module__ in ("builtins", base_module):
            return annotation.__qualname__
        return annotation.__module__ + "." + annotation.__qualname__
    return repr(annotation)


class Parameter:
    """One parameter of a Signature: name, kind, default, annotation."""

    POSITIONAL_ONLY = _POSITIONAL_ONLY
    POSITIONAL_OR_KEYWORD = _POSITIONAL_OR_KEYWORD
    VAR_POSITIONAL = _VAR_POSITIONAL
    KEYWORD_ONLY = _KEYWORD_ONLY
    VAR_KEYWORD = _VAR_KEYWORD

    empty = _empty

    def __init__(self, name, kind, *, default=_empty, annotation=_empty):
        try:
            self._kind = _ParameterKind(kind)
        except ValueError:
            raise ValueError(f"value {kind!r} is not a valid Parameter.kind") from None
        if default is not _empty and self._kind in (_VAR_POSITIONAL, _VAR_KEYWORD):
            raise ValueError("{} parameters cannot have default values".format(self._kind.description))
        self._default = default
        self._annotation = annotation
        if name is _empty:
            raise ValueError("name is a required attribute for Parameter")
        if not isinstance(name, str):
            raise TypeError("name must be a str, not a {}".format(type(name).__name__))
        if name[0:1] == "." and name[1:].isdigit():
            # The hidden argument of a comprehension's code ('.0').
            if self._kind != _POSITIONAL_OR_KEYWORD:
                raise ValueError("implicit arguments must be passed as positional or keyword arguments, "
                                 "not {}".format(self._kind.description))
            self._kind = _POSITIONAL_ONLY
            name = "implicit" + name[1:]
        if not name.isidentifier():
            raise ValueError("{!r} is not a valid parameter name".format(name))
        self._name = name

    name = property(lambda self: self._name)
    default = property(lambda self: self._default)
    annotation = property(lambda self: self._annotation)
    kind = property(lambda self: self._kind)

    def replace(self, *, name=_void, kind=_void, annotation=_void, default=_void):
        return type(self)(self._name if name is _void else name,
                          self._kind if kind is _void else kind,
                          default=self._default if default is _void else default,
                          annotation=self._annotation if annotation is _void else annotation)

    def __str__(self):
        text = self._name
        if self._annotation is not _empty:
            text += ": " + formatannotation(self._annotation)
        if self._default is not _empty:
            text += (" = " if self._annotation is not _empty else "=") + repr(self._default)
        if self._kind == _VAR_POSITIONAL:
            return "*" + text
        if self._kind == _VAR_KEYWORD:
            return "**" + text
        return text

    def __repr__(self):
        return '<{} "{}">'.format(type(self).__name__, self)

    def __hash__(self):
        return hash((self._name, self._kind, self._annotation, self._default))

    def __eq__(self, other):
        if self is other:
            return True
        if not isinstance(other, Parameter):
            return NotImplemented
        return (self._name == other._name and self._kind == other._kind and
                self._default == other._default and self._annotation == other._annotation)


class BoundArguments:
    """The result of Signature.bind: arguments by parameter name."""

    def __init__(self, signature, arguments):
        self.arguments = arguments
        self._signature = signature

    @property
    def signature(self):
        return self._signature

    @property
    def args(self):
        args = []
        for name, param in self._signature.parameters.items():
            if param.kind in (_VAR_KEYWORD, _KEYWORD_ONLY) or name not in self.arguments:
                break
            if param.kind == _VAR_POSITIONAL:
                args.extend(self.arguments[name])
            else:
                args.append(self.arguments[name])
        return tuple(args)

    @property
    def kwargs(self):
        kwargs = {}
        started = False
        for name, param in self._signature.parameters.items():
            if not started:
                if param.kind in (_VAR_KEYWORD, _KEYWORD_ONLY):
                    started = True
                elif name not in self.arguments:
                    started = True
                    continue
            if not started or name not in self.arguments:
                continue
            if param.kind == _VAR_KEYWORD:
                kwargs.update(self.arguments[name])
            else:
                kwargs[name] = self.arguments[name]
        return kwargs

    def apply_defaults(self):
        arguments = self.arguments
        filled = []
        for name, param in self._signature.parameters.items():
            if name in arguments:
                filled.append((name, arguments[name]))
            elif param.default is not _empty:
                filled.append((name, param.default))
            elif param.kind == _VAR_POSITIONAL:
                filled.append((name, ()))
            elif param.kind == _VAR_KEYWORD:
                filled.append((name, {}))
        self.arguments = dict(filled)

    def __eq__(self, other):
        if self is other:
            return True
        if not isinstance(other, BoundArguments):
            return NotImplemented
        return self.signature == other.signature and self.arguments == other.arguments

    def __repr__(self):
        parts = ["{}={!r}".format(name, value) for name, value in self.arguments.items()]
        return "<{} ({})>".format(type(self).__name__, ", ".join(parts))


class Signature:
    """A callable's parameters and return annotation."""

    empty = _empty
    _parameter_cls = Parameter
    _bound_arguments_cls = BoundArguments

    def __init__(self, parameters=None, *, return_annotation=_empty, __validate_parameters__=True):
        params = {}
        if parameters is not None:
            if __validate_parameters__:
                top_kind = _POSITIONAL_ONLY
                seen_default = False
                for param in parameters:
                    kind = param.kind
                    name = param.name
                    if kind < top_kind:
                        raise ValueError("wrong parameter order: {} parameter before {} parameter".format(
                            top_kind.description, kind.description))
                    if kind > top_kind:
                        top_kind = kind
                    if kind in (_POSITIONAL_ONLY, _POSITIONAL_OR_KEYWORD):
                        if param.default is _empty:
                            if seen_default:
                                raise ValueError("non-default argument follows default argument")
                        else:
                            seen_default = True
                    if name in params:
                        raise ValueError("duplicate parameter name: {!r}".format(name))
                    params[name] = param
            else:
                params = {param.name: param for param in parameters}
        self._parameters = params
        self._return_annotation = return_annotation

    @classmethod
    def from_callable(cls, obj, *, follow_wrapped=True, globals=None, locals=None, eval_str=False):
        return _signature_from_callable(obj, follow_wrapped, True, cls)

    @property
    def parameters(self):
        return dict(self._parameters)

    @property
    def return_annotation(self):
        return self._return_annotation

    def replace(self, *, parameters=_void, return_annotation=_void):
        if parameters is _void:
            parameters = self._parameters.values()
        if return_annotation is _void:
            return_annotation = self._return_annotation
        return type(self)(parameters, return_annotation=return_annotation)

    def _key(self):
        keyword_only = frozenset(param for param in self._parameters.values() if param.kind == _KEYWORD_ONLY)
        others = tuple(param for param in self._parameters.values() if param.kind != _KEYWORD_ONLY)
        return others, keyword_only, self._return_annotation

    def __hash__(self):
        return hash(self._key())

    def __eq__(self, other):
        if self is other:
            return True
        if not isinstance(other, Signature):
            return NotImplemented
        return self._key() == other._key()

    def _bind(self, args, kwargs, *, partial=False):
        arguments = {}
        params = list(self._parameters.values())
        kwargs = dict(kwargs)
        position = 0
        args = tuple(args)
        index = 0
        # Positional arguments fill the positional parameters in order.
        while index < len(args):
            if position >= len(params) or params[position].kind in (_KEYWORD_ONLY, _VAR_KEYWORD):
                raise TypeError("too many positional arguments")
            param = params[position]
            if param.kind == _VAR_POSITIONAL:
                arguments[param.name] = args[index:]
                index = len(args)
                position += 1
                break
            if param.name in kwargs and param.kind != _POSITIONAL_ONLY:
                raise TypeError("multiple values for argument {!r}".format(param.name))
            arguments[param.name] = args[index]
            index += 1
            position += 1
        # The rest come from keywords, defaults or nowhere.
        kwargs_param = None
        for param in params[position:]:
            if param.kind == _VAR_KEYWORD:
                kwargs_param = param
                continue
            if param.kind == _VAR_POSITIONAL:
                continue
            if param.name in kwargs:
                if param.kind == _POSITIONAL_ONLY:
                    raise TypeError("{!r} parameter is positional only, but was passed as a keyword".format(
                        param.name))
                arguments[param.name] = kwargs.pop(param.name)
            elif not partial and param.default is _empty:
                raise TypeError("missing a required argument: {!r}".format(param.name))
        if kwargs:
            if kwargs_param is None:
                raise TypeError("got an unexpected keyword argument {!r}".format(next(iter(kwargs))))
            arguments[kwargs_param.name] = kwargs
        return self._bound_arguments_cls(self, arguments)

    def bind(self, /, *args, **kwargs):
        return self._bind(args, kwargs)

    def bind_partial(self, /, *args, **kwargs):
        return self._bind(args, kwargs, partial=True)

    def __repr__(self):
        return "<{} {}>".format(type(self).__name__, self)

    def __str__(self):
        parts = []
        slash_pending = False
        star_needed = True
        for param in self._parameters.values():
            kind = param.kind
            if kind == _POSITIONAL_ONLY:
                slash_pending = True
            elif slash_pending:
                parts.append("/")
                slash_pending = False
            if kind == _VAR_POSITIONAL:
                star_needed = False
            elif kind == _KEYWORD_ONLY and star_needed:
                parts.append("*")
                star_needed = False
            parts.append(str(param))
        if slash_pending:
            parts.append("/")
        text = "({})".format(", ".join(parts))
        if self._return_annotation is not _empty:
            text += " -> {}".format(formatannotation(self._return_annotation))
        return text


def _signature_of_function(cls, func):
    code = func.__code__
    names = code.co_varnames
    positional_count = code.co_argcount
    posonly_count = code.co_posonlyargcount
    kwonly_count = code.co_kwonlyargcount
    annotations = getattr(func, "__annotations__", None) or {}
    defaults = func.__defaults__ or ()
    kwdefaults = func.__kwdefaults__ or {}
    first_default = positional_count - len(defaults)
    params = []
    for index in range(positional_count):
        name = names[index]
        kind = _POSITIONAL_ONLY if index < posonly_count else _POSITIONAL_OR_KEYWORD
        default = defaults[index - first_default] if index >= first_default else _empty
        params.append(Parameter(name, kind, default=default, annotation=annotations.get(name, _empty)))
    next_name = positional_count + kwonly_count
    if code.co_flags & CO_VARARGS:
        name = names[next_name]
        next_name += 1
        params.append(Parameter(name, _VAR_POSITIONAL, annotation=annotations.get(name, _empty)))
    for index in range(positional_count, positional_count + kwonly_count):
        name = names[index]
        params.append(Parameter(name, _KEYWORD_ONLY, default=kwdefaults.get(name, _empty),
                                annotation=annotations.get(name, _empty)))
    if code.co_flags & CO_VARKEYWORDS:
        name = names[next_name]
        params.append(Parameter(name, _VAR_KEYWORD, annotation=annotations.get(name, _empty)))
    return cls(params, return_annotation=annotations.get("return", _empty), __validate_parameters__=False)


def _without_first(sig):
    params = list(sig.parameters.values())
    if not params or params[0].kind in (_VAR_KEYWORD, _KEYWORD_ONLY):
        raise ValueError("invalid method signature")
    if params[0].kind == _VAR_POSITIONAL:
        return sig  # the bound object goes into *args
    return sig.replace(parameters=params[1:])


def _user_defined(cls, name):
    # A method written in Python (not object's or a built-in type's slot).
    method = getattr(cls, name, None)
    if isfunction(method) or (ismethod(method) and isfunction(method.__func__)):
        return method
    return None


def _signature_of_partial(sig, partial):
    bound = sig.bind_partial(*partial.args, **partial.keywords)
    params = []
    positional_done = len(partial.args)
    for index, param in enumerate(sig.parameters.values()):
        if param.name in partial.keywords:
            # A keyword given by the partial becomes a keyword-only default.
            if param.kind == _POSITIONAL_ONLY:
                continue
            params.append(param.replace(kind=_KEYWORD_ONLY, default=partial.keywords[param.name]))
            continue
        if param.kind in (_POSITIONAL_ONLY, _POSITIONAL_OR_KEYWORD) and index < positional_done:
            continue
        if params and params[-1].kind == _KEYWORD_ONLY and param.kind == _POSITIONAL_OR_KEYWORD:
            param = param.replace(kind=_KEYWORD_ONLY)
        params.append(param)
    del bound
    kinds_sorted = sorted(params, key=lambda p: p.kind)
    return sig.replace(parameters=kinds_sorted)


def _signature_from_callable(obj, follow_wrapped, skip_bound_arg, cls):
    if not callable(obj):
        raise TypeError("{!r} is not a callable object".format(obj))
    if isbuiltin(obj):
        raise ValueError("no signature found for builtin {!r}".format(obj))
    if isinstance(obj, types.MethodType):
        sig = _signature_from_callable(obj.__func__, follow_wrapped, skip_bound_arg, cls)
        return _without_first(sig) if skip_bound_arg else sig
    if follow_wrapped:
        obj = unwrap(obj, stop=lambda f: hasattr(f, "__signature__"))
        if isinstance(obj, types.MethodType):
            return _signature_from_callable(obj, follow_wrapped, skip_bound_arg, cls)
    try:
        sig = obj.__signature__
    except AttributeError:
        pass
    else:
        if sig is not None:
            if not isinstance(sig, Signature):
                raise TypeError("unexpected object {!r} in __signature__ attribute".format(sig))
            return sig
    if isfunction(obj):
        return _signature_of_function(cls, obj)
    if isbuiltin(obj):
        raise ValueError("no signature found for builtin {!r}".format(obj))
    if isinstance(obj, functools.partial):
        inner = _signature_from_callable(obj.func, follow_wrapped, skip_bound_arg, cls)
        return _signature_of_partial(inner, obj)
    if isinstance(obj, type):
        # gilvm's ABCMeta checks abstract methods in a Python __call__ (CPython
        # does it in object.__new__): that one says nothing about arguments.
        call = _user_defined(type(obj), "__call__") if type(obj) is not type else None
        if call is not None and call is getattr(abc.ABCMeta, "__call__", None):
            call = None
        if call is not None:
            sig = _signature_from_callable(call, follow_wrapped, skip_bound_arg, cls)
            return _without_first(sig) if skip_bound_arg else sig
        factory = None
        new = _user_defined(obj, "__new__")
        init = _user_defined(obj, "__init__")
        for base in obj.__mro__:
            if new is not None and "__new__" in base.__dict__:
                factory = new
                break
            if init is not None and "__init__" in base.__dict__:
                factory = init
                break
        if factory is not None:
            sig = _signature_from_callable(factory, follow_wrapped, skip_bound_arg, cls)
            if isinstance(factory, types.MethodType):
                return sig  # a classmethod: already bound
            return _without_first(sig) if skip_bound_arg else sig
        if obj is type:
            raise ValueError("no signature found for builtin {!r}".format(obj))
        # Classes written in Python have __module__ in their own dict; with
        # no built-in base but object, they take no arguments.
        if all(base is object or "__module__" in base.__dict__ for base in obj.__mro__):
            return cls([])
        raise ValueError("no signature found for builtin type {!r}".format(obj))
    call = _user_defined(type(obj), "__call__")
    if call is not None and isfunction(call):
        sig = _signature_from_callable(call, follow_wrapped, skip_bound_arg, cls)
        return _without_first(sig) if skip_bound_arg else sig
    raise ValueError("callable {!r} is not supported by signature".format(obj))


def signature(obj, *, follow_wrapped=True, globals=None, locals=None, eval_str=False):
    return Signature.from_callable(obj, follow_wrapped=follow_wrapped, globals=globals, locals=locals,
                                   eval_str=eval_str)


FullArgSpec = collections.namedtuple(
    "FullArgSpec", "args, varargs, varkw, defaults, kwonlyargs, kwonlydefaults, annotations")


def getfullargspec(func):
    try:
        sig = _signature_from_callable(func, False, False, Signature)
    except Exception as error:
        raise TypeError("unsupported callable") from error
    args = []
    varargs = varkw = None
    kwonlyargs = []
    annotations = {}
    defaults = ()
    kwdefaults = {}
    if sig.return_annotation is not sig.empty:
        annotations["return"] = sig.return_annotation
    for param in sig.parameters.values():
        kind = param.kind
        name = param.name
        if kind in (_POSITIONAL_ONLY, _POSITIONAL_OR_KEYWORD):
            args.append(name)
            if param.default is not param.empty:
                defaults += (param.default,)
        elif kind == _VAR_POSITIONAL:
            varargs = name
        elif kind == _KEYWORD_ONLY:
            kwonlyargs.append(name)
            if param.default is not param.empty:
                kwdefaults[name] = param.default
        else:
            varkw = name
        if param.annotation is not param.empty:
            annotations[name] = param.annotation
    return FullArgSpec(args, varargs, varkw, defaults or None, kwonlyargs, kwdefaults or None, annotations)


def _missing_arguments(f_name, argnames, positional, values):
    names = [repr(name) for name in argnames if name not in values]
    count = len(names)
    if count == 1:
        listed = names[0]
    elif count == 2:
        listed = "{} and {}".format(*names)
    else:
        listed = ", ".join(names[:-2]) + ", {} and {}".format(*names[-2:])
    raise TypeError("%s() missing %i required %s argument%s: %s" % (
        f_name, count, "positional" if positional else "keyword-only", "" if count == 1 else "s", listed))


def _too_many(f_name, args, kwonly, varargs, default_count, given, values):
    at_least = len(args) - default_count
    kwonly_given = len([arg for arg in kwonly if arg in values])
    if varargs:
        plural = at_least != 1
        expected = "at least %d" % (at_least,)
    elif default_count:
        plural = True
        expected = "from %d to %d" % (at_least, len(args))
    else:
        plural = len(args) != 1
        expected = str(len(args))
    kwonly_text = ""
    if kwonly_given:
        kwonly_text = " positional argument%s (and %d keyword-only argument%s)" % (
            "s" if given != 1 else "", kwonly_given, "s" if kwonly_given != 1 else "")
    raise TypeError("%s() takes %s positional argument%s but %d%s %s given" % (
        f_name, expected, "s" if plural else "", given, kwonly_text,
        "was" if given == 1 and not kwonly_given else "were"))


def getcallargs(func, /, *positional, **named):
    """The dict of argument values a call func(*positional, **named) binds."""
    spec = getfullargspec(func)
    args, varargs, varkw, defaults, kwonlyargs, kwonlydefaults, _ = spec
    f_name = func.__name__
    values = {}
    if ismethod(func) and func.__self__ is not None:
        positional = (func.__self__,) + positional
    given = len(positional)
    arg_count = len(args)
    default_count = len(defaults) if defaults else 0
    filled = min(given, arg_count)
    for index in range(filled):
        values[args[index]] = positional[index]
    if varargs:
        values[varargs] = tuple(positional[filled:])
    keyword_names = set(args + kwonlyargs)
    if varkw:
        values[varkw] = {}
    for key, value in named.items():
        if key not in keyword_names:
            if not varkw:
                raise TypeError("%s() got an unexpected keyword argument %r" % (f_name, key))
            values[varkw][key] = value
            continue
        if key in values:
            raise TypeError("%s() got multiple values for argument %r" % (f_name, key))
        values[key] = value
    if given > arg_count and not varargs:
        _too_many(f_name, args, kwonlyargs, varargs, default_count, given, values)
    if given < arg_count:
        required = args[:arg_count - default_count]
        for arg in required:
            if arg not in values:
                _missing_arguments(f_name, required, True, values)
        for index, arg in enumerate(args[arg_count - default_count:]):
            if arg not in values:
                values[arg] = defaults[index]
    missing = 0
    for name in kwonlyargs:
        if name not in values:
            if kwonlydefaults and name in kwonlydefaults:
                values[name] = kwonlydefaults[name]
            else:
                missing += 1
    if missing:
        _missing_arguments(f_name, kwonlyargs, False, values)
    return values
