// The sys module: argv, exit, path, modules, the standard streams,
// version information and the recursion limit.
#include <climits>
#include <span>

#include "runtime/gil.hpp"
#include "stdlib/builtins_module.hpp"
#include "stdlib/stdlib.hpp"
#include "vm/errors.hpp"
#include "vm/heap/heap.hpp"
#include "vm/heap/value_vector.hpp"
#include "vm/call.hpp"
#include "vm/import.hpp"
#include "vm/native.hpp"
#include "vm/objects/dict.hpp"
#include "vm/objects/frame_object.hpp"
#include "vm/objects/module.hpp"
#include "vm/objects/number.hpp"
#include "vm/objects/sequence.hpp"
#include "vm/objects/str.hpp"
#include "vm/ops.hpp"
#include "vm/text/int_digits_limit.hpp"
#include "vm/thread_state.hpp"

namespace gilvm {

void add_sys_numeric_info(Module* m);  // stdlib/sys_numeric_info.cpp

namespace {

StdlibOptions* the_options = nullptr;
Module* the_sys = nullptr;

Value sys_exit(const CallArgs& a) {
  check_arg_count(a, "exit", 0, 1);
  Value code = a.count == 1 ? a[0] : Value::none();
  Value e = a.count == 1 ? call_object(exc().SystemExit, CallArgs{&code, 1})
                         : call_object(exc().SystemExit, CallArgs{nullptr, 0});
  raise_exception(e);
}

Value sys_getrecursionlimit(const CallArgs& a) {
  check_arg_count(a, "getrecursionlimit", 0, 0);
  return Value::small_int(recursion_limit());
}

Value sys_setrecursionlimit(const CallArgs& a) {
  check_arg_count(a, "setrecursionlimit", 1, 1);
  if (!is_int_value(a[0])) raise_type_error("'" + type_name(a[0]) + "' object cannot be interpreted as an integer");
  int64_t limit = index_value(a[0]);
  if (limit < 1) raise_value_error("recursion limit must be greater or equal than 1");
  if (limit > INT_MAX) raise_overflow_error("Python int too large to convert to C int");
  ThreadState* ts = current_thread_state();
  if (limit <= ts->recursion_depth)
    raise_error(exc().RecursionError, "cannot set the recursion limit to " + std::to_string(limit) +
                                          " at the recursion depth " + std::to_string(ts->recursion_depth) +
                                          ": the limit is too low");
  set_recursion_limit(static_cast<int>(limit));
  return Value::none();
}

// sys.set_int_max_str_digits(maxdigits) / get_int_max_str_digits(): the
// limit on decimal int <-> str conversions (vm/text/int_digits_limit.hpp).
Value sys_set_int_max_str_digits(const CallArgs& a) {
  ArgParser p(a, "set_int_max_str_digits", {"maxdigits"}, 1, false);
  int64_t limit = index_value(p.get(0));
  if (limit != 0 && (limit < text::kMinIntMaxStrDigits || limit > INT_MAX))
    raise_value_error("maxdigits must be 0 or larger than " + std::to_string(text::kMinIntMaxStrDigits));
  text::set_int_max_str_digits(static_cast<int>(limit));
  return Value::none();
}

Value sys_get_int_max_str_digits(const CallArgs& a) {
  check_arg_count(a, "get_int_max_str_digits", 0, 0);
  return Value::small_int(text::int_max_str_digits());
}

// sys.set_asyncgen_hooks / get_asyncgen_hooks: per-thread hooks that an
// async generator consults at its first iteration
// (vm/objects/generator_finalize.cpp). The result of get_asyncgen_hooks()
// is an `asyncgen_hooks` 2-tuple whose items are also its fields, as in
// CPython.
Type* asyncgen_hooks_type = nullptr;

template <int Index>
Value asyncgen_hooks_field(Value self) {
  return self.as<Tuple>()->items[Index];
}

Value asyncgen_hooks_repr(const CallArgs& a) {
  std::span<const Value> items = a[0].as<Tuple>()->items;
  return new_str("asyncgen_hooks(firstiter=" + repr_string(items[0]) + ", finalizer=" + repr_string(items[1]) + ")");
}

Value sys_get_asyncgen_hooks(const CallArgs& a) {
  check_arg_count(a, "get_asyncgen_hooks", 0, 0);
  ThreadState* ts = current_thread_state();
  Value firstiter = ts->asyncgen_firstiter.is_null() ? Value::none() : ts->asyncgen_firstiter;
  Value finalizer = ts->asyncgen_finalizer.is_null() ? Value::none() : ts->asyncgen_finalizer;
  return gc_new<Tuple>(asyncgen_hooks_type, ValueVector{firstiter, finalizer});
}

// A hook left out is unchanged, None removes it. The finalizer is checked
// and set before firstiter is looked at, as CPython does.
Value sys_set_asyncgen_hooks(const CallArgs& a) {
  ArgParser p(a, "set_asyncgen_hooks", {"firstiter", "finalizer"}, 0, false);
  ThreadState* ts = current_thread_state();
  Value* slots[2] = {&ts->asyncgen_finalizer, &ts->asyncgen_firstiter};
  const char* names[2] = {"finalizer", "firstiter"};
  for (int i = 0; i < 2; ++i) {
    if (!p.given(1 - i)) continue;
    Value hook = p.get(1 - i);
    if (!hook.is_none() && !is_callable(hook))
      raise_type_error(std::string("callable ") + names[i] + " expected, got " + type_name(hook));
    *slots[i] = hook.is_none() ? Value::null() : hook;
  }
  return Value::none();
}

// sys._getframe(depth=0): a snapshot of a calling frame and its callers
// (vm/objects/frame_object.hpp), for the code that wants to know its caller
// (warnings' stacklevel, namedtuple's module, logging's caller lookup).
Value sys_getframe(const CallArgs& a) {
  check_arg_count(a, "_getframe", 0, 1);
  int64_t depth = a.count == 1 ? index_value(a[0]) : 0;
  Frame* frame = current_thread_state()->current_frame;
  for (; depth > 0 && frame != nullptr; --depth) frame = frame->previous;
  if (frame == nullptr || depth < 0) raise_value_error("call stack is not deep enough");
  return snapshot_frame_chain(frame);
}

// gilvm's text is always UTF-8.
Value sys_utf8(const CallArgs& a) {
  check_arg_count(a, "getdefaultencoding", 0, 0);
  return intern("utf-8");
}

Value sys_exc_info(const CallArgs&) {
  Value e = current_thread_state()->handled_exception;
  if (e.is_null() || e.is_none()) return new_tuple({Value::none(), Value::none(), Value::none()});
  Value tb = e.as<ExceptionObject>()->traceback;
  return new_tuple({type_of(e), e, tb.is_null() ? Value::none() : tb});
}

Value sys_exception(const CallArgs&) {
  Value e = current_thread_state()->handled_exception;
  return e.is_null() ? Value::none() : e;
}

Value sys_intern(const CallArgs& a) {
  check_arg_count(a, "intern", 1, 1);
  if (type_of(a[0]) != types().str) raise_type_error("intern() argument must be str, not " + type_name(a[0]));
  return intern(a[0].as<Str>()->data);
}

Value sys_setswitchinterval(const CallArgs& a) {
  check_arg_count(a, "setswitchinterval", 1, 1);
  double interval = to_double(a[0]);
  if (!(interval > 0.0)) raise_value_error("switch interval must be strictly positive");
  gil().set_interval_microseconds(static_cast<uint64_t>(1e6 * interval));
  return Value::none();
}

Value sys_getswitchinterval(const CallArgs& a) {
  check_arg_count(a, "getswitchinterval", 0, 0);
  return make_float(1e-6 * static_cast<double>(gil().interval_microseconds()));
}

Value sys_stream(const char* name) {
  if (the_sys == nullptr) return Value::null();
  return the_sys->dict()->table.get_str(intern(name));
}

// The REPL's echo of expression results goes through sys.stdout, like print.
// sys.displayhook (and sys.__displayhook__): the repr of a value that is
// not None on sys.stdout, kept in builtins._ as CPython's does.
Value sys_displayhook(const CallArgs& a) {
  check_arg_count(a, "displayhook", 1, 1);
  Value value = a[0];
  if (value.is_none()) return Value::none();
  builtins_dict()->table.set(intern("_"), Value::none());
  Value out = current_std_stream("stdout");
  call_method(out, "write", {new_str(repr_string(value) + "\n")});
  builtins_dict()->table.set(intern("_"), value);
  return Value::none();
}

// Expression statements of interactive input and compile(..., "single")
// go through whatever sys.displayhook is now (doctest swaps it).
void display_to_stdout(Value value) {
  Value hook = the_sys == nullptr ? Value::null() : the_sys->dict()->table.get_str(intern("displayhook"));
  if (hook.is_null()) raise_error(exc().RuntimeError, "lost sys.displayhook");
  call(hook, {value});
}

void init_sys(Module* m) {
  the_sys = m;
  keep_alive(m);
  DictTable& d = m->dict()->table;
  ValueVector argv;
  for (const std::string& s : the_options->argv) argv.push_back(new_str(s));
  d.set(intern("argv"), new_list(std::move(argv)));
  List* path = new_list();
  path->items.push_back(new_str(the_options->path0));
  set_module_search_path(path);
  d.set(intern("path"), path);
  d.set(intern("modules"), module_table());
  d.set(intern("executable"), new_str(the_options->executable));
  d.set(intern("platform"), intern("linux"));
  d.set(intern("byteorder"), intern("little"));
  d.set(intern("version"), new_str("3.11.7 (gilvm 0.1)"));
  d.set(intern("version_info"), new_tuple({Value::small_int(3), Value::small_int(11), Value::small_int(7),
                                           intern("final"), Value::small_int(0)}));
  d.set(intern("hexversion"), Value::small_int(0x030B07F0));
  d.set(intern("maxsize"), make_int(INT64_MAX));
  d.set(intern("stdout"), make_std_stream(1, "<stdout>", "w"));
  d.set(intern("stderr"), make_std_stream(2, "<stderr>", "w"));
  d.set(intern("stdin"), make_std_stream(0, "<stdin>", "r"));
  d.set(intern("__stdout__"), d.get_str(intern("stdout")));
  d.set(intern("__stderr__"), d.get_str(intern("stderr")));
  d.set(intern("__stdin__"), d.get_str(intern("stdin")));
  add_function(m, "exit", sys_exit);
  add_function(m, "getrecursionlimit", sys_getrecursionlimit);
  add_function(m, "setrecursionlimit", sys_setrecursionlimit);
  add_function(m, "set_int_max_str_digits", sys_set_int_max_str_digits);
  add_function(m, "get_int_max_str_digits", sys_get_int_max_str_digits);
  add_function(m, "exc_info", sys_exc_info);
  add_function(m, "_getframe", sys_getframe);
  add_function(m, "get_asyncgen_hooks", sys_get_asyncgen_hooks);
  add_function(m, "set_asyncgen_hooks", sys_set_asyncgen_hooks);
  if (asyncgen_hooks_type == nullptr) {
    asyncgen_hooks_type = new_builtin_type("asyncgen_hooks", types().tuple, nullptr);
    add_getset(asyncgen_hooks_type, "firstiter", asyncgen_hooks_field<0>);
    add_getset(asyncgen_hooks_type, "finalizer", asyncgen_hooks_field<1>);
    add_method(asyncgen_hooks_type, "__repr__", asyncgen_hooks_repr);
  }
  add_function(m, "getdefaultencoding", sys_utf8);
  add_function(m, "getfilesystemencoding", sys_utf8);
  add_function(m, "exception", sys_exception);
  add_function(m, "intern", sys_intern);
  add_function(m, "displayhook", sys_displayhook);
  d.set(intern("__displayhook__"), d.get_str(intern("displayhook")));
  add_function(m, "setswitchinterval", sys_setswitchinterval);
  add_function(m, "getswitchinterval", sys_getswitchinterval);
  add_sys_numeric_info(m);
  set_sys_stream_lookup(sys_stream);
  set_display_hook(display_to_stdout);
}

}  // namespace

void register_sys_module(const StdlibOptions& options) {
  the_options = new StdlibOptions(options);
  register_builtin_module("sys", init_sys);
}

}  // namespace gilvm
