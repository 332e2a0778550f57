// str.maketrans and str.translate: character-by-character mapping through
// a table indexed by code point.
//
// A table is anything with __getitem__; translate() looks every code point
// up in it, and a LookupError (a dict's KeyError, a list's IndexError) means
// "keep the character". maketrans() only builds the dict that translate()
// expects, normalizing one-character string keys to their code points.
#include <string>

#include "vm/builtins/install.hpp"
#include "vm/errors.hpp"
#include "vm/native.hpp"
#include "vm/objects/dict.hpp"
#include "vm/objects/number.hpp"
#include "vm/objects/str.hpp"
#include "vm/ops.hpp"
#include "vm/thread_state.hpp"
#include "vm/text/utf8.hpp"

namespace gilvm {

namespace {

constexpr int64_t kMaxCodePoint = 0x10FFFF;

char32_t only_code_point(Str* s) {
  size_t pos = 0;
  return text::decode_utf8(s->data, pos);
}

// str.maketrans(x[, y[, z]]), a static method.
Value str_maketrans(const CallArgs& a) {
  no_keywords(a, "maketrans");
  if (a.count == 0) raise_type_error("maketrans expected at least 1 argument, got 0");
  if (a.count > 3) raise_type_error("maketrans expected at most 3 arguments, got " + std::to_string(a.count));
  Dict* table = new_dict();
  Root keep(table);
  if (a.count == 1) {
    if (!isinstance(a[0], types().dict))
      raise_type_error("if you give only one argument to maketrans it must be a dict");
    const DictTable& source = a[0].as<Dict>()->table;
    for (size_t i = 0; i < source.entry_capacity(); ++i) {
      const DictEntry& e = source.entry_at(i);
      if (e.key.is_null()) continue;
      if (isinstance(e.key, types().str)) {
        Str* key = e.key.as<Str>();
        if (key->length != 1) raise_value_error("string keys in translate table must be of length 1");
        table->table.set(make_int(only_code_point(key)), e.value);
      } else if (is_int_value(e.key)) {
        table->table.set(e.key, e.value);
      } else {
        raise_type_error("keys in translate table must be strings or integers");
      }
    }
    return table;
  }
  if (!isinstance(a[0], types().str))
    raise_type_error("first maketrans argument must be a string if there is a second argument");
  for (size_t i = 1; i < a.count; ++i)
    if (!isinstance(a[i], types().str))
      raise_type_error("maketrans() argument " + std::to_string(i + 1) + " must be str, not " + type_name(a[i]));
  Str* from = a[0].as<Str>();
  Str* to = a[1].as<Str>();
  if (from->length != to->length) raise_value_error("the first two maketrans arguments must have equal length");
  std::u32string from_cps = text::decode_utf8(from->data);
  std::u32string to_cps = text::decode_utf8(to->data);
  for (size_t i = 0; i < from_cps.size(); ++i) table->table.set(make_int(from_cps[i]), make_int(to_cps[i]));
  if (a.count == 3)
    for (char32_t cp : text::decode_utf8(a[2].as<Str>()->data)) table->table.set(make_int(cp), Value::none());
  return table;
}

// Appends what `table` maps code point `cp` to; returns false when the table
// has no entry for it (the caller keeps the character).
bool append_mapping(std::string& out, Value table, char32_t cp) {
  Value mapped;
  try {
    mapped = get_item(table, make_int(cp));
  } catch (PyException&) {
    if (!exception_matches(exc().LookupError)) throw;
    take_current_exception();
    return false;
  }
  if (mapped.is_none()) return true;
  if (is_int_value(mapped)) {
    int64_t code;
    if (!int_to_int64(mapped, &code) || code < 0 || code > kMaxCodePoint)
      raise_value_error("character mapping must be in range(0x110000)");
    text::append_utf8(out, static_cast<char32_t>(code));
    return true;
  }
  if (isinstance(mapped, types().str)) {
    out += mapped.as<Str>()->data;
    return true;
  }
  raise_type_error("character mapping must return integer, None or str");
}

Value str_translate(const CallArgs& a) {
  ArgParser p(a, "translate", {"table"}, 1);
  if (!isinstance(a[0], types().str))
    raise_type_error("descriptor 'translate' for 'str' objects doesn't apply to a '" + type_name(a[0]) + "' object");
  Str* self = a[0].as<Str>();
  Value table = p.get(0);
  std::string out;
  out.reserve(self->data.size());
  for (size_t pos = 0; pos < self->data.size();) {
    size_t start = pos;
    char32_t cp = text::decode_utf8(self->data, pos);
    if (!append_mapping(out, table, cp)) out.append(self->data, start, pos - start);
  }
  return new_str(std::move(out));
}

}  // namespace

void install_str_translate_methods() {
  add_static_method(types().str, "maketrans", str_maketrans);
  add_method(types().str, "translate", str_translate);
}

}  // namespace gilvm
