// bytes: construction, indexing (items are ints), concatenation,
// comparison, hashing, repr and decode. bytearray is not implemented yet.
#include "vm/builtins/bytes_ops.hpp"
#include "vm/builtins/install.hpp"
#include "vm/builtins/str_ops.hpp"
#include "vm/errors.hpp"
#include "vm/heap/heap.hpp"
#include "vm/native.hpp"
#include "vm/objects/number.hpp"
#include "vm/objects/sequence.hpp"
#include "vm/objects/str.hpp"
#include "vm/opcodes.hpp"
#include "vm/ops.hpp"
#include "vm/text/repr.hpp"
#include "vm/text/utf8.hpp"

namespace gilvm {

Bytes* self_bytes(const CallArgs& a, const char* name) {
  if (a.count == 0 || !isinstance(a[0], types().bytes))
    raise_type_error(std::string("descriptor '") + name + "' requires a 'bytes' object");
  return a[0].as<Bytes>();
}

namespace {

Value bytes_construct(Type* type, const CallArgs& args) {
  ArgParser p(args, "bytes", {"source", "encoding", "errors"}, 0, false);
  std::string data;
  if (p.given(0)) {
    Value src = p.get(0);
    if (isinstance(src, types().str)) {
      if (!p.given(1)) raise_type_error("string argument without an encoding");
      Value encoded = call_method(src, "encode", {p.get(1)});
      data = encoded.as<Bytes>()->data;
    } else if (type_of(src) == types().bytes) {
      data = src.as<Bytes>()->data;
    } else if (is_int_value(src)) {
      int64_t n = index_value(src);
      if (n < 0) raise_value_error("negative count");
      check_allocation_size(static_cast<double>(n));
      data.assign(static_cast<size_t>(n), '\0');
    } else {
      for (Value v : collect_iterable(src)) {
        int64_t b = index_value(v);
        if (b < 0 || b > 255) raise_value_error("bytes must be in range(0, 256)");
        data.push_back(static_cast<char>(b));
      }
    }
  }
  if (type == types().bytes) return new_bytes(std::move(data));
  return gc_new<Bytes>(type, std::move(data));
}
Value bytes_repr(const CallArgs& a) { return new_str(text::repr_bytes(self_bytes(a, "__repr__")->data)); }
Value bytes_len(const CallArgs& a) { return make_int(static_cast<int64_t>(self_bytes(a, "__len__")->data.size())); }
Value bytes_getitem(const CallArgs& a) {
  Bytes* b = self_bytes(a, "__getitem__");
  int64_t n = static_cast<int64_t>(b->data.size());
  if (type_of(a[1]) == types().slice) {
    SliceBounds s = slice_bounds(a[1].as<Slice>(), n);
    std::string out;
    for (int64_t i = 0; i < s.count; ++i) out.push_back(b->data[s.at(i)]);
    return new_bytes(std::move(out));
  }
  return Value::small_int(static_cast<unsigned char>(b->data[normalize_index(a[1], n, "index")]));
}
Value bytes_iter(const CallArgs& a) {
  Bytes* b = self_bytes(a, "__iter__");
  ValueVector items;
  for (unsigned char c : b->data) items.push_back(Value::small_int(c));
  return get_iter(new_list(std::move(items)));
}
Value bytes_add(const CallArgs& a) {
  Bytes* b = self_bytes(a, "__add__");
  if (!isinstance(a[1], types().bytes)) raise_type_error("can't concat " + type_name(a[1]) + " to bytes");
  return new_bytes(b->data + a[1].as<Bytes>()->data);
}
Value bytes_mul(const CallArgs& a) {
  Bytes* b = self_bytes(a, "__mul__");
  if (!has_index(a[1])) return not_implemented();
  int64_t n = index_value(a[1]);
  if (n <= 0 || b->data.empty()) return new_bytes("");
  return new_bytes(repeat_text(b->data, n));
}
Value bytes_contains(const CallArgs& a) {
  Bytes* b = self_bytes(a, "__contains__");
  if (is_int_value(a[1])) {
    int64_t v = index_value(a[1]);
    if (v < 0 || v > 255) raise_value_error("byte must be in range(0, 256)");
    return Value::boolean(b->data.find(static_cast<char>(v)) != std::string::npos);
  }
  if (!isinstance(a[1], types().bytes)) raise_type_error("a bytes-like object is required, not '" + type_name(a[1]) + "'");
  return Value::boolean(b->data.find(a[1].as<Bytes>()->data) != std::string::npos);
}
Value bytes_hash(const CallArgs& a) {
  Bytes* b = self_bytes(a, "__hash__");
  Str* s = new_str(b->data);
  return make_int(str_hash(s));
}
template <uint32_t Op>
Value bytes_compare(const CallArgs& a) {
  if (!isinstance(a[1], types().bytes)) return not_implemented();
  int c = a[0].as<Bytes>()->data.compare(a[1].as<Bytes>()->data);
  switch (Op) {
    case kLt: return Value::boolean(c < 0);
    case kLe: return Value::boolean(c <= 0);
    case kEq: return Value::boolean(c == 0);
    case kNe: return Value::boolean(c != 0);
    case kGt: return Value::boolean(c > 0);
    default: return Value::boolean(c >= 0);
  }
}
Value bytes_decode(const CallArgs& a) {
  ArgParser p(a, "decode", {"encoding", "errors"});
  Bytes* b = self_bytes(a, "decode");
  std::string encoding = p.given(0) ? str_string(p.get(0)) : "utf-8";
  for (char& c : encoding) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (encoding == "utf-8" || encoding == "utf8") {
    text::Utf8Check check = text::check_utf8(b->data);
    if (!check.valid) raise_error(exc().UnicodeDecodeError, text::utf8_decode_error_message(b->data, check));
    return new_str(b->data);
  }
  if (encoding == "latin-1" || encoding == "latin1" || encoding == "ascii") {
    std::string out;
    for (unsigned char c : b->data) {
      if (encoding == "ascii" && c >= 0x80)
        raise_error(exc().UnicodeDecodeError, "'ascii' codec can't decode byte 0x" + std::string(1, "0123456789abcdef"[c >> 4]) +
                                                  std::string(1, "0123456789abcdef"[c & 15]) + ": ordinal not in range(128)");
      text::append_utf8(out, c);
    }
    return new_str(std::move(out));
  }
  raise_error(exc().LookupError, "unknown encoding: " + encoding);
}
Value bytes_hex(const CallArgs& a) {
  Bytes* b = self_bytes(a, "hex");
  std::string out;
  for (unsigned char c : b->data) {
    out.push_back("0123456789abcdef"[c >> 4]);
    out.push_back("0123456789abcdef"[c & 15]);
  }
  return new_str(std::move(out));
}

}  // namespace

void install_bytes_methods() {
  Type* t = types().bytes;
  t->construct = bytes_construct;
  add_method(t, "__repr__", bytes_repr);
  add_method(t, "__len__", bytes_len);
  add_method(t, "__getitem__", bytes_getitem);
  add_method(t, "__iter__", bytes_iter);
  add_method(t, "__add__", bytes_add);
  add_method(t, "__mul__", bytes_mul);
  add_method(t, "__rmul__", bytes_mul);
  add_method(t, "__contains__", bytes_contains);
  add_method(t, "__hash__", bytes_hash);
  add_method(t, "__lt__", bytes_compare<kLt>);
  add_method(t, "__le__", bytes_compare<kLe>);
  add_method(t, "__eq__", bytes_compare<kEq>);
  add_method(t, "__ne__", bytes_compare<kNe>);
  add_method(t, "__gt__", bytes_compare<kGt>);
  add_method(t, "__ge__", bytes_compare<kGe>);
  add_method(t, "decode", bytes_decode);
  add_method(t, "hex", bytes_hex);
  install_bytes_text_methods();
}

}  // namespace gilvm
