# Recursive generators: in-order walks of a binary tree with yield from.
import time


class Node:
    def __init__(self, left, value, right):
        self.left = left
        self.value = value
        self.right = right


def build(lo, hi):
    if lo >= hi:
        return None
    mid = (lo + hi) // 2
    return Node(build(lo, mid), mid, build(mid + 1, hi))


def walk(node):
    if node.left is not None:
        yield from walk(node.left)
    yield node.value
    if node.right is not None:
        yield from walk(node.right)


start = time.perf_counter()
root = build(0, 20000)
total = 0
for _ in range(10):
    total += sum(walk(root))
    total += max(v for v in walk(root) if v % 3 == 0)
print(f"measure: {time.perf_counter() - start:.6f}")
print(total)
