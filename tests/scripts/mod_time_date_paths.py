# time.struct_time fields, datetime.fromisoformat/strptime, os.path.relpath
# and commonpath, sys encodings.
import datetime, time, os, sys
from datetime import datetime as DT
t = time.gmtime(86400 * 365)
print(t, t.tm_year, t.tm_mon, t.tm_yday, t[:3], time.strftime("%Y-%m-%d", t))
print(DT.fromisoformat("2020-01-02T03:04:05"), DT.fromisoformat("2020-01-02 03:04"), DT.fromisoformat("2020-01-02"), DT.fromisoformat("2021-12-31T23:59:59.123456"), DT.fromisoformat("2020-01-02T03:04:05.500"))
for bad in ["2020-1-2", "2020-01-02X03:04", "2020-01-02T3:04", "junk"]:
    try:
        DT.fromisoformat(bad)
    except ValueError as e:
        print("ValueError:", e)
print(DT.strptime("2020-01-02 03:04:05", "%Y-%m-%d %H:%M:%S"), DT.strptime("02/Jan/21", "%d/%b/%y"), DT.strptime("March 5, 1999 07:30 PM", "%B %d, %Y %I:%M %p"))
print(DT.strptime("2020-060", "%Y-%j"), DT.strptime("12.5", "%S.%f"), DT.strptime("Mon 2020", "%a %Y"))
for text, fmt in [("2020-01-02", "%Y/%m/%d"), ("2020-01-02 extra", "%Y-%m-%d"), ("2020", "%Q")]:
    try:
        DT.strptime(text, fmt)
    except ValueError as e:
        print("ValueError:", e)
print(os.path.relpath("/a/b/c", "/a"), os.path.relpath("/a", "/a/b/c"), os.path.relpath("/x/y", "/a/b"), os.path.relpath("/a", "/a"))
print(os.path.commonpath(["/usr/lib", "/usr/local/lib"]), os.path.commonpath(["a/b", "a/c"]))
print(sys.getdefaultencoding(), sys.getfilesystemencoding())
