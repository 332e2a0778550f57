// The native half of the json module (CPython's _json accelerator): one
// encoder and one scanner, which stdlib/py/json.py calls. The Python side
// keeps the public classes (JSONEncoder, JSONDecoder, JSONDecodeError) and
// the argument handling of dump/dumps/load/loads; these functions do the
// per-value work. Both may run Python code (default=, the hooks, parse_*,
// __eq__/__lt__ of odd keys while sorting) and raise.
#pragma once

#include <string>
#include <string_view>

#include "vm/object.hpp"

namespace gilvm::json {

struct EncodeOptions {
  bool check_circular = true;
  bool ensure_ascii = true;
  bool sort_keys = false;
  bool skipkeys = false;
  bool allow_nan = true;
  bool has_indent = false;  // indent is not None
  std::string indent;       // one level of indentation (indent=2 arrives as "  ")
  std::string key_separator = ": ";
  std::string item_separator = ", ";
  Value default_fn;         // None, or called with objects of other types
};

// json.dumps(o) under `options`. With an indent, the messages that differ
// between CPython's C encoder and its Python one (which CPython 3.11 uses
// when indenting) follow the Python one.
Str* encode(Value o, const EncodeOptions& options);

// The body of a JSON string for `text` (stored UTF-8) with its quotes,
// appended to `out`: encode_basestring(_ascii).
void append_string(std::string& out, std::string_view text, bool ensure_ascii);

struct DecodeOptions {
  bool strict = true;
  Value object_hook;        // None or callable: each dict
  Value object_pairs_hook;  // None or callable: each object's (key, value) list
  Value parse_float;        // None (float) or callable: the number's text
  Value parse_int;          // None (int) or callable
  Value parse_constant;     // None (float) or callable: "NaN", "Infinity", "-Infinity"
  Value error_class;        // JSONDecodeError: called with (msg, doc, pos)
};

// One JSON value of `doc` starting at code point `index`. Sets `*end` to the
// code point after it and returns the value; returns null (no exception)
// when no value starts there, with `*end` = index, as CPython's scanner
// raises StopIteration(index). Other syntax errors raise error_class.
Value scan_once(Str* doc, int64_t index, const DecodeOptions& options, int64_t* end);

// JSONDecoder.decode: skips whitespace, scans one value, skips whitespace,
// and raises "Expecting value" / "Extra data" as CPython does.
Value decode(Str* doc, const DecodeOptions& options);

// scanstring(doc, end, strict): the string whose body starts at code point
// `index` (after the opening quote). Returns the str; sets *end.
Value scan_string(Str* doc, int64_t index, bool strict, Value error_class, int64_t* end);

// The first code point at or after `index` that is not JSON whitespace.
int64_t skip_whitespace(Str* doc, int64_t index);

}  // namespace gilvm::json
