# Deep recursion raises RecursionError (not a crash) and the program goes
# on; garbage made in a loop is collected (the loop finishes in bounded memory).
def forever(n):
    return forever(n + 1)
for attempt in range(3):
    try:
        forever(0)
    except RecursionError:
        print("recursion error", attempt)
def mutual_a(n):
    return mutual_b(n + 1)
def mutual_b(n):
    return mutual_a(n + 1)
try:
    mutual_a(0)
except RecursionError as e:
    print(type(e).__name__)
class Node:
    def __init__(self, value):
        self.value = value
        self.next = self  # a cycle: only a tracing collector frees it
total = 0
for i in range(300000):
    n = Node([i] * 10)
    total += n.next.value[0]
print(total)
nested = []
for i in range(100):
    nested = [nested]
print(len(str(nested)))
