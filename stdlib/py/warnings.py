"""warn() and the warning filters, as CPython's warnings module: a warning
prints `file:line: Category: message` and the source line to stderr, once
per location under the default action; DeprecationWarning shows only when
triggered in __main__.

The command line's -W options and PYTHONWARNINGS reach this module through
sys.warnoptions (gilvm imports it at start-up when that list is not empty,
as CPython does); each becomes a filter in front of the others, so a later
option wins, and one that does not parse is reported and skipped."""
import sys

__all__ = ["warn", "warn_explicit", "showwarning", "formatwarning", "filterwarnings", "simplefilter",
           "resetwarnings", "catch_warnings"]

_ACTIONS = ("error", "ignore", "always", "default", "module", "once")

# (action, message, category, module, lineno); the first match wins. message
# and module are compiled regular expressions (matched at the start, the
# message ignoring case) or None for any; the built-in defaults name their
# module by a plain str, which must equal the warning's module.
filters = []
defaultaction = "default"
_onceregistry = {}
_registries = {}


def _install_defaults():
    filters[:] = [
        ("default", None, DeprecationWarning, "__main__", 0),
        ("ignore", None, DeprecationWarning, None, 0),
        ("ignore", None, PendingDeprecationWarning, None, 0),
        ("ignore", None, ImportWarning, None, 0),
        ("ignore", None, ResourceWarning, None, 0),
    ]


_install_defaults()


def _source_line(filename, lineno):
    try:
        with open(filename) as f:
            lines = f.readlines()
    except (OSError, UnicodeDecodeError):
        return None
    if 1 <= lineno <= len(lines):
        return lines[lineno - 1]
    return None


def formatwarning(message, category, filename, lineno, line=None):
    text = "%s:%s: %s: %s\n" % (filename, lineno, category.__name__, message)
    if line is None:
        line = _source_line(filename, lineno)
    if line:
        text += "  " + line.strip() + "\n"
    return text


def _showwarning(message, category, filename, lineno, file=None, line=None):
    _show(formatwarning(message, category, filename, lineno, line), file)


def _show(text, file=None):
    if file is None:
        file = sys.stderr
        if file is None:
            return
    try:
        file.write(text)
    except OSError:
        pass


showwarning = _showwarning
_formatwarning = formatwarning


def _show_with_source(message, category, filename, lineno, source):
    """What CPython shows for a warning about an object (`source`), such as
    an unawaited coroutine: when neither showwarning nor formatwarning was
    replaced, a last line suggests tracemalloc for the object's allocation
    traceback (which gilvm never has)."""
    if showwarning is not _showwarning:
        showwarning(message, category, filename, lineno)
        return
    text = formatwarning(message, category, filename, lineno)
    if formatwarning is _formatwarning:
        text += category.__name__ + ": Enable tracemalloc to get the object allocation traceback\n"
    _show(text)


def filterwarnings(action, message="", category=Warning, module="", lineno=0, append=False):
    if action not in _ACTIONS:
        raise ValueError("invalid action: " + repr(action))
    if not isinstance(lineno, int) or lineno < 0:
        raise ValueError("lineno must be an int >= 0")
    if message or module:
        import re
    message = re.compile(message, re.I) if message else None
    module = re.compile(module) if module else None
    item = (action, message, category, module, lineno)
    if item in filters:
        filters.remove(item)
    if append:
        filters.append(item)
    else:
        filters.insert(0, item)
    _onceregistry.clear()
    _registries.clear()


def simplefilter(action, category=Warning, lineno=0, append=False):
    filterwarnings(action, "", category, "", lineno, append)


def resetwarnings():
    filters[:] = []
    _onceregistry.clear()
    _registries.clear()


def _matches(pattern, text):
    if pattern is None:
        return True
    if isinstance(pattern, str):
        return pattern == text
    return pattern.match(text) is not None


def _action_for(text, category, module, lineno):
    for action, message, cat, mod, line in filters:
        if (_matches(message, text) and issubclass(category, cat) and _matches(mod, module)
                and (line == 0 or line == lineno)):
            return action
    return defaultaction


def warn_explicit(message, category, filename, lineno, module=None, registry=None, module_globals=None,
                  source=None):
    if module is None:
        module = filename or "<unknown>"
        if module.endswith(".py"):
            module = module[:-3]
    if isinstance(message, Warning):
        text = str(message)
        category = message.__class__
    else:
        text = message
        message = category(message)
    if registry is None:
        registry = _registries.setdefault(module, {})
    key = (text, category, lineno)
    if registry.get(key):
        return
    action = _action_for(text, category, module, lineno)
    if action == "ignore":
        return
    if action == "error":
        raise message
    if action == "once":
        registry[key] = True
        if _onceregistry.get((text, category)):
            return
        _onceregistry[(text, category)] = True
    elif action == "module":
        registry[key] = True
        if registry.get((text, category, 0)):
            return
        registry[(text, category, 0)] = True
    elif action == "default":
        registry[key] = True
    if source is not None:
        _show_with_source(message, category, filename, lineno, source)
    else:
        showwarning(message, category, filename, lineno)


def warn(message, category=None, stacklevel=1, source=None):
    if isinstance(message, Warning):
        category = message.__class__
    if category is None:
        category = UserWarning
    if not (isinstance(category, type) and issubclass(category, Warning)):
        raise TypeError("category must be a Warning subclass, not '" + type(category).__name__ + "'")
    try:
        frame = sys._getframe(stacklevel)
    except ValueError:
        # No Python code that far out: at exit, say, where CPython reports
        # "sys:1" and can no longer import tracemalloc for a source's hint.
        filename, lineno, module = "sys", 1, "sys"
        source = None
    else:
        filename = frame.f_code.co_filename
        lineno = frame.f_lineno
        module = frame.f_globals.get("__name__", "<string>")
    warn_explicit(message, category, filename, lineno, module, source=source)


def _warn_unawaited_coroutine(coro):
    """Called by the collector for a coroutine that never started
    (vm/objects/generator_finalize.cpp); located at the Python code that
    was running when it was found."""
    warn("coroutine '%s' was never awaited" % (coro.__qualname__,), RuntimeWarning, stacklevel=2, source=coro)


# CPython's warn and warn_explicit are C, so an error they raise (the
# "error" action) shows only the caller's lines (stdlib/frozen.cpp).
_FRAMES_HIDDEN_FROM_TRACEBACKS = ("warn", "warn_explicit")


class WarningMessage:
    def __init__(self, message, category, filename, lineno, file=None, line=None, source=None):
        self.message = message
        self.category = category
        self.filename = filename
        self.lineno = lineno
        self.file = file
        self.line = line
        self.source = source

    def __str__(self):
        return ("{message : %r, category : %r, filename : %r, lineno : %s, line : %r}"
                % (self.message, self.category.__name__, self.filename, self.lineno, self.line))


class catch_warnings:
    """Saves and restores the filters; with record=True, collects the
    warnings shown inside into the list it returns."""

    def __init__(self, *, record=False, module=None, action=None, category=Warning, lineno=0, append=False):
        self._record = record
        self._filter = None if action is None else (action, category, lineno, append)

    def __enter__(self):
        global showwarning
        self._saved_filters = filters[:]
        self._saved_show = showwarning
        _onceregistry.clear()
        _registries.clear()
        if self._filter is not None:
            simplefilter(*self._filter)
        if self._record:
            log = []
            showwarning = lambda *args, **kwargs: log.append(WarningMessage(*args, **kwargs))
            return log
        return None

    def __exit__(self, *exc_info):
        global showwarning
        filters[:] = self._saved_filters
        showwarning = self._saved_show
        _onceregistry.clear()
        _registries.clear()


class _OptionError(Exception):
    """A -W option or PYTHONWARNINGS entry that does not parse."""


def _processoptions(args):
    for arg in args:
        try:
            _setoption(arg)
        except _OptionError as msg:
            print("Invalid -W option ignored:", msg, file=sys.stderr)


# One option is action:message:category:module:lineno, every field optional
# and stripped of surrounding spaces; message and module match literally
# (the message as a prefix, ignoring case; the module exactly).
def _setoption(arg):
    fields = arg.split(":")
    if len(fields) > 5:
        raise _OptionError("too many fields (max 5): %r" % (arg,))
    fields += [""] * (5 - len(fields))
    action, message, category, module, lineno = [field.strip() for field in fields]
    action = _getaction(action)
    category = _getcategory(category)
    if message or module:
        import re
        if message:
            message = re.escape(message)
        if module:
            module = re.escape(module) + r"\Z"
    if not lineno:
        lineno = 0
    else:
        try:
            lineno = int(lineno)
            if lineno < 0:
                raise ValueError
        except (ValueError, OverflowError):
            raise _OptionError("invalid lineno %r" % (lineno,)) from None
    filterwarnings(action, message, category, module, lineno)


def _getaction(action):
    if not action:
        return "default"
    if action == "all":
        return "always"
    # Any prefix names an action, tried in this order ("e" is error, "d" default).
    for name in ("default", "always", "ignore", "module", "once", "error"):
        if name.startswith(action):
            return name
    raise _OptionError("invalid action: %r" % (action,))


def _getcategory(category):
    if not category:
        return Warning
    if "." in category:
        module_name, _, class_name = category.rpartition(".")
        try:
            namespace = __import__(module_name, None, None, [class_name])
        except ImportError:
            raise _OptionError("invalid module name: %r" % (module_name,)) from None
    else:
        import builtins as namespace
        class_name = category
    try:
        found = getattr(namespace, class_name)
    except AttributeError:
        raise _OptionError("unknown warning category: %r" % (category,)) from None
    if not issubclass(found, Warning):
        raise _OptionError("invalid warning category: %r" % (category,))
    return found


_processoptions(sys.warnoptions)
