// The atexit module: functions to call at normal interpreter exit.
//
// As CPython 3.11: the runner calls them after the non-daemon threads were
// joined (threading._shutdown) and before objects are finalized, last
// registered first. An exception in one is printed ("Exception ignored in
// atexit callback: <function f at 0x...>" and its traceback) and the others
// still run. os._exit() and death by a signal skip them; a fork child that
// exits normally runs the ones it inherited.
#include "stdlib/atexit_module.hpp"

#include "stdlib/stdlib.hpp"
#include "vm/builtins_core.hpp"
#include "vm/errors.hpp"
#include "vm/heap/value_vector.hpp"
#include "vm/import.hpp"
#include "vm/native.hpp"
#include "vm/objects/dict.hpp"
#include "vm/objects/module.hpp"
#include "vm/objects/number.hpp"
#include "vm/objects/sequence.hpp"
#include "vm/objects/str.hpp"
#include "vm/opcodes.hpp"
#include "vm/ops.hpp"

namespace gilvm {

namespace {

// Three Values per callback: the function, its positional arguments (a
// tuple) and its keyword arguments (a dict, or None). A ValueVector that is
// never destroyed, so a GC root for the life of the process.
ValueVector& callbacks() {
  static auto* all = new ValueVector();
  return *all;
}
constexpr size_t kStride = 3;

Value atexit_register(const CallArgs& a) {
  if (a.count == 0) raise_type_error("register() takes at least 1 argument (0 given)");
  Value func = a[0];
  if (!is_callable(func)) raise_type_error("the first argument must be callable");
  ValueVector args(a.args + 1, a.args + a.count);
  Value kwargs = Value::none();
  if (a.kwnames != nullptr && !a.kwnames->items.empty()) {
    Dict* d = new_dict();
    for (size_t i = 0; i < a.kwnames->items.size(); ++i) d->table.set(a.kwnames->items[i], a.kw_value(i));
    kwargs = d;
  }
  ValueVector& all = callbacks();
  all.push_back(func);
  all.push_back(new_tuple(std::move(args)));
  all.push_back(kwargs);
  return func;
}

Value atexit_unregister(const CallArgs& a) {
  check_arg_count(a, "unregister", 1, 1);
  Value func = a[0];
  // Compared with ==, which may run Python: look at a copy.
  ValueVector snapshot = callbacks();
  ValueVector kept;
  for (size_t i = 0; i < snapshot.size(); i += kStride) {
    if (compare_bool(snapshot[i], func, kEq)) continue;
    kept.insert(kept.end(), snapshot.begin() + static_cast<std::ptrdiff_t>(i),
                snapshot.begin() + static_cast<std::ptrdiff_t>(i + kStride));
  }
  callbacks() = std::move(kept);
  return Value::none();
}

Value atexit_run_exitfuncs(const CallArgs& a) {
  check_arg_count(a, "_run_exitfuncs", 0, 0);
  run_atexit_callbacks();
  return Value::none();
}

Value atexit_clear(const CallArgs& a) {
  check_arg_count(a, "_clear", 0, 0);
  callbacks().clear();
  return Value::none();
}

Value atexit_ncallbacks(const CallArgs& a) {
  check_arg_count(a, "_ncallbacks", 0, 0);
  return make_int(static_cast<int64_t>(callbacks().size() / kStride));
}

void call_one(Value func, Value args, Value kwargs) {
  Tuple* positional = args.as<Tuple>();
  ValueVector all = positional->items;
  Tuple* names = nullptr;
  if (!kwargs.is_none()) {
    ValueVector keys;
    const DictTable& t = kwargs.as<Dict>()->table;
    for (size_t i = 0; i < t.entry_capacity(); ++i) {
      if (t.entry_at(i).key.is_null()) continue;
      keys.push_back(t.entry_at(i).key);
      all.push_back(t.entry_at(i).value);
    }
    names = new_tuple(std::move(keys));
  }
  call_object(func, CallArgs{all.data(), positional->items.size(), names});
}

void init_atexit(Module* m) {
  add_function(m, "register", atexit_register);
  add_function(m, "unregister", atexit_unregister);
  add_function(m, "_run_exitfuncs", atexit_run_exitfuncs);
  add_function(m, "_clear", atexit_clear);
  add_function(m, "_ncallbacks", atexit_ncallbacks);
}

}  // namespace

void run_atexit_callbacks() {
  // Taken out first: a callback that registers another does not make the
  // loop endless, and the list is empty afterwards, as in CPython.
  ValueVector pending = std::move(callbacks());
  callbacks().clear();
  for (size_t i = pending.size(); i >= kStride; i -= kStride) {
    Value func = pending[i - kStride];
    try {
      call_one(func, pending[i - kStride + 1], pending[i - kStride + 2]);
    } catch (PyException&) {
      write_unraisable("Exception ignored in atexit callback: " + repr_string(func), take_current_exception());
    }
  }
}

void register_atexit_module() { register_builtin_module("atexit", init_atexit); }

}  // namespace gilvm
