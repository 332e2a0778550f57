// The JSON scanner: json.loads of a str, with CPython 3.11's results,
// error messages and error positions.
//
// Contract. Accepts what CPython's C scanner accepts: the JSON grammar
// plus NaN, Infinity and -Infinity (through parse_constant), control
// characters inside strings when strict is false, and lone or paired
// \uXXXX surrogates (a high surrogate followed by a low one joins into one
// code point; anything else stays a lone surrogate). Positions in errors
// and in the returned end index count code points, as in CPython. Errors
// are instances of the error class the caller passes (JSONDecodeError,
// called with msg, doc, pos); "no value here" is not an error but a null
// result with the position, which the caller turns into StopIteration or
// "Expecting value", as CPython's scanner raises StopIteration(idx).
// Objects go through object_pairs_hook (a list of (key, value) tuples)
// when given, else into a dict passed to object_hook when given; numbers
// through parse_int / parse_float when they are not the built-in int and
// float; NaN/Infinity through parse_constant when given.
//
// Design. A recursive descent over the stored UTF-8 bytes: every JSON
// delimiter is ASCII, so the scanner works on byte offsets and converts to
// code points only for the end index and for error positions (and not at
// all when the document is ASCII). Results are built directly in their
// list / dict objects, which C++ locals keep alive while hooks run Python.
// Object keys are memoized per document (CPython's memo dict).
// Each array and object level counts against the recursion limit.
#include <cmath>
#include <unordered_map>

#include "stdlib/json/json.hpp"
#include "vm/errors.hpp"
#include "vm/heap/value_vector.hpp"
#include "vm/objects/dict.hpp"
#include "vm/objects/number.hpp"
#include "vm/objects/sequence.hpp"
#include "vm/objects/str.hpp"
#include "vm/ops.hpp"
#include "vm/text/float_format.hpp"
#include "vm/text/utf8.hpp"

namespace gilvm::json {

namespace {

inline bool is_ws(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
inline bool is_digit(char c) { return c >= '0' && c <= '9'; }

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Bytes that end a run of plain string characters: the quote, the
// backslash, and (strict mode) control characters.
struct StopTable {
  bool strict[256];
  bool lax[256];
  constexpr StopTable() : strict(), lax() {
    for (int c = 0; c < 256; ++c) {
      lax[c] = c == '"' || c == '\\';
      strict[c] = lax[c] || c < 0x20;
    }
  }
};
constexpr StopTable kStops;

class Scanner {
 public:
  Scanner(Str* doc, const DecodeOptions& options)
      : doc_(doc), s_(doc->view()), n_(s_.size()), opt_(options) {
    fast_float_ = opt_.parse_float.is_null() || opt_.parse_float.is_none() ||
                  opt_.parse_float == Value(types().float_);
    fast_int_ = opt_.parse_int.is_null() || opt_.parse_int.is_none() || opt_.parse_int == Value(types().int_);
    has_pairs_hook_ = !opt_.object_pairs_hook.is_null() && !opt_.object_pairs_hook.is_none();
    has_object_hook_ = !opt_.object_hook.is_null() && !opt_.object_hook.is_none();
    has_constant_hook_ = !opt_.parse_constant.is_null() && !opt_.parse_constant.is_none();
  }

  // The value at byte `pos`, or null when none starts there (then *end = the
  // position CPython's StopIteration carries).
  Value value(size_t pos, size_t* end);
  // pos: just after the opening quote. Keys are memoized: equal keys
  // without escapes share one str, as in CPython (and its cached hash).
  Value string(size_t pos, size_t* end, bool is_key = false);
  size_t skip_ws(size_t pos) const {
    while (pos < n_ && is_ws(s_[pos])) ++pos;
    return pos;
  }
  [[noreturn]] void fail(const char* message, size_t byte_pos);
  int64_t code_point_index(size_t byte_pos) const {
    if (doc_->ascii) return static_cast<int64_t>(byte_pos);
    return static_cast<int64_t>(text::code_point_count(s_.substr(0, byte_pos)));
  }
  size_t byte_index(int64_t code_point) const {
    if (doc_->ascii) return static_cast<size_t>(code_point);
    return text::byte_offset_of(s_, static_cast<size_t>(code_point));
  }
  size_t size() const { return n_; }

 private:
  Value array(size_t pos, size_t* end);
  Value object(size_t pos, size_t* end);
  Value number(size_t pos, size_t* end);
  Value constant(const char* name, double value);
  bool matches(size_t pos, std::string_view word) const { return s_.substr(pos, word.size()) == word; }

  Str* doc_;
  std::string_view s_;
  size_t n_;
  const DecodeOptions& opt_;
  bool fast_float_, fast_int_, has_pairs_hook_, has_object_hook_, has_constant_hook_;
  // Key text (viewed in the document) -> its str, which memo_roots_ keeps alive.
  std::unordered_map<std::string_view, Value> memo_;
  ValueVector memo_roots_;
};

void Scanner::fail(const char* message, size_t byte_pos) {
  if (opt_.error_class.is_null() || opt_.error_class.is_none()) raise_value_error(message);
  Value error = call(opt_.error_class, {new_str(message), Value(doc_), make_int(code_point_index(byte_pos))});
  raise_exception(error);
}

Value Scanner::constant(const char* name, double value) {
  if (has_constant_hook_) return call(opt_.parse_constant, {new_str(name)});
  return make_float(value);
}

Value Scanner::value(size_t pos, size_t* end) {
  if (pos >= n_) {
    *end = pos;
    return Value::null();
  }
  switch (s_[pos]) {
    case '"':
      return string(pos + 1, end);
    case '{': {
      NativeRecursion guard(" while decoding a JSON object from a unicode string");
      return object(pos + 1, end);
    }
    case '[': {
      NativeRecursion guard(" while decoding a JSON array from a unicode string");
      return array(pos + 1, end);
    }
    case 'n':
      if (matches(pos, "null")) {
        *end = pos + 4;
        return Value::none();
      }
      break;
    case 't':
      if (matches(pos, "true")) {
        *end = pos + 4;
        return Value::boolean(true);
      }
      break;
    case 'f':
      if (matches(pos, "false")) {
        *end = pos + 5;
        return Value::boolean(false);
      }
      break;
    case 'N':
      if (matches(pos, "NaN")) {
        *end = pos + 3;
        return constant("NaN", std::nan(""));
      }
      break;
    case 'I':
      if (matches(pos, "Infinity")) {
        *end = pos + 8;
        return constant("Infinity", HUGE_VAL);
      }
      break;
    case '-':
      if (matches(pos, "-Infinity")) {
        *end = pos + 9;
        return constant("-Infinity", -HUGE_VAL);
      }
      break;
    default:
      break;
  }
  return number(pos, end);
}

Value Scanner::number(size_t pos, size_t* end) {
  size_t i = pos;
  *end = pos;
  if (i < n_ && s_[i] == '-') ++i;
  if (i < n_ && s_[i] >= '1' && s_[i] <= '9') {
    while (++i < n_ && is_digit(s_[i])) {
    }
  } else if (i < n_ && s_[i] == '0') {
    ++i;
  } else {
    return Value::null();
  }
  bool is_float = false;
  if (i + 1 < n_ && s_[i] == '.' && is_digit(s_[i + 1])) {
    is_float = true;
    i += 2;
    while (i < n_ && is_digit(s_[i])) ++i;
  }
  if (i + 1 < n_ && (s_[i] == 'e' || s_[i] == 'E')) {
    size_t e = i++;
    if (s_[i] == '-' || s_[i] == '+') ++i;
    while (i < n_ && is_digit(s_[i])) ++i;
    if (is_digit(s_[i - 1])) {
      is_float = true;
    } else {
      i = e;
    }
  }
  *end = i;
  std::string_view text = s_.substr(pos, i - pos);
  if (is_float) {
    if (fast_float_) return make_float(text::parse_float(text));
    return call(opt_.parse_float, {new_str(text)});
  }
  if (!fast_int_) return call(opt_.parse_int, {new_str(text)});
  if (text.size() <= 18) {
    int64_t magnitude = 0;
    for (char c : text.substr(text[0] == '-' ? 1 : 0)) magnitude = magnitude * 10 + (c - '0');
    return make_int(text[0] == '-' ? -magnitude : magnitude);
  }
  // int() applies sys.get_int_max_str_digits() with CPython's message.
  return call(Value(types().int_), {new_str(text)});
}

Value Scanner::string(size_t pos, size_t* end, bool is_key) {
  const size_t begin = pos - 1;
  const bool* stops = opt_.strict ? kStops.strict : kStops.lax;
  std::string buffer;
  bool escaped = false;
  size_t chunk = pos;
  size_t i = pos;
  while (true) {
    while (i < n_ && !stops[static_cast<unsigned char>(s_[i])]) ++i;
    if (i >= n_) fail("Unterminated string starting at", begin);
    char c = s_[i];
    if (c == '"') {
      *end = i + 1;
      if (!escaped) {
        std::string_view text = s_.substr(pos, i - pos);
        if (!is_key) return new_str(text);
        auto found = memo_.find(text);
        if (found != memo_.end()) return found->second;
        Value key = new_str(text);
        memo_roots_.push_back(key);
        memo_.emplace(text, key);
        return key;
      }
      buffer.append(s_.data() + chunk, i - chunk);
      return new_str(std::move(buffer));
    }
    if (c != '\\') fail("Invalid control character at", i);
    buffer.append(s_.data() + chunk, i - chunk);
    escaped = true;
    if (++i >= n_) fail("Unterminated string starting at", begin);
    c = s_[i];
    if (c != 'u') {
      switch (c) {
        case '"': buffer.push_back('"'); break;
        case '\\': buffer.push_back('\\'); break;
        case '/': buffer.push_back('/'); break;
        case 'b': buffer.push_back('\b'); break;
        case 'f': buffer.push_back('\f'); break;
        case 'n': buffer.push_back('\n'); break;
        case 'r': buffer.push_back('\r'); break;
        case 't': buffer.push_back('\t'); break;
        default: fail("Invalid \\escape", i - 1);
      }
      chunk = ++i;
      continue;
    }
    // \uXXXX: CPython wants a character after the four digits (at least the
    // closing quote), and reports every malformed escape at its 'u'.
    auto hex4 = [&](size_t at, char32_t* out) {
      char32_t v = 0;
      for (size_t k = at; k < at + 4; ++k) {
        int h = hex_value(s_[k]);
        if (h < 0) return false;
        v = (v << 4) | static_cast<char32_t>(h);
      }
      *out = v;
      return true;
    };
    char32_t cp = 0;
    if (i + 5 >= n_ || !hex4(i + 1, &cp)) fail("Invalid \\uXXXX escape", i);
    i += 5;
    if (cp >= 0xD800 && cp <= 0xDBFF && i + 6 < n_ && s_[i] == '\\' && s_[i + 1] == 'u') {
      char32_t low = 0;
      if (!hex4(i + 2, &low)) fail("Invalid \\uXXXX escape", i + 1);
      if (low >= 0xDC00 && low <= 0xDFFF) {
        cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
        i += 6;
      }
    }
    text::append_utf8(buffer, cp);
    chunk = i;
  }
}

Value Scanner::array(size_t pos, size_t* end) {
  List* list = new_list();
  pos = skip_ws(pos);
  if (pos < n_ && s_[pos] == ']') {
    *end = pos + 1;
    return list;
  }
  while (true) {
    size_t next;
    Value item = value(pos, &next);
    if (item.is_null()) {
      *end = next;
      return item;
    }
    list->items.push_back(item);
    pos = skip_ws(next);
    if (pos < n_ && s_[pos] == ']') break;
    if (pos >= n_ || s_[pos] != ',') fail("Expecting ',' delimiter", pos);
    pos = skip_ws(pos + 1);
  }
  *end = pos + 1;
  return list;
}

Value Scanner::object(size_t pos, size_t* end) {
  Dict* dict = has_pairs_hook_ ? nullptr : new_dict();
  List* pairs = has_pairs_hook_ ? new_list() : nullptr;
  pos = skip_ws(pos);
  if (pos >= n_ || s_[pos] != '}') {
    while (true) {
      if (pos >= n_ || s_[pos] != '"') fail("Expecting property name enclosed in double quotes", pos);
      size_t next;
      Value key = string(pos + 1, &next, true);
      pos = skip_ws(next);
      if (pos >= n_ || s_[pos] != ':') fail("Expecting ':' delimiter", pos);
      pos = skip_ws(pos + 1);
      Value item = value(pos, &next);
      if (item.is_null()) {
        *end = next;
        return item;
      }
      if (pairs != nullptr) {
        pairs->items.push_back(new_tuple({key, item}));
      } else {
        dict->table.set(key, item);
      }
      pos = skip_ws(next);
      if (pos < n_ && s_[pos] == '}') break;
      if (pos >= n_ || s_[pos] != ',') fail("Expecting ',' delimiter", pos);
      pos = skip_ws(pos + 1);
    }
  }
  *end = pos + 1;
  if (pairs != nullptr) return call(opt_.object_pairs_hook, {Value(pairs)});
  if (has_object_hook_) return call(opt_.object_hook, {Value(dict)});
  return dict;
}

}  // namespace

Value scan_once(Str* doc, int64_t index, const DecodeOptions& options, int64_t* end) {
  if (index < 0) raise_value_error("idx cannot be negative");
  *end = index;
  if (index >= doc->length) return Value::null();
  Scanner scanner(doc, options);
  size_t next = 0;
  Value result = scanner.value(scanner.byte_index(index), &next);
  *end = result.is_null() ? index : scanner.code_point_index(next);
  return result;
}

Value decode(Str* doc, const DecodeOptions& options) {
  Scanner scanner(doc, options);
  size_t next = 0;
  Value result = scanner.value(scanner.skip_ws(0), &next);
  if (result.is_null()) scanner.fail("Expecting value", next);
  size_t pos = scanner.skip_ws(next);
  if (pos != scanner.size()) scanner.fail("Extra data", pos);
  return result;
}

Value scan_string(Str* doc, int64_t index, bool strict, Value error_class, int64_t* end) {
  DecodeOptions options;
  options.strict = strict;
  options.error_class = error_class;
  Scanner scanner(doc, options);
  if (index < 0 || index > doc->length) raise_value_error("end is out of bounds");
  size_t next = 0;
  Value result = scanner.string(scanner.byte_index(index), &next);
  *end = scanner.code_point_index(next);
  return result;
}

int64_t skip_whitespace(Str* doc, int64_t index) {
  if (index < 0) index = 0;
  if (index >= doc->length) return index;
  DecodeOptions options;
  Scanner scanner(doc, options);
  return scanner.code_point_index(scanner.skip_ws(scanner.byte_index(index)));
}

}  // namespace gilvm::json
