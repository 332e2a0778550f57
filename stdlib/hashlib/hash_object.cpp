// Feeding and reading hash objects; the locking contract is in
// hash_object.hpp.
#include "stdlib/hashlib/hash_object.hpp"

#include "runtime/gil.hpp"
#include "vm/errors.hpp"
#include "vm/objects/buffer.hpp"
#include "vm/ops.hpp"
#include "vm/types.hpp"

namespace gilvm {

namespace {
// CPython's threshold (HASHLIB_GIL_MINSIZE): below it, releasing and
// retaking the GIL costs more than the hashing.
constexpr size_t kReleaseGilFrom = 2048;
}  // namespace

void hash_feed(HashObject* h, Value data) {
  if (isinstance(data, types().str)) raise_type_error("Strings must be encoded before hashing");
  BufferView view;
  if (!get_buffer(data, &view)) raise_type_error("object supporting the buffer API required");
  Digest* digest = h->digest.get();
  // Only a bytes object itself: its storage is its own and never changes.
  // (A memoryview over bytes could be released, and its base collected,
  // by another thread while this one hashes.)
  if (view.size >= kReleaseGilFrom && isinstance(data, types().bytes)) {
    GilRelease release;
    std::lock_guard<std::mutex> lock(h->mutex);
    digest->update(view.data, view.size);
    return;
  }
  std::lock_guard<std::mutex> lock(h->mutex);
  digest->update(view.data, view.size);
}

std::string hash_digest(const HashObject* h, size_t length) {
  std::lock_guard<std::mutex> lock(h->mutex);
  return h->digest->digest(length);
}

std::unique_ptr<Digest> hash_clone(const HashObject* h) {
  std::lock_guard<std::mutex> lock(h->mutex);
  return h->digest->clone();
}

std::string hex_string(const std::string& bytes) {
  static const char kDigits[] = "0123456789abcdef";
  std::string out;
  out.reserve(bytes.size() * 2);
  for (unsigned char c : bytes) {
    out.push_back(kDigits[c >> 4]);
    out.push_back(kDigits[c & 15]);
  }
  return out;
}

}  // namespace gilvm
