#include "vm/objects/set.hpp"

#include "vm/heap/heap.hpp"
#include "vm/objects/str.hpp"
#include "vm/ops.hpp"
#include "vm/types.hpp"

namespace gilvm {

namespace {
constexpr int kPerturbShift = 5;

bool same_key(Value stored, Value key) {
  if (stored.is(key)) return true;
  if (stored.is_object() && key.is_object() && stored.object()->type == types().str &&
      key.object()->type == types().str)
    return str_equal(stored.as<Str>(), key.as<Str>());
  return values_equal(stored, key);
}
}  // namespace

Set* new_set() { return gc_new<Set>(types().set); }
Set* new_frozenset() { return gc_new<Set>(types().frozenset); }

bool is_set_like(Value v) {
  if (!v.is_object()) return false;
  Type* t = v.object()->type;
  return t->is_subtype_of(types().set) || t->is_subtype_of(types().frozenset);
}

int64_t SetTable::find(Value key, int64_t hash) const {
  size_t mask = slots_.size() - 1;
  uint64_t perturb = static_cast<uint64_t>(hash);
  size_t i = static_cast<size_t>(hash) & mask;
  for (;;) {
    int probes = (i + kLinearProbes <= mask) ? kLinearProbes : 0;
    size_t j = i;
    do {
      const Slot& s = slots_[j];
      if (s.key.is_null() && !s.dummy) return -1;
      if (!s.dummy && s.hash == hash && same_key(s.key, key)) return static_cast<int64_t>(j);
      ++j;
    } while (probes--);
    perturb >>= kPerturbShift;
    i = (i * 5 + 1 + perturb) & mask;
  }
}

bool SetTable::contains(Value key) const { return contains(key, hash_value(key)); }
bool SetTable::contains(Value key, int64_t hash) const { return find(key, hash) >= 0; }
bool SetTable::add(Value key) { return add(key, hash_value(key)); }

bool SetTable::add(Value key, int64_t hash) {
  size_t mask = slots_.size() - 1;
  uint64_t perturb = static_cast<uint64_t>(hash);
  size_t i = static_cast<size_t>(hash) & mask;
  Slot* free_slot = nullptr;
  for (;;) {
    int probes = (i + kLinearProbes <= mask) ? kLinearProbes : 0;
    size_t j = i;
    do {
      Slot& s = slots_[j];
      if (s.key.is_null() && !s.dummy) {
        if (free_slot != nullptr) {
          free_slot->key = key;
          free_slot->hash = hash;
          free_slot->dummy = false;
          ++used_;
          ++version_;
          return true;
        }
        s.key = key;
        s.hash = hash;
        ++fill_;
        ++used_;
        ++version_;
        if (fill_ * 5 >= mask * 3) resize(used_ > 50000 ? used_ * 2 : used_ * 4);
        return true;
      }
      if (s.dummy) {
        if (free_slot == nullptr) free_slot = &s;
      } else if (s.hash == hash && same_key(s.key, key)) {
        return false;
      }
      ++j;
    } while (probes--);
    perturb >>= kPerturbShift;
    i = (i * 5 + 1 + perturb) & mask;
  }
}

void SetTable::insert_clean(std::vector<Slot>& table, Value key, int64_t hash) {
  size_t mask = table.size() - 1;
  uint64_t perturb = static_cast<uint64_t>(hash);
  size_t i = static_cast<size_t>(hash) & mask;
  for (;;) {
    int probes = (i + kLinearProbes <= mask) ? kLinearProbes : 0;
    size_t j = i;
    do {
      if (table[j].key.is_null()) {
        table[j].key = key;
        table[j].hash = hash;
        return;
      }
      ++j;
    } while (probes--);
    perturb >>= kPerturbShift;
    i = (i * 5 + 1 + perturb) & mask;
  }
}

// The new size is the smallest power of two above min_used (at least 8);
// live entries are re-inserted in old slot order, as CPython does, so the
// resulting order matches.
void SetTable::resize(size_t min_used) {
  size_t size = kMinSize;
  while (size <= min_used) size <<= 1;
  std::vector<Slot> table(size);
  for (const Slot& s : slots_)
    if (!s.key.is_null() && !s.dummy) insert_clean(table, s.key, s.hash);
  slots_.swap(table);
  fill_ = used_;
  heap().note_allocation(size * sizeof(Slot));
}

void SetTable::merge(const SetTable& other) {
  if (other.used_ == 0) return;
  size_t mask = slots_.size() - 1;
  if ((fill_ + other.used_) * 5 >= mask * 3) resize((used_ + other.used_) * 2);
  for (const Slot& s : other.slots_)
    if (!s.key.is_null() && !s.dummy) add(s.key, s.hash);
}

bool SetTable::discard(Value key) {
  int64_t j = find(key, hash_value(key));
  if (j < 0) return false;
  slots_[j].key = Value::null();
  slots_[j].dummy = true;
  --used_;
  ++version_;
  return true;
}

void SetTable::clear() {
  slots_.assign(kMinSize, Slot{});
  used_ = 0;
  fill_ = 0;
  ++version_;
}

void SetTable::trace(Tracer& t) const {
  for (const Slot& s : slots_) t.visit(s.key);
}

}  // namespace gilvm
