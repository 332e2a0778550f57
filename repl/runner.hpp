// Running a program the way `python3` does: a file, `-c` code, a module,
// or standard input, with CPython's exit codes and traceback output.
#pragma once

#include <string>

#include "vm/value.hpp"

namespace gilvm {

// Runs `source` as the __main__ module. Returns the process exit code:
// 0, the SystemExit code, or 1 after printing an uncaught exception.
int run_main_source(const std::string& source, const std::string& filename);

// Prints an uncaught exception as CPython does and returns the exit code
// (SystemExit's code, else 1).
int report_uncaught(Value exception);

// True once report_uncaught has reported a KeyboardInterrupt: like CPython,
// the process then ends by SIGINT (exit status 130 in a shell) so that the
// shell or parent sees it was interrupted.
bool interrupted_by_keyboard();

// Print each compiled program's bytecode to stderr before running it.
void set_disassemble_on_run(bool on);

// Finds a module's source along sys.path (a.b -> a/b.py or a/b/__main__.py),
// for `gilvm -m`. Returns false when there is none.
bool find_module_source(const std::string& module, std::string* source, std::string* filename);

// Waits for threading's non-daemon threads, as CPython does at exit.
void join_non_daemon_threads();

// The interactive loop (readline); returns the exit code.
int run_repl();

}  // namespace gilvm
