// The import system: built-in modules registered by name, and `.py` files
// found along sys.path (the script's folder first; a zip archive there is
// read through the stdlib's ArchiveReader). Modules are cached in
// the module table (sys.modules).
#pragma once

#include <string>

#include "vm/object.hpp"

namespace gilvm {

struct Dict;
struct Module;
struct Str;

using ModuleInit = void (*)(Module* module);

// Registers a built-in module; its init function fills the module's dict
// the first time it is imported.
void register_builtin_module(const char* name, ModuleInit init);

// Module initialisation and threads
// ----------------------------------
// A module is in sys.modules while its code runs (so circular imports see
// it half made), but another thread importing it then waits until that
// code has finished, as CPython's per-module import locks make it: a
// thread never sees a module another thread is still initialising. Two
// threads each waiting for a module the other is initialising would never
// finish, so then the waiter takes the half-made module, as CPython does.
// The wait must let the initialising thread run: the runtime installs the
// hook that waits a moment without the GIL (the VM alone has no threads).
void set_import_wait_hook(void (*wait_a_moment)());

// sys.modules and sys.path (created at start-up; the sys module shares them).
Dict* module_table();
Value module_search_path();  // a list of str
void set_module_search_path(Value list);

Value import_module(Str* name, Dict* globals, Value fromlist, int64_t level);
Value import_from(Value module, Str* name);
void import_star(Value module, Dict* target);

// A sys.path entry that is a zip archive (or a folder inside one, as
// "app.zip/lib") is searched through this reader, which the standard
// library installs (stdlib/zipimport/): it returns true with the text of
// `member` ('/'-separated, relative to the entry) when `entry` is such an
// archive holding it, false otherwise; it raises for a corrupt member.
// The vm layer knows nothing of the zip format.
using ArchiveReader = bool (*)(const std::string& entry, const std::string& member, std::string* text);
// The __loader__ of modules read from such an entry (a
// zipimport.zipimporter), or null when there is none to give.
using ArchiveLoader = Value (*)(const std::string& entry);
void set_archive_reader(ArchiveReader reader, ArchiveLoader loader);
// The installed reader's answer, or false when none is installed.
bool read_from_path_archive(const std::string& entry, const std::string& member, std::string* text);
// The installed loader's answer for an archive entry, or null.
Value path_archive_loader(const std::string& entry);

// The REPL's PRINT_EXPR: prints repr(value) unless None, and sets builtins._.
void print_expression_result(Value value);
// Where print_expression_result writes (set by the stdlib's sys module).
void set_display_hook(void (*hook)(Value value));

}  // namespace gilvm
