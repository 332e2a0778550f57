// Exact Unicode 14.0 character classes (generated tables, see the .cpp).
#pragma once

namespace gilvm::unicode {

struct CodeRange {
  char32_t first;
  char32_t last;
};

// str.isprintable() for one character.
bool is_printable(char32_t cp);
// Whether the character may start / continue an identifier.
bool is_identifier_start(char32_t cp);
bool is_identifier_continue(char32_t cp);

}  // namespace gilvm::unicode
