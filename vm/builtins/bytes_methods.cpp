// bytes and bytearray: construction, indexing (items are ints),
// concatenation, repetition, membership, comparison, hashing (bytes only),
// repr, decode and hex. The methods both types have are templates over the
// self type (vm/builtins/bytes_ops.hpp); bytearray's mutating methods are
// in vm/builtins/bytearray_methods.cpp.
#include "vm/codecs/codecs.hpp"
#include "vm/builtins/bytes_ops.hpp"

#include <algorithm>
#include <functional>

#include "vm/builtins/install.hpp"
#include "vm/builtins/percent_adapter.hpp"
#include "vm/builtins/str_ops.hpp"
#include "vm/errors.hpp"
#include "vm/heap/heap.hpp"
#include "vm/names.hpp"
#include "vm/native.hpp"
#include "vm/native_warnings.hpp"
#include "vm/objects/buffer.hpp"
#include "vm/objects/number.hpp"
#include "vm/objects/sequence.hpp"
#include "vm/objects/str.hpp"
#include "vm/opcodes.hpp"
#include "vm/ops.hpp"
#include "vm/text/repr.hpp"
#include "vm/text/utf8.hpp"

namespace gilvm {

Bytes* self_bytes(const CallArgs& a, const char* name) { return self_as<Bytes>(a, name); }

// The contents bytes(source, encoding, errors) or bytearray(...) starts
// with, in CPython's order of checks: str with an encoding, a buffer, a
// count of zero bytes, an iterable of ints. `kind` names the type in the
// messages.
std::string bytes_from_source(const ArgParser& p, Type* kind) {
  bool is_bytes = kind == types().bytes;
  if (!p.given(0)) {
    if (p.given(1) || p.given(2)) raise_type_error("encoding or errors without sequence argument");
    return std::string();
  }
  Value src = p.get(0);
  if (is_bytes && !p.given(1) && !p.given(2)) {
    // bytes(x) asks x.__bytes__ first (pathlib paths, for one), as CPython does.
    Value convert = lookup_in_mro(type_of(src), intern("__bytes__"));
    if (!convert.is_null()) {
      Value result = call(convert, {src});
      if (!isinstance(result, types().bytes))
        raise_type_error("__bytes__ returned non-bytes (type " + type_name(result) + ")");
      return result.as<Bytes>()->data;
    }
  }
  // The argument parser checks the types of encoding and errors first.
  const char* constructor = is_bytes ? "bytes" : "bytearray";
  auto described = [](Value v) { return v.is_none() ? std::string("None") : type_name(v); };
  if (p.given(1) && !isinstance(p.get(1), types().str))
    raise_type_error(std::string(constructor) + "() argument 'encoding' must be str, not " + described(p.get(1)));
  if (p.given(2) && !isinstance(p.get(2), types().str))
    raise_type_error(std::string(constructor) + "() argument 'errors' must be str, not " + described(p.get(2)));
  if (isinstance(src, types().str)) {
    if (!p.given(1)) raise_type_error("string argument without an encoding");
    Value encoded = p.given(2) ? call_method(src, "encode", {p.get(1), p.get(2)}) : call_method(src, "encode", {p.get(1)});
    return encoded.as<Bytes>()->data;
  }
  if (p.given(1) || p.given(2)) raise_type_error("encoding without a string argument");
  std::string copied;
  if (copy_buffer(src, &copied)) return copied;
  if (has_index(src)) {
    int64_t n = index_value(src);
    if (n < 0) raise_value_error("negative count");
    check_allocation_size(static_cast<double>(n));
    return std::string(static_cast<size_t>(n), '\0');
  }
  Type* t = type_of(src);
  if (lookup_in_mro(t, names().__iter__).is_null() && lookup_in_mro(t, names().__getitem__).is_null())
    raise_type_error("cannot convert '" + t->name + "' object to " + kind->name);
  std::string data;
  Value it = get_iter(src);
  for (Value v = iter_next(it); !v.is_null(); v = iter_next(it)) {
    int64_t b = index_value(v);
    if (b < 0 || b > 255) raise_value_error(is_bytes ? "bytes must be in range(0, 256)" : "byte must be in range(0, 256)");
    data.push_back(static_cast<char>(b));
  }
  return data;
}

// One byte given as an int (or __index__): ValueError outside range(256).
unsigned char byte_value(Value v) {
  int64_t b = index_value(v);
  if (b < 0 || b > 255) raise_value_error("byte must be in range(0, 256)");
  return static_cast<unsigned char>(b);
}

namespace {

Value bytes_construct(Type* type, const CallArgs& args) {
  ArgParser p(args, "bytes", {"source", "encoding", "errors"}, 0, false);
  if (p.given(0) && type == types().bytes && type_of(p.get(0)) == types().bytes && !p.given(1)) return p.get(0);
  if (type == types().bytes) return new_bytes(bytes_from_source(p, types().bytes));
  return gc_new<Bytes>(type, bytes_from_source(p, types().bytes));
}
Value bytes_repr(const CallArgs& a) { return new_str(text::repr_bytes(self_bytes(a, "__repr__")->data)); }
// bytes' own repr even in a subclass that redefines __repr__, as CPython's.
Value bytes_str(const CallArgs& a) {
  Bytes* self = self_bytes(a, "__str__");
  if (bytes_warning_level() > 0) warn_from_native("BytesWarning", "str() on a bytes instance");
  return new_str(text::repr_bytes(self->data));
}

template <class Self>
Value common_len(const CallArgs& a) {
  return make_int(static_cast<int64_t>(self_as<Self>(a, "__len__")->data.size()));
}
template <class Self>
Value common_getitem(const CallArgs& a) {
  Self* b = self_as<Self>(a, "__getitem__");
  if (type_of(a[1]) == types().slice) {
    SliceBounds s = slice_bounds(a[1].as<Slice>(), static_cast<int64_t>(b->data.size()));
    std::string out;
    if (s.step == 1 && s.count > 0) out = b->data.substr(static_cast<size_t>(s.start), static_cast<size_t>(s.count));
    else
      for (int64_t i = 0; i < s.count; ++i) out.push_back(b->data[s.at(i)]);
    return new_like<Self>(std::move(out));
  }
  if (!has_index(a[1]))
    raise_type_error(std::string(std::is_same_v<Self, Bytes> ? "byte" : "bytearray") +
                     " indices must be integers or slices, not " + type_name(a[1]));
  const char* what = std::is_same_v<Self, Bytes> ? "index" : "bytearray index";
  int64_t i = normalize_index(a[1], static_cast<int64_t>(b->data.size()), what);
  return Value::small_int(static_cast<unsigned char>(b->data[i]));
}
Value bytes_iter(const CallArgs& a) {
  Bytes* b = self_bytes(a, "__iter__");
  ValueVector items;
  for (unsigned char c : b->data) items.push_back(Value::small_int(c));
  return get_iter(new_list(std::move(items)));
}
template <class Self>
Value common_add(const CallArgs& a) {
  Self* b = self_as<Self>(a, "__add__");
  BufferView view;
  if (!get_buffer(a[1], &view)) raise_type_error("can't concat " + type_name(a[1]) + " to " + kind_type<Self>()->name);
  std::string out = b->data;
  out.append(view.bytes());
  return new_like<Self>(std::move(out));
}
template <class Self>
Value common_mul(const CallArgs& a) {
  Self* b = self_as<Self>(a, "__mul__");
  if (!has_index(a[1])) return not_implemented();
  int64_t n = index_value(a[1]);
  if (n <= 0 || b->data.empty()) return new_like<Self>("");
  return new_like<Self>(repeat_text(b->data, n));
}
// format % args (PEP 461): the result is of the format's base kind. The
// format is copied first, since formatting may run Python code that
// changes a bytearray.
template <class Self>
Value common_mod(const CallArgs& a) {
  std::string format = self_as<Self>(a, "__mod__")->data;
  return new_like<Self>(percent_format_values(format, a[1], true));
}
// args % self, for a left operand of this kind that did not format itself.
template <class Self>
Value common_rmod(const CallArgs& a) {
  self_as<Self>(a, "__rmod__");
  if (!isinstance(a[1], kind_type<Self>())) return not_implemented();
  std::string format = a[1].as<Self>()->data;
  return new_like<Self>(percent_format_values(format, a[0], true));
}
template <class Self>
Value common_contains(const CallArgs& a) {
  Self* b = self_as<Self>(a, "__contains__");
  if (has_index(a[1])) return Value::boolean(b->data.find(static_cast<char>(byte_value(a[1]))) != std::string::npos);
  std::string needle = buffer_bytes(a[1]);
  return Value::boolean(b->data.find(needle) != std::string::npos);
}
Value bytes_hash(const CallArgs& a) {
  Bytes* b = self_bytes(a, "__hash__");
  Str* s = new_str(b->data);
  return make_int(str_hash(s));
}
// bytes compares only with bytes (CPython returns NotImplemented for the
// rest, and bytearray's reflected method then compares); bytearray with any
// buffer but a str.
template <class Self, uint32_t Op>
Value common_compare(const CallArgs& a) {
  std::string_view other;
  BufferView view;
  // Under -b, == and != with a str (or, for bytes, an int) warn first.
  bool may_warn = (Op == kEq || Op == kNe) && bytes_warning_level() > 0;
  if constexpr (std::is_same_v<Self, Bytes>) {
    if (!isinstance(a[1], types().bytes)) {
      if (may_warn && isinstance(a[1], types().str))
        warn_from_native("BytesWarning", "Comparison between bytes and string");
      else if (may_warn && isinstance(a[1], types().int_))
        warn_from_native("BytesWarning", "Comparison between bytes and int");
      return not_implemented();
    }
    other = a[1].as<Bytes>()->data;
  } else {
    if (!get_buffer(a[1], &view)) {
      if (may_warn && isinstance(a[1], types().str))
        warn_from_native("BytesWarning", "Comparison between bytearray and string");
      return not_implemented();
    }
    other = view.bytes();
  }
  int c = std::string_view(a[0].as<Self>()->data).compare(other);
  switch (Op) {
    case kLt: return Value::boolean(c < 0);
    case kLe: return Value::boolean(c <= 0);
    case kEq: return Value::boolean(c == 0);
    case kNe: return Value::boolean(c != 0);
    case kGt: return Value::boolean(c > 0);
    default: return Value::boolean(c >= 0);
  }
}

}  // namespace

// CPython looks codecs up by a normalized name: lower case, with '-' and
// ' ' read as '_'. These are the aliases of the three codecs gilvm has.
// decode() of any bytes, for bytes, bytearray and str(obj, encoding,
// errors): valid UTF-8 and ASCII take the fast way; the rest (errors,
// other codecs and handlers) goes through vm/codecs.
Value decode_bytes(std::string_view data, Value encoding_arg, Value errors_arg) {
  std::string given = encoding_arg.is_null() ? std::string("utf-8") : str_string(encoding_arg);
  const codecs::Codec* codec = codecs::find_codec(given);
  if (codec == nullptr) raise_error(exc().LookupError, "unknown encoding: " + given);
  std::string errors = errors_arg.is_null() ? "strict" : str_string(errors_arg);
  if (codec->kind == codecs::Kind::Utf8) {
    text::Utf8Check check = text::check_utf8(data);
    if (check.valid) return new_str_known(std::string(data), static_cast<int64_t>(check.code_points), check.ascii);
  } else if (codec->kind == codecs::Kind::Ascii || codec->kind == codecs::Kind::Latin1) {
    // ASCII bytes (HTTP's headers, nearly always) are the text as they are.
    if (text::is_ascii(data)) return new_str_known(std::string(data), static_cast<int64_t>(data.size()), true);
  }
  return new_str(codecs::decode(*codec, data, errors));
}

std::string hex_string(std::string_view data) {
  std::string out;
  out.reserve(data.size() * 2);
  for (unsigned char c : data) {
    out.push_back("0123456789abcdef"[c >> 4]);
    out.push_back("0123456789abcdef"[c & 15]);
  }
  return out;
}

// hex([sep[, bytes_per_sep]]): groups of bytes_per_sep bytes separated by
// sep, counted from the right end (from the left when negative).
Value hex_method(std::string_view data, const CallArgs& a) {
  ArgParser p(a, "hex", {"sep", "bytes_per_sep"});
  std::string hex = hex_string(data);
  if (!p.given(0)) return new_str(std::move(hex));
  Value sep_arg = p.get(0);
  std::string sep;
  if (isinstance(sep_arg, types().str)) sep = sep_arg.as<Str>()->data;
  else if (isinstance(sep_arg, types().bytes)) sep = sep_arg.as<Bytes>()->data;
  else raise_type_error("object of type '" + type_name(sep_arg) + "' has no len()");
  if (isinstance(sep_arg, types().str) ? sep_arg.as<Str>()->length != 1 : sep.size() != 1)
    raise_value_error("sep must be length 1.");
  if (static_cast<unsigned char>(sep[0]) >= 0x80) raise_value_error("sep must be ASCII.");
  int64_t per = p.given(1) ? index_value(p.get(1)) : 1;
  size_t group = static_cast<size_t>(per < 0 ? -per : per);
  if (group == 0 || group >= data.size()) return new_str(std::move(hex));
  std::string out;
  size_t n = data.size();
  for (size_t i = 0; i < n; ++i) {
    // A separator goes before byte i when a group boundary falls there.
    bool boundary = per > 0 ? (n - i) % group == 0 : i % group == 0;
    if (i > 0 && boundary) out += sep;
    out.append(hex, 2 * i, 2);
  }
  return new_str(std::move(out));
}

namespace {

template <class Self>
Value common_decode(const CallArgs& a) {
  ArgParser p(a, "decode", {"encoding", "errors"});
  Self* b = self_as<Self>(a, "decode");
  return decode_bytes(b->data, p.get(0), p.get(1));
}
template <class Self>
Value common_hex(const CallArgs& a) { return hex_method(self_as<Self>(a, "hex")->data, a); }

template <class Self>
void install_common(Type* t) {
  add_method(t, "__len__", common_len<Self>);
  add_method(t, "__getitem__", common_getitem<Self>);
  add_method(t, "__add__", common_add<Self>);
  add_method(t, "__mul__", common_mul<Self>);
  add_method(t, "__rmul__", common_mul<Self>);
  add_method(t, "__mod__", common_mod<Self>);
  add_method(t, "__rmod__", common_rmod<Self>);
  add_method(t, "__contains__", common_contains<Self>);
  add_method(t, "__lt__", common_compare<Self, kLt>);
  add_method(t, "__le__", common_compare<Self, kLe>);
  add_method(t, "__eq__", common_compare<Self, kEq>);
  add_method(t, "__ne__", common_compare<Self, kNe>);
  add_method(t, "__gt__", common_compare<Self, kGt>);
  add_method(t, "__ge__", common_compare<Self, kGe>);
  add_method(t, "decode", common_decode<Self>);
  add_method(t, "hex", common_hex<Self>);
}

// bytes exports its (immutable) contents.
bool bytes_buffer(Object* o, BufferView* out) {
  std::string& d = static_cast<Bytes*>(o)->data;
  out->data = reinterpret_cast<unsigned char*>(d.data());
  out->size = d.size();
  out->exporter = o;
  return true;
}

}  // namespace

void install_bytes_methods() {
  Type* t = types().bytes;
  t->construct = bytes_construct;
  add_method(t, "__repr__", bytes_repr);
  add_method(t, "__str__", bytes_str);
  add_method(t, "__iter__", bytes_iter);
  add_method(t, "__hash__", bytes_hash);
  install_common<Bytes>(t);
  install_common<ByteArray>(types().bytearray);
  register_buffer_type(t, bytes_buffer);
  install_bytes_text_methods();
}

}  // namespace gilvm
