#include "vm/text/unicode_props.hpp"

#include <locale.h>
#include <wctype.h>

#include <algorithm>
#include <iterator>

namespace gilvm::text {

namespace {

struct CodePointRange {
  char32_t first;
  char32_t last;
};

struct SpecialCase {
  char32_t cp;
  std::uint8_t size;
  char32_t chars[3];
};

#include "vm/text/unicode_tables.inc"

// Binary search in a sorted table of disjoint ranges; returns the range
// holding `cp` or nullptr.
template <std::size_t N>
const CodePointRange* find_range(const CodePointRange (&table)[N], char32_t cp) {
  const CodePointRange* it = std::upper_bound(
      std::begin(table), std::end(table), cp,
      [](char32_t value, const CodePointRange& r) { return value < r.first; });
  if (it == std::begin(table)) return nullptr;
  --it;
  return cp <= it->last ? it : nullptr;
}

template <std::size_t N>
bool in_table(const CodePointRange (&table)[N], char32_t cp) {
  return find_range(table, cp) != nullptr;
}

template <std::size_t N>
const SpecialCase* find_special(const SpecialCase (&table)[N], char32_t cp) {
  const SpecialCase* it =
      std::lower_bound(std::begin(table), std::end(table), cp,
                       [](const SpecialCase& s, char32_t value) { return s.cp < value; });
  return (it != std::end(table) && it->cp == cp) ? it : nullptr;
}

// glibc's C.UTF-8 locale, created once and never freed. Using the *_l
// functions with it keeps the process-wide locale (which the embedding
// application owns) untouched. glibc has C.UTF-8 built in since 2.35, so
// creating it cannot fail on the supported systems.
locale_t utf8_locale() {
  static const locale_t locale = newlocale(LC_ALL_MASK, "C.UTF-8", locale_t(nullptr));
  return locale;
}

bool glibc_alpha(char32_t cp) { return iswalpha_l(static_cast<wint_t>(cp), utf8_locale()); }
bool glibc_upper(char32_t cp) { return iswupper_l(static_cast<wint_t>(cp), utf8_locale()); }
bool glibc_lower(char32_t cp) { return iswlower_l(static_cast<wint_t>(cp), utf8_locale()); }
bool glibc_print(char32_t cp) { return iswprint_l(static_cast<wint_t>(cp), utf8_locale()); }

CaseMapping single(char32_t cp) { return CaseMapping{{cp, 0, 0}, 1}; }

CaseMapping from_special(const SpecialCase& s) {
  return CaseMapping{{s.chars[0], s.size > 1 ? s.chars[1] : 0, s.size > 2 ? s.chars[2] : 0},
                     s.size};
}

}  // namespace

namespace detail {

bool nonascii_isspace(char32_t cp) {
  // Python's whitespace: bidirectional class WS, B or S, or category Zs.
  // Outside ASCII that is this fixed list (glibc omits the no-break spaces).
  switch (cp) {
    case 0x85: case 0xA0: case 0x1680: case 0x2028: case 0x2029:
    case 0x202F: case 0x205F: case 0x3000:
      return true;
    default:
      return cp >= 0x2000 && cp <= 0x200A;
  }
}

bool nonascii_isalpha(char32_t cp) {
  // glibc's "alpha" class also holds combining marks, digits of other
  // scripts and letter-like numbers; Python's holds only letters.
  return glibc_alpha(cp) && !in_table(kGlibcAlphaNotPython, cp);
}

// glibc puts titlecase letters in both the upper and lower classes.
bool nonascii_isupper(char32_t cp) { return glibc_upper(cp) && !in_table(kTitlecase, cp); }
bool nonascii_islower(char32_t cp) { return glibc_lower(cp) && !in_table(kTitlecase, cp); }

bool nonascii_isprintable(char32_t cp) {
  // glibc calls format characters, private-use characters and the non-ASCII
  // spaces printable; repr() must escape them.
  return glibc_print(cp) && !in_table(kGlibcPrintNotPython, cp);
}

bool nonascii_isidentifier_start(char32_t cp) {
  if (in_table(kIdStartNotAlpha, cp)) return true;
  return nonascii_isalpha(cp) && !in_table(kAlphaNotIdStart, cp);
}

bool nonascii_isidentifier_continue(char32_t cp) {
  return nonascii_isidentifier_start(cp) || in_table(kIdContinueNotStart, cp);
}

char32_t nonascii_to_upper(char32_t cp) {
  return static_cast<char32_t>(towupper_l(static_cast<wint_t>(cp), utf8_locale()));
}
char32_t nonascii_to_lower(char32_t cp) {
  return static_cast<char32_t>(towlower_l(static_cast<wint_t>(cp), utf8_locale()));
}

int nonascii_decimal_value(char32_t cp) {
  const CodePointRange* r = find_range(kDecimal, cp);
  return r ? static_cast<int>((cp - r->first) % 10) : -1;
}

}  // namespace detail

bool is_digit(char32_t cp) { return is_decimal(cp) || (cp >= 128 && in_table(kDigitNotDecimal, cp)); }

bool is_numeric(char32_t cp) { return is_digit(cp) || (cp >= 128 && in_table(kNumericNotDigit, cp)); }

bool is_titlecase(char32_t cp) { return cp >= 128 && in_table(kTitlecase, cp); }

bool is_case_ignorable(char32_t cp) { return in_table(kCaseIgnorable, cp); }

CaseMapping full_upper(char32_t cp) {
  if (cp >= 128) {
    if (const SpecialCase* s = find_special(kFullUpper, cp)) return from_special(*s);
  }
  return single(to_upper(cp));
}

CaseMapping full_lower(char32_t cp) {
  if (cp >= 128) {
    if (const SpecialCase* s = find_special(kFullLower, cp)) return from_special(*s);
  }
  return single(to_lower(cp));
}

CaseMapping full_title(char32_t cp) {
  if (cp >= 128) {
    if (const SpecialCase* s = find_special(kTitleNotUpper, cp)) return from_special(*s);
  }
  return full_upper(cp);
}

CaseMapping full_casefold(char32_t cp) {
  if (cp >= 128) {
    if (const SpecialCase* s = find_special(kCasefoldNotLower, cp)) return from_special(*s);
  }
  return full_lower(cp);
}

}  // namespace gilvm::text
