// Running a program the way `python3` does: a file, `-c` code, a module,
// or standard input, with CPython's exit codes and traceback output.
#pragma once

#include <string>

#include "vm/value.hpp"

namespace gilvm {

// Runs `source` as the __main__ module. Returns the process exit code:
// 0, the SystemExit code, or 1 after printing an uncaught exception.
int run_main_source(const std::string& source, const std::string& filename);

// What follows the program (and `-i`'s REPL): waits for non-daemon
// threads, runs atexit callbacks and the finalizers of objects still alive.
void finish_program();

// Prints an uncaught exception as CPython does and returns the exit code
// (SystemExit's code, else 1).
int report_uncaught(Value exception);

// True once report_uncaught has reported a KeyboardInterrupt: like CPython,
// the process then ends by SIGINT (exit status 130 in a shell) so that the
// shell or parent sees it was interrupted.
bool interrupted_by_keyboard();

// Print each compiled program's bytecode to stderr before running it.
void set_disassemble_on_run(bool on);

// For `gilvm -m`: imports the parent package (as runpy does), then finds
// the module's source along sys.path (a.b -> a/b.py or a/b/__main__.py)
// or among the frozen modules. False with CPython's message in *error
// when there is none or it is a package without __main__.
bool find_main_module(const std::string& module, std::string* source, std::string* filename, std::string* error);

// sys.argv[0] = value (-m sets it to the module's path, as CPython).
void set_sys_argv0(const std::string& value);

// The path made absolute against the current directory.
std::string absolute_path(const std::string& path);

// Runs `source` in the existing __main__ (PYTHONSTARTUP), reporting an
// uncaught exception without ending anything.
void run_in_main(const std::string& source, const std::string& filename);

struct Module;
// The __main__ module, made (with __builtins__) if there is none yet.
Module* main_module_for_repl();

// Waits for threading's non-daemon threads, as CPython does at exit.
void join_non_daemon_threads();

// The interactive loop (repl/repl.cpp); returns the exit code.
int run_repl();
// Registers `_interactive`, the asyncio REPL's way into that loop.
void register_interactive_module();

// Puts help, copyright, credits and license in builtins (as CPython's site
// module does) unless builtins already has a `help`.
void install_interactive_helpers();

}  // namespace gilvm
