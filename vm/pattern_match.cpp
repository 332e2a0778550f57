#include "vm/pattern_match.hpp"

#include <string>
#include <vector>

#include "vm/errors.hpp"
#include "vm/heap/value_vector.hpp"
#include "vm/import.hpp"
#include "vm/names.hpp"
#include "vm/objects/dict.hpp"
#include "vm/objects/sequence.hpp"
#include "vm/objects/str.hpp"
#include "vm/ops.hpp"
#include "vm/types.hpp"

namespace gilvm {

namespace {

int64_t small(Value v) { return v.small_int_value(); }
const std::vector<Value>& items(Value tuple) { return tuple.as<Tuple>()->items; }

// isinstance(obj, cls) as the builtin does it, __instancecheck__ included
// (collections.abc's classes and any metaclass that defines one).
bool instance_of(Value obj, Value cls) {
  Type* meta = type_of(cls);
  if (!meta->is_builtin) {
    Value hook = lookup_in_mro(meta, intern("__instancecheck__"));
    if (!hook.is_null()) return is_truthy(call(hook, {cls, obj}));
  }
  return isinstance(obj, cls.as<Type>());
}

Value abc_class(const char* name) {
  Value fromlist = new_tuple({intern(name)});
  Value module = import_module(intern("collections.abc"), nullptr, fromlist, 0);
  return get_attr(module, name);
}

// CPython decides by type flags that list, tuple, range, deque, array and
// every registered collections.abc.Sequence carry; str, bytes and bytearray
// never match a sequence pattern.
bool is_match_sequence(Value v) {
  Type* t = type_of(v);
  if (t == types().list || t == types().tuple) return true;
  if (isinstance(v, types().str) || isinstance(v, types().bytes) || isinstance(v, types().bytearray) ||
      isinstance(v, types().dict))
    return false;
  return instance_of(v, abc_class("Sequence"));
}

bool is_match_mapping(Value v) {
  if (isinstance(v, types().dict)) return true;
  if (type_of(v) == types().list || type_of(v) == types().tuple || isinstance(v, types().str)) return false;
  return instance_of(v, abc_class("Mapping"));
}

// The built-in classes whose one positional sub-pattern matches the subject
// itself (`case int(n)`).
bool matches_self(Type* t) {
  return t == types().bool_ || t == types().bytearray || t == types().bytes || t == types().dict ||
         t == types().float_ || t == types().frozenset || t == types().int_ || t == types().list ||
         t == types().set || t == types().str || t == types().tuple;
}

class Matcher {
 public:
  Matcher(const Value* values, size_t slots) : values_(values), slots_(slots) {}

  bool match(Value subject, Value node) {
    const std::vector<Value>& n = items(node);
    switch (small(n[0])) {
      case kMatchAs:
        if (!n[1].is_none() && !match(subject, n[1])) return false;
        if (small(n[2]) >= 0) slots_[small(n[2])] = subject;
        return true;
      case kMatchValue:
        return values_equal(subject, values_[small(n[1])]);
      case kMatchSingleton: {
        int64_t which = small(n[1]);
        return subject.is(which == 0 ? Value::none() : Value::boolean(which == 1));
      }
      case kMatchSequence: return match_sequence(subject, items(n[1]), small(n[2]));
      case kMatchMapping: return match_mapping(subject, items(n[1]), items(n[2]), small(n[3]));
      case kMatchClass: return match_class(subject, values_[small(n[1])], items(n[2]), items(n[3]), items(n[4]));
      case kMatchOr:
        for (Value alternative : items(n[1]))
          if (match(subject, alternative)) return true;
        return false;
      default:
        raise_error(exc().SystemError, "bad pattern descriptor");
    }
  }

  Value result() { return new_tuple(slots_); }

 private:
  bool match_sequence(Value subject, const std::vector<Value>& subs, int64_t star) {
    if (!is_match_sequence(subject)) return false;
    int64_t size = length(subject);
    int64_t fixed = static_cast<int64_t>(subs.size()) - (star >= 0 ? 1 : 0);
    if (star < 0 ? size != fixed : size < fixed) return false;
    for (int64_t i = 0; i < static_cast<int64_t>(subs.size()); ++i) {
      if (i == star) {
        int64_t slot = small(items(subs[i])[1]);
        if (slot >= 0) {
          ValueVector middle;
          for (int64_t j = i; j < i + (size - fixed); ++j) middle.push_back(get_item(subject, Value::small_int(j)));
          slots_[slot] = new_list(middle);
        }
        continue;
      }
      int64_t index = star >= 0 && i > star ? size - (static_cast<int64_t>(subs.size()) - i) : i;
      if (!match(get_item(subject, Value::small_int(index)), subs[i])) return false;
    }
    return true;
  }

  bool match_mapping(Value subject, const std::vector<Value>& keys, const std::vector<Value>& subs,
                     int64_t rest) {
    if (!is_match_mapping(subject)) return false;
    if (static_cast<int64_t>(keys.size()) > length(subject)) return false;
    // Values are fetched with get(key, sentinel), as CPython does, so that
    // a defaultdict does not grow.
    Value sentinel = new_tuple();
    Dict* seen = new_dict();
    ValueVector found;
    for (Value index : keys) {
      Value key = values_[small(index)];
      if (!seen->table.get(key).is_null())
        raise_error(exc().ValueError, "mapping pattern checks duplicate key (" + repr_string(key) + ")");
      seen->table.set(key, Value::none());
      Value v = call_method(subject, "get", {key, sentinel});
      if (v.is(sentinel)) return false;
      found.push_back(v);
    }
    for (size_t i = 0; i < subs.size(); ++i)
      if (!match(found[i], subs[i])) return false;
    if (rest >= 0) {
      Dict* copy = new_dict();
      Value copy_value(copy);
      call_method(copy_value, "update", {subject});
      for (Value index : keys) copy->table.remove(values_[small(index)]);
      slots_[rest] = copy_value;
    }
    return true;
  }

  bool match_class(Value subject, Value cls, const std::vector<Value>& positional, const std::vector<Value>& names,
                   const std::vector<Value>& keyword) {
    if (!isinstance(cls, types().type)) raise_type_error("called match pattern must be a type");
    if (!instance_of(subject, cls)) return false;
    Type* type = cls.as<Type>();
    ValueVector attributes;  // the attribute name of each sub-pattern, positional first
    if (!positional.empty()) {
      if (matches_self(type)) {
        if (positional.size() > 1)
          raise_type_error(type->name + "() accepts 1 positional sub-pattern (" + std::to_string(positional.size()) +
                           " given)");
        if (!match(subject, positional[0])) return false;
      } else {
        Value match_args = get_attr_or_null(cls, intern("__match_args__"));
        std::vector<Value> declared;
        if (!match_args.is_null()) {
          if (type_of(match_args) != types().tuple)
            raise_type_error(type->name + ".__match_args__ must be a tuple (got " + type_name(match_args) + ")");
          declared = items(match_args);
        }
        if (positional.size() > declared.size())
          raise_type_error(type->name + "() accepts " + std::to_string(declared.size()) + " positional sub-pattern" +
                           (declared.size() == 1 ? "" : "s") + " (" + std::to_string(positional.size()) + " given)");
        for (size_t i = 0; i < positional.size(); ++i) {
          if (!isinstance(declared[i], types().str))
            raise_type_error("__match_args__ elements must be strings (got " + type_name(declared[i]) + ")");
          attributes.push_back(declared[i]);
        }
      }
    }
    for (Value name : names) attributes.push_back(name);
    for (size_t i = 0; i < attributes.size(); ++i)
      for (size_t j = 0; j < i; ++j)
        if (values_equal(attributes[i], attributes[j]))
          raise_type_error(type->name + "() got multiple sub-patterns for attribute " + repr_string(attributes[i]));
    size_t by_position = attributes.size() - names.size();
    for (size_t i = 0; i < attributes.size(); ++i) {
      Str* name = intern(attributes[i].as<Str>()->data);
      Value attribute = get_attr_or_null(subject, name);
      if (attribute.is_null()) return false;
      Value sub = i < by_position ? positional[i] : keyword[i - by_position];
      if (!match(attribute, sub)) return false;
    }
    return true;
  }

  const Value* values_;
  ValueVector slots_;  // a conservatively scanned buffer: matching runs Python
};

}  // namespace

Value match_pattern(Value subject, Value descriptor, const Value* values) {
  const std::vector<Value>& d = items(descriptor);
  Matcher matcher(values, static_cast<size_t>(small(d[0])));
  if (!matcher.match(subject, d[1])) return Value::none();
  return matcher.result();
}

}  // namespace gilvm
