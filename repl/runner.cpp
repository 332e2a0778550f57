#include "repl/runner.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <regex>
#include <new>
#include <sstream>

#include "stdlib/atexit_module.hpp"
#include "stdlib/builtins_module.hpp"
#include "stdlib/frozen.hpp"
#include "vm/builtins_core.hpp"
#include "vm/call.hpp"
#include "vm/compiler/compiler.hpp"
#include "vm/errors.hpp"
#include "vm/heap/heap.hpp"
#include "vm/import.hpp"
#include "vm/interp.hpp"
#include "vm/names.hpp"
#include "vm/objects/dict.hpp"
#include "vm/objects/module.hpp"
#include "vm/objects/number.hpp"
#include "vm/objects/sequence.hpp"
#include "vm/objects/str.hpp"
#include "vm/ops.hpp"
#include "vm/thread_state.hpp"

namespace gilvm {

namespace {

void write_stderr(const std::string& text) {
  flush_std_streams();
  size_t done = 0;
  while (done < text.size()) {
    ssize_t n = ::write(2, text.data() + done, text.size() - done);
    if (n <= 0) break;
    done += static_cast<size_t>(n);
  }
}

bool disassemble_on_run = false;
bool keyboard_interrupt_reported = false;

}  // namespace

// As CPython at exit: if threading was imported, wait for its non-daemon
// threads (threading._shutdown). A KeyboardInterrupt there ends the wait.
void join_non_daemon_threads() {
  Value threading = module_table()->table.get_str(intern("threading"));
  if (threading.is_null()) return;
  try {
    Value shutdown = get_attr_or_null(threading, intern("_shutdown"));
    if (!shutdown.is_null()) call_object(shutdown, CallArgs{nullptr, 0});
  } catch (PyException&) {
    report_uncaught(take_current_exception());
  }
}

void set_disassemble_on_run(bool on) { disassemble_on_run = on; }

namespace {

bool read_whole_file(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream buffer;
  buffer << in.rdbuf();
  *out = buffer.str();
  return true;
}

bool is_folder(const std::string& path) {
  struct stat st;
  return ::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

const char* frozen_source(const std::string& name) {
  for (const FrozenModule* m = kFrozenModules; m->name != nullptr; ++m)
    if (name == m->name) return m->source;
  return nullptr;
}

bool is_frozen_package(const std::string& name) {
  std::string prefix = name + ".";
  for (const FrozenModule* m = kFrozenModules; m->name != nullptr; ++m)
    if (std::string(m->name).rfind(prefix, 0) == 0) return true;
  return false;
}

// -m PKG runs PKG.__main__ after importing PKG (its __init__ runs first).
bool import_package_first(const std::string& package, std::string* error) {
  try {
    import_module(new_str(package), nullptr, Value::none(), 0);
    return true;
  } catch (PyException&) {
    Value e = take_current_exception();
    *error = "Error while finding module specification for '" + package + ".__main__' (" + type_of(e)->name +
             ": " + str_string(e) + ")";
    return false;
  }
}

enum class ArchiveFind { Absent, Module, PackageMain, Failed };

// -m MODULE in the sys.path entry `dir` when that is a zip archive. A
// corrupt member is reported through *error, as python3 reports a
// failing finder.
ArchiveFind find_in_archive(const std::string& dir, const std::string& module, const std::string& relative,
                            std::string* source, std::string* filename, std::string* error) {
  std::string prefix = dir.empty() ? "" : dir + "/";
  try {
    if (read_from_path_archive(dir, relative + "/__init__.py", source)) {
      if (read_from_path_archive(dir, relative + "/__main__.py", source)) {
        *filename = prefix + relative + "/__main__.py";
        return ArchiveFind::PackageMain;
      }
      *error = "No module named " + module + ".__main__; '" + module +
               "' is a package and cannot be directly executed";
      return ArchiveFind::Failed;
    }
    if (read_from_path_archive(dir, relative + ".py", source)) {
      *filename = prefix + relative + ".py";
      return ArchiveFind::Module;
    }
  } catch (PyException&) {
    Value e = take_current_exception();
    *error = "Error while finding module specification for '" + module + "' (" + type_of(e)->name + ": " +
             str_string(e) + ")";
    return ArchiveFind::Failed;
  }
  return ArchiveFind::Absent;
}

}  // namespace

bool find_main_module(const std::string& module, std::string* source, std::string* filename, std::string* error) {
  // As runpy: the parent package is imported first (its __init__ runs).
  size_t dot = module.rfind('.');
  if (dot != std::string::npos) {
    try {
      import_module(new_str(module.substr(0, dot)), nullptr, Value::none(), 0);
    } catch (PyException&) {
      Value e = take_current_exception();
      *error = "Error while finding module specification for '" + module + "' (" + type_of(e)->name + ": " +
               str_string(e) + ")";
      return false;
    }
  }
  std::string relative = module;
  for (char& c : relative)
    if (c == '.') c = '/';
  Value path = module_search_path();
  if (type_of(path) == types().list) {
    for (Value entry : path.as<List>()->items) {
      if (type_of(entry) != types().str) continue;
      std::string dir = entry.as<Str>()->data;
      std::string prefix = dir.empty() ? "" : dir + "/";
      if (read_whole_file(prefix + relative + ".py", source)) {
        *filename = absolute_path(prefix + relative + ".py");
        return true;
      }
      // A zip archive on sys.path, as zipimport: a package's __main__
      // (after its __init__), else the module.
      switch (find_in_archive(dir, module, relative, source, filename, error)) {
        case ArchiveFind::Module:
          return true;
        case ArchiveFind::PackageMain:
          return import_package_first(module, error);
        case ArchiveFind::Failed:
          return false;
        case ArchiveFind::Absent:
          break;
      }
      if (is_folder(prefix + relative)) {
        if (read_whole_file(prefix + relative + "/__main__.py", source)) {
          *filename = absolute_path(prefix + relative + "/__main__.py");
          return import_package_first(module, error);
        }
        *error = "No module named " + module + ".__main__; '" + module +
                 "' is a package and cannot be directly executed";
        return false;
      }
    }
  }
  // A package runs its __main__ (`-m asyncio`).
  if (is_frozen_package(module)) {
    if (const char* text = frozen_source(module + ".__main__")) {
      *source = text;
      *filename = "<frozen " + module + ".__main__>";
      return import_package_first(module, error);
    }
    *error = "No module named " + module + ".__main__; '" + module + "' is a package and cannot be directly executed";
    return false;
  }
  if (const char* text = frozen_source(module)) {
    *source = text;
    *filename = "<frozen " + module + ">";
    return true;
  }
  *error = "No module named " + module;
  return false;
}

std::string absolute_path(const std::string& path) {
  if (path.empty() || path[0] == '/') return path;
  char cwd[4096];
  if (getcwd(cwd, sizeof cwd) == nullptr) return path;
  std::string rest = path;
  while (rest.rfind("./", 0) == 0) rest = rest.substr(2);
  return std::string(cwd) + "/" + rest;
}

void set_sys_argv0(const std::string& value) {
  Value sys = module_table()->table.get_str(intern("sys"));
  if (sys.is_null()) return;
  Value argv = sys.as<Module>()->dict()->table.get_str(intern("argv"));
  if (!argv.is_null() && type_of(argv) == types().list && !argv.as<List>()->items.empty())
    argv.as<List>()->items[0] = new_str(value);
}

void run_in_main(const std::string& source, const std::string& filename) {
  Module* main_module = main_module_for_repl();
  Root keep(main_module);
  try {
    Code* code = compile_source(source, filename, ParseMode::Exec);
    Root keep_code(code);
    run_code(code, main_module->dict(), nullptr);
  } catch (PyException&) {
    report_uncaught(take_current_exception());
  }
  flush_std_streams();
}

int report_uncaught(Value exception) {
  if (isinstance(exception, exc().SystemExit)) {
    auto* e = exception.as<ExceptionObject>();
    Value code = e->args->items.empty() ? Value::none()
                 : e->args->items.size() == 1 ? e->args->items[0]
                                              : Value(e->args);
    if (code.is_none()) return 0;
    int64_t n;
    if (is_int_value(code) && int_to_int64(code, &n)) return static_cast<int>(n & 0xff);
    write_stderr(str_string(code) + "\n");
    return 1;
  }
  if (isinstance(exception, exc().KeyboardInterrupt)) keyboard_interrupt_reported = true;
  write_stderr(format_exception(exception));
  return 1;
}

bool interrupted_by_keyboard() { return keyboard_interrupt_reported; }

namespace {

// PEP 263: a "coding" comment on line 1 or 2. Latin-1 source is turned into
// the UTF-8 the compiler reads; UTF-8 (the default) and names gilvm does
// not know are left as they are.
void decode_declared_encoding(std::string* source) {
  size_t end_of_two = source->find('\n');
  if (end_of_two != std::string::npos) end_of_two = source->find('\n', end_of_two + 1);
  std::string head = source->substr(0, end_of_two);
  static const std::regex cookie(R"((^|\n)[ \t\f]*#[^\n]*?coding[:=][ \t]*([-\w.]+))");
  std::smatch m;
  if (!std::regex_search(head, m, cookie)) return;
  std::string name = m[2].str();
  for (char& c : name) c = c == '_' ? '-' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (name != "latin-1" && name != "iso-8859-1" && name != "iso8859-1" && name != "latin1" && name != "l1" &&
      name != "iso-latin-1" && name.rfind("latin-1-", 0) != 0 && name.rfind("iso-8859-1-", 0) != 0)
    return;
  std::string utf8;
  for (unsigned char c : *source) {
    if (c < 0x80) {
      utf8.push_back(static_cast<char>(c));
    } else {
      utf8.push_back(static_cast<char>(0xC0 | (c >> 6)));
      utf8.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    }
  }
  *source = std::move(utf8);
}

// CPython refuses source with a NUL byte before parsing, naming the line.
bool report_nul_byte(const std::string& source, const std::string& filename) {
  size_t nul = source.find('\0');
  if (nul == std::string::npos) return false;
  size_t line_start = source.rfind('\n', nul);
  line_start = line_start == std::string::npos ? 0 : line_start + 1;
  int lineno = 1 + static_cast<int>(std::count(source.begin(), source.begin() + static_cast<long>(nul), '\n'));
  std::string text = source.substr(line_start, nul - line_start);
  size_t first = text.find_first_not_of(" \t\f");
  text = first == std::string::npos ? "" : text.substr(first);
  write_stderr("  File \"" + filename + "\", line " + std::to_string(lineno) + "\n    " + text +
               "\nSyntaxError: source code cannot contain null bytes\n");
  return true;
}

}  // namespace

int run_main_source(const std::string& given_source, const std::string& filename) {
  if (report_nul_byte(given_source, filename)) return 1;
  std::string source = given_source;
  decode_declared_encoding(&source);
  Module* main_module = new_module("__main__");
  Root keep(main_module);
  module_table()->table.set(intern("__main__"), main_module);
  DictTable& d = main_module->dict()->table;
  d.set(names().__builtins__, builtins_dict());
  if (filename != "<string>" && filename != "<stdin>") d.set(names().__file__, new_str(filename));
  // A zip application's __main__ has the archive's zipimporter as __loader__.
  if (size_t slash = filename.rfind('/'); slash != std::string::npos && slash > 0) {
    Value loader = path_archive_loader(filename.substr(0, slash));
    if (!loader.is_null()) d.set(intern("__loader__"), loader);
  }
  int status = 0;
  try {
    Code* code = compile_source(source, filename, ParseMode::Exec);
    Root keep_code(code);
    if (disassemble_on_run) write_stderr(disassemble(code));
    run_code(code, main_module->dict(), nullptr);
  } catch (PyException&) {
    status = report_uncaught(take_current_exception());
  } catch (const std::bad_alloc&) {  // out of memory while compiling
    status = report_uncaught(memory_error_from_bad_alloc());
  }
  flush_std_streams();
  return status;
}

void finish_program() {
  join_non_daemon_threads();
  run_atexit_callbacks();
  // As CPython tearing down its modules: objects still alive get their
  // __del__ now.
  heap().finalize_all_at_exit();
  flush_std_streams();
}

}  // namespace gilvm
