// The part of the `builtins` namespace that belongs to the language core:
// the built-in types and exception classes, __build_class__, __import__,
// exec, eval and compile. The standard library adds the ordinary functions
// (print, len, sorted, ...) on top.
#pragma once

#include <string>

#include "vm/object.hpp"

namespace gilvm {

struct Dict;
struct Str;

// Creates the builtins dict (once) and makes it the one frames use.
Dict* install_core_builtins();

// The `import` statement (IMPORT_NAME): calls builtins.__import__ as it is
// now, so a replacement sees (name, globals, locals or None, fromlist,
// level) as in CPython; the original imports directly. ImportError
// "__import__ not found" when it was deleted.
Value import_name(Str* name, Dict* globals, Dict* locals, Value fromlist, int64_t level);

// CPython's traceback text for an exception: the chain of causes/contexts,
// "Traceback (most recent call last):", one entry per frame with its
// source line, then "TypeError: message" (or the SyntaxError layout).
// As CPython's own printing (uncaught and unraisable exceptions, the
// threading excepthook), a set sys.tracebacklimit (an int) keeps only the
// innermost that many entries of each traceback, and none (not even the
// header) when it is 0 or less; the traceback module, which applies its
// limits itself, asks for the whole text.
std::string format_exception(Value exception, bool honour_tracebacklimit = true);

// The location-marker line ("    ~~^~~\n") CPython prints under the source
// line of one traceback entry, or "" (traceback.StackSummary uses it).
std::string traceback_entry_markers(Value traceback);

// Source text that is not in a file (frozen modules, "<frozen NAME>"), so
// that tracebacks show its lines as they show a file's. `source` must
// outlive the process (a string literal).
void remember_source_text(const std::string& filename, const char* source);
// CPython's PyErr_WriteUnraisable: writes "<context>\n" and the traceback of
// an exception nobody can catch (a finalizer's, a thread bootstrap's) to
// sys.stderr; errors while writing are dropped.
void write_unraisable(const std::string& context, Value exception);

}  // namespace gilvm
