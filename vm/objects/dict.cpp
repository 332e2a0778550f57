#include "vm/objects/dict.hpp"

#include "vm/heap/heap.hpp"
#include "vm/objects/str.hpp"
#include "vm/ops.hpp"
#include "vm/types.hpp"

namespace gilvm {

uint64_t dict_version_clock = 0;

namespace {
constexpr int32_t kEmpty = -1;
constexpr int32_t kDeleted = -2;
constexpr size_t kMinIndexSize = 8;
constexpr int kPerturbShift = 5;

bool keys_equal(Value stored, int64_t stored_hash, Value key, int64_t hash) {
  if (stored.is(key)) return true;
  if (stored_hash != hash) return false;
  if (stored.is_object() && key.is_object() && stored.object()->type == types().str &&
      key.object()->type == types().str) {
    return str_equal(stored.as<Str>(), key.as<Str>());
  }
  return values_equal(stored, key);
}
}  // namespace

Dict* new_dict() { return gc_new<Dict>(types().dict); }

Dict* new_instance_dict(Type* type) {
  Dict* d = new_dict();
  if (type->instance_dict_hint > 0) d->table.reserve(type->instance_dict_hint);
  return d;
}

void DictTable::reserve(size_t n) {
  if (n <= used_) return;
  entries_.reserve(n);
  if (n * 3 >= index_.size() * 2) rebuild(n);
}

int64_t DictTable::find_slot(Value key, int64_t hash) const {
  if (index_.empty()) return -1;
  size_t mask = index_.size() - 1;
  uint64_t perturb = static_cast<uint64_t>(hash);
  size_t i = static_cast<size_t>(hash) & mask;
  for (;;) {
    int32_t slot = index_[i];
    if (slot == kEmpty) return -1;
    if (slot >= 0) {
      const DictEntry& e = entries_[slot];
      if (!e.key.is_null() && keys_equal(e.key, e.hash, key, hash)) return slot;
    }
    perturb >>= kPerturbShift;
    i = (i * 5 + 1 + perturb) & mask;
  }
}

Value DictTable::get(Value key) const {
  if (used_ == 0) return Value::null();
  return get(key, hash_value(key));
}

Value DictTable::get(Value key, int64_t hash) const {
  int64_t slot = find_slot(key, hash);
  return slot < 0 ? Value::null() : entries_[slot].value;
}

int64_t DictTable::cached_str_hash(Str* key) { return key->hash != -1 ? key->hash : str_hash(key); }

Value DictTable::get_str_slow(Str* key, int64_t hash) const {
  int64_t slot = probe_str(key, hash);
  return slot < 0 ? Value::null() : entries_[slot].value;
}

int64_t DictTable::find_str_entry(Str* key) const {
  if (used_ == 0) return -1;
  return probe_str(key, cached_str_hash(key));
}

// The probe for a str key: pointer identity first (interned names), then
// equality, so a key spelled by a different str object is still found.
int64_t DictTable::probe_str(Str* key, int64_t hash) const {
  size_t mask = index_.size() - 1;
  uint64_t perturb = static_cast<uint64_t>(hash);
  size_t i = static_cast<size_t>(hash) & mask;
  for (;;) {
    int32_t slot = index_[i];
    if (slot == kEmpty) return -1;
    if (slot >= 0) {
      const DictEntry& e = entries_[slot];
      if (e.key.is(Value(key))) return slot;
      if (e.hash == hash && !e.key.is_null() && keys_equal(e.key, e.hash, key, hash)) return slot;
    }
    perturb >>= kPerturbShift;
    i = (i * 5 + 1 + perturb) & mask;
  }
}

void DictTable::set(Value key, Value value) { set(key, hash_value(key), value); }

void DictTable::set(Value key, int64_t hash, Value value) {
  int64_t slot = find_slot(key, hash);
  if (slot >= 0) {
    entries_[slot].value = value;
    return;
  }
  insert_new(key, hash, value);
}

void DictTable::insert_new(Value key, int64_t hash, Value value) {
  // Keep the index at most 2/3 full, counting deleted slots.
  if ((filled_ + 1) * 3 >= index_.size() * 2) rebuild(used_ + 1);
  size_t mask = index_.size() - 1;
  uint64_t perturb = static_cast<uint64_t>(hash);
  size_t i = static_cast<size_t>(hash) & mask;
  while (index_[i] >= 0) {
    perturb >>= kPerturbShift;
    i = (i * 5 + 1 + perturb) & mask;
  }
  if (index_[i] == kEmpty) ++filled_;
  index_[i] = static_cast<int32_t>(entries_.size());
  entries_.push_back({key, value, hash});
  ++used_;
  version_ = ++dict_version_clock;
}

// Rebuilds the index (and squeezes holes out of the entries) with room for
// at least `min_used` entries at a load of at most 1/3 after the rebuild.
void DictTable::rebuild(size_t min_used) {
  size_t size = kMinIndexSize;
  while (size < min_used * 3) size <<= 1;
  if (used_ != entries_.size()) {
    std::vector<DictEntry> live;
    live.reserve(used_);
    for (const DictEntry& e : entries_)
      if (!e.key.is_null()) live.push_back(e);
    entries_.swap(live);
  }
  index_.assign(size, kEmpty);
  size_t mask = size - 1;
  for (size_t n = 0; n < entries_.size(); ++n) {
    uint64_t perturb = static_cast<uint64_t>(entries_[n].hash);
    size_t i = static_cast<size_t>(entries_[n].hash) & mask;
    while (index_[i] != kEmpty) {
      perturb >>= kPerturbShift;
      i = (i * 5 + 1 + perturb) & mask;
    }
    index_[i] = static_cast<int32_t>(n);
  }
  filled_ = entries_.size();
  heap().note_allocation(size * sizeof(int32_t) + entries_.capacity() * sizeof(DictEntry));
  version_ = ++dict_version_clock;
}

Value DictTable::remove(Value key) {
  if (used_ == 0) return Value::null();
  return remove(key, hash_value(key));
}

Value DictTable::remove(Value key, int64_t hash) {
  if (index_.empty()) return Value::null();
  size_t mask = index_.size() - 1;
  uint64_t perturb = static_cast<uint64_t>(hash);
  size_t i = static_cast<size_t>(hash) & mask;
  for (;;) {
    int32_t slot = index_[i];
    if (slot == kEmpty) return Value::null();
    if (slot >= 0) {
      DictEntry& e = entries_[slot];
      if (!e.key.is_null() && keys_equal(e.key, e.hash, key, hash)) {
        Value old = e.value;
        e.key = Value::null();
        e.value = Value::null();
        index_[i] = kDeleted;
        --used_;
        version_ = ++dict_version_clock;
        // Trailing holes can simply be dropped, which keeps popitem()-style
        // use (delete the newest) from growing the entry vector.
        while (!entries_.empty() && entries_.back().key.is_null()) entries_.pop_back();
        return old;
      }
    }
    perturb >>= kPerturbShift;
    i = (i * 5 + 1 + perturb) & mask;
  }
}

void DictTable::clear() {
  entries_.clear();
  index_.clear();
  used_ = 0;
  filled_ = 0;
  version_ = ++dict_version_clock;
}

void DictTable::trace(Tracer& t) const {
  for (const DictEntry& e : entries_) {
    t.visit(e.key);
    t.visit(e.value);
  }
}

}  // namespace gilvm
