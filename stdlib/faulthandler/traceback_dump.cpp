// See traceback_dump.hpp for what is and is not safe here.
#include "stdlib/faulthandler/traceback_dump.hpp"

#include <unistd.h>

#include <cstring>

#include "vm/frame.hpp"
#include "vm/objects/str.hpp"
#include "vm/thread_state.hpp"

// The walk reads other threads' frames without synchronizing with them,
// on purpose (see the contract): ThreadSanitizer is told not to instrument
// these functions, whose races are the accepted ones.
#if defined(__clang__) || defined(__GNUC__)
#define GILVM_UNSYNCHRONIZED_READS __attribute__((no_sanitize("thread")))
#else
#define GILVM_UNSYNCHRONIZED_READS
#endif

namespace gilvm::faulthandler_dump {

namespace {

constexpr size_t kMaxNameLength = 500;

void write_bytes(int fd, const char* data, size_t size) {
  while (size > 0) {
    ssize_t n = ::write(fd, data, size);
    if (n <= 0) return;  // nothing better to do in a signal handler
    data += n;
    size -= static_cast<size_t>(n);
  }
}

void write_decimal(int fd, unsigned long value) {
  char digits[24];
  size_t at = sizeof digits;
  do {
    digits[--at] = static_cast<char>('0' + value % 10);
    value /= 10;
  } while (value != 0);
  write_bytes(fd, digits + at, sizeof digits - at);
}

// Zero-padded to `width` hexadecimal digits, as CPython's _Py_DumpHexadecimal.
void write_hex(int fd, unsigned long value, size_t width) {
  char digits[2 * sizeof(unsigned long) + 1];
  size_t at = sizeof digits;
  do {
    digits[--at] = "0123456789abcdef"[value & 0xf];
    value >>= 4;
  } while (value != 0 || sizeof digits - at < width);
  write_bytes(fd, digits + at, sizeof digits - at);
}

// A string's bytes: ASCII as is, the rest as \xNN, cut after 500 with "...".
GILVM_UNSYNCHRONIZED_READS void write_name(int fd, const Str* s) {
  if (s == nullptr) {
    write_text(fd, "???");
    return;
  }
  const std::string& text = s->data;
  size_t length = text.size() > kMaxNameLength ? kMaxNameLength : text.size();
  char buffer[4 * kMaxNameLength];
  size_t used = 0;
  for (size_t i = 0; i < length; ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c >= 0x20 && c < 0x7f) {
      buffer[used++] = static_cast<char>(c);
    } else {
      buffer[used++] = '\\';
      buffer[used++] = 'x';
      buffer[used++] = "0123456789abcdef"[c >> 4];
      buffer[used++] = "0123456789abcdef"[c & 0xf];
    }
  }
  write_bytes(fd, buffer, used);
  if (text.size() > kMaxNameLength) write_text(fd, "...");
}

GILVM_UNSYNCHRONIZED_READS void write_frame(int fd, const Frame* frame) {
  const Code* code = frame->code;
  write_text(fd, "  File \"");
  write_name(fd, code->filename);
  write_text(fd, "\", line ");
  int line = frame->current_line();
  if (line >= 0) write_decimal(fd, static_cast<unsigned long>(line));
  else write_text(fd, "???");
  write_text(fd, " in ");
  write_name(fd, code->name);
  write_text(fd, "\n");
}

GILVM_UNSYNCHRONIZED_READS void write_thread_header(int fd, const ThreadState* ts, bool is_current) {
  write_text(fd, is_current ? "Current thread 0x" : "Thread 0x");
  write_hex(fd, ts->os_thread_id.load(std::memory_order_relaxed), 2 * sizeof(unsigned long));
  write_text(fd, " (most recent call first):\n");
}

}  // namespace

void write_text(int fd, const char* text) { write_bytes(fd, text, std::strlen(text)); }

GILVM_UNSYNCHRONIZED_READS void dump_stack(int fd, ThreadState* ts, bool write_header) {
  if (write_header) write_text(fd, "Stack (most recent call first):\n");
  const Frame* frame = ts == nullptr ? nullptr : ts->current_frame;
  size_t written = 0;
  bool any = false;
  for (; frame != nullptr; frame = frame->previous) {
    // Frames of frozen functions CPython writes in C appear in no traceback.
    if (frame->code == nullptr || (frame->code->flags & kCodeHiddenFromTraceback)) continue;
    if (written == kMaxFrames) {
      write_text(fd, "  ...\n");
      return;
    }
    write_frame(fd, frame);
    ++written;
    any = true;
  }
  if (!any) write_text(fd, "  <no Python frame>\n");
}

GILVM_UNSYNCHRONIZED_READS void dump_all_threads(int fd, ThreadState* current) {
  ThreadState* states[kMaxThreads + 1];
  size_t count = copy_thread_states_unlocked(states, kMaxThreads + 1);
  for (size_t i = 0; i < count; ++i) {
    if (i != 0) write_text(fd, "\n");
    if (i == kMaxThreads) {
      write_text(fd, "...\n");
      break;
    }
    write_thread_header(fd, states[i], states[i] == current);
    dump_stack(fd, states[i], false);
  }
}

}  // namespace gilvm::faulthandler_dump
