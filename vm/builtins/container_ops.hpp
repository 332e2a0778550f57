// Shared helpers of the container types: iterators, reprs with recursion
// guards, sequence comparison, and the fast iteration entry the
// interpreter's FOR_ITER uses for built-in iterators.
#pragma once

#include <span>
#include <string>
#include <vector>

#include "vm/object.hpp"

namespace gilvm {

struct List;
struct Tuple;
struct Dict;

// The iterator object shared by list, tuple, range, dict views, set and str:
// `kind` says what it walks. Exhausted iterators drop their source.
// Object::flags bit marking SeqIterator objects (cheaper than dynamic_cast
// on the FOR_ITER hot path).
constexpr uint32_t kSeqIteratorFlag = 1u << 16;

struct SeqIterator : Object {
  // BigRange: a range beyond int64 (Range::is_big); `index` counts the
  // items produced (no program lives to produce 2**63 of them).
  enum class Kind : uint8_t { List, Tuple, Range, BigRange, DictKeys, DictValues, DictItems, Set, Str, ListReversed };
  Kind kind;
  Value source;
  int64_t index = 0;
  int64_t step = 1;        // ranges
  int64_t remaining = 0;   // ranges
  uint64_t version = 0;    // dicts and sets: detect resizing during iteration
  size_t expected_size = 0;
  SeqIterator(Type* t, Kind k, Value s) : Object(t), kind(k), source(s) { flags |= kSeqIteratorFlag; }
  void trace(Tracer& tr) override { tr.visit(source); }
};

Value make_iterator(SeqIterator::Kind kind, Value source);
// Next item of a built-in iterator, or null when exhausted.
Value seq_iterator_next(SeqIterator* it);
// dict.items() for `for k, v in d.items()`: the next key and value with no
// 2-tuple made; Type::pair_step's contract (1, 0, or -1 for other kinds).
int seq_iterator_next_pair(SeqIterator* it, Value* key, Value* value);
inline bool is_seq_iterator(Value v) { return v.is_object() && (v.object()->flags & kSeqIteratorFlag) != 0; }

// repr of a sequence of items between `open` and `close`, guarding against
// self-reference ([...]).
std::string items_repr(Value container, const std::vector<Value>& items, const char* open, const char* close);
// list[key] or tuple[key] for an int or a slice (their __getitem__).
Value sequence_getitem(Value self, const std::vector<Value>& items, Value key, bool is_list);

// a + b for two lists or two tuples (no Python code runs: a plain vector).
std::vector<Value> concatenated(std::span<const Value> a, std::span<const Value> b);

// list[slice] = value: list.__setitem__ and the interpreter's STORE_SUBSCR
// on exact lists.
struct Slice;
void list_assign_slice(List* l, const Slice* slice, Value value);

// -1, 0, 1 comparing two sequences lexicographically with `op` semantics.
Value sequence_compare(const std::vector<Value>& a, const std::vector<Value>& b, uint32_t op);
int64_t tuple_hash_of(const std::vector<Value>& items);

// For the constructors of mutable containers (list, dict, set): true when
// `type` is a subclass whose __init__ is written in Python. Then, as
// CPython's tp_new does, the constructor leaves the arguments to that
// __init__ (which may take others and call super().__init__ itself).
bool init_takes_arguments(Type* type, Type* builtin);

}  // namespace gilvm
