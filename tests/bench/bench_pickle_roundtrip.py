# pickle round trips: pickle.dumps then pickle.loads of a realistic message
# of the kind multiprocessing moves (instances of a module-level class with
# a __dict__, dicts of str keys, lists, tuples, ints, floats, str, bytes,
# None, a shared sub-list), at the default protocol and at protocol 2.
# Times its own hot loop; the last line is a checksum.
import pickle
import time


class Order:
    def __init__(self, i):
        self.id = i
        self.customer = "customer-%d" % (i % 37)
        self.amount = i * 1.25
        self.items = [("sku-%d" % (i % 13), i % 5 + 1), ("sku-%d" % (i % 7), 2)]
        self.paid = i % 3 == 0
        self.note = None if i % 4 else "r\u00e9sum\u00e9"


def make_message(n):
    shared = ["eu", "priority"]
    return {
        "orders": [Order(i) for i in range(n)],
        "index": {i: "k%d" % i for i in range(n)},
        "blob": bytes(range(256)) * 4,
        "tags": [shared, shared],
        "totals": (n, n * 1.5, -n),
    }


def run():
    message = make_message(300)
    checksum = 0
    start = time.perf_counter()
    for rounds in range(40):
        data = pickle.dumps(message)
        back = pickle.loads(data)
        old = pickle.dumps(back, 2)
        again = pickle.loads(old)
        checksum = (checksum + len(data) + len(old) + again["orders"][rounds].id + len(again["index"])) % 1000000007
    elapsed = time.perf_counter() - start
    assert again["tags"][0] is again["tags"][1]
    assert vars(again["orders"][7]) == vars(message["orders"][7])
    print("measure: %.6f" % elapsed)
    print(checksum)


run()
