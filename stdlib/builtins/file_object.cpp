// open() and its file objects, also used for sys.stdout, sys.stderr and
// sys.stdin (make_std_stream).
//
// A file object is a POSIX descriptor with a read buffer and a write buffer.
// Text mode decodes UTF-8 and translates "\r\n" and "\r" to "\n" on reading
// (universal newlines, CPython's default); binary mode reads and writes bytes.
//
// Other encodings (and UTF-8 with an error handler other than strict) go
// through vm/codecs: each chunk read is decoded into the read buffer, which
// always holds text in gilvm's stored form, with the bytes of an incomplete
// sequence kept back for the next chunk; each write is encoded on its way
// into the write buffer. The codecs that begin a stream with a BOM (utf-16,
// utf-32, utf-8-sig) read it from the first chunk and write it with the
// first write at position 0, then continue with the byte order found.
// tell() and the read-ahead's give-back count the unread text's encoded
// size.
// Every blocking system call goes through blocking_read/blocking_write, the
// one place where the runtime's GIL-releasing guard belongs.
#include "stdlib/builtins/file_object.hpp"

#include <fcntl.h>
#include <poll.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>
#include <vector>

#include "runtime/gil.hpp"
#include "runtime/signals.hpp"
#include "stdlib/builtins/common.hpp"
#include "stdlib/builtins_module.hpp"
#include "vm/codecs/codecs.hpp"
#include "vm/heap/heap.hpp"
#include "vm/objects/buffer.hpp"
#include "vm/text/utf8.hpp"

namespace gilvm {
namespace builtins_impl {

// ---------------------------------------------------------------- blocking calls

// Reads at most n bytes into a buffer the caller owns (never an object's
// field: the GIL is released here, so other threads run meanwhile and may
// touch the file object). -1 and errno on error. A signal that interrupts
// the wait has its handler run (main thread), which may raise; otherwise
// the read goes on (PEP 475).
ssize_t blocking_read(int fd, char* buffer, size_t n) {
  for (;;) {
    ssize_t got = -1;
    int err = 0;
    bool signalled = false;
    {
      GilRelease release;
      // The main thread waits for the data and the signal descriptor
      // together: a Ctrl-C that lands just before read() begins would
      // otherwise wait for the read to end (input() at a terminal).
      int wakeup = signal_wakeup_descriptor();
      if (wakeup >= 0 && on_signal_thread()) {
        struct pollfd waits[2] = {{fd, POLLIN, 0}, {wakeup, POLLIN, 0}};
        ::poll(waits, 2, -1);
        signalled = signal_pending();
      }
      if (!signalled) {
        got = ::read(fd, buffer, n);
        err = errno;
      }
    }
    if (signalled) {
      run_pending_signal_handlers();
      continue;
    }
    if (got >= 0 || err != EINTR) {
      errno = err;
      return got;
    }
    run_pending_signal_handlers();
  }
}

// Writes all of `data`, which the caller owns (as above), keeping the GIL:
// for the finalizer, which runs inside a collection.
int write_all(int fd, const std::string& data) {
  size_t done = 0;
  while (done < data.size()) {
    ssize_t put = ::write(fd, data.data() + done, data.size() - done);
    if (put < 0) {
      if (errno == EINTR) continue;
      return errno;
    }
    done += static_cast<size_t>(put);
  }
  return 0;
}

// write_all with the GIL released (a pipe or terminal can block for long).
int blocking_write(int fd, const std::string& data) {
  GilRelease release;
  return write_all(fd, data);
}

// ---------------------------------------------------------------- errors

Type* unsupported_operation_type = nullptr;

// Raises OSError(err, strerror(err)) (the subclass for err) with errno,
// strerror and filename set, as CPython's PyErr_SetFromErrnoWithFilename.
[[noreturn]] void raise_os_error(int err, Value filename = Value::null()) { raise_os_error_errno(err, filename); }

[[noreturn]] void raise_unsupported(const std::string& message) { raise_error(unsupported_operation_type, message); }

// ---------------------------------------------------------------- the object

Type* text_io_type;
Type* buffered_reader_type;
Type* buffered_writer_type;
Type* buffered_random_type;

FileObject* all_files = nullptr;  // the registry flush_std_streams walks

}  // namespace builtins_impl

namespace builtins_impl {

struct FileObject : Object {
  int fd = -1;
  bool readable = false;
  bool writable = false;
  bool binary = false;
  bool closefd = true;
  bool closed = false;
  bool line_buffered = false;
  bool write_through = false;   // every write goes straight to the descriptor
  bool translate_read = true;   // universal newlines on reading
  std::string write_newline;    // "\r\n" or "\r" to translate '\n' on writing; else none
  bool skip_lf = false;         // the last byte read was '\r' (translated)
  Value name;                   // str or int
  std::string mode;
  std::string encoding;
  // Text mode other than strict UTF-8: the codec for the next bytes read
  // and the next text written (they start as the named codec and become
  // its byte-order variant after a BOM), and the error handler.
  const codecs::Codec* start_codec = nullptr;
  const codecs::Codec* read_codec = nullptr;
  const codecs::Codec* write_codec = nullptr;
  std::string errors = "strict";
  std::string raw_pending;      // bytes of an incomplete sequence, not yet decoded
  std::string rbuf;             // read-ahead (translated text or raw bytes)
  // Offsets in rbuf of the '\n's that stand for a "\r\n" of the file, so
  // that positions count the '\r' the translation dropped.
  std::vector<size_t> crlf_at;
  size_t rpos = 0;
  std::string wbuf;             // pending output
  bool survived_collection = false;  // seen alive by finalize_dropped_files' collection
  FileObject* prev = nullptr;
  FileObject* next = nullptr;

  explicit FileObject(Type* t) : Object(t) {
    next = all_files;
    if (all_files != nullptr) all_files->prev = this;
    all_files = this;
  }
  ~FileObject() override {
    flush_quietly();
    if (!closed && closefd && fd >= 0) ::close(fd);
    if (prev != nullptr) prev->next = next;
    else all_files = next;
    if (next != nullptr) next->prev = prev;
  }
  void trace(Tracer& t) override { t.visit(name); }

  void flush_quietly() {
    if (wbuf.empty() || fd < 0 || closed) return;
    std::string out;
    out.swap(wbuf);
    write_all(fd, out);
  }
};

namespace {

FileObject* check_file(const CallArgs& a, const char* method) {
  if (a.count == 0 || !a[0].is_object() || !(isinstance(a[0], text_io_type) || isinstance(a[0], buffered_reader_type) ||
                                             isinstance(a[0], buffered_writer_type) ||
                                             isinstance(a[0], buffered_random_type)))
    raise_bad_self(method, "_io._IOBase", a.count ? a[0] : Value::none());
  return a[0].as<FileObject>();
}

void check_open(FileObject* f) {
  if (f->closed) raise_value_error("I/O operation on closed file.");
}

FileObject* open_file(const CallArgs& a, const char* method) {
  FileObject* f = check_file(a, method);
  check_open(f);
  return f;
}

void check_readable(FileObject* f) {
  check_open(f);
  if (!f->readable) raise_unsupported(f->binary ? "read" : "not readable");
}

void check_writable(FileObject* f) {
  check_open(f);
  if (!f->writable) raise_unsupported(f->binary ? "write" : "not writable");
}

void flush_writes(FileObject* f) {
  if (f->wbuf.empty()) return;
  std::string out;
  out.swap(f->wbuf);
  int err = blocking_write(f->fd, out);
  if (err != 0) raise_os_error(err);
}

// How many bytes of the file the read-ahead holds: what the descriptor's
// position is past the reader's. Decoded text counts at its encoded size.
size_t utf8_sequence_length(unsigned char lead) {
  if (lead < 0x80) return 1;
  if (lead >= 0xF0) return 4;
  if (lead >= 0xE0) return 3;
  if (lead >= 0xC0) return 2;
  return 1;  // a stray continuation byte
}

// The bytes `codec` writes for one character stored as `utf8_length`
// bytes of UTF-8.
int64_t encoded_size(codecs::Kind kind, size_t utf8_length) {
  using codecs::Kind;
  switch (kind) {
    case Kind::Utf8:
    case Kind::Utf8Sig: return static_cast<int64_t>(utf8_length);
    case Kind::Utf16:
    case Kind::Utf16Le:
    case Kind::Utf16Be: return utf8_length == 4 ? 4 : 2;  // a surrogate pair beyond the BMP
    case Kind::Utf32:
    case Kind::Utf32Le:
    case Kind::Utf32Be: return 4;
    default: return 1;  // ASCII, Latin-1 and the single-byte code pages
  }
}

int64_t unread_file_bytes(const FileObject* f) {
  std::string_view unread(f->rbuf.data() + f->rpos, f->rbuf.size() - f->rpos);
  int64_t dropped_returns = 0;
  for (size_t at : f->crlf_at)
    if (at >= f->rpos) ++dropped_returns;
  if (f->binary || f->read_codec == nullptr) return static_cast<int64_t>(unread.size()) + dropped_returns;
  codecs::Kind kind = f->read_codec->kind;
  int64_t bytes = static_cast<int64_t>(f->raw_pending.size()) + dropped_returns * encoded_size(kind, 1);
  for (size_t i = 0; i < unread.size();) {
    size_t length = utf8_sequence_length(static_cast<unsigned char>(unread[i]));
    bytes += encoded_size(kind, length);
    i += length;
  }
  return bytes;
}

void forget_read_ahead(FileObject* f) {
  f->crlf_at.clear();
  f->rbuf.clear();
  f->rpos = 0;
  f->skip_lf = false;
  f->raw_pending.clear();
}

// Drops read-ahead so that the descriptor's position is where the reader is.
void drop_read_ahead(FileObject* f) {
  int64_t unread = unread_file_bytes(f);
  if (unread > 0) ::lseek(f->fd, -static_cast<off_t>(unread), SEEK_CUR);
  forget_read_ahead(f);
}

// The variant of a BOM-writing codec that continues a stream in byte order
// `little` (utf-8-sig continues as utf-8).
const codecs::Codec* continuation_codec(const codecs::Codec* c, bool little) {
  using codecs::Kind;
  switch (c->kind) {
    case Kind::Utf8Sig: return codecs::find_codec("utf-8");
    case Kind::Utf16: return codecs::find_codec(little ? "utf-16-le" : "utf-16-be");
    case Kind::Utf32: return codecs::find_codec(little ? "utf-32-le" : "utf-32-be");
    default: return c;
  }
}

// Decodes the bytes just read (all of them at end of file) into text, after
// what an earlier chunk left incomplete.
std::string decode_chunk(FileObject* f, const char* data, size_t n, bool at_end) {
  std::string raw;
  raw.swap(f->raw_pending);
  raw.append(data, n);
  const codecs::Codec* codec = f->read_codec;
  using codecs::Kind;
  // The first bytes of a stream decide a BOM-reading codec's byte order;
  // wait for enough of them unless the file ends first.
  size_t bom_size = codec->kind == Kind::Utf16 ? 2 : codec->kind == Kind::Utf32 ? 4 : codec->kind == Kind::Utf8Sig ? 3 : 0;
  if (bom_size > 0 && raw.size() < bom_size && !at_end) {
    f->raw_pending = std::move(raw);
    return std::string();
  }
  size_t consumed = raw.size();
  std::string text = codecs::decode(*codec, raw, f->errors, at_end, &consumed);
  if (bom_size > 0) {
    bool big = (codec->kind == Kind::Utf16 && raw.compare(0, 2, "\xFE\xFF") == 0) ||
               (codec->kind == Kind::Utf32 && raw.compare(0, 4, std::string("\0\0\xFE\xFF", 4)) == 0);
    f->read_codec = continuation_codec(codec, !big);
  }
  f->raw_pending = raw.substr(consumed);
  return text;
}

void append_translated(FileObject* f, const char* data, size_t n) {
  if (f->binary || !f->translate_read) {
    f->rbuf.append(data, n);
    return;
  }
  if (!f->skip_lf && std::memchr(data, '\r', n) == nullptr) {
    f->rbuf.append(data, n);
    return;
  }
  for (size_t i = 0; i < n; ++i) {
    char c = data[i];
    if (f->skip_lf) {
      f->skip_lf = false;
      if (c == '\n') {
        if (!f->rbuf.empty()) f->crlf_at.push_back(f->rbuf.size() - 1);
        continue;
      }
    }
    if (c == '\r') {
      f->rbuf.push_back('\n');
      f->skip_lf = true;
    } else {
      f->rbuf.push_back(c);
    }
  }
}

// Reads one chunk into the read buffer; false at end of file.
bool fill(FileObject* f) {
  if (f->rpos > 0 && f->rpos >= f->rbuf.size() / 2) {
    f->rbuf.erase(0, f->rpos);
    std::vector<size_t> kept;
    for (size_t at : f->crlf_at)
      if (at >= f->rpos) kept.push_back(at - f->rpos);
    f->crlf_at.swap(kept);
    f->rpos = 0;
  }
  if (f->fd == 0) flush_std_streams();  // prompts appear before stdin blocks
  char chunk[16384];
  ssize_t got = blocking_read(f->fd, chunk, sizeof chunk);
  if (got < 0) raise_os_error(errno);
  if (!f->binary && f->read_codec != nullptr) {
    if (got == 0 && f->raw_pending.empty()) return false;
    std::string text = decode_chunk(f, chunk, static_cast<size_t>(got), got == 0);
    append_translated(f, text.data(), text.size());
    return got > 0 || !text.empty();
  }
  if (got == 0) return false;
  append_translated(f, chunk, static_cast<size_t>(got));
  return true;
}

Value make_result(FileObject* f, std::string data) {
  if (f->binary) return Value(new_bytes(std::move(data)));
  if (f->read_codec != nullptr) return new_str_value(std::move(data));  // decoded already
  text::Utf8Check check = text::check_utf8(data);
  if (!check.valid) codecs::raise_decode_error("utf-8", data, check.error_start, check.error_end, check.reason);
  return new_str_value(std::move(data));
}

std::string take(FileObject* f, size_t end) {
  std::string out = f->rbuf.substr(f->rpos, end - f->rpos);
  f->rpos = end;
  if (f->rpos == f->rbuf.size()) {
    f->rbuf.clear();
    f->crlf_at.clear();
    f->rpos = 0;
  }
  return out;
}

// The byte offset in rbuf after `count` units (bytes or characters) from
// rpos, reading more as needed; stops early at end of file.
size_t unit_end(FileObject* f, int64_t count) {
  for (;;) {
    size_t pos = f->rpos;
    int64_t k = 0;
    const size_t size = f->rbuf.size();
    if (f->binary) {
      size_t want = f->rpos + static_cast<size_t>(count);
      if (want <= size) return want;
      pos = size;
    } else {
      while (k < count && pos < size) {
        size_t len = utf8_sequence_length(static_cast<unsigned char>(f->rbuf[pos]));
        if (pos + len > size) break;
        pos += len;
        ++k;
      }
      if (k == count) return pos;
    }
    if (!fill(f)) return f->rbuf.size();
  }
}

std::string read_all(FileObject* f) {
  while (fill(f)) {
  }
  return take(f, f->rbuf.size());
}

std::string read_line(FileObject* f, int64_t limit) {
  size_t scan = f->rpos;
  size_t end;
  for (;;) {
    size_t nl = f->rbuf.find('\n', scan);
    if (nl != std::string::npos) {
      end = nl + 1;
      break;
    }
    size_t scanned = f->rbuf.size() - f->rpos;
    if (!fill(f)) {
      end = f->rbuf.size();
      break;
    }
    scan = f->rpos + scanned;  // fill may have moved the unread bytes to the front
  }
  if (limit >= 0) {
    size_t limit_end = unit_end(f, limit);
    if (limit_end < end) end = limit_end;
  }
  return take(f, end);
}

int64_t size_argument(Value v) {
  if (v.is_null() || v.is_none()) return -1;
  if (!is_int_value(v) && !has_index(v))
    raise_type_error("argument should be integer or None, not '" + type_name(v) + "'");
  return index_value(v);
}

// ---------------------------------------------------------------- methods

Value file_read(const CallArgs& a) {
  FileObject* f = check_file(a, "read");
  Value args[1];
  CallArgs rest{a.args + 1, a.count - 1, a.kwnames};
  parse_args(rest, "read", {"size"}, 0, args, 1);
  check_readable(f);
  flush_writes(f);
  int64_t size = size_argument(args[0]);
  if (size < 0) return make_result(f, read_all(f));
  return make_result(f, take(f, unit_end(f, size)));
}

Value file_readline_method(const CallArgs& a) {
  FileObject* f = check_file(a, "readline");
  Value args[1];
  CallArgs rest{a.args + 1, a.count - 1, a.kwnames};
  parse_args(rest, "readline", {"size"}, 0, args, 1);
  check_readable(f);
  flush_writes(f);
  return make_result(f, read_line(f, size_argument(args[0])));
}

Value file_readlines(const CallArgs& a) {
  FileObject* f = check_file(a, "readlines");
  Value args[1];
  CallArgs rest{a.args + 1, a.count - 1, a.kwnames};
  parse_args(rest, "readlines", {"hint"}, 0, args, 1);
  check_readable(f);
  flush_writes(f);
  int64_t hint = size_argument(args[0]);
  ValueVector lines;
  int64_t total = 0;
  for (;;) {
    std::string line = read_line(f, -1);
    if (line.empty()) break;
    total += static_cast<int64_t>(line.size());
    lines.push_back(make_result(f, std::move(line)));
    if (hint > 0 && total >= hint) break;
  }
  return Value(new_list(std::move(lines)));
}

Value file_next(const CallArgs& a) {
  FileObject* f = check_file(a, "__next__");
  check_readable(f);
  flush_writes(f);
  std::string line = read_line(f, -1);
  if (line.empty()) stop_iteration();
  return make_result(f, std::move(line));
}

Value file_iter(const CallArgs& a) {
  open_file(a, "__iter__");
  return a[0];
}

// Appends `text` to `out`, each '\n' written as `newline`.
void append_with_newline(std::string& out, std::string_view text, const std::string& newline) {
  if (newline.empty() || text.find('\n') == std::string_view::npos) {
    out.append(text);
    return;
  }
  for (char c : text) {
    if (c == '\n') out += newline;
    else out.push_back(c);
  }
}

void write_data(FileObject* f, std::string_view data) {
  if (f->rpos < f->rbuf.size() || !f->rbuf.empty()) drop_read_ahead(f);
  if (!f->binary && f->write_codec != nullptr) {
    std::string text;
    append_with_newline(text, data, f->write_newline);
    // Only a stream's first bytes carry the BOM: later writes continue in
    // the byte order the codec chose (little-endian, as CPython on x86).
    f->wbuf += codecs::encode(*f->write_codec, text, f->errors);
    if (!text.empty()) f->write_codec = continuation_codec(f->write_codec, true);
  } else {
    append_with_newline(f->wbuf, data, f->write_newline);
  }
  bool flush_now = f->write_through || f->wbuf.size() >= 8192;
  if (f->line_buffered && (data.find('\n') != std::string_view::npos || data.find('\r') != std::string_view::npos))
    flush_now = true;
  if (flush_now) flush_writes(f);
}

Value file_write(const CallArgs& a) {
  FileObject* f = check_file(a, "write");
  if (a.count != 2 || kw_count(a) != 0)
    raise_type_error("write() takes exactly one argument (" + std::to_string(a.count - 1 + kw_count(a)) + " given)");
  check_writable(f);
  Value data = a[1];
  if (f->binary) {
    // Any bytes-like object (bytearray, memoryview, array), copied first:
    // writing may flush, and the view must not outlive Python code.
    std::string d = buffer_bytes(data);
    write_data(f, d);
    return make_int(static_cast<int64_t>(d.size()));
  }
  if (!is_str(data)) raise_type_error("write() argument must be str, not " + type_name(data));
  Str* s = as_str(data);
  write_data(f, s->view());
  return make_int(s->length);
}

Value file_writelines(const CallArgs& a) {
  FileObject* f = check_file(a, "writelines");
  if (a.count != 2 || kw_count(a) != 0)
    raise_type_error("writelines() takes exactly one argument (" + std::to_string(a.count - 1 + kw_count(a)) + " given)");
  check_writable(f);
  Value it = get_iter(a[1]);
  for (Value line = iter_next(it); !line.is_null(); line = iter_next(it)) {
    Value args[2] = {a[0], line};
    file_write(CallArgs{args, 2});
  }
  return Value::none();
}

Value file_flush(const CallArgs& a) {
  FileObject* f = open_file(a, "flush");
  flush_writes(f);
  return Value::none();
}

void close_file(FileObject* f) {
  if (f->closed) return;
  std::string pending;
  pending.swap(f->wbuf);
  f->closed = true;
  int err = pending.empty() ? 0 : blocking_write(f->fd, pending);
  if (f->closefd && f->fd >= 0) ::close(f->fd);
  f->rbuf.clear();
  f->rpos = 0;
  if (err != 0) raise_os_error(err);
}

Value file_close(const CallArgs& a) {
  close_file(check_file(a, "close"));
  return Value::none();
}

Value file_enter(const CallArgs& a) {
  open_file(a, "__enter__");
  return a[0];
}

Value file_exit(const CallArgs& a) {
  close_file(check_file(a, "__exit__"));
  return Value::none();
}

Value file_fileno(const CallArgs& a) { return make_int(open_file(a, "fileno")->fd); }
Value file_isatty(const CallArgs& a) { return Value::boolean(::isatty(open_file(a, "isatty")->fd) == 1); }
Value file_readable(const CallArgs& a) { return Value::boolean(open_file(a, "readable")->readable); }
Value file_writable(const CallArgs& a) { return Value::boolean(open_file(a, "writable")->writable); }
Value file_seekable(const CallArgs& a) {
  return Value::boolean(::lseek(open_file(a, "seekable")->fd, 0, SEEK_CUR) >= 0);
}

Value file_seek(const CallArgs& a) {
  FileObject* f = check_file(a, "seek");
  if (kw_count(a) != 0) raise_no_keywords("seek");
  if (a.count < 2 || a.count > 3)
    raise_type_error("seek expected at " + std::string(a.count < 2 ? "least 1 argument" : "most 2 arguments") +
                     ", got " + std::to_string(a.count - 1));
  check_open(f);
  int64_t offset = index_value(a[1]);
  int64_t whence = a.count == 3 ? index_value(a[2]) : 0;
  if (whence < 0 || whence > 2) raise_value_error("invalid whence (" + std::to_string(whence) + ", should be 0, 1 or 2)");
  if (!f->binary) {
    if (whence == 1 && offset != 0) raise_unsupported("can't do nonzero cur-relative seeks");
    if (whence == 2 && offset != 0) raise_unsupported("can't do nonzero end-relative seeks");
    if (whence == 0 && offset < 0) raise_value_error("negative seek position " + std::to_string(offset));
  }
  flush_writes(f);
  if (whence == 1) {
    // Relative to the reader's position, not the descriptor's.
    offset -= unread_file_bytes(f);
  }
  forget_read_ahead(f);
  off_t pos = ::lseek(f->fd, static_cast<off_t>(offset), static_cast<int>(whence));
  if (pos < 0) raise_os_error(errno);
  // Back at the start, a BOM is read (and written) again.
  if (f->start_codec != nullptr) {
    if (pos == 0) f->read_codec = f->write_codec = f->start_codec;
    else if (f->write_codec == f->start_codec) f->write_codec = continuation_codec(f->start_codec, true);
  }
  return make_int(static_cast<int64_t>(pos));
}

Value file_tell(const CallArgs& a) {
  FileObject* f = open_file(a, "tell");
  flush_writes(f);
  off_t pos = ::lseek(f->fd, 0, SEEK_CUR);
  if (pos < 0) raise_os_error(errno);
  return make_int(static_cast<int64_t>(pos) - unread_file_bytes(f));
}

Value file_truncate(const CallArgs& a) {
  FileObject* f = open_file(a, "truncate");
  check_writable(f);
  flush_writes(f);
  off_t size = a.count > 1 && !a[1].is_none() ? static_cast<off_t>(index_value(a[1])) : ::lseek(f->fd, 0, SEEK_CUR);
  if (::ftruncate(f->fd, size) != 0) raise_os_error(errno);
  return make_int(static_cast<int64_t>(size));
}

Value file_repr(const CallArgs& a) {
  FileObject* f = check_file(a, "__repr__");
  std::string out = "<_io." + type_of(a[0])->name;
  out += " name=" + repr_string(f->name);
  if (!f->binary) {
    out += " mode=" + repr_string(new_str_value(f->mode));
    out += " encoding=" + repr_string(new_str_value(f->encoding));
  }
  return new_str_value(out + ">");
}

Value get_closed(Value self) { return Value::boolean(self.as<FileObject>()->closed); }
Value get_name(Value self) { return self.as<FileObject>()->name; }
Value get_mode(Value self) { return new_str_value(self.as<FileObject>()->mode); }
Value get_encoding(Value self) { return new_str_value(self.as<FileObject>()->encoding); }
Value get_line_buffering(Value self) { return Value::boolean(self.as<FileObject>()->line_buffered); }
Value get_write_through(Value self) { return Value::boolean(self.as<FileObject>()->write_through); }

// ---------------------------------------------------------------- open()


Value builtin_open(const CallArgs& a) {
  finalize_dropped_files();
  Value args[8];
  parse_args(a, "open", {"file", "mode", "buffering", "encoding", "errors", "newline", "closefd", "opener"}, 1,
             args);
  Value file = args[0];
  std::string mode = "r";
  if (!args[1].is_null()) {
    if (!is_str(args[1])) raise_type_error("open() argument 'mode' must be str, not " + type_name(args[1]));
    mode = as_str(args[1])->data;
  }
  int64_t buffering = args[2].is_null() ? -1 : index_value(args[2]);
  Value encoding = args[3].is_null() ? Value::none() : args[3];
  Value errors = args[4].is_null() ? Value::none() : args[4];
  Value newline = args[5].is_null() ? Value::none() : args[5];
  bool closefd = args[6].is_null() ? true : is_truthy(args[6]);
  if (!encoding.is_none() && !is_str(encoding))
    raise_type_error("open() argument 'encoding' must be str or None, not " + type_name(encoding));
  if (!errors.is_none() && !is_str(errors))
    raise_type_error("open() argument 'errors' must be str or None, not " + type_name(errors));
  if (!newline.is_none() && !is_str(newline))
    raise_type_error("open() argument 'newline' must be str or None, not " + type_name(newline));

  // The path (or descriptor).
  Value path = file;
  bool is_fd = false;
  if (!is_str(file) && !isinstance(file, types().bytes)) {
    if (is_int_value(file) && !file.is_bool()) {
      is_fd = true;
    } else {
      Value fspath = lookup_special(file, "__fspath__");
      if (fspath.is_null())
        raise_type_error("expected str, bytes or os.PathLike object, not " + type_name(file));
      path = call(fspath, {file});
      if (!is_str(path) && !isinstance(path, types().bytes))
        raise_type_error("expected " + type_name(file) + ".__fspath__() to return str or bytes, not " +
                         type_name(path));
    }
  }

  // The mode.
  bool m_r = false, m_w = false, m_a = false, m_x = false, m_plus = false, m_b = false, m_t = false;
  for (char c : mode) {
    bool* flag = nullptr;
    switch (c) {
      case 'r': flag = &m_r; break;
      case 'w': flag = &m_w; break;
      case 'a': flag = &m_a; break;
      case 'x': flag = &m_x; break;
      case '+': flag = &m_plus; break;
      case 'b': flag = &m_b; break;
      case 't': flag = &m_t; break;
      default: break;
    }
    if (flag == nullptr || *flag) raise_value_error("invalid mode: '" + mode + "'");
    *flag = true;
  }
  if (m_t && m_b) raise_value_error("can't have text and binary mode at once");
  if (int(m_r) + int(m_w) + int(m_a) + int(m_x) != 1)
    raise_value_error("must have exactly one of create/read/write/append mode");
  if (m_b && !encoding.is_none()) raise_value_error("binary mode doesn't take an encoding argument");
  if (m_b && !errors.is_none()) raise_value_error("binary mode doesn't take an errors argument");
  if (m_b && !newline.is_none()) raise_value_error("binary mode doesn't take a newline argument");
  if (m_b && buffering == 1) {
    // CPython warns (RuntimeWarning) and uses the default buffer.
    buffering = -1;
  }
  if (!m_b && buffering == 0) raise_value_error("can't have unbuffered text I/O");
  std::string newline_text = newline.is_none() ? "" : as_str(newline)->data;
  if (!newline.is_none() && newline_text != "" && newline_text != "\n" && newline_text != "\r" &&
      newline_text != "\r\n")
    raise_value_error("illegal newline value: " + newline_text);
  const codecs::Codec* codec = nullptr;
  if (!m_b) {
    std::string name = encoding.is_none() ? "utf-8" : as_str(encoding)->data;
    codec = codecs::find_codec(name);
    if (codec == nullptr) raise_error(exc().LookupError, "unknown encoding: " + name);
  }
  if (is_fd && !closefd) {
    // fine: the caller keeps the descriptor
  } else if (!is_fd && !closefd) {
    raise_value_error("Cannot use closefd=False with file name");
  }

  int flags = O_CLOEXEC;
  if (m_plus) flags |= O_RDWR;
  else if (m_r) flags |= O_RDONLY;
  else flags |= O_WRONLY;
  if (m_w) flags |= O_CREAT | O_TRUNC;
  if (m_a) flags |= O_CREAT | O_APPEND;
  if (m_x) flags |= O_CREAT | O_EXCL;

  int fd;
  if (is_fd) {
    int64_t n = index_value(file);
    if (n < 0) raise_value_error("negative file descriptor");
    fd = static_cast<int>(n);
    struct stat st;
    if (::fstat(fd, &st) != 0) raise_os_error(errno);
  } else {
    std::string p = is_str(path) ? as_str(path)->data : path.as<Bytes>()->data;
    if (p.find('\0') != std::string::npos) raise_value_error("embedded null byte");
    if (!args[7].is_null() && !args[7].is_none()) {
      Value r = call(args[7], {path, Value::small_int(flags)});
      fd = static_cast<int>(index_value(r));
      if (fd < 0) raise_value_error("opener returned " + std::to_string(fd));
    } else {
      fd = ::open(p.c_str(), flags, 0666);
      if (fd < 0) raise_os_error(errno, path);
    }
    struct stat st;
    if (::fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
      ::close(fd);
      raise_os_error(EISDIR, path);
    }
  }

  Type* type;
  if (!m_b) type = text_io_type;
  else if (m_plus) type = buffered_random_type;
  else if (m_r) type = buffered_reader_type;
  else type = buffered_writer_type;
  auto* f = gc_new<FileObject>(type);
  f->fd = fd;
  f->readable = m_r || m_plus;
  f->writable = m_w || m_a || m_x || m_plus;
  f->binary = m_b;
  f->closefd = closefd;
  f->name = path;
  f->line_buffered = buffering == 1 || (is_fd && ::isatty(fd) == 1 && !m_b);
  f->translate_read = newline.is_none();
  if (newline_text == "\r" || newline_text == "\r\n") f->write_newline = newline_text;
  if (m_b) {
    f->mode = m_x ? "xb" : m_a ? (m_plus ? "ab+" : "ab") : (m_plus ? "rb+" : (m_w ? "wb" : "rb"));
  } else {
    f->mode = mode;
  }
  f->encoding = encoding.is_none() ? "UTF-8" : as_str(encoding)->data;
  if (m_a) ::lseek(fd, 0, SEEK_END);
  if (!m_b) {
    f->errors = errors.is_none() ? "strict" : as_str(errors)->data;
    // Strict UTF-8 keeps the fast path: bytes are the stored text.
    if (codec->kind != codecs::Kind::Utf8 || f->errors != "strict") {
      f->start_codec = f->read_codec = f->write_codec = codec;
      // Appending to (or opening for update) a stream that has bytes
      // already: no second BOM, as CPython's TextIOWrapper.
      off_t at = ::lseek(fd, 0, SEEK_CUR);
      if (at > 0) f->write_codec = continuation_codec(codec, true);
    }
  }
  return Value(f);
}

Value no_construct(Type* type, const CallArgs&) { raise_type_error("cannot create '_io." + type->name + "' instances"); }

Type* make_file_type(const char* name, bool text) {
  Type* t = new_builtin_type(name, types().object, no_construct);
  add_type_attr(t, "__module__", new_str_value("_io"));
  add_method(t, "read", file_read);
  add_method(t, "readline", file_readline_method);
  add_method(t, "readlines", file_readlines);
  add_method(t, "write", file_write);
  add_method(t, "writelines", file_writelines);
  add_method(t, "flush", file_flush);
  add_method(t, "close", file_close);
  add_method(t, "__enter__", file_enter);
  add_method(t, "__exit__", file_exit);
  add_method(t, "__iter__", file_iter);
  add_method(t, "__next__", file_next);
  add_method(t, "fileno", file_fileno);
  add_method(t, "isatty", file_isatty);
  add_method(t, "readable", file_readable);
  add_method(t, "writable", file_writable);
  add_method(t, "seekable", file_seekable);
  add_method(t, "seek", file_seek);
  add_method(t, "tell", file_tell);
  add_method(t, "truncate", file_truncate);
  add_method(t, "__repr__", file_repr);
  add_getset(t, "closed", get_closed);
  add_getset(t, "name", get_name);
  add_getset(t, "mode", get_mode);
  if (text) {
    add_getset(t, "encoding", get_encoding);
    add_getset(t, "line_buffering", get_line_buffering);
    add_getset(t, "write_through", get_write_through);
  }
  return t;
}

// ---------------------------------------------------------------- std streams

Value std_streams[3];
bool std_streams_unbuffered = false;
SysStreamLookup sys_stream_lookup = nullptr;

void make_types() {
  if (text_io_type != nullptr) return;
  text_io_type = make_file_type("TextIOWrapper", true);
  buffered_reader_type = make_file_type("BufferedReader", false);
  buffered_writer_type = make_file_type("BufferedWriter", false);
  buffered_random_type = make_file_type("BufferedRandom", false);
  // io.UnsupportedOperation(OSError, ValueError).
  Type* u = new_builtin_type("UnsupportedOperation", exc().OSError, exc().OSError->construct);
  u->bases = {exc().OSError, exc().ValueError};
  u->mro.clear();
  u->mro.push_back(u);
  for (Type* t : {exc().OSError, exc().ValueError, exc().Exception, exc().BaseException, types().object})
    u->mro.push_back(t);
  u->instances_have_dict = true;
  add_type_attr(u, "__module__", new_str_value("io"));
  unsupported_operation_type = u;
  heap().add_root_source([](Tracer& t) {
    for (Value v : std_streams) t.visit(v);
    t.visit(text_io_type);
    t.visit(buffered_reader_type);
    t.visit(buffered_writer_type);
    t.visit(buffered_random_type);
    t.visit(unsupported_operation_type);
  });
}

}  // namespace

FileObject* as_text_file(Value v) {
  if (v.is_object() && type_of(v) == text_io_type) return v.as<FileObject>();
  return nullptr;
}

void file_write_text(FileObject* f, std::string_view text) {
  check_writable(f);
  write_data(f, text);
}

void file_flush(FileObject* f) {
  check_open(f);
  flush_writes(f);
}

std::string file_readline(FileObject* f) {
  check_readable(f);
  flush_writes(f);
  return read_line(f, -1);
}

Type* io_unsupported_operation() {
  make_types();
  return unsupported_operation_type;
}

void install_file_functions(Dict* builtins) {
  make_types();
  add_function(builtins, "open", builtin_open);
}

}  // namespace builtins_impl

using namespace builtins_impl;

void set_std_streams_unbuffered(bool unbuffered) { std_streams_unbuffered = unbuffered; }

Value make_std_stream(int fd, const char* name, const char* mode) {
  make_types();
  if (fd >= 0 && fd < 3 && !std_streams[fd].is_null()) return std_streams[fd];
  auto* f = gc_new<FileObject>(text_io_type);
  f->fd = fd;
  f->readable = mode[0] == 'r';
  f->writable = mode[0] != 'r';
  f->closefd = false;
  f->name = new_str_value(name);
  f->mode = mode;
  f->encoding = "utf-8";
  f->line_buffered = fd == 2 || ::isatty(fd) == 1;
  f->write_through = std_streams_unbuffered && f->writable;
  Value v(f);
  if (fd >= 0 && fd < 3) std_streams[fd] = v;
  return v;
}

// CPython flushes a file object the moment its last reference goes, so a
// script's `open(p, "w").write(s)` is on disk before the next line runs. A
// tracing collector finds a dropped file only when it collects, and its
// conservative stack scan may keep a dropped file alive for a while longer.
// So when a file that no check has seen yet holds unwritten data, ask the
// heap which such files no precise root (a variable, a container, a frame)
// reaches: those were dropped and are flushed now, while a referenced one
// keeps buffering, exactly as under reference counting. The file is closed
// later, when it is collected. Files that survived a check (a long-lived
// log file) trigger no further ones.
void finalize_dropped_files() {
  std::vector<Object*> new_and_dirty;
  for (FileObject* f = all_files; f != nullptr; f = f->next)
    if (!f->closed && !f->wbuf.empty() && !f->survived_collection) new_and_dirty.push_back(f);
  if (new_and_dirty.empty()) return;
  for (Object* dropped : heap().unreachable_precisely(new_and_dirty)) static_cast<FileObject*>(dropped)->flush_quietly();
  for (FileObject* f = all_files; f != nullptr; f = f->next) f->survived_collection = true;
}

void flush_std_streams() {
  for (FileObject* f = all_files; f != nullptr; f = f->next) f->flush_quietly();
}

void set_sys_stream_lookup(SysStreamLookup lookup) { sys_stream_lookup = lookup; }

Value current_std_stream(const char* name) {
  if (sys_stream_lookup != nullptr) {
    Value v = sys_stream_lookup(name);
    if (!v.is_null()) return v;
  }
  std::string_view n = name;
  if (n == "stdout") return make_std_stream(1, "<stdout>", "w");
  if (n == "stderr") return make_std_stream(2, "<stderr>", "w");
  return make_std_stream(0, "<stdin>", "r");
}

void raise_os_error_from_errno(int err, Value filename) { builtins_impl::raise_os_error(err, filename); }

}  // namespace gilvm
