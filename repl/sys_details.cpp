// What the command line adds to sys once the standard library is up:
// sys.flags, sys.orig_argv, sys.warnoptions, sys._xoptions,
// sys.implementation, and sys.version_info as a named structure (CPython's
// struct sequences: tuples whose items also have names). Written in Python
// (run once at start-up), the values substituted from the parsed command
// line.
#include "repl/sys_details.hpp"

#include <cstdlib>
#include <string>
#include <vector>

#include "repl/runner.hpp"
#include "stdlib/builtins_module.hpp"
#include "vm/call.hpp"
#include "vm/compiler/compiler.hpp"
#include "vm/thread_state.hpp"
#include "vm/errors.hpp"
#include "vm/interp.hpp"
#include "vm/names.hpp"
#include "vm/objects/dict.hpp"
#include "vm/objects/str.hpp"

namespace gilvm {

namespace {

const char* kSysDetailsSource = R"PY(
import sys

def _struct_sequence(qualified_name, fields):
    def __new__(cls, values):
        if len(values) != len(fields):
            raise TypeError(qualified_name + "() takes a " + str(len(fields)) + "-sequence")
        return tuple.__new__(cls, values)
    def __repr__(self):
        return qualified_name + "(" + ", ".join(f + "=" + repr(v) for f, v in zip(fields, self)) + ")"
    def __reduce__(self):
        return (type(self), (tuple(self),))
    namespace = {"__new__": __new__, "__repr__": __repr__, "__reduce__": __reduce__, "__slots__": (),
                 "n_sequence_fields": len(fields), "n_fields": len(fields), "n_unnamed_fields": 0,
                 "_fields": tuple(fields)}
    for index, field in enumerate(fields):
        namespace[field] = property(lambda self, index=index: tuple.__getitem__(self, index))
    module, _, name = qualified_name.rpartition(".")
    cls = type(name, (tuple,), namespace)
    cls.__module__ = module or "builtins"
    cls.__qualname__ = name
    return cls

_version_info_type = _struct_sequence(
    "sys.version_info", ("major", "minor", "micro", "releaselevel", "serial"))
sys.version_info = _version_info_type(tuple(sys.version_info))

_flags_type = _struct_sequence("sys.flags", (
    "debug", "inspect", "interactive", "optimize", "dont_write_bytecode", "no_user_site", "no_site",
    "ignore_environment", "verbose", "bytes_warning", "quiet", "hash_randomization", "isolated",
    "dev_mode", "utf8_mode", "warn_default_encoding", "safe_path", "int_max_str_digits"))
sys.flags = _flags_type(_FLAGS)

class _Implementation:
    def __repr__(self):
        return "namespace(" + ", ".join(k + "=" + repr(v) for k, v in self.__dict__.items()) + ")"

sys.implementation = _Implementation()
sys.implementation.name = "gilvm"
sys.implementation.cache_tag = None
sys.implementation.version = sys.version_info
sys.implementation.hexversion = sys.hexversion

sys.orig_argv = _ORIG_ARGV
sys.warnoptions = _WARNOPTIONS
sys._xoptions = _XOPTIONS
if _INT_MAX_STR_DIGITS >= 0:
    sys.set_int_max_str_digits(_INT_MAX_STR_DIGITS)
sys.dont_write_bytecode = bool(_FLAGS[4])
if _SAFE_PATH:
    del sys.path[0]
sys.path[1 - _SAFE_PATH:1 - _SAFE_PATH] = [p for p in _PYTHONPATH.split(":") if p]

# -W options, PYTHONWARNINGS, -X dev and -b take effect when the warnings
# module reads sys.warnoptions, so CPython imports it at start-up then; a
# failure is reported and the program still runs.
if sys.warnoptions:
    try:
        import warnings
    except BaseException:
        print("'import warnings' failed; traceback:", file=sys.stderr)
        import traceback
        traceback.print_exc()
)PY";

// A str literal for `text`, escaping what Python's grammar requires.
std::string python_literal(const std::string& text) {
  std::string out = "'";
  for (char c : text) {
    unsigned char u = static_cast<unsigned char>(c);
    if (c == '\\' || c == '\'') {
      out += '\\';
      out += c;
    } else if (u < 0x20 || u == 0x7f) {
      static const char* hex = "0123456789abcdef";
      out += "\\x";
      out += hex[u >> 4];
      out += hex[u & 15];
    } else {
      out += c;  // UTF-8 passes through; the source is UTF-8
    }
  }
  return out + "'";
}

std::string list_literal(const std::vector<std::string>& items) {
  std::string out = "[";
  for (const std::string& s : items) out += python_literal(s) + ", ";
  return out + "]";
}

// -X name=value -> {'name': 'value'}; -X name -> {'name': True}.
std::string xoptions_literal(const std::vector<std::string>& items) {
  std::string out = "{";
  for (const std::string& s : items) {
    size_t eq = s.find('=');
    if (eq == std::string::npos) out += python_literal(s) + ": True, ";
    else out += python_literal(s.substr(0, eq)) + ": " + python_literal(s.substr(eq + 1)) + ", ";
  }
  return out + "}";
}

}  // namespace

void install_sys_details(const CommandLine& line, bool interactive) {
  std::string pythonpath;
  if (!line.ignore_environment)
    if (const char* env = std::getenv("PYTHONPATH"); env != nullptr) pythonpath = env;
  auto b = [](bool v) { return std::string(v ? "1" : "0"); };
  std::string flags = "(" + std::to_string(line.debug) + ", " + b(line.inspect) + ", " + b(interactive) + ", " +
                      std::to_string(line.optimize) + ", " + b(line.dont_write_bytecode) + ", " +
                      b(line.no_user_site) + ", " + b(line.no_site) + ", " + b(line.ignore_environment) + ", " +
                      std::to_string(line.verbose) + ", " + std::to_string(line.bytes_warning) + ", " +
                      b(line.quiet) + ", 1, " + b(line.isolated) + ", " + (line.dev_mode ? "True" : "False") +
                      ", 0, 0, " + (line.safe_path ? "True" : "False") + ", " +
                      std::to_string(line.int_max_str_digits) + ")";
  Dict* scratch = new_dict();
  Root keep(scratch);
  scratch->table.set(names().__builtins__, builtins_dict());
  scratch->table.set(names().__name__, new_str("sys"));
  std::string prologue = "_FLAGS = " + flags + "\n_ORIG_ARGV = " + list_literal(line.orig_argv) +
                         "\n_WARNOPTIONS = " + list_literal(line.warn_options) +
                         "\n_XOPTIONS = " + xoptions_literal(line.x_options) +
                         "\n_INT_MAX_STR_DIGITS = " + std::to_string(line.int_max_str_digits) +
                         "\n_SAFE_PATH = " + b(line.safe_path) + "\n_PYTHONPATH = " + python_literal(pythonpath) + "\n";
  try {
    Code* code = compile_source(prologue + kSysDetailsSource, "<gilvm sys>", ParseMode::Exec);
    Root keep_code(code);
    run_code(code, scratch, nullptr);
  } catch (PyException&) {
    report_uncaught(take_current_exception());
  }
}

}  // namespace gilvm
