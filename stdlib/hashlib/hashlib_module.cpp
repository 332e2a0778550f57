// The _hashlib module: CPython's OpenSSL-backed half of hashlib. The
// hash types HASH and HASHXOF (shake, whose digest takes a length), the
// constructors openssl_md5 ... openssl_shake_256 and new(), pbkdf2_hmac,
// scrypt and compare_digest. The frozen hashlib.py puts the public names
// together with _blake2's. Hashing itself is in digests.hpp; the objects
// and the GIL-free update of large inputs are in hash_object.hpp.
#include <cctype>
#include <climits>
#include <cstdio>
#include <memory>
#include <string>

#include "stdlib/hashlib/digests.hpp"
#include "stdlib/hashlib/hash_object.hpp"
#include "runtime/gil.hpp"
#include "stdlib/stdlib.hpp"
#include "vm/call.hpp"
#include "vm/errors.hpp"
#include "vm/heap/heap.hpp"
#include "vm/import.hpp"
#include "vm/native.hpp"
#include "vm/objects/buffer.hpp"
#include "vm/objects/dict.hpp"
#include "vm/objects/module.hpp"
#include "vm/objects/number.hpp"
#include "vm/objects/sequence.hpp"
#include "vm/objects/str.hpp"
#include "vm/ops.hpp"
#include "vm/types.hpp"

namespace gilvm {

namespace {

Type* hash_type = nullptr;
Type* hashxof_type = nullptr;
Type* unsupported_digestmod_error = nullptr;

HashObject* self_hash(const CallArgs& a, const char* name, Type* type) {
  if (a.count == 0 || !isinstance(a[0], type))
    raise_type_error(std::string("descriptor '") + name + "' for '_hashlib." + type->name +
                     "' objects doesn't apply to a '" + (a.count == 0 ? std::string("NoneType") : type_name(a[0])) +
                     "' object");
  return a[0].as<HashObject>();
}

[[noreturn]] void raise_unsupported() {
  raise_exception(new_exception(unsupported_digestmod_error, "[digital envelope routines] unsupported"));
}

Value make_hash(const std::string& name, Value data) {
  std::unique_ptr<Digest> d = new_digest(name);
  if (!d) raise_unsupported();
  Type* type = d->is_xof() ? hashxof_type : hash_type;
  HashObject* h = gc_new<HashObject>(type, std::move(d));
  if (!data.is_null()) hash_feed(h, data);
  return h;
}

Value h_update(const CallArgs& a) {
  HashObject* h = self_hash(a, "update", hash_type);
  hash_feed(h, a[1]);
  return Value::none();
}
Value h_digest(const CallArgs& a) { return new_bytes(hash_digest(self_hash(a, "digest", hash_type))); }
Value h_hexdigest(const CallArgs& a) { return new_str(hex_string(hash_digest(self_hash(a, "hexdigest", hash_type)))); }
Value h_copy(const CallArgs& a) {
  HashObject* h = self_hash(a, "copy", hash_type);
  return gc_new<HashObject>(type_of(a[0]), hash_clone(h));
}
Value h_repr(const CallArgs& a) {
  HashObject* h = self_hash(a, "__repr__", hash_type);
  char address[32];
  std::snprintf(address, sizeof address, "%p", static_cast<void*>(h));
  return new_str(std::string("<") + h->digest->name() + " _hashlib." + type_of(a[0])->name + " object @ " + address +
                 ">");
}
Value h_name(Value self) { return new_str(self.as<HashObject>()->digest->name()); }
Value h_digest_size(Value self) { return make_int(static_cast<int64_t>(self.as<HashObject>()->digest->digest_size())); }
Value h_block_size(Value self) { return make_int(static_cast<int64_t>(self.as<HashObject>()->digest->block_size())); }

// shake: digest(length) and hexdigest(length).
size_t xof_length(const CallArgs& a, const char* name) {
  ArgParser p(a, name, {"length"}, 1);
  int64_t length = index_value(p.get(0));
  if (length < 0) raise_exception(new_exception(exc().SystemError, "Negative size passed to PyBytes_FromStringAndSize"));
  check_allocation_size(static_cast<double>(length) * 3);  // the digest, and its hex
  return static_cast<size_t>(length);
}
Value xof_digest(const CallArgs& a) {
  HashObject* h = self_hash(a, "digest", hashxof_type);
  return new_bytes(hash_digest(h, xof_length(a, "digest")));
}
Value xof_hexdigest(const CallArgs& a) {
  HashObject* h = self_hash(a, "hexdigest", hashxof_type);
  return new_str(hex_string(hash_digest(h, xof_length(a, "hexdigest"))));
}

// openssl_md5(string=b'', *, usedforsecurity=True) and its siblings.
template <const char* Name>
Value constructor(const CallArgs& a) {
  std::string fn = std::string("openssl_") + Name;
  if (a.count > 1)
    raise_type_error(fn + "() takes at most 1 positional argument (" + std::to_string(a.count) + " given)");
  ArgParser p(a, fn.c_str(), {"string", "usedforsecurity"}, 0, false, 1);
  return make_hash(Name, p.get(0));
}

Value m_new(const CallArgs& a) {
  ArgParser p(a, "new", {"name", "string", "usedforsecurity"}, 1, false, 2);
  Value name = p.get(0);
  if (type_of(name) != types().str) raise_type_error("name must be a string");
  std::string lower = name.as<Str>()->data;
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return make_hash(lower, p.get(1));
}

std::string bytes_argument(Value v) { return std::string(buffer_or_raise(v).bytes()); }

Value m_pbkdf2_hmac(const CallArgs& a) {
  ArgParser p(a, "pbkdf2_hmac", {"hash_name", "password", "salt", "iterations", "dklen"}, 4, false);
  Value name = p.get(0);
  if (type_of(name) != types().str)
    raise_type_error("pbkdf2_hmac() argument 'hash_name' must be str, not " + type_name(name));
  std::string password = bytes_argument(p.get(1));
  std::string salt = bytes_argument(p.get(2));
  int64_t iterations = index_value_clamped(p.get(3));
  if (iterations < 1) raise_value_error("iteration value must be greater than 0.");
  if (iterations > INT_MAX) raise_overflow_error("iteration value is too great.");
  std::string lower = name.as<Str>()->data;
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  std::unique_ptr<Digest> probe = new_digest(lower);
  if (!probe) raise_unsupported();
  if (probe->is_xof()) raise_value_error("no reason supplied");
  int64_t length = static_cast<int64_t>(probe->digest_size());
  if (p.given(4) && !p.get(4).is_none()) {
    length = index_value_clamped(p.get(4));
    if (length < 1) raise_value_error("key length must be greater than 0.");
    if (length > INT_MAX) raise_overflow_error("key length is too great.");
  }
  std::string out;
  bool ok;
  {
    GilRelease release;  // only C++ strings are touched
    ok = pbkdf2_hmac(lower, password, salt, static_cast<uint64_t>(iterations), static_cast<size_t>(length), &out);
  }
  if (!ok) raise_value_error("no reason supplied");
  return new_bytes(out);
}

uint64_t scrypt_cost(Value v, const char* name) {
  if (v.is_null() || v.is_none() || !isinstance(v, types().int_))
    raise_type_error(std::string(name) + " is required and must be an unsigned int");
  int64_t n = index_value_clamped(v);
  if (n < 0) raise_type_error(std::string(name) + " is required and must be an unsigned int");
  return static_cast<uint64_t>(n);
}

Value m_scrypt(const CallArgs& a) {
  if (a.count > 1)
    raise_type_error("scrypt() takes exactly 1 positional argument (" + std::to_string(a.count) + " given)");
  ArgParser p(a, "scrypt", {"password", "salt", "n", "r", "p", "maxmem", "dklen"}, 1, false, 1);
  std::string password = bytes_argument(p.get(0));
  if (!p.given(1) || p.get(1).is_none()) raise_type_error("salt is required");
  std::string salt = bytes_argument(p.get(1));
  uint64_t n = scrypt_cost(p.get(2), "n");
  if (n < 2 || (n & (n - 1)) != 0) raise_value_error("n must be a power of 2.");
  uint64_t r = scrypt_cost(p.get(3), "r");
  uint64_t par = scrypt_cost(p.get(4), "p");
  int64_t maxmem = p.given(5) ? index_value_clamped(p.get(5)) : 0;
  if (maxmem < 0 || maxmem > INT_MAX) raise_value_error("maxmem must be positive and smaller than 2147483647");
  int64_t dklen = p.given(6) ? index_value_clamped(p.get(6)) : 64;
  if (dklen < 1 || dklen > INT_MAX) raise_value_error("dklen must be greater than 0 and smaller than 2147483647");
  std::string probe;
  if (!scrypt_kdf("", "", n, r, par, static_cast<uint64_t>(maxmem), 0, &probe) &&
      !scrypt_kdf(password, salt, n, r, par, static_cast<uint64_t>(maxmem), 1, &probe))
    raise_value_error("Invalid parameter combination for n, r, p, maxmem.");
  std::string out;
  bool ok;
  {
    GilRelease release;
    ok = scrypt_kdf(password, salt, n, r, par, static_cast<uint64_t>(maxmem), static_cast<size_t>(dklen), &out);
  }
  if (!ok) raise_value_error("[digital envelope routines] memory limit exceeded");
  return new_bytes(out);
}

// Compares without stopping at the first difference, so the time taken
// does not tell an attacker how long a matching prefix was.
bool constant_time_equal(std::string_view x, std::string_view y) {
  unsigned char differ = x.size() == y.size() ? 0 : 1;
  std::string_view left = x.size() == y.size() ? x : y;
  for (size_t i = 0; i < y.size(); ++i) differ |= static_cast<unsigned char>(left[i] ^ y[i]);
  return differ == 0;
}

Value m_compare_digest(const CallArgs& a) {
  ArgParser p(a, "compare_digest", {"a", "b"}, 2, false);
  Value x = p.get(0), y = p.get(1);
  bool x_str = isinstance(x, types().str), y_str = isinstance(y, types().str);
  if (x_str && y_str) {
    const std::string& xs = x.as<Str>()->data;
    const std::string& ys = y.as<Str>()->data;
    for (const std::string* s : {&xs, &ys})
      for (unsigned char c : *s)
        if (c >= 0x80) raise_type_error("comparing strings with non-ASCII characters is not supported");
    return Value::boolean(constant_time_equal(xs, ys));
  }
  if (!x_str && !y_str && !has_buffer_type(x) && !has_buffer_type(y))
    raise_type_error("unsupported operand types(s) or combination of types: '" + type_name(x) + "' and '" +
                     type_name(y) + "'");
  std::string xb = bytes_argument(x), yb = bytes_argument(y);
  return Value::boolean(constant_time_equal(xb, yb));
}

Value m_get_fips_mode(const CallArgs&) { return Value::small_int(0); }

Value no_construct(Type* type, const CallArgs&) { raise_type_error("cannot create '_hashlib." + type->name + "' instances"); }

constexpr char kMd5[] = "md5", kSha1[] = "sha1", kSha224[] = "sha224", kSha256[] = "sha256", kSha384[] = "sha384",
               kSha512[] = "sha512", kSha3_224[] = "sha3_224", kSha3_256[] = "sha3_256", kSha3_384[] = "sha3_384",
               kSha3_512[] = "sha3_512", kShake128[] = "shake_128", kShake256[] = "shake_256";

void init_hashlib(Module* m) {
  if (hash_type == nullptr) {
    hash_type = new_builtin_type("HASH", types().object, no_construct);
    hash_type->allows_subclassing = false;
    add_type_attr(hash_type, "__module__", intern("_hashlib"));
    add_method(hash_type, "update", h_update);
    add_method(hash_type, "digest", h_digest);
    add_method(hash_type, "hexdigest", h_hexdigest);
    add_method(hash_type, "copy", h_copy);
    add_method(hash_type, "__repr__", h_repr);
    add_getset(hash_type, "name", h_name);
    add_getset(hash_type, "digest_size", h_digest_size);
    add_getset(hash_type, "block_size", h_block_size);
    hashxof_type = new_builtin_type("HASHXOF", hash_type, no_construct);
    hashxof_type->allows_subclassing = false;
    add_type_attr(hashxof_type, "__module__", intern("_hashlib"));
    add_method(hashxof_type, "digest", xof_digest);
    add_method(hashxof_type, "hexdigest", xof_hexdigest);
    Dict* ns = new_dict();
    ns->table.set(intern("__module__"), intern("_hashlib"));
    Value cls = call(types().type, {intern("UnsupportedDigestmodError"), new_tuple({exc().ValueError}), ns});
    unsupported_digestmod_error = cls.as<Type>();
    keep_builtin_type_alive(unsupported_digestmod_error);
  }
  DictTable& d = m->dict()->table;
  d.set(intern("HASH"), hash_type);
  d.set(intern("HASHXOF"), hashxof_type);
  d.set(intern("UnsupportedDigestmodError"), unsupported_digestmod_error);
  add_function(m, "openssl_md5", constructor<kMd5>);
  add_function(m, "openssl_sha1", constructor<kSha1>);
  add_function(m, "openssl_sha224", constructor<kSha224>);
  add_function(m, "openssl_sha256", constructor<kSha256>);
  add_function(m, "openssl_sha384", constructor<kSha384>);
  add_function(m, "openssl_sha512", constructor<kSha512>);
  add_function(m, "openssl_sha3_224", constructor<kSha3_224>);
  add_function(m, "openssl_sha3_256", constructor<kSha3_256>);
  add_function(m, "openssl_sha3_384", constructor<kSha3_384>);
  add_function(m, "openssl_sha3_512", constructor<kSha3_512>);
  add_function(m, "openssl_shake_128", constructor<kShake128>);
  add_function(m, "openssl_shake_256", constructor<kShake256>);
  add_function(m, "new", m_new);
  add_function(m, "pbkdf2_hmac", m_pbkdf2_hmac);
  add_function(m, "scrypt", m_scrypt);
  add_function(m, "compare_digest", m_compare_digest);
  add_function(m, "get_fips_mode", m_get_fips_mode);
  ValueVector names;
  for (const std::string& n : available_digest_names())
    if (n != "blake2b" && n != "blake2s") names.push_back(new_str(n));
  d.set(intern("openssl_md_meth_names"), call(types().frozenset, {new_tuple(names)}));
}

}  // namespace

void register_hashlib_module() { register_builtin_module("_hashlib", init_hashlib); }

}  // namespace gilvm
