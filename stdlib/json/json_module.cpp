// The _json module: the native entry points that stdlib/py/json.py calls
// (CPython's accelerator has the same name and role). Arguments are
// positional and checked here; the work is in encoder.cpp and decoder.cpp.
//
//   encode(o, check_circular, default, ensure_ascii, indent, key_separator,
//          item_separator, sort_keys, skipkeys, allow_nan) -> str
//   encode_basestring(s), encode_basestring_ascii(s) -> str
//   scan_once(s, idx, strict, object_hook, object_pairs_hook, parse_float,
//             parse_int, parse_constant, error_class) -> (value, end);
//             StopIteration(idx) when no value starts at idx
//   decode(s, strict, object_hook, object_pairs_hook, parse_float,
//          parse_int, parse_constant, error_class) -> value
//   scanstring(s, end, strict, error_class) -> (str, end)
//   skip_whitespace(s, idx) -> int
#include "stdlib/json/json.hpp"
#include "stdlib/stdlib.hpp"
#include "vm/errors.hpp"
#include "vm/import.hpp"
#include "vm/native.hpp"
#include "vm/objects/module.hpp"
#include "vm/objects/number.hpp"
#include "vm/objects/sequence.hpp"
#include "vm/objects/str.hpp"
#include "vm/ops.hpp"

namespace gilvm {

namespace {

Str* str_argument(Value v, const char* function, int position) {
  if (!isinstance(v, types().str))
    raise_type_error(std::string(function) + "() argument " + std::to_string(position) + " must be str, not " +
                     type_name(v));
  return v.as<Str>();
}

int64_t index_argument(Value v) {
  int64_t out = 0;
  if (!is_int_value(v)) raise_type_error("'" + type_name(v) + "' object cannot be interpreted as an integer");
  if (!int_to_int64(v, &out)) raise_overflow_error("Python int too large to convert to C ssize_t");
  return out;
}

Value j_encode(const CallArgs& a) {
  no_keywords(a, "encode");
  check_arg_count(a, "encode", 10, 10);
  json::EncodeOptions options;
  options.check_circular = is_truthy(a[1]);
  options.default_fn = a[2];
  options.ensure_ascii = is_truthy(a[3]);
  if (!a[4].is_none()) {
    options.has_indent = true;
    options.indent = str_argument(a[4], "encode", 5)->data;
    // CPython's Python encoder (used with an indent) meets a bad item
    // separator first, adding the newline to it.
    if (!isinstance(a[6], types().str))
      raise_type_error("unsupported operand type(s) for +: '" + type_name(a[6]) + "' and 'str'");
  }
  // Otherwise its C encoder's constructor checks them, in this order.
  options.key_separator = str_argument(a[5], "make_encoder", 5)->data;
  options.item_separator = str_argument(a[6], "make_encoder", 6)->data;
  options.sort_keys = is_truthy(a[7]);
  options.skipkeys = is_truthy(a[8]);
  options.allow_nan = is_truthy(a[9]);
  return json::encode(a[0], options);
}

Value encode_basestring_with(const CallArgs& a, const char* name, bool ensure_ascii) {
  no_keywords(a, name);
  check_arg_count(a, name, 1, 1);
  if (!isinstance(a[0], types().str)) raise_type_error("first argument must be a string, not " + type_name(a[0]));
  std::string out;
  json::append_string(out, a[0].as<Str>()->view(), ensure_ascii);
  return new_str(std::move(out));
}
Value j_encode_basestring(const CallArgs& a) { return encode_basestring_with(a, "encode_basestring", false); }
Value j_encode_basestring_ascii(const CallArgs& a) {
  return encode_basestring_with(a, "encode_basestring_ascii", true);
}

// The decoder options from args[first .. first + 6].
json::DecodeOptions decode_options(const CallArgs& a, size_t first) {
  json::DecodeOptions options;
  options.strict = is_truthy(a[first]);
  options.object_hook = a[first + 1];
  options.object_pairs_hook = a[first + 2];
  options.parse_float = a[first + 3];
  options.parse_int = a[first + 4];
  options.parse_constant = a[first + 5];
  options.error_class = a[first + 6];
  return options;
}

Value j_scan_once(const CallArgs& a) {
  no_keywords(a, "scan_once");
  check_arg_count(a, "scan_once", 9, 9);
  Str* doc = str_argument(a[0], "scan_once", 1);
  int64_t index = index_argument(a[1]);
  json::DecodeOptions options = decode_options(a, 2);
  int64_t end = 0;
  Value result = json::scan_once(doc, index, options, &end);
  if (result.is_null()) raise_stop_iteration(make_int(end));
  return new_tuple({result, make_int(end)});
}

Value j_decode(const CallArgs& a) {
  no_keywords(a, "decode");
  check_arg_count(a, "decode", 8, 8);
  Str* doc = str_argument(a[0], "decode", 1);
  json::DecodeOptions options = decode_options(a, 1);
  return json::decode(doc, options);
}

Value j_scanstring(const CallArgs& a) {
  no_keywords(a, "scanstring");
  check_arg_count(a, "scanstring", 4, 4);
  if (!isinstance(a[0], types().str))
    raise_type_error("first argument must be a string, not " + type_name(a[0]));
  int64_t end = 0;
  Value result = json::scan_string(a[0].as<Str>(), index_argument(a[1]), is_truthy(a[2]), a[3], &end);
  return new_tuple({result, make_int(end)});
}

Value j_skip_whitespace(const CallArgs& a) {
  no_keywords(a, "skip_whitespace");
  check_arg_count(a, "skip_whitespace", 2, 2);
  Str* doc = str_argument(a[0], "skip_whitespace", 1);
  return make_int(json::skip_whitespace(doc, index_argument(a[1])));
}

void init_json(Module* m) {
  add_function(m, "encode", j_encode);
  add_function(m, "encode_basestring", j_encode_basestring);
  add_function(m, "encode_basestring_ascii", j_encode_basestring_ascii);
  add_function(m, "scan_once", j_scan_once);
  add_function(m, "decode", j_decode);
  add_function(m, "scanstring", j_scanstring);
  add_function(m, "skip_whitespace", j_skip_whitespace);
}

}  // namespace

void register_json_module() { register_builtin_module("_json", init_json); }

}  // namespace gilvm
