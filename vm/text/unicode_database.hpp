// The Unicode character database (Unicode 14.0.0, CPython 3.11's): the
// facts behind the unicodedata module and \N{...} escapes.
//
// The data is a compressed text generated from CPython's own unicodedata
// (gen_unicode_database.py), inflated the first time anything here is
// asked, once per process (thread-safe), and kept for the process's life.
// str's own predicates (isalpha, upper, ...) do not come through here:
// unicode_props.hpp answers those faster.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace gilvm::text {

struct CharRecord {
  std::string_view category;           // "Lu", "Cn", ...
  std::string_view bidirectional;      // "L", "AN", ... ("" when unassigned)
  int combining = 0;                   // canonical combining class
  std::string_view east_asian_width;   // "N", "W", "F", "H", "A", "Na"
  bool mirrored = false;
};
CharRecord char_record(char32_t c);

struct NumericValue {
  int decimal = -1;  // -1: none
  int digit = -1;
  double numeric = 0;
};
std::optional<NumericValue> numeric_value(char32_t c);

// The decomposition field ("<compat> 0020 0308", "0041 030A"), or "".
std::string_view decomposition(char32_t c);

// The character's name ("LATIN SMALL LETTER A", "CJK UNIFIED
// IDEOGRAPH-4E00", "HANGUL SYLLABLE GA"); empty when it has none.
std::string char_name(char32_t c);
// The characters a name, alias or named sequence stands for (compared
// without regard to case, as unicodedata.lookup does); nullopt if none.
// `allow_sequences` is false for \N{...}, which takes no named sequences.
std::optional<std::u32string> lookup_name(std::string_view name, bool allow_sequences = true);

// "NFC", "NFD", "NFKC", "NFKD"; false for an unknown form.
bool normalize(std::string_view form, const std::u32string& in, std::u32string* out);

}  // namespace gilvm::text
