def risky(n):
    try:
        if n == 0:
            raise ValueError("zero")
        return 10 // n
    except ZeroDivisionError as e:
        return str(e)
    finally:
        print("done", n)

for n in (0, 1, 2):
    try:
        print(risky(n))
    except ValueError as e:
        print("caught", e, e.args)
try:
    try:
        {}[1]
    except KeyError as e:
        raise RuntimeError("wrapped") from e
except RuntimeError as e:
    print(repr(e.__cause__))
