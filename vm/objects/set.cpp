#include "vm/objects/set.hpp"

#include <algorithm>

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

SetTable::~SetTable() {
  if (slots_ != small_) delete[] slots_;
}

// same_key may run a Python __eq__, which may add to, discard from or clear
// this very table: then the probe starts over on the table as it is now, as
// CPython's does.
int64_t SetTable::find(Value key, int64_t hash) const {
restart:
  uint64_t version = version_;
  size_t mask = mask_;
  uint64_t perturb = static_cast<uint64_t>(hash);
  size_t i = static_cast<size_t>(hash) & mask;
  for (;;) {
    int probes = (i + kLinearProbes <= mask) ? kLinearProbes : 0;
    size_t j = i;
    do {
      const Slot& s = slots_[j];
      if (s.key.is_null()) return -1;
      if (s.hash == hash && !s.key.is(kDummy)) {
        if (same_key(s.key, key)) return static_cast<int64_t>(j);
        if (version != version_) goto restart;
      }
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
restart:
  uint64_t version = version_;
  size_t mask = mask_;
  uint64_t perturb = static_cast<uint64_t>(hash);
  size_t i = static_cast<size_t>(hash) & mask;
  Slot* free_slot = nullptr;
  for (;;) {
    int probes = (i + kLinearProbes <= mask) ? kLinearProbes : 0;
    size_t j = i;
    do {
      Slot& s = slots_[j];
      if (s.key.is_null()) {
        if (free_slot != nullptr) {
          free_slot->key = key;
          free_slot->hash = hash;
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
      if (s.key.is(kDummy)) {
        if (free_slot == nullptr) free_slot = &s;
      } else if (s.hash == hash) {
        if (same_key(s.key, key)) return false;
        if (version != version_) goto restart;  // see find()
      }
      ++j;
    } while (probes--);
    perturb >>= kPerturbShift;
    i = (i * 5 + 1 + perturb) & mask;
  }
}

void SetTable::insert_clean(Slot* table, size_t mask, Value key, int64_t hash) {
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
  Slot* old = slots_;
  size_t old_size = mask_ + 1;
  // Shrinking back to the small table must not read and write it at once.
  Slot saved_small[kMinSize];
  if (old == small_) {
    std::copy(small_, small_ + kMinSize, saved_small);
    old = saved_small;
  }
  Slot* table = size == kMinSize ? small_ : new Slot[size]();
  if (table == small_) std::fill(small_, small_ + kMinSize, Slot{});
  for (size_t i = 0; i < old_size; ++i)
    if (is_live(old[i].key)) insert_clean(table, size - 1, old[i].key, old[i].hash);
  if (slots_ != small_) delete[] slots_;
  slots_ = table;
  mask_ = size - 1;
  fill_ = used_;
  if (size > kMinSize) heap().note_allocation(size * sizeof(Slot));
}

void SetTable::merge(const SetTable& other) {
  if (other.used_ == 0) return;
  if ((fill_ + other.used_) * 5 >= mask_ * 3) resize((used_ + other.used_) * 2);
  for (size_t i = 0; i <= other.mask_; ++i)
    if (is_live(other.slots_[i].key)) add(other.slots_[i].key, other.slots_[i].hash);
}

bool SetTable::discard(Value key) {
  int64_t j = find(key, hash_value(key));
  if (j < 0) return false;
  slots_[j].key = kDummy;
  --used_;
  ++version_;
  return true;
}

void SetTable::clear() {
  if (slots_ != small_) delete[] slots_;
  slots_ = small_;
  mask_ = kMinSize - 1;
  std::fill(small_, small_ + kMinSize, Slot{});
  used_ = 0;
  fill_ = 0;
  ++version_;
}

void SetTable::trace(Tracer& t) const {
  for (size_t i = 0; i <= mask_; ++i)
    if (is_live(slots_[i].key)) t.visit(slots_[i].key);
}

}  // namespace gilvm
