// Reading one line at the REPL's prompt.
//
// Contract
// --------
// * On a terminal, GNU readline's callback interface does the editing; the
//   wait is a poll() on standard input and the runtime's signal descriptor
//   with the GIL released, so threads started from the prompt keep running
//   and a Ctrl-C is seen at once (never left tripped for the next command).
// * A signal at the prompt runs its handler with the GIL held, as at a
//   safepoint. If the handler raises (KeyboardInterrupt for SIGINT), the
//   half-typed line is thrown away and read_prompt_line lets the exception
//   out to the caller, which prints it and starts a new statement. A
//   handler that returns leaves the line being edited as it was.
// * Not on a terminal (`gilvm -i < file`), lines are read byte by byte from
//   descriptor 0 (no stdio buffer, so input() sees the rest of the input),
//   and prompts go to stderr, as CPython writes them (to stdout for the
//   asyncio REPL, whose console prompts through input()).
// * Tab completes keywords, names of __main__ and builtins, and attributes
//   of dotted names (looked up, never called); callables get "(". Tab in
//   a line's leading whitespace inserts four spaces.
// * History lives in ~/.gilvm_history (the last 1000 lines), read when the
//   REPL starts and written when it ends.
#pragma once

#include <cstdio>
#include <string>

namespace gilvm {

struct Module;

// Readline setup and the history file; `globals` is where names are
// completed from (kept alive by the caller for the REPL's lifetime).
void start_line_reader(Module* globals);
// Writes the history file.
void finish_line_reader();

// Prompts and reads a line, without its newline. Called with the GIL held.
// `indent` is put in the editing buffer first (auto-indent) unless input
// is already waiting (a paste), when it would double the pasted
// indentation. Returns false at end of input (Ctrl-D on an empty line).
// Throws PyException if a signal handler raised while waiting.
bool read_prompt_line(const std::string& prompt, const std::string& indent, std::string* out);

// Where prompts go when standard input is not a terminal (default stderr).
void set_plain_prompt_stream(std::FILE* stream);

}  // namespace gilvm
