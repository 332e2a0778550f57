// The interactive loop, as CPython's REPL behaves:
//
// * Lines are collected until they form a complete statement. The parser
//   decides (as codeop does): input that only ends too early (an open
//   bracket, a triple-quoted string, a block header with no body yet) is
//   incomplete and asks for a `...` line; any other syntax error is
//   reported at once. A compound statement (if/for/def/@decorator/...) is
//   complete only after a blank line, even when it fits on one line; a
//   simple statement runs as soon as it parses.
// * Lines holding only blanks or a comment at `>>>` do nothing.
// * Ctrl-C cancels the line or statement being typed (KeyboardInterrupt is
//   printed, the statement is forgotten); Ctrl-D at `...` ends the
//   statement as a blank line would; Ctrl-D at `>>>` leaves the loop (the
//   caller then waits for non-daemon threads and runs atexit, as at the end
//   of a script).
// * Each statement runs in __main__; an uncaught exception prints its
//   traceback and the session goes on; SystemExit ends the loop with its
//   code.
// * Prompts are str(sys.ps1) and str(sys.ps2), read before each line.
//
// The asyncio REPL (`gilvm -m asyncio`, asyncio.__main__ calling
// _interactive.interact) is the same loop with three changes: statements
// compile with top-level await allowed (kCompileAllowTopLevelAwait), each is
// made a coroutine, even without an await, and handed to a runner that runs
// it as a task of the REPL's event loop (so get_running_loop() works at top
// level, as in CPython); and the file name is "<console>". The runner
// returns the exception the statement raised, if any, for the loop to
// report. The event loop runs only while a statement runs: tasks left
// running in the background wait at the prompt (CPython's keep running).
#include <unistd.h>

#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "repl/line_reader.hpp"
#include "repl/runner.hpp"
#include "runtime/gil.hpp"
#include "stdlib/builtins_module.hpp"
#include "vm/ast.hpp"
#include "vm/builtins_core.hpp"
#include "vm/call.hpp"
#include "vm/compiler/compiler.hpp"
#include "vm/errors.hpp"
#include "vm/import.hpp"
#include "vm/interp.hpp"
#include "vm/native.hpp"
#include "vm/objects/function.hpp"
#include "vm/names.hpp"
#include "vm/objects/dict.hpp"
#include "vm/objects/module.hpp"
#include "vm/objects/str.hpp"
#include "vm/ops.hpp"
#include "vm/parser.hpp"
#include "vm/thread_state.hpp"

namespace gilvm {

namespace {

// How statements are compiled and run: the plain REPL's, or the asyncio
// REPL's (see the top of the file).
struct ReplStyle {
  const char* filename = "<stdin>";
  Value runner;  // null: run the code directly
};

enum class Verdict { Nothing, Incomplete, Complete, Invalid };

bool is_blank(const std::string& line) { return line.find_first_not_of(" \t\f\r") == std::string::npos; }

bool is_blank_or_comment(const std::string& line) {
  size_t first = line.find_first_not_of(" \t\f\r");
  return first == std::string::npos || line[first] == '#';
}

bool is_compound(const ast::Stmt* s) {
  switch (s->kind) {
    case ast::StmtKind::FunctionDef:
    case ast::StmtKind::AsyncFunctionDef:
    case ast::StmtKind::ClassDef:
    case ast::StmtKind::For:
    case ast::StmtKind::AsyncFor:
    case ast::StmtKind::While:
    case ast::StmtKind::If:
    case ast::StmtKind::With:
    case ast::StmtKind::AsyncWith:
    case ast::StmtKind::Try:
    case ast::StmtKind::Match:
      return true;
    default:
      return false;
  }
}

// An input cut short inside a bracket, a string or after a backslash still
// wants more lines after a blank one; a block still missing its body does
// not (CPython reports "expected an indented block" there).
bool open_across_blank_lines(const SyntaxErrorInfo& e) {
  return e.msg.find("was never closed") != std::string::npos ||
         e.msg.rfind("unterminated triple-quoted", 0) == 0 || e.msg == "unexpected EOF while parsing";
}

std::string joined(const std::vector<std::string>& lines) {
  std::string source;
  for (const std::string& line : lines) source += line + "\n";
  return source;
}

// `at_end`: no more lines will come (Ctrl-D at `...`).
Verdict judge(const std::vector<std::string>& lines, bool at_end) {
  bool all_blank = true;
  for (const std::string& line : lines) all_blank = all_blank && is_blank_or_comment(line);
  if (all_blank) return Verdict::Nothing;
  bool last_blank = is_blank(lines.back());
  try {
    ParseResult tree = parse(joined(lines), "<stdin>", ParseMode::Single);
    bool compound = false;
    if (tree.mod != nullptr && tree.mod->kind == ast::ModKind::Interactive)
      for (const ast::Stmt* s : static_cast<ast::Interactive*>(tree.mod)->body) compound = compound || is_compound(s);
    if (compound && !last_blank && !at_end) return Verdict::Incomplete;
    return Verdict::Complete;
  } catch (const SyntaxErrorInfo& e) {
    if (!e.incomplete_input || at_end) return Verdict::Invalid;
    if (!last_blank || open_across_blank_lines(e)) return Verdict::Incomplete;
    return Verdict::Invalid;
  }
}

// Auto-indent for the next `...` line: one level deeper after a line ending
// in ":", else the previous line's indentation.
std::string next_indent(const std::vector<std::string>& lines) {
  if (lines.empty()) return "";
  const std::string& last = lines.back();
  if (is_blank(last)) return "";
  std::string indent = last.substr(0, last.find_first_not_of(" \t"));
  size_t end = last.find_last_not_of(" \t");
  if (end != std::string::npos && last[end] == ':') indent += "    ";
  return indent;
}

std::string prompt_text(const char* name, const char* fallback) {
  Value sys = module_table()->table.get_str(intern("sys"));
  if (sys.is_null()) return fallback;
  try {
    Value p = get_attr_or_null(sys, intern(name));
    if (p.is_null()) return fallback;
    return str_string(p);
  } catch (PyException&) {
    take_current_exception();
    return fallback;
  }
}

void set_default_prompts() {
  Value sys = module_table()->table.get_str(intern("sys"));
  if (sys.is_null()) return;
  DictTable& d = sys.as<Module>()->dict()->table;
  if (d.get_str(intern("ps1")).is_null()) d.set(intern("ps1"), new_str(">>> "));
  if (d.get_str(intern("ps2")).is_null()) d.set(intern("ps2"), new_str("... "));
}

// CPython's REPL reads one statement from the terminal, so a second one
// after a block (no blank line between) is "invalid syntax" at its first
// word, not compile()'s "multiple statements" message. Raises that error.
void raise_second_statement_error(const std::string& source) {
  ParseResult tree;
  try {
    tree = parse(source, "<stdin>", ParseMode::Exec);
  } catch (const SyntaxErrorInfo&) {
    return;
  }
  auto* m = static_cast<ast::Module*>(tree.mod);
  if (m == nullptr || m->body.size() < 2) return;
  const ast::Stmt* second = m->body[1];
  size_t line_start = 0;
  for (int n = 1; n < second->lineno && line_start != std::string::npos; ++n)
    line_start = source.find('\n', line_start) == std::string::npos ? std::string::npos
                                                                    : source.find('\n', line_start) + 1;
  if (line_start == std::string::npos) return;
  std::string text = source.substr(line_start, source.find('\n', line_start) - line_start);
  size_t word_end = static_cast<size_t>(second->col_offset);
  while (word_end < text.size() && (std::isalnum(static_cast<unsigned char>(text[word_end])) || text[word_end] == '_'))
    ++word_end;
  if (word_end == static_cast<size_t>(second->col_offset)) ++word_end;
  SyntaxErrorInfo info("SyntaxError", "invalid syntax");
  info.filename = "<stdin>";
  info.lineno = info.end_lineno = second->lineno;
  info.offset = second->col_offset + 1;
  info.end_offset = static_cast<int>(word_end) + 1;
  info.text = text + "\n";
  raise_syntax_error(info);
}

void print_interrupt() {
  flush_std_streams();
  std::fputs("KeyboardInterrupt\n", stderr);
  std::fflush(stderr);
}

// The asyncio REPL's statements run as tasks: the traceback of what one
// raised starts with the loop's and the task's frames, which say nothing
// about the statement (CPython prints its own machinery there); they go.
void drop_frames_before_console(Value exception) {
  if (!isinstance(exception, exc().BaseException)) return;
  auto* e = exception.as<ExceptionObject>();
  if (e->traceback.is_null()) return;
  for (auto* tb = static_cast<Traceback*>(e->traceback.object()); tb != nullptr; tb = tb->next) {
    if (tb->code->filename->data == "<console>") {
      e->traceback = tb;
      return;
    }
  }
}

// Reports what a statement raised. Returns false with *status set for
// SystemExit.
bool report_statement_exception(Value e, int* status) {
  if (isinstance(e, exc().SystemExit)) {
    *status = report_uncaught(e);
    return false;
  }
  report_uncaught(e);
  return true;
}

// Runs `source` in __main__ (or reports its syntax error). Returns false
// with *status set when it raised SystemExit.
bool run_statement(const std::string& source, Module* main_module, const ReplStyle& style, int* status) {
  try {
    try {
      ParseResult ignored = parse(source, style.filename, ParseMode::Single);
    } catch (const SyntaxErrorInfo& e) {
      if (e.msg == "multiple statements found while compiling a single statement") raise_second_statement_error(source);
    }
    if (style.runner.is_null()) {
      Code* code = compile_source(source, style.filename, ParseMode::Single);
      Root keep_code(code);
      run_code(code, main_module->dict(), nullptr);
    } else {
      Code* code = compile_source(source, style.filename, ParseMode::Single, kCompileAllowTopLevelAwait);
      Root keep_code(code);
      code->flags |= kCodeCoroutine;  // a task of the loop even without an await
      Value coroutine = run_code(code, main_module->dict(), nullptr);
      Value raised = call_object(style.runner, CallArgs{&coroutine, 1});
      if (isinstance(raised, exc().KeyboardInterrupt)) {
        print_interrupt();  // the statement was cancelled: no traceback, as CPython's
      } else if (!raised.is_none()) {
        drop_frames_before_console(raised);
        if (!report_statement_exception(raised, status)) return false;
      }
    }
  } catch (PyException&) {
    if (!report_statement_exception(take_current_exception(), status)) return false;
  }
  flush_std_streams();
  return true;
}

}  // namespace

Module* main_module_for_repl() {
  Value main_value = module_table()->table.get_str(intern("__main__"));
  if (!main_value.is_null()) return main_value.as<Module>();
  Module* main_module = new_module("__main__");
  module_table()->table.set(intern("__main__"), main_module);
  main_module->dict()->table.set(names().__builtins__, builtins_dict());
  return main_module;
}

namespace {

// Returns the exit status; *by_exit tells whether SystemExit ended it (else
// end of input).
int repl_loop(const ReplStyle& style, bool* by_exit) {
  *by_exit = true;
  Module* main_module = main_module_for_repl();
  Root keep(main_module);
  set_default_prompts();
  install_interactive_helpers();
  start_line_reader(main_module);
  std::vector<std::string> lines;
  int status = 0;
  for (;;) {
    std::string line;
    bool got;
    try {
      flush_std_streams();
      got = lines.empty() ? read_prompt_line(prompt_text("ps1", ">>> "), "", &line)
                          : read_prompt_line(prompt_text("ps2", "... "), next_indent(lines), &line);
    } catch (PyException&) {
      Value e = take_current_exception();
      lines.clear();
      if (isinstance(e, exc().SystemExit)) {
        status = report_uncaught(e);
        break;
      }
      if (isinstance(e, exc().KeyboardInterrupt)) {
        print_interrupt();
      } else {
        report_uncaught(e);
      }
      continue;
    }
    if (!got && lines.empty()) {
      if (isatty(0)) std::fputs("\n", stdout);
      *by_exit = false;
      break;
    }
    if (!got && isatty(0)) std::fputs("\n", stdout);
    if (got) lines.push_back(line);
    Verdict verdict = judge(lines, !got);
    if (verdict == Verdict::Incomplete) continue;
    std::string source = joined(lines);
    lines.clear();
    if (verdict == Verdict::Nothing) continue;
    if (!run_statement(source, main_module, style, &status)) break;
  }
  finish_line_reader();
  flush_std_streams();
  return status;
}

// _interactive.interact(runner, banner): the asyncio REPL's loop in
// __main__; prints the banner to stderr. Returns None at the end of input,
// the exit status when SystemExit ended it (already reported).
Value interactive_interact(const CallArgs& a) {
  ArgParser p(a, "interact", {"runner", "banner"}, 2, false);
  ReplStyle style;
  style.filename = "<console>";
  style.runner = p.get(0);
  std::string banner = str_string(p.get(1));
  flush_std_streams();
  std::fprintf(stderr, "%s\n", banner.c_str());
  std::fflush(stderr);
  set_plain_prompt_stream(stdout);
  bool by_exit = false;
  int status = repl_loop(style, &by_exit);
  set_plain_prompt_stream(stderr);
  return by_exit ? Value::small_int(status) : Value::none();
}

void init_interactive(Module* m) { add_function(m, "interact", interactive_interact); }

}  // namespace

int run_repl() {
  bool by_exit = false;
  return repl_loop(ReplStyle{}, &by_exit);
}

void register_interactive_module() { register_builtin_module("_interactive", init_interactive); }

}  // namespace gilvm
