# JSON round trips: json.dumps then json.loads of a nested document (records
# with strings, non-ASCII text, ints, floats, booleans, None, nested lists
# and dicts), with default options and with indent + sort_keys. Times its
# own hot loop; the last line is a checksum of the texts and decoded values.
import json
import time


def make_document(n):
    records = []
    for i in range(n):
        records.append({
            "id": i,
            "name": "user-%d" % i,
            "city": ["Zürich", "Kraków", "東京", "Lagos", "Québec"][i % 5],
            "score": i * 0.37 - 11.5,
            "active": i % 3 != 0,
            "manager": None if i % 4 else i // 4,
            "tags": ["t%d" % (i % 7), "t%d" % (i % 11), "quote\"and\\slash"],
            "history": [{"year": 2000 + j, "value": (i * j) % 97 / 7.0} for j in range(4)],
            "meta": {"created": "2024-01-%02d" % (i % 28 + 1), "flags": [True, False, None], "depth": {"a": {"b": [i]}}},
        })
    return {"version": 3, "records": records, "empty": {"list": [], "dict": {}}}


def run():
    doc = make_document(200)
    checksum = 0
    start = time.perf_counter()
    for rounds in range(60):
        text = json.dumps(doc)
        back = json.loads(text)
        pretty = json.dumps(back, indent=2, sort_keys=True)
        again = json.loads(pretty)
        checksum = (checksum + len(text) + len(pretty) + len(again["records"]) + again["records"][rounds]["id"]) % 1000000007
    elapsed = time.perf_counter() - start
    assert again == doc
    print("measure: %.6f" % elapsed)
    print(checksum)


run()
