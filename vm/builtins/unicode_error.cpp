// UnicodeEncodeError, UnicodeDecodeError and UnicodeTranslateError: their
// constructors, fields and str(), as CPython 3.11's.
//
// * UnicodeEncodeError(encoding, object, start, end, reason) takes exactly
//   five arguments (str, str, int, int, str); UnicodeDecodeError the same
//   with a bytes-like object (kept as bytes); UnicodeTranslateError(object,
//   start, end, reason) four, with `encoding` None. Other argument lists
//   are TypeErrors with CPython's messages.
// * The fields live in the instance dict, so scripts may reassign them; str()
//   reads them as they are then ("characters in position 2-0" included).
// * A subclass or __new__ that bypassed the constructor has no fields; its
//   str() falls back to BaseException's.
#include <cstdio>

#include "vm/builtins/install.hpp"
#include "vm/codecs/codecs.hpp"
#include "vm/errors.hpp"
#include "vm/heap/heap.hpp"
#include "vm/native.hpp"
#include "vm/objects/buffer.hpp"
#include "vm/objects/dict.hpp"
#include "vm/objects/number.hpp"
#include "vm/objects/sequence.hpp"
#include "vm/objects/str.hpp"
#include "vm/ops.hpp"
#include "vm/thread_state.hpp"
#include "vm/text/utf8.hpp"

namespace gilvm {

Value exception_construct(Type* type, const CallArgs& args);

namespace {

enum class Flavor { Encode, Decode, Translate };

Flavor flavor_of(Value e) {
  if (isinstance(e, exc().UnicodeEncodeError)) return Flavor::Encode;
  if (isinstance(e, exc().UnicodeDecodeError)) return Flavor::Decode;
  return Flavor::Translate;
}

Value require_str(Value v, int position) {
  if (!isinstance(v, types().str))
    raise_type_error("argument " + std::to_string(position) + " must be str, not " + type_name(v));
  return v;
}

// Checks the arguments and stores the fields.
void fill(ExceptionObject* e, Flavor flavor, const Value* args, size_t count) {
  size_t expected = flavor == Flavor::Translate ? 4 : 5;
  if (count != expected)
    raise_type_error("function takes exactly " + std::to_string(expected) + " arguments (" + std::to_string(count) +
                     " given)");
  size_t i = 0;
  Value encoding = Value::none();
  if (flavor != Flavor::Translate) encoding = require_str(args[i++], 1);
  Value object = args[i];
  if (flavor == Flavor::Decode) {
    object = new_bytes(std::string(buffer_or_raise(object).bytes()));
  } else {
    require_str(object, flavor == Flavor::Translate ? 1 : 2);
  }
  ++i;
  Value start = make_int(index_value(args[i++]));
  Value end = make_int(index_value(args[i++]));
  Value reason = require_str(args[i], static_cast<int>(i + 1));
  Object* o = e;
  if (o->attrs == nullptr) o->attrs = new_dict();
  DictTable& d = o->attrs->table;
  d.set(intern("encoding"), encoding);
  d.set(intern("object"), object);
  d.set(intern("start"), start);
  d.set(intern("end"), end);
  d.set(intern("reason"), reason);
}

// With no arguments nothing is checked, so that X.__new__(X) works as in
// CPython (which checks in __init__; gilvm cannot tell the two calls apart
// here, so UnicodeEncodeError() is not refused).
Value unicode_error_construct(Type* type, const CallArgs& args) {
  Value e = exception_construct(type, args);
  Root keep(e);
  if (args.count > 0) fill(e.as<ExceptionObject>(), flavor_of(e), args.args, args.count);
  return e;
}

Value unicode_error_init(const CallArgs& a) {
  if (a.count == 0 || !isinstance(a[0], exc().UnicodeError))
    raise_type_error("descriptor '__init__' requires a 'UnicodeError' object");
  auto* e = a[0].as<ExceptionObject>();
  e->args = new_tuple(std::vector<Value>(a.args + 1, a.args + a.count));
  fill(e, flavor_of(a[0]), a.args + 1, a.count - 1);
  return Value::none();
}

Value field(Value self, const char* name) {
  Object* o = self.object();
  if (o->attrs == nullptr) return Value::null();
  return o->attrs->table.get_str(intern(name));
}

Value unicode_error_str(const CallArgs& a) {
  if (a.count != 1 || !isinstance(a[0], exc().UnicodeError))
    raise_type_error("descriptor '__str__' requires a 'UnicodeError' object");
  Value self = a[0];
  Value object = field(self, "object"), start_v = field(self, "start"), end_v = field(self, "end");
  Value reason_v = field(self, "reason"), encoding_v = field(self, "encoding");
  if (object.is_null() || start_v.is_null() || end_v.is_null() || reason_v.is_null() ||
      !is_int_value(start_v) || !is_int_value(end_v)) {
    const auto& items = self.as<ExceptionObject>()->args->items;
    if (items.empty()) return new_str("");
    if (items.size() == 1) return to_str(items[0]);
    return to_str(Value(self.as<ExceptionObject>()->args));
  }
  int64_t start = index_value(start_v), end = index_value(end_v);
  std::string reason = str_string(reason_v);
  Flavor flavor = flavor_of(self);
  std::string prefix = flavor == Flavor::Translate ? "can't translate" : "'" + str_string(encoding_v) + "' codec can't " +
                                                                           (flavor == Flavor::Encode ? "encode" : "decode");
  if (flavor == Flavor::Decode) {
    std::string data = isinstance(object, types().bytes) ? object.as<Bytes>()->data : std::string();
    if (start >= 0 && start < static_cast<int64_t>(data.size()) && end == start + 1) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "0x%02x", static_cast<unsigned char>(data[static_cast<size_t>(start)]));
      return new_str(prefix + " byte " + buf + " in position " + std::to_string(start) + ": " + reason);
    }
    return new_str(prefix + " bytes in position " + std::to_string(start) + "-" + std::to_string(end - 1) + ": " +
                   reason);
  }
  if (isinstance(object, types().str)) {
    Str* s = object.as<Str>();
    if (start >= 0 && start < s->length && end == start + 1) {
      std::u32string chars = text::decode_utf8(s->data);
      return new_str(prefix + " character '" + codecs::backslash_escape(chars[static_cast<size_t>(start)]) + "' in position " +
                     std::to_string(start) + ": " + reason);
    }
  }
  return new_str(prefix + " characters in position " + std::to_string(start) + "-" + std::to_string(end - 1) + ": " +
                 reason);
}

}  // namespace

void install_unicode_error_methods() {
  for (Type* t : {exc().UnicodeEncodeError, exc().UnicodeDecodeError, exc().UnicodeTranslateError}) {
    t->construct = unicode_error_construct;
    add_method(t, "__init__", unicode_error_init);
    add_method(t, "__str__", unicode_error_str);
  }
}

}  // namespace gilvm
