// The interactive loop: readline with history, `...` continuation lines for
// incomplete statements, results echoed by PRINT_EXPR, Ctrl-D to exit.
#include <readline/history.h>
#include <readline/readline.h>
#include <unistd.h>

#include <cstdio>
#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <vector>
#include <string>

#include "repl/runner.hpp"
#include "runtime/gil.hpp"
#include "stdlib/builtins_module.hpp"
#include "vm/objects/instance_values.hpp"
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

Module* completion_module = nullptr;
std::vector<std::string> completion_matches;

void add_dict_names(Dict* d, const std::string& prefix, const std::string& stem) {
  if (d == nullptr) return;
  for (size_t i = 0; i < d->table.entry_capacity(); ++i) {
    const DictEntry& e = d->table.entry_at(i);
    if (e.key.is_null() || type_of(e.key) != types().str) continue;
    const std::string& name = e.key.as<Str>()->data;
    if (name.compare(0, stem.size(), stem) == 0 && (stem.size() > 0 || name[0] != '_'))
      completion_matches.push_back(prefix + name);
  }
}

// Candidates for `text`: names of __main__, builtins and keywords, or for
// "a.b.c" the attributes of a.b found through the instance and class dicts.
// Nothing is evaluated but attribute lookups on existing objects.
void compute_matches(const std::string& text) {
  completion_matches.clear();
  size_t dot = text.rfind('.');
  if (dot == std::string::npos) {
    static const char* keywords[] = {"False", "None", "True", "and", "as", "assert", "async", "await", "break",
                                     "class", "continue", "def", "del", "elif", "else", "except", "finally", "for",
                                     "from", "global", "if", "import", "in", "is", "lambda", "nonlocal", "not",
                                     "or", "pass", "raise", "return", "try", "while", "with", "yield"};
    for (const char* k : keywords)
      if (std::string(k).compare(0, text.size(), text) == 0) completion_matches.push_back(k);
    add_dict_names(completion_module->dict(), "", text);
    add_dict_names(builtins_dict(), "", text);
  } else {
    std::string base = text.substr(0, dot);
    std::string stem = text.substr(dot + 1);
    try {
      size_t start = 0;
      Value obj;
      while (start <= base.size()) {
        size_t next = base.find('.', start);
        std::string part = base.substr(start, next == std::string::npos ? std::string::npos : next - start);
        if (obj.is_null()) {
          obj = completion_module->dict()->table.get_str(intern(part));
          if (obj.is_null()) obj = builtins_dict()->table.get_str(intern(part));
          if (obj.is_null()) return;
        } else {
          obj = get_attr_or_null(obj, intern(part));
          if (obj.is_null()) return;
        }
        if (next == std::string::npos) break;
        start = next + 1;
      }
      // (Tab completion may give an instance its dict: harmless.)
      if (obj.is_object() && has_inline_values(obj.object())) materialize_instance_dict(obj.object());
      if (obj.is_object()) add_dict_names(obj.object()->attrs, base + ".", stem);
      for (Type* t : type_of(obj)->mro) add_dict_names(t->dict(), base + ".", stem);
      if (isinstance(obj, types().type))
        for (Type* t : obj.as<Type>()->mro) add_dict_names(t->dict(), base + ".", stem);
    } catch (PyException&) {
      take_current_exception();
    }
  }
  std::sort(completion_matches.begin(), completion_matches.end());
  completion_matches.erase(std::unique(completion_matches.begin(), completion_matches.end()), completion_matches.end());
}

// Readline calls this while the GIL is released (see read_line).
char* completion_generator(const char* text, int state) {
  if (state == 0) {
    GilReacquire hold;
    compute_matches(text);
  }
  if (static_cast<size_t>(state) >= completion_matches.size()) return nullptr;
  return strdup(completion_matches[state].c_str());
}

char** complete(const char* text, int, int) {
  rl_attempted_completion_over = 1;  // no filename completion
  rl_completion_append_character = '\0';
  return rl_completion_matches(text, completion_generator);
}

// Waits for a line with the GIL released, so threads started from the
// prompt keep running while it waits.
bool read_line(const char* prompt, std::string* out) {
  GilRelease release;
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
  completion_module = main_module;
  rl_attempted_completion_function = complete;
  rl_basic_word_break_characters = const_cast<char*>(" \t\n\"\\'`@$><=;|&{(");
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
      run_code(code, main_module->dict(), nullptr);
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
