// BaseException and its subclasses: construction keeps the arguments in
// `args`; str() shows the single argument (or the tuple); repr() shows the
// class and the arguments; KeyError's str() is the repr of its key.
#include "vm/builtins/install.hpp"
#include "vm/errors.hpp"
#include "vm/heap/heap.hpp"
#include "vm/native.hpp"
#include "vm/objects/sequence.hpp"
#include "vm/objects/str.hpp"
#include "vm/objects/dict.hpp"
#include "vm/objects/number.hpp"
#include "vm/ops.hpp"
#include "vm/thread_state.hpp"

namespace gilvm {

Value exception_construct(Type* type, const CallArgs& args) {
  auto* e = gc_new<ExceptionObject>(type);
  e->args = new_tuple(std::vector<Value>(args.args, args.args + args.count));
  return e;
}

namespace {

ExceptionObject* self_exception(const CallArgs& a) {
  if (a.count == 0 || !is_exception_instance(a[0])) raise_type_error("descriptor requires a 'BaseException' object");
  return a[0].as<ExceptionObject>();
}

Value exception_init(const CallArgs& a) {
  ExceptionObject* e = self_exception(a);
  e->args = new_tuple(std::vector<Value>(a.args + 1, a.args + a.count));
  return Value::none();
}

Value exception_str(const CallArgs& a) {
  ExceptionObject* e = self_exception(a);
  const auto& items = e->args->items;
  if (items.empty()) return new_str("");
  if (items.size() == 1) {
    if (isinstance(a[0], exc().KeyError)) return repr(items[0]);
    return to_str(items[0]);
  }
  return to_str(e->args);
}

Value exception_repr(const CallArgs& a) {
  ExceptionObject* e = self_exception(a);
  const auto& items = e->args->items;
  std::string out = type_name(a[0]) + "(";
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += ", ";
    out += repr_string(items[i]);
  }
  return new_str(out + ")");
}

// --- SyntaxError ---------------------------------------------------------------
// SyntaxError(msg, (filename, lineno, offset, text[, end_lineno, end_offset]))
// keeps its arguments in `args` and spreads them over attributes, which the
// traceback printer reads; every attribute not given is None.

const char* const kSyntaxErrorFields[] = {"filename", "lineno", "offset", "text", "end_lineno", "end_offset"};

void fill_syntax_error(Value self, const CallArgs& a, size_t first) {
  Object* o = self.object();
  if (o->attrs == nullptr) o->attrs = new_dict();
  DictTable& d = o->attrs->table;
  size_t count = a.count - first;
  d.set(intern("msg"), count >= 1 ? a[first] : Value::none());
  for (const char* field : kSyntaxErrorFields) d.set(intern(field), Value::none());
  d.set(intern("print_file_and_line"), Value::none());
  if (count != 2) return;
  ValueVector info = collect_iterable(a[first + 1]);
  if (info.size() < 4 || info.size() > 6)
    raise_type_error(std::string("function takes ") + (info.size() < 4 ? "at least 4" : "at most 6") +
                     " arguments (" + std::to_string(info.size()) + " given)");
  for (size_t i = 0; i < info.size(); ++i) d.set(intern(kSyntaxErrorFields[i]), info[i]);
}

Value syntax_error_construct(Type* type, const CallArgs& args) {
  Value e = exception_construct(type, args);
  Root keep(e);
  fill_syntax_error(e, args, 0);
  return e;
}

Value syntax_error_init(const CallArgs& a) {
  exception_init(a);
  fill_syntax_error(a[0], a, 1);
  return Value::none();
}

// "msg (file.py, line 3)": the file's base name and the line when known.
Value syntax_error_str(const CallArgs& a) {
  self_exception(a);
  const DictTable* d = a[0].object()->attrs != nullptr ? &a[0].object()->attrs->table : nullptr;
  auto field = [&](const char* name) { return d ? d->get_str(intern(name)) : Value::null(); };
  Value msg = field("msg");
  std::string out = str_string(msg.is_null() ? Value::none() : msg);
  Value filename = field("filename");
  Value lineno = field("lineno");
  bool has_file = !filename.is_null() && isinstance(filename, types().str);
  bool has_line = !lineno.is_null() && is_int_value(lineno);
  std::string file;
  if (has_file) {
    file = filename.as<Str>()->data;
    size_t slash = file.rfind('/');
    if (slash != std::string::npos) file = file.substr(slash + 1);
  }
  if (has_file && has_line) return new_str(out + " (" + file + ", line " + str_string(lineno) + ")");
  if (has_file) return new_str(out + " (" + file + ")");
  if (has_line) return new_str(out + " (line " + str_string(lineno) + ")");
  return new_str(out);
}

Value get_args(Value self) { return self.as<ExceptionObject>()->args; }
void set_args(Value self, Value value) {
  self.as<ExceptionObject>()->args = new_tuple(collect_iterable(value));
}
Value or_none(Value v) { return v.is_null() ? Value::none() : v; }
Value get_traceback(Value self) { return or_none(self.as<ExceptionObject>()->traceback); }
// As CPython: a traceback or None (stored as "no traceback").
void set_traceback(Value self, Value tb) {
  if (tb.is_null()) raise_type_error("__traceback__ may not be deleted");
  if (!tb.is_none() && type_of(tb) != types().traceback)
    raise_type_error("__traceback__ must be a traceback or None");
  self.as<ExceptionObject>()->traceback = tb.is_none() ? Value::null() : tb;
}
Value exception_with_traceback(const CallArgs& a) {
  if (a.count != 2)
    raise_type_error("BaseException.with_traceback() takes exactly one argument (" + std::to_string(a.count - 1) +
                     " given)");
  set_traceback(a[0], a[1]);
  return a[0];
}
Value get_cause(Value self) { return or_none(self.as<ExceptionObject>()->cause); }
void set_cause(Value self, Value v) {
  auto* e = self.as<ExceptionObject>();
  e->cause = v;
  e->suppress_context = true;
}
Value get_context(Value self) { return or_none(self.as<ExceptionObject>()->context); }
void set_context(Value self, Value v) { self.as<ExceptionObject>()->context = v; }
Value get_suppress_context(Value self) { return Value::boolean(self.as<ExceptionObject>()->suppress_context); }
void set_suppress_context(Value self, Value v) { self.as<ExceptionObject>()->suppress_context = is_truthy(v); }
// SystemExit.code: None, the one argument, or the argument tuple.
Value get_exit_code(Value self) {
  Tuple* args = self.as<ExceptionObject>()->args;
  if (args->items.empty()) return Value::none();
  return args->items.size() == 1 ? args->items[0] : Value(args);
}
Value get_stop_value(Value self) {
  auto* e = self.as<ExceptionObject>();
  return e->args->items.empty() ? Value::none() : e->args->items[0];
}

}  // namespace

void install_exception_methods() {
  Type* base = exc().BaseException;
  add_method(base, "__init__", exception_init);
  add_method(base, "__str__", exception_str);
  add_method(base, "__repr__", exception_repr);
  add_getset(base, "args", get_args, set_args);
  add_getset(base, "__traceback__", get_traceback, set_traceback);
  add_method(base, "with_traceback", exception_with_traceback);
  add_getset(base, "__cause__", get_cause, set_cause);
  add_getset(base, "__context__", get_context, set_context);
  add_getset(base, "__suppress_context__", get_suppress_context, set_suppress_context);
  add_getset(exc().StopIteration, "value", get_stop_value);
  add_getset(exc().SystemExit, "code", get_exit_code);
  // The subclasses were made before this hook existed: they need it too,
  // or IndentationError(msg, details) would keep no msg/filename/lineno.
  for (Type* t : {exc().SyntaxError, exc().IndentationError, exc().TabError}) t->construct = syntax_error_construct;
  add_method(exc().SyntaxError, "__init__", syntax_error_init);
  add_method(exc().SyntaxError, "__str__", syntax_error_str);
}

}  // namespace gilvm
