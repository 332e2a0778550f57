// The binascii module: hex and base64 conversions and the CRC-32 and
// CRC-CCITT checksums, with CPython 3.11's results and error texts.
// base64.py (stdlib/py/) builds on it. The uu, quoted-printable and
// binhex helpers are not provided.
#include <array>
#include <cstdint>
#include <string>

#include "stdlib/stdlib.hpp"
#include "vm/builtins_core.hpp"
#include "vm/errors.hpp"
#include "vm/import.hpp"
#include "vm/native.hpp"
#include "vm/objects/buffer.hpp"
#include "vm/objects/dict.hpp"
#include "vm/objects/module.hpp"
#include "vm/objects/number.hpp"
#include "vm/objects/sequence.hpp"
#include "vm/objects/str.hpp"
#include "vm/opcodes.hpp"
#include "vm/ops.hpp"
#include "vm/types.hpp"

namespace gilvm {

namespace {

Type* binascii_error = nullptr;
Type* binascii_incomplete = nullptr;

[[noreturn]] void raise_binascii(const std::string& message) { raise_error(binascii_error, message); }

// The a2b_* functions take bytes-like objects or ASCII-only str.
std::string ascii_argument(Value v) {
  if (isinstance(v, types().str)) {
    const std::string& text = v.as<Str>()->data;
    for (unsigned char c : text)
      if (c >= 0x80) raise_value_error("string argument should contain only ASCII characters");
    return text;
  }
  std::string data;
  if (copy_buffer(v, &data)) return data;
  raise_type_error("argument should be bytes, buffer or ASCII string, not '" + type_name(v) + "'");
}

// ---------------------------------------------------------------- hex

const char kHexDigits[] = "0123456789abcdef";

int hex_value(unsigned char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// hexlify(data, sep=None, bytes_per_sep=1): a separator every
// |bytes_per_sep| bytes, counted from the right when positive, from the
// left when negative.
Value b2a_hex(const CallArgs& a, const char* name) {
  ArgParser p(a, name, {"data", "sep", "bytes_per_sep"}, 1, false);
  std::string data = buffer_bytes(p.get(0));
  Value sep_value = p.get(1, Value::none());
  int64_t per = p.given(2) ? index_value(p.get(2)) : 1;
  std::string sep;
  if (!sep_value.is_none()) {
    if (isinstance(sep_value, types().str)) {
      sep = sep_value.as<Str>()->data;
      if (sep.size() == 1 && static_cast<unsigned char>(sep[0]) >= 0x80)
        raise_value_error("sep must be ASCII.");
    } else {
      sep = buffer_bytes(sep_value);
    }
    if (sep.size() != 1) raise_value_error("sep must be length 1.");
  }
  std::string out;
  out.reserve(data.size() * 3);
  size_t group = per == 0 ? 0 : static_cast<size_t>(per < 0 ? -per : per);
  size_t n = data.size();
  for (size_t i = 0; i < n; ++i) {
    if (!sep.empty() && group != 0 && i != 0) {
      bool boundary = per > 0 ? (n - i) % group == 0 : i % group == 0;
      if (boundary) out += sep;
    }
    unsigned char c = static_cast<unsigned char>(data[i]);
    out += kHexDigits[c >> 4];
    out += kHexDigits[c & 15];
  }
  return new_bytes(std::move(out));
}
Value binascii_hexlify(const CallArgs& a) { return b2a_hex(a, "hexlify"); }
Value binascii_b2a_hex(const CallArgs& a) { return b2a_hex(a, "b2a_hex"); }

Value a2b_hex(const CallArgs& a, const char* name) {
  ArgParser p(a, name, {"hexstr"}, 1, false);
  std::string text = ascii_argument(p.get(0));
  if (text.size() % 2 != 0) raise_binascii("Odd-length string");
  std::string out;
  out.reserve(text.size() / 2);
  for (size_t i = 0; i < text.size(); i += 2) {
    int hi = hex_value(static_cast<unsigned char>(text[i]));
    int lo = hex_value(static_cast<unsigned char>(text[i + 1]));
    if (hi < 0 || lo < 0) raise_binascii("Non-hexadecimal digit found");
    out += static_cast<char>(hi * 16 + lo);
  }
  return new_bytes(std::move(out));
}
Value binascii_unhexlify(const CallArgs& a) { return a2b_hex(a, "unhexlify"); }
Value binascii_a2b_hex(const CallArgs& a) { return a2b_hex(a, "a2b_hex"); }

// ---------------------------------------------------------------- base64

const char kBase64Alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

std::array<int8_t, 256> make_base64_table() {
  std::array<int8_t, 256> table{};
  table.fill(-1);
  for (int i = 0; i < 64; ++i) table[static_cast<unsigned char>(kBase64Alphabet[i])] = static_cast<int8_t>(i);
  return table;
}
const std::array<int8_t, 256> kBase64Values = make_base64_table();

Value binascii_b2a_base64(const CallArgs& a) {
  ArgParser p(a, "b2a_base64", {"data", "newline"}, 1, false, 1);
  std::string data = buffer_bytes(p.get(0));
  bool newline = p.given(1) ? is_truthy(p.get(1)) : true;
  std::string out;
  out.reserve((data.size() + 2) / 3 * 4 + 1);
  size_t i = 0;
  for (; i + 3 <= data.size(); i += 3) {
    uint32_t v = (static_cast<unsigned char>(data[i]) << 16) | (static_cast<unsigned char>(data[i + 1]) << 8) |
                 static_cast<unsigned char>(data[i + 2]);
    out += kBase64Alphabet[(v >> 18) & 63];
    out += kBase64Alphabet[(v >> 12) & 63];
    out += kBase64Alphabet[(v >> 6) & 63];
    out += kBase64Alphabet[v & 63];
  }
  size_t rest = data.size() - i;
  if (rest > 0) {
    uint32_t v = static_cast<unsigned char>(data[i]) << 16;
    if (rest == 2) v |= static_cast<unsigned char>(data[i + 1]) << 8;
    out += kBase64Alphabet[(v >> 18) & 63];
    out += kBase64Alphabet[(v >> 12) & 63];
    out += rest == 2 ? kBase64Alphabet[(v >> 6) & 63] : '=';
    out += '=';
  }
  if (newline) out += '\n';
  return new_bytes(std::move(out));
}

// a2b_base64(data, *, strict_mode=False). Without strict mode, characters
// outside the alphabet are skipped and decoding stops at the padding that
// completes a group, as CPython does.
Value binascii_a2b_base64(const CallArgs& a) {
  ArgParser p(a, "a2b_base64", {"data", "strict_mode"}, 1, false, 1);
  std::string text = ascii_argument(p.get(0));
  bool strict = p.given(1) && is_truthy(p.get(1));
  std::string out;
  out.reserve(text.size() / 4 * 3);
  int quad_pos = 0;
  unsigned left = 0;  // the bits of the last character not yet in a byte
  int pads = 0;
  bool padding_started = false;
  size_t data_chars = 0;
  if (strict && !text.empty() && text[0] == '=') raise_binascii("Leading padding not allowed");
  for (size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == '=') {
      padding_started = true;
      if (quad_pos >= 2 && quad_pos + ++pads >= 4) {
        if (strict && i + 1 < text.size()) raise_binascii("Excess data after padding");
        return new_bytes(std::move(out));  // complete: the rest is ignored
      }
      continue;
    }
    int value = kBase64Values[c];
    if (value < 0) {
      if (strict) raise_binascii("Only base64 data is allowed");
      continue;
    }
    if (strict && padding_started) raise_binascii("Discontinuous padding not allowed");
    pads = 0;
    ++data_chars;
    auto v = static_cast<unsigned>(value);
    switch (quad_pos) {
      case 0:
        left = v;
        quad_pos = 1;
        break;
      case 1:
        out += static_cast<char>(((left << 2) | (v >> 4)) & 0xff);
        left = v & 0x0f;
        quad_pos = 2;
        break;
      case 2:
        out += static_cast<char>(((left << 4) | (v >> 2)) & 0xff);
        left = v & 0x03;
        quad_pos = 3;
        break;
      default:
        out += static_cast<char>(((left << 6) | v) & 0xff);
        left = 0;
        quad_pos = 0;
        break;
    }
  }
  if (quad_pos == 1)
    raise_binascii("Invalid base64-encoded string: number of data characters (" + std::to_string(data_chars) +
                   ") cannot be 1 more than a multiple of 4");
  if (quad_pos != 0) raise_binascii("Incorrect padding");
  return new_bytes(std::move(out));
}

// ---------------------------------------------------------------- checksums

std::array<uint32_t, 256> make_crc32_table() {
  std::array<uint32_t, 256> table{};
  for (uint32_t n = 0; n < 256; ++n) {
    uint32_t c = n;
    for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
    table[n] = c;
  }
  return table;
}
const std::array<uint32_t, 256> kCrc32Table = make_crc32_table();

uint32_t unsigned_32(Value v) {
  // Any int is taken modulo 2**32, as CPython's crc32 does.
  Value masked = binary_op(v, make_int(0xFFFFFFFFLL), kAnd);
  return static_cast<uint32_t>(index_value(masked));
}

Value binascii_crc32(const CallArgs& a) {
  ArgParser p(a, "crc32", {"data", "crc"}, 1, false);
  std::string data = buffer_bytes(p.get(0));
  uint32_t crc = p.given(1) ? unsigned_32(index_int(p.get(1))) : 0;
  crc = ~crc;
  for (unsigned char c : data) crc = kCrc32Table[(crc ^ c) & 0xff] ^ (crc >> 8);
  return make_int(static_cast<int64_t>(~crc & 0xFFFFFFFFu));
}

Value binascii_crc_hqx(const CallArgs& a) {
  ArgParser p(a, "crc_hqx", {"data", "crc"}, 2, false);
  std::string data = buffer_bytes(p.get(0));
  uint32_t crc = unsigned_32(index_int(p.get(1))) & 0xffff;
  for (unsigned char c : data) {
    crc ^= static_cast<uint32_t>(c) << 8;
    for (int k = 0; k < 8; ++k) crc = (crc & 0x8000) ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return make_int(crc);
}

Type* make_error_class(const char* name, Type* base) {
  Dict* ns = new_dict();
  ns->table.set(intern("__module__"), intern("binascii"));
  Value cls = call(types().type, {intern(name), new_tuple({base}), ns});
  keep_builtin_type_alive(cls.as<Type>());
  return cls.as<Type>();
}

void init_binascii(Module* m) {
  if (binascii_error == nullptr) {
    binascii_error = make_error_class("Error", exc().ValueError);
    binascii_incomplete = make_error_class("Incomplete", exc().Exception);
  }
  DictTable& d = m->dict()->table;
  d.set(intern("Error"), binascii_error);
  d.set(intern("Incomplete"), binascii_incomplete);
  add_function(m, "hexlify", binascii_hexlify);
  add_function(m, "b2a_hex", binascii_b2a_hex);
  add_function(m, "unhexlify", binascii_unhexlify);
  add_function(m, "a2b_hex", binascii_a2b_hex);
  add_function(m, "b2a_base64", binascii_b2a_base64);
  add_function(m, "a2b_base64", binascii_a2b_base64);
  add_function(m, "crc32", binascii_crc32);
  add_function(m, "crc_hqx", binascii_crc_hqx);
}

}  // namespace

void register_binascii_module() { register_builtin_module("binascii", init_binascii); }

}  // namespace gilvm
