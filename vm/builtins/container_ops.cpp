#include "vm/builtins/container_ops.hpp"

#include <algorithm>

#include "vm/errors.hpp"
#include "vm/heap/heap.hpp"
#include "vm/names.hpp"
#include "vm/objects/dict.hpp"
#include "vm/objects/number.hpp"
#include "vm/objects/sequence.hpp"
#include "vm/objects/set.hpp"
#include "vm/objects/str.hpp"
#include "vm/opcodes.hpp"
#include "vm/ops.hpp"
#include "vm/text/utf8.hpp"

namespace gilvm {

namespace {
// Containers being repr'd on this thread, for the [...] guard.
thread_local std::vector<Object*> repr_in_progress;
}  // namespace

Value make_iterator(SeqIterator::Kind kind, Value source) {
  if (kind == SeqIterator::Kind::Range && source.as<Range>()->is_big()) kind = SeqIterator::Kind::BigRange;
  auto* it = gc_new<SeqIterator>(types().iterator, kind, source);
  if (kind == SeqIterator::Kind::Range) {
    Range* r = source.as<Range>();
    it->index = r->start;
    it->step = r->step;
    it->remaining = r->length;
  } else if (kind == SeqIterator::Kind::DictKeys || kind == SeqIterator::Kind::DictValues ||
             kind == SeqIterator::Kind::DictItems) {
    it->expected_size = source.as<Dict>()->size();
  } else if (kind == SeqIterator::Kind::Set) {
    it->expected_size = source.as<Set>()->size();
  } else if (kind == SeqIterator::Kind::ListReversed) {
    it->index = static_cast<int64_t>(source.as<List>()->items.size()) - 1;
  }
  return it;
}


namespace {
// The next live entry of a dict iterator's dict, or null at the end.
const DictEntry* next_dict_entry(SeqIterator* it) {
  Dict* d = it->source.as<Dict>();
  if (d->size() != it->expected_size) {
    it->source = Value::null();
    raise_runtime_error("dictionary changed size during iteration");
  }
  const DictTable& t = d->table;
  auto capacity = static_cast<int64_t>(t.entry_capacity());
  while (it->index < capacity && t.entry_at(it->index).key.is_null()) ++it->index;
  if (it->index >= capacity) return nullptr;
  return &t.entry_at(it->index++);
}
}  // namespace

int seq_iterator_next_pair(SeqIterator* it, Value* key, Value* value) {
  if (it->kind != SeqIterator::Kind::DictItems) return -1;
  if (it->source.is_null()) return 0;
  const DictEntry* e = next_dict_entry(it);
  if (e == nullptr) {
    it->source = Value::null();
    return 0;
  }
  *key = e->key;
  *value = e->value;
  return 1;
}

Value seq_iterator_next(SeqIterator* it) {
  if (it->source.is_null()) return Value::null();
  Value result;
  switch (it->kind) {
    case SeqIterator::Kind::List: {
      auto& items = it->source.as<List>()->items;
      if (it->index < static_cast<int64_t>(items.size())) result = items[it->index++];
      break;
    }
    case SeqIterator::Kind::ListReversed: {
      auto& items = it->source.as<List>()->items;
      if (it->index >= 0 && it->index < static_cast<int64_t>(items.size())) result = items[it->index--];
      break;
    }
    case SeqIterator::Kind::Tuple: {
      auto& items = it->source.as<Tuple>()->items;
      if (it->index < static_cast<int64_t>(items.size())) result = items[it->index++];
      break;
    }
    case SeqIterator::Kind::Range:
      if (it->remaining > 0) {
        result = make_int(it->index);
        it->index += it->step;
        --it->remaining;
      }
      break;
    case SeqIterator::Kind::BigRange: {
      Range* r = it->source.as<Range>();
      Mpz length(r->big_length);
      if (mpz_cmp_si(length.v, it->index) > 0) {
        Mpz item(r->big_step), start(r->big_start);
        mpz_mul_si(item.v, item.v, it->index++);
        mpz_add(item.v, item.v, start.v);
        result = item.value();
      }
      break;
    }
    case SeqIterator::Kind::DictKeys:
    case SeqIterator::Kind::DictValues:
    case SeqIterator::Kind::DictItems: {
      if (const DictEntry* e = next_dict_entry(it)) {
        if (it->kind == SeqIterator::Kind::DictKeys) result = e->key;
        else if (it->kind == SeqIterator::Kind::DictValues) result = e->value;
        else result = new_tuple({e->key, e->value});
      }
      break;
    }
    case SeqIterator::Kind::Set: {
      Set* s = it->source.as<Set>();
      if (s->size() != it->expected_size) {
        it->source = Value::null();
        raise_runtime_error("Set changed size during iteration");
      }
      const SetTable& t = s->table;
      while (it->index < static_cast<int64_t>(t.capacity()) && !t.occupied(it->index)) ++it->index;
      if (it->index < static_cast<int64_t>(t.capacity())) result = t.key_at(it->index++);
      break;
    }
    case SeqIterator::Kind::Str: {
      const std::string& s = it->source.as<Str>()->data;
      if (it->index < static_cast<int64_t>(s.size())) {
        size_t pos = static_cast<size_t>(it->index);
        char32_t cp = text::decode_utf8(s, pos);
        result = str_from_code_point(static_cast<uint32_t>(cp));
        it->index = static_cast<int64_t>(pos);
      }
      break;
    }
  }
  if (result.is_null()) it->source = Value::null();
  return result;
}

std::string items_repr(Value container, const std::vector<Value>& items, const char* open, const char* close) {
  Object* self = container.object();
  if (std::find(repr_in_progress.begin(), repr_in_progress.end(), self) != repr_in_progress.end())
    return std::string(open) + "..." + close;
  repr_in_progress.push_back(self);
  std::string out = open;
  try {
    for (size_t i = 0; i < items.size(); ++i) {
      if (i > 0) out += ", ";
      out += repr_string(items[i]);
    }
  } catch (...) {
    repr_in_progress.pop_back();
    throw;
  }
  repr_in_progress.pop_back();
  return out + close;
}

Value sequence_compare(const std::vector<Value>& a, const std::vector<Value>& b, uint32_t op) {
  size_t n = std::min(a.size(), b.size());
  size_t i = 0;
  for (; i < n; ++i)
    if (!a[i].is(b[i]) && !values_equal(a[i], b[i])) break;
  if (i == n) {
    return Value::boolean(compare_machine_values(a.size(), b.size(), op));
  }
  if (op == kEq) return Value::false_value();
  if (op == kNe) return Value::true_value();
  return compare(a[i], b[i], op);
}

// CPython 3.11's tuple hash (xxHash-based), so hash((1, 2)) matches.
int64_t tuple_hash_of(const std::vector<Value>& items) {
  constexpr uint64_t kPrime1 = 11400714785074694791ull;
  constexpr uint64_t kPrime2 = 14029467366897019727ull;
  constexpr uint64_t kPrime5 = 2870177450012600261ull;
  uint64_t acc = kPrime5;
  for (Value item : items) {
    uint64_t lane = static_cast<uint64_t>(hash_value(item));
    acc += lane * kPrime2;
    acc = (acc << 31) | (acc >> 33);
    acc *= kPrime1;
  }
  acc += items.size() ^ (kPrime5 ^ 3527539ull);
  if (acc == static_cast<uint64_t>(-1)) return 1546275796;
  return static_cast<int64_t>(acc);
}

bool init_takes_arguments(Type* type, Type* builtin) {
  if (type == builtin) return false;
  Value init = lookup_in_mro(type, names().__init__);
  return !init.is_null() && type_of(init) == types().function;
}

}  // namespace gilvm
