// Message digests for hashlib, hmac and random. No Python values here: a
// Digest is a C++ object that a hash object owns.
//
// The OpenSSL digests (md5, sha1, the SHA-2 and SHA-3 families, shake,
// and whatever else the linked libcrypto provides) come from its EVP
// interface (evp_digest.cpp); BLAKE2b and BLAKE2s, whose parameters
// (key, salt, person, tree hashing) OpenSSL 3.0 does not expose, are
// gilvm's own, written from RFC 7693 (blake2.cpp).
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace gilvm {

class Digest {
 public:
  virtual ~Digest() = default;
  virtual void update(const unsigned char* data, size_t size) = 0;
  // The digest of everything so far; the state is left as it was. An XOF
  // (shake) gives `length` bytes; the others ignore it.
  virtual std::string digest(size_t length = 0) const = 0;
  virtual std::unique_ptr<Digest> clone() const = 0;
  virtual const char* name() const = 0;
  virtual size_t digest_size() const = 0;  // 0 for an XOF, as CPython reports
  virtual size_t block_size() const = 0;
  virtual bool is_xof() const { return false; }
};

// A new OpenSSL digest for a Python name (md5, sha256, sha3_256,
// shake_128, sha512_256, ...; lower case), or null when the name is
// unknown or the library lacks the algorithm.
std::unique_ptr<Digest> new_digest(const std::string& name);

// The Python names new_digest accepts on this machine, sorted.
std::vector<std::string> available_digest_names();
// The names every build provides (CPython's algorithms_guaranteed).
extern const char* const kGuaranteedDigestNames[14];

// PBKDF2 with HMAC over the named digest. False when the digest is
// unknown; `out` receives `length` bytes otherwise.
bool pbkdf2_hmac(const std::string& digest_name, std::string_view password, std::string_view salt,
                 uint64_t iterations, size_t length, std::string* out);
// scrypt; false when OpenSSL refuses the parameters (memory limit, ...).
bool scrypt_kdf(std::string_view password, std::string_view salt, uint64_t n, uint64_t r, uint64_t p,
                uint64_t maxmem, size_t length, std::string* out);

// BLAKE2 with its parameter block (RFC 7693 section 2.8; the tree
// parameters of the BLAKE2 paper). Sizes are checked by the caller:
// digest_size 1..64 (b) or 1..32 (s), key up to that, salt and person up
// to 16 (b) or 8 (s) bytes.
struct Blake2Params {
  size_t digest_size = 0;
  std::string key, salt, person;
  unsigned fanout = 1, depth = 1;
  uint32_t leaf_size = 0;
  uint64_t node_offset = 0;
  unsigned node_depth = 0, inner_size = 0;
  bool last_node = false;
};
std::unique_ptr<Digest> new_blake2b(const Blake2Params& params);
std::unique_ptr<Digest> new_blake2s(const Blake2Params& params);

}  // namespace gilvm
