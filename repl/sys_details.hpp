// sys attributes that come from the command line (sys.flags, orig_argv,
// warnoptions, _xoptions) and CPython's named structures (version_info,
// implementation). Called once, after initialize_stdlib.
#pragma once

#include "repl/command_line.hpp"

namespace gilvm {

// `interactive`: sys.flags.interactive (CPython sets it for -i only, not
// for a bare interactive start).
void install_sys_details(const CommandLine& line, bool interactive);

}  // namespace gilvm
