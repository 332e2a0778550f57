# A manager at a TCP address with an authkey, used by processes that were
# not forked from it: one running this interpreter and one running
# python3 (so, under gilvm, CPython clients of a gilvm server), through
# BaseManager.register(typeid) and connect(); a wrong authkey is refused.
import subprocess
import sys
from multiprocessing.managers import BaseManager, RemoteError


class Tally:
    def __init__(self):
        self.items = []

    def add(self, item):
        self.items.append(item)
        return len(self.items)

    def snapshot(self):
        return list(self.items)

    def explode(self):
        raise LookupError("no such tally")


tally = Tally()


def get_tally():
    return tally


class TallyManager(BaseManager):
    pass


TallyManager.register("get_tally", callable=get_tally)
TallyManager.register("new_dict", callable=dict)

CLIENT = """
import sys
from multiprocessing.managers import BaseManager
from multiprocessing import AuthenticationError

class TallyManager(BaseManager):
    pass

TallyManager.register("get_tally")
TallyManager.register("new_dict")
address = ("127.0.0.1", int(sys.argv[1]))
m = TallyManager(address=address, authkey=sys.argv[2].encode())
try:
    m.connect()
except AuthenticationError as e:
    print("AuthenticationError", e)
    sys.exit(0)
t = m.get_tally()
print(type(t).__name__, t.add(sys.argv[3]))
try:
    t.explode()
except LookupError as e:
    print("LookupError", e)
d = m.new_dict(a=1)
d.update(b=[2, 3])
print(sorted(d.items()), str(d))
"""


def client(port, key, item, executable=sys.executable):
    done = subprocess.run([executable, "-c", CLIENT, str(port), key, item], capture_output=True, text=True)
    print(done.stdout, end="")
    if done.returncode != 0:
        print("client failed:", done.stderr)


if __name__ == "__main__":
    m = TallyManager(address=("127.0.0.1", 0), authkey=b"secret")
    m.start()
    host, port = m.address
    client(port, "secret", "same interpreter")
    client(port, "secret", "python3", "python3")
    client(port, "wrong", "never")
    t = m.get_tally()
    print(t.snapshot(), t.add("parent"))
    try:
        t._callmethod("nope")
    except RemoteError as e:
        print("RemoteError", "AttributeError: method 'nope'" in str(e))
    try:
        m.new_dict(1, 2, 3)
    except RemoteError as e:
        print("RemoteError", "TypeError" in str(e))
    server = TallyManager(address=("127.0.0.1", 0)).get_server()
    print(type(server).__name__, server.address[0], server.address[1] > 0)
    m.shutdown()
    print(m._process.exitcode)
