// The text codecs gilvm implements in C++: str.encode, bytes.decode,
// str(b, encoding), open(..., encoding=...) and the _codecs module all come
// here for anything beyond their UTF-8/ASCII/Latin-1 fast paths.
//
// Contract
// --------
// * Names are matched as CPython's codec lookup matches them: case, and
//   runs of spaces, hyphens and underscores, do not matter, and the usual
//   aliases (latin1, utf8, windows-1252, cp65001, ...) are known.
// * Codecs: utf-8, utf-8-sig, ascii, latin-1, utf-16 and utf-32 (each with
//   -le and -be; the plain ones write a BOM, read one if present and
//   otherwise assume little-endian, as CPython does on x86) and the
//   single-byte code pages of charmaps.inc (cp1252, iso8859-15, koi8-r, ...).
// * Error handlers: strict, ignore, replace, backslashreplace,
//   xmlcharrefreplace and namereplace (encoding only), surrogateescape and
//   surrogatepass, with CPython's results. An unknown handler name is a
//   LookupError when, and only when, an error needs it. Handlers registered
//   from Python with codecs.register_error are not consulted here.
// * Errors raise UnicodeEncodeError/UnicodeDecodeError with the five fields
//   (encoding, object, start, end, reason) CPython sets, positions counted
//   in code points (encoding) or bytes (decoding).
// * Text is gilvm's stored form: UTF-8, where lone surrogates appear in
//   their 3-byte (WTF-8) encoding.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace gilvm::codecs {

enum class Kind { Utf8, Utf8Sig, Ascii, Latin1, Utf16, Utf16Le, Utf16Be, Utf32, Utf32Le, Utf32Be, Charmap };

struct Codec {
  Kind kind;
  const char* name;               // as codecs.lookup(...).name reports it
  const char16_t* table = nullptr;  // Charmap: byte -> character, 0xFFFE undefined
};

// The codec for an encoding name, or null when gilvm has none.
const Codec* find_codec(std::string_view name);

// Encodes stored text; raises UnicodeEncodeError (or LookupError for an
// unknown handler).
std::string encode(const Codec& codec, std::string_view text, std::string_view errors);

// Decodes bytes into stored text. When `final` is false, an incomplete
// sequence at the end is left for the next call rather than reported:
// *consumed (if given) says how many bytes were used.
std::string decode(const Codec& codec, std::string_view data, std::string_view errors, bool final = true,
                   size_t* consumed = nullptr);

// \xNN, \uNNNN or \UNNNNNNNN: how backslashreplace and the Unicode errors'
// messages write a character.
std::string backslash_escape(char32_t c);

// Raises UnicodeEncodeError(encoding, text, start, end, reason) and
// UnicodeDecodeError(encoding, data, start, end, reason).
[[noreturn]] void raise_encode_error(std::string_view encoding, std::string_view text, size_t start, size_t end,
                                     std::string_view reason);
[[noreturn]] void raise_decode_error(std::string_view encoding, std::string_view data, size_t start, size_t end,
                                     std::string_view reason);

}  // namespace gilvm::codecs
