"""Dates, times and durations: date, datetime, timedelta (naive, no tzinfo)."""
import time as _time

MINYEAR = 1
MAXYEAR = 9999
_DAYS_IN_MONTH = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
_DAYS_BEFORE_MONTH = [0]
for _m in range(1, 13):
    _DAYS_BEFORE_MONTH.append(_DAYS_BEFORE_MONTH[-1] + _DAYS_IN_MONTH[_m])
_MONTH_NAMES = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
_DAY_NAMES = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
_FULL_MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                     "October", "November", "December"]
_FULL_DAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def _is_leap(year):
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def _days_in_month(year, month):
    return 29 if month == 2 and _is_leap(year) else _DAYS_IN_MONTH[month]


def _days_before_year(year):
    y = year - 1
    return y * 365 + y // 4 - y // 100 + y // 400


def _ymd_to_ord(year, month, day):
    before = _DAYS_BEFORE_MONTH[month - 1] + (1 if month > 2 and _is_leap(year) else 0)
    return _days_before_year(year) + before + day


def _ord_to_ymd(n):
    # Count 400-, 100-, 4- and 1-year cycles from 0001-01-01.
    n -= 1
    n400, n = divmod(n, 146097)
    year = n400 * 400 + 1
    n100, n = divmod(n, 36524)
    n4, n = divmod(n, 1461)
    n1, n = divmod(n, 365)
    year += n100 * 100 + n4 * 4 + n1
    if n1 == 4 or n100 == 4:
        return year - 1, 12, 31
    leap = _is_leap(year)
    month = 1
    while True:
        length = 29 if (month == 2 and leap) else _DAYS_IN_MONTH[month]
        if n < length:
            return year, month, n + 1
        n -= length
        month += 1


def _check_int(value, name):
    if not isinstance(value, int):
        raise TypeError("'" + type(value).__name__ + "' object cannot be interpreted as an integer")
    return value


def _check_date_fields(year, month, day):
    for v, n in ((year, "year"), (month, "month"), (day, "day")):
        _check_int(v, n)
    if not MINYEAR <= year <= MAXYEAR:
        raise ValueError("year %d is out of range" % year)
    if not 1 <= month <= 12:
        raise ValueError("month must be in 1..12")
    if not 1 <= day <= _days_in_month(year, month):
        raise ValueError("day is out of range for month")


def _check_time_fields(hour, minute, second, microsecond):
    for v in (hour, minute, second, microsecond):
        _check_int(v, "")
    if not 0 <= hour <= 23:
        raise ValueError("hour must be in 0..23")
    if not 0 <= minute <= 59:
        raise ValueError("minute must be in 0..59")
    if not 0 <= second <= 59:
        raise ValueError("second must be in 0..59")
    if not 0 <= microsecond <= 999999:
        raise ValueError("microsecond must be in 0..999999")


class timedelta:
    """A duration, kept as days, seconds (< 1 day) and microseconds (< 1 s)."""

    def __init__(self, days=0, seconds=0, microseconds=0, milliseconds=0, minutes=0, hours=0, weeks=0):
        total = (days + weeks * 7) * 86400 + seconds + minutes * 60 + hours * 3600
        micro_total = microseconds + milliseconds * 1000
        if isinstance(total, float) or isinstance(micro_total, float):
            us = round(total * 1000000 + micro_total)
        else:
            us = total * 1000000 + micro_total
        us = int(us)
        d, us = divmod(us, 86400 * 1000000)
        s, us = divmod(us, 1000000)
        if abs(d) > 999999999:
            raise OverflowError("days=%d; must have magnitude <= 999999999" % d)
        self._days, self._seconds, self._microseconds = d, s, us

    @property
    def days(self):
        return self._days

    @property
    def seconds(self):
        return self._seconds

    @property
    def microseconds(self):
        return self._microseconds

    def _to_us(self):
        return (self._days * 86400 + self._seconds) * 1000000 + self._microseconds

    def total_seconds(self):
        return self._to_us() / 10 ** 6

    def __repr__(self):
        args = []
        if self._days:
            args.append("days=%d" % self._days)
        if self._seconds:
            args.append("seconds=%d" % self._seconds)
        if self._microseconds:
            args.append("microseconds=%d" % self._microseconds)
        return "datetime.timedelta(" + (", ".join(args) if args else "0") + ")"

    def __str__(self):
        mm, ss = divmod(self._seconds, 60)
        hh, mm = divmod(mm, 60)
        s = "%d:%02d:%02d" % (hh, mm, ss)
        if self._days:
            s = "%d day%s, " % (self._days, "" if abs(self._days) == 1 else "s") + s
        if self._microseconds:
            s = s + ".%06d" % self._microseconds
        return s

    def __add__(self, other):
        if isinstance(other, timedelta):
            return timedelta(microseconds=self._to_us() + other._to_us())
        return NotImplemented

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return timedelta(microseconds=self._to_us() - other._to_us())
        return NotImplemented

    def __neg__(self):
        return timedelta(microseconds=-self._to_us())

    def __pos__(self):
        return self

    def __abs__(self):
        return -self if self._days < 0 else self

    def __mul__(self, other):
        if isinstance(other, int):
            return timedelta(microseconds=self._to_us() * other)
        if isinstance(other, float):
            return timedelta(microseconds=round(self._to_us() * other))
        return NotImplemented

    __rmul__ = __mul__

    def __floordiv__(self, other):
        if isinstance(other, timedelta):
            return self._to_us() // other._to_us()
        if isinstance(other, int):
            return timedelta(microseconds=self._to_us() // other)
        return NotImplemented

    def __truediv__(self, other):
        if isinstance(other, timedelta):
            return self._to_us() / other._to_us()
        if isinstance(other, (int, float)):
            return timedelta(microseconds=round(self._to_us() / other))
        return NotImplemented

    def __mod__(self, other):
        if isinstance(other, timedelta):
            return timedelta(microseconds=self._to_us() % other._to_us())
        return NotImplemented

    def _cmp(self, other):
        a, b = self._to_us(), other._to_us()
        return (a > b) - (a < b)

    def __eq__(self, other):
        return isinstance(other, timedelta) and self._cmp(other) == 0

    def __lt__(self, other):
        if not isinstance(other, timedelta):
            return NotImplemented
        return self._cmp(other) < 0

    def __le__(self, other):
        if not isinstance(other, timedelta):
            return NotImplemented
        return self._cmp(other) <= 0

    def __gt__(self, other):
        if not isinstance(other, timedelta):
            return NotImplemented
        return self._cmp(other) > 0

    def __ge__(self, other):
        if not isinstance(other, timedelta):
            return NotImplemented
        return self._cmp(other) >= 0

    def __hash__(self):
        return hash((self._days, self._seconds, self._microseconds))

    def __bool__(self):
        return self._to_us() != 0


timedelta.min = timedelta(-999999999)
timedelta.max = timedelta(days=999999999, hours=23, minutes=59, seconds=59, microseconds=999999)
timedelta.resolution = timedelta(microseconds=1)


class date:
    """A calendar date in the proleptic Gregorian calendar."""

    def __init__(self, year, month, day):
        _check_date_fields(year, month, day)
        self._year, self._month, self._day = year, month, day

    @property
    def year(self):
        return self._year

    @property
    def month(self):
        return self._month

    @property
    def day(self):
        return self._day

    @classmethod
    def today(cls):
        t = _time.localtime(_time.time())
        return cls(t[0], t[1], t[2])

    @classmethod
    def fromordinal(cls, n):
        y, m, d = _ord_to_ymd(n)
        return cls(y, m, d)

    @classmethod
    def fromisoformat(cls, text):
        if not isinstance(text, str):
            raise TypeError("fromisoformat: argument must be str")
        try:
            y, m, d = text.split("-")
            return cls(int(y), int(m), int(d))
        except ValueError:
            raise ValueError("Invalid isoformat string: " + repr(text)) from None

    def toordinal(self):
        return _ymd_to_ord(self._year, self._month, self._day)

    def weekday(self):
        return (self.toordinal() + 6) % 7

    def isoweekday(self):
        return self.weekday() + 1

    def isoformat(self):
        return "%04d-%02d-%02d" % (self._year, self._month, self._day)

    __str__ = isoformat

    def __repr__(self):
        return "datetime.date(%d, %d, %d)" % (self._year, self._month, self._day)

    def ctime(self):
        return "%s %s %2d 00:00:00 %04d" % (_DAY_NAMES[self.weekday()], _MONTH_NAMES[self._month - 1],
                                            self._day, self._year)

    def timetuple(self):
        yday = self.toordinal() - _ymd_to_ord(self._year, 1, 1) + 1
        return (self._year, self._month, self._day, 0, 0, 0, self.weekday(), yday, -1)

    def strftime(self, fmt):
        return _time.strftime(fmt, self.timetuple())

    def __format__(self, spec):
        return self.strftime(spec) if spec else str(self)

    def replace(self, year=None, month=None, day=None):
        return type(self)(self._year if year is None else year, self._month if month is None else month,
                          self._day if day is None else day)

    def __add__(self, other):
        if isinstance(other, timedelta):
            return type(self).fromordinal(self.toordinal() + other.days)
        return NotImplemented

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return type(self).fromordinal(self.toordinal() - other.days)
        if isinstance(other, date) and not isinstance(other, datetime):
            return timedelta(days=self.toordinal() - other.toordinal())
        return NotImplemented

    def _key(self):
        return (self._year, self._month, self._day)

    def __eq__(self, other):
        if isinstance(other, date) and not isinstance(other, datetime) and not isinstance(self, datetime):
            return self._key() == other._key()
        return NotImplemented

    def __lt__(self, other):
        if isinstance(other, date) and not isinstance(other, datetime):
            return self._key() < other._key()
        return NotImplemented

    def __le__(self, other):
        if isinstance(other, date) and not isinstance(other, datetime):
            return self._key() <= other._key()
        return NotImplemented

    def __gt__(self, other):
        if isinstance(other, date) and not isinstance(other, datetime):
            return self._key() > other._key()
        return NotImplemented

    def __ge__(self, other):
        if isinstance(other, date) and not isinstance(other, datetime):
            return self._key() >= other._key()
        return NotImplemented

    def __hash__(self):
        return hash(self._key())


class datetime(date):
    """A date with a time of day (naive: no time zone)."""

    def __init__(self, year, month, day, hour=0, minute=0, second=0, microsecond=0):
        _check_date_fields(year, month, day)
        _check_time_fields(hour, minute, second, microsecond)
        self._year, self._month, self._day = year, month, day
        self._hour, self._minute, self._second, self._microsecond = hour, minute, second, microsecond

    @property
    def hour(self):
        return self._hour

    @property
    def minute(self):
        return self._minute

    @property
    def second(self):
        return self._second

    @property
    def microsecond(self):
        return self._microsecond

    @classmethod
    def fromtimestamp(cls, t):
        whole = int(t // 1)
        us = round((t - whole) * 1000000)
        if us >= 1000000:
            whole += 1
            us -= 1000000
        lt = _time.localtime(whole)
        return cls(lt[0], lt[1], lt[2], lt[3], lt[4], lt[5], us)

    @classmethod
    def now(cls):
        return cls.fromtimestamp(_time.time())

    @classmethod
    def today(cls):
        return cls.now()

    @classmethod
    def combine(cls, d, t=None):
        return cls(d.year, d.month, d.day)

    @classmethod
    def fromisoformat(cls, text):
        """YYYY-MM-DD, then optionally any one separator character (T, a
        space, ...) and HH[:MM[:SS[.fff[fff]]]], as CPython 3.11 accepts."""
        if not isinstance(text, str):
            raise TypeError("fromisoformat: argument must be str")
        try:
            day_part, time_part = text[:10], text[11:]
            y, m, d = (int(x) for x in day_part.split("-"))
            if len(day_part) != 10:
                raise ValueError
            fields = [0, 0, 0, 0]
            if time_part:
                seconds, _, fraction = time_part.partition(".")
                pieces = seconds.split(":")
                if not 1 <= len(pieces) <= 3 or any(len(p) != 2 or not p.isdigit() for p in pieces):
                    raise ValueError
                for i, p in enumerate(pieces):
                    fields[i] = int(p)
                if fraction:
                    if not fraction.isdigit() or len(fraction) not in (3, 6):
                        raise ValueError
                    fields[3] = int(fraction.ljust(6, "0"))
            return cls(y, m, d, *fields)
        except ValueError:
            raise ValueError("Invalid isoformat string: " + repr(text)) from None

    @classmethod
    def strptime(cls, text, fmt):
        """Parses `text` by a format of %Y %m %d %H %M %S %f %y %b %B %a %A
        %p %I %j and %%, as time.strptime does for these."""
        values = {"Y": 1900, "m": 1, "d": 1, "H": 0, "M": 0, "S": 0, "f": 0}
        pm = None
        pos = 0
        i = 0
        def fail():
            raise ValueError("time data " + repr(text) + " does not match format " + repr(fmt))
        def take_digits(most):
            nonlocal pos
            end = pos
            while end < len(text) and end - pos < most and text[end].isdigit():
                end += 1
            if end == pos:
                fail()
            value = int(text[pos:end])
            pos = end
            return value
        def take_name(names):
            nonlocal pos
            for index, name in enumerate(names):
                if text[pos:pos + len(name)].lower() == name.lower():
                    pos += len(name)
                    return index
            fail()
        while i < len(fmt):
            ch = fmt[i]
            if ch != "%":
                if pos >= len(text) or text[pos] != ch:
                    fail()
                pos += 1
                i += 1
                continue
            if i + 1 >= len(fmt):
                raise ValueError("stray % in format " + repr(fmt))
            directive = fmt[i + 1]
            i += 2
            if directive == "%":
                if text[pos:pos + 1] != "%":
                    fail()
                pos += 1
            elif directive == "Y":
                values["Y"] = take_digits(4)
            elif directive == "y":
                year = take_digits(2)
                values["Y"] = year + (2000 if year < 69 else 1900)
            elif directive in "mdHMS":
                values[directive] = take_digits(2)
            elif directive == "I":
                values["H"] = take_digits(2)
            elif directive == "j":
                values["j"] = take_digits(3)
            elif directive == "f":
                start = pos
                values["f"] = take_digits(6) * 10 ** (6 - (pos - start))
            elif directive == "b":
                values["m"] = take_name(_MONTH_NAMES) + 1
            elif directive == "B":
                values["m"] = take_name(_FULL_MONTH_NAMES) + 1
            elif directive == "a":
                take_name(_DAY_NAMES)
            elif directive == "A":
                take_name(_FULL_DAY_NAMES)
            elif directive == "p":
                pm = take_name(["AM", "PM"]) == 1
            else:
                raise ValueError("'" + directive + "' is a bad directive in format '%" + directive + "'")
        if pos != len(text):
            raise ValueError("unconverted data remains: " + text[pos:])
        hour = values["H"]
        if pm is not None:
            hour = hour % 12 + (12 if pm else 0)
        if "j" in values:  # the day of the year decides month and day
            start = cls(values["Y"], 1, 1, hour, values["M"], values["S"], values["f"])
            return start + timedelta(days=values["j"] - 1)
        return cls(values["Y"], values["m"], values["d"], hour, values["M"], values["S"], values["f"])

    def date(self):
        return date(self._year, self._month, self._day)

    def _total_us(self):
        secs = (self.toordinal() * 86400 + self._hour * 3600 + self._minute * 60 + self._second)
        return secs * 1000000 + self._microsecond

    @classmethod
    def _from_total_us(cls, us):
        days, rem = divmod(us, 86400 * 1000000)
        y, m, d = _ord_to_ymd(days)
        secs, micro = divmod(rem, 1000000)
        hh, rest = divmod(secs, 3600)
        mm, ss = divmod(rest, 60)
        return cls(y, m, d, hh, mm, ss, micro)

    def timestamp(self):
        return _time.mktime(self.timetuple()) + self._microsecond / 1e6

    def timetuple(self):
        yday = self.toordinal() - _ymd_to_ord(self._year, 1, 1) + 1
        return (self._year, self._month, self._day, self._hour, self._minute, self._second,
                self.weekday(), yday, -1)

    def isoformat(self, sep="T"):
        s = "%04d-%02d-%02d%s%02d:%02d:%02d" % (self._year, self._month, self._day, sep, self._hour,
                                                self._minute, self._second)
        if self._microsecond:
            s += ".%06d" % self._microsecond
        return s

    def __str__(self):
        return self.isoformat(" ")

    def __repr__(self):
        fields = [self._year, self._month, self._day, self._hour, self._minute, self._second, self._microsecond]
        if fields[6] == 0:
            fields.pop()
            if fields[5] == 0:
                fields.pop()
        return "datetime.datetime(" + ", ".join(str(f) for f in fields) + ")"

    def ctime(self):
        return "%s %s %2d %02d:%02d:%02d %04d" % (_DAY_NAMES[self.weekday()], _MONTH_NAMES[self._month - 1],
                                                  self._day, self._hour, self._minute, self._second, self._year)

    def replace(self, year=None, month=None, day=None, hour=None, minute=None, second=None, microsecond=None):
        pick = lambda new, old: old if new is None else new
        return type(self)(pick(year, self._year), pick(month, self._month), pick(day, self._day),
                          pick(hour, self._hour), pick(minute, self._minute), pick(second, self._second),
                          pick(microsecond, self._microsecond))

    def __add__(self, other):
        if isinstance(other, timedelta):
            return type(self)._from_total_us(self._total_us() + other._to_us())
        return NotImplemented

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return type(self)._from_total_us(self._total_us() - other._to_us())
        if isinstance(other, datetime):
            return timedelta(microseconds=self._total_us() - other._total_us())
        return NotImplemented

    def _key(self):
        return self._total_us()

    def __eq__(self, other):
        if isinstance(other, datetime):
            return self._key() == other._key()
        return NotImplemented if not isinstance(other, date) else False

    def __lt__(self, other):
        if isinstance(other, datetime):
            return self._key() < other._key()
        return NotImplemented

    def __le__(self, other):
        if isinstance(other, datetime):
            return self._key() <= other._key()
        return NotImplemented

    def __gt__(self, other):
        if isinstance(other, datetime):
            return self._key() > other._key()
        return NotImplemented

    def __ge__(self, other):
        if isinstance(other, datetime):
            return self._key() >= other._key()
        return NotImplemented

    def __hash__(self):
        return hash(self._key())


date.min = date(1, 1, 1)
date.max = date(9999, 12, 31)
datetime.min = datetime(1, 1, 1)
datetime.max = datetime(9999, 12, 31, 23, 59, 59, 999999)
