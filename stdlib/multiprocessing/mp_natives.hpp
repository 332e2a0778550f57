// The native half of multiprocessing (_multiprocessing): the pieces Python
// cannot build from os calls alone. Each file adds its names to the module.
//   semlock.cpp       SemLock: a POSIX semaphore in shared memory
//   shared_block.cpp  SharedBlock and SharedValue: MAP_SHARED memory for
//                     Array and Value
//   shared_slots.cpp  64-byte shared slots: the memory of fork-context
//                     SemLocks and SharedValues (shareable ones take a memfd
//                     page from map_shared instead)
//   shared_memory.cpp shm_open, shm_unlink, SharedMapping: POSIX shared memory
//   connection_io.cpp send_message/recv_message: Connection's framing
//   fd_passing.cpp    sendfds and recvfds
//   mp_module.cpp     socketpair(), poll(), map_shared and the module itself
#pragma once

#include <cstddef>

namespace gilvm {

struct Module;
class Value;

void add_semlock(Module* m);
void add_shared_block(Module* m);
void add_shared_memory(Module* m);
void add_connection_io(Module* m);

// Seconds from a Python timeout argument: None (or absent) gives -1, wait
// forever; a negative number gives 0, as CPython's SemLock and poll read it.
double timeout_seconds(Value v);

// Memory shared with other processes, zero-filled, readable and writable.
// Without `shareable` it is anonymous (only fork children see it) and *fd
// is -1; with it, it is backed by a close-on-exec memfd left open in *fd,
// which a spawn child inherits and maps again with map_shared_fd. Raises
// OSError on failure.
void* map_shared(size_t size, bool shareable, int* fd);
// Maps `size` bytes of the memfd `fd` made by map_shared in some process;
// ValueError when the descriptor is not such a memory or is too small.
void* map_shared_fd(int fd, size_t size);

// fd_passing.cpp: sendfds and recvfds (descriptors over SCM_RIGHTS).
void add_fd_passing(Module* m);

}  // namespace gilvm
