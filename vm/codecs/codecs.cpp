// The C++ codecs; the contract is in codecs.hpp.
//
// Both directions work the same way: a loop over the input hands each
// code point (or each unit of bytes) to the codec while it is
// representable, and the first run that is not goes to the error handler
// as a whole, as CPython's handlers receive it: a strict error reports
// "characters in position 3-5", the replacing handlers put one
// replacement per character (encoding) or per bad unit (decoding).
#include "vm/codecs/codecs.hpp"

#include <cstdio>
#include <mutex>
#include <unordered_map>

#include "vm/errors.hpp"
#include "vm/objects/sequence.hpp"
#include "vm/objects/str.hpp"
#include "vm/ops.hpp"
#include "vm/text/unicode_database.hpp"
#include "vm/text/utf8.hpp"

namespace gilvm::codecs {

namespace {

struct CharmapEntry {
  const char* name;
  const char* aliases;  // space-separated
  const char16_t* table;
};

#include "vm/codecs/charmaps.inc"

// CPython's normalisation of an encoding name for lookup: lower case, and
// each run of characters other than letters, digits and '.' one '_'.
std::string normalize_name(std::string_view name) {
  std::string out;
  bool pending = false;
  for (char ch : name) {
    unsigned char c = static_cast<unsigned char>(ch);
    if (std::isalnum(c) || c == '.') {
      if (pending && !out.empty()) out.push_back('_');
      pending = false;
      out.push_back(static_cast<char>(std::tolower(c)));
    } else {
      pending = true;
    }
  }
  return out;
}

struct Registry {
  std::unordered_map<std::string, Codec> by_name;

  void add(const Codec& codec, std::initializer_list<const char*> aliases) {
    by_name[normalize_name(codec.name)] = codec;
    for (const char* alias : aliases) by_name[normalize_name(alias)] = codec;
  }

  Registry() {
    add({Kind::Utf8, "utf-8"}, {"utf8", "u8", "utf", "utf8_ucs2", "utf8_ucs4", "cp65001"});
    add({Kind::Utf8Sig, "utf-8-sig"}, {"utf8_sig"});
    add({Kind::Ascii, "ascii"}, {"646", "us", "us_ascii", "ansi_x3.4_1968", "ansi_x3_4_1968", "ansi_x3.4_1986",
                                 "cp367", "csascii", "ibm367", "iso646_us", "iso_646.irv_1991", "iso_ir_6"});
    add({Kind::Latin1, "iso8859-1"}, {"latin_1", "latin1", "latin", "l1", "iso_8859_1", "iso8859_1", "8859",
                                      "cp819", "ibm819", "iso_ir_100", "csisolatin1", "iso_8859_1_1987"});
    add({Kind::Utf16, "utf-16"}, {"utf16", "u16"});
    add({Kind::Utf16Le, "utf-16-le"}, {"utf_16le", "unicodelittleunmarked"});
    add({Kind::Utf16Be, "utf-16-be"}, {"utf_16be", "unicodebigunmarked"});
    add({Kind::Utf32, "utf-32"}, {"utf32", "u32"});
    add({Kind::Utf32Le, "utf-32-le"}, {"utf_32le"});
    add({Kind::Utf32Be, "utf-32-be"}, {"utf_32be"});
    for (const CharmapEntry& e : kCharmaps) {
      Codec codec{Kind::Charmap, e.name, e.table};
      by_name[normalize_name(e.name)] = codec;
      std::string_view aliases = e.aliases;
      while (!aliases.empty()) {
        size_t space = aliases.find(' ');
        by_name[normalize_name(aliases.substr(0, space))] = codec;
        aliases = space == std::string_view::npos ? std::string_view() : aliases.substr(space + 1);
      }
    }
  }
};

const Registry& registry() {
  static const Registry r;
  return r;
}

// The codec's name in error messages.
std::string_view error_name(const Codec& c) {
  switch (c.kind) {
    case Kind::Utf8:
    case Kind::Utf8Sig: return "utf-8";
    case Kind::Latin1: return "latin-1";
    case Kind::Charmap: return "charmap";
    default: return c.name;
  }
}

bool is_surrogate(char32_t c) { return c >= 0xD800 && c < 0xE000; }

// Little-endian for the unmarked plain codecs (the byte order of x86).
bool big_endian(Kind k) { return k == Kind::Utf16Be || k == Kind::Utf32Be; }
bool is_utf16(Kind k) { return k == Kind::Utf16 || k == Kind::Utf16Le || k == Kind::Utf16Be; }
bool is_utf32(Kind k) { return k == Kind::Utf32 || k == Kind::Utf32Le || k == Kind::Utf32Be; }
bool is_utf8(Kind k) { return k == Kind::Utf8 || k == Kind::Utf8Sig; }

void put_unit(std::string& out, uint32_t unit, int bytes, bool big) {
  for (int i = 0; i < bytes; ++i) {
    int shift = big ? 8 * (bytes - 1 - i) : 8 * i;
    out.push_back(static_cast<char>((unit >> shift) & 0xFF));
  }
}

// ---- encoding ------------------------------------------------------------

class Encoder {
 public:
  Encoder(const Codec& codec, std::string_view text, std::string_view errors)
      : codec_(codec), text_(text), errors_(errors) {}

  std::string run() {
    if (codec_.kind == Kind::Utf8Sig) out_ += "\xEF\xBB\xBF";
    if (codec_.kind == Kind::Utf16) put_unit(out_, 0xFEFF, 2, false);
    if (codec_.kind == Kind::Utf32) put_unit(out_, 0xFEFF, 4, false);
    std::u32string chars = text::decode_utf8(text_);
    for (size_t i = 0; i < chars.size();) {
      if (put(chars[i])) {
        ++i;
        continue;
      }
      size_t end = i + 1;
      while (end < chars.size() && !representable(chars[end])) ++end;
      handle(chars, i, end);
      i = end;
    }
    return std::move(out_);
  }

 private:
  bool representable(char32_t c) const {
    switch (codec_.kind) {
      case Kind::Ascii: return c < 0x80;
      case Kind::Latin1: return c < 0x100;
      case Kind::Charmap: return reverse().count(c) != 0;
      default: return !is_surrogate(c);
    }
  }

  const std::unordered_map<char32_t, unsigned char>& reverse() const {
    if (reverse_.empty())
      for (int b = 0; b < 256; ++b)
        if (codec_.table[b] != 0xFFFE) reverse_.emplace(codec_.table[b], static_cast<unsigned char>(b));
    return reverse_;
  }

  const char* reason() const {
    switch (codec_.kind) {
      case Kind::Ascii: return "ordinal not in range(128)";
      case Kind::Latin1: return "ordinal not in range(256)";
      case Kind::Charmap: return "character maps to <undefined>";
      default: return "surrogates not allowed";
    }
  }

  // Writes c if the codec can; surrogates only when `raw` (surrogatepass).
  bool put(char32_t c, bool raw = false) {
    if (!raw && !representable(c)) return false;
    Kind k = codec_.kind;
    if (is_utf8(k)) {
      text::append_utf8(out_, c);
    } else if (is_utf16(k)) {
      bool big = big_endian(k);
      if (c >= 0x10000) {
        put_unit(out_, 0xD800 + ((c - 0x10000) >> 10), 2, big);
        put_unit(out_, 0xDC00 + ((c - 0x10000) & 0x3FF), 2, big);
      } else {
        put_unit(out_, c, 2, big);
      }
    } else if (is_utf32(k)) {
      put_unit(out_, c, 4, big_endian(k));
    } else if (k == Kind::Charmap) {
      out_.push_back(static_cast<char>(reverse().at(c)));
    } else {
      out_.push_back(static_cast<char>(c));
    }
    return true;
  }

  void put_ascii(std::string_view s) {
    for (char ch : s) put(static_cast<unsigned char>(ch));
  }

  [[noreturn]] void strict(size_t start, size_t end) {
    raise_encode_error(error_name(codec_), text_, start, end, reason());
  }

  void handle(const std::u32string& chars, size_t start, size_t end) {
    if (errors_ == "strict") strict(start, end);
    if (errors_ == "ignore") return;
    for (size_t i = start; i < end; ++i) {
      char32_t c = chars[i];
      if (errors_ == "replace") {
        put('?');
      } else if (errors_ == "backslashreplace") {
        put_ascii(backslash_escape(c));
      } else if (errors_ == "xmlcharrefreplace") {
        put_ascii("&#" + std::to_string(static_cast<uint32_t>(c)) + ";");
      } else if (errors_ == "namereplace") {
        std::string name = text::char_name(c);
        put_ascii(name.empty() ? backslash_escape(c) : "\\N{" + name + "}");
      } else if (errors_ == "surrogateescape") {
        bool byte_codec = codec_.kind == Kind::Ascii || codec_.kind == Kind::Latin1 ||
                          codec_.kind == Kind::Charmap || is_utf8(codec_.kind);
        if (!byte_codec || c < 0xDC80 || c > 0xDCFF) strict(start, end);
        out_.push_back(static_cast<char>(c - 0xDC00));
      } else if (errors_ == "surrogatepass") {
        bool unicode_codec = is_utf8(codec_.kind) || is_utf16(codec_.kind) || is_utf32(codec_.kind);
        if (!unicode_codec || !is_surrogate(c)) strict(start, end);
        put(c, /*raw=*/true);
      } else {
        raise_error(exc().LookupError, "unknown error handler name '" + std::string(errors_) + "'");
      }
    }
  }

  const Codec& codec_;
  std::string_view text_;
  std::string_view errors_;
  std::string out_;
  mutable std::unordered_map<char32_t, unsigned char> reverse_;
};

// ---- decoding ------------------------------------------------------------

class Decoder {
 public:
  Decoder(const Codec& codec, std::string_view data, std::string_view errors, bool final)
      : codec_(codec), data_(data), errors_(errors), final_(final) {}

  std::string run(size_t* consumed) {
    size_t pos = 0;
    Kind k = codec_.kind;
    if (is_utf8(k)) {
      pos = utf8(k == Kind::Utf8Sig ? skip_bom("\xEF\xBB\xBF") : 0);
    } else if (is_utf16(k) || is_utf32(k)) {
      int width = is_utf16(k) ? 2 : 4;
      bool big = big_endian(k);
      size_t start = 0;
      if (k == Kind::Utf16 || k == Kind::Utf32) {
        // A byte-order mark says which; without one, little-endian.
        std::string_view le = width == 2 ? std::string_view("\xFF\xFE", 2) : std::string_view("\xFF\xFE\0\0", 4);
        std::string_view be = width == 2 ? std::string_view("\xFE\xFF", 2) : std::string_view("\0\0\xFE\xFF", 4);
        if (data_.substr(0, width) == le) {
          start = width;
        } else if (data_.substr(0, width) == be) {
          start = width;
          big = true;
        } else if (!final_ && data_.size() < static_cast<size_t>(width)) {
          if (consumed) *consumed = 0;  // too short to tell yet
          return {};
        }
      }
      big_ = big;
      pos = width == 2 ? utf16(start, big) : utf32(start, big);
    } else {
      pos = single_byte();
    }
    if (consumed) *consumed = pos;
    return std::move(out_);
  }

 private:
  size_t skip_bom(std::string_view bom) { return data_.substr(0, bom.size()) == bom ? bom.size() : 0; }

  [[noreturn]] void strict(size_t start, size_t end, std::string_view reason) {
    std::string_view name = error_name(codec_);
    // The plain codecs report the byte order they settled on.
    if (codec_.kind == Kind::Utf16) name = big_ ? "utf-16-be" : "utf-16-le";
    if (codec_.kind == Kind::Utf32) name = big_ ? "utf-32-be" : "utf-32-le";
    raise_decode_error(name, data_, start, end, reason);
  }

  // The handlers for the bad bytes [start, end); returns where decoding
  // resumes. `surrogate` is the lone surrogate those bytes hold, for
  // surrogatepass (0: none). surrogateescape escapes only the leading bytes
  // it can (those from 0x80) and decoding resumes after them, so what
  // follows may fail anew, as in CPython.
  size_t handle(size_t start, size_t end, std::string_view reason, char32_t surrogate = 0) {
    if (errors_ == "strict") strict(start, end, reason);
    if (errors_ == "ignore") return end;
    if (errors_ == "surrogateescape") {
      size_t i = start;
      while (i < end && static_cast<unsigned char>(data_[i]) >= 0x80) text::append_utf8(out_, 0xDC00 + static_cast<unsigned char>(data_[i++]));
      if (i == start) strict(start, end, reason);
      return i;
    }
    if (errors_ == "replace") {
      text::append_utf8(out_, 0xFFFD);
    } else if (errors_ == "backslashreplace") {
      for (size_t i = start; i < end; ++i) {
        char buf[8];
        std::snprintf(buf, sizeof buf, "\\x%02x", static_cast<unsigned char>(data_[i]));
        out_ += buf;
      }
    } else if (errors_ == "surrogatepass") {
      if (surrogate == 0) strict(start, end, reason);
      text::append_utf8(out_, surrogate);
      return start + (is_utf16(codec_.kind) ? 2 : 4);  // the one code unit holding it
    } else if (errors_ == "xmlcharrefreplace" || errors_ == "namereplace") {
      raise_type_error("don't know how to handle UnicodeDecodeError in error callback");
    } else {
      raise_error(exc().LookupError, "unknown error handler name '" + std::string(errors_) + "'");
    }
    return end;
  }

  size_t utf8(size_t pos) {
    bool pass = errors_ == "surrogatepass";
    while (pos < data_.size()) {
      std::string_view rest = data_.substr(pos);
      text::Utf8Check check = text::check_utf8(rest, pass);
      if (check.valid) {
        out_.append(rest);
        return data_.size();
      }
      out_.append(rest.substr(0, check.error_start));
      size_t bad = pos + check.error_start, bad_end = pos + check.error_end;
      if (!final_ && bad_end == data_.size() && std::string_view(check.reason) == "unexpected end of data")
        return bad;  // the rest may come with the next call
      pos = handle(bad, bad_end, check.reason);
    }
    return pos;
  }

  uint32_t unit(size_t at, int width, bool big) const {
    uint32_t v = 0;
    for (int i = 0; i < width; ++i) {
      uint32_t b = static_cast<unsigned char>(data_[at + i]);
      v |= big ? b << (8 * (width - 1 - i)) : b << (8 * i);
    }
    return v;
  }

  size_t utf16(size_t pos, bool big) {
    while (pos < data_.size()) {
      if (data_.size() - pos < 2) {
        if (!final_) return pos;
        pos = handle(pos, data_.size(), "truncated data");
        continue;
      }
      char32_t c = unit(pos, 2, big);
      if (c < 0xD800 || c >= 0xE000) {
        text::append_utf8(out_, c);
        pos += 2;
      } else if (c >= 0xDC00) {
        pos = handle(pos, pos + 2, "illegal encoding", c);
      } else if (data_.size() - pos < 4) {
        if (!final_) return pos;
        pos = handle(pos, data_.size(), "unexpected end of data", c);
      } else {
        char32_t low = unit(pos + 2, 2, big);
        if (low >= 0xDC00 && low < 0xE000) {
          text::append_utf8(out_, 0x10000 + ((c - 0xD800) << 10) + (low - 0xDC00));
          pos += 4;
        } else {
          pos = handle(pos, pos + 2, "illegal UTF-16 surrogate", c);
        }
      }
    }
    return pos;
  }

  size_t utf32(size_t pos, bool big) {
    while (pos < data_.size()) {
      if (data_.size() - pos < 4) {
        if (!final_) return pos;
        pos = handle(pos, data_.size(), "truncated data");
        continue;
      }
      char32_t c = unit(pos, 4, big);
      if (c >= 0x110000) {
        pos = handle(pos, pos + 4, "code point not in range(0x110000)");
      } else if (is_surrogate(c)) {
        pos = handle(pos, pos + 4, "code point in surrogate code point range(0xd800, 0xe000)", c);
      } else {
        text::append_utf8(out_, c);
        pos += 4;
      }
    }
    return pos;
  }

  size_t single_byte() {
    for (size_t i = 0; i < data_.size(); ++i) {
      unsigned char b = static_cast<unsigned char>(data_[i]);
      char32_t c = b;
      if (codec_.kind == Kind::Charmap) c = codec_.table[b];
      if (codec_.kind == Kind::Ascii && b >= 0x80) {
        handle(i, i + 1, "ordinal not in range(128)");
      } else if (c == 0xFFFE) {
        handle(i, i + 1, "character maps to <undefined>");
      } else {
        text::append_utf8(out_, c);
      }
    }
    return data_.size();
  }

  const Codec& codec_;
  std::string_view data_;
  std::string_view errors_;
  bool final_;
  bool big_ = false;
  std::string out_;
};

}  // namespace

std::string backslash_escape(char32_t c) {
  char buf[16];
  if (c < 0x100)
    std::snprintf(buf, sizeof buf, "\\x%02x", static_cast<unsigned>(c));
  else if (c < 0x10000)
    std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(c));
  else
    std::snprintf(buf, sizeof buf, "\\U%08x", static_cast<unsigned>(c));
  return buf;
}

const Codec* find_codec(std::string_view name) {
  const Registry& r = registry();
  auto it = r.by_name.find(normalize_name(name));
  return it == r.by_name.end() ? nullptr : &it->second;
}

std::string encode(const Codec& codec, std::string_view text, std::string_view errors) {
  return Encoder(codec, text, errors).run();
}

std::string decode(const Codec& codec, std::string_view data, std::string_view errors, bool final, size_t* consumed) {
  return Decoder(codec, data, errors, final).run(consumed);
}

void raise_encode_error(std::string_view encoding, std::string_view text, size_t start, size_t end,
                        std::string_view reason) {
  Value args[5] = {new_str(encoding), Value(), Value::small_int(static_cast<int64_t>(start)),
                   Value::small_int(static_cast<int64_t>(end)), Value()};
  args[1] = new_str(text);
  args[4] = new_str(reason);
  raise_exception(call_object(exc().UnicodeEncodeError, CallArgs{args, 5}));
}

void raise_decode_error(std::string_view encoding, std::string_view data, size_t start, size_t end,
                        std::string_view reason) {
  Value args[5] = {new_str(encoding), Value(), Value::small_int(static_cast<int64_t>(start)),
                   Value::small_int(static_cast<int64_t>(end)), Value()};
  args[1] = new_bytes(std::string(data));
  args[4] = new_str(reason);
  raise_exception(call_object(exc().UnicodeDecodeError, CallArgs{args, 5}));
}

}  // namespace gilvm::codecs
