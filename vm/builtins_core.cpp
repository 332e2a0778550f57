#include "vm/builtins_core.hpp"
#include "vm/traceback_carets.hpp"

#include <cstdint>
#include <fstream>
#include <map>
#include <sstream>
#include <unordered_set>
#include <vector>

#include "vm/call.hpp"
#include "vm/class_builder.hpp"
#include "vm/compiler/compiler.hpp"
#include "vm/errors.hpp"
#include "vm/exception_group.hpp"
#include "vm/heap/heap.hpp"
#include "vm/import.hpp"
#include "vm/interp.hpp"
#include "vm/interp_support.hpp"
#include "vm/names.hpp"
#include "vm/native.hpp"
#include "vm/objects/buffer.hpp"
#include "vm/objects/complex.hpp"
#include "vm/objects/dict.hpp"
#include "vm/objects/number.hpp"
#include "vm/objects/sequence.hpp"
#include "vm/objects/str.hpp"
#include "vm/opcodes.hpp"
#include "vm/ops.hpp"
#include "vm/thread_state.hpp"

namespace gilvm {

namespace {

Dict* current_globals() {
  Frame* f = current_thread_state()->current_frame;
  return f ? f->globals : nullptr;
}

// exec/eval(source_or_code, globals=None, locals=None)
Value run_source(const CallArgs& args, const char* function_name, ParseMode mode) {
  ArgParser p(args, function_name, {"source", "globals", "locals"}, 1, false);
  Value source = p.get(0);
  Value globals = p.get(1, Value::none());
  Value locals = p.get(2, Value::none());
  Frame* caller = current_thread_state()->current_frame;
  Dict* g;
  Dict* l = nullptr;
  Value mapping;  // locals that are a mapping but not a dict
  if (globals.is_none()) {
    g = caller ? caller->globals : new_dict();
    if (locals.is_none() && caller != nullptr) {
      // The caller's names: a class body's or exec's namespace, module
      // code's globals, or a function's variables, of which CPython 3.11
      // passes a snapshot (stores do not reach the function).
      if (caller->locals != nullptr) l = caller->locals;
      else if (caller->locals_mapping != nullptr) mapping = Value(caller->locals_mapping);
      else if (caller->code->flags & kCodeUsesLocalsDict) l = g;
      else l = fast_locals_snapshot(caller);
    } else if (locals.is_none()) {
      l = g;
    }
  } else {
    if (!isinstance(globals, types().dict))
      raise_type_error(std::string(function_name) + "() globals must be a dict, not " + type_name(globals));
    g = globals.as<Dict>();
    l = locals.is_none() ? g : nullptr;
  }
  if (!locals.is_none()) {
    if (type_of(locals) == types().dict) {
      l = locals.as<Dict>();
    } else {  // (a dict subclass too: its __missing__ or __setitem__ count, as in CPython)
      // CPython's PyMapping_Check: anything with __getitem__.
      if (!locals.is_object() || lookup_in_mro(type_of(locals), names().__getitem__).is_null())
        raise_type_error("locals must be a mapping");
      mapping = locals;
    }
  }
  Code* code;
  if (type_of(source) == types().code) {
    code = source.as<Code>();
  } else if (std::string text; type_of(source) == types().str || copy_buffer(source, &text)) {
    if (type_of(source) == types().str) text = source.as<Str>()->data;
    if (mode == ParseMode::Eval) {
      size_t start = text.find_first_not_of(" \t");
      text = start == std::string::npos ? "" : text.substr(start);
    }
    code = compile_source(text, "<string>", mode);
  } else {
    raise_type_error(std::string(function_name) + "() arg 1 must be a string, bytes or code object");
  }
  Root keep(code);
  if (g->table.get_str(names().__builtins__).is_null()) g->table.set(names().__builtins__, builtins_dict());
  Value result = !mapping.is_null() ? run_code_in_mapping(code, g, mapping) : run_code(code, g, l == g ? nullptr : l);
  return mode == ParseMode::Eval ? result : Value::none();
}

Value builtin_exec(const CallArgs& a) { return run_source(a, "exec", ParseMode::Exec); }
Value builtin_eval(const CallArgs& a) { return run_source(a, "eval", ParseMode::Eval); }

Value builtin_compile(const CallArgs& a) {
  ArgParser p(a, "compile", {"source", "filename", "mode", "flags", "dont_inherit", "optimize"}, 3, false);
  if (type_of(p.get(0)) != types().str) raise_type_error("compile() arg 1 must be a string");
  std::string mode = str_string(p.get(2));
  ParseMode m = mode == "exec" ? ParseMode::Exec : mode == "eval" ? ParseMode::Eval : mode == "single" ? ParseMode::Single
                                                                                                      : ParseMode::Exec;
  if (mode != "exec" && mode != "eval" && mode != "single")
    raise_value_error("compile() mode must be 'exec', 'eval' or 'single'");
  // Of compile()'s flags only top-level await changes what gilvm compiles;
  // the __future__ ones it has no use for are accepted and ignored.
  int flags = p.given(3) ? static_cast<int>(index_value(p.get(3))) : 0;
  return compile_source(p.get(0).as<Str>()->data, str_string(p.get(1)), m, flags & kCompileAllowTopLevelAwait);
}

Value builtin_import(const CallArgs& a) {
  ArgParser p(a, "__import__", {"name", "globals", "locals", "fromlist", "level"}, 1, false);
  if (type_of(p.get(0)) != types().str) raise_type_error("__import__() argument 1 must be str");
  Value g = p.get(1, Value::none());
  Dict* globals = isinstance(g, types().dict) ? g.as<Dict>() : current_globals();
  if (globals == nullptr) globals = new_dict();
  Value level = p.get(4, Value::small_int(0));
  return import_module(p.get(0).as<Str>(), globals, p.get(3, Value::none()), index_value(level));
}

}  // namespace

Value import_name(Str* name, Dict* globals, Dict* locals, Value fromlist, int64_t level) {
  Dict* builtins = builtins_dict();
  Value hook = builtins == nullptr ? Value::null() : builtins->table.get_str(names().__import__);
  if (hook.is_null()) raise_error(exc().ImportError, "__import__ not found");
  if (type_of(hook) == types().native_function && hook.as<NativeFunction>()->fn == builtin_import)
    return import_module(name, globals, fromlist, level);
  Value args[5] = {Value(name), Value(globals), locals ? Value(locals) : Value::none(),
                   fromlist.is_null() ? Value::none() : fromlist, make_int(level)};
  return call_object(hook, CallArgs{args, 5});
}

namespace {

// --- traceback formatting -----------------------------------------------------

// Source lines by file, read once (like CPython's linecache).
// A line of a source file as it is in the file (without its newline), or "".
std::map<std::string, const char*>& remembered_sources() {
  static std::map<std::string, const char*> sources;
  return sources;
}

// A name like "<doctest m.f[0]>" names no file; Python code may have put
// its lines in linecache (doctest does), which is asked if it is loaded.
std::string line_from_linecache(const std::string& filename, int line) {
  Value linecache = module_table()->table.get_str(intern("linecache"));
  if (linecache.is_null() || type_of(linecache) != types().module) return "";
  try {
    Value text = call(get_attr(linecache, "getline"), {new_str(filename), Value::small_int(line)});
    if (type_of(text) != types().str) return "";
    std::string s = text.as<Str>()->data;
    while (!s.empty() && (s.back() == '\n' || s.back() == '\r')) s.pop_back();
    return s;
  } catch (PyException&) {
    take_current_exception();
    return "";
  }
}

std::string raw_source_line(const std::string& filename, int line) {
  if (filename.starts_with("<") && !filename.starts_with("<frozen ") &&
      remembered_sources().find(filename) == remembered_sources().end()) {
    std::string from_linecache = line_from_linecache(filename, line);
    if (!from_linecache.empty()) return from_linecache;
  }
  static std::map<std::string, std::vector<std::string>> cache;
  auto it = cache.find(filename);
  if (it == cache.end()) {
    std::vector<std::string> lines;
    auto known = remembered_sources().find(filename);
    std::ifstream file;
    std::istringstream text_in;
    if (known != remembered_sources().end()) text_in.str(known->second);
    else file.open(filename);
    std::istream& in = known != remembered_sources().end() ? static_cast<std::istream&>(text_in) : file;
    std::string text;
    while (std::getline(in, text)) lines.push_back(text);
    it = cache.emplace(filename, std::move(lines)).first;
  }
  if (line < 1 || static_cast<size_t>(line) > it->second.size()) return "";
  return it->second[line - 1];
}

std::string source_line(const std::string& filename, int line) {
  std::string s = raw_source_line(filename, line);
  size_t start = s.find_first_not_of(" \t\f");
  size_t end = s.find_last_not_of(" \t\r\n\f");
  if (start == std::string::npos) return "";
  return s.substr(start, end - start + 1);
}

std::string exception_only(Value e) {
  Type* t = type_of(e);
  std::string name = t->name;
  if (!t->is_builtin) {
    Value m = t->dict()->table.get_str(names().__module__);
    if (!m.is_null() && type_of(m) == types().str && m.as<Str>()->data != "__main__" &&
        m.as<Str>()->data != "builtins")
      name = m.as<Str>()->data + "." + t->qualname;
    else
      name = t->qualname;
  }
  std::string out;
  if (isinstance(e, exc().SyntaxError) && e.object()->attrs != nullptr) {
    Dict* a = e.object()->attrs;
    Value filename = a->table.get_str(intern("filename"));
    Value lineno = a->table.get_str(intern("lineno"));
    Value text = a->table.get_str(intern("text"));
    Value offset = a->table.get_str(intern("offset"));
    Value end_offset = a->table.get_str(intern("end_offset"));
    Value msg = a->table.get_str(intern("msg"));
    if (!filename.is_null() && !lineno.is_null()) {
      out += "  File \"" + str_string(filename) + "\", line " + str_string(lineno) + "\n";
      if (!text.is_null() && !text.is_none()) {
        std::string line = str_string(text);
        while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.pop_back();
        size_t indent = line.find_first_not_of(" \t\f");
        if (indent == std::string::npos) indent = line.size();
        std::string stripped = line.substr(indent);
        out += "    " + stripped + "\n";
        int64_t off = 0, end_off = 0;
        if (!offset.is_null() && is_int_value(offset)) int_to_int64(offset, &off);
        if (!end_offset.is_null() && is_int_value(end_offset)) int_to_int64(end_offset, &end_off);
        // Offsets count characters; the caret line counts display columns.
        int64_t col = off - 1 - static_cast<int64_t>(indent);
        if (col < 0) col = 0;
        int64_t width = end_off > off ? end_off - off : 1;
        int64_t max_width = static_cast<int64_t>(stripped.size()) - col;
        if (width > max_width && max_width > 0) width = max_width;
        if (width < 1) width = 1;
        out += "    " + std::string(static_cast<size_t>(col), ' ') + std::string(static_cast<size_t>(width), '^') + "\n";
      }
    }
    out += name + ": " + (msg.is_null() ? str_string(e) : str_string(msg)) + "\n";
    return out;
  }
  std::string message;
  try {
    message = str_string(e);
  } catch (PyException&) {
    take_current_exception();
    message = "<exception str() failed>";
  }
  out += message.empty() ? name + "\n" : name + ": " + message + "\n";
  return out;
}

// The "  File ..." lines of a traceback, innermost last. As CPython:
// after three identical frames in a row (same file, line and function: a
// recursion), the rest are counted, not printed.
std::string frames_text(Value traceback) {
  std::string out;
  constexpr int kRepeatsShown = 3;
  const Traceback* previous = nullptr;
  int repeats = 0;
  auto report_repeats = [&]() {
    if (repeats > kRepeatsShown) {
      int more = repeats - kRepeatsShown;
      out += "  [Previous line repeated " + std::to_string(more) + " more time" + (more > 1 ? "s" : "") + "]\n";
    }
  };
  for (Traceback* tb = traceback.as<Traceback>(); tb != nullptr; tb = tb->next) {
    bool same = previous != nullptr && previous->line == tb->line &&
                previous->code->filename->data == tb->code->filename->data &&
                previous->code->name->data == tb->code->name->data;
    previous = tb;
    if (!same) {
      report_repeats();
      repeats = 0;
    }
    ++repeats;
    if (repeats > kRepeatsShown) continue;
    out += "  File \"" + tb->code->filename->data + "\", line " + std::to_string(tb->line) + ", in " +
           tb->code->name->data + "\n";
    std::string line = source_line(tb->code->filename->data, tb->line);
    if (line.empty()) continue;
    out += "    " + line + "\n";
    if (tb->pc < tb->code->positions.size())
      out += traceback_marker_line(raw_source_line(tb->code->filename->data, tb->line), tb->line,
                                   tb->code->positions[tb->pc]);
  }
  report_repeats();
  return out;
}

// Exception groups print as CPython 3.11's tree: each level of nesting
// indents two columns behind a "|" margin, the top group's header has a
// "+" margin, and members are numbered in boxes ("+---- 1 ----"), at most
// 15 per group and 10 levels deep.
constexpr size_t kMaxGroupWidth = 15;
constexpr int kMaxGroupDepth = 10;

struct PrintContext {
  std::unordered_set<const Object*> seen;  // every exception printed so far
  int group_depth = 0;
  bool need_close = false;
  // sys.tracebacklimit for an uncaught exception: the innermost `limit`
  // entries of each traceback; none (and no header) when it is 0.
  int64_t limit = INT64_MAX;
};

// The last `limit` entries of a traceback (limit > 0).
Value innermost_entries(Value traceback, int64_t limit) {
  int64_t depth = 0;
  for (Traceback* tb = traceback.as<Traceback>(); tb != nullptr; tb = tb->next) ++depth;
  Traceback* tb = traceback.as<Traceback>();
  for (; depth > limit; --depth) tb = tb->next;
  return Value(tb);
}

std::string indent_of(const PrintContext& ctx) { return std::string(static_cast<size_t>(2 * ctx.group_depth), ' '); }

// Appends `text`, each of its lines behind the current indent and margin.
void emit(const PrintContext& ctx, const std::string& text, std::string& out, char margin = '|') {
  if (ctx.group_depth == 0) {
    out += text;
    return;
  }
  std::string prefix = indent_of(ctx) + margin + ' ';
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    end = end == std::string::npos ? text.size() : end + 1;
    out += prefix;
    out.append(text, start, end - start);
    start = end;
  }
}

void format_with_chain(Value exception, PrintContext& ctx, std::string& out);

// One exception without its chain: traceback and "Type: message", or a
// group's header and its members.
void format_one(Value e, PrintContext& ctx, std::string& out) {
  auto* obj = e.as<ExceptionObject>();
  if (!is_exception_group(e)) {
    if (!obj->traceback.is_null() && ctx.limit > 0)
      emit(ctx, "Traceback (most recent call last):\n" + frames_text(innermost_entries(obj->traceback, ctx.limit)), out);
    emit(ctx, exception_only(e), out);
    return;
  }
  if (ctx.group_depth > kMaxGroupDepth) {
    emit(ctx, "... (max_group_depth is " + std::to_string(kMaxGroupDepth) + ")\n", out);
    return;
  }
  bool top = ctx.group_depth == 0;
  if (top) ctx.group_depth = 1;
  if (!obj->traceback.is_null() && ctx.limit > 0) {
    emit(ctx, "Exception Group Traceback (most recent call last):\n", out, top ? '+' : '|');
    emit(ctx, frames_text(innermost_entries(obj->traceback, ctx.limit)), out);
  }
  emit(ctx, exception_only(e), out);
  Value members_value = get_attr_or_null(e, intern("exceptions"));
  ValueVector members;
  if (!members_value.is_null() && isinstance(members_value, types().tuple))
    members.assign(members_value.as<Tuple>()->items.begin(), members_value.as<Tuple>()->items.end());
  size_t shown = members.size() <= kMaxGroupWidth ? members.size() : kMaxGroupWidth + 1;
  ctx.need_close = false;
  for (size_t i = 0; i < shown; ++i) {
    bool last = i + 1 == shown;
    if (last) ctx.need_close = true;  // unless a nested group closes the box first
    bool truncated = i >= kMaxGroupWidth;
    std::string title = truncated ? "..." : std::to_string(i + 1);
    out += indent_of(ctx) + (i == 0 ? "+-" : "  ") + "+---------------- " + title + " ----------------\n";
    ++ctx.group_depth;
    if (!truncated) {
      format_with_chain(members[i], ctx, out);
    } else {
      size_t more = members.size() - kMaxGroupWidth;
      emit(ctx, "and " + std::to_string(more) + " more exception" + (more > 1 ? "s" : "") + "\n", out);
    }
    if (last && ctx.need_close) {
      out += indent_of(ctx) + "+------------------------------------\n";
      ctx.need_close = false;
    }
    --ctx.group_depth;
  }
  if (top) ctx.group_depth = 0;
}

// The exception printed before `e`: its cause, else its context (unless
// suppressed), skipping any already printed; null when there is none.
Value chained_before(Value e, const std::unordered_set<const Object*>& seen, bool* is_cause) {
  auto* obj = e.as<ExceptionObject>();
  auto unseen_exception = [&](Value v) {
    return !v.is_null() && is_exception_instance(v) && seen.count(v.object()) == 0;
  };
  *is_cause = unseen_exception(obj->cause);
  if (*is_cause) return obj->cause;
  if (!obj->suppress_context && unseen_exception(obj->context)) return obj->context;
  return Value::null();
}

// The whole chain, oldest first. Iterative: a loop of `raise ... from`
// builds chains tens of thousands long.
void format_with_chain(Value exception, PrintContext& ctx, std::string& out) {
  ValueVector chain{exception};  // str() of an exception may run Python
  std::vector<bool> caused;      // caused[i]: chain[i + 1] is chain[i]'s __cause__
  ctx.seen.insert(exception.object());
  for (;;) {
    bool is_cause;
    Value next = chained_before(chain.back(), ctx.seen, &is_cause);
    if (next.is_null()) break;
    ctx.seen.insert(next.object());
    chain.push_back(next);
    caused.push_back(is_cause);
  }
  for (size_t i = chain.size(); i-- > 0;) {
    format_one(chain[i], ctx, out);
    if (i > 0)
      emit(ctx, caused[i - 1] ? "\nThe above exception was the direct cause of the following exception:\n\n"
                              : "\nDuring handling of the above exception, another exception occurred:\n\n",
           out);
  }
}

}  // namespace

void remember_source_text(const std::string& filename, const char* source) {
  remembered_sources()[filename] = source;
}

std::string format_exception(Value exception, bool honour_tracebacklimit) {
  if (!is_exception_instance(exception)) return repr_string(exception) + "\n";
  PrintContext ctx;
  Value sys = module_table()->table.get_str(intern("sys"));
  Value limit = sys.is_null() || !honour_tracebacklimit ? Value::null() : get_attr_or_null(sys, intern("tracebacklimit"));
  if (!limit.is_null() && is_int_value(limit)) {
    int64_t n;
    // A huge limit shows everything; a huge negative one nothing.
    if (int_to_int64(limit, &n)) ctx.limit = n < 0 ? 0 : n;
    else ctx.limit = compare_bool(limit, Value::small_int(0), kGt) ? INT64_MAX : 0;
  }
  std::string out;
  format_with_chain(exception, ctx, out);
  return out;
}

void write_unraisable(const std::string& context, Value exception) {
  std::string text = context + "\n" + format_exception(exception);
  try {
    Value err = get_attr(import_module(intern("sys"), builtins_dict(), Value::none(), 0), "stderr");
    call_method(err, "write", {new_str(text)});
    call_method(err, "flush", {});
  } catch (PyException&) {
    take_current_exception();
  }
}

Dict* install_core_builtins() {
  static Dict* builtins = nullptr;
  if (builtins != nullptr) return builtins;
  bootstrap_vm();
  builtins = new_dict();
  keep_alive(builtins);
  set_builtins_dict(builtins);
  DictTable& b = builtins->table;
  b.set(names().__name__, intern("builtins"));
  CoreTypes& t = types();
  const std::pair<const char*, Type*> visible[] = {
      {"object", t.object},     {"type", t.type},         {"int", t.int_},          {"bool", t.bool_},
      {"float", t.float_},      {"complex", complex_type()},      {"str", t.str},           {"bytes", t.bytes},       {"tuple", t.tuple},
      {"list", t.list},         {"dict", t.dict},         {"set", t.set},           {"frozenset", t.frozenset},
      {"range", t.range},       {"slice", t.slice},       {"property", t.property}, {"staticmethod", t.staticmethod},
      {"classmethod", t.classmethod}, {"super", t.super}, {"bytearray", t.bytearray}, {"memoryview", t.memoryview},
  };
  for (auto& [name, type] : visible) b.set(intern(name), type);
#define GILVM_EXCEPTION(name, base) b.set(intern(#name), exc().name);
#include "vm/exceptions.def"
#undef GILVM_EXCEPTION
  b.set(intern("EnvironmentError"), exc().OSError);
  b.set(intern("IOError"), exc().OSError);
  b.set(intern("None"), Value::none());
  b.set(intern("True"), Value::true_value());
  b.set(intern("False"), Value::false_value());
  b.set(intern("NotImplemented"), not_implemented());
  b.set(intern("Ellipsis"), ellipsis());
  add_function(builtins, "__build_class__", builtin_build_class);
  add_function(builtins, "__import__", builtin_import);
  add_function(builtins, "exec", builtin_exec);
  add_function(builtins, "eval", builtin_eval);
  add_function(builtins, "compile", builtin_compile);
  return builtins;
}

std::string traceback_entry_markers(Value traceback) {
  if (type_of(traceback) != types().traceback) return "";
  const Traceback* tb = traceback.as<Traceback>();
  if (tb->pc >= tb->code->positions.size()) return "";
  return traceback_marker_line(raw_source_line(tb->code->filename->data, tb->line), tb->line,
                               tb->code->positions[tb->pc]);
}

}  // namespace gilvm
