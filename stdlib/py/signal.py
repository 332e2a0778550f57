"""Signals: set handlers for asynchronous events (signal.signal), send
signals (os.kill, raise_signal, pthread_kill), and the Signals / Handlers
enumerations. The work is done by _signal (stdlib/signal_module.cpp); this
layer turns ints into enum members and back, as CPython's signal.py does."""

import _signal
from _signal import *
from enum import IntEnum as _IntEnum


def _signal_members():
    # Aliases (SIGCLD, SIGIOT, SIGPOLL) come after the canonical name of
    # their value: members are ordered by value, then name.
    pairs = [(name, value) for name, value in _signal.__dict__.items()
             if name.startswith("SIG") and not name.startswith("SIG_")]
    pairs.sort(key=lambda pair: (pair[1], pair[0]))
    return dict(pairs)


Signals = _IntEnum("Signals", _signal_members())
Handlers = _IntEnum("Handlers", {"SIG_DFL": _signal.SIG_DFL, "SIG_IGN": _signal.SIG_IGN})
Signals.__module__ = Handlers.__module__ = __name__
globals().update(Signals.__members__)
globals().update(Handlers.__members__)


def _int_to_enum(value, enum_class):
    # A member for a known value; anything else (a function, 40) unchanged.
    try:
        return enum_class(value)
    except ValueError:
        return value


def _enum_to_int(value):
    # An enum member (or any int-like) as a plain int; a handler function
    # or a bad value goes to _signal unchanged, which judges it.
    if isinstance(value, int):
        return int(value)
    return value


def signal(signalnum, handler):
    return _int_to_enum(_signal.signal(_enum_to_int(signalnum), _enum_to_int(handler)), Handlers)


def getsignal(signalnum):
    return _int_to_enum(_signal.getsignal(signalnum), Handlers)


def valid_signals():
    return {_int_to_enum(number, Signals) for number in _signal.valid_signals()}


del _signal_members
