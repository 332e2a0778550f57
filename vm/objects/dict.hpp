// dict: an insertion-ordered hash table, laid out like CPython's compact dict.
//
// Entries live in a dense vector in insertion order (so iteration is a walk of
// that vector), and a separate power-of-two index of slot numbers is probed to
// find them. Deleting an entry leaves a hole in the entry vector (a null key)
// that the next resize squeezes out. Probing uses CPython's recurrence
// (i = 5*i + 1 + perturb), which keeps clustering low for the int keys whose
// hashes are their own values.
//
// Lookups call Python-level __eq__ and __hash__ for keys of user classes, so
// they may run Python code; a dict changed by such code during a lookup is
// detected and reported as CPython does ("dictionary changed size during
// iteration" applies to iteration only).
#pragma once

#include <cstdint>
#include <vector>

#include "vm/object.hpp"
#include "vm/objects/str.hpp"

namespace gilvm {

struct DictEntry {
  Value key;    // null for a deleted entry
  Value value;
  int64_t hash;
};

// The source of DictTable versions; advanced only under the GIL.
extern uint64_t dict_version_clock;

class DictTable {
 public:
  // Returns null when the key is absent.
  Value get(Value key) const;
  Value get(Value key, int64_t hash) const;
  // Fast path for interned-str keys (globals, attributes): pointer compare
  // first. The first probe is inline (it hits most of the time); the rest of
  // the probe sequence is out of line.
  Value get_str(Str* key) const {
    if (used_ == 0) return Value::null();
    int64_t hash = cached_str_hash(key);
    size_t i = static_cast<size_t>(hash) & (index_.size() - 1);
    int32_t slot = index_[i];
    if (slot >= 0 && entries_[slot].key.raw() == reinterpret_cast<uint64_t>(key)) return entries_[slot].value;
    if (slot == -1) return Value::null();
    return get_str_slow(key, hash);
  }
  // The entry number of a str key, or -1 when absent: for callers that cache
  // where a key lives (the interpreter's attribute caches) and then reach it
  // through entry_at() / set_value_at(), checking the key is still there.
  int64_t find_str_entry(Str* key) const;
  void set_value_at(size_t entry, Value value) { entries_[entry].value = value; }
  void set(Value key, Value value);
  // Adds a str key the caller has just found absent (find_str_entry).
  void insert_absent_str(Str* key, Value value) { insert_new(Value(key), cached_str_hash(key), value); }
  void set(Value key, int64_t hash, Value value);
  // Returns the removed value, or null when the key was absent.
  Value remove(Value key);
  Value remove(Value key, int64_t hash);
  bool contains(Value key) const { return !get(key).is_null(); }
  void clear();
  // Makes room for `n` entries in all (no regrowth until then).
  void reserve(size_t n);
  size_t size() const { return used_; }

  // Iteration in insertion order: positions run over 0..entry_capacity() and
  // skip holes, so an iterator keeps a position that stays valid across
  // lookups (but not across inserts that resize, which the iterator detects
  // through version()).
  size_t entry_capacity() const { return entries_.size(); }
  const DictEntry& entry_at(size_t i) const { return entries_[i]; }
  uint64_t version() const { return version_; }

  void trace(Tracer& t) const;

 private:
  int64_t find_slot(Value key, int64_t hash) const;  // index into entries_, or -1
  Value get_str_slow(Str* key, int64_t hash) const;
  int64_t probe_str(Str* key, int64_t hash) const;   // entry number, or -1
  static int64_t cached_str_hash(Str* key);
  void insert_new(Value key, int64_t hash, Value value);
  void rebuild(size_t min_capacity);

  std::vector<DictEntry> entries_;
  std::vector<int32_t> index_;   // -1 empty, -2 deleted, else entry number
  size_t used_ = 0;
  size_t filled_ = 0;            // index slots not empty (used + deleted)
  // A fresh stamp from dict_version_clock on every insert and delete (not on
  // value updates): no two key sets of any dicts ever share a nonzero
  // version, and version 0 means "never had a key", so a cache may stamp a
  // lookup's answer with (version) alone (LOAD_GLOBAL does).
  uint64_t version_ = 0;
};

struct Dict : Object {
  DictTable table;
  explicit Dict(Type* t) : Object(t) {}
  void trace(Tracer& t) override { table.trace(t); }
  size_t size() const { return table.size(); }
};

Dict* new_dict();
// The attribute dict of a new instance of `type`, sized by the type's hint.
Dict* new_instance_dict(Type* type);

}  // namespace gilvm
