// The native half of multiprocessing (_multiprocessing): the pieces Python
// cannot build from os calls alone. Each file adds its names to the module.
//   semlock.cpp       SemLock: a POSIX semaphore in shared memory
//   shared_block.cpp  SharedBlock: MAP_SHARED memory for Value and Array
//   connection_io.cpp send_message/recv_message: Connection's framing
//   mp_module.cpp     socketpair(), poll() and the module itself
#pragma once

namespace gilvm {

struct Module;
class Value;

void add_semlock(Module* m);
void add_shared_block(Module* m);
void add_connection_io(Module* m);

// Seconds from a Python timeout argument: None (or absent) gives -1, wait
// forever; a negative number gives 0, as CPython's SemLock and poll read it.
double timeout_seconds(Value v);

}  // namespace gilvm
