# csv (reader, writer, dialects, quoting, DictReader/DictWriter, errors)
# and uuid (UUID fields and forms, uuid1/3/4/5, errors).
import csv
import io
import uuid

text = 'name,age,notes\r\nAnn,31,"likes ""quotes"", commas"\r\nBob,,"multi\nline"\r\n\r\nCy, 5 ,plain\r\n'
for row in csv.reader(io.StringIO(text, newline="")):
    print(row)
r = csv.reader(["a;b;'c;d'", "1; 2;3"], delimiter=";", quotechar="'", skipinitialspace=True)
print(list(r), r.line_num, r.dialect.delimiter, r.dialect.quoting == csv.QUOTE_MINIMAL)
print(list(csv.reader(['1,"x",2.5'], quoting=csv.QUOTE_NONNUMERIC)), list(csv.reader(['a\\,b,c'], escapechar="\\")))
print(list(csv.reader(['"a"b,c'])), list(csv.reader(['a\tb'], dialect="excel-tab")), list(csv.reader(["x,'y,z'"], quotechar=None)))
for lines, kwargs in [(['"unterminated'], {"strict": True}), (['"a"b'], {"strict": True}), (["a\0b"], {}),
                      ([b"bytes"], {}), (["a\rb"], {}), (["x,y"], {"quoting": csv.QUOTE_NONNUMERIC})]:
    try:
        print(list(csv.reader(lines, **kwargs)))
    except (csv.Error, ValueError) as e:
        print(type(e).__name__, e)
print(list(csv.reader(['"unterminated'])))

out = io.StringIO()
w = csv.writer(out)
print(w.writerow(["plain", "with,comma", 'with "quote"', "new\nline", 1, 2.5, None, True, ""]))
w.writerows([["a"], [""], [], ["x", "y"]])
print(repr(out.getvalue()))
for kwargs in [dict(quoting=csv.QUOTE_ALL), dict(quoting=csv.QUOTE_NONNUMERIC), dict(quoting=csv.QUOTE_NONE, escapechar="\\"),
               dict(escapechar="\\", doublequote=False), dict(delimiter="|", lineterminator="\n"), dict(dialect="unix")]:
    out = io.StringIO()
    csv.writer(out, **kwargs).writerow(["a|b", 'q"q', 3, 4.5, None, "back\\slash"])
    print(kwargs.get("quoting", kwargs.get("dialect", kwargs.get("delimiter"))), repr(out.getvalue()))
for row, kwargs in [(["a,b"], dict(quoting=csv.QUOTE_NONE)), ([""], dict(quoting=csv.QUOTE_NONE)), (5, {})]:
    try:
        csv.writer(io.StringIO(), **kwargs).writerow(row)
    except csv.Error as e:
        print("Error", e)
for kwargs in [dict(delimiter="ab"), dict(delimiter=1), dict(quotechar="ab"), dict(escapechar="ab"), dict(lineterminator=1),
               dict(quoting=9), dict(delimiter=""), dict(nonsense=1), dict(quotechar=None, quoting=csv.QUOTE_ALL)]:
    try:
        csv.reader([], **kwargs)
    except TypeError as e:
        print("TypeError", e)

csv.register_dialect("pipes", delimiter="|", quoting=csv.QUOTE_ALL)
print(sorted(csv.list_dialects()), csv.get_dialect("pipes").delimiter, csv.get_dialect("excel").lineterminator == "\r\n")
out = io.StringIO()
csv.writer(out, "pipes").writerow([1, "two"])
print(repr(out.getvalue()))
csv.unregister_dialect("pipes")
for f in (lambda: csv.get_dialect("pipes"), lambda: csv.unregister_dialect("pipes")):
    try:
        f()
    except csv.Error as e:
        print("Error", e)


class Semi(csv.Dialect):
    delimiter = ";"
    quotechar = '"'
    doublequote = True
    skipinitialspace = False
    lineterminator = "\n"
    quoting = csv.QUOTE_MINIMAL


print(list(csv.reader(["a;b"], Semi)), csv.field_size_limit(), csv.field_size_limit(10), csv.field_size_limit())
try:
    list(csv.reader(["x" * 20]))
except csv.Error as e:
    print("Error", e)
csv.field_size_limit(131072)

data = "id,name,score\n1,ann,9.5\n2,bob\n3,cy,7,extra\n\n"
dr = csv.DictReader(io.StringIO(data), restval="?", restkey="more")
print(dr.fieldnames)
for row in dr:
    print(row, dr.line_num)
print(list(csv.DictReader(["x,y", "1,2"], fieldnames=["a", "b"])))
out = io.StringIO()
dw = csv.DictWriter(out, fieldnames=["id", "name"], restval="-", lineterminator="\n")
print(dw.writeheader(), dw.writerow({"id": 1, "name": "ann"}))
dw.writerows([{"id": 2}, {"name": "x,y"}])
print(repr(out.getvalue()))
try:
    dw.writerow({"id": 1, "bad": 2})
except ValueError as e:
    print("ValueError", e)
try:
    csv.DictWriter(out, ["a"], extrasaction="nope")
except ValueError as e:
    print("ValueError", e)
csv.DictWriter(io.StringIO(), ["a"], extrasaction="ignore").writerow({"a": 1, "b": 2})
print(csv.QUOTE_MINIMAL, csv.QUOTE_ALL, csv.QUOTE_NONNUMERIC, csv.QUOTE_NONE, issubclass(csv.Error, Exception))

u = uuid.UUID("12345678-1234-5678-1234-567812345678")
print(u, repr(u), u.hex, u.int, u.urn, u.version, u.variant, u.fields, u.time_low, u.node, u.clock_seq, u.time)
print(u.bytes, u.bytes_le)
print(uuid.UUID("{12345678-1234-5678-1234-567812345678}") == u, uuid.UUID("urn:uuid:12345678123456781234567812345678") == u)
print(uuid.UUID(bytes=u.bytes) == u, uuid.UUID(bytes_le=u.bytes_le) == u, uuid.UUID(fields=u.fields) == u, uuid.UUID(int=u.int) == u)
print(uuid.UUID(int=0), uuid.UUID(int=2**128 - 1), uuid.UUID(int=5, version=4), uuid.UUID(int=5, version=4).version)
print(u < uuid.UUID(int=2**127), u == u.hex, hash(u) == hash(u.int), int(u) == u.int, sorted([uuid.UUID(int=3), uuid.UUID(int=1)]))
print(uuid.uuid3(uuid.NAMESPACE_DNS, "python.org"), uuid.uuid5(uuid.NAMESPACE_DNS, "python.org"), uuid.uuid3(uuid.NAMESPACE_URL, "x"))
print(uuid.NAMESPACE_DNS, uuid.NAMESPACE_URL, uuid.NAMESPACE_OID, uuid.NAMESPACE_X500)
u4 = uuid.uuid4()
print(u4.version, u4.variant, len(str(u4)), u4 != uuid.uuid4())
u1 = uuid.uuid1()
print(u1.version, u1.variant, u1.time > 0x01b21dd213814000, uuid.uuid1(node=0x123456789abc, clock_seq=0x1234).node == 0x123456789abc)
print(uuid.uuid1(clock_seq=0x1234).clock_seq, 0 <= uuid.getnode() < 2 ** 48, u.is_safe, uuid.SafeUUID.safe.value)
for f in (lambda: uuid.UUID(), lambda: uuid.UUID("1234"), lambda: uuid.UUID("z" * 32), lambda: uuid.UUID(bytes=b"short"),
          lambda: uuid.UUID(int=-1), lambda: uuid.UUID(int=1, version=9), lambda: uuid.UUID(fields=(1, 2)),
          lambda: uuid.UUID(fields=(1, 2, 3, 4, 5, 2 ** 48)), lambda: setattr(u, "int", 5)):
    try:
        f()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
