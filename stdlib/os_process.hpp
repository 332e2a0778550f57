// The process half of the os module (stdlib/os_process.cpp): fork and
// register_at_fork, waitpid/wait, kill, _exit, pipes and descriptors, and
// the wait-status helpers. os_module.cpp adds them to os.
#pragma once

namespace gilvm {

struct Module;

void add_process_functions(Module* os_module);

}  // namespace gilvm
