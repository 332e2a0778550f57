// The hash objects of _hashlib (HASH, HASHXOF) and _blake2 (blake2b,
// blake2s): a Python object owning a C++ Digest.
//
// Contract: large updates run without the GIL
// -------------------------------------------
// As in CPython, hashing 2 KiB or more of an immutable `bytes` releases
// the GIL, so threads that hash big inputs run in parallel (the classic
// demonstration that C code can escape the GIL). While the GIL is
// released only C++ state is touched: the Digest, and the bytes' storage,
// which cannot move (the heap does not move objects) or be freed (the
// argument keeps it reachable from the caller's frame). A mutable buffer
// (bytearray, array, memoryview) is hashed with the GIL held, since
// another thread could resize it meanwhile.
//
// Each object has a mutex so that one thread hashing without the GIL and
// another calling update/digest/copy on the same object do not race. The
// mutex is only ever waited on, never held, across a GIL acquisition: an
// unlocked update takes it after releasing the GIL and drops it before
// taking the GIL back, so a GIL holder waiting on it cannot deadlock.
#pragma once

#include <memory>
#include <mutex>
#include <string>

#include "stdlib/hashlib/digests.hpp"
#include "vm/object.hpp"

namespace gilvm {

struct HashObject : Object {
  std::unique_ptr<Digest> digest;  // C++ state only: the destructor frees it
  mutable std::mutex mutex;
  HashObject(Type* t, std::unique_ptr<Digest> d) : Object(t), digest(std::move(d)) {}
};

// Feeds a bytes-like `data` (TypeError "Strings must be encoded before
// hashing" for str, as CPython), releasing the GIL for large bytes.
void hash_feed(HashObject* h, Value data);
// The digest so far (`length` bytes for an XOF), under the object's mutex.
std::string hash_digest(const HashObject* h, size_t length = 0);
std::unique_ptr<Digest> hash_clone(const HashObject* h);
std::string hex_string(const std::string& bytes);

}  // namespace gilvm
