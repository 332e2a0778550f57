// set and frozenset.
//
// The table follows CPython's set layout and probing exactly (open addressing
// with short linear runs, then the perturbed recurrence; growth when 3/5
// full), because scripts print sets and the order of their elements is
// the order of the table's slots: `{3, 1, 2}` must print as `{1, 2, 3}` here
// as it does under CPython. Deleted slots are marked "dummy" and reused.
#pragma once

#include <cstdint>
#include <vector>

#include "vm/object.hpp"

namespace gilvm {

class SetTable {
 public:
  SetTable() = default;
  ~SetTable();
  // The table may point into the object itself (the small table): never copied or moved.
  SetTable(const SetTable&) = delete;
  SetTable& operator=(const SetTable&) = delete;

  bool add(Value key);                 // false if it was already present
  bool add(Value key, int64_t hash);
  bool contains(Value key) const;
  bool contains(Value key, int64_t hash) const;
  bool discard(Value key);             // false if absent
  // Adds every key of `other` the way CPython's set_merge does (grow first,
  // then insert in other's slot order), so copies and unions keep CPython's order.
  void merge(const SetTable& other);
  void clear();
  size_t size() const { return used_; }
  // Iteration in slot order: positions 0..capacity(), skipping empty slots.
  size_t capacity() const { return mask_ + 1; }
  bool occupied(size_t i) const { return is_live(slots_[i].key); }
  Value key_at(size_t i) const { return slots_[i].key; }
  int64_t hash_at(size_t i) const { return slots_[i].hash; }
  uint64_t version() const { return version_; }
  void trace(Tracer& t) const;

 private:
  static constexpr size_t kMinSize = 8;
  static constexpr int kLinearProbes = 9;
  // A slot is empty (null key), live, or a deleted entry: a "dummy" key, a
  // special word that is no Python value, so a slot takes 16 bytes.
  static constexpr Value kDummy = Value(uint64_t{0xD0D0} << 3 | 0x2);
  static bool is_live(Value key) { return !key.is_null() && !key.is(kDummy); }
  struct Slot {
    Value key;
    int64_t hash = 0;
  };
  int64_t find(Value key, int64_t hash) const;
  void resize(size_t min_used);
  static void insert_clean(Slot* table, size_t mask, Value key, int64_t hash);

  // Sets of up to five keys, most of them, live in the small table inside
  // the object, as CPython's do; bigger tables are allocated.
  Slot* slots_ = small_;
  size_t mask_ = kMinSize - 1;
  size_t used_ = 0;
  size_t fill_ = 0;  // used + dummy
  uint64_t version_ = 0;
  Slot small_[kMinSize];
};

struct Set : Object {  // both set and frozenset
  SetTable table;
  mutable int64_t hash = -1;  // frozenset only
  explicit Set(Type* t) : Object(t) {}
  void trace(Tracer& t) override { table.trace(t); }
  size_t size() const { return table.size(); }
};

Set* new_set();
Set* new_frozenset();
bool is_set_like(Value v);  // set, frozenset or a subclass

}  // namespace gilvm
