#include "vm/text/case_convert.hpp"

#include "vm/text/unicode_props.hpp"
#include "vm/text/utf8.hpp"

namespace gilvm::text {

namespace {

constexpr char32_t kCapitalSigma = 0x03A3;
constexpr char32_t kSmallSigma = 0x03C3;
constexpr char32_t kFinalSigma = 0x03C2;

char ascii_upper(char c) { return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 32) : c; }
char ascii_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }

void append_mapping(std::string& out, const CaseMapping& m) {
  for (int i = 0; i < m.size; ++i) append_utf8(out, m.chars[i]);
}

// A capital sigma at byte offset `at` (length 2) lowers to the final form
// when a cased letter precedes it and none follows it, skipping
// case-ignorable characters (apostrophes, combining marks) both ways.
bool is_final_sigma(std::string_view text, std::size_t at) {
  std::size_t pos = at;
  bool cased_before = false;
  while (pos > 0) {
    char32_t cp = decode_utf8_backward(text, pos);
    if (!is_case_ignorable(cp)) {
      cased_before = is_cased(cp);
      break;
    }
  }
  if (!cased_before) return false;
  pos = at + 2;
  while (pos < text.size()) {
    char32_t cp = decode_utf8(text, pos);
    if (!is_case_ignorable(cp)) return !is_cased(cp);
  }
  return true;
}

// Lower-cases the code point at `start` (already decoded as `cp`).
void append_lower(std::string& out, std::string_view text, std::size_t start, char32_t cp) {
  if (cp == kCapitalSigma) {
    append_utf8(out, is_final_sigma(text, start) ? kFinalSigma : kSmallSigma);
  } else {
    append_mapping(out, full_lower(cp));
  }
}

template <typename AsciiMap, typename Map>
std::string map_each(std::string_view text, AsciiMap ascii_map, Map map) {
  std::string out;
  out.reserve(text.size());
  if (is_ascii(text)) {
    for (char c : text) out.push_back(ascii_map(c));
    return out;
  }
  for (std::size_t pos = 0; pos < text.size();) {
    const std::size_t start = pos;
    char32_t cp = decode_utf8(text, pos);
    map(out, start, cp);
  }
  return out;
}

}  // namespace

std::string str_upper(std::string_view text) {
  return map_each(text, ascii_upper, [&](std::string& out, std::size_t, char32_t cp) {
    append_mapping(out, full_upper(cp));
  });
}

std::string str_lower(std::string_view text) {
  return map_each(text, ascii_lower, [&](std::string& out, std::size_t start, char32_t cp) {
    append_lower(out, text, start, cp);
  });
}

std::string str_casefold(std::string_view text) {
  return map_each(text, ascii_lower, [&](std::string& out, std::size_t, char32_t cp) {
    append_mapping(out, full_casefold(cp));
  });
}

std::string str_swapcase(std::string_view text) {
  auto ascii_swap = [](char c) {
    return (c >= 'a' && c <= 'z') ? ascii_upper(c) : ascii_lower(c);
  };
  return map_each(text, ascii_swap, [&](std::string& out, std::size_t start, char32_t cp) {
    if (is_upper(cp)) {
      append_lower(out, text, start, cp);
    } else if (is_lower(cp)) {
      append_mapping(out, full_upper(cp));
    } else {
      append_utf8(out, cp);
    }
  });
}

std::string str_title(std::string_view text) {
  // Title case after an uncased character, lower case after a cased one.
  bool previous_cased = false;
  std::string out;
  out.reserve(text.size());
  for (std::size_t pos = 0; pos < text.size();) {
    const std::size_t start = pos;
    char32_t cp = decode_utf8(text, pos);
    if (previous_cased) {
      append_lower(out, text, start, cp);
    } else {
      append_mapping(out, full_title(cp));
    }
    previous_cased = is_cased(cp);
  }
  return out;
}

std::string str_capitalize(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t pos = 0; pos < text.size();) {
    const std::size_t start = pos;
    char32_t cp = decode_utf8(text, pos);
    if (start == 0) {
      append_mapping(out, full_title(cp));
    } else {
      append_lower(out, text, start, cp);
    }
  }
  return out;
}

bool str_isupper(std::string_view text) {
  bool cased = false;
  for (char32_t cp : CodePoints(text)) {
    if (is_lower(cp) || is_titlecase(cp)) return false;
    cased = cased || is_upper(cp);
  }
  return cased;
}

bool str_islower(std::string_view text) {
  bool cased = false;
  for (char32_t cp : CodePoints(text)) {
    if (is_upper(cp) || is_titlecase(cp)) return false;
    cased = cased || is_lower(cp);
  }
  return cased;
}

bool str_istitle(std::string_view text) {
  // Upper and title case letters may only start a word, lower case letters
  // only continue one; there must be at least one cased letter.
  bool cased = false;
  bool previous_cased = false;
  for (char32_t cp : CodePoints(text)) {
    if (is_upper(cp) || is_titlecase(cp)) {
      if (previous_cased) return false;
      previous_cased = cased = true;
    } else if (is_lower(cp)) {
      if (!previous_cased) return false;
      previous_cased = cased = true;
    } else {
      previous_cased = false;
    }
  }
  return cased;
}

}  // namespace gilvm::text
