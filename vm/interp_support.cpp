// The interpreter loop's helpers; see interp_support.hpp.
#include "vm/interp_support.hpp"

#include <algorithm>
#include <span>

#include "vm/call.hpp"
#include "vm/errors.hpp"
#include "vm/heap/heap.hpp"
#include "vm/import.hpp"
#include "vm/names.hpp"
#include "vm/objects/dict.hpp"
#include "vm/objects/frame_object.hpp"
#include "vm/objects/number.hpp"
#include "vm/objects/sequence.hpp"
#include "vm/objects/str.hpp"
#include "vm/ops.hpp"
#include "vm/text/repr.hpp"
#include "vm/thread_state.hpp"

namespace gilvm {

[[noreturn]] void name_error(Str* name) {
  raise_error(exc().NameError, "name '" + name->data + "' is not defined");
}

[[noreturn]] void unbound_local(Code* code, uint32_t index) {
  raise_error(exc().UnboundLocalError, "cannot access local variable '" + code->varnames[index]->data +
                                           "' where it is not associated with a value");
}

[[noreturn]] void unbound_deref(Code* code, uint32_t slot) {
  uint32_t i = slot - code->nlocals();
  if (i < code->cellvars.size())
    raise_error(exc().UnboundLocalError, "cannot access local variable '" + code->cellvars[i]->data +
                                             "' where it is not associated with a value");
  Str* name = code->freevars[i - code->cellvars.size()];
  raise_error(exc().NameError, "cannot access free variable '" + name->data +
                                   "' where it is not associated with a value in enclosing scope");
}

static Value load_global(Frame* frame, Str* name) {
  Value v = frame->globals->table.get_str(name);
  if (!v.is_null()) return v;
  if (frame->builtins != nullptr) {
    v = frame->builtins->table.get_str(name);
    if (!v.is_null()) return v;
  }
  name_error(name);
}

// LOAD_GLOBAL's general path: looks the name up and records where it was.
Value load_global_filling(Frame* frame, Str* name, GlobalCache& cache) {
  const DictTable& globals = frame->globals->table;
  int64_t entry = globals.find_str_entry(name);
  if (entry >= 0) {
    cache.globals_entry = static_cast<int32_t>(entry);
    cache.builtins_entry = -1;
    return globals.entry_at(static_cast<size_t>(entry)).value;
  }
  cache.globals_entry = -1;
  cache.builtins_entry = -1;
  if (frame->builtins != nullptr) {
    const DictTable& builtins = frame->builtins->table;
    entry = builtins.find_str_entry(name);
    if (entry >= 0) {
      cache.builtins_entry = static_cast<int32_t>(entry);
      cache.globals_version = globals.version();
      return builtins.entry_at(static_cast<size_t>(entry)).value;
    }
  }
  name_error(name);
}

namespace {
Value cell_contents(Value v) {
  if (v.is_object() && type_of(v) == types().cell) return v.as<Cell>()->contents;
  return v;
}
}  // namespace

Dict* fast_locals_snapshot(Frame* f) {
  Dict* d = new_dict();
  Code* code = f->code;
  Value* slots = f->localsplus();
  const size_t nvars = code->varnames.size();
  const size_t ncells = code->cellvars.size();
  auto cell_index_of_arg = [&](size_t var) -> int64_t {
    for (size_t j = 0; j < ncells; ++j)
      if (j < code->cell_to_arg.size() && code->cell_to_arg[j] == static_cast<int32_t>(var)) return int64_t(j);
    return -1;
  };
  for (size_t i = 0; i < nvars; ++i) {
    int64_t cell = cell_index_of_arg(i);
    Value v = cell >= 0 ? cell_contents(slots[nvars + cell]) : slots[i];
    if (cell < 0 && v.is_object() && type_of(v) == types().cell) v = cell_contents(v);
    if (!v.is_null()) d->table.set(Value(code->varnames[i]), v);
  }
  for (size_t j = 0; j < ncells; ++j) {
    if (j < code->cell_to_arg.size() && code->cell_to_arg[j] >= 0) continue;
    Value v = cell_contents(slots[nvars + j]);
    if (!v.is_null()) d->table.set(Value(code->cellvars[j]), v);
  }
  for (size_t j = 0; j < code->freevars.size(); ++j) {
    Value v = cell_contents(slots[nvars + ncells + j]);
    if (!v.is_null()) d->table.set(Value(code->freevars[j]), v);
  }
  return d;
}

Value mapping_local_or_null(Frame* frame, Str* name) {
  // Any mapping: a KeyError means "not here", as in CPython.
  try {
    return get_item(Value(frame->locals_mapping), Value(name));
  } catch (PyException&) {
    if (!exception_matches(exc().KeyError)) throw;
    take_current_exception();
  }
  return Value::null();
}

Value load_name(Frame* frame, Str* name) {
  if (frame->locals != nullptr) {
    Value v = frame->locals->table.get_str(name);
    if (!v.is_null()) return v;
  } else if (frame->locals_mapping != nullptr) {
    Value v = mapping_local_or_null(frame, name);
    if (!v.is_null()) return v;
  }
  return load_global(frame, name);
}

void store_name(Frame* frame, Str* name, Value value) {
  if (frame->locals_mapping != nullptr) {
    set_item(Value(frame->locals_mapping), Value(name), value);
    return;
  }
  Dict* target = frame->locals ? frame->locals : frame->globals;
  target->table.set(name, value);
}

void delete_name(Frame* frame, Str* name) {
  if (frame->locals_mapping != nullptr) {
    try {
      del_item(Value(frame->locals_mapping), Value(name));
    } catch (PyException&) {
      if (!exception_matches(exc().KeyError)) throw;
      take_current_exception();
      name_error(name);
    }
    return;
  }
  Dict* target = frame->locals ? frame->locals : frame->globals;
  if (target->table.remove(name).is_null()) name_error(name);
}

void setup_annotations_in_mapping(Frame* frame) {
  Value mapping(frame->locals_mapping);
  try {
    get_item(mapping, Value(names().__annotations__));
  } catch (PyException&) {
    if (!exception_matches(exc().KeyError)) throw;
    take_current_exception();
    set_item(mapping, Value(names().__annotations__), Value(new_dict()));
  }
}

void import_star_into_mapping(Frame* frame, Value module) {
  Dict* names_found = new_dict();
  Value keep(names_found);  // a root while set_item runs Python
  import_star(module, names_found);
  const DictTable& table = names_found->table;
  for (size_t i = 0; i < table.entry_capacity(); ++i) {
    const DictEntry& e = table.entry_at(i);
    if (!e.key.is_null()) set_item(Value(frame->locals_mapping), e.key, e.value);
  }
}

// Fills `out` (count values, first item first) from an iterable.
void unpack_sequence(Value seq, uint32_t count, Value* out_reversed_top) {
  Type* t = type_of(seq);
  const std::vector<Value>* items = nullptr;
  if (t == types().tuple) items = &seq.as<Tuple>()->items;
  if (t == types().list) items = &seq.as<List>()->items;
  ValueVector collected;
  if (items == nullptr) {
    if (lookup_in_mro(t, names().__iter__).is_null() && lookup_in_mro(t, names().__getitem__).is_null())
      raise_type_error("cannot unpack non-iterable " + t->name + " object");
    Value it = get_iter(seq);
    for (;;) {
      Value x = iter_next(it);
      if (x.is_null()) break;
      if (collected.size() == count)
        raise_value_error("too many values to unpack (expected " + std::to_string(count) + ")");
      collected.push_back(x);
    }
  }
  std::span<const Value> values = items != nullptr ? std::span<const Value>(*items) : std::span<const Value>(collected);
  if (values.size() < count)
    raise_value_error("not enough values to unpack (expected " + std::to_string(count) + ", got " +
                      std::to_string(values.size()) + ")");
  if (values.size() > count)
    raise_value_error("too many values to unpack (expected " + std::to_string(count) + ")");
  for (uint32_t i = 0; i < count; ++i) out_reversed_top[count - 1 - i] = values[i];
}

// a, *b, c = seq: pushes (after in reverse), the star list, (before in reverse).
void unpack_ex(Value seq, uint32_t before, uint32_t after, Value* out) {
  ValueVector items = collect_iterable(seq);
  if (items.size() < before + after)
    raise_value_error("not enough values to unpack (expected at least " + std::to_string(before + after) +
                      ", got " + std::to_string(items.size()) + ")");
  uint32_t total = before + after + 1;
  // out[0] is the deepest slot: the last target.
  size_t n = items.size();
  for (uint32_t i = 0; i < after; ++i) out[i] = items[n - 1 - i];
  out[after] = new_list(std::vector<Value>(items.begin() + before, items.begin() + (n - after)));
  for (uint32_t i = 0; i < before; ++i) out[total - 1 - i] = items[i];
}

Value format_field(Value value, uint32_t flags, Value spec) {
  switch (flags & 3) {
    case 1: value = to_str(value); break;
    case 2: value = repr(value); break;
    case 3: {
      std::string r = repr_string(value);
      std::string ascii;
      for (size_t i = 0; i < r.size();) {
        unsigned char c = static_cast<unsigned char>(r[i]);
        if (c < 0x80) {
          ascii.push_back(static_cast<char>(c));
          ++i;
          continue;
        }
        // Decode one UTF-8 sequence and escape it.
        uint32_t cp;
        size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
        cp = c & (0xFF >> (len + 1));
        for (size_t k = 1; k < len && i + k < r.size(); ++k) cp = (cp << 6) | (r[i + k] & 0x3F);
        char buf[16];
        if (cp <= 0xFF) std::snprintf(buf, sizeof buf, "\\x%02x", cp);
        else if (cp <= 0xFFFF) std::snprintf(buf, sizeof buf, "\\u%04x", cp);
        else std::snprintf(buf, sizeof buf, "\\U%08x", cp);
        ascii += buf;
        i += len;
      }
      value = new_str(ascii);
      break;
    }
    default: break;
  }
  Str* spec_str = spec.is_null() ? intern("") : spec.as<Str>();
  return format_value(value, spec_str);
}


// The `raise` statement: makes the exception (an instance from a class,
// the cause attached) and stores it in the thread state for the unwinder.
// It does not throw: the interpreter jumps to its unwinding code directly,
// which costs far less than a C++ throw through the large interpreter
// function. Errors in the raise itself (not an exception) do throw.
void prepare_raise(ThreadState* ts, Value exception, Value cause) {
  if (exception.is_null()) {
    Value active = ts->handled_exception;
    if (active.is_null() || active.is_none()) raise_runtime_error("No active exception to reraise");
    ts->current_exception = active;
    ts->reraising = true;
    return;
  }
  if (is_exception_class(exception)) exception = call_object(exception, CallArgs{nullptr, 0});
  if (!is_exception_instance(exception)) raise_type_error("exceptions must derive from BaseException");
  if (!cause.is_null()) {
    if (is_exception_class(cause)) cause = call_object(cause, CallArgs{nullptr, 0});
    if (!cause.is_none() && !is_exception_instance(cause))
      raise_type_error("exception causes must derive from BaseException");
    auto* e = exception.as<ExceptionObject>();
    e->cause = cause.is_none() ? Value::null() : cause;
    e->suppress_context = true;
  }
  ts->current_exception = exception;
  ts->reraising = false;
}

// DICT_UPDATE (a dict display) and DICT_MERGE (a call's **kwargs): for a
// call, `callable` is set and a repeated keyword is an error naming it.
Value merge_call_kwargs(Value target, Value source, Value callable) {
  bool reject_duplicates = !callable.is_null();
  auto duplicate = [&](Value key) {
    raise_type_error(callable_display_name(callable) + " got multiple values for keyword argument '" +
                     key.as<Str>()->data + "'");
  };
  Dict* d = target.as<Dict>();
  if (type_of(source) == types().dict) {
    const DictTable& t = source.as<Dict>()->table;
    for (size_t i = 0; i < t.entry_capacity(); ++i) {
      const DictEntry& e = t.entry_at(i);
      if (e.key.is_null()) continue;
      if (reject_duplicates && !d->table.get(e.key, e.hash).is_null() && type_of(e.key) == types().str)
        duplicate(e.key);
      d->table.set(e.key, e.hash, e.value);
    }
    return target;
  }
  Value keys_method = get_attr_or_null(source, names().keys);
  if (keys_method.is_null())
    raise_type_error("'" + type_name(source) + "' object is not a mapping");
  Value keys = call_object(keys_method, CallArgs{nullptr, 0});
  for (Value k : collect_iterable(keys)) {
    if (reject_duplicates && !d->table.get(k).is_null() && type_of(k) == types().str) duplicate(k);
    d->table.set(k, get_item(source, k));
  }
  return target;
}

void add_traceback(Value exception, Frame* frame) {
  if (!is_exception_instance(exception)) return;
  if (frame->code->flags & kCodeHiddenFromTraceback) return;
  auto* e = exception.as<ExceptionObject>();
  uint32_t at = frame->pc == 0 ? 0 : frame->pc - 1;
  Traceback* next = e->traceback.is_null() ? nullptr : e->traceback.as<Traceback>();
  auto* entry = gc_new<Traceback>(types().traceback, next, frame->code, frame->code->line_at(at), at);
  entry->globals = frame->globals;
  entry->locals = frame_names_dict(frame);
  e->traceback = entry;
}

void chain_context(ThreadState* ts, Value exception) {
  Value handled = ts->handled_exception;
  if (handled.is_null() || handled.is_none() || handled.is(exception)) return;
  if (!is_exception_instance(exception)) return;
  auto* e = exception.as<ExceptionObject>();
  if (!e->context.is_null()) return;
  // Avoid creating a cycle in the context chain.
  for (Value c = handled; !c.is_null() && is_exception_instance(c); c = c.as<ExceptionObject>()->context) {
    if (c.is(exception)) {
      return;
    }
  }
  e->context = handled;
}

const ExceptionEntry* find_handler(const Code* code, uint32_t at) {
  for (const ExceptionEntry& entry : code->exception_table)
    if (at >= entry.start && at < entry.end) return &entry;
  return nullptr;
}

Value builtin_build_class_value(Frame* frame) {
  Value v = frame->builtins ? frame->builtins->table.get_str(names().__build_class__) : Value::null();
  if (v.is_null()) raise_error(exc().NameError, "__build_class__ not found");
  return v;
}

Value make_function_from_stack(Frame* frame, Value*& sp, uint32_t flags) {
  Code* code = (*--sp).as<Code>();
  Function* f = new_function(code, frame->globals);
  if (flags & 8) f->closure = (*--sp).as<Tuple>();
  if (flags & 4) f->annotations = (*--sp).as<Dict>();
  if (flags & 2) f->kwdefaults = (*--sp).as<Dict>();
  if (flags & 1) f->defaults = (*--sp).as<Tuple>();
  Value module_name = frame->globals->table.get_str(names().__name__);
  f->module = module_name.is_null() ? Value::none() : module_name;
  f->doc = code->doc.is_null() ? Value::none() : code->doc;
  return f;
}

// Collects the arguments of CALL_EX into one array: positionals, then the
// keyword values, with their names in a tuple.
namespace {
struct ExArgs {
  ValueVector values;
  Tuple* kwnames = nullptr;
  size_t positional = 0;
};
ExArgs collect_ex_args(Value args, Value kwargs) {
  ExArgs out;
  if (type_of(args) == types().tuple) {
    out.values = args.as<Tuple>()->items;
  } else {
    out.values = collect_iterable(args);
  }
  out.positional = out.values.size();
  if (!kwargs.is_null()) {
    ValueVector names_list;
    const DictTable& t = kwargs.as<Dict>()->table;
    for (size_t i = 0; i < t.entry_capacity(); ++i) {
      const DictEntry& e = t.entry_at(i);
      if (e.key.is_null()) continue;
      if (type_of(e.key) != types().str) raise_type_error("keywords must be strings");
      names_list.push_back(e.key);
      out.values.push_back(e.value);
    }
    if (!names_list.empty()) out.kwnames = new_tuple(std::move(names_list));
  }
  return out;
}
}  // namespace

Value concat_strings(const Value* parts, uint32_t n) {
  std::string out;
  for (uint32_t i = 0; i < n; ++i) out += parts[i].as<Str>()->data;
  return new_str(std::move(out));
}

// CPython's _PyObject_FunctionStr, for call-argument errors: "mod.qualname()"
// ("len()" for built-ins), or str(func) when it has no __qualname__.
std::string callable_display_name(Value func) {
  try {
    Value qualname = get_attr_or_null(func, intern("__qualname__"));
    if (qualname.is_null() || type_of(qualname) != types().str) return str_string(func);
    Value module = get_attr_or_null(func, names().__module__);
    const std::string& name = qualname.as<Str>()->data;
    if (!module.is_null() && type_of(module) == types().str && module.as<Str>()->data != "builtins")
      return module.as<Str>()->data + "." + name + "()";
    return name + "()";
  } catch (PyException&) {
    take_current_exception();
    return type_name(func) + " object";
  }
}

// f(*args, **kwargs): a Python function gets a new frame (returned through
// *callee, with nothing called yet); anything else is called here.
// `self_or_null` is what LOAD_METHOD left after the function (null for a
// plain callable). The common `obj.m(*args)` with a tuple and no keywords
// passes the tuple's items where it can (the tuple stays on the caller's
// stack, so they are rooted), or copies them after self into a small array
// on this C++ stack (scanned by the collector) instead of a ValueVector.
Value call_with_collected_args(ThreadState* ts, Value callable, Value self_or_null, Value args_value, Value kwargs,
                               Frame** callee) {
  if (self_or_null.is_null() && type_of(callable) == types().bound_method) {
    BoundMethod* m = callable.as<BoundMethod>();
    self_or_null = m->self;
    callable = m->function;
  }
  auto call_prepared = [&](CallArgs call_args) {
    if (type_of(callable) == types().function) return prepare_call(ts, callable.as<Function>(), call_args, callee);
    return call_object(callable, call_args);
  };
  constexpr size_t kSmall = 8;
  if (kwargs.is_null() && type_of(args_value) == types().tuple) {
    const std::vector<Value>& items = args_value.as<Tuple>()->items;
    if (self_or_null.is_null()) return call_prepared(CallArgs{items.data(), items.size(), nullptr});
    if (items.size() < kSmall) {
      Value with_self[kSmall];
      with_self[0] = self_or_null;
      std::copy(items.begin(), items.end(), with_self + 1);
      return call_prepared(CallArgs{with_self, items.size() + 1, nullptr});
    }
  }
  ExArgs ex = collect_ex_args(args_value, kwargs);
  Root keep_names(ex.kwnames);
  if (!self_or_null.is_null()) {
    ex.values.insert(ex.values.begin(), self_or_null);
    ex.positional += 1;
  }
  return call_prepared(CallArgs{ex.values.data(), ex.positional, ex.kwnames});
}

}  // namespace gilvm
