# A ball passed back and forth between two threads through two queue.Queue
# objects: every put wakes a thread blocked in get, so each round trip is
# two blocking hand-offs through the GIL.
import queue
import threading
import time

N = 20_000
ping = queue.Queue()
pong = queue.Queue()


def partner():
    while True:
        ball = ping.get()
        if ball is None:
            return
        pong.put(ball + 1)


t = threading.Thread(target=partner)
t.start()
start = time.perf_counter()
ball = 0
for _ in range(N):
    ping.put(ball)
    ball = pong.get()
elapsed = time.perf_counter() - start
ping.put(None)
t.join()
print(f"measure: {elapsed:.6f}")
print(ball)
