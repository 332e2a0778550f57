// The _codecs module: the C++ codecs of vm/codecs/ for codecs.py.
//
//   _codec_name(name)                        codecs.lookup's name, or None
//   _codec_encode(encoding, str, errors)     -> (bytes, characters used)
//   _codec_decode(encoding, data, errors, final) -> (str, bytes used)
//   encode(obj, encoding, errors), decode(obj, encoding, errors)
//
// encode/decode take the C++ path for str (bytes) with a C++ codec and
// hand anything else (codecs registered from Python, bytes-to-bytes
// codecs such as 'hex') to codecs.py's functions.
#include <string>

#include "stdlib/stdlib.hpp"
#include "vm/codecs/codecs.hpp"
#include "vm/errors.hpp"
#include "vm/import.hpp"
#include "vm/native.hpp"
#include "vm/objects/buffer.hpp"
#include "vm/objects/module.hpp"
#include "vm/objects/number.hpp"
#include "vm/objects/sequence.hpp"
#include "vm/objects/str.hpp"
#include "vm/ops.hpp"
#include "vm/types.hpp"

namespace gilvm {

namespace {

const codecs::Codec& codec_or_raise(Value name) {
  if (!isinstance(name, types().str)) raise_type_error("encoding must be a str, not " + type_name(name));
  const codecs::Codec* c = codecs::find_codec(name.as<Str>()->data);
  if (c == nullptr) raise_error(exc().LookupError, "unknown encoding: " + name.as<Str>()->data);
  return *c;
}

std::string errors_of(Value v) { return v.is_null() || v.is_none() ? "strict" : str_string(v); }

// "utf_8" for "utf-8": the prefix of CPython's per-codec function names.
std::string function_prefix(const codecs::Codec& c) {
  std::string name = c.kind == codecs::Kind::Charmap ? "charmap" : c.name;
  if (c.kind == codecs::Kind::Latin1) name = "latin_1";
  for (char& ch : name)
    if (ch == '-') ch = '_';
  return name;
}

Value m_codec_name(const CallArgs& a) {
  ArgParser p(a, "_codec_name", {"encoding"}, 1, false);
  Value name = p.get(0);
  if (!isinstance(name, types().str)) return Value::none();
  const codecs::Codec* c = codecs::find_codec(name.as<Str>()->data);
  return c == nullptr ? Value::none() : Value(new_str(c->name));
}

Value m_codec_encode(const CallArgs& a) {
  ArgParser p(a, "_codec_encode", {"encoding", "str", "errors"}, 2, false);
  const codecs::Codec& c = codec_or_raise(p.get(0));
  Value text = p.get(1);
  if (!isinstance(text, types().str))
    raise_type_error(function_prefix(c) + "_encode() argument 1 must be str, not " + type_name(text));
  std::string out = codecs::encode(c, text.as<Str>()->data, errors_of(p.get(2)));
  Value bytes = new_bytes(std::move(out));
  return new_tuple({bytes, make_int(text.as<Str>()->length)});
}

Value m_codec_decode(const CallArgs& a) {
  ArgParser p(a, "_codec_decode", {"encoding", "data", "errors", "final"}, 2, false);
  const codecs::Codec& c = codec_or_raise(p.get(0));
  std::string data(buffer_or_raise(p.get(1)).bytes());
  bool final = p.given(3) && is_truthy(p.get(3));
  size_t consumed = 0;
  std::string out = codecs::decode(c, data, errors_of(p.get(2)), final, &consumed);
  Value text = new_str(std::move(out));
  return new_tuple({text, make_int(static_cast<int64_t>(consumed))});
}

Value python_codecs(const char* name, const CallArgs& a) {
  return call_object(get_attr(import_module(intern("codecs"), nullptr, Value::none(), 0), name), a);
}

Value m_encode(const CallArgs& a) {
  ArgParser p(a, "encode", {"obj", "encoding", "errors"}, 1, false);
  Value obj = p.get(0);
  Value encoding = p.get(1, new_str("utf-8"));
  if (isinstance(obj, types().str) && isinstance(encoding, types().str)) {
    if (const codecs::Codec* c = codecs::find_codec(encoding.as<Str>()->data))
      return new_bytes(codecs::encode(*c, obj.as<Str>()->data, errors_of(p.get(2))));
  }
  return python_codecs("encode", a);
}

Value m_decode(const CallArgs& a) {
  ArgParser p(a, "decode", {"obj", "encoding", "errors"}, 1, false);
  Value obj = p.get(0);
  Value encoding = p.get(1, new_str("utf-8"));
  BufferView view;
  if (isinstance(encoding, types().str) && get_buffer(obj, &view)) {
    if (const codecs::Codec* c = codecs::find_codec(encoding.as<Str>()->data)) {
      std::string data(view.bytes());
      return new_str(codecs::decode(*c, data, errors_of(p.get(2))));
    }
  }
  return python_codecs("decode", a);
}

void init_codecs(Module* m) {
  add_function(m, "_codec_name", m_codec_name);
  add_function(m, "_codec_encode", m_codec_encode);
  add_function(m, "_codec_decode", m_codec_decode);
  add_function(m, "encode", m_encode);
  add_function(m, "decode", m_decode);
}

}  // namespace

void register_codecs_module() { register_builtin_module("_codecs", init_codecs); }

}  // namespace gilvm
