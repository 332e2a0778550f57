"""Heap queue: a binary min-heap kept in a plain list (heap[0] is the
smallest). The heap operations are native (_heapq, stdlib/heapq_module.cpp);
merge, nlargest and nsmallest stay here, as in CPython."""
from _heapq import heappush, heappop, heapify, heapreplace, heappushpop
from _heapq import _heappop_max, _heapreplace_max, _heapify_max

__all__ = ["heappush", "heappop", "heapify", "heapreplace", "merge", "nlargest", "nsmallest", "heappushpop"]


def merge(*iterables, key=None, reverse=False):
    """Merges sorted inputs into one sorted iterator, lazily."""
    # Entries are [sort key, order, value, iterator]: `order` (the input's
    # position, negated for a max-heap) is unique, so ties come out in input
    # order and values themselves are never compared.
    if reverse:
        make_heap, pop, replace, direction = _heapify_max, _heappop_max, _heapreplace_max, -1
    else:
        make_heap, pop, replace, direction = heapify, heappop, heapreplace, 1
    entries = []
    for order, iterable in enumerate(iterables):
        it = iter(iterable)
        for value in it:
            entries.append([value if key is None else key(value), order * direction, value, it])
            break
    make_heap(entries)
    while len(entries) > 1:
        entry = entries[0]
        yield entry[2]
        for value in entry[3]:
            entry[0] = value if key is None else key(value)
            entry[2] = value
            replace(entries, entry)
            break
        else:
            pop(entries)
    if entries:
        yield entries[0][2]
        yield from entries[0][3]


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
