// _heapq: the heap operations of heapq in C++ (heappush, heappop,
// heapify, heapreplace, heappushpop and the max-heap helpers that
// heapq.merge uses). heapq.py keeps merge, nlargest and nsmallest, as
// CPython's does.
//
// A heap is a list, heap[0] its smallest item. Items are compared with
// the interpreter's `<` (compare_bool), so user classes with __lt__ work
// and errors are the operator's. A comparison runs Python code that may
// resize the list: as CPython, that raises RuntimeError; the list is
// re-read after every comparison, never held as a pointer into its items.
#include "stdlib/builtins/common.hpp"
#include "stdlib/stdlib.hpp"
#include "vm/import.hpp"
#include "vm/opcodes.hpp"
#include "vm/objects/module.hpp"

namespace gilvm {

namespace {

using builtins_impl::kw_count;

// `a < b` for a min-heap; `b < a` for a max-heap.
template <bool kMax>
bool before(Value a, Value b) {
  if (a.is_small_int() && b.is_small_int())
    return kMax ? b.small_int_value() < a.small_int_value() : a.small_int_value() < b.small_int_value();
  return kMax ? compare_bool(b, a, kLt) : compare_bool(a, b, kLt);
}

void check_size(List* heap, size_t size) {
  if (heap->items.size() != size) raise_runtime_error("list changed size during iteration");
}

// Moves the item at `pos` up towards `start` while it is before its parent.
template <bool kMax>
void sift_down(List* heap, size_t start, size_t pos) {
  const size_t size = heap->items.size();
  while (pos > start) {
    size_t parent_pos = (pos - 1) >> 1;
    // Both are re-read each time: a comparison may have replaced entries.
    bool smaller = before<kMax>(heap->items[pos], heap->items[parent_pos]);
    check_size(heap, size);
    if (!smaller) break;
    // Swap rather than hold the item aside, so the list always holds a
    // permutation of its items whatever the comparisons do.
    std::swap(heap->items[parent_pos], heap->items[pos]);
    pos = parent_pos;
  }
}

// Moves the smaller child up into the hole at `pos` down to a leaf, then
// lets the original item settle back up (fewer comparisons on average).
template <bool kMax>
void sift_up(List* heap, size_t pos) {
  const size_t end = heap->items.size();
  const size_t start = pos;
  const size_t limit = end >> 1;
  while (pos < limit) {
    size_t child = 2 * pos + 1;
    if (child + 1 < end) {
      bool left_first = before<kMax>(heap->items[child], heap->items[child + 1]);
      check_size(heap, end);
      if (!left_first) ++child;
    }
    std::swap(heap->items[pos], heap->items[child]);
    pos = child;
  }
  sift_down<kMax>(heap, start, pos);
}

List* heap_argument(Value v, const char* fname, bool one_arg) {
  if (type_of(v) != types().list && !isinstance(v, types().list)) {
    raise_type_error(std::string(fname) + "() argument " + (one_arg ? "" : "1 ") + "must be list, not " +
                     type_name(v));
  }
  return v.as<List>();
}

void check_two(const CallArgs& a, const char* fname) {
  if (kw_count(a) != 0) raise_type_error(std::string("_heapq.") + fname + "() takes no keyword arguments");
  builtins_impl::check_positional(a, fname, 2, 2);
}
void check_one(const CallArgs& a, const char* fname) {
  if (kw_count(a) != 0) raise_type_error(std::string("_heapq.") + fname + "() takes no keyword arguments");
  if (a.count != 1)
    raise_type_error(std::string("_heapq.") + fname + "() takes exactly one argument (" + std::to_string(a.count) +
                     " given)");
}

Value heappush(const CallArgs& a) {
  check_two(a, "heappush");
  List* heap = heap_argument(a[0], "heappush", false);
  heap->items.push_back(a[1]);
  sift_down<false>(heap, 0, heap->items.size() - 1);
  return Value::none();
}

template <bool kMax>
Value heappop_impl(const CallArgs& a, const char* fname) {
  check_one(a, fname);
  List* heap = heap_argument(a[0], fname, true);
  if (heap->items.empty()) raise_index_error("index out of range");
  Value last = heap->items.back();
  heap->items.pop_back();
  if (heap->items.empty()) return last;
  Value smallest = heap->items[0];
  heap->items[0] = last;
  sift_up<kMax>(heap, 0);
  return smallest;
}
Value heappop(const CallArgs& a) { return heappop_impl<false>(a, "heappop"); }
Value heappop_max(const CallArgs& a) { return heappop_impl<true>(a, "_heappop_max"); }

template <bool kMax>
Value heapreplace_impl(const CallArgs& a, const char* fname) {
  check_two(a, fname);
  List* heap = heap_argument(a[0], fname, false);
  if (heap->items.empty()) raise_index_error("index out of range");
  Value smallest = heap->items[0];
  heap->items[0] = a[1];
  sift_up<kMax>(heap, 0);
  return smallest;
}
Value heapreplace(const CallArgs& a) { return heapreplace_impl<false>(a, "heapreplace"); }
Value heapreplace_max(const CallArgs& a) { return heapreplace_impl<true>(a, "_heapreplace_max"); }

Value heappushpop(const CallArgs& a) {
  check_two(a, "heappushpop");
  List* heap = heap_argument(a[0], "heappushpop", false);
  Value item = a[1];
  if (heap->items.empty()) return item;
  Value top = heap->items[0];
  bool top_first = before<false>(top, item);
  if (!top_first) return item;
  if (heap->items.empty()) raise_index_error("index out of range");
  top = heap->items[0];
  heap->items[0] = item;
  sift_up<false>(heap, 0);
  return top;
}

template <bool kMax>
Value heapify_impl(const CallArgs& a, const char* fname) {
  check_one(a, fname);
  List* heap = heap_argument(a[0], fname, true);
  for (size_t i = heap->items.size() / 2; i-- > 0;) {
    if (i >= heap->items.size()) continue;
    sift_up<kMax>(heap, i);
  }
  return Value::none();
}
Value heapify(const CallArgs& a) { return heapify_impl<false>(a, "heapify"); }
Value heapify_max(const CallArgs& a) { return heapify_impl<true>(a, "_heapify_max"); }

void init_heapq(Module* m) {
  add_function(m, "heappush", heappush);
  add_function(m, "heappop", heappop);
  add_function(m, "heapreplace", heapreplace);
  add_function(m, "heappushpop", heappushpop);
  add_function(m, "heapify", heapify);
  add_function(m, "_heappop_max", heappop_max);
  add_function(m, "_heapreplace_max", heapreplace_max);
  add_function(m, "_heapify_max", heapify_max);
}

}  // namespace

void register_heapq_module() { register_builtin_module("_heapq", init_heapq); }

}  // namespace gilvm
