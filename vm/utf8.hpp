// UTF-8 helpers shared by the lexer, the literal decoder and ast_dump.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace gilvm::utf8 {

// Appends the UTF-8 encoding of `cp` (surrogates are encoded as WTF-8).
void append(std::string& out, char32_t cp);

// Strictly decodes the sequence starting at text[pos]. On success returns
// the code point and sets `length`; on failure returns char32_t(-1) and sets
// `length` to the number of bytes that form the invalid prefix, and
// `reason` to CPython's codec reason ("invalid start byte",
// "invalid continuation byte" or "unexpected end of data").
char32_t decode(std::string_view text, std::size_t pos, std::size_t& length,
                const char** reason = nullptr);

// Lenient decoding for already-validated (or WTF-8) text: malformed bytes
// decode as themselves, one byte at a time. Advances `pos`.
char32_t next(std::string_view text, std::size_t& pos);

// Number of code points in `text` (lenient).
std::size_t length(std::string_view text);

// str.isprintable() and str.isidentifier() per character (Unicode 14.0):
// forwards to the text library's exact tables (vm/text/unicode_props.hpp).
bool is_printable(char32_t cp);
bool is_identifier_start(char32_t cp);
bool is_identifier_continue(char32_t cp);

}  // namespace gilvm::utf8
