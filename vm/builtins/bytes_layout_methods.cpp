// bytes and bytearray: center, ljust, rjust, zfill, expandtabs, title and
// istitle, written once over the self type as the other read-only methods
// (vm/builtins/bytes_ops.hpp). All of them treat bytes as ASCII, as
// CPython's do.
#include <string>

#include "vm/builtins/bytes_ops.hpp"
#include "vm/errors.hpp"
#include "vm/native.hpp"
#include "vm/objects/bytearray.hpp"
#include "vm/objects/sequence.hpp"
#include "vm/objects/str.hpp"
#include "vm/ops.hpp"

namespace gilvm {

namespace {

bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }

// The positional-only argument count check of CPython's generated parsers
// (arguments after self).
// "bytes.center" / "bytearray.center": how CPython names the method in some
// of its messages.
std::string qualified(const CallArgs& a, const char* name) {
  return (isinstance(a[0], types().bytes) ? "bytes." : "bytearray.") + std::string(name);
}

void check_positional(const CallArgs& a, const char* name, size_t min, size_t max) {
  if (a.kw_count() != 0) raise_type_error(qualified(a, name) + "() takes no keyword arguments");
  size_t n = a.count - 1;
  if (max == 0 && n > 0) raise_type_error(qualified(a, name) + "() takes no arguments (" + std::to_string(n) + " given)");
  if (n < min)
    raise_type_error(std::string(name) + " expected at least " + std::to_string(min) + " argument" +
                     (min == 1 ? "" : "s") + ", got " + std::to_string(n));
  if (n > max)
    raise_type_error(std::string(name) + " expected at most " + std::to_string(max) + " argument" +
                     (max == 1 ? "" : "s") + ", got " + std::to_string(n));
}

// A fill byte: bytes or bytearray of length 1.
char fill_byte(Value v, const char* name) {
  Type* t = type_of(v);
  const std::string* data = nullptr;
  if (t->is_subtype_of(types().bytes)) data = &v.as<Bytes>()->data;
  else if (t->is_subtype_of(types().bytearray)) data = &v.as<ByteArray>()->data;
  if (data == nullptr || data->size() != 1)
    raise_type_error(std::string(name) + "() argument 2 must be a byte string of length 1, not " +
                     (v.is_none() ? std::string("None") : type_name(v)));
  return (*data)[0];
}

// Unchanged exact bytes are returned as they are, as CPython does.
template <class Self>
Value unchanged(const CallArgs& a) {
  if constexpr (std::is_same_v<Self, Bytes>)
    if (type_of(a[0]) == types().bytes) return a[0];
  return new_like<Self>(self_as<Self>(a, "method")->data);
}

// Pads to `width` with `left` bytes of fill before and the rest after.
template <class Self>
Value padded(const CallArgs& a, const char* name, int which) {
  const std::string& text = self_as<Self>(a, name)->data;
  check_positional(a, name, 1, 2);
  int64_t width = index_value(a[1]);
  char fill = a.count > 2 ? fill_byte(a[2], name) : ' ';
  int64_t size = static_cast<int64_t>(text.size());
  if (width <= size) return unchanged<Self>(a);
  int64_t margin = width - size;
  int64_t left = 0;
  if (which == 0) left = margin / 2 + (margin & width & 1);  // center: CPython's rounding
  if (which == 2) left = margin;                           // rjust
  std::string out(static_cast<size_t>(left), fill);
  out += text;
  out.append(static_cast<size_t>(margin - left), fill);
  return new_like<Self>(std::move(out));
}
template <class Self>
Value bytes_center(const CallArgs& a) { return padded<Self>(a, "center", 0); }
template <class Self>
Value bytes_ljust(const CallArgs& a) { return padded<Self>(a, "ljust", 1); }
template <class Self>
Value bytes_rjust(const CallArgs& a) { return padded<Self>(a, "rjust", 2); }

template <class Self>
Value bytes_zfill(const CallArgs& a) {
  const std::string& text = self_as<Self>(a, "zfill")->data;
  if (a.kw_count() != 0) raise_type_error(qualified(a, "zfill") + "() takes no keyword arguments");
  if (a.count != 2)
    raise_type_error(qualified(a, "zfill") + "() takes exactly one argument (" + std::to_string(a.count - 1) + " given)");
  int64_t width = index_value(a[1]);
  int64_t size = static_cast<int64_t>(text.size());
  if (width <= size) return unchanged<Self>(a);
  std::string out(static_cast<size_t>(width - size), '0');
  out += text;
  // A sign stays in front of the zeros.
  size_t fill = static_cast<size_t>(width - size);
  if (!text.empty() && (text[0] == '+' || text[0] == '-')) {
    out[0] = text[0];
    out[fill] = '0';
  }
  return new_like<Self>(std::move(out));
}

template <class Self>
Value bytes_expandtabs(const CallArgs& a) {
  const std::string& text = self_as<Self>(a, "expandtabs")->data;
  for (size_t k = 0; k < a.kw_count(); ++k) {
    const std::string& key = a.kwnames->items[k].as<Str>()->data;
    if (key != "tabsize") raise_type_error("'" + key + "' is an invalid keyword argument for expandtabs()");
  }
  ArgParser p(a, "expandtabs", {"tabsize"}, 0);
  int64_t tabsize = p.given(0) ? index_value(p.get(0)) : 8;
  std::string out;
  int64_t column = 0;
  for (char c : text) {
    if (c == '\t') {
      if (tabsize > 0) {
        int64_t spaces = tabsize - column % tabsize;
        if (spaces > 0x7fffffff) raise_overflow_error("result too long");
        out.append(static_cast<size_t>(spaces), ' ');
        column += spaces;
      }
    } else {
      out.push_back(c);
      column = (c == '\n' || c == '\r') ? 0 : column + 1;
    }
  }
  return new_like<Self>(std::move(out));
}

template <class Self>
Value bytes_title(const CallArgs& a) {
  std::string out = self_as<Self>(a, "title")->data;
  check_positional(a, "title", 0, 0);
  bool previous_cased = false;
  for (char& c : out) {
    if (is_lower(c)) {
      if (!previous_cased) c = static_cast<char>(c - 32);
      previous_cased = true;
    } else if (is_upper(c)) {
      if (previous_cased) c = static_cast<char>(c + 32);
      previous_cased = true;
    } else {
      previous_cased = false;
    }
  }
  return new_like<Self>(std::move(out));
}

// Uppercase bytes only after uncased ones, lowercase only after cased
// ones, and at least one cased byte.
template <class Self>
Value bytes_istitle(const CallArgs& a) {
  const std::string& text = self_as<Self>(a, "istitle")->data;
  check_positional(a, "istitle", 0, 0);
  bool cased = false, previous_cased = false;
  for (char c : text) {
    if (is_upper(c)) {
      if (previous_cased) return Value::false_value();
      previous_cased = cased = true;
    } else if (is_lower(c)) {
      if (!previous_cased) return Value::false_value();
      previous_cased = cased = true;
    } else {
      previous_cased = false;
    }
  }
  return Value::boolean(cased);
}

template <class Self>
void install_on(Type* t) {
  add_method(t, "center", bytes_center<Self>);
  add_method(t, "ljust", bytes_ljust<Self>);
  add_method(t, "rjust", bytes_rjust<Self>);
  add_method(t, "zfill", bytes_zfill<Self>);
  add_method(t, "expandtabs", bytes_expandtabs<Self>);
  add_method(t, "title", bytes_title<Self>);
  add_method(t, "istitle", bytes_istitle<Self>);
}

}  // namespace

void install_bytes_layout_methods() {
  install_on<Bytes>(types().bytes);
  install_on<ByteArray>(types().bytearray);
}

}  // namespace gilvm
