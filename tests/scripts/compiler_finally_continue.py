# return/break/continue inside a finally body that runs while a `return`
# value is pending: the finally's jump wins and drops the value.


def continue_in_finally():
    for i in range(3):
        try:
            return i
        finally:
            continue
    return 'end'


def break_in_finally():
    for i in range(3):
        try:
            return i
        finally:
            break
    return 'broke'


def while_continue_in_finally():
    n = 0
    while n < 4:
        n += 1
        try:
            return n
        finally:
            continue
    return ('while end', n)


def return_in_finally_overrides():
    for i in range(3):
        try:
            return i
        finally:
            return 'finally'


def nested_finally():
    log = []
    for i in range(3):
        try:
            try:
                return i
            finally:
                log.append(('inner', i))
                if i < 2:
                    continue
        finally:
            log.append(('outer', i))
    return log


def finally_in_handler():
    out = []
    for i in range(3):
        try:
            raise ValueError(i)
        except ValueError as e:
            try:
                return e
            finally:
                out.append(str(e))
                continue
    return out


def with_and_finally():
    class CM:
        def __init__(self, log):
            self.log = log

        def __enter__(self):
            self.log.append('enter')

        def __exit__(self, *exc):
            self.log.append('exit')

    log = []
    for i in range(2):
        with CM(log):
            try:
                return i
            finally:
                break
    return log


def nested_loops():
    total = []
    for i in range(2):
        for j in range(3):
            try:
                return (i, j)
            finally:
                if j == 1:
                    break
                continue
        total.append(i)
    return total


def generator_version():
    for i in range(3):
        try:
            yield i
            return 'stop'
        finally:
            continue


def many_iterations():
    # A stack leak per iteration would show up as a wrong answer or crash.
    s = 0
    for i in range(10000):
        try:
            return i
        finally:
            s += i
            continue
    return s


for f in (continue_in_finally, break_in_finally, while_continue_in_finally, return_in_finally_overrides,
          nested_finally, finally_in_handler, with_and_finally, nested_loops, many_iterations):
    print(f.__name__, f())
print(list(generator_version()))
