# Lists, tuples, dicts, sets: the common operations.
nums = [5, 3, 8, 1]
nums.append(7)
nums.extend([2, 2])
nums.insert(0, 9)
nums.remove(2)
print(nums, nums.pop(), nums.pop(0), nums.index(8), nums.count(2), len(nums))
nums.sort()
print(nums, sorted(nums, reverse=True), nums[1:3], nums[::-1])
nums[1:3] = ["a", "b", "c"]
print(nums)
del nums[0]
print(nums, nums + [0], [0] * 3)
t = (1, 2, 3)
print(t, t[1:], t + (4,), t * 2, (1,), tuple([1, 2]), t.index(2), t.count(3))
d = {"one": 1, "two": 2}
d["three"] = 3
print(d, d["two"], d.get("four"), d.get("four", 4), len(d), "one" in d)
print(list(d.keys()), list(d.values()), list(d.items()))
d.update({"four": 4}, five=5)
print(d.pop("one"), d.setdefault("six", 6), d)
for k, v in sorted(d.items()):
    print(k, v, end="; ")
print()
del d["two"]
print(d, dict(a=1, b=2), dict([("x", 1)]), {k: v for k, v in zip("ab", range(2))})
s = {3, 1, 2}
s.add(5)
s.discard(1)
print(s, 2 in s, s | {9}, s & {2, 3}, s - {2}, s ^ {3, 10}, len(s))
print(set("hello") == {"h", "e", "l", "o"}, frozenset([1, 2]), set())
matrix = [[1, 2], [3, 4]]
print([row[1] for row in matrix], list(zip(*matrix)))
print(list(range(10))[2:8:2], list(range(5, 0, -1)), range(3), len(range(0, 10, 3)))
empty = []
try:
    empty.pop()
except IndexError as e:
    print(e)
try:
    d["nope"]
except KeyError as e:
    print("KeyError", e)
try:
    [1, 2][5]
except IndexError as e:
    print(e)
print([1, [2, [3]]], {"nested": {"a": [1, 2]}}, [None, True, 1.5, "s"])
print(sum([1, 2, 3]), max({"a": 1, "b": 2}), min([4, 2, 8]), sorted("hello"), list(map(str, [1, 2])))
stack = []
for i in range(3):
    stack.append(i)
while stack:
    print(stack.pop(), end=" ")
print()
print({1: "a", True: "b"}, {(1, 2): "tuple key"}, hash((1, 2)) == hash((1, 2)))
