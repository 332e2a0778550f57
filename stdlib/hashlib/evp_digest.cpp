// The OpenSSL digests behind hashlib: one Digest class over an
// EVP_MD_CTX, and the table from Python's names (sha3_256, shake_128) to
// OpenSSL's (SHA3-256, SHAKE128). Each algorithm is fetched from the
// library once, the first time any name is looked up, and kept for the
// life of the process; a name whose algorithm the library lacks (ripemd160
// lives in OpenSSL's legacy provider on some systems) is left out of
// available_digest_names and refused by new_digest.
#include <openssl/evp.h>
#include <openssl/kdf.h>

#include <algorithm>
#include <stdexcept>

#include "stdlib/hashlib/digests.hpp"

namespace gilvm {

const char* const kGuaranteedDigestNames[14] = {"blake2b",  "blake2s",  "md5",      "sha1",     "sha224",
                                                "sha256",   "sha384",   "sha3_224", "sha3_256", "sha3_384",
                                                "sha3_512", "sha512",   "shake_128", "shake_256"};

namespace {

struct Algorithm {
  const char* python_name;
  const char* openssl_name;
  bool xof;
  const EVP_MD* md = nullptr;  // null when the library lacks it
};

// Fetched once (a function-local static: thread-safe initialisation) and
// never freed: the table is allocated, not a static object, so that no exit
// destructor drops the only pointers to the fetched algorithms (the leak
// checker would report them) while a thread may still hash.
std::vector<Algorithm>& algorithms() {
  static std::vector<Algorithm>* table = [] {
    std::vector<Algorithm> t = {
        {"md5", "MD5", false},           {"sha1", "SHA1", false},
        {"sha224", "SHA224", false},     {"sha256", "SHA256", false},
        {"sha384", "SHA384", false},     {"sha512", "SHA512", false},
        {"sha512_224", "SHA512-224", false}, {"sha512_256", "SHA512-256", false},
        {"sha3_224", "SHA3-224", false}, {"sha3_256", "SHA3-256", false},
        {"sha3_384", "SHA3-384", false}, {"sha3_512", "SHA3-512", false},
        {"shake_128", "SHAKE128", true}, {"shake_256", "SHAKE256", true},
        {"md5-sha1", "MD5-SHA1", false}, {"ripemd160", "RIPEMD160", false},
        {"sm3", "SM3", false},
    };
    for (Algorithm& a : t) a.md = EVP_MD_fetch(nullptr, a.openssl_name, nullptr);
    return new std::vector<Algorithm>(std::move(t));
  }();
  return *table;
}

const Algorithm* find(const std::string& name) {
  for (const Algorithm& a : algorithms())
    if (name == a.python_name) return a.md != nullptr ? &a : nullptr;
  return nullptr;
}

class EvpDigest : public Digest {
 public:
  explicit EvpDigest(const Algorithm* algorithm) : algorithm_(algorithm), ctx_(EVP_MD_CTX_new()) {
    if (ctx_ == nullptr || EVP_DigestInit_ex(ctx_, algorithm->md, nullptr) != 1) throw std::bad_alloc();
  }
  EvpDigest(const EvpDigest& other) : algorithm_(other.algorithm_), ctx_(EVP_MD_CTX_new()) {
    if (ctx_ == nullptr || EVP_MD_CTX_copy_ex(ctx_, other.ctx_) != 1) throw std::bad_alloc();
  }
  EvpDigest& operator=(const EvpDigest&) = delete;
  ~EvpDigest() override { EVP_MD_CTX_free(ctx_); }

  void update(const unsigned char* data, size_t size) override { EVP_DigestUpdate(ctx_, data, size); }

  std::string digest(size_t length) const override {
    EvpDigest copy(*this);
    if (algorithm_->xof) {
      std::string out(length, '\0');
      if (length > 0) EVP_DigestFinalXOF(copy.ctx_, reinterpret_cast<unsigned char*>(out.data()), length);
      return out;
    }
    unsigned char buffer[EVP_MAX_MD_SIZE];
    unsigned int size = 0;
    EVP_DigestFinal_ex(copy.ctx_, buffer, &size);
    return std::string(reinterpret_cast<const char*>(buffer), size);
  }
  std::unique_ptr<Digest> clone() const override { return std::make_unique<EvpDigest>(*this); }
  const char* name() const override { return algorithm_->python_name; }
  size_t digest_size() const override {
    return algorithm_->xof ? 0 : static_cast<size_t>(EVP_MD_get_size(algorithm_->md));
  }
  size_t block_size() const override { return static_cast<size_t>(EVP_MD_get_block_size(algorithm_->md)); }
  bool is_xof() const override { return algorithm_->xof; }

 private:
  const Algorithm* algorithm_;
  EVP_MD_CTX* ctx_;
};

}  // namespace

std::unique_ptr<Digest> new_digest(const std::string& name) {
  const Algorithm* a = find(name);
  if (a == nullptr) return nullptr;
  return std::make_unique<EvpDigest>(a);
}

std::vector<std::string> available_digest_names() {
  std::vector<std::string> names = {"blake2b", "blake2s"};
  for (const Algorithm& a : algorithms())
    if (a.md != nullptr) names.push_back(a.python_name);
  std::sort(names.begin(), names.end());
  return names;
}

bool pbkdf2_hmac(const std::string& digest_name, std::string_view password, std::string_view salt,
                 uint64_t iterations, size_t length, std::string* out) {
  const Algorithm* a = find(digest_name);
  if (a == nullptr || a->xof) return false;
  out->assign(length, '\0');
  return PKCS5_PBKDF2_HMAC(password.data(), static_cast<int>(password.size()),
                           reinterpret_cast<const unsigned char*>(salt.data()), static_cast<int>(salt.size()),
                           static_cast<int>(iterations), a->md, static_cast<int>(length),
                           reinterpret_cast<unsigned char*>(out->data())) == 1;
}

bool scrypt_kdf(std::string_view password, std::string_view salt, uint64_t n, uint64_t r, uint64_t p,
                uint64_t maxmem, size_t length, std::string* out) {
  out->assign(length, '\0');
  return EVP_PBE_scrypt(password.data(), password.size(), reinterpret_cast<const unsigned char*>(salt.data()),
                        salt.size(), n, r, p, maxmem, reinterpret_cast<unsigned char*>(out->data()), length) == 1;
}

}  // namespace gilvm
