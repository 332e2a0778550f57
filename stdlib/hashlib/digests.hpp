// Message digests for the hashlib module, written for gilvm from the
// published specifications (MD5: RFC 1321; SHA-1, SHA-224, SHA-256,
// SHA-384, SHA-512: FIPS 180-4). No Python values here: a Digest is a C++
// object that a hash object owns.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

namespace gilvm {

class Digest {
 public:
  virtual ~Digest() = default;
  virtual void update(const unsigned char* data, size_t size) = 0;
  // The digest of everything so far; the state is left as it was.
  virtual std::string digest() const = 0;
  virtual std::unique_ptr<Digest> clone() const = 0;
  virtual const char* name() const = 0;
  virtual size_t digest_size() const = 0;
  virtual size_t block_size() const = 0;
};

// A new digest for a lower-case name (md5 sha1 sha224 sha256 sha384
// sha512), or null.
std::unique_ptr<Digest> new_digest(const std::string& name);

// The names new_digest accepts, in sorted order.
extern const char* const kDigestNames[6];

}  // namespace gilvm
