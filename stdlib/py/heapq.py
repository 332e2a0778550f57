"""Heap queue: a binary min-heap kept in a plain list (heap[0] is the
smallest), with CPython's functions."""


def _sift_down(heap, start, pos):
    # Moves heap[pos] up toward start until its parent is not larger.
    item = heap[pos]
    while pos > start:
        parent_pos = (pos - 1) >> 1
        parent = heap[parent_pos]
        if item < parent:
            heap[pos] = parent
            pos = parent_pos
            continue
        break
    heap[pos] = item


def _sift_up(heap, pos):
    # Fills the hole at pos with the smaller child, down to a leaf, then
    # settles the original item back up (CPython's fewer-comparisons method).
    end = len(heap)
    start = pos
    item = heap[pos]
    child = 2 * pos + 1
    while child < end:
        right = child + 1
        if right < end and not heap[child] < heap[right]:
            child = right
        heap[pos] = heap[child]
        pos = child
        child = 2 * pos + 1
    heap[pos] = item
    _sift_down(heap, start, pos)


def heappush(heap, item):
    heap.append(item)
    _sift_down(heap, 0, len(heap) - 1)


def heappop(heap):
    last = heap.pop()
    if heap:
        smallest = heap[0]
        heap[0] = last
        _sift_up(heap, 0)
        return smallest
    return last


def heapreplace(heap, item):
    smallest = heap[0]
    heap[0] = item
    _sift_up(heap, 0)
    return smallest


def heappushpop(heap, item):
    if heap and heap[0] < item:
        item, heap[0] = heap[0], item
        _sift_up(heap, 0)
    return item


def heapify(x):
    for i in reversed(range(len(x) // 2)):
        _sift_up(x, i)


def nlargest(n, iterable, key=None):
    return _n_best(n, iterable, key, True)


def nsmallest(n, iterable, key=None):
    return _n_best(n, iterable, key, False)


def _n_best(n, iterable, key, reverse):
    # The result is sorted(iterable, key=key, reverse=reverse)[:n], reached
    # along CPython's paths so that a bad n fails the same way: n == 1 takes
    # min/max, n >= len() slices, anything else passes n to range().
    if n == 1:
        pick = max if reverse else min
        sentinel = object()
        result = pick(iter(iterable), default=sentinel, key=key)
        return [] if result is sentinel else [result]
    try:
        size = len(iterable)
    except (TypeError, AttributeError):
        size = None
    if size is not None and n >= size:
        return sorted(iterable, key=key, reverse=reverse)[:n]
    range(n)
    if n <= 0:
        return []
    return sorted(iterable, key=key, reverse=reverse)[:n]


def merge(*iterables, key=None, reverse=False):
    merged = []
    for it in iterables:
        merged.extend(it)
    return iter(sorted(merged, key=key, reverse=reverse))
