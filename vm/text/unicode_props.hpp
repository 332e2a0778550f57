// Per-code-point Unicode properties and case mappings, with Python's
// definitions (the ones str.isalpha, str.upper, ... use).
//
// ASCII answers come from a 128-entry table. Other code points use glibc's
// C.UTF-8 locale through the *_l functions (the process-wide locale is never
// touched), corrected by the generated tables in unicode_tables.inc where
// Python and glibc disagree or glibc has no answer. Both follow Unicode 14
// on Debian 12 (glibc 2.36, CPython 3.11).
#pragma once

#include <array>
#include <cstdint>
#include <string>

namespace gilvm::text {

namespace detail {
enum : std::uint16_t {
  kAsciiSpace = 1 << 0,
  kAsciiAlpha = 1 << 1,
  kAsciiDigit = 1 << 2,
  kAsciiUpper = 1 << 3,
  kAsciiLower = 1 << 4,
  kAsciiPrintable = 1 << 5,
  kAsciiIdStart = 1 << 6,     // letters and '_'
  kAsciiIdContinue = 1 << 7,  // letters, digits and '_'
  kAsciiHexDigit = 1 << 8,
};

constexpr std::array<std::uint16_t, 128> make_ascii_traits() {
  std::array<std::uint16_t, 128> t{};
  for (int c = 0; c < 128; ++c) {
    std::uint16_t bits = 0;
    bool upper = c >= 'A' && c <= 'Z';
    bool lower = c >= 'a' && c <= 'z';
    bool digit = c >= '0' && c <= '9';
    if ((c >= '\t' && c <= '\r') || (c >= 0x1C && c <= 0x1F) || c == ' ') bits |= kAsciiSpace;
    if (upper || lower) bits |= kAsciiAlpha | kAsciiIdStart | kAsciiIdContinue;
    if (upper) bits |= kAsciiUpper;
    if (lower) bits |= kAsciiLower;
    if (digit) bits |= kAsciiDigit | kAsciiIdContinue | kAsciiHexDigit;
    if ((c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')) bits |= kAsciiHexDigit;
    if (c == '_') bits |= kAsciiIdStart | kAsciiIdContinue;
    if (c >= 0x20 && c < 0x7F) bits |= kAsciiPrintable;
    t[c] = bits;
  }
  return t;
}
inline constexpr std::array<std::uint16_t, 128> kAsciiTraits = make_ascii_traits();

bool nonascii_isspace(char32_t cp);
bool nonascii_isalpha(char32_t cp);
bool nonascii_isupper(char32_t cp);
bool nonascii_islower(char32_t cp);
bool nonascii_isprintable(char32_t cp);
bool nonascii_isidentifier_start(char32_t cp);
bool nonascii_isidentifier_continue(char32_t cp);
char32_t nonascii_to_upper(char32_t cp);
char32_t nonascii_to_lower(char32_t cp);
int nonascii_decimal_value(char32_t cp);

inline bool ascii_has(char32_t cp, std::uint16_t trait) { return (kAsciiTraits[cp] & trait) != 0; }
}  // namespace detail

// str.isspace: includes \x1c-\x1f, \x85 and the Zs separators.
inline bool is_space(char32_t cp) {
  return cp < 128 ? detail::ascii_has(cp, detail::kAsciiSpace) : detail::nonascii_isspace(cp);
}
// str.isalpha: general categories Lu, Ll, Lt, Lm, Lo.
inline bool is_alpha(char32_t cp) {
  return cp < 128 ? detail::ascii_has(cp, detail::kAsciiAlpha) : detail::nonascii_isalpha(cp);
}
// Value 0..9 of a decimal digit (general category Nd), else -1. int() and
// float() accept every Nd digit.
inline int decimal_value(char32_t cp) {
  if (cp < 128) return (cp >= '0' && cp <= '9') ? int(cp - '0') : -1;
  return detail::nonascii_decimal_value(cp);
}
// str.isdecimal: Nd.
inline bool is_decimal(char32_t cp) { return decimal_value(cp) >= 0; }
// str.isdigit: Numeric_Type Decimal or Digit (adds e.g. superscripts).
bool is_digit(char32_t cp);
// str.isnumeric: any Numeric_Type (adds e.g. fractions, Roman numerals, CJK).
bool is_numeric(char32_t cp);
// str.isalnum: isalpha or isdecimal or isdigit or isnumeric.
inline bool is_alnum(char32_t cp) {
  if (cp < 128) return detail::ascii_has(cp, detail::kAsciiAlpha | detail::kAsciiDigit);
  return detail::nonascii_isalpha(cp) || is_numeric(cp);
}
// Lu or Other_Uppercase.
inline bool is_upper(char32_t cp) {
  return cp < 128 ? detail::ascii_has(cp, detail::kAsciiUpper) : detail::nonascii_isupper(cp);
}
// Ll or Other_Lowercase.
inline bool is_lower(char32_t cp) {
  return cp < 128 ? detail::ascii_has(cp, detail::kAsciiLower) : detail::nonascii_islower(cp);
}
// Lt (the digraphs like U+01C5 'ǅ'); used by str.istitle.
bool is_titlecase(char32_t cp);
// Cased: upper, lower or titlecase (str.title, final sigma, isupper/islower).
inline bool is_cased(char32_t cp) { return is_upper(cp) || is_lower(cp) || is_titlecase(cp); }
// Case_Ignorable (final-sigma rule of str.lower).
bool is_case_ignorable(char32_t cp);
// str.isprintable / repr(): everything except Cc, Cf, Cs, Co, Cn, Zl, Zp and
// Zs other than ' '.
inline bool is_printable(char32_t cp) {
  return cp < 128 ? detail::ascii_has(cp, detail::kAsciiPrintable)
                  : detail::nonascii_isprintable(cp);
}
// XID_Start plus '_' / XID_Continue (str.isidentifier, the lexer).
inline bool is_identifier_start(char32_t cp) {
  return cp < 128 ? detail::ascii_has(cp, detail::kAsciiIdStart)
                  : detail::nonascii_isidentifier_start(cp);
}
inline bool is_identifier_continue(char32_t cp) {
  return cp < 128 ? detail::ascii_has(cp, detail::kAsciiIdContinue)
                  : detail::nonascii_isidentifier_continue(cp);
}

// Simple (one-to-one) case mappings.
inline char32_t to_upper(char32_t cp) {
  if (cp < 128) return (cp >= 'a' && cp <= 'z') ? cp - 32 : cp;
  return detail::nonascii_to_upper(cp);
}
inline char32_t to_lower(char32_t cp) {
  if (cp < 128) return (cp >= 'A' && cp <= 'Z') ? cp + 32 : cp;
  return detail::nonascii_to_lower(cp);
}

// A full case mapping: one to three code points ('ß'.upper() == 'SS').
struct CaseMapping {
  char32_t chars[3];
  std::uint8_t size;
  void append_to(std::u32string& out) const { out.append(chars, size); }
};

// Full mappings, as str.upper/lower/title/casefold apply them to one code
// point. full_lower does not apply the context-dependent final-sigma rule;
// str_lower in case_convert.hpp does.
CaseMapping full_upper(char32_t cp);
CaseMapping full_lower(char32_t cp);
CaseMapping full_title(char32_t cp);
CaseMapping full_casefold(char32_t cp);

}  // namespace gilvm::text
