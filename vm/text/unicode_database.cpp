// The Unicode character database; see unicode_database.hpp.
//
// The embedded text (unicode_database.inc, zlib-compressed) has one record
// per line, its kind in the first letter:
//   P start cat bidi comb eaw mirrored   properties from `start` up to the
//                                        next P line ("-" for no bidi class)
//   N cp decimal digit numeric           numeric values ("-": none; the
//                                        numeric one as "n" or "n/d")
//   D cp text                            the decomposition field
//   C a b c                              NFC composes a + b into c
//   A first last PREFIX                  names PREFIX-XXXX over a range
//   M cp NAME                            one character's name
//   L NAME;cp cp ...                     an alias or named sequence
// Code points are hexadecimal. Hangul syllables are decomposed and
// composed by the arithmetic of the Unicode standard (section 3.12), not
// from tables; their names are in the M lines.
#include "vm/text/unicode_database.hpp"

#include <zlib.h>

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <mutex>
#include <stdexcept>
#include <unordered_map>
#include <vector>

namespace gilvm::text {

namespace {

#include "vm/text/unicode_database.inc"

struct Run {
  char32_t start;
  CharRecord record;
};
struct Family {
  char32_t first, last;
  std::string_view prefix;
};
struct Alias {
  std::string_view name;
  std::string_view codes;  // "0041 0300"
};

struct Database {
  std::string text;
  std::vector<Run> runs;  // sorted by start
  std::unordered_map<char32_t, NumericValue> numerics;
  std::unordered_map<char32_t, std::string_view> decompositions;
  std::unordered_map<uint64_t, char32_t> compositions;  // (a << 21) | b
  std::vector<Family> families;
  std::vector<std::pair<char32_t, std::string_view>> names;  // sorted by code point
  std::vector<Alias> aliases;
};

std::string inflate_database() {
  std::string out;
  z_stream z{};
  if (inflateInit(&z) != Z_OK) throw std::bad_alloc();
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(kUnicodeDatabase));
  z.avail_in = kUnicodeDatabaseSize;
  char buffer[1 << 16];
  int status;
  do {
    z.next_out = reinterpret_cast<Bytef*>(buffer);
    z.avail_out = sizeof buffer;
    status = inflate(&z, Z_NO_FLUSH);
    out.append(buffer, sizeof buffer - z.avail_out);
  } while (status == Z_OK);
  inflateEnd(&z);
  if (status != Z_STREAM_END) throw std::logic_error("the embedded Unicode database is corrupt");
  return out;
}

// Splits off the next space-separated field of `line`.
std::string_view field(std::string_view& line) {
  size_t space = line.find(' ');
  std::string_view f = line.substr(0, space);
  line = space == std::string_view::npos ? std::string_view() : line.substr(space + 1);
  return f;
}

long number(std::string_view s, int base = 10) {
  long v = 0;
  std::from_chars(s.data(), s.data() + s.size(), v, base);
  return v;
}
char32_t code_point(std::string_view s) { return static_cast<char32_t>(number(s, 16)); }

double parse_numeric(std::string_view s) {
  size_t slash = s.find('/');
  if (slash == std::string_view::npos) return static_cast<double>(number(s));
  return static_cast<double>(number(s.substr(0, slash))) / static_cast<double>(number(s.substr(slash + 1)));
}

const Database& database() {
  static Database* db = [] {
    auto* d = new Database;  // kept for the life of the process
    d->text = inflate_database();
    std::string_view all = d->text;
    while (!all.empty()) {
      size_t end = all.find('\n');
      std::string_view line = all.substr(0, end);
      all = all.substr(end + 1);
      char kind = line[0];
      line = line.substr(2);
      switch (kind) {
        case 'P': {
          Run r;
          r.start = code_point(field(line));
          r.record.category = field(line);
          r.record.bidirectional = field(line);
          if (r.record.bidirectional == "-") r.record.bidirectional = {};
          r.record.combining = static_cast<int>(number(field(line)));
          r.record.east_asian_width = field(line);
          r.record.mirrored = field(line) == "1";
          d->runs.push_back(r);
          break;
        }
        case 'N': {
          char32_t c = code_point(field(line));
          NumericValue v;
          std::string_view dec = field(line), dig = field(line);
          if (dec != "-") v.decimal = static_cast<int>(number(dec));
          if (dig != "-") v.digit = static_cast<int>(number(dig));
          v.numeric = parse_numeric(line);
          d->numerics[c] = v;
          break;
        }
        case 'D': {
          char32_t c = code_point(field(line));
          d->decompositions[c] = line;
          break;
        }
        case 'C': {
          uint64_t a = code_point(field(line)), b = code_point(field(line));
          d->compositions[a << 21 | b] = code_point(line);
          break;
        }
        case 'A': {
          Family f;
          f.first = code_point(field(line));
          f.last = code_point(field(line));
          f.prefix = line;
          d->families.push_back(f);
          break;
        }
        case 'M': {
          char32_t c = code_point(field(line));
          d->names.emplace_back(c, line);
          break;
        }
        case 'L': {
          size_t semicolon = line.find(';');
          d->aliases.push_back({line.substr(0, semicolon), line.substr(semicolon + 1)});
          break;
        }
        default:
          throw std::logic_error("the embedded Unicode database is corrupt");
      }
    }
    return d;
  }();
  return *db;
}

// ---- Hangul syllables (Unicode 3.12) -----------------------------------

constexpr char32_t kSBase = 0xAC00, kLBase = 0x1100, kVBase = 0x1161, kTBase = 0x11A7;
constexpr char32_t kLCount = 19, kVCount = 21, kTCount = 28, kNCount = kVCount * kTCount, kSCount = kLCount * kNCount;

bool is_hangul_syllable(char32_t c) { return c >= kSBase && c < kSBase + kSCount; }

// ---- Normalization -------------------------------------------------------

void decompose(const Database& db, char32_t c, bool compat, std::u32string& out) {
  if (is_hangul_syllable(c)) {
    char32_t s = c - kSBase;
    out.push_back(kLBase + s / kNCount);
    out.push_back(kVBase + (s % kNCount) / kTCount);
    if (s % kTCount != 0) out.push_back(kTBase + s % kTCount);
    return;
  }
  auto it = db.decompositions.find(c);
  if (it == db.decompositions.end()) {
    out.push_back(c);
    return;
  }
  std::string_view text = it->second;
  if (text[0] == '<') {
    if (!compat) {
      out.push_back(c);
      return;
    }
    field(text);  // the <tag>
  }
  while (!text.empty()) decompose(db, code_point(field(text)), compat, out);
}

int combining_class(char32_t c) { return char_record(c).combining; }

// Puts each run of non-starters in order of combining class (stably).
void canonical_order(std::u32string& s) {
  for (size_t i = 1; i < s.size(); ++i) {
    int ccc = combining_class(s[i]);
    if (ccc == 0) continue;
    size_t j = i;
    while (j > 0) {
      int before = combining_class(s[j - 1]);
      if (before <= ccc) break;
      std::swap(s[j - 1], s[j]);
      --j;
    }
  }
}

char32_t compose_pair(const Database& db, char32_t a, char32_t b) {
  if (a >= kLBase && a < kLBase + kLCount && b >= kVBase && b < kVBase + kVCount)
    return kSBase + ((a - kLBase) * kVCount + (b - kVBase)) * kTCount;
  if (is_hangul_syllable(a) && (a - kSBase) % kTCount == 0 && b > kTBase && b < kTBase + kTCount)
    return a + (b - kTBase);
  auto it = db.compositions.find(uint64_t(a) << 21 | b);
  return it == db.compositions.end() ? 0 : it->second;
}

// Canonical composition: each character joins the last starter unless a
// character between them blocks it (a starter, or one of the same or a
// higher combining class).
std::u32string compose(const Database& db, const std::u32string& in) {
  std::u32string out;
  size_t starter = std::u32string::npos;
  int last_class = 0;
  for (char32_t c : in) {
    int ccc = combining_class(c);
    if (starter != std::u32string::npos) {
      bool adjacent = starter + 1 == out.size();
      if (adjacent || (last_class != 0 && last_class < ccc)) {
        char32_t joined = compose_pair(db, out[starter], c);
        if (joined != 0) {
          out[starter] = joined;
          continue;
        }
      }
    }
    if (ccc == 0) starter = out.size();
    last_class = ccc;
    out.push_back(c);
  }
  return out;
}

bool same_name(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (std::toupper(static_cast<unsigned char>(a[i])) != std::toupper(static_cast<unsigned char>(b[i]))) return false;
  return true;
}

}  // namespace

CharRecord char_record(char32_t c) {
  const Database& db = database();
  auto it = std::upper_bound(db.runs.begin(), db.runs.end(), c, [](char32_t x, const Run& r) { return x < r.start; });
  return (it - 1)->record;
}

std::optional<NumericValue> numeric_value(char32_t c) {
  const Database& db = database();
  auto it = db.numerics.find(c);
  if (it == db.numerics.end()) return std::nullopt;
  return it->second;
}

std::string_view decomposition(char32_t c) {
  const Database& db = database();
  auto it = db.decompositions.find(c);
  return it == db.decompositions.end() ? std::string_view() : it->second;
}

std::string char_name(char32_t c) {
  const Database& db = database();
  for (const Family& f : db.families) {
    if (c >= f.first && c <= f.last) {
      char hex[16];
      std::snprintf(hex, sizeof hex, "%04X", static_cast<unsigned>(c));
      return std::string(f.prefix) + "-" + hex;
    }
  }
  auto it = std::lower_bound(db.names.begin(), db.names.end(), c,
                             [](const std::pair<char32_t, std::string_view>& e, char32_t x) { return e.first < x; });
  if (it == db.names.end() || it->first != c) return {};
  return std::string(it->second);
}

std::optional<std::u32string> lookup_name(std::string_view name, bool allow_sequences) {
  const Database& db = database();
  for (const Family& f : db.families) {
    if (name.size() > f.prefix.size() + 1 && same_name(name.substr(0, f.prefix.size()), f.prefix) &&
        name[f.prefix.size()] == '-') {
      std::string_view hex = name.substr(f.prefix.size() + 1);
      if (hex.size() < 4 || hex.size() > 6) continue;
      unsigned long c = 0;
      auto [end, error] = std::from_chars(hex.data(), hex.data() + hex.size(), c, 16);
      if (error == std::errc() && end == hex.data() + hex.size() && c >= f.first && c <= f.last)
        return std::u32string(1, static_cast<char32_t>(c));
    }
  }
  for (const auto& [c, n] : db.names)
    if (same_name(n, name)) return std::u32string(1, c);
  for (const Alias& a : db.aliases) {
    if (!same_name(a.name, name)) continue;
    std::u32string out;
    std::string_view codes = a.codes;
    while (!codes.empty()) out.push_back(code_point(field(codes)));
    if (out.size() > 1 && !allow_sequences) return std::nullopt;
    return out;
  }
  return std::nullopt;
}

bool normalize(std::string_view form, const std::u32string& in, std::u32string* out) {
  bool compat, composed;
  if (form == "NFC") {
    compat = false, composed = true;
  } else if (form == "NFD") {
    compat = false, composed = false;
  } else if (form == "NFKC") {
    compat = true, composed = true;
  } else if (form == "NFKD") {
    compat = true, composed = false;
  } else {
    return false;
  }
  const Database& db = database();
  std::u32string decomposed;
  decomposed.reserve(in.size());
  for (char32_t c : in) decompose(db, c, compat, decomposed);
  canonical_order(decomposed);
  *out = composed ? compose(db, decomposed) : std::move(decomposed);
  return true;
}

}  // namespace gilvm::text
