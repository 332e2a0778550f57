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
