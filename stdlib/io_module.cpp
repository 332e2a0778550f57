// The `_io` module: io.StringIO and io.BytesIO as native types (stdlib/py/io.py
// re-exports them), plus io.UnsupportedOperation, the class file objects raise.
//
// Contract: CPython 3.11's behaviour and messages for the constructors, write,
// writelines, read, readline, readlines, getvalue, seek, tell, truncate,
// close, closed, iteration, the context manager, readable/writable/seekable,
// flush, isatty, fileno/detach (UnsupportedOperation), and StringIO's
// newline modes, newlines, line_buffering, encoding and errors. CPython
// words the closed-file error of StringIO's own methods without a period and
// that of the methods it inherits from _IOBase with one; both are kept.
// BytesIO takes any bytes-like object (vm/objects/buffer.hpp) where CPython
// does, and readinto fills a writable one. Left out: BytesIO.getbuffer, pickling (__getstate__), and
// the _IOBase/_TextIOBase classes (the types derive from object directly).
//
// Design. A StringIO keeps its text as UTF-8 (the form every str has here),
// the number of code points in it and whether it is known to be ASCII.
// Positions are code points, as in Python; the byte offset of the position
// is kept alongside it, so the common pattern (writing at the end, reading
// forward) never walks the text: a write at the end is an append, amortized
// O(len(s)). Only seek and truncate on non-ASCII text walk it, once. Newline
// translation happens on writing, as CPython's StringIO does, so reading
// just searches for line ends. A BytesIO is a byte string and a position.
// Neither holds Values, so their trace is empty and resizing a buffer is
// safe at any time.
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "stdlib/builtins/common.hpp"
#include "stdlib/builtins/file_object.hpp"
#include "stdlib/stdlib.hpp"
#include "vm/heap/heap.hpp"
#include "vm/import.hpp"
#include "vm/names.hpp"
#include "vm/objects/buffer.hpp"
#include "vm/objects/module.hpp"
#include "vm/text/utf8.hpp"

namespace gilvm {

namespace {

using namespace builtins_impl;

Type* string_io_type = nullptr;
Type* bytes_io_type = nullptr;

// ---------------------------------------------------------------- shared

constexpr const char* kClosedOwn = "I/O operation on closed file";    // StringIO's own methods
constexpr const char* kClosedBase = "I/O operation on closed file.";  // _IOBase's, and all of BytesIO's

// Positional-only parameters as Argument Clinic checks them:
// "StringIO.read() takes no keyword arguments", "read expected at most 1
// argument, got 2". `a` includes self.
void check_positional_method(const CallArgs& a, const char* type, const char* method, size_t min, size_t max) {
  if (kw_count(a) != 0) raise_type_error(std::string(type) + "." + method + "() takes no keyword arguments");
  size_t given = a.count - 1;
  if (given >= min && given <= max) return;
  std::string msg = std::string(method) + " expected ";
  if (min == max) msg += plural(min, "argument");
  else if (given < min) msg += "at least " + plural(min, "argument");
  else msg += "at most " + plural(max, "argument");
  raise_type_error(msg + ", got " + std::to_string(given));
}

// A size argument (Py_ssize_t accepting None): -1 for None or absent.
int64_t optional_size(const CallArgs& a, size_t i, int64_t fallback = -1) {
  if (a.count <= i) return fallback;
  Value v = a[i];
  if (v.is_none()) return fallback;
  if (!has_index(v)) raise_type_error("argument should be integer or None, not '" + type_name(v) + "'");
  return index_value(v);
}

// An integer argument (Py_ssize_t or int, no None).
int64_t int_argument(Value v) { return index_value(v); }

// Whether a Python subclass overrides __init__ (then the construct function
// only allocates and leaves the arguments to that __init__).
bool python_init(Type* type, Type* native) {
  if (type == native) return false;
  Value init = lookup_in_mro(type, names().__init__);
  return !init.is_null() && type_of(init) == types().function;
}

// ---------------------------------------------------------------- StringIO

enum class Newline : uint8_t {
  kLF,         // "\n" (the default): nothing translated, lines end at "\n"
  kTranslate,  // None: "\r\n" and "\r" become "\n" on writing
  kUniversal,  // "": nothing translated, lines end at "\r", "\n" or "\r\n"
  kCR,         // "\r": "\n" written as "\r", lines end at "\r"
  kCRLF,       // "\r\n": "\n" written as "\r\n", lines end at "\r\n"
};

enum SeenNewline : uint8_t { kSeenCR = 1, kSeenLF = 2, kSeenCRLF = 4 };

struct StringIO : Object {
  std::string buf;        // UTF-8
  int64_t length = 0;     // code points in buf
  int64_t pos = 0;        // code points; may lie beyond the end
  size_t pos_byte = 0;    // byte offset of pos while pos <= length, else buf.size()
  bool ascii = true;      // true: buf is all ASCII (false: it may not be)
  bool closed = false;
  Newline newline = Newline::kLF;
  uint8_t seen = 0;       // SeenNewline bits (kTranslate and kUniversal only)
  explicit StringIO(Type* t) : Object(t) {}
};

StringIO* self_string_io(const CallArgs& a, const char* method) {
  return self_as<StringIO>(a, string_io_type, method);
}

StringIO* open_string_io(const CallArgs& a, const char* method) {
  StringIO* s = self_string_io(a, method);
  if (s->closed) raise_value_error(kClosedOwn);
  return s;
}

// Byte offset of code point `index` (<= length) in the buffer.
size_t byte_offset(const StringIO* s, int64_t index) {
  if (s->ascii) return static_cast<size_t>(index);
  return text::byte_offset_of(s->buf, static_cast<size_t>(index));
}

// Byte offset `count` code points after byte offset `from`, stopping at the
// end; `*moved` gets the code points passed.
size_t advance(const StringIO* s, size_t from, int64_t count, int64_t* moved) {
  const size_t size = s->buf.size();
  if (s->ascii) {
    size_t n = std::min(static_cast<size_t>(count), size - from);
    *moved = static_cast<int64_t>(n);
    return from + n;
  }
  size_t pos = from;
  int64_t k = 0;
  while (k < count && pos < size) {
    auto lead = static_cast<unsigned char>(s->buf[pos]);
    pos += lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    ++k;
  }
  *moved = k;
  return pos;
}

void set_position(StringIO* s, int64_t pos) {
  s->pos = pos;
  s->pos_byte = pos <= s->length ? byte_offset(s, pos) : s->buf.size();
}

// The str of buf[from, to), which holds `count` code points.
Value slice_value(const StringIO* s, size_t from, size_t to, int64_t count) {
  std::string text = s->buf.substr(from, to - from);
  if (s->ascii) return Value(new_str_known(std::move(text), count, true));
  return Value(new_str(std::move(text)));
}

void note_newlines(StringIO* s, std::string_view text) {
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') {
      s->seen |= kSeenLF;
    } else if (text[i] == '\r') {
      if (i + 1 < text.size() && text[i + 1] == '\n') {
        s->seen |= kSeenCRLF;
        ++i;
      } else {
        s->seen |= kSeenCR;
      }
    }
  }
}

// Writes UTF-8 text of `count` code points at the position.
void write_text(StringIO* s, std::string_view text, int64_t count, bool text_ascii) {
  if (count == 0) return;
  // CPython's limit: the buffer holds four bytes a code point.
  if (s->pos > INT64_MAX / 4 - count) raise_overflow_error("new buffer size too large");
  size_t old_capacity = s->buf.capacity();
  if (s->pos > s->length) {
    check_allocation_size(static_cast<double>(s->pos - s->length));
    s->buf.append(static_cast<size_t>(s->pos - s->length), '\0');
    s->length = s->pos;
    s->pos_byte = s->buf.size();
  }
  if (s->pos_byte == s->buf.size()) {
    s->buf.append(text);
    s->length += count;
  } else if (s->pos + count >= s->length) {
    s->buf.resize(s->pos_byte);
    s->buf.append(text);
    s->length = s->pos + count;
  } else {
    int64_t moved = 0;
    size_t end = advance(s, s->pos_byte, count, &moved);
    s->buf.replace(s->pos_byte, end - s->pos_byte, text);
  }
  s->ascii = s->ascii && text_ascii;
  s->pos += count;
  s->pos_byte += text.size();
  if (s->buf.capacity() > old_capacity) heap().note_allocation(s->buf.capacity() - old_capacity);
}

// write() of a str: translates newlines as the mode asks.
void write_str(StringIO* s, Str* str) {
  switch (s->newline) {
    case Newline::kLF:
      write_text(s, str->data, str->length, str->ascii);
      return;
    case Newline::kUniversal:
      note_newlines(s, str->data);
      write_text(s, str->data, str->length, str->ascii);
      return;
    case Newline::kTranslate: {
      note_newlines(s, str->data);
      if (str->data.find('\r') == std::string::npos) {
        write_text(s, str->data, str->length, str->ascii);
        return;
      }
      std::string out;
      out.reserve(str->data.size());
      int64_t count = str->length;
      for (size_t i = 0; i < str->data.size(); ++i) {
        char c = str->data[i];
        if (c == '\r') {
          out.push_back('\n');
          if (i + 1 < str->data.size() && str->data[i + 1] == '\n') {
            ++i;
            --count;
          }
        } else {
          out.push_back(c);
        }
      }
      write_text(s, out, count, str->ascii);
      return;
    }
    case Newline::kCR:
    case Newline::kCRLF: {
      if (str->data.find('\n') == std::string::npos) {
        write_text(s, str->data, str->length, str->ascii);
        return;
      }
      bool crlf = s->newline == Newline::kCRLF;
      std::string out;
      int64_t count = str->length;
      for (char c : str->data) {
        if (c != '\n') {
          out.push_back(c);
        } else if (crlf) {
          out += "\r\n";
          ++count;
        } else {
          out.push_back('\r');
        }
      }
      write_text(s, out, count, str->ascii);
      return;
    }
  }
}

// The byte offset just past the line that starts at pos_byte (the end of
// the buffer when no line end follows).
size_t line_end(const StringIO* s) {
  const std::string& b = s->buf;
  size_t from = s->pos_byte;
  size_t found;
  switch (s->newline) {
    case Newline::kLF:
    case Newline::kTranslate:
      found = b.find('\n', from);
      return found == std::string::npos ? b.size() : found + 1;
    case Newline::kCR:
      found = b.find('\r', from);
      return found == std::string::npos ? b.size() : found + 1;
    case Newline::kCRLF:
      found = b.find("\r\n", from);
      return found == std::string::npos ? b.size() : found + 2;
    case Newline::kUniversal:
      found = b.find_first_of("\r\n", from);
      if (found == std::string::npos) return b.size();
      if (b[found] == '\r' && found + 1 < b.size() && b[found + 1] == '\n') return found + 2;
      return found + 1;
  }
  return b.size();
}

// Code points in buf[from, to).
int64_t count_between(const StringIO* s, size_t from, size_t to) {
  if (s->ascii) return static_cast<int64_t>(to - from);
  return static_cast<int64_t>(text::code_point_count(std::string_view(s->buf).substr(from, to - from)));
}

// One line (at most `limit` code points when limit >= 0); "" at the end.
Value read_line(StringIO* s, int64_t limit) {
  if (s->pos >= s->length) return Value(intern(""));
  size_t end = line_end(s);
  int64_t count = -1;
  if (limit >= 0) {
    int64_t moved = 0;
    size_t limit_end = advance(s, s->pos_byte, limit, &moved);
    if (limit_end < end) {
      end = limit_end;
      count = moved;
    }
  }
  if (count < 0) count = count_between(s, s->pos_byte, end);
  Value line = slice_value(s, s->pos_byte, end, count);
  s->pos += count;
  s->pos_byte = end;
  return line;
}

void init_string_io(StringIO* s, Value initial, Value newline) {
  Newline mode = Newline::kLF;
  if (!newline.is_null() && !newline.is_none()) {
    if (!is_str(newline)) raise_type_error("newline must be str or None, not " + type_name(newline));
    const std::string& n = as_str(newline)->data;
    if (n.empty()) mode = Newline::kUniversal;
    else if (n == "\n") mode = Newline::kLF;
    else if (n == "\r") mode = Newline::kCR;
    else if (n == "\r\n") mode = Newline::kCRLF;
    else raise_value_error("illegal newline value: " + repr_string(newline));
  } else if (!newline.is_null()) {
    mode = Newline::kTranslate;
  }
  if (!initial.is_null() && !initial.is_none() && !is_str(initial))
    raise_type_error("initial_value must be str or None, not " + type_name(initial));
  s->buf.clear();
  s->length = 0;
  s->pos = 0;
  s->pos_byte = 0;
  s->ascii = true;
  s->closed = false;
  s->newline = mode;
  s->seen = 0;
  if (!initial.is_null() && !initial.is_none()) {
    write_str(s, as_str(initial));
    set_position(s, 0);
  }
}

Value string_io_construct(Type* type, const CallArgs& a) {
  auto* s = gc_new<StringIO>(type);
  if (python_init(type, string_io_type)) return Value(s);
  Value args[2];
  parse_args(a, "StringIO", {"initial_value", "newline"}, 0, args);
  init_string_io(s, args[0], args[1]);
  return Value(s);
}

Value sio_init(const CallArgs& a) {
  StringIO* s = self_string_io(a, "__init__");
  Value args[2];
  CallArgs rest{a.args + 1, a.count - 1, a.kwnames};
  parse_args(rest, "StringIO", {"initial_value", "newline"}, 0, args);
  init_string_io(s, args[0], args[1]);
  return Value::none();
}

Value sio_write(const CallArgs& a) {
  StringIO* s = self_string_io(a, "write");
  Value data = a[1];
  if (!is_str(data)) raise_type_error("string argument expected, got '" + type_name(data) + "'");
  if (s->closed) raise_value_error(kClosedOwn);
  Str* str = as_str(data);
  write_str(s, str);
  return make_int(str->length);
}

Value sio_writelines(const CallArgs& a) {
  StringIO* s = self_string_io(a, "writelines");
  if (s->closed) raise_value_error(kClosedBase);
  Value self = a[0];
  Value it = get_iter(a[1]);
  bool exact = type_of(self) == string_io_type;
  for (;;) {
    Value line = iter_next(it);
    if (line.is_null()) break;
    if (exact) {
      if (!is_str(line)) raise_type_error("string argument expected, got '" + type_name(line) + "'");
      if (s->closed) raise_value_error(kClosedOwn);
      write_str(s, as_str(line));
    } else {
      call_method(self, "write", {line});
    }
  }
  return Value::none();
}

Value sio_read(const CallArgs& a) {
  StringIO* s = self_string_io(a, "read");
  check_positional_method(a, "StringIO", "read", 0, 1);
  int64_t size = optional_size(a, 1);
  if (s->closed) raise_value_error(kClosedOwn);
  if (s->pos >= s->length) return Value(intern(""));
  if (size < 0) size = s->length - s->pos;
  int64_t count = 0;
  size_t end = advance(s, s->pos_byte, size, &count);
  Value out = slice_value(s, s->pos_byte, end, count);
  s->pos += count;
  s->pos_byte = end;
  return out;
}

Value sio_readline(const CallArgs& a) {
  StringIO* s = self_string_io(a, "readline");
  check_positional_method(a, "StringIO", "readline", 0, 1);
  int64_t size = optional_size(a, 1);
  if (s->closed) raise_value_error(kClosedOwn);
  return read_line(s, size);
}

// _IOBase.readlines: the lines the iterator gives, stopping once their total
// length exceeds a positive hint.
Value sio_readlines(const CallArgs& a) {
  StringIO* s = self_string_io(a, "readlines");
  check_positional_method(a, "_IOBase", "readlines", 0, 1);
  int64_t hint = optional_size(a, 1);
  if (s->closed) raise_value_error(kClosedBase);
  Value self = a[0];
  ValueVector lines;
  if (type_of(self) == string_io_type) {
    int64_t total = 0;
    for (;;) {
      Value line = read_line(s, -1);
      int64_t n = line.as<Str>()->length;
      if (n == 0) break;
      lines.push_back(line);
      if (hint > 0) {
        if (n > hint - total) break;
        total += n;
      }
    }
    return Value(new_list(lines));
  }
  Value it = get_iter(self);
  int64_t total = 0;
  for (;;) {
    Value line = iter_next(it);
    if (line.is_null()) break;
    lines.push_back(line);
    if (hint > 0) {
      int64_t n = length(line);
      if (n > hint - total) break;
      total += n;
    }
  }
  return Value(new_list(lines));
}

Value sio_getvalue(const CallArgs& a) {
  StringIO* s = open_string_io(a, "getvalue");
  if (s->ascii) return Value(new_str_known(s->buf, s->length, true));
  return Value(new_str(s->buf));
}

Value sio_seek(const CallArgs& a) {
  StringIO* s = self_string_io(a, "seek");
  check_positional_method(a, "StringIO", "seek", 1, 2);
  int64_t pos = int_argument(a[1]);
  int64_t whence = a.count > 2 ? int_argument(a[2]) : 0;
  if (s->closed) raise_value_error(kClosedOwn);
  if (whence < 0 || whence > 2) raise_value_error("Invalid whence (" + std::to_string(whence) + ", should be 0, 1 or 2)");
  if (pos < 0 && whence == 0) raise_value_error("Negative seek position " + std::to_string(pos));
  if (whence != 0 && pos != 0) raise_error(exc().OSError, "Can't do nonzero cur-relative seeks");
  if (whence == 1) pos = s->pos;
  else if (whence == 2) pos = s->length;
  set_position(s, pos);
  return make_int(pos);
}

Value sio_tell(const CallArgs& a) { return make_int(open_string_io(a, "tell")->pos); }

Value sio_truncate(const CallArgs& a) {
  StringIO* s = self_string_io(a, "truncate");
  check_positional_method(a, "StringIO", "truncate", 0, 1);
  int64_t size = optional_size(a, 1, INT64_MIN);
  if (s->closed) raise_value_error(kClosedOwn);
  if (size == INT64_MIN) size = s->pos;
  if (size < 0) raise_value_error("Negative size value " + std::to_string(size));
  if (size < s->length) {
    s->buf.resize(byte_offset(s, size));
    s->length = size;
    if (s->pos >= size) s->pos_byte = s->buf.size();
  }
  return make_int(size);
}

Value sio_close(const CallArgs& a) {
  StringIO* s = self_string_io(a, "close");
  s->closed = true;
  std::string().swap(s->buf);
  s->length = 0;
  s->pos_byte = 0;
  s->ascii = true;
  return Value::none();
}

Value sio_iter(const CallArgs& a) {
  StringIO* s = self_string_io(a, "__iter__");
  if (s->closed) raise_value_error(kClosedBase);
  return a[0];
}

Value sio_next(const CallArgs& a) {
  StringIO* s = self_string_io(a, "__next__");
  if (s->closed) raise_value_error(kClosedOwn);
  Value line;
  if (type_of(a[0]) == string_io_type) {
    line = read_line(s, -1);
  } else {
    line = call_method(a[0], "readline", {});
    if (!is_str(line))
      raise_type_error("readline() should have returned a str object, not '" + type_name(line) + "'");
  }
  if (as_str(line)->length == 0) stop_iteration();
  return line;
}

Value sio_enter(const CallArgs& a) {
  StringIO* s = self_string_io(a, "__enter__");
  if (s->closed) raise_value_error(kClosedBase);
  return a[0];
}

Value io_exit(const CallArgs& a) {
  call_method(a[0], "close", {});
  return Value::none();
}

Value sio_true(const CallArgs& a) {
  open_string_io(a, "readable");
  return Value::boolean(true);
}

Value sio_flush(const CallArgs& a) {
  // _IOBase.flush checks _IOBase's own closed flag, which StringIO.close
  // never sets: so it never fails.
  self_string_io(a, "flush");
  return Value::none();
}

Value sio_isatty(const CallArgs& a) {
  StringIO* s = self_string_io(a, "isatty");
  if (s->closed) raise_value_error(kClosedBase);
  return Value::boolean(false);
}

Value io_fileno(const CallArgs&) { raise_error(io_unsupported_operation(), "fileno"); }
Value sio_detach(const CallArgs&) { raise_error(io_unsupported_operation(), "detach"); }

StringIO* getter_self(Value self) {
  if (!isinstance(self, string_io_type)) raise_type_error("descriptor requires a '_io.StringIO' object");
  return self.as<StringIO>();
}

Value sio_get_closed(Value self) { return Value::boolean(getter_self(self)->closed); }

Value sio_get_line_buffering(Value self) {
  if (getter_self(self)->closed) raise_value_error(kClosedOwn);
  return Value::boolean(false);
}

Value sio_get_newlines(Value self) {
  StringIO* s = getter_self(self);
  if (s->closed) raise_value_error(kClosedOwn);
  if (s->newline != Newline::kTranslate && s->newline != Newline::kUniversal) return Value::none();
  ValueVector kinds;
  if (s->seen & kSeenCR) kinds.push_back(Value(intern("\r")));
  if (s->seen & kSeenLF) kinds.push_back(Value(intern("\n")));
  if (s->seen & kSeenCRLF) kinds.push_back(Value(intern("\r\n")));
  if (kinds.empty()) return Value::none();
  if (kinds.size() == 1) return kinds[0];
  return Value(new_tuple(kinds));
}

Value get_none(Value self) {
  getter_self(self);
  return Value::none();
}

// ---------------------------------------------------------------- BytesIO

struct BytesIO : Object {
  std::string buf;
  int64_t pos = 0;  // may lie beyond the end
  bool closed = false;
  explicit BytesIO(Type* t) : Object(t) {}
};

BytesIO* self_bytes_io(const CallArgs& a, const char* method) { return self_as<BytesIO>(a, bytes_io_type, method); }

BytesIO* open_bytes_io(const CallArgs& a, const char* method) {
  BytesIO* b = self_bytes_io(a, method);
  if (b->closed) raise_value_error(kClosedBase);
  return b;
}

std::string bytes_like(Value v) { return buffer_bytes(v); }

void write_bytes(BytesIO* b, const std::string& data) {
  if (data.empty()) return;
  size_t old_capacity = b->buf.capacity();
  size_t pos = static_cast<size_t>(b->pos);
  if (pos == b->buf.size()) {
    b->buf.append(data);
  } else {
    if (pos + data.size() > b->buf.size()) b->buf.resize(pos + data.size(), '\0');
    std::memcpy(b->buf.data() + pos, data.data(), data.size());
  }
  b->pos += static_cast<int64_t>(data.size());
  if (b->buf.capacity() > old_capacity) heap().note_allocation(b->buf.capacity() - old_capacity);
}

// Bytes from the position: at most `size` (all when negative).
Value take_bytes(BytesIO* b, int64_t size) {
  int64_t available = static_cast<int64_t>(b->buf.size()) - b->pos;
  if (available <= 0) return Value(new_bytes(""));
  if (size < 0 || size > available) size = available;
  Value out(new_bytes(b->buf.substr(static_cast<size_t>(b->pos), static_cast<size_t>(size))));
  b->pos += size;
  return out;
}

Value bytes_line(BytesIO* b, int64_t limit) {
  int64_t size = static_cast<int64_t>(b->buf.size());
  if (b->pos >= size) return Value(new_bytes(""));
  size_t nl = b->buf.find('\n', static_cast<size_t>(b->pos));
  int64_t n = (nl == std::string::npos ? size : static_cast<int64_t>(nl) + 1) - b->pos;
  if (limit >= 0 && limit < n) n = limit;
  return take_bytes(b, n);
}

void init_bytes_io(BytesIO* b, Value initial) {
  b->buf.clear();
  b->pos = 0;
  b->closed = false;
  if (!initial.is_null() && !initial.is_none()) b->buf = bytes_like(initial);
}

Value bytes_io_construct(Type* type, const CallArgs& a) {
  auto* b = gc_new<BytesIO>(type);
  if (python_init(type, bytes_io_type)) return Value(b);
  Value args[1];
  parse_args(a, "BytesIO", {"initial_bytes"}, 0, args);
  init_bytes_io(b, args[0]);
  return Value(b);
}

Value bio_init(const CallArgs& a) {
  BytesIO* b = self_bytes_io(a, "__init__");
  Value args[1];
  CallArgs rest{a.args + 1, a.count - 1, a.kwnames};
  parse_args(rest, "BytesIO", {"initial_bytes"}, 0, args);
  init_bytes_io(b, args[0]);
  return Value::none();
}

Value bio_write(const CallArgs& a) {
  BytesIO* b = open_bytes_io(a, "write");
  const std::string& data = bytes_like(a[1]);
  write_bytes(b, data);
  return make_int(static_cast<int64_t>(data.size()));
}

Value bio_writelines(const CallArgs& a) {
  BytesIO* b = open_bytes_io(a, "writelines");
  Value it = get_iter(a[1]);
  for (;;) {
    Value line = iter_next(it);
    if (line.is_null()) break;
    write_bytes(b, bytes_like(line));
  }
  return Value::none();
}

Value bio_read(const CallArgs& a) {
  BytesIO* b = self_bytes_io(a, "read");
  check_positional_method(a, "BytesIO", "read", 0, 1);
  int64_t size = optional_size(a, 1);
  if (b->closed) raise_value_error(kClosedBase);
  return take_bytes(b, size);
}

Value bio_read1(const CallArgs& a) {
  BytesIO* b = self_bytes_io(a, "read1");
  check_positional_method(a, "BytesIO", "read1", 0, 1);
  int64_t size = optional_size(a, 1);
  if (b->closed) raise_value_error(kClosedBase);
  return take_bytes(b, size);
}

// readinto(buffer): reads up to len(buffer) bytes into a writable
// bytes-like object; returns how many.
Value bio_readinto(const CallArgs& a) {
  BytesIO* b = self_bytes_io(a, "readinto");
  check_positional_method(a, "BytesIO", "readinto", 1, 1);
  BufferView target;
  if (!get_buffer(a[1], &target) || target.readonly)
    raise_type_error("readinto() argument must be read-write bytes-like object, not " + type_name(a[1]));
  size_t room = target.size;
  if (b->closed) raise_value_error(kClosedBase);
  Value got = take_bytes(b, static_cast<int64_t>(room));
  const std::string& data = got.as<Bytes>()->data;
  BufferView view = writable_buffer_or_raise(a[1]);  // again: taking allocated
  std::memcpy(view.data, data.data(), std::min(data.size(), view.size));
  return make_int(static_cast<int64_t>(data.size()));
}

Value bio_readline(const CallArgs& a) {
  BytesIO* b = self_bytes_io(a, "readline");
  check_positional_method(a, "BytesIO", "readline", 0, 1);
  int64_t size = optional_size(a, 1);
  if (b->closed) raise_value_error(kClosedBase);
  return bytes_line(b, size);
}

// BytesIO.readlines: stops once the lines total at least a positive hint.
Value bio_readlines(const CallArgs& a) {
  BytesIO* b = self_bytes_io(a, "readlines");
  check_positional_method(a, "BytesIO", "readlines", 0, 1);
  int64_t hint = -1;
  if (a.count > 1 && !a[1].is_none()) {
    if (!is_int_value(a[1]) || a[1].is_bool())
      raise_type_error("integer argument expected, got '" + type_name(a[1]) + "'");
    hint = index_value(a[1]);
  }
  if (b->closed) raise_value_error(kClosedBase);
  ValueVector lines;
  int64_t total = 0;
  for (;;) {
    Value line = bytes_line(b, -1);
    int64_t n = static_cast<int64_t>(line.as<Bytes>()->data.size());
    if (n == 0) break;
    lines.push_back(line);
    total += n;
    if (hint > 0 && total >= hint) break;
  }
  return Value(new_list(lines));
}

Value bio_getvalue(const CallArgs& a) { return Value(new_bytes(open_bytes_io(a, "getvalue")->buf)); }

Value bio_seek(const CallArgs& a) {
  BytesIO* b = self_bytes_io(a, "seek");
  check_positional_method(a, "BytesIO", "seek", 1, 2);
  int64_t pos = int_argument(a[1]);
  int64_t whence = a.count > 2 ? int_argument(a[2]) : 0;
  if (b->closed) raise_value_error(kClosedBase);
  if (pos < 0 && whence == 0) raise_value_error("negative seek value " + std::to_string(pos));
  if (whence == 1) pos += b->pos;
  else if (whence == 2) pos += static_cast<int64_t>(b->buf.size());
  else if (whence != 0) raise_value_error("invalid whence (" + std::to_string(whence) + ", should be 0, 1 or 2)");
  if (pos < 0) pos = 0;
  b->pos = pos;
  return make_int(pos);
}

Value bio_tell(const CallArgs& a) { return make_int(open_bytes_io(a, "tell")->pos); }

Value bio_truncate(const CallArgs& a) {
  BytesIO* b = self_bytes_io(a, "truncate");
  check_positional_method(a, "BytesIO", "truncate", 0, 1);
  int64_t size = optional_size(a, 1, INT64_MIN);
  if (b->closed) raise_value_error(kClosedBase);
  if (size == INT64_MIN) size = b->pos;
  if (size < 0) raise_value_error("negative size value " + std::to_string(size));
  if (size < static_cast<int64_t>(b->buf.size())) b->buf.resize(static_cast<size_t>(size));
  return make_int(size);
}

Value bio_close(const CallArgs& a) {
  BytesIO* b = self_bytes_io(a, "close");
  b->closed = true;
  std::string().swap(b->buf);
  return Value::none();
}

// BytesIO's iterator is itself, even once closed (__next__ checks).
Value bio_iter(const CallArgs& a) {
  self_bytes_io(a, "__iter__");
  return a[0];
}

Value bio_next(const CallArgs& a) {
  BytesIO* b = open_bytes_io(a, "__next__");
  Value line = bytes_line(b, -1);
  if (line.as<Bytes>()->data.empty()) stop_iteration();
  return line;
}

Value bio_enter(const CallArgs& a) {
  open_bytes_io(a, "__enter__");
  return a[0];
}

Value bio_true(const CallArgs& a) {
  open_bytes_io(a, "readable");
  return Value::boolean(true);
}

Value bio_flush(const CallArgs& a) {
  open_bytes_io(a, "flush");
  return Value::none();
}

Value bio_isatty(const CallArgs& a) {
  open_bytes_io(a, "isatty");
  return Value::boolean(false);
}

Value bio_get_closed(Value self) {
  if (!isinstance(self, bytes_io_type)) raise_type_error("descriptor requires a '_io.BytesIO' object");
  return Value::boolean(self.as<BytesIO>()->closed);
}

// ---------------------------------------------------------------- the module

void make_types() {
  if (string_io_type != nullptr) return;
  Type* t = new_builtin_type("StringIO", types().object, string_io_construct);
  t->instances_have_dict = true;
  add_type_attr(t, "__module__", new_str_value("_io"));
  add_method(t, "__init__", sio_init);
  add_method(t, "write", sio_write);
  add_method(t, "writelines", sio_writelines);
  add_method(t, "read", sio_read);
  add_method(t, "readline", sio_readline);
  add_method(t, "readlines", sio_readlines);
  add_method(t, "getvalue", sio_getvalue);
  add_method(t, "seek", sio_seek);
  add_method(t, "tell", sio_tell);
  add_method(t, "truncate", sio_truncate);
  add_method(t, "close", sio_close);
  add_method(t, "__iter__", sio_iter);
  add_method(t, "__next__", sio_next);
  add_method(t, "__enter__", sio_enter);
  add_method(t, "__exit__", io_exit);
  add_method(t, "readable", sio_true);
  add_method(t, "writable", sio_true);
  add_method(t, "seekable", sio_true);
  add_method(t, "flush", sio_flush);
  add_method(t, "isatty", sio_isatty);
  add_method(t, "fileno", io_fileno);
  add_method(t, "detach", sio_detach);
  add_getset(t, "closed", sio_get_closed);
  add_getset(t, "line_buffering", sio_get_line_buffering);
  add_getset(t, "newlines", sio_get_newlines);
  add_getset(t, "encoding", get_none);
  add_getset(t, "errors", get_none);
  string_io_type = t;

  Type* b = new_builtin_type("BytesIO", types().object, bytes_io_construct);
  b->instances_have_dict = true;
  add_type_attr(b, "__module__", new_str_value("_io"));
  add_method(b, "__init__", bio_init);
  add_method(b, "write", bio_write);
  add_method(b, "writelines", bio_writelines);
  add_method(b, "read", bio_read);
  add_method(b, "read1", bio_read1);
  add_method(b, "readinto", bio_readinto);
  add_method(b, "readline", bio_readline);
  add_method(b, "readlines", bio_readlines);
  add_method(b, "getvalue", bio_getvalue);
  add_method(b, "seek", bio_seek);
  add_method(b, "tell", bio_tell);
  add_method(b, "truncate", bio_truncate);
  add_method(b, "close", bio_close);
  add_method(b, "__iter__", bio_iter);
  add_method(b, "__next__", bio_next);
  add_method(b, "__enter__", bio_enter);
  add_method(b, "__exit__", io_exit);
  add_method(b, "readable", bio_true);
  add_method(b, "writable", bio_true);
  add_method(b, "seekable", bio_true);
  add_method(b, "flush", bio_flush);
  add_method(b, "isatty", bio_isatty);
  add_method(b, "fileno", io_fileno);
  add_getset(b, "closed", bio_get_closed);
  bytes_io_type = b;

  heap().add_root_source([](Tracer& tr) {
    tr.visit(string_io_type);
    tr.visit(bytes_io_type);
  });
}

void init_io(Module* m) {
  make_types();
  DictTable& d = m->dict()->table;
  d.set(intern("StringIO"), string_io_type);
  d.set(intern("BytesIO"), bytes_io_type);
  d.set(intern("UnsupportedOperation"), io_unsupported_operation());
}

}  // namespace

void register_io_module() { register_builtin_module("_io", init_io); }

}  // namespace gilvm
