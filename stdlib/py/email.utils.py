"""Dates in RFC 2822 form (formatdate, parsedate, parsedate_tz,
mktime_tz, parsedate_to_datetime's naive cousin) and quoting helpers, as
far as HTTP needs them."""
import time

__all__ = ['formatdate', 'parsedate', 'parsedate_tz', 'mktime_tz', 'quote', 'unquote']

_DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']
_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

# Zone names RFC 2822 parsers accept, in seconds east of UTC.
_ZONES = {'UT': 0, 'UTC': 0, 'GMT': 0, 'Z': 0,
          'AST': -4, 'ADT': -3, 'EST': -5, 'EDT': -4, 'CST': -6, 'CDT': -5,
          'MST': -7, 'MDT': -6, 'PST': -8, 'PDT': -7}


def formatdate(timeval=None, localtime=False, usegmt=False):
    """'Sat, 05 Dec 2026 12:57:33 GMT' for timeval (seconds since the
    epoch, now by default). Without usegmt the zone is written '-0000'."""
    if timeval is None:
        timeval = time.time()
    if localtime:
        t = time.localtime(timeval)
        offset = -time.timezone if not t[8] else -time.altzone
        sign = '+' if offset >= 0 else '-'
        offset = abs(offset) // 60
        zone = '%s%02d%02d' % (sign, offset // 60, offset % 60)
    else:
        t = time.gmtime(timeval)
        zone = 'GMT' if usegmt else '-0000'
    return '%s, %02d %s %04d %02d:%02d:%02d %s' % (
        _DAYS[t[6]], t[2], _MONTHS[t[1] - 1], t[0], t[3], t[4], t[5], zone)


def parsedate_tz(data):
    """A 10-tuple (year, month, day, h, m, s, 0, 1, -1, offset seconds or
    None) from an RFC 2822 date, or None when it cannot be read."""
    if not data:
        return None
    words = data.replace(',', ' ').split()
    if not words:
        return None
    if words[0][:3].capitalize() in _DAYS:
        del words[0]
    if len(words) == 3:  # 'Dec 5 12:00:00' has no year: not RFC 2822
        return None
    if len(words) < 4:
        return None
    day, month, year, clock = words[:4]
    zone = words[4] if len(words) > 4 else ''
    if month[:3].capitalize() not in _MONTHS:
        day, month = month, day  # 'Dec 05' order
        if month[:3].capitalize() not in _MONTHS:
            return None
    month = _MONTHS.index(month[:3].capitalize()) + 1
    try:
        day = int(day)
        year = int(year)
        parts = [int(p) for p in clock.split(':')]
    except ValueError:
        return None
    if len(parts) == 2:
        parts.append(0)
    if len(parts) != 3:
        return None
    if year < 100:
        year += 2000 if year < 50 else 1900
    offset = None
    if zone.upper() in _ZONES:
        offset = _ZONES[zone.upper()] * 3600
    elif zone[:1] in ('+', '-') and zone[1:].isdigit():
        value = int(zone[1:])
        offset = (value // 100 * 3600 + value % 100 * 60) * (-1 if zone[0] == '-' else 1)
        if zone == '-0000':
            offset = None
    return (year, month, day, parts[0], parts[1], parts[2], 0, 1, -1, offset)


def parsedate(data):
    t = parsedate_tz(data)
    if isinstance(t, tuple):
        return t[:9]
    return t


def _days_from_civil(year, month, day):
    """Days since 1970-01-01 of a proleptic Gregorian date."""
    year -= month <= 2
    era = year // 400
    yoe = year - era * 400
    doy = (153 * (month + (-3 if month > 2 else 9)) + 2) // 5 + day - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return era * 146097 + doe - 719468


def mktime_tz(data):
    """Seconds since the epoch for a parsedate_tz tuple (UTC when the
    offset is None)."""
    days = _days_from_civil(data[0], data[1], data[2])
    seconds = days * 86400 + data[3] * 3600 + data[4] * 60 + data[5]
    if data[9] is None:
        return seconds
    return seconds - data[9]


def quote(str):
    """Backslashes and double quotes escaped with a backslash."""
    return str.replace('\\', '\\\\').replace('"', '\\"')


def unquote(str):
    if len(str) > 1:
        if str.startswith('"') and str.endswith('"'):
            return str[1:-1].replace('\\\\', '\\').replace('\\"', '"')
        if str.startswith('<') and str.endswith('>'):
            return str[1:-1]
    return str
