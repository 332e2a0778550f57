// Python regular-expression syntax to PCRE2 syntax: see pattern_translate.hpp.
//
// One pass over the pattern's code points with an explicit stack of open
// groups (no recursion, so deeply nested patterns cannot overflow the C++
// stack). The checks follow CPython's sre_parse: which escapes exist, what
// can be repeated, group references, inline flags; the messages and
// positions are CPython's. What PCRE2 checks the same way (look-behind
// width, conditional branches, limits) is left to it; the caller maps its
// message through `source_pos`.
#include "stdlib/re/pattern_translate.hpp"

#include <cstdio>

#include "vm/unicode_names.hpp"
#include "vm/utf8.hpp"

namespace gilvm::re {

namespace {

constexpr uint32_t kMaxGroups = 100000;

bool is_digit(char32_t c) { return c >= '0' && c <= '9'; }
bool is_octal(char32_t c) { return c >= '0' && c <= '7'; }
bool is_hex(char32_t c) { return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
bool is_ascii_letter(char32_t c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_ascii_alnum(char32_t c) { return is_ascii_letter(c) || is_digit(c); }
bool is_verbose_space(char32_t c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'; }
int hex_value(char32_t c) {
  if (is_digit(c)) return static_cast<int>(c - '0');
  if (c >= 'a' && c <= 'f') return static_cast<int>(c - 'a' + 10);
  return static_cast<int>(c - 'A' + 10);
}

// What the last emitted item was, for the repeat checks.
enum class Last { kNothing, kAt, kItem, kRepeat };

// A class item or escape: a literal code point, or a category like \d.
struct Atom {
  bool literal = true;
  char32_t cp = 0;
  char category = 0;  // 'd', 'D', 's', ... when !literal
  bool at = false;    // \A \Z \b \B (outside classes only)
  char at_code = 0;
  int64_t backref = -1;  // a group reference (outside classes only)
};

class Translator {
 public:
  Translator(std::string_view pattern, bool is_bytes, int flags) : bytes_(is_bytes), flags_(flags) {
    if (is_bytes) {
      for (unsigned char b : pattern) src_.push_back(b);
    } else {
      size_t p = 0;
      while (p < pattern.size()) src_.push_back(utf8::next(pattern, p));
    }
    verbose_ = (flags & kVerbose) != 0;
  }

  Translation run() {
    Translation t;
    parse();
    t.pcre = std::move(out_);
    t.flags = flags_;
    t.groups = groups_;
    t.names = std::move(names_);
    t.parent = std::move(parent_);
    t.source_pos = std::move(map_);
    return t;
  }

 private:
  struct Open {
    int64_t pos;        // of the '('
    uint32_t group;     // 0 when not capturing
    bool saved_verbose;
    bool conditional;
    int branches = 1;
  };

  [[noreturn]] void error(const std::string& message, int64_t pos) const { throw PatternError{message, pos}; }

  bool at_end() const { return i_ >= src_.size(); }
  char32_t peek(size_t ahead = 0) const { return i_ + ahead < src_.size() ? src_[i_ + ahead] : 0; }
  bool has(size_t ahead = 0) const { return i_ + ahead < src_.size(); }

  std::string spelling(size_t from, size_t to) const {
    std::string s;
    for (size_t k = from; k < to && k < src_.size(); ++k) utf8::append(s, src_[k]);
    return s;
  }

  void emit(std::string_view text, int64_t pos) {
    out_ += text;
    map_.insert(map_.end(), text.size(), static_cast<int32_t>(pos));
  }
  void emit_char(char c, int64_t pos) {
    out_ += c;
    map_.push_back(static_cast<int32_t>(pos));
  }

  // A literal code point, outside or inside a class.
  void emit_literal(char32_t cp, int64_t pos) {
    if (is_ascii_alnum(cp)) {
      emit_char(static_cast<char>(cp), pos);
    } else if (cp > 0x20 && cp < 0x7f) {
      emit_char('\\', pos);
      emit_char(static_cast<char>(cp), pos);
    } else if (cp >= 0x80 && !bytes_ && !(cp >= 0xD800 && cp <= 0xDFFF)) {
      std::string s;
      utf8::append(s, cp);
      emit(s, pos);
    } else {
      char buf[24];
      std::snprintf(buf, sizeof buf, "\\x{%x}", static_cast<unsigned>(cp));
      emit(buf, pos);
    }
  }

  void skip_verbose() {
    while (verbose_ && has()) {
      char32_t c = peek();
      if (is_verbose_space(c)) {
        ++i_;
      } else if (c == '#') {
        while (has() && peek() != '\n') ++i_;
      } else {
        break;
      }
    }
  }

  bool group_is_open(uint32_t g) const {
    for (const Open& o : stack_)
      if (o.group == g) return true;
    return false;
  }

  void parse() {
    Last last = Last::kNothing;
    bool first_items = true;  // nothing emitted yet at the top level's first branch
    while (true) {
      skip_verbose();
      if (at_end()) break;
      int64_t here = static_cast<int64_t>(i_);
      char32_t c = src_[i_++];
      switch (c) {
        case '|':
          emit_char('|', here);
          if (!stack_.empty()) {
            Open& o = stack_.back();
            if (++o.branches > 2 && o.conditional) error("conditional backref with more than two branches", here);
          }
          first_items = false;
          last = Last::kNothing;
          break;
        case '(': {
          bool flags_only = false;
          open_group(here, first_items && stack_.empty(), flags_only);
          if (flags_only) continue;  // a global flags group or comment is no item
          if (pending_item_) {
            pending_item_ = false;
            last = Last::kItem;
            first_items = false;
            continue;
          }
          last = Last::kNothing;
          first_items = false;
          continue;
        }
        case ')': {
          if (stack_.empty()) error("unbalanced parenthesis", here);
          Open o = stack_.back();
          stack_.pop_back();
          verbose_ = o.saved_verbose;
          if (o.conditional && o.branches > 2) error("conditional backref with more than two branches", here);
          emit_char(')', here);
          last = Last::kItem;
          break;
        }
        case '[':
          parse_class(here);
          last = Last::kItem;
          break;
        case '*':
        case '+':
        case '?': {
          check_repeat(last, here);
          emit_char(static_cast<char>(c), here);
          repeat_suffix();
          last = Last::kRepeat;
          break;
        }
        case '{': {
          size_t save = i_;
          std::string lo, hi;
          bool comma = false;
          while (has() && is_digit(peek())) lo += static_cast<char>(src_[i_++]);
          if (has() && peek() == ',') {
            comma = true;
            ++i_;
            while (has() && is_digit(peek())) hi += static_cast<char>(src_[i_++]);
          }
          if (has() && peek() == '}' && (!lo.empty() || comma)) {
            ++i_;
            check_repeat(last, here);
            unsigned long long min = lo.empty() ? 0 : std::stoull(lo.size() > 18 ? "999999999999999999" : lo);
            unsigned long long max = hi.empty() ? 0 : std::stoull(hi.size() > 18 ? "999999999999999999" : hi);
            if (min >= 4294967295ULL || max >= 4294967295ULL)
              error("the repetition number is too large", here + 1);
            if (!hi.empty() && max < min) error("min repeat greater than max repeat", here + 1);
            std::string q = "{" + std::to_string(min);
            if (comma) q += "," + (hi.empty() ? std::string() : std::to_string(max));
            q += "}";
            emit(q, here);
            repeat_suffix();
            last = Last::kRepeat;
          } else {
            i_ = save;
            emit_literal('{', here);
            last = Last::kItem;
          }
          break;
        }
        case '^':
          emit_char('^', here);
          last = Last::kAt;
          break;
        case '$':
          emit_char('$', here);
          last = Last::kAt;
          break;
        case '.':
          emit_char('.', here);
          last = Last::kItem;
          break;
        case '\\': {
          Atom a = escape(here, false);
          if (a.at) {
            if (a.at_code == 'Z') emit("\\z", here);
            else {
              emit_char('\\', here);
              emit_char(a.at_code, here);
            }
            last = Last::kAt;
          } else if (a.backref >= 0) {
            emit("\\g{" + std::to_string(a.backref) + "}", here);
            last = Last::kItem;
          } else if (!a.literal) {
            if (unicode_space(a.category)) emit(a.category == 's' ? kSpace : kNotSpace, here);
            else {
              emit_char('\\', here);
              emit_char(a.category, here);
            }
            last = Last::kItem;
          } else {
            emit_literal(a.cp, here);
            last = Last::kItem;
          }
          break;
        }
        default:
          emit_literal(c, here);
          last = Last::kItem;
          break;
      }
      first_items = false;
    }
    if (!stack_.empty()) error("missing ), unterminated subpattern", stack_.back().pos);
    for (auto [g, pos] : cond_refs_)
      if (g > groups_) error("invalid group reference " + std::to_string(g), pos);
  }

  void check_repeat(Last last, int64_t here) {
    if (last == Last::kNothing || last == Last::kAt) error("nothing to repeat", here);
    if (last == Last::kRepeat) error("multiple repeat", here);
  }

  void repeat_suffix() {
    if (has() && (peek() == '?' || peek() == '+')) {
      emit_char(static_cast<char>(peek()), static_cast<int64_t>(i_));
      ++i_;
    }
  }

  // Reads a group name up to `terminator`; returns it and checks it.
  std::string group_name(char32_t terminator, const char* unterminated) {
    size_t start = i_;
    while (has() && peek() != terminator) ++i_;
    if (!has()) {
      if (i_ == start) error("missing group name", static_cast<int64_t>(start));
      error(unterminated, static_cast<int64_t>(start));
    }
    std::string name = spelling(start, i_);
    ++i_;  // the terminator
    if (name.empty()) error("missing group name", static_cast<int64_t>(start));
    if (!is_identifier(start, i_ - 1)) error("bad character in group name '" + name + "'", static_cast<int64_t>(start));
    return name;
  }

  bool is_identifier(size_t from, size_t to) const {
    if (from >= to) return false;
    for (size_t k = from; k < to; ++k) {
      char32_t c = src_[k];
      if (bytes_ && c >= 0x80) return false;
      bool ok = k == from ? (c == '_' || utf8::is_identifier_start(c)) : (c == '_' || utf8::is_identifier_continue(c));
      if (!ok) return false;
    }
    return true;
  }

  uint32_t lookup_name(const std::string& name, int64_t pos) const {
    for (auto& [n, g] : names_)
      if (n == name) return g;
    error("unknown group name '" + name + "'", pos);
  }

  uint32_t new_group(uint32_t parent) {
    if (groups_ + 1 >= kMaxGroups) error("too many groups", -1);
    ++groups_;
    parent_.push_back(parent);
    return groups_;
  }

  uint32_t enclosing_group() const {
    for (auto it = stack_.rbegin(); it != stack_.rend(); ++it)
      if (it->group != 0) return it->group;
    return 0;
  }

  void push(int64_t pos, uint32_t group, bool conditional = false) {
    stack_.push_back(Open{pos, group, verbose_, conditional});
  }

  // After the '(' at `here`.
  void open_group(int64_t here, bool may_set_global_flags, bool& flags_only) {
    if (!has() || peek() != '?') {
      uint32_t g = new_group(enclosing_group());
      push(here, g);
      emit_char('(', here);
      return;
    }
    ++i_;  // '?'
    if (!has()) error("unexpected end of pattern", static_cast<int64_t>(i_));
    char32_t c = src_[i_++];
    int64_t qpos = here + 1;
    switch (c) {
      case ':':
        push(here, 0);
        emit("(?:", here);
        return;
      case '=':
      case '!':
        push(here, 0);
        emit(c == '=' ? "(?=" : "(?!", here);
        return;
      case '>':
        push(here, 0);
        emit("(?>", here);
        return;
      case '<': {
        if (!has()) error("unexpected end of pattern", static_cast<int64_t>(i_));
        char32_t d = src_[i_++];
        if (d != '=' && d != '!') error("unknown extension ?<" + spelling(i_ - 1, i_), qpos);
        push(here, 0);
        emit(d == '=' ? "(?<=" : "(?<!", here);
        return;
      }
      case '#': {
        while (has() && peek() != ')') ++i_;
        if (!has()) error("missing ), unterminated comment", here);
        ++i_;
        flags_only = true;  // a comment is no item either
        return;
      }
      case 'P': {
        if (!has()) error("unexpected end of pattern", static_cast<int64_t>(i_));
        char32_t d = src_[i_++];
        if (d == '<') {
          std::string name = group_name('>', "missing >, unterminated name");
          for (auto& [n, g] : names_)
            if (n == name)
              error("redefinition of group name '" + name + "' as group " + std::to_string(groups_ + 1) + "; was group " + std::to_string(g),
                    static_cast<int64_t>(i_ - 1 - name.size()));
          uint32_t g = new_group(enclosing_group());
          names_.emplace_back(name, g);
          push(here, g);
          emit_char('(', here);
          return;
        }
        if (d == '=') {
          int64_t start = static_cast<int64_t>(i_);
          std::string name = group_name(')', "missing ), unterminated name");
          uint32_t g = lookup_name(name, start);
          if (group_is_open(g)) error("cannot refer to an open group", start);
          emit("(?:\\g{" + std::to_string(g) + "})", here);
          flags_only = false;
          return finish_item_group();
        }
        if (d == 0) error("unexpected end of pattern", static_cast<int64_t>(i_));
        error("unknown extension ?P" + spelling(i_ - 1, i_), qpos);
      }
      case '(': {
        int64_t start = static_cast<int64_t>(i_);
        size_t name_start = i_;
        while (has() && peek() != ')') ++i_;
        if (!has()) error("missing ), unterminated name", start);
        std::string name = spelling(name_start, i_);
        ++i_;
        if (name.empty()) error("missing group name", start);
        uint32_t g = 0;
        if (is_identifier(name_start, i_ - 1)) {
          g = lookup_name(name, start);
        } else {
          bool digits = true;
          for (char ch : name) digits = digits && ch >= '0' && ch <= '9';
          if (!digits) error("bad character in group name '" + name + "'", start);
          unsigned long long n = name.size() > 9 ? kMaxGroups : std::stoull(name);
          if (n == 0 || n >= kMaxGroups) error("bad group number", start);
          g = static_cast<uint32_t>(n);
          cond_refs_.emplace_back(g, start);
        }
        push(here, 0, true);
        emit("(?(" + std::to_string(g) + ")", here);
        return;
      }
      default:
        break;
    }
    // Inline flags: (?aiLmsux) or (?aiLmsux-imsx:...).
    --i_;
    parse_flags(here, qpos, may_set_global_flags, flags_only);
  }

  // (?P=name) is emitted whole; the loop treats it as a finished item.
  void finish_item_group() {
    // Emulated by pushing nothing: the caller's state becomes "item".
    pending_item_ = true;
  }

  static int flag_of(char32_t c) {
    switch (c) {
      case 'i': return kIgnoreCase;
      case 'L': return kLocale;
      case 'm': return kMultiline;
      case 's': return kDotAll;
      case 'x': return kVerbose;
      case 'a': return kAscii;
      case 'u': return kUnicode;
      default: return 0;
    }
  }

  void parse_flags(int64_t here, int64_t qpos, bool may_set_global, bool& flags_only) {
    int add = 0, del = 0;
    char32_t c = 0;
    if (!has()) error("unexpected end of pattern", static_cast<int64_t>(i_));
    c = peek();
    if (c != '-' && flag_of(c) == 0) {
      error("unknown extension ?" + spelling(i_, i_ + 1), qpos);
    }
    while (has() && flag_of(peek()) != 0) {
      c = src_[i_++];
      int f = flag_of(c);
      if (bytes_ && f == kUnicode) error("bad inline flags: cannot use 'u' flag with a bytes pattern", static_cast<int64_t>(i_));
      if (!bytes_ && f == kLocale) error("bad inline flags: cannot use 'L' flag with a str pattern", static_cast<int64_t>(i_));
      add |= f;
      if (__builtin_popcount(add & (kAscii | kUnicode | kLocale)) > 1)
        error("bad inline flags: flags 'a', 'u' and 'L' are incompatible", static_cast<int64_t>(i_));
    }
    if (!has()) error("missing -, : or )", static_cast<int64_t>(i_));
    c = src_[i_++];
    if (c == ')') {
      if (!may_set_global) error("global flags not at the start of the expression", here);
      flags_ |= add;
      if (add & kVerbose) verbose_ = true;
      flags_only = true;
      return;
    }
    if (c == '-') {
      if (!has()) error("missing flag", static_cast<int64_t>(i_));
      if (flag_of(peek()) == 0) {
        if (is_ascii_letter(peek())) error("unknown flag", static_cast<int64_t>(i_));
        error("missing flag", static_cast<int64_t>(i_));
      }
      while (has() && flag_of(peek()) != 0) {
        int f = flag_of(src_[i_++]);
        if (f & (kAscii | kUnicode | kLocale))
          error("bad inline flags: cannot turn off flags 'a', 'u' and 'L'", static_cast<int64_t>(i_));
        del |= f;
      }
      if (!has()) error("missing :", static_cast<int64_t>(i_));
      c = src_[i_++];
      if (c != ':') {
        if (is_ascii_letter(c)) error("unknown flag", static_cast<int64_t>(i_ - 1));
        error("missing :", static_cast<int64_t>(i_ - 1));
      }
      if (add & del) error("bad inline flags: flag turned on and off", static_cast<int64_t>(i_ - 1));
    } else if (c != ':') {
      if (is_ascii_letter(c)) error("unknown flag", static_cast<int64_t>(i_ - 1));
      error("missing -, : or )", static_cast<int64_t>(i_ - 1));
    }
    push(here, 0);
    std::string g = "(?";
    if (add & kIgnoreCase) g += 'i';
    if (add & kMultiline) g += 'm';
    if (add & kDotAll) g += 's';
    int pcre_del = del & (kIgnoreCase | kMultiline | kDotAll);
    if (pcre_del) {
      g += '-';
      if (del & kIgnoreCase) g += 'i';
      if (del & kMultiline) g += 'm';
      if (del & kDotAll) g += 's';
    }
    g += ':';
    emit(g, here);
    if (add & kVerbose) verbose_ = true;
    if (del & kVerbose) verbose_ = false;
  }

  // After the '\\' at `here`.
  Atom escape(int64_t here, bool in_class) {
    Atom a;
    if (!has()) error("bad escape (end of pattern)", here);
    char32_t c = src_[i_++];
    auto bad = [&]() { error("bad escape " + spelling(static_cast<size_t>(here), i_), here); };
    auto hex_escape = [&](size_t digits) {
      size_t start = i_;
      while (i_ - start < digits && has() && is_hex(peek())) ++i_;
      if (i_ - start != digits) error("incomplete escape " + spelling(static_cast<size_t>(here), i_), here);
      uint32_t v = 0;
      for (size_t k = start; k < i_; ++k) v = v * 16 + static_cast<uint32_t>(hex_value(src_[k]));
      return v;
    };
    switch (c) {
      case 'd': case 'D': case 's': case 'S': case 'w': case 'W':
        a.literal = false;
        a.category = static_cast<char>(c);
        return a;
      case 'A': case 'Z': case 'B':
        if (in_class) bad();
        a.at = true;
        a.at_code = static_cast<char>(c);
        return a;
      case 'b':
        if (in_class) {
          a.cp = 8;
          return a;
        }
        a.at = true;
        a.at_code = 'b';
        return a;
      case 'a': a.cp = 7; return a;
      case 'f': a.cp = 12; return a;
      case 'n': a.cp = 10; return a;
      case 'r': a.cp = 13; return a;
      case 't': a.cp = 9; return a;
      case 'v': a.cp = 11; return a;
      case '\\': a.cp = '\\'; return a;
      case 'x':
        a.cp = hex_escape(2);
        return a;
      case 'u':
        if (bytes_) bad();
        a.cp = hex_escape(4);
        return a;
      case 'U': {
        if (bytes_) bad();
        uint32_t v = hex_escape(8);
        if (v > 0x10FFFF) bad();
        a.cp = v;
        return a;
      }
      case 'N': {
        if (bytes_) bad();
        if (!has() || peek() != '{') error("missing {", static_cast<int64_t>(i_));
        ++i_;
        size_t start = i_;
        while (has() && peek() != '}') ++i_;
        if (!has()) error(i_ == start ? "missing character name" : "missing }, unterminated name", static_cast<int64_t>(start));
        std::string name = spelling(start, i_);
        ++i_;
        if (name.empty()) error("missing character name", static_cast<int64_t>(start));
        std::optional<char32_t> cp = lookup_unicode_name(name);
        if (!cp) error("undefined character name '" + name + "'", here);
        a.cp = *cp;
        return a;
      }
      case '0': {
        uint32_t v = 0;
        size_t start = i_;
        while (i_ - start < 2 && has() && is_octal(peek())) v = v * 8 + (src_[i_++] - '0');
        a.cp = v;
        return a;
      }
      default:
        break;
    }
    if (is_digit(c)) {
      if (in_class) {
        if (!is_octal(c)) bad();
        uint32_t v = c - '0';
        size_t start = i_;
        while (i_ - start < 2 && has() && is_octal(peek())) v = v * 8 + (src_[i_++] - '0');
        if (v > 0377) error("octal escape value " + spelling(static_cast<size_t>(here), i_) + " outside of range 0-0o377", here);
        a.cp = v;
        return a;
      }
      uint32_t group = c - '0';
      if (has() && is_digit(peek())) {
        char32_t d = src_[i_++];
        if (is_octal(c) && is_octal(d) && has() && is_octal(peek())) {
          char32_t e = src_[i_++];
          uint32_t v = (c - '0') * 64 + (d - '0') * 8 + (e - '0');
          if (v > 0377) error("octal escape value " + spelling(static_cast<size_t>(here), i_) + " outside of range 0-0o377", here);
          a.cp = v;
          return a;
        }
        group = group * 10 + (d - '0');
      }
      if (group <= groups_) {
        if (group_is_open(group)) error("cannot refer to an open group", here);
        a.backref = group;
        return a;
      }
      error("invalid group reference " + std::to_string(group), here + 1);
    }
    if (c < 0x80 && is_ascii_alnum(c)) bad();
    a.cp = c;
    return a;
  }

  void emit_class_atom(const Atom& a, int64_t pos) {
    if (a.literal) {
      emit_literal(a.cp, pos);
    } else if (a.category == 's' && unicode_space('s')) {
      emit(kSpaceItems, pos);
    } else {
      emit_char('\\', pos);
      emit_char(a.category, pos);
    }
  }

  // Python's Unicode \s is str.isspace(), which also holds for the
  // separators \x1c-\x1f that PCRE2's \s leaves out. (Inside a class, \S
  // keeps PCRE2's meaning: a class cannot subtract.)
  static constexpr const char* kSpace = "[\\s\\x{1c}-\\x{1f}]";
  static constexpr const char* kNotSpace = "[^\\s\\x{1c}-\\x{1f}]";
  static constexpr const char* kSpaceItems = "\\s\\x{1c}-\\x{1f}";
  bool unicode_space(char category) const {
    return (category == 's' || category == 'S') && !bytes_ && !(flags_ & kAscii);
  }

  // After the '[' at `here`.
  void parse_class(int64_t here) {
    emit_char('[', here);
    if (has() && peek() == '^') {
      ++i_;
      emit_char('^', here + 1);
    }
    bool first = true;
    while (true) {
      if (!has()) error("unterminated character set", here);
      int64_t ipos = static_cast<int64_t>(i_);
      char32_t c = src_[i_++];
      if (c == ']' && !first) break;
      first = false;
      Atom a1;
      size_t this_start = static_cast<size_t>(ipos);
      if (c == '\\') a1 = escape(ipos, true);
      else a1.cp = c;
      size_t this_end = i_;
      if (has() && peek() == '-') {
        ++i_;
        if (!has()) error("unterminated character set", here);
        int64_t tpos = static_cast<int64_t>(i_);
        char32_t d = src_[i_++];
        if (d == ']') {
          emit_class_atom(a1, ipos);
          emit_literal('-', tpos - 1);
          break;
        }
        Atom a2;
        if (d == '\\') a2 = escape(tpos, true);
        else a2.cp = d;
        std::string range = spelling(this_start, this_end) + "-" + spelling(static_cast<size_t>(tpos), i_);
        if (!a1.literal || !a2.literal) error("bad character range " + range, ipos);
        if (a2.cp < a1.cp) error("bad character range " + range, ipos);
        emit_literal(a1.cp, ipos);
        emit_char('-', tpos - 1);
        emit_literal(a2.cp, tpos);
      } else {
        emit_class_atom(a1, ipos);
      }
    }
    emit_char(']', static_cast<int64_t>(i_ - 1));
  }

  std::vector<char32_t> src_;
  size_t i_ = 0;
  bool bytes_;
  int flags_;
  bool verbose_;
  bool pending_item_ = false;
  std::string out_;
  std::vector<int32_t> map_;
  std::vector<Open> stack_;
  uint32_t groups_ = 0;
  std::vector<std::pair<std::string, uint32_t>> names_;
  std::vector<uint32_t> parent_{0};
  std::vector<std::pair<uint32_t, int64_t>> cond_refs_;
};

}  // namespace

Translation translate(std::string_view pattern, bool is_bytes, int flags) {
  Translator t(pattern, is_bytes, flags);
  return t.run();
}

}  // namespace gilvm::re
