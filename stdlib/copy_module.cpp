// _copy: the containers' half of copy.deepcopy, in C++.
//
// copy.deepcopy (stdlib/py/copy.py) calls _copy.deepcopy(x, memo, other).
// This walks exact lists, tuples and dicts and returns atomic values as
// they are, with CPython's rules: `memo` maps id(original) to its copy, a
// list or dict is entered in the memo before its items are copied (so
// cycles come back as cycles), and a tuple whose items all copy to
// themselves is returned unchanged. Any other value, including subclasses
// of the containers and anything with __deepcopy__ or __reduce_ex__, goes
// to `other(x, memo)`, the Python half, which calls back into
// copy.deepcopy for its parts. The memo is the caller's dict throughout,
// so __deepcopy__ hooks see and extend the same one.
//
// Recursion counts against the recursion limit (RecursionError for a
// structure nested too deep), as the Python version's own calls would.
#include "stdlib/stdlib.hpp"
#include "vm/errors.hpp"
#include "vm/import.hpp"
#include "vm/native.hpp"
#include "vm/objects/dict.hpp"
#include "vm/objects/module.hpp"
#include "vm/objects/number.hpp"
#include "vm/objects/sequence.hpp"
#include "vm/objects/str.hpp"
#include "vm/ops.hpp"
#include "vm/types.hpp"

namespace gilvm {

namespace {

class DeepCopier {
 public:
  DeepCopier(Dict* memo, Value other) : memo_(memo), other_(other) {}

  Value copy(Value x) {
    if (is_atomic(x)) return x;
    Value key = make_int(static_cast<int64_t>(x.raw()));  // id(x)
    Value known = memo_->table.get(key);
    if (!known.is_null()) return known;
    NativeRecursion depth(" while calling a Python object");
    Type* t = type_of(x);
    if (t == types().list) return copy_list(x, key);
    if (t == types().dict) return copy_dict(x, key);
    if (t == types().tuple) return copy_tuple(x, key);
    Value args[2] = {x, memo_};
    return call_object(other_, CallArgs{args, 2});
  }

 private:
  // As copy.py's atomic set: values deepcopy returns unchanged.
  static bool is_atomic(Value x) {
    if (x.is_small_int() || x.is_inline_float() || x.is_none() || x.is_bool()) return true;
    Type* t = type_of(x);
    const CoreTypes& ct = types();
    return t == ct.str || t == ct.int_ || t == ct.float_ || t == ct.bytes || t == ct.range ||
           t == ct.function || t == ct.native_function || t->is_subtype_of(ct.type);
  }

  Value copy_list(Value x, Value key) {
    List* copy = new_list();
    memo_->table.set(key, copy);
    // By index: an item's copy may run Python that changes the list.
    for (size_t i = 0; i < x.as<List>()->items.size(); ++i) {
      Value item = copy_item(x.as<List>()->items[i]);
      copy->items.push_back(item);
    }
    return copy;
  }

  Value copy_dict(Value x, Value key) {
    Dict* copy = new_dict();
    memo_->table.set(key, copy);
    const DictTable& source = x.as<Dict>()->table;
    uint64_t version = source.version();
    for (size_t i = 0; i < source.entry_capacity(); ++i) {
      const DictEntry& e = source.entry_at(i);
      if (e.key.is_null()) continue;
      Value k = e.key, v = e.value;
      Value k2 = copy_item(k);
      Value v2 = copy_item(v);
      if (source.version() != version) raise_error(exc().RuntimeError, "dictionary changed size during iteration");
      copy->table.set(k2, v2);
    }
    return copy;
  }

  Value copy_tuple(Value x, Value key) {
    const std::vector<Value>& items = x.as<Tuple>()->items;
    ValueVector copies;
    copies.reserve(items.size());
    bool same = true;
    for (Value item : items) {
      Value c = copy_item(item);
      same = same && c.is(item);
      copies.push_back(c);
    }
    // A cycle through a mutable item may have copied this tuple meanwhile.
    Value known = memo_->table.get(key);
    if (!known.is_null()) return known;
    if (same) return x;
    Value copy = new_tuple(copies);
    memo_->table.set(key, copy);
    return copy;
  }

  Value copy_item(Value v) { return copy(v); }

  Dict* memo_;
  Value other_;
};

Value copy_deepcopy(const CallArgs& a) {
  check_arg_count(a, "deepcopy", 3, 3);
  if (type_of(a[1]) != types().dict) raise_type_error("deepcopy memo must be a dict");
  DeepCopier copier(a[1].as<Dict>(), a[2]);
  return copier.copy(a[0]);
}

void init_copy(Module* m) { add_function(m, "deepcopy", copy_deepcopy); }

}  // namespace

void register_copy_module() { register_builtin_module("_copy", init_copy); }

}  // namespace gilvm
