# pickle.dumps and pickle.loads of a structure of 100,000 elements: a list
# of 100,000 small records (tuples of an int, a float, a short str and a
# shared tag), the shape of a big result a worker sends back.
# bench_pickle_roundtrip covers the other shape: instances and dicts.
# Times its own loop; the last line is a checksum.
import pickle
import time


def make(n):
    tags = ("even", "odd")
    return [(i, i * 0.5, "name-%d" % (i % 1000), tags[i % 2]) for i in range(n)]


def run():
    data = make(100_000)
    checksum = 0
    start = time.perf_counter()
    for rounds in range(10):
        blob = pickle.dumps(data)
        back = pickle.loads(blob)
        checksum = (checksum + len(blob) + back[rounds * 777][0] + len(back)) % 1000000007
    elapsed = time.perf_counter() - start
    assert back == data
    print("measure: %.6f" % elapsed)
    print(checksum)


run()
