// The _blake2 module: the blake2b and blake2s types, with every parameter
// of CPython 3.11's constructors (digest_size, key, salt, person and the
// tree-hashing ones) and its error messages. The hashing is blake2.cpp's.
#include <cstdio>
#include <memory>
#include <string>

#include "stdlib/hashlib/digests.hpp"
#include "stdlib/hashlib/hash_object.hpp"
#include "stdlib/stdlib.hpp"
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

Type* blake2b_type = nullptr;
Type* blake2s_type = nullptr;

// The sizes that differ between the two variants.
struct Variant {
  const char* name;
  size_t max_digest;  // also the largest key
  size_t salt_size;   // also the person size
  unsigned node_offset_bits;
};
constexpr Variant kBlake2b = {"blake2b", 64, 16, 64};
constexpr Variant kBlake2s = {"blake2s", 32, 8, 48};

const char* const kKeywords[] = {"digest_size", "key",        "salt",       "person",     "fanout",   "depth",
                                 "leaf_size",   "node_offset", "node_depth", "inner_size", "last_node", "usedforsecurity"};
constexpr size_t kKeywordCount = sizeof(kKeywords) / sizeof(kKeywords[0]);

std::string bytes_param(Value v, size_t limit, const char* what) {
  std::string s(buffer_or_raise(v).bytes());
  if (s.size() > limit) raise_value_error(std::string("maximum ") + what + " length is " + std::to_string(limit) + " bytes");
  return s;
}

int64_t ranged(Value v, int64_t low, int64_t high, const char* message) {
  int64_t n = index_value_clamped(v);
  if (n < low || n > high) raise_value_error(message);
  return n;
}

Value construct(Type* type, const CallArgs& a, const Variant& variant) {
  std::string fn = variant.name;
  if (a.count > 1)
    raise_type_error(fn + "() takes at most 1 positional argument (" + std::to_string(a.count) + " given)");
  // Twelve keyword-only parameters: more than ArgParser holds, so they are
  // matched here.
  Value given[kKeywordCount];
  size_t keywords = a.kw_count();
  for (size_t i = 0; i < keywords; ++i) {
    const std::string& key = a.kwnames->items[i].as<Str>()->data;
    size_t k = 0;
    while (k < kKeywordCount && key != kKeywords[k]) ++k;
    if (k == kKeywordCount) raise_type_error("'" + key + "' is an invalid keyword argument for " + fn + "()");
    given[k] = a.kw_value(i);
  }
  Blake2Params params;
  params.digest_size = variant.max_digest;
  if (!given[0].is_null()) {
    std::string message = "digest_size must be between 1 and " + std::to_string(variant.max_digest) + " bytes";
    params.digest_size = static_cast<size_t>(ranged(given[0], 1, static_cast<int64_t>(variant.max_digest), message.c_str()));
  }
  if (!given[1].is_null()) params.key = bytes_param(given[1], variant.max_digest, "key");
  if (!given[2].is_null()) params.salt = bytes_param(given[2], variant.salt_size, "salt");
  if (!given[3].is_null()) params.person = bytes_param(given[3], variant.salt_size, "person");
  if (!given[4].is_null()) params.fanout = static_cast<unsigned>(ranged(given[4], 0, 255, "fanout must be between 0 and 255"));
  if (!given[5].is_null()) params.depth = static_cast<unsigned>(ranged(given[5], 1, 255, "depth must be between 1 and 255"));
  if (!given[6].is_null()) {
    int64_t leaf = index_value_clamped(given[6]);
    if (leaf < 0) raise_value_error("value must be positive");
    if (leaf > 0xffffffffLL) raise_overflow_error("leaf_size is too large");
    params.leaf_size = static_cast<uint32_t>(leaf);
  }
  if (!given[7].is_null()) {
    int64_t offset = index_value(given[7]);
    if (offset < 0) raise_value_error("value must be positive");
    if (variant.node_offset_bits < 64 && offset >> variant.node_offset_bits != 0)
      raise_overflow_error("node_offset is too large");
    params.node_offset = static_cast<uint64_t>(offset);
  }
  if (!given[8].is_null())
    params.node_depth = static_cast<unsigned>(ranged(given[8], 0, 255, "node_depth must be between 0 and 255"));
  if (!given[9].is_null()) {
    std::string message = "inner_size must be between 0 and is " + std::to_string(variant.max_digest);
    params.inner_size =
        static_cast<unsigned>(ranged(given[9], 0, static_cast<int64_t>(variant.max_digest), message.c_str()));
  }
  if (!given[10].is_null()) params.last_node = is_truthy(given[10]);
  std::unique_ptr<Digest> digest = &variant == &kBlake2b ? new_blake2b(params) : new_blake2s(params);
  HashObject* h = gc_new<HashObject>(type, std::move(digest));
  if (a.count == 1) hash_feed(h, a[0]);
  return h;
}

Value construct_b(Type* type, const CallArgs& a) { return construct(type, a, kBlake2b); }
Value construct_s(Type* type, const CallArgs& a) { return construct(type, a, kBlake2s); }

HashObject* self_blake(const CallArgs& a, const char* name) {
  if (a.count == 0 || !(isinstance(a[0], blake2b_type) || isinstance(a[0], blake2s_type)))
    raise_type_error(std::string("descriptor '") + name + "' requires a blake2 object");
  return a[0].as<HashObject>();
}

Value b_update(const CallArgs& a) {
  hash_feed(self_blake(a, "update"), a[1]);
  return Value::none();
}
Value b_digest(const CallArgs& a) { return new_bytes(hash_digest(self_blake(a, "digest"))); }
Value b_hexdigest(const CallArgs& a) { return new_str(hex_string(hash_digest(self_blake(a, "hexdigest")))); }
Value b_copy(const CallArgs& a) {
  HashObject* h = self_blake(a, "copy");
  return gc_new<HashObject>(type_of(a[0]), hash_clone(h));
}
Value b_name(Value self) { return new_str(self.as<HashObject>()->digest->name()); }
Value b_digest_size(Value self) { return make_int(static_cast<int64_t>(self.as<HashObject>()->digest->digest_size())); }
Value b_block_size(Value self) { return make_int(static_cast<int64_t>(self.as<HashObject>()->digest->block_size())); }

Type* make_type(const Variant& variant, ConstructFn construct_fn) {
  Type* t = new_builtin_type(variant.name, types().object, construct_fn);
  t->allows_subclassing = false;  // CPython: "is not an acceptable base type"
  add_type_attr(t, "__module__", intern("_blake2"));
  add_method(t, "update", b_update);
  add_method(t, "digest", b_digest);
  add_method(t, "hexdigest", b_hexdigest);
  add_method(t, "copy", b_copy);
  add_getset(t, "name", b_name);
  add_getset(t, "digest_size", b_digest_size);
  add_getset(t, "block_size", b_block_size);
  add_type_attr(t, "SALT_SIZE", make_int(static_cast<int64_t>(variant.salt_size)));
  add_type_attr(t, "PERSON_SIZE", make_int(static_cast<int64_t>(variant.salt_size)));
  add_type_attr(t, "MAX_KEY_SIZE", make_int(static_cast<int64_t>(variant.max_digest)));
  add_type_attr(t, "MAX_DIGEST_SIZE", make_int(static_cast<int64_t>(variant.max_digest)));
  return t;
}

void init_blake2(Module* m) {
  if (blake2b_type == nullptr) {
    blake2b_type = make_type(kBlake2b, construct_b);
    blake2s_type = make_type(kBlake2s, construct_s);
  }
  DictTable& d = m->dict()->table;
  d.set(intern("blake2b"), blake2b_type);
  d.set(intern("blake2s"), blake2s_type);
  d.set(intern("BLAKE2B_SALT_SIZE"), Value::small_int(16));
  d.set(intern("BLAKE2B_PERSON_SIZE"), Value::small_int(16));
  d.set(intern("BLAKE2B_MAX_KEY_SIZE"), Value::small_int(64));
  d.set(intern("BLAKE2B_MAX_DIGEST_SIZE"), Value::small_int(64));
  d.set(intern("BLAKE2S_SALT_SIZE"), Value::small_int(8));
  d.set(intern("BLAKE2S_PERSON_SIZE"), Value::small_int(8));
  d.set(intern("BLAKE2S_MAX_KEY_SIZE"), Value::small_int(32));
  d.set(intern("BLAKE2S_MAX_DIGEST_SIZE"), Value::small_int(32));
}

}  // namespace

void register_blake2_module() { register_builtin_module("_blake2", init_blake2); }

}  // namespace gilvm
