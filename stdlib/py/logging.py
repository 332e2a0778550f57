"""Logging: loggers in a dotted hierarchy, levels, handlers to streams and
files, and %-style formats with CPython's record attributes (asctime,
levelname, name, message, threadName, thread, process, funcName, lineno,
filename, module, ...). The root logger defaults to WARNING and
"%(levelname)s:%(name)s:%(message)s" on stderr, as in CPython."""
import os
import sys
import threading
import time

__all__ = ["CRITICAL", "FATAL", "ERROR", "WARNING", "WARN", "INFO", "DEBUG", "NOTSET", "Logger", "Handler",
           "StreamHandler", "FileHandler", "Formatter", "LogRecord", "basicConfig", "getLogger", "debug", "info",
           "warning", "error", "critical", "exception", "log", "disable", "getLevelName", "root"]

CRITICAL = 50
FATAL = CRITICAL
ERROR = 40
WARNING = 30
WARN = WARNING
INFO = 20
DEBUG = 10
NOTSET = 0

_level_to_name = {CRITICAL: "CRITICAL", ERROR: "ERROR", WARNING: "WARNING", INFO: "INFO", DEBUG: "DEBUG",
                  NOTSET: "NOTSET"}
_name_to_level = {name: level for level, name in _level_to_name.items()}
_name_to_level["WARN"] = WARNING
_name_to_level["FATAL"] = FATAL

_lock = threading.RLock()
_start_time = time.time()
_this_file = __file__ if "__file__" in globals() else "<frozen logging>"

BASIC_FORMAT = "%(levelname)s:%(name)s:%(message)s"
_path_parts = {}  # pathname -> (filename, module) of LogRecords


def getLevelName(level):
    if level in _level_to_name:
        return _level_to_name[level]
    if level in _name_to_level:
        return _name_to_level[level]
    return "Level %s" % level


def addLevelName(level, name):
    with _lock:
        _level_to_name[level] = name
        _name_to_level[name] = level


def _check_level(level):
    if isinstance(level, int):
        return level
    if isinstance(level, str):
        if level not in _name_to_level:
            raise ValueError("Unknown level: %r" % level)
        return _name_to_level[level]
    raise TypeError("Level not an integer or a valid string: %r" % (level,))


class LogRecord:
    def __init__(self, name, level, pathname, lineno, msg, args, exc_info, func=None, sinfo=None):
        now = time.time()
        self.name = name
        self.msg = msg
        if args and len(args) == 1 and isinstance(args[0], dict) and args[0]:
            args = args[0]
        self.args = args
        self.levelname = getLevelName(level)
        self.levelno = level
        self.pathname = pathname
        parts = _path_parts.get(pathname)
        if parts is None:
            filename = os.path.basename(pathname)
            parts = _path_parts[pathname] = (filename, os.path.splitext(filename)[0])
        self.filename, self.module = parts
        self.exc_info = exc_info
        self.exc_text = None
        self.stack_info = sinfo
        self.lineno = lineno
        self.funcName = func
        self.created = now
        self.msecs = int((now - int(now)) * 1000) + 0.0
        self.relativeCreated = (now - _start_time) * 1000
        current = threading.current_thread()
        self.thread = threading.get_ident()
        self.threadName = current.name
        self.processName = "MainProcess"
        self.process = os.getpid()

    def getMessage(self):
        msg = str(self.msg)
        if self.args:
            msg = msg % self.args
        return msg

    def __repr__(self):
        return '<LogRecord: %s, %s, %s, %s, "%s">' % (self.name, self.levelno, self.pathname, self.lineno, self.msg)


class Formatter:
    default_time_format = "%Y-%m-%d %H:%M:%S"
    default_msec_format = "%s,%03d"

    def __init__(self, fmt=None, datefmt=None, style="%", validate=True):
        if style != "%":
            raise ValueError("only %-style formats are supported")
        self._fmt = fmt or "%(message)s"
        self.datefmt = datefmt

    def usesTime(self):
        return "%(asctime)" in self._fmt

    def formatTime(self, record, datefmt=None):
        ct = time.localtime(record.created)
        if datefmt:
            return time.strftime(datefmt, ct)
        return self.default_msec_format % (time.strftime(self.default_time_format, ct), record.msecs)

    def formatException(self, exc_info):
        import traceback
        return "".join(traceback.format_exception(*exc_info)).rstrip("\n")

    def format(self, record):
        record.message = record.getMessage()
        if self.usesTime():
            record.asctime = self.formatTime(record, self.datefmt)
        text = self._fmt % record.__dict__
        if record.exc_info:
            if not record.exc_text:
                record.exc_text = self.formatException(record.exc_info)
        if record.exc_text:
            text = text + "\n" + record.exc_text
        return text


_default_formatter = Formatter()


class Filterer:
    def __init__(self):
        self.filters = []

    def addFilter(self, f):
        if f not in self.filters:
            self.filters.append(f)

    def removeFilter(self, f):
        if f in self.filters:
            self.filters.remove(f)

    def filter(self, record):
        for f in self.filters:
            result = f.filter(record) if hasattr(f, "filter") else f(record)
            if not result:
                return False
        return True


class Handler(Filterer):
    def __init__(self, level=NOTSET):
        super().__init__()
        self.level = _check_level(level)
        self.formatter = None
        self.lock = threading.RLock()

    def setLevel(self, level):
        self.level = _check_level(level)

    def setFormatter(self, fmt):
        self.formatter = fmt

    def format(self, record):
        return (self.formatter or _default_formatter).format(record)

    def handle(self, record):
        if not self.filter(record):
            return False
        with self.lock:
            self.emit(record)
        return True

    def emit(self, record):
        raise NotImplementedError("emit must be implemented by Handler subclasses")

    def flush(self):
        pass

    def close(self):
        pass

    def handleError(self, record):
        sys.stderr.write("--- Logging error ---\n")


class StreamHandler(Handler):
    terminator = "\n"

    def __init__(self, stream=None):
        super().__init__()
        self.stream = stream

    def _stream(self):
        return sys.stderr if self.stream is None else self.stream

    def emit(self, record):
        try:
            stream = self._stream()
            stream.write(self.format(record) + self.terminator)
            self.flush()
        except Exception:
            self.handleError(record)

    def flush(self):
        stream = self._stream()
        if stream is not None and hasattr(stream, "flush"):
            stream.flush()


class FileHandler(StreamHandler):
    def __init__(self, filename, mode="a", encoding=None, delay=False, errors=None):
        self.baseFilename = os.path.abspath(filename)
        self.mode = mode
        super().__init__(open(self.baseFilename, mode))

    def close(self):
        if self.stream is not None:
            self.stream.close()


class NullHandler(Handler):
    def emit(self, record):
        pass

    def handle(self, record):
        pass


class Logger(Filterer):
    def __init__(self, name, level=NOTSET):
        super().__init__()
        self.name = name
        self.level = _check_level(level)
        self.parent = None
        self.propagate = True
        self.handlers = []
        self.disabled = False
        self._cache = {}  # level -> isEnabledFor(level), as in CPython

    def setLevel(self, level):
        self.level = _check_level(level)
        _clear_caches()

    def getEffectiveLevel(self):
        logger = self
        while logger:
            if logger.level:
                return logger.level
            logger = logger.parent
        return NOTSET

    def isEnabledFor(self, level):
        if self.disabled:
            return False
        try:
            return self._cache[level]
        except KeyError:
            enabled = self._cache[level] = level >= _disable_level + 1 and level >= self.getEffectiveLevel()
            return enabled

    def addHandler(self, handler):
        with _lock:
            if handler not in self.handlers:
                self.handlers.append(handler)

    def removeHandler(self, handler):
        with _lock:
            if handler in self.handlers:
                self.handlers.remove(handler)

    def hasHandlers(self):
        logger = self
        while logger:
            if logger.handlers:
                return True
            if not logger.propagate:
                return False
            logger = logger.parent
        return False

    def getChild(self, suffix):
        name = suffix if self is root else self.name + "." + suffix
        return getLogger(name)

    def _find_caller(self):
        frame = sys._getframe(0)
        while frame is not None and frame.f_code.co_filename == _this_file:
            frame = frame.f_back
        if frame is None:
            return "(unknown file)", 0, "(unknown function)"
        return frame.f_code.co_filename, frame.f_lineno, frame.f_code.co_name

    def _log(self, level, msg, args, exc_info=None, extra=None, stack_info=False, stacklevel=1):
        pathname, lineno, func = self._find_caller()
        if exc_info:
            if isinstance(exc_info, BaseException):
                exc_info = (type(exc_info), exc_info, exc_info.__traceback__)
            elif not isinstance(exc_info, tuple):
                exc_info = sys.exc_info()
        record = LogRecord(self.name, level, pathname, lineno, msg, args, exc_info, func)
        if extra:
            for key, value in extra.items():
                if key in ("message", "asctime") or key in record.__dict__:
                    raise KeyError("Attempt to overwrite %r in LogRecord" % key)
                record.__dict__[key] = value
        self.handle(record)

    def handle(self, record):
        if self.disabled or not self.filter(record):
            return
        logger = self
        found = 0
        while logger:
            for handler in logger.handlers:
                found += 1
                if record.levelno >= handler.level:
                    handler.handle(record)
            if not logger.propagate:
                break
            logger = logger.parent
        if found == 0 and lastResort is not None and record.levelno >= lastResort.level:
            lastResort.handle(record)

    def debug(self, msg, *args, **kwargs):
        if self.isEnabledFor(DEBUG):
            self._log(DEBUG, msg, args, **kwargs)

    def info(self, msg, *args, **kwargs):
        if self.isEnabledFor(INFO):
            self._log(INFO, msg, args, **kwargs)

    def warning(self, msg, *args, **kwargs):
        if self.isEnabledFor(WARNING):
            self._log(WARNING, msg, args, **kwargs)

    warn = warning

    def error(self, msg, *args, **kwargs):
        if self.isEnabledFor(ERROR):
            self._log(ERROR, msg, args, **kwargs)

    def exception(self, msg, *args, exc_info=True, **kwargs):
        self.error(msg, *args, exc_info=exc_info, **kwargs)

    def critical(self, msg, *args, **kwargs):
        if self.isEnabledFor(CRITICAL):
            self._log(CRITICAL, msg, args, **kwargs)

    fatal = critical

    def log(self, level, msg, *args, **kwargs):
        if not isinstance(level, int):
            raise TypeError("level must be an integer")
        if self.isEnabledFor(level):
            self._log(level, msg, args, **kwargs)

    def __repr__(self):
        return "<%s %s (%s)>" % (self.__class__.__name__, self.name, getLevelName(self.getEffectiveLevel()))


class RootLogger(Logger):
    def __init__(self, level):
        super().__init__("root", level)

    def __repr__(self):
        return "<RootLogger root (%s)>" % getLevelName(self.getEffectiveLevel())


root = RootLogger(WARNING)
_loggers = {}
_disable_level = NOTSET - 1
lastResort = StreamHandler()
lastResort.level = WARNING


def getLogger(name=None):
    if not name or name == "root":
        return root
    with _lock:
        logger = _loggers.get(name)
        if logger is None:
            logger = Logger(name)
            _loggers[name] = logger
        # The parent is the nearest existing ancestor, else root; existing
        # descendants are re-parented to the new logger.
        parts = name.split(".")
        parent = root
        for i in range(len(parts) - 1, 0, -1):
            ancestor = _loggers.get(".".join(parts[:i]))
            if ancestor is not None:
                parent = ancestor
                break
        logger.parent = parent
        for other_name, other in _loggers.items():
            if other_name.startswith(name + ".") and (other.parent is parent or other.parent is root):
                other.parent = logger
        _clear_caches()
        return logger


def _clear_caches():
    root._cache.clear()
    for logger in _loggers.values():
        logger._cache.clear()


def basicConfig(**kwargs):
    with _lock:
        force = kwargs.pop("force", False)
        if force:
            for h in root.handlers[:]:
                root.removeHandler(h)
                h.close()
        if root.handlers:
            return
        handlers = kwargs.pop("handlers", None)
        filename = kwargs.pop("filename", None)
        stream = kwargs.pop("stream", None)
        if handlers is None:
            if filename is not None:
                handlers = [FileHandler(filename, kwargs.pop("filemode", "a"))]
            else:
                handlers = [StreamHandler(stream)]
        fmt = Formatter(kwargs.pop("format", BASIC_FORMAT), kwargs.pop("datefmt", None), kwargs.pop("style", "%"))
        for h in handlers:
            if h.formatter is None:
                h.setFormatter(fmt)
            root.addHandler(h)
        level = kwargs.pop("level", None)
        if level is not None:
            root.setLevel(level)
        kwargs.pop("filemode", None)
        kwargs.pop("encoding", None)
        kwargs.pop("errors", None)
        if kwargs:
            raise ValueError("Unrecognised argument(s): " + ", ".join(kwargs))


def _module_level(method_name):
    def function(msg, *args, **kwargs):
        if not root.handlers:
            basicConfig()
        getattr(root, method_name)(msg, *args, **kwargs)
    function.__name__ = method_name
    return function


debug = _module_level("debug")
info = _module_level("info")
warning = _module_level("warning")
warn = warning
error = _module_level("error")
critical = _module_level("critical")
fatal = critical


def exception(msg, *args, exc_info=True, **kwargs):
    error(msg, *args, exc_info=exc_info, **kwargs)


def log(level, msg, *args, **kwargs):
    if not root.handlers:
        basicConfig()
    root.log(level, msg, *args, **kwargs)


def disable(level=CRITICAL):
    global _disable_level
    _disable_level = level
    _clear_caches()


def shutdown():
    for logger in [root] + list(_loggers.values()):
        for h in logger.handlers:
            h.flush()
