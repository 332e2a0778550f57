// The `gilvm` command line, parsed the way python3 parses its own:
// short options may be combined (`-Bc code`) and an option's argument may
// be attached (`-cprint(3)`, `-Wignore`, `-Xdev`); `-c`, `-m`, `-` and the
// script name end the options, everything after them is sys.argv[1:].
#pragma once

#include <string>
#include <vector>

namespace gilvm {

struct CommandLine {
  enum class Mode { Repl, File, Command, Module, Stdin } mode = Mode::Repl;
  std::string target;  // the file, the -c code or the -m module
  std::vector<std::string> script_args;
  std::vector<std::string> orig_argv;

  // sys.flags
  int bytes_warning = 0;    // -b
  int debug = 0;            // -d
  bool inspect = false;     // -i
  bool dont_write_bytecode = false;  // -B, PYTHONDONTWRITEBYTECODE
  bool ignore_environment = false;   // -E
  bool isolated = false;    // -I (implies -E -s -P)
  bool no_user_site = false;  // -s
  bool no_site = false;     // -S
  bool safe_path = false;   // -P: no script folder or cwd in sys.path
  int optimize = 0;         // -O, -OO
  bool quiet = false;       // -q
  bool unbuffered = false;  // -u, PYTHONUNBUFFERED
  int verbose = 0;          // -v
  bool skip_first_line = false;  // -x
  bool dev_mode = false;    // -X dev
  bool faulthandler = false;  // -X faulthandler, PYTHONFAULTHANDLER (-X dev implies it)
  std::vector<std::string> warn_options;  // -W, PYTHONWARNINGS
  std::vector<std::string> x_options;     // -X
  int int_max_str_digits = -1;            // -X int_max_str_digits / PYTHONINTMAXSTRDIGITS

  // gilvm's own long options
  bool disassemble = false;  // --dis
  bool gil_stats = false;    // --gil-stats
  double switch_interval = 0;  // --switch-interval (0: the default)
};

// Fills `out` from argv and the PYTHON* environment variables (unless -E
// or -I). Returns -1 to go on, else the exit code to end with at once (after
// -h, -V, or a usage error, which it has printed).
int parse_command_line(int argc, char** argv, CommandLine* out);

}  // namespace gilvm
