// The zlib module on the system's zlib (Debian: zlib1g-dev): one-shot
// compress/decompress, streaming Compress/Decompress objects with flush,
// copy, unused_data, unconsumed_tail and eof, and the crc32/adler32
// checksums, with CPython 3.11's arguments and error texts.
//
// Contract: every z_stream lives inside its Python object and is used only
// with the GIL held, so two threads never drive one stream at once (CPython
// takes a per-object lock and releases the GIL instead; here compression
// holds the GIL for its duration). The destructor frees the stream.
#include <zlib.h>

#include <algorithm>
#include <climits>
#include <cstring>
#include <string>

#include "stdlib/stdlib.hpp"
#include "vm/builtins_core.hpp"
#include "vm/errors.hpp"
#include "vm/heap/heap.hpp"
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

Type* zlib_error = nullptr;
Type* compress_type = nullptr;
Type* decompress_type = nullptr;

constexpr size_t kDefaultBufferSize = 16384;

[[noreturn]] void raise_zlib(const z_stream& stream, int err, const char* doing) {
  const char* message = nullptr;
  if (err == Z_VERSION_ERROR) message = "library version mismatch";
  if (message == nullptr) message = stream.msg;
  if (message == nullptr) {
    switch (err) {
      case Z_BUF_ERROR: message = "incomplete or truncated stream"; break;
      case Z_STREAM_ERROR: message = "inconsistent stream state"; break;
      case Z_DATA_ERROR: message = "invalid input data"; break;
      default: break;
    }
  }
  std::string text = "Error " + std::to_string(err) + " while " + doing;
  if (message != nullptr) text += std::string(": ") + message;
  raise_error(zlib_error, text);
}

int int_argument(const ArgParser& p, size_t i, int fallback) {
  return p.given(i) ? static_cast<int>(index_value(p.get(i))) : fallback;
}

// Runs `step` (deflate or inflate) over `input` with `flush`, appending to
// `out` until the input is used up and zlib leaves output room unfilled, or
// `limit` bytes (0: no limit) are out. Returns zlib's last result.
template <typename Step>
int pump(z_stream& stream, const std::string& input, size_t& consumed, std::string& out, int flush, size_t limit,
         Step step) {
  int err = Z_OK;
  size_t chunk = kDefaultBufferSize;
  while (true) {
    size_t room = chunk;
    if (limit != 0) {
      if (out.size() >= limit) break;
      room = std::min(room, limit - out.size());
    }
    size_t before = out.size();
    out.resize(before + room);
    size_t in_left = input.size() - consumed;
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(input.data() + consumed));
    stream.avail_in = static_cast<uInt>(std::min<size_t>(in_left, UINT_MAX));
    stream.next_out = reinterpret_cast<Bytef*>(out.data() + before);
    stream.avail_out = static_cast<uInt>(room);
    uInt given_in = stream.avail_in;
    err = step(&stream, flush);
    consumed += given_in - stream.avail_in;
    out.resize(before + room - stream.avail_out);
    if (err == Z_STREAM_END || err == Z_NEED_DICT) break;
    if (err != Z_OK && err != Z_BUF_ERROR) break;
    if (stream.avail_out != 0 && consumed == input.size()) break;  // all input taken, output drained
    if (err == Z_BUF_ERROR && stream.avail_out != 0) break;        // no progress possible
    if (chunk < (1u << 20)) chunk *= 2;
  }
  return err;
}

// ---------------------------------------------------------------- objects

struct ZStreamObject : Object {
  z_stream stream{};
  bool compressing;
  bool initialized = false;
  bool eof = false;
  std::string unused_data;
  std::string unconsumed_tail;
  std::string zdict;
  bool has_zdict = false;
  ZStreamObject(Type* t, bool compress) : Object(t), compressing(compress) {}
  ~ZStreamObject() override {
    if (!initialized) return;
    if (compressing)
      deflateEnd(&stream);
    else
      inflateEnd(&stream);
  }
};

ZStreamObject* self_stream(const CallArgs& a, Type* type, const char* name) {
  if (a.count < 1 || !isinstance(a[0], type))
    raise_type_error(std::string("descriptor '") + name + "' requires a 'zlib." + type->qualname + "' object");
  return a[0].as<ZStreamObject>();
}

// ---------------------------------------------------------------- one-shot

Value zlib_compress(const CallArgs& a) {
  ArgParser p(a, "compress", {"data", "level", "wbits"}, 1, false);
  std::string data = buffer_bytes(p.get(0));
  int level = int_argument(p, 1, Z_DEFAULT_COMPRESSION);
  int wbits = int_argument(p, 2, MAX_WBITS);
  z_stream stream{};
  int err = deflateInit2(&stream, level, Z_DEFLATED, wbits, 8, Z_DEFAULT_STRATEGY);
  if (err == Z_MEM_ERROR) raise_error(exc().MemoryError, "Out of memory while compressing data");
  if (err == Z_STREAM_ERROR) raise_error(zlib_error, "Bad compression level");
  if (err != Z_OK) {
    deflateEnd(&stream);
    raise_zlib(stream, err, "compressing data");
  }
  std::string out;
  size_t consumed = 0;
  err = pump(stream, data, consumed, out, Z_FINISH, 0, deflate);
  deflateEnd(&stream);
  if (err != Z_STREAM_END) raise_zlib(stream, err, "compressing data");
  return new_bytes(std::move(out));
}

Value zlib_decompress(const CallArgs& a) {
  ArgParser p(a, "decompress", {"data", "wbits", "bufsize"}, 1, false);
  std::string data = buffer_bytes(p.get(0));
  int wbits = int_argument(p, 1, MAX_WBITS);
  if (p.given(2) && index_value(p.get(2)) < 0) raise_value_error("bufsize must be non-negative");
  z_stream stream{};
  int err = inflateInit2(&stream, wbits);
  if (err == Z_MEM_ERROR) raise_error(exc().MemoryError, "Out of memory while decompressing data");
  if (err != Z_OK) {
    inflateEnd(&stream);
    raise_zlib(stream, err, "preparing to decompress data");
  }
  std::string out;
  size_t consumed = 0;
  err = pump(stream, data, consumed, out, Z_NO_FLUSH, 0, inflate);
  if (err != Z_STREAM_END) {
    z_stream copy = stream;
    inflateEnd(&stream);
    if (err == Z_OK) err = Z_BUF_ERROR;  // the input ended inside the stream
    if (err == Z_BUF_ERROR || err == Z_NEED_DICT) copy.msg = nullptr;
    raise_zlib(copy, err, "decompressing data");
  }
  inflateEnd(&stream);
  return new_bytes(std::move(out));
}

// ---------------------------------------------------------------- Compress

Value zlib_compressobj(const CallArgs& a) {
  ArgParser p(a, "compressobj", {"level", "method", "wbits", "memLevel", "strategy", "zdict"}, 0, false);
  int level = int_argument(p, 0, Z_DEFAULT_COMPRESSION);
  int method = int_argument(p, 1, Z_DEFLATED);
  int wbits = int_argument(p, 2, MAX_WBITS);
  int mem_level = int_argument(p, 3, 8);
  int strategy = int_argument(p, 4, Z_DEFAULT_STRATEGY);
  std::string zdict;
  bool has_zdict = p.given(5) && !p.get(5).is_none();
  if (has_zdict && !copy_buffer(p.get(5), &zdict)) raise_type_error("zdict argument must support the buffer protocol");
  ZStreamObject* z = gc_new<ZStreamObject>(compress_type, true);
  int err = deflateInit2(&z->stream, level, method, wbits, mem_level, strategy);
  if (err == Z_MEM_ERROR) raise_error(exc().MemoryError, "Can't allocate memory for compression object");
  if (err == Z_STREAM_ERROR) raise_value_error("Invalid initialization option");
  if (err != Z_OK) raise_zlib(z->stream, err, "creating compression object");
  z->initialized = true;
  if (has_zdict) {
    err = deflateSetDictionary(&z->stream, reinterpret_cast<const Bytef*>(zdict.data()), static_cast<uInt>(zdict.size()));
    if (err != Z_OK) raise_value_error("Invalid dictionary");
  }
  return z;
}

Value compress_compress(const CallArgs& a) {
  ZStreamObject* z = self_stream(a, compress_type, "compress");
  ArgParser p(a, "compress", {"data"}, 1, true);
  std::string data = buffer_bytes(p.get(0));
  if (!z->initialized) raise_zlib(z->stream, Z_STREAM_ERROR, "compressing data");
  std::string out;
  size_t consumed = 0;
  int err = pump(z->stream, data, consumed, out, Z_NO_FLUSH, 0, deflate);
  if (err != Z_OK && err != Z_BUF_ERROR) raise_zlib(z->stream, err, "compressing data");
  return new_bytes(std::move(out));
}

Value compress_flush(const CallArgs& a) {
  ZStreamObject* z = self_stream(a, compress_type, "flush");
  ArgParser p(a, "flush", {"mode"}, 0, true);
  int mode = int_argument(p, 0, Z_FINISH);
  if (mode == Z_NO_FLUSH) return new_bytes(std::string());
  if (!z->initialized) raise_zlib(z->stream, Z_STREAM_ERROR, "flushing");
  std::string out;
  size_t consumed = 0;
  int err = pump(z->stream, std::string(), consumed, out, mode, 0, deflate);
  if (err == Z_STREAM_END && mode == Z_FINISH) {
    deflateEnd(&z->stream);
    z->initialized = false;
  } else if (err != Z_OK && err != Z_BUF_ERROR) {
    raise_zlib(z->stream, err, "flushing");
  }
  return new_bytes(std::move(out));
}

Value compress_copy(const CallArgs& a) {
  ZStreamObject* z = self_stream(a, compress_type, "copy");
  check_arg_count(a, "copy", 1, 1);
  if (!z->initialized) raise_value_error("Inconsistent stream state");
  ZStreamObject* twin = gc_new<ZStreamObject>(compress_type, true);
  int err = deflateCopy(&twin->stream, &z->stream);
  if (err != Z_OK) raise_zlib(z->stream, err, "copying compression object");
  twin->initialized = true;
  return twin;
}

// ---------------------------------------------------------------- Decompress

Value zlib_decompressobj(const CallArgs& a) {
  ArgParser p(a, "decompressobj", {"wbits", "zdict"}, 0, false);
  int wbits = int_argument(p, 0, MAX_WBITS);
  ZStreamObject* z = gc_new<ZStreamObject>(decompress_type, false);
  if (p.given(1)) {
    if (!copy_buffer(p.get(1), &z->zdict)) raise_type_error("zdict argument must support the buffer protocol");
    z->has_zdict = true;
  }
  int err = inflateInit2(&z->stream, wbits);
  if (err == Z_MEM_ERROR) raise_error(exc().MemoryError, "Can't allocate memory for decompression object");
  if (err == Z_STREAM_ERROR) raise_value_error("Invalid initialization option");
  if (err != Z_OK) raise_zlib(z->stream, err, "creating decompression object");
  z->initialized = true;
  if (z->has_zdict && wbits < 0) {
    err = inflateSetDictionary(&z->stream, reinterpret_cast<const Bytef*>(z->zdict.data()),
                               static_cast<uInt>(z->zdict.size()));
    if (err != Z_OK) raise_zlib(z->stream, err, "setting zdict");
  }
  return z;
}

// Input inflate did not take: past the end of the stream it also goes to
// unused_data; unconsumed_tail then holds it too, as CPython 3.11 leaves it.
void file_leftover(ZStreamObject* z, std::string rest, bool ended) {
  if (ended) {
    z->eof = true;
    z->unused_data += rest;
  }
  if (!rest.empty() || !z->unconsumed_tail.empty()) z->unconsumed_tail = std::move(rest);
}

// Runs inflate over `input` (with the dictionary when the stream asks for
// it), then files what was not consumed: after the end of the stream into
// unused_data, otherwise into unconsumed_tail.
std::string inflate_into(ZStreamObject* z, const std::string& input, int flush, size_t limit, const char* doing) {
  std::string out;
  size_t consumed = 0;
  int err;
  while (true) {
    err = pump(z->stream, input, consumed, out, flush, limit, inflate);
    if (err == Z_NEED_DICT && z->has_zdict) {
      int set = inflateSetDictionary(&z->stream, reinterpret_cast<const Bytef*>(z->zdict.data()),
                                     static_cast<uInt>(z->zdict.size()));
      if (set != Z_OK) raise_zlib(z->stream, set, doing);
      continue;
    }
    break;
  }
  file_leftover(z, input.substr(consumed), err == Z_STREAM_END);
  if (err != Z_OK && err != Z_BUF_ERROR && err != Z_STREAM_END) raise_zlib(z->stream, err, doing);
  return out;
}

Value decompress_decompress(const CallArgs& a) {
  ZStreamObject* z = self_stream(a, decompress_type, "decompress");
  ArgParser p(a, "decompress", {"data", "max_length"}, 1, true);
  std::string data = buffer_bytes(p.get(0));
  int64_t max_length = p.given(1) ? index_value(p.get(1)) : 0;
  if (max_length < 0) raise_value_error("max_length must be non-negative");
  if (z->eof) {
    file_leftover(z, data, true);
    return new_bytes(std::string());
  }
  if (!z->initialized) raise_zlib(z->stream, Z_STREAM_ERROR, "decompressing data");
  return new_bytes(inflate_into(z, data, Z_SYNC_FLUSH, static_cast<size_t>(max_length), "decompressing data"));
}

Value decompress_flush(const CallArgs& a) {
  ZStreamObject* z = self_stream(a, decompress_type, "flush");
  ArgParser p(a, "flush", {"length"}, 0, true);
  int64_t length = p.given(0) ? index_value(p.get(0)) : static_cast<int64_t>(kDefaultBufferSize);
  if (length <= 0) raise_value_error("length must be greater than zero");
  if (!z->initialized || z->eof) return new_bytes(std::string());
  std::string input = z->unconsumed_tail;
  std::string out = inflate_into(z, input, Z_FINISH, 0, "flushing");
  if (z->eof) {
    inflateEnd(&z->stream);
    z->initialized = false;
  }
  return new_bytes(std::move(out));
}

Value decompress_copy(const CallArgs& a) {
  ZStreamObject* z = self_stream(a, decompress_type, "copy");
  check_arg_count(a, "copy", 1, 1);
  if (!z->initialized) raise_value_error("Inconsistent stream state");
  ZStreamObject* twin = gc_new<ZStreamObject>(decompress_type, false);
  int err = inflateCopy(&twin->stream, &z->stream);
  if (err != Z_OK) raise_zlib(z->stream, err, "copying decompression object");
  twin->initialized = true;
  twin->eof = z->eof;
  twin->unused_data = z->unused_data;
  twin->unconsumed_tail = z->unconsumed_tail;
  twin->zdict = z->zdict;
  twin->has_zdict = z->has_zdict;
  return twin;
}

Value decompress_unused_data(Value self) { return new_bytes(self.as<ZStreamObject>()->unused_data); }
Value decompress_unconsumed_tail(Value self) { return new_bytes(self.as<ZStreamObject>()->unconsumed_tail); }
Value decompress_eof(Value self) { return Value::boolean(self.as<ZStreamObject>()->eof); }

// ---------------------------------------------------------------- checksums

uLong start_value(const ArgParser& p, uLong fallback) {
  if (!p.given(1)) return fallback;
  Value masked = binary_op(index_int(p.get(1)), make_int(0xFFFFFFFFLL), kAnd);
  return static_cast<uLong>(index_value(masked));
}

template <uLong (*Sum)(uLong, const Bytef*, uInt)>
Value checksum(const CallArgs& a, const char* name, uLong initial) {
  ArgParser p(a, name, {"data", "value"}, 1, false);
  std::string data = buffer_bytes(p.get(0));
  uLong value = start_value(p, initial);
  size_t done = 0;
  while (done < data.size()) {
    uInt piece = static_cast<uInt>(std::min<size_t>(data.size() - done, UINT_MAX));
    value = Sum(value, reinterpret_cast<const Bytef*>(data.data() + done), piece);
    done += piece;
  }
  return make_int(static_cast<int64_t>(value & 0xFFFFFFFFu));
}
Value zlib_crc32(const CallArgs& a) { return checksum<crc32>(a, "crc32", 0); }
Value zlib_adler32(const CallArgs& a) { return checksum<adler32>(a, "adler32", 1); }

Value no_instances(Type* type, const CallArgs&) {
  raise_type_error("cannot create 'zlib." + type->qualname + "' instances");
}

void set_int(Module* m, const char* name, int64_t value) { m->dict()->table.set(intern(name), make_int(value)); }

void init_zlib(Module* m) {
  if (zlib_error == nullptr) {
    Dict* ns = new_dict();
    ns->table.set(intern("__module__"), intern("zlib"));
    zlib_error = call(types().type, {intern("error"), new_tuple({exc().Exception}), ns}).as<Type>();
    keep_builtin_type_alive(zlib_error);
    compress_type = new_builtin_type("Compress", types().object, no_instances);
    compress_type->qualname = "Compress";
    compress_type->allows_subclassing = false;
    add_type_attr(compress_type, "__module__", intern("zlib"));
    add_method(compress_type, "compress", compress_compress);
    add_method(compress_type, "flush", compress_flush);
    add_method(compress_type, "copy", compress_copy);
    decompress_type = new_builtin_type("Decompress", types().object, no_instances);
    decompress_type->qualname = "Decompress";
    decompress_type->allows_subclassing = false;
    add_type_attr(decompress_type, "__module__", intern("zlib"));
    add_method(decompress_type, "decompress", decompress_decompress);
    add_method(decompress_type, "flush", decompress_flush);
    add_method(decompress_type, "copy", decompress_copy);
    add_getset(decompress_type, "unused_data", decompress_unused_data);
    add_getset(decompress_type, "unconsumed_tail", decompress_unconsumed_tail);
    add_getset(decompress_type, "eof", decompress_eof);
  }
  DictTable& d = m->dict()->table;
  d.set(intern("error"), zlib_error);
  d.set(intern("ZLIB_VERSION"), new_str(ZLIB_VERSION));
  d.set(intern("ZLIB_RUNTIME_VERSION"), new_str(zlibVersion()));
  add_function(m, "compress", zlib_compress);
  add_function(m, "decompress", zlib_decompress);
  add_function(m, "compressobj", zlib_compressobj);
  add_function(m, "decompressobj", zlib_decompressobj);
  add_function(m, "crc32", zlib_crc32);
  add_function(m, "adler32", zlib_adler32);
  set_int(m, "MAX_WBITS", MAX_WBITS);
  set_int(m, "DEFLATED", Z_DEFLATED);
  set_int(m, "DEF_MEM_LEVEL", 8);
  set_int(m, "DEF_BUF_SIZE", static_cast<int64_t>(kDefaultBufferSize));
  set_int(m, "Z_NO_COMPRESSION", Z_NO_COMPRESSION);
  set_int(m, "Z_BEST_SPEED", Z_BEST_SPEED);
  set_int(m, "Z_BEST_COMPRESSION", Z_BEST_COMPRESSION);
  set_int(m, "Z_DEFAULT_COMPRESSION", Z_DEFAULT_COMPRESSION);
  set_int(m, "Z_FILTERED", Z_FILTERED);
  set_int(m, "Z_HUFFMAN_ONLY", Z_HUFFMAN_ONLY);
  set_int(m, "Z_RLE", Z_RLE);
  set_int(m, "Z_FIXED", Z_FIXED);
  set_int(m, "Z_DEFAULT_STRATEGY", Z_DEFAULT_STRATEGY);
  set_int(m, "Z_NO_FLUSH", Z_NO_FLUSH);
  set_int(m, "Z_PARTIAL_FLUSH", Z_PARTIAL_FLUSH);
  set_int(m, "Z_SYNC_FLUSH", Z_SYNC_FLUSH);
  set_int(m, "Z_FULL_FLUSH", Z_FULL_FLUSH);
  set_int(m, "Z_FINISH", Z_FINISH);
  set_int(m, "Z_BLOCK", Z_BLOCK);
  set_int(m, "Z_TREES", Z_TREES);
}

}  // namespace

void register_zlib_module() { register_builtin_module("zlib", init_zlib); }

}  // namespace gilvm
