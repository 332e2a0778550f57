// help, copyright, credits and license: the names CPython's site module
// puts in builtins for the interactive user. Written in Python (nothing
// here is speed-critical) and run once when a REPL starts; a name the
// program already defined in builtins is left alone.
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

const char* kHelpersSource = R"PY(
class _Notice:
    """Shows its text when echoed or called (copyright, credits, license)."""
    def __init__(self, name, text, echo=None):
        self._name = name
        self._text = text
        self._echo = echo
    def __repr__(self):
        return self._echo if self._echo is not None else self._text
    def __call__(self):
        print(self._text)

def _describe(obj):
    if isinstance(obj, type):
        return "class " + obj.__name__
    kind = type(obj).__name__
    if kind == "module":
        return "module " + obj.__name__
    if kind in ("function", "builtin_function_or_method", "method"):
        return kind.replace("_", " ") + " " + getattr(obj, "__name__", "?")
    return kind + " object"

class _Helper:
    """help(object) prints the object's documentation."""
    def __repr__(self):
        return ("Type help() for interactive help, or help(object) for help about object.")
    def __call__(self, *args, **kwds):
        if not args:
            print("gilvm has no interactive help utility; call help(object) for an object's documentation.")
            return
        obj = args[0]
        if isinstance(obj, str):
            import sys
            if obj in sys.modules:
                obj = sys.modules[obj]
            else:
                print("No Python documentation found for %r." % obj)
                return
        print("Help on " + _describe(obj) + ":\n")
        name = getattr(obj, "__name__", None)
        if name is not None:
            print(name)
        doc = getattr(obj, "__doc__", None)
        if isinstance(doc, str) and doc:
            for line in doc.strip().splitlines():
                print("    " + line.strip())
        else:
            print("    (no documentation)")
        if isinstance(obj, type):
            names = [n for n in sorted(dir(obj)) if not n.startswith("_")]
            if names:
                print("\n    Names defined here: " + ", ".join(names))
        print()

help = _Helper()
copyright = _Notice("copyright", "gilvm: an embeddable interpreter for a Python 3 subset.\n"
                    "The Python language is designed by the Python Software Foundation and its community.")
credits = _Notice("credits", "    gilvm follows the language reference and the behaviour of CPython;\n"
                  "    thanks to everyone who documented and tested it.")
license = _Notice("license", "gilvm is distributed under the terms in its repository's LICENSE file; "
                  "Python's own license is at https://docs.python.org/3/license.html",
                  "Type license() to see the full license text")
)PY";

}  // namespace

void install_interactive_helpers() {
  Dict* builtins = builtins_dict();
  if (!builtins->table.get_str(intern("help")).is_null()) return;
  Dict* scratch = new_dict();
  Root keep(scratch);
  scratch->table.set(names().__builtins__, builtins);
  scratch->table.set(names().__name__, new_str("_sitebuiltins"));
  try {
    Code* code = compile_source(kHelpersSource, "<gilvm helpers>", ParseMode::Exec);
    Root keep_code(code);
    run_code(code, scratch, nullptr);
  } catch (PyException&) {
    report_uncaught(take_current_exception());
    return;
  }
  for (const char* name : {"help", "copyright", "credits", "license"}) {
    Value v = scratch->table.get_str(intern(name));
    if (!v.is_null()) builtins->table.set(intern(name), v);
  }
}

}  // namespace gilvm
