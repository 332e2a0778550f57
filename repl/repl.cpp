// The interactive loop: readline with history, `...` continuation lines for
// incomplete statements, results echoed by PRINT_EXPR, Ctrl-D to exit.
#include <readline/history.h>
#include <readline/readline.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <string>

#include "repl/runner.hpp"
#include "stdlib/builtins_module.hpp"
#include "vm/builtins_core.hpp"
#include "vm/call.hpp"
#include "vm/compiler/compiler.hpp"
#include "vm/errors.hpp"
#include "vm/import.hpp"
#include "vm/interp.hpp"
#include "vm/names.hpp"
#include "vm/objects/dict.hpp"
#include "vm/objects/module.hpp"
#include "vm/objects/str.hpp"
#include "vm/ops.hpp"
#include "vm/parser.hpp"
#include "vm/thread_state.hpp"

namespace gilvm {

namespace {

bool read_line(const char* prompt, std::string* out) {
  if (isatty(0)) {
    char* line = readline(prompt);
    if (line == nullptr) return false;
    *out = line;
    if (!out->empty()) add_history(line);
    std::free(line);
    return true;
  }
  std::fputs(prompt, stderr);
  std::string line;
  int c;
  bool any = false;
  while ((c = std::getchar()) != EOF) {
    any = true;
    if (c == '\n') break;
    line.push_back(static_cast<char>(c));
  }
  *out = line;
  return any;
}

}  // namespace

int run_repl() {
  Value main_value = module_table()->table.get_str(intern("__main__"));
  Module* main_module;
  if (main_value.is_null()) {
    main_module = new_module("__main__");
    module_table()->table.set(intern("__main__"), main_module);
    main_module->dict()->table.set(names().__builtins__, builtins_dict());
  } else {
    main_module = main_value.as<Module>();
  }
  Root keep(main_module);
  if (isatty(0)) std::fprintf(stderr, "gilvm 0.1 (Python 3.11 language subset)\nType Ctrl-D to exit.\n");
  std::string buffer;
  for (;;) {
    std::string line;
    if (!read_line(buffer.empty() ? ">>> " : "... ", &line)) {
      if (isatty(0)) std::fputs("\n", stderr);
      break;
    }
    buffer += line + "\n";
    // A blank line ends a block; otherwise ask for more while the input is incomplete.
    bool blank = line.find_first_not_of(" \t") == std::string::npos;
    try {
      ParseResult tree = parse(buffer, "<stdin>", ParseMode::Single);
      bool compound = !tree.mod || buffer.find(':') != std::string::npos;
      if (compound && !blank && buffer.find('\n') != buffer.size() - 1) continue;
      if (compound && !blank && line.find(':') != std::string::npos && line.back() == ':') continue;
    } catch (const SyntaxErrorInfo& info) {
      if (info.incomplete_input && !blank) continue;
    }
    std::string source = buffer;
    buffer.clear();
    try {
      Code* code = compile_source(source, "<stdin>", ParseMode::Single);
      Root keep_code(code);
      run_code(code, main_module->dict(), nullptr, true);
    } catch (PyException&) {
      Value e = take_current_exception();
      if (isinstance(e, exc().SystemExit)) return report_uncaught(e);
      report_uncaught(e);
    }
    flush_std_streams();
  }
  flush_std_streams();
  return 0;
}

}  // namespace gilvm
