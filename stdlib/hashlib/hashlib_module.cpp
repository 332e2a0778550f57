// The hashlib module: md5, sha1, sha224, sha256, sha384, sha512 and
// new(name), each returning a hash object (type _hashlib.HASH) with
// update, digest, hexdigest, copy, name, digest_size and block_size, as
// CPython 3.11 built with OpenSSL presents them. The digests are gilvm's
// own (stdlib/hashlib/digests.cpp). algorithms_guaranteed and
// algorithms_available list exactly the six provided (no blake2, sha3,
// shake). Input is any bytes-like object (bytes, array.array); a str is
// TypeError "Strings must be encoded before hashing".
#include <cctype>
#include <memory>
#include <string>

#include "vm/objects/buffer.hpp"
#include "stdlib/hashlib/digests.hpp"
#include "stdlib/stdlib.hpp"
#include "vm/errors.hpp"
#include "vm/heap/heap.hpp"
#include "vm/import.hpp"
#include "vm/native.hpp"
#include "vm/objects/dict.hpp"
#include "vm/objects/module.hpp"
#include "vm/objects/number.hpp"
#include "vm/objects/sequence.hpp"
#include "vm/objects/set.hpp"
#include "vm/objects/str.hpp"
#include "vm/ops.hpp"
#include "vm/types.hpp"

namespace gilvm {

namespace {

Type* hash_type = nullptr;

struct HashObject : Object {
  std::unique_ptr<Digest> digest;  // C++ state only: the destructor frees it
  HashObject(Type* t, std::unique_ptr<Digest> d) : Object(t), digest(std::move(d)) {}
};

HashObject* self_hash(const CallArgs& a, const char* name) {
  if (a.count == 0 || !isinstance(a[0], hash_type))
    raise_type_error(std::string("descriptor '") + name + "' for '_hashlib.HASH' objects doesn't apply to a '" +
                     (a.count == 0 ? std::string("NoneType") : type_name(a[0])) + "' object");
  return a[0].as<HashObject>();
}

void feed(HashObject* h, Value data) {
  if (isinstance(data, types().str)) raise_type_error("Strings must be encoded before hashing");
  BufferView view;
  if (!get_buffer(data, &view)) raise_type_error("object supporting the buffer API required");
  h->digest->update(view.data, view.size);
}

Value make_hash(const std::string& name, Value data) {
  std::unique_ptr<Digest> d = new_digest(name);
  HashObject* h = gc_new<HashObject>(hash_type, std::move(d));
  if (!data.is_null()) feed(h, data);
  return h;
}

std::string hex(const std::string& bytes) {
  static const char kDigits[] = "0123456789abcdef";
  std::string out;
  out.reserve(bytes.size() * 2);
  for (unsigned char c : bytes) {
    out.push_back(kDigits[c >> 4]);
    out.push_back(kDigits[c & 15]);
  }
  return out;
}

Value h_update(const CallArgs& a) {
  HashObject* h = self_hash(a, "update");
  feed(h, a[1]);
  return Value::none();
}
Value h_digest(const CallArgs& a) { return new_bytes(self_hash(a, "digest")->digest->digest()); }
Value h_hexdigest(const CallArgs& a) { return new_str(hex(self_hash(a, "hexdigest")->digest->digest())); }
Value h_copy(const CallArgs& a) {
  HashObject* h = self_hash(a, "copy");
  return gc_new<HashObject>(hash_type, h->digest->clone());
}
Value h_repr(const CallArgs& a) {
  HashObject* h = self_hash(a, "__repr__");
  char address[32];
  std::snprintf(address, sizeof address, "%p", static_cast<void*>(h));
  return new_str(std::string("<") + h->digest->name() + " _hashlib.HASH object @ " + address + ">");
}
Value h_name(Value self) { return new_str(self.as<HashObject>()->digest->name()); }
Value h_digest_size(Value self) { return make_int(static_cast<int64_t>(self.as<HashObject>()->digest->digest_size())); }
Value h_block_size(Value self) { return make_int(static_cast<int64_t>(self.as<HashObject>()->digest->block_size())); }

// hashlib.md5(string=b'', *, usedforsecurity=True) and its siblings.
template <int Index>
Value constructor(const CallArgs& a) {
  std::string fn = std::string("openssl_") + kDigestNames[Index];
  if (a.count > 1)
    raise_type_error(fn + "() takes at most 1 positional argument (" + std::to_string(a.count) + " given)");
  ArgParser p(a, fn.c_str(), {"string", "usedforsecurity"}, 0, false, 1);
  return make_hash(kDigestNames[Index], p.get(0));
}

Value m_new(const CallArgs& a) {
  ArgParser p(a, "new", {"name", "data", "usedforsecurity"}, 1, false, 2);
  Value name = p.get(0);
  if (type_of(name) != types().str) raise_type_error("name must be a string");
  std::string lower = name.as<Str>()->data;
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (!new_digest(lower)) raise_value_error("unsupported hash type " + name.as<Str>()->data);
  return make_hash(lower, p.get(1));
}

Value no_construct(Type* type, const CallArgs&) { raise_type_error("cannot create '_hashlib." + type->name + "' instances"); }

Value name_set() {
  ValueVector names;
  for (const char* n : kDigestNames) names.push_back(new_str(n));
  return call(types().set, {new_tuple(names)});
}

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
  }
  DictTable& d = m->dict()->table;
  add_function(m, "md5", constructor<0>);
  add_function(m, "sha1", constructor<1>);
  add_function(m, "sha224", constructor<2>);
  add_function(m, "sha256", constructor<3>);
  add_function(m, "sha384", constructor<4>);
  add_function(m, "sha512", constructor<5>);
  add_function(m, "new", m_new);
  d.set(intern("algorithms_guaranteed"), name_set());
  d.set(intern("algorithms_available"), name_set());
  ValueVector all;
  for (const char* n : {"md5", "sha1", "sha224", "sha256", "sha384", "sha512", "new", "algorithms_guaranteed",
                        "algorithms_available"})
    all.push_back(new_str(n));
  d.set(intern("__all__"), new_tuple(all));
}

}  // namespace

void register_hashlib_module() { register_builtin_module("hashlib", init_hashlib); }

}  // namespace gilvm
