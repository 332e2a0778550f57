// BaseExceptionGroup and ExceptionGroup, and the `except*` steps; the
// contract is in vm/exception_group.hpp.
#include "vm/exception_group.hpp"

#include <functional>
#include <string>
#include <unordered_set>

#include "vm/builtins/install.hpp"
#include "vm/class_builder.hpp"
#include "vm/errors.hpp"
#include "vm/heap/heap.hpp"
#include "vm/heap/value_vector.hpp"
#include "vm/interp.hpp"
#include "vm/names.hpp"
#include "vm/native.hpp"
#include "vm/objects/dict.hpp"
#include "vm/objects/sequence.hpp"
#include "vm/objects/str.hpp"
#include "vm/ops.hpp"
#include "vm/thread_state.hpp"

namespace gilvm {

Value exception_construct(Type* type, const CallArgs& args);  // vm/builtins/exception_methods.cpp

bool is_exception_group(Value v) { return isinstance(v, exc().BaseExceptionGroup); }

namespace {

Value group_message(Value eg) { return get_attr(eg, "message"); }
Tuple* group_members(Value eg) {
  Value v = get_attr(eg, "exceptions");
  if (!isinstance(v, types().tuple)) raise_type_error("exceptions must be a tuple");
  return v.as<Tuple>();
}

// BaseExceptionGroup.__new__(cls, message, exceptions).
Value group_construct(Type* type, const CallArgs& a) {
  if (a.kwnames != nullptr && !a.kwnames->items.empty()) raise_type_error(type->name + "() takes no keyword arguments");
  if (a.count != 2)
    raise_type_error("BaseExceptionGroup.__new__() takes exactly 2 arguments (" + std::to_string(a.count) + " given)");
  if (!isinstance(a[0], types().str)) raise_type_error("BaseExceptionGroup.__new__() argument 1 must be str, not " + type_name(a[0]));
  Value sequence = a[1];
  if (isinstance(sequence, types().dict) || lookup_in_mro(type_of(sequence), names().__getitem__).is_null())
    raise_type_error("second argument (exceptions) must be a sequence");
  ValueVector members = collect_iterable(sequence);
  if (members.empty()) raise_value_error("second argument (exceptions) must be a non-empty sequence");
  bool all_exceptions = true;
  for (size_t i = 0; i < members.size(); ++i) {
    if (!is_exception_instance(members[i]))
      raise_value_error("Item " + std::to_string(i) + " of second argument (exceptions) is not an exception");
    if (!isinstance(members[i], exc().Exception)) all_exceptions = false;
  }
  if (type == exc().BaseExceptionGroup) {
    if (all_exceptions) type = exc().ExceptionGroup;
  } else if (type == exc().ExceptionGroup) {
    if (!all_exceptions) raise_type_error("Cannot nest BaseExceptions in an ExceptionGroup");
  } else if (!all_exceptions && type->is_subtype_of(exc().Exception)) {
    raise_type_error("Cannot nest BaseExceptions in '" + type->name + "'");
  }
  Value group = exception_construct(type, a);
  set_attr(group, intern("message"), a[0]);
  set_attr(group, intern("exceptions"), new_tuple(std::vector<Value>(members.begin(), members.end())));
  return group;
}

Value group_init(const CallArgs& a) {
  // As CPython: __init__ accepts what __new__ took (a subclass may pass
  // more to its own __init__), and keeps args as given.
  if (a.count == 0 || !is_exception_instance(a[0])) raise_type_error("descriptor '__init__' requires a 'BaseExceptionGroup' object");
  a[0].as<ExceptionObject>()->args = new_tuple(std::vector<Value>(a.args + 1, a.args + a.count));
  return Value::none();
}

Value group_str(const CallArgs& a) {
  Value eg = a[0];
  size_t n = group_members(eg)->size();
  return new_str(str_string(group_message(eg)) + " (" + std::to_string(n) + " sub-exception" + (n == 1 ? "" : "s") + ")");
}


// A derived group carries the original's traceback, cause, context and
// notes, as CPython's split() does.
Value derive_like(Value eg, const ValueVector& members) {
  Value list = new_list(std::vector<Value>(members.begin(), members.end()));
  Value derived = call_method(eg, "derive", {list});
  if (!is_exception_group(derived)) raise_type_error("derive must return an instance of BaseExceptionGroup");
  auto* from = eg.as<ExceptionObject>();
  auto* to = derived.as<ExceptionObject>();
  to->traceback = from->traceback;
  to->cause = from->cause;
  to->context = from->context;
  to->suppress_context = from->suppress_context;
  Value notes = get_attr_or_null(eg, intern("__notes__"));
  if (!notes.is_null()) set_attr(derived, intern("__notes__"), notes);
  return derived;
}

using Matcher = std::function<bool(Value)>;

// (match, rest), each null when empty. The matcher sees groups too: a
// group that matches as a whole goes to `match` entire.
std::pair<Value, Value> split_group(Value eg, const Matcher& matches) {
  if (matches(eg)) return {eg, Value::null()};
  if (!is_exception_group(eg)) return {Value::null(), eg};
  ValueVector matched, rest;
  Tuple* members = group_members(eg);
  for (size_t i = 0; i < members->size(); ++i) {
    auto [m, r] = split_group(members->items[i], matches);
    if (!m.is_null()) matched.push_back(m);
    if (!r.is_null()) rest.push_back(r);
  }
  Value match = matched.empty() ? Value::null() : derive_like(eg, matched);
  Value remainder = rest.empty() ? Value::null() : derive_like(eg, rest);
  return {match, remainder};
}

// split()'s and subgroup()'s condition: an exception type, a tuple of
// them, or a predicate.
Matcher condition_matcher(Value condition) {
  if (is_exception_class(condition)) {
    Type* t = condition.as<Type>();
    return [t](Value e) { return isinstance(e, t); };
  }
  if (isinstance(condition, types().tuple)) {
    for (Value item : condition.as<Tuple>()->items)
      if (!is_exception_class(item)) raise_type_error("expected a function, exception type or tuple of exception types");
    return [condition](Value e) { return exception_matches_class(e, condition); };
  }
  if (is_callable(condition)) {
    return [condition](Value e) { return is_truthy(call_object(condition, CallArgs{&e, 1})); };
  }
  raise_type_error("expected a function, exception type or tuple of exception types");
}

Value or_none(Value v) { return v.is_null() ? Value::none() : v; }

Value group_split(const CallArgs& a) {
  check_arg_count(a, "split", 2, 2);
  auto [match, rest] = split_group(a[0], condition_matcher(a[1]));
  return new_tuple({or_none(match), or_none(rest)});
}

Value group_subgroup(const CallArgs& a) {
  check_arg_count(a, "subgroup", 2, 2);
  return or_none(split_group(a[0], condition_matcher(a[1])).first);
}

Value group_derive(const CallArgs& a) {
  check_arg_count(a, "derive", 2, 2);
  Value args[] = {group_message(a[0]), a[1]};
  return call_object(exc().BaseExceptionGroup, CallArgs{args, 2});
}

Value group_class_getitem(const CallArgs& a) {
  check_arg_count(a, "__class_getitem__", 2, 2);
  return new_generic_alias(a[0], a[1]);
}

// -- except* ----------------------------------------------------------------------
// The state is a list: [original, unhandled rest or None, raised (list),
// re-raised (list), the current clause's match or None].
enum StateSlot { kOriginal, kRest, kRaised, kReraised, kMatch, kSlots };

List* state_list(Value state) { return state.as<List>(); }

// The leaves of an exception tree, by identity.
void collect_leaves(Value e, std::unordered_set<uint64_t>& out) {
  if (!is_exception_group(e)) {
    out.insert(e.raw());
    return;
  }
  for (Value member : group_members(e)->items) collect_leaves(member, out);
}

}  // namespace

Value star_prepare(Value raised) {
  return new_list({raised, raised, new_list(), new_list(), Value::none()});
}

Value star_match(Value state, Value match_type) {
  // A group type would match the wrapper groups this machinery makes.
  auto is_group_type = [](Value t) { return is_exception_class(t) && t.as<Type>()->is_subtype_of(exc().BaseExceptionGroup); };
  bool bad = is_group_type(match_type);
  if (isinstance(match_type, types().tuple))
    for (Value t : match_type.as<Tuple>()->items) bad = bad || is_group_type(t);
  if (bad) raise_type_error("catching ExceptionGroup with except* is not allowed. Use except instead.");
  if (!is_exception_class(match_type) && !isinstance(match_type, types().tuple))
    raise_type_error("catching classes that do not inherit from BaseException is not allowed");
  if (isinstance(match_type, types().tuple))
    for (Value t : match_type.as<Tuple>()->items)
      if (!is_exception_class(t)) raise_type_error("catching classes that do not inherit from BaseException is not allowed");

  List* s = state_list(state);
  Value rest = s->items[kRest];
  s->items[kMatch] = Value::none();
  if (rest.is_none()) return Value::null();
  if (!is_exception_group(rest)) {
    if (!exception_matches_class(rest, match_type)) return Value::null();
    // A naked exception is handled as a group of one.
    Value members = new_tuple({rest});  // as CPython: its repr shows a tuple
    Value args[] = {new_str(""), members};
    Value wrapper = call_object(exc().BaseExceptionGroup, CallArgs{args, 2});
    wrapper.as<ExceptionObject>()->traceback = rest.as<ExceptionObject>()->traceback;
    s->items[kRest] = Value::none();
    s->items[kMatch] = wrapper;
    return wrapper;
  }
  auto [match, remainder] = split_group(rest, [match_type](Value e) { return exception_matches_class(e, match_type); });
  if (match.is_null()) return Value::null();
  s->items[kRest] = or_none(remainder);
  s->items[kMatch] = match;
  return match;
}

void star_record(Value state, Value raised) {
  List* s = state_list(state);
  List* into = (raised.is(s->items[kMatch]) ? s->items[kReraised] : s->items[kRaised]).as<List>();
  into->items.push_back(raised);
}

Value star_finish(Value state, bool* same) {
  *same = false;
  List* s = state_list(state);
  Value original = s->items[kOriginal];
  Value rest = s->items[kRest];
  List* raised = s->items[kRaised].as<List>();
  List* reraised = s->items[kReraised].as<List>();
  if (!is_exception_group(original)) {
    // At most one clause ran: whatever it raised, or the exception itself
    // when no clause matched.
    Value out = !raised->items.empty() ? raised->items[0] : !reraised->items.empty() ? reraised->items[0] : rest.is_none() ? Value::null() : rest;
    *same = out.is(original);
    return out;
  }
  // The part of the original tree still to propagate: the unhandled rest
  // and whatever was re-raised, in the original's shape.
  Value keep;
  if (raised->items.empty() && reraised->items.empty() && rest.is(original)) {
    keep = original;  // nothing matched
  } else {
    std::unordered_set<uint64_t> leaves;
    if (!rest.is_none()) collect_leaves(rest, leaves);
    for (Value r : reraised->items) collect_leaves(r, leaves);
    if (!leaves.empty())
      keep = split_group(original, [&leaves](Value e) { return !is_exception_group(e) && leaves.count(e.raw()) > 0; }).first;
  }
  if (raised->items.empty()) {
    *same = !keep.is_null() && keep.is(original);
    return keep;
  }
  ValueVector out(raised->items.begin(), raised->items.end());
  if (!keep.is_null()) out.push_back(keep);
  if (out.size() == 1) return out[0];
  Value args[] = {new_str(""), new_list(std::vector<Value>(out.begin(), out.end()))};
  return call_object(exc().BaseExceptionGroup, CallArgs{args, 2});
}

void install_exception_group_methods() {
  Type* base_group = exc().BaseExceptionGroup;
  Type* group = exc().ExceptionGroup;
  // ExceptionGroup(BaseExceptionGroup, Exception), as in CPython.
  group->bases = {base_group, exc().Exception};
  group->mro = compute_mro(group, group->bases);
  for (Type* t : {base_group, group}) t->construct = group_construct;
  add_method(base_group, "__init__", group_init);
  add_method(base_group, "__str__", group_str);
  add_method(base_group, "split", group_split);
  add_method(base_group, "subgroup", group_subgroup);
  add_method(base_group, "derive", group_derive);
  add_class_method(base_group, "__class_getitem__", group_class_getitem);
}

}  // namespace gilvm
