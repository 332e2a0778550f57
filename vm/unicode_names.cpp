// \N{NAME} lookup without a Unicode database.
//
// gilvm carries no copy of the Unicode name table. Names are resolved from
// the algorithmic families (LATIN/GREEK/CYRILLIC letters, DIGIT x,
// CJK UNIFIED IDEOGRAPH-XXXX) plus a table of the names that appear in real
// programs. Unknown names are a SyntaxError, like a misspelled name is in
// CPython. Matching is case-insensitive, as in unicodedata.lookup().
#include "vm/unicode_names.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

namespace gilvm {
namespace {

struct NamedChar {
  const char* name;
  char32_t code;
};

// Sorted by name.
constexpr NamedChar kNames[] = {
    {"ALMOST EQUAL TO", 0x2248},
    {"AMPERSAND", 0x0026},
    {"ANGSTROM SIGN", 0x212B},
    {"APOSTROPHE", 0x0027},
    {"ARABIC LETTER ALEF", 0x0627},
    {"ASTERISK", 0x002A},
    {"BACKSPACE", 0x0008},
    {"BALLOT X", 0x2717},
    {"BLACK CIRCLE", 0x25CF},
    {"BLACK HEART SUIT", 0x2665},
    {"BLACK SQUARE", 0x25A0},
    {"BLACK STAR", 0x2605},
    {"BOX DRAWINGS LIGHT HORIZONTAL", 0x2500},
    {"BOX DRAWINGS LIGHT VERTICAL", 0x2502},
    {"BULLET", 0x2022},
    {"BYTE ORDER MARK", 0xFEFF},
    {"CARRIAGE RETURN", 0x000D},
    {"CENT SIGN", 0x00A2},
    {"CHARACTER TABULATION", 0x0009},
    {"CHECK MARK", 0x2713},
    {"CIRCUMFLEX ACCENT", 0x005E},
    {"COLON", 0x003A},
    {"COMBINING ACUTE ACCENT", 0x0301},
    {"COMBINING DIAERESIS", 0x0308},
    {"COMBINING GRAVE ACCENT", 0x0300},
    {"COMMA", 0x002C},
    {"COMMERCIAL AT", 0x0040},
    {"COPYRIGHT SIGN", 0x00A9},
    {"CR", 0x000D},
    {"CURRENCY SIGN", 0x00A4},
    {"CYRILLIC CAPITAL LETTER A", 0x0410},
    {"CYRILLIC SMALL LETTER A", 0x0430},
    {"DAGGER", 0x2020},
    {"DARK SHADE", 0x2593},
    {"DEGREE SIGN", 0x00B0},
    {"DELETE", 0x007F},
    {"DEVANAGARI LETTER A", 0x0905},
    {"DIAERESIS", 0x00A8},
    {"DIVISION SIGN", 0x00F7},
    {"DOLLAR SIGN", 0x0024},
    {"DOUBLE DAGGER", 0x2021},
    {"DOUBLE PRIME", 0x2033},
    {"DOWNWARDS ARROW", 0x2193},
    {"ELEMENT OF", 0x2208},
    {"EM DASH", 0x2014},
    {"EM SPACE", 0x2003},
    {"EMPTY SET", 0x2205},
    {"EN DASH", 0x2013},
    {"EN SPACE", 0x2002},
    {"EQUALS SIGN", 0x003D},
    {"ESCAPE", 0x001B},
    {"EURO SIGN", 0x20AC},
    {"EXCLAMATION MARK", 0x0021},
    {"FACE WITH TEARS OF JOY", 0x1F602},
    {"FIRE", 0x1F525},
    {"FOR ALL", 0x2200},
    {"FORM FEED", 0x000C},
    {"FULL BLOCK", 0x2588},
    {"FULL STOP", 0x002E},
    {"GRAVE ACCENT", 0x0060},
    {"GREATER-THAN OR EQUAL TO", 0x2265},
    {"GREATER-THAN SIGN", 0x003E},
    {"GRINNING FACE", 0x1F600},
    {"HAIR SPACE", 0x200A},
    {"HEAVY BLACK HEART", 0x2764},
    {"HEAVY CHECK MARK", 0x2714},
    {"HEBREW LETTER ALEF", 0x05D0},
    {"HIRAGANA LETTER A", 0x3042},
    {"HORIZONTAL BAR", 0x2015},
    {"HORIZONTAL ELLIPSIS", 0x2026},
    {"HYPHEN-MINUS", 0x002D},
    {"IDENTICAL TO", 0x2261},
    {"IDEOGRAPHIC SPACE", 0x3000},
    {"INFINITY", 0x221E},
    {"INTEGRAL", 0x222B},
    {"INTERSECTION", 0x2229},
    {"INVERTED EXCLAMATION MARK", 0x00A1},
    {"INVERTED QUESTION MARK", 0x00BF},
    {"KATAKANA LETTER A", 0x30A2},
    {"KELVIN SIGN", 0x212A},
    {"LATIN CAPITAL LETTER A WITH DIAERESIS", 0x00C4},
    {"LATIN CAPITAL LETTER O WITH DIAERESIS", 0x00D6},
    {"LATIN CAPITAL LETTER U WITH DIAERESIS", 0x00DC},
    {"LATIN SMALL LETTER A WITH DIAERESIS", 0x00E4},
    {"LATIN SMALL LETTER A WITH GRAVE", 0x00E0},
    {"LATIN SMALL LETTER C WITH CEDILLA", 0x00E7},
    {"LATIN SMALL LETTER DOTLESS I", 0x0131},
    {"LATIN SMALL LETTER E WITH ACUTE", 0x00E9},
    {"LATIN SMALL LETTER E WITH GRAVE", 0x00E8},
    {"LATIN SMALL LETTER N WITH TILDE", 0x00F1},
    {"LATIN SMALL LETTER O WITH DIAERESIS", 0x00F6},
    {"LATIN SMALL LETTER SHARP S", 0x00DF},
    {"LATIN SMALL LETTER U WITH DIAERESIS", 0x00FC},
    {"LATIN SMALL LIGATURE FI", 0xFB01},
    {"LEFT CURLY BRACKET", 0x007B},
    {"LEFT DOUBLE QUOTATION MARK", 0x201C},
    {"LEFT PARENTHESIS", 0x0028},
    {"LEFT RIGHT ARROW", 0x2194},
    {"LEFT SINGLE QUOTATION MARK", 0x2018},
    {"LEFT SQUARE BRACKET", 0x005B},
    {"LEFT-POINTING DOUBLE ANGLE QUOTATION MARK", 0x00AB},
    {"LEFT-TO-RIGHT MARK", 0x200E},
    {"LEFTWARDS ARROW", 0x2190},
    {"LESS-THAN OR EQUAL TO", 0x2264},
    {"LESS-THAN SIGN", 0x003C},
    {"LF", 0x000A},
    {"LIGHT SHADE", 0x2591},
    {"LINE FEED", 0x000A},
    {"LINE SEPARATOR", 0x2028},
    {"LOGICAL AND", 0x2227},
    {"LOGICAL OR", 0x2228},
    {"LOW LINE", 0x005F},
    {"MEDIUM SHADE", 0x2592},
    {"MICRO SIGN", 0x00B5},
    {"MIDDLE DOT", 0x00B7},
    {"MINUS SIGN", 0x2212},
    {"MULTIPLICATION SIGN", 0x00D7},
    {"N-ARY PRODUCT", 0x220F},
    {"N-ARY SUMMATION", 0x2211},
    {"NABLA", 0x2207},
    {"NARROW NO-BREAK SPACE", 0x202F},
    {"NBSP", 0x00A0},
    {"NEW LINE", 0x000A},
    {"NO-BREAK SPACE", 0x00A0},
    {"NOT EQUAL TO", 0x2260},
    {"NOT SIGN", 0x00AC},
    {"NULL", 0x0000},
    {"NUMBER SIGN", 0x0023},
    {"OHM SIGN", 0x2126},
    {"PARAGRAPH SEPARATOR", 0x2029},
    {"PARTIAL DIFFERENTIAL", 0x2202},
    {"PARTY POPPER", 0x1F389},
    {"PER MILLE SIGN", 0x2030},
    {"PERCENT SIGN", 0x0025},
    {"PILCROW SIGN", 0x00B6},
    {"PILE OF POO", 0x1F4A9},
    {"PLUS SIGN", 0x002B},
    {"PLUS-MINUS SIGN", 0x00B1},
    {"POUND SIGN", 0x00A3},
    {"PRIME", 0x2032},
    {"QUESTION MARK", 0x003F},
    {"QUOTATION MARK", 0x0022},
    {"RED APPLE", 0x1F34E},
    {"REGISTERED SIGN", 0x00AE},
    {"REPLACEMENT CHARACTER", 0xFFFD},
    {"REVERSE SOLIDUS", 0x005C},
    {"RIGHT CURLY BRACKET", 0x007D},
    {"RIGHT DOUBLE QUOTATION MARK", 0x201D},
    {"RIGHT PARENTHESIS", 0x0029},
    {"RIGHT SINGLE QUOTATION MARK", 0x2019},
    {"RIGHT SQUARE BRACKET", 0x005D},
    {"RIGHT-POINTING DOUBLE ANGLE QUOTATION MARK", 0x00BB},
    {"RIGHT-TO-LEFT MARK", 0x200F},
    {"RIGHTWARDS ARROW", 0x2192},
    {"RIGHTWARDS DOUBLE ARROW", 0x21D2},
    {"ROCKET", 0x1F680},
    {"SECTION SIGN", 0x00A7},
    {"SEMICOLON", 0x003B},
    {"SMILING FACE WITH SMILING EYES", 0x1F60A},
    {"SNAKE", 0x1F40D},
    {"SNOWMAN", 0x2603},
    {"SOFT HYPHEN", 0x00AD},
    {"SOLIDUS", 0x002F},
    {"SPACE", 0x0020},
    {"SPARKLES", 0x2728},
    {"SQUARE ROOT", 0x221A},
    {"SUBSCRIPT ONE", 0x2081},
    {"SUBSCRIPT TWO", 0x2082},
    {"SUBSCRIPT ZERO", 0x2080},
    {"SUPERSCRIPT ONE", 0x00B9},
    {"SUPERSCRIPT THREE", 0x00B3},
    {"SUPERSCRIPT TWO", 0x00B2},
    {"TAB", 0x0009},
    {"THERE EXISTS", 0x2203},
    {"THIN SPACE", 0x2009},
    {"THUMBS UP SIGN", 0x1F44D},
    {"TILDE", 0x007E},
    {"TRADE MARK SIGN", 0x2122},
    {"UNION", 0x222A},
    {"UPWARDS ARROW", 0x2191},
    {"VERTICAL LINE", 0x007C},
    {"VULGAR FRACTION ONE HALF", 0x00BD},
    {"VULGAR FRACTION ONE QUARTER", 0x00BC},
    {"WHITE CIRCLE", 0x25CB},
    {"WHITE SMILING FACE", 0x263A},
    {"WHITE SQUARE", 0x25A1},
    {"WHITE STAR", 0x2606},
    {"WORD JOINER", 0x2060},
    {"YEN SIGN", 0x00A5},
    {"ZERO WIDTH JOINER", 0x200D},
    {"ZERO WIDTH NO-BREAK SPACE", 0xFEFF},
    {"ZERO WIDTH NON-JOINER", 0x200C},
    {"ZERO WIDTH SPACE", 0x200B},
};

constexpr std::array<const char*, 24> kGreekLetters = {
    "ALPHA", "BETA", "GAMMA", "DELTA", "EPSILON", "ZETA", "ETA", "THETA", "IOTA", "KAPPA", "LAMDA", "MU", "NU", "XI", "OMICRON", "PI", "RHO", "SIGMA", "TAU", "UPSILON", "PHI", "CHI", "PSI", "OMEGA"};

std::string upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

bool strip_prefix(std::string_view& s, std::string_view prefix) {
  if (s.substr(0, prefix.size()) != prefix) return false;
  s.remove_prefix(prefix.size());
  return true;
}

char32_t algorithmic(std::string_view name) {
  static constexpr std::array<const char*, 10> kDigits = {
      "ZERO", "ONE", "TWO", "THREE", "FOUR", "FIVE", "SIX", "SEVEN", "EIGHT", "NINE"};
  if (strip_prefix(name, "DIGIT ")) {
    for (std::size_t d = 0; d < kDigits.size(); ++d) {
      if (name == kDigits[d]) return static_cast<char32_t>('0' + d);
    }
    return 0;
  }
  if (strip_prefix(name, "LATIN ")) {
    bool small = strip_prefix(name, "SMALL LETTER ");
    if (!small && !strip_prefix(name, "CAPITAL LETTER ")) return 0;
    if (name.size() != 1 || name[0] < 'A' || name[0] > 'Z') return 0;
    return static_cast<char32_t>(small ? name[0] - 'A' + 'a' : name[0]);
  }
  if (strip_prefix(name, "GREEK ")) {
    bool small = strip_prefix(name, "SMALL LETTER ");
    if (!small && !strip_prefix(name, "CAPITAL LETTER ")) return 0;
    for (std::size_t k = 0; k < kGreekLetters.size(); ++k) {
      if (name != kGreekLetters[k]) continue;
      // Capital letters skip U+03A2 (there is no capital final sigma).
      char32_t cp = static_cast<char32_t>(0x391 + k + (k >= 17 ? 1 : 0));
      return small ? cp + 0x20 : cp;
    }
    return 0;
  }
  if (strip_prefix(name, "CJK UNIFIED IDEOGRAPH-")) {
    if (name.size() < 4 || name.size() > 5) return 0;
    char32_t cp = 0;
    for (char c : name) {
      int d = std::isdigit(static_cast<unsigned char>(c)) ? c - '0'
              : (c >= 'A' && c <= 'F')                     ? c - 'A' + 10
                                                          : -1;
      if (d < 0) return 0;
      cp = cp * 16 + static_cast<char32_t>(d);
    }
    return cp >= 0x3400 ? cp : 0;
  }
  return 0;
}

}  // namespace

char32_t lookup_unicode_name(std::string_view name) {
  std::string key = upper(name);
  if (char32_t cp = algorithmic(key)) return cp;
  auto it = std::lower_bound(
      std::begin(kNames), std::end(kNames), key,
      [](const NamedChar& entry, const std::string& k) { return k.compare(entry.name) > 0; });
  if (it != std::end(kNames) && key == it->name) return it->code;
  return 0;
}

}  // namespace gilvm
