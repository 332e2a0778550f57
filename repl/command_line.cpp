#include "repl/command_line.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

namespace gilvm {

namespace {

const char* kUsage =
    "usage: gilvm [option] ... [-c cmd | -m mod | file | -] [arg] ...\n"
    "Options (and corresponding environment variables):\n"
    "-b     : issue warnings about str(bytes_instance) and comparing bytes with str\n"
    "         (-bb: issue errors)\n"
    "-B     : don't write .pyc files (gilvm never writes them; accepted)\n"
    "-c cmd : program passed in as string (terminates option list)\n"
    "-d     : turn on parser debugging output (accepted, no effect)\n"
    "-E     : ignore PYTHON* environment variables (such as PYTHONPATH)\n"
    "-h     : print this help message and exit (also -? or --help)\n"
    "-i     : inspect interactively after running script; forces a prompt even\n"
    "         if stdin does not appear to be a terminal\n"
    "-I     : isolate gilvm from the user's environment (implies -E, -s and -P)\n"
    "-m mod : run library module as a script (terminates option list)\n"
    "-O     : remove assert statements (also PYTHONOPTIMIZE=x)\n"
    "-OO    : do -O changes and also discard docstrings\n"
    "-P     : don't prepend a potentially unsafe path to sys.path\n"
    "-q     : don't print version and copyright messages on interactive startup\n"
    "-s     : don't add user site directory to sys.path (accepted)\n"
    "-S     : don't imply 'import site' on initialization (accepted)\n"
    "-u     : force the stdout and stderr streams to be unbuffered (also PYTHONUNBUFFERED=x)\n"
    "-v     : verbose (accepted, no effect)\n"
    "-V     : print the Python version number and exit (also --version)\n"
    "-W arg : warning control; arg is action:message:category:module:lineno\n"
    "         (also PYTHONWARNINGS=arg)\n"
    "-x     : skip first line of source, allowing use of non-Unix forms of #!cmd\n"
    "-X opt : set implementation-specific option: dev, faulthandler, importtime,\n"
    "         int_max_str_digits=N (others are accepted and kept in sys._xoptions)\n"
    "--dis  : print the compiled bytecode to stderr before running\n"
    "--switch-interval S : the GIL's switch interval in seconds (as\n"
    "         sys.setswitchinterval; default 0.005)\n"
    "--gil-stats : print the GIL's counters per thread to stderr at exit\n"
    "file   : program read from script file\n"
    "-      : program read from stdin (default; interactive mode if a tty)\n"
    "arg ...: arguments passed to program in sys.argv[1:]\n";

int usage_error(const char* program, const std::string& message) {
  std::fprintf(stderr,
               "%s\nusage: %s [option] ... [-c cmd | -m mod | file | -] [arg] ...\n"
               "Try `gilvm -h' for more information.\n",
               message.c_str(), program);
  return 2;
}

bool parse_switch_interval(const std::string& text, double* seconds, std::string* error) {
  char* end = nullptr;
  errno = 0;
  double value = std::strtod(text.c_str(), &end);
  if (text.empty() || end != text.c_str() + text.size() || errno == ERANGE) {
    *error = "--switch-interval: not a number of seconds: '" + text + "'";
    return false;
  }
  if (!(value > 0.0) || value > 1e9) {
    *error = "--switch-interval: switch interval must be strictly positive (and at most 1e9 s)";
    return false;
  }
  *seconds = value;
  return true;
}

// -X int_max_str_digits=N: CPython refuses anything but 0 or >= 640.
bool parse_int_max_str_digits(const std::string& text, int* out) {
  if (text.empty() || text.find_first_not_of("0123456789") != std::string::npos || text.size() > 9) return false;
  int n = std::atoi(text.c_str());
  if (n != 0 && n < 640) return false;
  *out = n;
  return true;
}

std::string getenv_string(const char* name) {
  const char* v = std::getenv(name);
  return v == nullptr ? "" : v;
}

}  // namespace

int parse_command_line(int argc, char** argv, CommandLine* out) {
  const char* program = argv[0];
  for (int k = 0; k < argc; ++k) out->orig_argv.push_back(argv[k]);
  int i = 1;
  bool done = false;
  for (; i < argc && !done; ++i) {
    std::string arg = argv[i];
    if (arg == "--help") {
      std::fputs(kUsage, stdout);
      return 0;
    }
    if (arg == "--version") {
      std::puts("Python 3.11.7 (gilvm 0.1)");
      return 0;
    }
    if (arg == "--dis") {
      out->disassemble = true;
      continue;
    }
    if (arg == "--gil-stats") {
      out->gil_stats = true;
      continue;
    }
    if (arg == "--switch-interval" || arg.rfind("--switch-interval=", 0) == 0) {
      std::string value;
      if (arg == "--switch-interval") {
        if (i + 1 >= argc) return usage_error(program, "Argument expected for the --switch-interval option");
        value = argv[++i];
      } else {
        value = arg.substr(std::strlen("--switch-interval="));
      }
      std::string error;
      if (!parse_switch_interval(value, &out->switch_interval, &error)) return usage_error(program, error);
      continue;
    }
    if (arg == "-") {
      out->mode = CommandLine::Mode::Stdin;
      done = true;
      continue;
    }
    if (arg.size() < 2 || arg[0] != '-') {
      out->mode = CommandLine::Mode::File;
      out->target = arg;
      done = true;
      continue;
    }
    if (arg[1] == '-') return usage_error(program, "unknown option " + arg);
    // One or more short options in one word.
    for (size_t k = 1; k < arg.size() && !done; ++k) {
      char c = arg[k];
      // Options with an argument take the rest of the word, else the next word.
      if (c == 'c' || c == 'm' || c == 'W' || c == 'X') {
        std::string value;
        if (k + 1 < arg.size()) {
          value = arg.substr(k + 1);
        } else if (i + 1 < argc) {
          value = argv[++i];
        } else {
          return usage_error(program, std::string("Argument expected for the -") + c + " option");
        }
        k = arg.size();
        if (c == 'c' || c == 'm') {
          out->mode = c == 'c' ? CommandLine::Mode::Command : CommandLine::Mode::Module;
          out->target = value;
          done = true;
        } else if (c == 'W') {
          out->warn_options.push_back(value);
        } else {
          out->x_options.push_back(value);
        }
        continue;
      }
      switch (c) {
        case 'b': ++out->bytes_warning; break;
        case 'B': out->dont_write_bytecode = true; break;
        case 'd': ++out->debug; break;
        case 'E': out->ignore_environment = true; break;
        case 'h':
        case '?':
          std::fputs(kUsage, stdout);
          return 0;
        case 'i': out->inspect = true; break;
        case 'I':
          out->isolated = out->ignore_environment = out->no_user_site = out->safe_path = true;
          break;
        case 'O': ++out->optimize; break;
        case 'P': out->safe_path = true; break;
        case 'q': out->quiet = true; break;
        case 's': out->no_user_site = true; break;
        case 'S': out->no_site = true; break;
        case 'u': out->unbuffered = true; break;
        case 'v': ++out->verbose; break;
        case 'V':
          std::puts("Python 3.11.7 (gilvm 0.1)");
          return 0;
        case 'x': out->skip_first_line = true; break;
        case 'R': break;  // hash randomization: always on
        default:
          return usage_error(program, std::string("Unknown option: -") + c);
      }
    }
  }
  for (; i < argc; ++i) out->script_args.push_back(argv[i]);

  for (const std::string& x : out->x_options) {
    if (x == "dev") out->dev_mode = true;
    if (x == "faulthandler" || x.rfind("faulthandler=", 0) == 0) out->faulthandler = true;
    if (x.rfind("int_max_str_digits", 0) == 0) {
      size_t eq = x.find('=');
      if (eq == std::string::npos || !parse_int_max_str_digits(x.substr(eq + 1), &out->int_max_str_digits)) {
        std::fprintf(stderr,
                     "Fatal Python error: config_init_int_max_str_digits: -X int_max_str_digits: invalid limit; "
                     "must be >= 640 or 0 for unlimited.\nPython runtime state: preinitialized\n\n");
        return 1;
      }
    }
  }
  if (!out->ignore_environment) {
    if (!getenv_string("PYTHONUNBUFFERED").empty()) out->unbuffered = true;
    if (!getenv_string("PYTHONDONTWRITEBYTECODE").empty()) out->dont_write_bytecode = true;
    if (!getenv_string("PYTHONINSPECT").empty()) out->inspect = true;
    if (!getenv_string("PYTHONSAFEPATH").empty()) out->safe_path = true;
    if (!getenv_string("PYTHONNOUSERSITE").empty()) out->no_user_site = true;
    std::string level = getenv_string("PYTHONOPTIMIZE");
    if (!level.empty()) out->optimize = std::max(out->optimize, std::max(1, std::atoi(level.c_str())));
    if (!getenv_string("PYTHONDEVMODE").empty()) out->dev_mode = true;
    if (!getenv_string("PYTHONFAULTHANDLER").empty()) out->faulthandler = true;
    // PYTHONWARNINGS's entries come before -W's, so -W wins.
    std::string warnings = getenv_string("PYTHONWARNINGS");
    std::vector<std::string> from_env;
    size_t start = 0;
    while (!warnings.empty() && start <= warnings.size()) {
      size_t comma = warnings.find(',', start);
      std::string item = warnings.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
      if (!item.empty()) from_env.push_back(item);
      if (comma == std::string::npos) break;
      start = comma + 1;
    }
    out->warn_options.insert(out->warn_options.begin(), from_env.begin(), from_env.end());
  }
  // As CPython orders sys.warnoptions: the weakest first, since the warnings
  // module puts each later one in front of the filters before it.
  if (out->dev_mode) out->warn_options.insert(out->warn_options.begin(), "default");
  if (out->bytes_warning > 0)
    out->warn_options.push_back(out->bytes_warning > 1 ? "error::BytesWarning" : "default::BytesWarning");
  // CPython keeps only the first of equal entries (so `-W error -W ignore
  // -W error` ends with ignore winning).
  std::vector<std::string> unique;
  for (const std::string& option : out->warn_options)
    if (std::find(unique.begin(), unique.end(), option) == unique.end()) unique.push_back(option);
  out->warn_options = std::move(unique);
  return -1;
}

}  // namespace gilvm
