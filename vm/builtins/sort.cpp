// Sorting, in two ways.
//
// Keys all of one plain built-in type (small ints, floats without a NaN,
// exact strs) are the common case and cannot run Python: they are copied
// beside their positions and std::sort runs on those pairs with the position
// as the tie-break, which makes it stable; no comparison goes through the
// object protocol. (A NaN is left to the general path: `<` on it is no
// strict weak order, which std::sort needs to stay in bounds.)
//
// Everything else is a merge sort over positions whose `less` is the
// comparison protocol: it may raise, run arbitrary code, and answer
// inconsistently, and the merge sort never reads outside its range whatever
// the answers (std::sort and std::stable_sort do not promise that). Short
// runs use binary insertion, and merging is skipped when two halves are
// already in order, so sorted input costs about n comparisons per level.
#include "vm/builtins/sort.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <vector>

#include "vm/errors.hpp"
#include "vm/number_ops.hpp"
#include "vm/objects/number.hpp"
#include "vm/objects/sequence.hpp"
#include "vm/objects/str.hpp"
#include "vm/opcodes.hpp"
#include "vm/ops.hpp"
#include "vm/types.hpp"

namespace gilvm {

namespace {

enum class KeyKind { SmallInt, Float, Str, Other };

KeyKind common_key_kind(std::span<const Value> keys) {
  if (keys.empty()) return KeyKind::Other;
  auto kind_of = [](Value v) {
    if (v.is_small_int()) return KeyKind::SmallInt;
    Type* t = type_of(v);
    if (t == types().float_) return std::isnan(float_value(v)) ? KeyKind::Other : KeyKind::Float;
    if (t == types().str) return KeyKind::Str;
    return KeyKind::Other;
  };
  KeyKind kind = kind_of(keys[0]);
  for (Value v : keys)
    if (kind_of(v) != kind) return KeyKind::Other;
  return kind;
}

template <class K>
struct Keyed {
  K key;
  uint32_t position;
};

// Sorts positions by keys of a plain type; `extract` turns a Value into K,
// `less` orders two Ks.
template <class K, class Extract, class Less>
std::vector<uint32_t> sort_plain(std::span<const Value> keys, bool reverse, Extract extract, Less less) {
  std::vector<Keyed<K>> entries(keys.size());
  for (size_t i = 0; i < keys.size(); ++i) entries[i] = {extract(keys[i]), static_cast<uint32_t>(i)};
  if (reverse) {
    std::sort(entries.begin(), entries.end(), [&](const Keyed<K>& a, const Keyed<K>& b) {
      if (less(b.key, a.key)) return true;
      if (less(a.key, b.key)) return false;
      return a.position < b.position;
    });
  } else {
    std::sort(entries.begin(), entries.end(), [&](const Keyed<K>& a, const Keyed<K>& b) {
      if (less(a.key, b.key)) return true;
      if (less(b.key, a.key)) return false;
      return a.position < b.position;
    });
  }
  std::vector<uint32_t> order(keys.size());
  for (size_t i = 0; i < entries.size(); ++i) order[i] = entries[i].position;
  return order;
}

// The general path (see the top of the file).
template <class Less>
void merge_sort(std::vector<uint32_t>& order, std::vector<uint32_t>& buffer, size_t lo, size_t hi, Less& less) {
  if (hi - lo < 2) return;
  if (hi - lo <= 8) {  // binary insertion
    for (size_t i = lo + 1; i < hi; ++i) {
      uint32_t x = order[i];
      size_t left = lo, right = i;
      while (left < right) {
        size_t mid = left + (right - left) / 2;
        if (less(x, order[mid])) right = mid;
        else left = mid + 1;
      }
      for (size_t j = i; j > left; --j) order[j] = order[j - 1];
      order[left] = x;
    }
    return;
  }
  size_t mid = lo + (hi - lo) / 2;
  merge_sort(order, buffer, lo, mid, less);
  merge_sort(order, buffer, mid, hi, less);
  if (!less(order[mid], order[mid - 1])) return;  // the halves are already in order
  buffer.assign(order.begin() + static_cast<ptrdiff_t>(lo), order.begin() + static_cast<ptrdiff_t>(mid));
  size_t i = 0, j = mid, k = lo;
  const size_t nleft = buffer.size();
  while (i < nleft && j < hi) {
    if (less(order[j], buffer[i])) order[k++] = order[j++];
    else order[k++] = buffer[i++];
  }
  while (i < nleft) order[k++] = buffer[i++];
}

// Tuples whose first items are all of one plain kind (records sorted by a
// leading number or name): the first items decide most comparisons, so
// they are compared directly and only a tie goes through the protocol.
KeyKind common_first_item_kind(std::span<const Value> keys) {
  std::vector<Value> firsts;
  firsts.reserve(keys.size());
  for (Value v : keys) {
    if (type_of(v) != types().tuple || v.as<Tuple>()->items.empty()) return KeyKind::Other;
    firsts.push_back(v.as<Tuple>()->items[0]);
  }
  return common_key_kind(firsts);
}

// -1, 0 or 1 for two first items of the given plain kind.
int compare_plain(KeyKind kind, Value a, Value b) {
  switch (kind) {
    case KeyKind::SmallInt: {
      int64_t x = a.small_int_value(), y = b.small_int_value();
      return (x > y) - (x < y);
    }
    case KeyKind::Float: {
      double x = float_value(a), y = float_value(b);
      return (x > y) - (x < y);
    }
    case KeyKind::Str: {
      int c = a.as<Str>()->view().compare(b.as<Str>()->view());
      return (c > 0) - (c < 0);
    }
    case KeyKind::Other: break;
  }
  return 0;
}

std::vector<uint32_t> sort_general(std::span<const Value> keys, bool reverse) {
  std::vector<uint32_t> order(keys.size()), buffer;
  for (size_t i = 0; i < keys.size(); ++i) order[i] = static_cast<uint32_t>(i);
  KeyKind first_kind = common_first_item_kind(keys);
  auto key_less = [&](Value x, Value y) {
    if (first_kind != KeyKind::Other) {
      int c = compare_plain(first_kind, x.as<Tuple>()->items[0], y.as<Tuple>()->items[0]);
      if (c != 0) return c < 0;
    }
    return compare_bool(x, y, kLt);
  };
  auto less = [&](uint32_t x, uint32_t y) { return reverse ? key_less(keys[y], keys[x]) : key_less(keys[x], keys[y]); };
  merge_sort(order, buffer, 0, keys.size(), less);
  return order;
}

}  // namespace

void sort_by_keys(ValueVector& items, std::span<const Value> keys, bool reverse) {
  if (items.size() < 2) return;
  if (items.size() > UINT32_MAX) raise_error(exc().MemoryError, "");
  std::vector<uint32_t> order;
  switch (common_key_kind(keys)) {
    case KeyKind::SmallInt:
      order = sort_plain<int64_t>(
          keys, reverse, [](Value v) { return v.small_int_value(); }, [](int64_t a, int64_t b) { return a < b; });
      break;
    case KeyKind::Float:
      order = sort_plain<double>(
          keys, reverse, [](Value v) { return float_value(v); }, [](double a, double b) { return a < b; });
      break;
    case KeyKind::Str:  // views keep the bytes one indirection closer than the Str
      order = sort_plain<std::string_view>(
          keys, reverse, [](Value v) { return v.as<Str>()->view(); },
          [](std::string_view a, std::string_view b) { return a < b; });
      break;
    case KeyKind::Other:
      order = sort_general(keys, reverse);
      break;
  }
  ValueVector sorted(items.size());
  for (size_t i = 0; i < order.size(); ++i) sorted[i] = items[order[i]];
  items.swap(sorted);
}

}  // namespace gilvm
