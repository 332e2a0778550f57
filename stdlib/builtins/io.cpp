// print() and input(), and the exit() and quit() that CPython's site module
// adds for the interactive prompt (scripts call them too).
#include <string>

#include "stdlib/builtins/common.hpp"
#include "stdlib/builtins/file_object.hpp"
#include "stdlib/builtins_module.hpp"
#include "vm/heap/heap.hpp"
#include "vm/names.hpp"

namespace gilvm::builtins_impl {
namespace {

Value builtin_print(const CallArgs& a) {
  Value sep = Value::none(), end = Value::none(), file = Value::none(), flush = Value::false_value();
  for (size_t k = 0; k < kw_count(a); ++k) {
    if (kw_is(a, k, "sep")) sep = a.kw_value(k);
    else if (kw_is(a, k, "end")) end = a.kw_value(k);
    else if (kw_is(a, k, "file")) file = a.kw_value(k);
    else if (kw_is(a, k, "flush")) flush = a.kw_value(k);
    else raise_invalid_keyword(kw_name(a, k), "print");
  }
  if (file.is_none()) {
    file = current_std_stream("stdout");
    if (file.is_none()) return Value::none();  // sys.stdout = None: print does nothing
  }
  if (!sep.is_none() && !is_str(sep)) raise_type_error("sep must be None or a string, not " + type_name(sep));
  if (!end.is_none() && !is_str(end)) raise_type_error("end must be None or a string, not " + type_name(end));
  std::string_view sep_text = sep.is_none() ? std::string_view(" ") : as_str(sep)->view();
  std::string_view end_text = end.is_none() ? std::string_view("\n") : as_str(end)->view();

  if (FileObject* f = as_text_file(file)) {
    std::string out;
    for (size_t i = 0; i < a.count; ++i) {
      if (i > 0) out += sep_text;
      Value v = a[i];
      if (type_of(v) == types().str) out += as_str(v)->view();
      else out += to_str(v)->view();
    }
    out += end_text;
    file_write_text(f, out);
    if (is_truthy(flush)) file_flush(f);
    return Value::none();
  }

  // Any object with write(): one call per piece, as CPython makes them.
  Value write = get_attr(file, intern("write"));
  Value sep_value = sep.is_none() ? new_str_value(" ") : sep;
  for (size_t i = 0; i < a.count; ++i) {
    if (i > 0) call(write, {sep_value});
    call(write, {Value(to_str(a[i]))});
  }
  call(write, {end.is_none() ? new_str_value("\n") : end});
  if (is_truthy(flush)) call_method(file, "flush", {});
  return Value::none();
}

Value builtin_input(const CallArgs& a) {
  check_positional(a, "input", 0, 1);
  Value in = current_std_stream("stdin");
  Value out = current_std_stream("stdout");
  Value err = current_std_stream("stderr");
  if (in.is_none()) raise_runtime_error("input(): lost sys.stdin");
  if (out.is_none()) raise_runtime_error("input(): lost sys.stdout");
  if (!err.is_none()) {
    if (FileObject* f = as_text_file(err)) file_flush(f);
    else call_method(err, "flush", {});
  }
  if (a.count == 1) {
    Str* prompt = to_str(a[0]);
    if (FileObject* f = as_text_file(out)) file_write_text(f, prompt->view());
    else call_method(out, "write", {Value(prompt)});
  }
  if (FileObject* f = as_text_file(out)) file_flush(f);
  else call_method(out, "flush", {});

  std::string line;
  if (FileObject* f = as_text_file(in)) {
    line = file_readline(f);
  } else {
    Value v = call_method(in, "readline", {});
    if (!is_str(v)) raise_type_error("object.readline() returned non-string");
    line = as_str(v)->data;
  }
  if (line.empty()) raise_error(exc().EOFError, "EOF when reading a line");
  if (line.back() == '\n') line.pop_back();
  return new_str_value(std::move(line));
}

// exit and quit are instances of _sitebuiltins.Quitter: their repr tells
// the interactive user how to leave; calling one raises SystemExit(code).
Type* quitter_type = nullptr;

std::string quitter_name(Value self) {
  Value name = self.is_object() && self.object()->attrs ? self.object()->attrs->table.get_str(names().__name__)
                                                        : Value::null();
  return name.is_null() ? "exit" : str_string(name);
}

Value quitter_repr(const CallArgs& a) {
  return new_str_value("Use " + quitter_name(a[0]) + "() or Ctrl-D (i.e. EOF) to exit");
}

Value quitter_call(const CallArgs& a) {
  if (kw_count(a) != 0) raise_no_keywords("__call__");
  if (a.count > 2) raise_type_error("Quitter.__call__() takes from 1 to 2 positional arguments but " +
                                    std::to_string(a.count) + " were given");
  Value code = a.count == 2 ? a[1] : Value::none();
  raise_exception(call_object(exc().SystemExit, CallArgs{&code, 1}));
}

Value make_quitter(const char* name) {
  if (quitter_type == nullptr) {
    quitter_type = new_builtin_type("Quitter", types().object, nullptr);
    quitter_type->instances_have_dict = true;
    add_type_attr(quitter_type, "__module__", new_str_value("_sitebuiltins"));
    add_method(quitter_type, "__repr__", quitter_repr);
    add_method(quitter_type, "__call__", quitter_call);
  }
  Object* q = gc_new<Object>(quitter_type);
  q->attrs = new_dict();
  q->attrs->table.set(names().__name__, new_str_value(name));
  return q;
}

}  // namespace

void install_io_functions(Dict* builtins) {
  add_function(builtins, "print", builtin_print);
  add_function(builtins, "input", builtin_input);
  builtins->table.set(intern("exit"), make_quitter("exit"));
  builtins->table.set(intern("quit"), make_quitter("quit"));
  builtins->table.set(intern("__debug__"), Value::true_value());
}

}  // namespace gilvm::builtins_impl
