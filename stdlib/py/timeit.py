"""Timing small bits of code: timeit(), repeat(), Timer."""
import time

default_timer = time.perf_counter
default_number = 1000000
default_repeat = 5


def _indent(code, spaces):
    return code.replace("\n", "\n" + " " * spaces)


class Timer:
    def __init__(self, stmt="pass", setup="pass", timer=default_timer, globals=None):
        self.timer = timer
        local_ns = {}
        global_ns = {} if globals is None else globals
        # The statement and setup become the body of a function with a
        # timed loop, as CPython's timeit builds it.
        if isinstance(setup, str):
            compile(setup, "<timeit-src>", "exec")
            setup_code = _indent(setup, 4)
            init = ""
        elif callable(setup):
            local_ns["_setup"] = setup
            setup_code = "_setup()"
            init = ", _setup=_setup"
        else:
            raise ValueError("setup is neither a string nor callable")
        if isinstance(stmt, str):
            compile(setup + "\n" + stmt, "<timeit-src>", "exec")
            stmt_code = _indent(stmt, 8)
        elif callable(stmt):
            local_ns["_stmt"] = stmt
            init += ", _stmt=_stmt"
            stmt_code = "_stmt()"
        else:
            raise ValueError("stmt is neither a string nor callable")
        src = ("def inner(_it, _timer" + init + "):\n"
               "    " + setup_code + "\n"
               "    _t0 = _timer()\n"
               "    for _i in _it:\n"
               "        " + stmt_code + "\n"
               "        pass\n"
               "    _t1 = _timer()\n"
               "    return _t1 - _t0\n")
        self.src = src
        code = compile(src, "<timeit-src>", "exec")
        exec(code, global_ns, local_ns)
        self.inner = local_ns["inner"]

    def timeit(self, number=default_number):
        return self.inner(range(number), self.timer)

    def repeat(self, repeat=default_repeat, number=default_number):
        return [self.timeit(number) for _ in range(repeat)]

    def autorange(self, callback=None):
        i = 1
        while True:
            for j in 1, 2, 5:
                number = i * j
                time_taken = self.timeit(number)
                if callback:
                    callback(number, time_taken)
                if time_taken >= 0.2:
                    return (number, time_taken)
            i *= 10


def timeit(stmt="pass", setup="pass", timer=default_timer, number=default_number, globals=None):
    return Timer(stmt, setup, timer, globals).timeit(number)


def repeat(stmt="pass", setup="pass", timer=default_timer, repeat=default_repeat, number=default_number,
           globals=None):
    return Timer(stmt, setup, timer, globals).repeat(repeat, number)


_UNITS = {"nsec": 1e-9, "usec": 1e-6, "msec": 1e-3, "sec": 1.0}


def _format_time(seconds, unit):
    if unit is None:
        for unit in ("sec", "msec", "usec", "nsec"):
            if seconds >= _UNITS[unit]:
                break
    value = seconds / _UNITS[unit]
    return "%.*g %s" % (3, value, unit)


def main(args=None):
    """`gilvm -m timeit [-n N] [-r N] [-s S] [-u UNIT] [statement ...]`,
    printing CPython's summary line."""
    import sys
    if args is None:
        args = sys.argv[1:]
    number = 0
    repeat_count = default_repeat
    setup = []
    unit = None
    statements = []
    i = 0
    while i < len(args):
        arg = args[i]
        value = None
        for short, long in (("-n", "--number"), ("-r", "--repeat"), ("-s", "--setup"), ("-u", "--unit")):
            if arg in (short, long):
                i += 1
                if i >= len(args):
                    print("option %s requires argument" % arg, file=sys.stderr)
                    return 2
                value = (short, args[i])
            elif arg.startswith(short) and len(arg) > 2 and not arg.startswith("--"):
                value = (short, arg[2:])
            elif arg.startswith(long + "="):
                value = (short, arg[len(long) + 1:])
            if value is not None:
                break
        if value is not None:
            option, text = value
            if option == "-n":
                number = int(text)
            elif option == "-r":
                repeat_count = max(1, int(text))
            elif option == "-s":
                setup.append(text)
            else:
                if text not in _UNITS:
                    print("Unrecognized unit. Please select nsec, usec, msec, or sec.", file=sys.stderr)
                    return 2
                unit = text
        elif arg in ("-p", "--process", "-v", "--verbose"):
            pass
        elif arg in ("-h", "--help"):
            print(main.__doc__)
            return 0
        elif arg == "--":
            statements.extend(args[i + 1:])
            break
        else:
            statements.extend(args[i:])
            break
        i += 1
    timer = Timer("\n".join(statements) or "pass", "\n".join(setup) or "pass")
    if number == 0:
        number, _ = timer.autorange()
    results = timer.repeat(repeat_count, number)
    best = min(results) / number
    print("%d loop%s, best of %d: %s per loop" % (number, "s" if number != 1 else "", repeat_count,
                                                   _format_time(best, unit)))
    return None


if __name__ == "__main__":
    import sys
    sys.exit(main())
