#include "repl/line_reader.hpp"

#include <poll.h>
#include <readline/history.h>
#include <readline/readline.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <string>
#include <vector>

#include "runtime/gil.hpp"
#include "runtime/signals.hpp"
#include "stdlib/builtins_module.hpp"
#include "vm/builtins_core.hpp"
#include "vm/call.hpp"
#include "vm/errors.hpp"
#include "vm/names.hpp"
#include "vm/objects/dict.hpp"
#include "vm/objects/instance_values.hpp"
#include "vm/objects/module.hpp"
#include "vm/objects/str.hpp"
#include "vm/ops.hpp"
#include "vm/thread_state.hpp"

namespace gilvm {

namespace {

Module* completion_module = nullptr;
std::vector<std::string> completion_matches;
std::string history_path;
std::deque<std::string> pasted_lines;  // the rest of a multi-line paste
constexpr int kHistoryLines = 1000;

// --------------------------------------------------------------- completion

void add_dict_names(Dict* d, const std::string& prefix, const std::string& stem) {
  if (d == nullptr) return;
  for (size_t i = 0; i < d->table.entry_capacity(); ++i) {
    const DictEntry& e = d->table.entry_at(i);
    if (e.key.is_null() || type_of(e.key) != types().str) continue;
    const std::string& name = e.key.as<Str>()->data;
    if (name.compare(0, stem.size(), stem) != 0) continue;
    // As rlcompleter: private names only once the user typed the "_".
    if (stem.empty() && name[0] == '_') continue;
    completion_matches.push_back(prefix + name + (is_callable(e.value) ? "(" : ""));
  }
}

// What rlcompleter appends to a completed keyword: most take an operand
// (a space); a few end their statement or open a block.
std::string keyword_completion(const std::string& k) {
  static const char* bare[] = {"False", "None", "True", "break", "continue", "pass", "else"};
  for (const char* b : bare)
    if (k == b) return k;
  if (k == "finally" || k == "try") return k + ":";
  return k + " ";
}

// Candidates for `text`: keywords and the names of __main__ and builtins,
// or for "a.b.c" the attributes of a.b found through the instance and class
// dicts. Nothing is evaluated but attribute lookups on existing objects.
void compute_matches(const std::string& text) {
  completion_matches.clear();
  size_t dot = text.rfind('.');
  if (dot == std::string::npos) {
    static const char* keywords[] = {"False", "None", "True", "and", "as", "assert", "async", "await", "break",
                                     "class", "continue", "def", "del", "elif", "else", "except", "finally", "for",
                                     "from", "global", "if", "import", "in", "is", "lambda", "nonlocal", "not",
                                     "or", "pass", "raise", "return", "try", "while", "with", "yield"};
    for (const char* k : keywords)
      if (std::string(k).compare(0, text.size(), text) == 0) completion_matches.push_back(keyword_completion(k));
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
        } else {
          obj = get_attr_or_null(obj, intern(part));
        }
        if (obj.is_null()) return;
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
  completion_matches.erase(std::unique(completion_matches.begin(), completion_matches.end()),
                           completion_matches.end());
}

// Readline calls this while the GIL is released (see read_prompt_line).
char* completion_generator(const char* text, int state) {
  if (state == 0) {
    GilReacquire hold;
    compute_matches(text);
  }
  if (static_cast<size_t>(state) >= completion_matches.size()) return nullptr;
  return strdup(completion_matches[state].c_str());
}

char** complete(const char* text, int start, int) {
  rl_attempted_completion_over = 1;  // no filename completion
  rl_completion_append_character = '\0';
  bool in_indentation = text[0] == '\0';
  for (int i = 0; i < start && in_indentation; ++i)
    in_indentation = rl_line_buffer[i] == ' ' || rl_line_buffer[i] == '\t';
  if (in_indentation) {
    rl_insert_text("    ");
    return nullptr;
  }
  return rl_completion_matches(text, completion_generator);
}

// ------------------------------------------------------------ reading lines

bool line_ready = false;
bool line_is_eof = false;
bool eof_requested = false;
std::string line_text;

// Ctrl-D: readline itself ends the input only on an empty line; a line
// holding nothing but the auto-indent counts as empty too.
int end_of_input_key(int count, int key) {
  bool blank = true;
  for (int i = 0; i < rl_end && blank; ++i) blank = rl_line_buffer[i] == ' ' || rl_line_buffer[i] == '\t';
  if (!blank) return rl_delete(count, key);
  rl_replace_line("", 0);
  eof_requested = true;
  rl_done = 1;
  return 0;
}

void on_line(char* line) {
  line_ready = true;
  line_is_eof = line == nullptr || eof_requested;
  eof_requested = false;
  if (line != nullptr) {
    line_text = line;
    if (!line_is_eof && line_text.find_first_not_of(" \t") != std::string::npos) add_history(line);
    std::free(line);
  }
  rl_callback_handler_remove();
}

bool input_waiting() {
  struct pollfd p{0, POLLIN, 0};
  return ::poll(&p, 1, 0) > 0;
}

// Runs pending signal handlers with the GIL; if one raises, the line being
// edited is discarded and the terminal restored before the exception
// leaves.
void serve_signals_at_prompt() {
  GilReacquire hold;
  try {
    run_pending_signal_handlers();
  } catch (...) {
    // Forget the line without redrawing it (CPython leaves it as typed).
    rl_free_line_state();
    rl_callback_sigcleanup();
    rl_callback_handler_remove();
    rl_line_buffer[0] = '\0';
    rl_point = rl_end = 0;
    std::fputs("\n", rl_outstream != nullptr ? rl_outstream : stdout);
    std::fflush(rl_outstream != nullptr ? rl_outstream : stdout);
    throw;
  }
}

bool read_terminal_line(const std::string& prompt, const std::string& indent, std::string* out) {
  std::fflush(stdout);
  line_ready = false;
  line_is_eof = false;
  line_text.clear();
  GilRelease release;
  rl_callback_handler_install(prompt.c_str(), on_line);
  if (!indent.empty() && !input_waiting()) {
    rl_insert_text(indent.c_str());
    rl_redisplay();
  }
  while (!line_ready) {
    struct pollfd waits[2] = {{0, POLLIN, 0}, {signal_wakeup_descriptor(), POLLIN, 0}};
    int n = ::poll(waits, waits[1].fd >= 0 ? 2 : 1, -1);
    if (signal_pending()) {
      serve_signals_at_prompt();
      continue;
    }
    if (n < 0) {
      if (errno == EINTR) continue;
      break;
    }
    if (waits[0].revents & (POLLIN | POLLHUP | POLLERR)) rl_callback_read_char();
  }
  if (!line_ready) {
    rl_callback_handler_remove();
    return false;
  }
  *out = line_text;
  return !line_is_eof;
}

// Standard input that is not a terminal: one byte per read(), so that
// nothing is buffered past the line (input() reads descriptor 0 too).
std::FILE* plain_prompt_stream = stderr;

bool read_plain_line(const std::string& prompt, std::string* out) {
  std::fputs(prompt.c_str(), plain_prompt_stream);
  std::fflush(plain_prompt_stream);
  std::string line;
  bool any = false;
  for (;;) {
    char c;
    ssize_t got;
    int err;
    {
      GilRelease release;
      got = ::read(0, &c, 1);
      err = errno;
    }
    if (got < 0 && err == EINTR) {
      run_pending_signal_handlers();
      continue;
    }
    if (got <= 0) break;
    any = true;
    if (c == '\n') break;
    line.push_back(c);
  }
  *out = line;
  return any;
}

}  // namespace

void start_line_reader(Module* globals) {
  completion_module = globals;
  if (!isatty(0)) return;
  rl_readline_name = "gilvm";
  rl_catch_signals = 0;  // the runtime's handlers see Ctrl-C (see the contract)
  rl_catch_sigwinch = 1;
  rl_attempted_completion_function = complete;
  rl_bind_key(4, end_of_input_key);  // Ctrl-D
  rl_basic_word_break_characters = const_cast<char*>(" \t\n\"\\'`@$><=;|&{(");
  if (const char* home = std::getenv("HOME"); home != nullptr && home[0] != '\0') {
    history_path = std::string(home) + "/.gilvm_history";
    read_history(history_path.c_str());
  }
}

void finish_line_reader() {
  if (history_path.empty()) return;
  stifle_history(kHistoryLines);
  write_history(history_path.c_str());
}

void set_plain_prompt_stream(std::FILE* stream) { plain_prompt_stream = stream; }

bool read_prompt_line(const std::string& prompt, const std::string& indent, std::string* out) {
  if (!pasted_lines.empty()) {
    *out = pasted_lines.front();
    pasted_lines.pop_front();
    return true;
  }
  if (!isatty(0)) return read_plain_line(prompt, out);
  if (!read_terminal_line(prompt, indent, out)) return false;
  // A bracketed paste hands over several lines at once: the REPL takes
  // them one by one, as if typed.
  size_t newline = out->find('\n');
  if (newline != std::string::npos) {
    std::string rest = out->substr(newline + 1);
    out->resize(newline);
    size_t start = 0;
    while (start < rest.size()) {
      size_t end = rest.find('\n', start);
      if (end == std::string::npos) end = rest.size();
      pasted_lines.push_back(rest.substr(start, end - start));
      start = end + 1;
    }
  }
  return true;
}

}  // namespace gilvm
