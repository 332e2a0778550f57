// The unicodedata module over gilvm's Unicode database
// (vm/text/unicode_database.hpp, Unicode 14.0.0 as in CPython 3.11):
// lookup, name, decimal, digit, numeric, category, bidirectional,
// combining, east_asian_width, mirrored, decomposition, normalize,
// is_normalized, unidata_version, and the UCD type with its one instance
// ucd_3_2_0 (which answers from the same 14.0.0 data: see docs/language.md).
#include <string>

#include "stdlib/stdlib.hpp"
#include "vm/errors.hpp"
#include "vm/heap/heap.hpp"
#include "vm/import.hpp"
#include "vm/native.hpp"
#include "vm/objects/buffer.hpp"
#include "vm/objects/dict.hpp"
#include "vm/objects/module.hpp"
#include "vm/objects/number.hpp"
#include "vm/objects/str.hpp"
#include "vm/ops.hpp"
#include "vm/text/unicode_database.hpp"
#include "vm/types.hpp"
#include "vm/utf8.hpp"

namespace gilvm {

namespace {

Type* ucd_type = nullptr;

struct UcdObject : Object {
  const char* version;
  UcdObject(Type* t, const char* v) : Object(t), version(v) {}
};

// Module functions take (chr, ...); UCD methods take (self, chr, ...).
// `first` is where the character is.
char32_t one_char(const CallArgs& a, size_t first, const char* fn, bool has_default) {
  Value v = a[first];
  std::string where = has_default ? " argument 1" : " argument";
  if (!isinstance(v, types().str) || v.as<Str>()->length != 1)
    raise_type_error(std::string(fn) + "()" + where + " must be a unicode character, not " + type_name(v));
  size_t pos = 0;
  return utf8::next(v.as<Str>()->data, pos);
}

size_t first_argument(const CallArgs& a) { return a.count > 0 && isinstance(a[0], ucd_type) ? 1 : 0; }

Value fallback_or_raise(const CallArgs& a, size_t index, const char* message) {
  if (a.count > index) return a[index];
  raise_value_error(message);
}

Value u_name(const CallArgs& a) {
  size_t i = first_argument(a);
  check_arg_count(a, "name", i + 1, i + 2);
  std::string name = text::char_name(one_char(a, i, "name", true));
  if (name.empty()) return fallback_or_raise(a, i + 1, "no such name");
  return new_str(name);
}

Value u_lookup(const CallArgs& a) {
  size_t i = first_argument(a);
  check_arg_count(a, "lookup", i + 1, i + 1);
  Value v = a[i];
  std::string name = isinstance(v, types().str) ? v.as<Str>()->data : std::string(buffer_or_raise(v).bytes());
  if (name.size() > 256) raise_key_error(new_str("name too long"));
  std::optional<std::u32string> chars = text::lookup_name(name);
  if (!chars) raise_key_error(new_str("undefined character name '" + name + "'"));
  std::string out;
  for (char32_t c : *chars) utf8::append(out, c);
  return new_str(out);
}

Value u_decimal(const CallArgs& a) {
  size_t i = first_argument(a);
  check_arg_count(a, "decimal", i + 1, i + 2);
  auto v = text::numeric_value(one_char(a, i, "decimal", true));
  if (!v || v->decimal < 0) return fallback_or_raise(a, i + 1, "not a decimal");
  return Value::small_int(v->decimal);
}

Value u_digit(const CallArgs& a) {
  size_t i = first_argument(a);
  check_arg_count(a, "digit", i + 1, i + 2);
  auto v = text::numeric_value(one_char(a, i, "digit", true));
  if (!v || v->digit < 0) return fallback_or_raise(a, i + 1, "not a digit");
  return Value::small_int(v->digit);
}

Value u_numeric(const CallArgs& a) {
  size_t i = first_argument(a);
  check_arg_count(a, "numeric", i + 1, i + 2);
  auto v = text::numeric_value(one_char(a, i, "numeric", true));
  if (!v) return fallback_or_raise(a, i + 1, "not a numeric character");
  return make_float(v->numeric);
}

text::CharRecord record(const CallArgs& a, const char* fn) {
  size_t i = first_argument(a);
  check_arg_count(a, fn, i + 1, i + 1);
  return text::char_record(one_char(a, i, fn, false));
}

Value u_category(const CallArgs& a) { return new_str(record(a, "category").category); }
Value u_bidirectional(const CallArgs& a) { return new_str(record(a, "bidirectional").bidirectional); }
Value u_combining(const CallArgs& a) { return Value::small_int(record(a, "combining").combining); }
Value u_east_asian_width(const CallArgs& a) { return new_str(record(a, "east_asian_width").east_asian_width); }
Value u_mirrored(const CallArgs& a) { return Value::small_int(record(a, "mirrored").mirrored ? 1 : 0); }

Value u_decomposition(const CallArgs& a) {
  size_t i = first_argument(a);
  check_arg_count(a, "decomposition", i + 1, i + 1);
  return new_str(text::decomposition(one_char(a, i, "decomposition", false)));
}

// normalize(form, unistr) and is_normalized(form, unistr).
bool normalize_arguments(const CallArgs& a, const char* fn, std::string* normalized, const std::string** original) {
  size_t i = first_argument(a);
  check_arg_count(a, fn, i + 2, i + 2);
  Value form = a[i], text_value = a[i + 1];
  if (!isinstance(form, types().str))
    raise_type_error(std::string(fn) + "() argument 1 must be str, not " + type_name(form));
  if (!isinstance(text_value, types().str))
    raise_type_error(std::string(fn) + "() argument 2 must be str, not " + type_name(text_value));
  const std::string& in = text_value.as<Str>()->data;
  *original = &in;
  std::u32string chars, out;
  for (size_t pos = 0; pos < in.size();) chars.push_back(utf8::next(in, pos));
  if (!text::normalize(form.as<Str>()->data, chars, &out)) raise_value_error("invalid normalization form");
  for (char32_t c : out) utf8::append(*normalized, c);
  return true;
}

Value u_normalize(const CallArgs& a) {
  std::string out;
  const std::string* in = nullptr;
  normalize_arguments(a, "normalize", &out, &in);
  if (out == *in) return a[first_argument(a) + 1];
  return new_str(out);
}

Value u_is_normalized(const CallArgs& a) {
  std::string out;
  const std::string* in = nullptr;
  normalize_arguments(a, "is_normalized", &out, &in);
  return Value::boolean(out == *in);
}

Value ucd_version(Value self) { return new_str(self.as<UcdObject>()->version); }

Value no_construct(Type*, const CallArgs&) { raise_type_error("cannot create 'unicodedata.UCD' instances"); }

const std::pair<const char*, NativeFn> kFunctions[] = {
    {"name", u_name},
    {"lookup", u_lookup},
    {"decimal", u_decimal},
    {"digit", u_digit},
    {"numeric", u_numeric},
    {"category", u_category},
    {"bidirectional", u_bidirectional},
    {"combining", u_combining},
    {"east_asian_width", u_east_asian_width},
    {"mirrored", u_mirrored},
    {"decomposition", u_decomposition},
    {"normalize", u_normalize},
    {"is_normalized", u_is_normalized},
};

void init_unicodedata(Module* m) {
  if (ucd_type == nullptr) {
    ucd_type = new_builtin_type("UCD", types().object, no_construct);
    ucd_type->allows_subclassing = false;
    add_type_attr(ucd_type, "__module__", intern("unicodedata"));
    for (const auto& [name, fn] : kFunctions) add_method(ucd_type, name, fn);
    add_getset(ucd_type, "unidata_version", ucd_version);
  }
  DictTable& d = m->dict()->table;
  for (const auto& [name, fn] : kFunctions) add_function(m, name, fn);
  d.set(intern("UCD"), ucd_type);
  d.set(intern("unidata_version"), new_str("14.0.0"));
  d.set(intern("ucd_3_2_0"), gc_new<UcdObject>(ucd_type, "3.2.0"));
  d.set(intern("__doc__"), new_str("The Unicode character database (Unicode 14.0.0): names, properties and\n"
                                      "normalization of every character."));
}

}  // namespace

void register_unicodedata_module() { register_builtin_module("unicodedata", init_unicodedata); }

}  // namespace gilvm
