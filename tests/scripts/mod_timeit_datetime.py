# timeit and datetime.
import timeit
import datetime
t = timeit.timeit("x = sum(range(100))", number=200)
print(type(t).__name__, t >= 0)
print(len(timeit.repeat("pass", repeat=3, number=10)), timeit.Timer(lambda: None).timeit(5) >= 0)
calls = []
timeit.timeit(lambda: calls.append(1), number=7)
print(len(calls), timeit.default_timer is not None)
try:
    timeit.timeit("x = (", number=1)
except SyntaxError as e:
    print("SyntaxError")

d1 = datetime.date(2024, 2, 28)
d2 = d1 + datetime.timedelta(days=2)
print(d1, d2, repr(d2), d2 - d1, (d2 - d1).days, d2.weekday(), d1 < d2, d1.isoformat())
dt = datetime.datetime(2024, 1, 31, 23, 59, 30)
later = dt + datetime.timedelta(seconds=45, microseconds=500000)
print(dt, later, repr(later), later - dt, (later - dt).total_seconds())
print(repr(datetime.timedelta(hours=25, minutes=1)), datetime.timedelta(days=-1, seconds=5), datetime.timedelta(0))
print(datetime.timedelta(weeks=1) // datetime.timedelta(days=1), datetime.timedelta(minutes=90) / 2)
print(str(datetime.timedelta(milliseconds=1500)), -datetime.timedelta(hours=1), abs(datetime.timedelta(hours=-1)))
now = datetime.datetime.now()
elapsed = datetime.datetime.now() - now
print(type(now).__name__, type(elapsed).__name__, elapsed.total_seconds() >= 0, now.year >= 2024)
print(datetime.date.fromordinal(738000), datetime.date(2000, 1, 1).toordinal(), datetime.date(2024, 3, 1).strftime("%d/%m/%Y"))
for bad in [lambda: datetime.date(2023, 2, 29), lambda: datetime.datetime(2024, 1, 1, 24), lambda: datetime.date(2024, 13, 1)]:
    try:
        bad()
    except ValueError as e:
        print("ValueError", e)
