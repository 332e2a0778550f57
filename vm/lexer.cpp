#include "vm/lexer.hpp"

#include <algorithm>
#include <array>
#include <cstdio>

#include "vm/utf8.hpp"

namespace gilvm {

// ---------------------------------------------------------------------------
// SourceText

namespace {

std::string format_hex_byte(unsigned char byte) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "0x%02x", byte);
  return buf;
}

}  // namespace

SourceText::SourceText(std::string_view raw, const std::string& filename)
    : filename_(filename) {
  if (raw.size() >= 3 && raw.substr(0, 3) == "\xEF\xBB\xBF") raw.remove_prefix(3);
  text_.reserve(raw.size() + 1);
  // Normalize \r\n and \r to \n, as CPython's tokenizer does.
  for (std::size_t i = 0; i < raw.size(); ++i) {
    char c = raw[i];
    if (c == '\r') {
      if (i + 1 < raw.size() && raw[i + 1] == '\n') ++i;
      text_ += '\n';
    } else {
      text_ += c;
    }
  }
  if (text_.empty() || text_.back() != '\n') text_ += '\n';
  line_starts_.push_back(0);
  for (std::size_t i = 0; i + 1 < text_.size(); ++i) {
    if (text_[i] == '\n') line_starts_.push_back(i + 1);
  }
  if (text_.find('\0') != std::string::npos) {
    throw SyntaxErrorInfo("SyntaxError",
                          "source code string cannot contain null bytes");
  }
  // Invalid UTF-8 is reported like CPython's decoder error, on its line.
  for (std::size_t pos = 0; pos < text_.size();) {
    std::size_t len = 0;
    const char* reason = nullptr;
    if (utf8::decode(text_, pos, len, &reason) != static_cast<char32_t>(-1)) {
      pos += len;
      continue;
    }
    auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), pos);
    int lineno = static_cast<int>(it - line_starts_.begin());
    int col = static_cast<int>(pos - line_starts_[lineno - 1]);
    std::string msg = "(unicode error) 'utf-8' codec can't decode byte " +
                      format_hex_byte(static_cast<unsigned char>(text_[pos])) +
                      " in position " + std::to_string(col) + ": " + reason;
    throw error("SyntaxError", msg, lineno, col, lineno, col);
  }
}

std::string_view SourceText::line(int lineno) const {
  if (lineno < 1 || lineno > line_count()) return {};
  std::size_t start = line_starts_[lineno - 1];
  std::size_t end = text_.find('\n', start);
  return std::string_view(text_).substr(start, end - start);
}

std::size_t SourceText::line_start(int lineno) const {
  if (lineno < 1) return 0;
  if (lineno > line_count()) return text_.size();
  return line_starts_[lineno - 1];
}

int SourceText::char_column(int lineno, int byte_col) const {
  std::string_view l = line(lineno);
  if (byte_col <= 0) return byte_col;
  std::size_t limit = std::min<std::size_t>(byte_col, l.size());
  int chars = static_cast<int>(utf8::length(l.substr(0, limit)));
  return chars + (byte_col - static_cast<int>(limit));
}

SyntaxErrorInfo SourceText::error(const char* kind, std::string msg,
                                  int lineno, int byte_col, int end_lineno,
                                  int end_byte_col) const {
  SyntaxErrorInfo e(kind, std::move(msg));
  e.filename = filename_;
  e.lineno = lineno;
  e.offset = char_column(lineno, byte_col) + 1;
  e.end_lineno = end_lineno;
  e.end_offset = char_column(end_lineno, end_byte_col) + 1;
  if (lineno >= 1 && lineno <= line_count()) {
    e.text = std::string(line(lineno)) + "\n";
  }
  return e;
}

// ---------------------------------------------------------------------------
// Keywords

bool is_keyword(std::string_view word) {
  static constexpr std::array<std::string_view, 35> kKeywords = {
      "False", "None",   "True",    "and",      "as",       "assert",
      "async", "await",  "break",   "class",    "continue", "def",
      "del",   "elif",   "else",    "except",   "finally",  "for",
      "from",  "global", "if",      "import",   "in",       "is",
      "lambda", "nonlocal", "not",  "or",       "pass",     "raise",
      "return", "try",   "while",   "with",     "yield"};
  return std::find(kKeywords.begin(), kKeywords.end(), word) != kKeywords.end();
}

// ---------------------------------------------------------------------------
// The tokenizer

namespace {

constexpr int kMaxIndentLevels = 100;   // CPython's MAXINDENT
constexpr int kMaxBracketLevels = 200;  // CPython's MAXLEVEL

bool is_ascii_digit(int c) { return c >= '0' && c <= '9'; }
bool is_hex_digit(int c) {
  return is_ascii_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
bool is_ascii_ident_start(int c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}
// CPython's is_potential_identifier_char: any non-ASCII byte counts.
bool is_potential_identifier_char(int c) {
  return is_ascii_ident_start(c) || is_ascii_digit(c) || c >= 128;
}

// Operators, longest first within each length group.
constexpr std::array<std::string_view, 5> kThreeCharOps = {
    "**=", "//=", ">>=", "<<=", "..."};
constexpr std::array<std::string_view, 19> kTwoCharOps = {
    "**", "//", "<<", ">>", "<=", ">=", "==", "!=", "->", ":=",
    "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "@="};

bool is_string_prefix(std::string_view word) {
  if (word.size() > 2) return false;
  std::string lower;
  for (char c : word) lower += static_cast<char>(c | 0x20);
  return lower == "r" || lower == "u" || lower == "b" || lower == "f" ||
         lower == "br" || lower == "rb" || lower == "fr" || lower == "rf";
}

class Lexer {
 public:
  explicit Lexer(const SourceText& source)
      : source_(source), text_(source.text()) {}

  TokenStream run() {
    while (!finished_) next_token();
    return std::move(out_);
  }

 private:
  // --- cursor ---------------------------------------------------------------
  int peek(std::size_t ahead = 0) const {
    std::size_t i = pos_ + ahead;
    return i < text_.size() ? static_cast<unsigned char>(text_[i]) : -1;
  }
  int col_of(std::size_t pos) const {
    return static_cast<int>(pos - line_start_);
  }
  int col() const { return col_of(pos_); }
  void newline_consumed() {
    ++line_;
    line_start_ = pos_;
  }

  // --- errors ---------------------------------------------------------------
  [[noreturn]] void hard_error(std::string msg, int col, int end_col) {
    throw_hard(source_.error("SyntaxError", std::move(msg), line_, col, line_,
                             end_col));
  }
  // CPython's tokenizer quotes the line without its newline.
  [[noreturn]] static void throw_hard(SyntaxErrorInfo e) {
    if (!e.text.empty() && e.text.back() == '\n') e.text.pop_back();
    throw e;
  }
  // CPython reports most literal errors at the tokenizer's cursor: the
  // 1-based offset equals the number of bytes consumed on the line.
  [[noreturn]] void error_at_cursor(std::string msg, std::size_t cursor) {
    int c = col_of(cursor) - 1;
    hard_error(std::move(msg), c, c);
  }
  void soft_error(SyntaxErrorInfo error) {
    Token t;
    t.kind = TokenKind::Error;
    t.lineno = t.end_lineno = line_;
    t.col = t.end_col = col();
    out_.tokens.push_back(t);
    out_.soft_error = std::move(error);
    finished_ = true;
  }

  void emit(TokenKind kind, std::size_t start, int start_line, int start_col) {
    Token t;
    t.kind = kind;
    t.text = std::string_view(text_).substr(start, pos_ - start);
    t.lineno = start_line;
    t.col = start_col;
    t.end_lineno = line_;
    t.end_col = col();
    t.depth = static_cast<int>(brackets_.size());
    out_.tokens.push_back(t);
  }
  void emit_marker(TokenKind kind, int lineno, int col) {
    Token t;
    t.kind = kind;
    t.lineno = t.end_lineno = lineno;
    t.col = t.end_col = col;
    out_.tokens.push_back(t);
  }

  bool logical_line_has_tokens() const {
    if (out_.tokens.empty()) return false;
    TokenKind k = out_.tokens.back().kind;
    return k != TokenKind::Newline && k != TokenKind::Dedent &&
           k != TokenKind::Indent;
  }

  // --- main loop --------------------------------------------------------------
  void next_token() {
    if (at_line_start_) {
      at_line_start_ = false;
      if (!handle_indentation()) return;
    }
    while (peek() == ' ' || peek() == '\t' || peek() == '\f') ++pos_;
    int c = peek();
    if (c == '#') {
      while (peek() != '\n' && peek() != -1) ++pos_;
      c = peek();
    }
    if (c == -1) return end_of_input();
    if (c == '\n') {
      std::size_t start = pos_;
      int start_col = col();
      int start_line = line_;
      ++pos_;
      if (brackets_.empty() && logical_line_has_tokens()) {
        Token t;
        t.kind = TokenKind::Newline;
        t.text = std::string_view(text_).substr(start, 1);
        t.lineno = t.end_lineno = start_line;
        t.col = start_col;
        t.end_col = start_col + 1;
        out_.tokens.push_back(t);
      }
      newline_consumed();
      at_line_start_ = true;
      return;
    }
    if (c == '\\') return line_continuation();
    if (is_ascii_digit(c) || (c == '.' && is_ascii_digit(peek(1)))) {
      return number();
    }
    if (c == '\'' || c == '"') return string_literal(pos_);
    if (is_potential_identifier_char(c)) return identifier_or_prefixed_string();
    if (c < 0x20 || c == 0x7F) {
      char buf[64];
      std::snprintf(buf, sizeof buf, "invalid non-printable character U+%04X",
                    static_cast<unsigned>(c));
      hard_error(buf, col(), col());
    }
    operator_token();
  }

  // Indentation (CPython's rules). At the start of each line the width of
  // the leading whitespace is measured twice: `width` with tabs advancing
  // to the next multiple of 8, and `alt_width` with tabs counting as one
  // column. Both measures must order the lines the same way, otherwise the
  // meaning would depend on the tab size: that is a TabError. Blank and
  // comment-only lines, and lines inside brackets, do not count.
  // Returns false if tokenizing stopped on an error.
  bool handle_indentation() {
    int width = 0;
    int alt_width = 0;
    while (true) {
      int c = peek();
      if (c == ' ') {
        ++width;
        ++alt_width;
      } else if (c == '\t') {
        width = (width / 8 + 1) * 8;
        ++alt_width;
      } else if (c == '\f') {
        width = alt_width = 0;
      } else {
        break;
      }
      ++pos_;
    }
    int c = peek();
    if (c == '#' || c == '\n' || c == -1 || !brackets_.empty()) return true;

    auto tab_error = [&] {
      soft_error(source_.error(
          "TabError", "inconsistent use of tabs and spaces in indentation",
          line_, 0, line_, -1));
      return false;
    };
    if (width == indents_.back()) {
      if (alt_width != alt_indents_.back()) return tab_error();
    } else if (width > indents_.back()) {
      if (static_cast<int>(indents_.size()) >= kMaxIndentLevels) {
        soft_error(source_.error("IndentationError",
                                 "too many levels of indentation", line_, 0,
                                 line_, -1));
        return false;
      }
      if (alt_width <= alt_indents_.back()) return tab_error();
      indents_.push_back(width);
      alt_indents_.push_back(alt_width);
      // CPython reports "unexpected indent" at the indentation width.
      emit_marker(TokenKind::Indent, line_, col() - 1);
    } else {
      std::size_t keep = indents_.size();
      while (keep > 1 && width < indents_[keep - 1]) --keep;
      if (width != indents_[keep - 1]) {
        int end = static_cast<int>(source_.line(line_).size());
        soft_error(source_.error(
            "IndentationError",
            "unindent does not match any outer indentation level", line_, end,
            line_, end));
        return false;
      }
      if (alt_width != alt_indents_[keep - 1]) return tab_error();
      while (indents_.size() > keep) {
        indents_.pop_back();
        alt_indents_.pop_back();
        emit_marker(TokenKind::Dedent, line_, col());
      }
    }
    return true;
  }

  void end_of_input() {
    finished_ = true;
    if (!brackets_.empty()) {
      const OpenBracket& b = brackets_.back();
      SyntaxErrorInfo e = source_.error(
          "SyntaxError", std::string("'") + b.ch + "' was never closed",
          b.line, b.col, b.line, -1);
      e.incomplete_input = true;
      out_.unclosed_bracket_line = b.line;
      soft_error(std::move(e));
      return;
    }
    // CPython reports errors at the end of input on the last line, just
    // after its last character.
    int last_line = std::max(1, line_ - 1);
    int last_col = static_cast<int>(source_.line(last_line).size());
    if (logical_line_has_tokens()) {
      emit_marker(TokenKind::Newline, last_line, last_col);
    }
    for (std::size_t i = 1; i < indents_.size(); ++i) {
      emit_marker(TokenKind::Dedent, last_line, last_col);
    }
    emit_marker(TokenKind::EndMarker, last_line, last_col);
  }

  void line_continuation() {
    int backslash_col = col();
    ++pos_;
    if (peek() != '\n') {
      soft_error(source_.error(
          "SyntaxError",
          "unexpected character after line continuation character", line_,
          backslash_col + 1, line_, -1));
      return;
    }
    ++pos_;
    newline_consumed();
    if (peek() == -1) {
      --line_;
      SyntaxErrorInfo e =
          source_.error("SyntaxError", "unexpected EOF while parsing", line_,
                        backslash_col + 1, line_, -1);
      e.incomplete_input = true;
      soft_error(std::move(e));
    }
  }

  // --- names --------------------------------------------------------------
  void identifier_or_prefixed_string() {
    std::size_t start = pos_;
    int start_col = col();
    bool ascii = true;
    while (is_potential_identifier_char(peek())) {
      if (peek() >= 128) ascii = false;
      ++pos_;
    }
    std::string_view word = std::string_view(text_).substr(start, pos_ - start);
    if ((peek() == '\'' || peek() == '"') && is_string_prefix(word)) {
      return string_literal(start);
    }
    if (!ascii) verify_identifier(start);
    emit(TokenKind::Name, start, line_, start_col);
  }

  // Non-ASCII identifiers: every code point must be a letter (or, after the
  // first, a digit/mark). The error names the first offending character.
  void verify_identifier(std::size_t start) {
    std::string_view word = std::string_view(text_).substr(start, pos_ - start);
    for (std::size_t i = 0; i < word.size();) {
      std::size_t at = i;
      char32_t cp = utf8::next(word, i);
      bool ok = at == 0 ? utf8::is_identifier_start(cp)
                        : utf8::is_identifier_continue(cp);
      if (ok) continue;
      int c = col_of(start + at);
      char buf[64];
      if (!utf8::is_printable(cp)) {
        std::snprintf(buf, sizeof buf, "invalid non-printable character U+%04X",
                      static_cast<unsigned>(cp));
        hard_error(buf, c, c);
      }
      std::string msg = "invalid character '";
      utf8::append(msg, cp);
      std::snprintf(buf, sizeof buf, "' (U+%04X)", static_cast<unsigned>(cp));
      hard_error(msg + buf, c, c);
    }
  }

  // --- numbers ------------------------------------------------------------
  //
  // The rules follow CPython's tokenizer so that the same inputs fail with
  // the same message at the same column: an underscore must sit between two
  // digits, a literal may not run into an identifier character ("1abc"),
  // except the keywords that may legally follow a number ("1if x else y"),
  // and "0777" is rejected in favour of "0o777".

  void number() {
    std::size_t start = pos_;
    int start_col = col();
    int c = peek();
    ++pos_;
    if (c == '.') {
      fraction_and_rest();
    } else if (c == '0') {
      int kind = peek() | 0x20;
      if (kind == 'x') {
        ++pos_;
        radix_digits(is_hex_digit, "hexadecimal", '\0');
      } else if (kind == 'o') {
        ++pos_;
        radix_digits([](int d) { return d >= '0' && d <= '7'; }, "octal", '8');
      } else if (kind == 'b') {
        ++pos_;
        radix_digits([](int d) { return d == '0' || d == '1'; }, "binary", '2');
      } else {
        zero_prefixed_decimal(start);
      }
    } else {
      decimal_tail();
      after_integer_part();
    }
    emit(TokenKind::Number, start, line_, start_col);
  }

  // Digits (with single underscores between them) after "0x"/"0o"/"0b".
  // `first_bad_digit` is the smallest decimal digit invalid for the radix.
  template <class IsDigit>
  void radix_digits(IsDigit is_digit, const char* kind, char first_bad_digit) {
    do {
      if (peek() == '_') ++pos_;
      if (!is_digit(peek())) {
        if (first_bad_digit && is_ascii_digit(peek())) {
          ++pos_;
          error_at_cursor(std::string("invalid digit '") +
                              static_cast<char>(text_[pos_ - 1]) + "' in " +
                              kind + " literal",
                          pos_);
        }
        error_at_cursor(std::string("invalid ") + kind + " literal", pos_);
      }
      while (is_digit(peek())) ++pos_;
    } while (peek() == '_');
    if (first_bad_digit && is_ascii_digit(peek())) {
      ++pos_;
      error_at_cursor(std::string("invalid digit '") +
                          static_cast<char>(text_[pos_ - 1]) + "' in " + kind +
                          " literal",
                      pos_);
    }
    verify_end_of_number(kind);
  }

  // "0", "00", "0_0", or a float/imaginary starting with zeros ("012.5").
  void zero_prefixed_decimal(std::size_t start) {
    while (true) {
      if (peek() == '_') {
        ++pos_;
        if (!is_ascii_digit(peek())) error_at_cursor("invalid decimal literal", pos_);
      }
      if (peek() != '0') break;
      ++pos_;
    }
    std::size_t zeros_end = pos_;
    bool nonzero = false;
    if (is_ascii_digit(peek())) {
      nonzero = true;
      decimal_tail();
    }
    int c = peek();
    if (c == '.' || c == 'e' || c == 'E' || c == 'j' || c == 'J') {
      return after_integer_part();
    }
    if (nonzero) {
      hard_error(
          "leading zeros in decimal integer literals are not permitted; use an "
          "0o prefix for octal integers",
          col_of(start), col_of(zeros_end));
    }
    verify_end_of_number("decimal");
  }

  // Consumes digits and single underscores between digits.
  void decimal_tail() {
    while (true) {
      while (is_ascii_digit(peek())) ++pos_;
      if (peek() != '_') return;
      ++pos_;
      if (!is_ascii_digit(peek())) error_at_cursor("invalid decimal literal", pos_);
    }
  }

  // After the integer digits of a decimal literal: optional fraction,
  // exponent and imaginary suffix.
  void after_integer_part() {
    if (peek() == '.') {
      ++pos_;
      return fraction_and_rest();
    }
    exponent_and_rest();
  }

  void fraction_and_rest() {
    if (is_ascii_digit(peek())) decimal_tail();
    exponent_and_rest();
  }

  void exponent_and_rest() {
    int c = peek();
    if (c == 'e' || c == 'E') {
      std::size_t e_pos = pos_;
      ++pos_;
      if (peek() == '+' || peek() == '-') {
        ++pos_;
        if (!is_ascii_digit(peek())) error_at_cursor("invalid decimal literal", pos_);
      } else if (!is_ascii_digit(peek())) {
        // "1else": the 'e' starts a keyword, not an exponent.
        pos_ = e_pos;
        verify_end_of_number("decimal");
        return;
      }
      decimal_tail();
    }
    if (peek() == 'j' || peek() == 'J') {
      ++pos_;
      verify_end_of_number("imaginary");
    } else {
      verify_end_of_number("decimal");
    }
  }

  bool followed_by(std::string_view word) const {
    return std::string_view(text_).substr(pos_, word.size()) == word;
  }

  void verify_end_of_number(const char* kind) {
    // Keywords that can follow a number in valid code only warn in 3.11.
    if (followed_by("and") || followed_by("else") || followed_by("for") ||
        followed_by("if") || followed_by("in") || followed_by("is") ||
        followed_by("not") || followed_by("or")) {
      return;
    }
    if (is_potential_identifier_char(peek())) {
      error_at_cursor(std::string("invalid ") + kind + " literal", pos_);
    }
  }

  // --- strings --------------------------------------------------------------
  //
  // Only finds where the literal ends (a backslash always escapes the next
  // character, even in raw strings); decoding happens in the parser.
  void string_literal(std::size_t start) {
    int start_line = line_;
    int start_col = col_of(start);
    std::size_t start_line_begin = line_start_;
    char quote = static_cast<char>(peek());
    bool triple = peek(1) == quote && peek(2) == quote;
    pos_ += triple ? 3 : 1;
    int closing_run = 0;
    while (true) {
      int c = peek();
      if (c == -1 || (c == '\n' && !triple)) {
        int detected_at = c == -1 ? line_ - 1 : line_;
        if (c == -1) detected_at = std::max(detected_at, start_line);
        std::string msg = triple ? "unterminated triple-quoted string literal"
                                 : "unterminated string literal";
        msg += " (detected at line " + std::to_string(detected_at) + ")";
        SyntaxErrorInfo e = source_.error(
            "SyntaxError", msg, start_line,
            static_cast<int>(start - start_line_begin), start_line,
            static_cast<int>(start - start_line_begin));
        e.incomplete_input = triple;
        throw_hard(std::move(e));
      }
      ++pos_;
      if (c == '\\') {
        if (peek() == '\n') {
          ++pos_;
          newline_consumed();
        } else if (peek() != -1) {
          ++pos_;
        }
        closing_run = 0;
        continue;
      }
      if (c == '\n') {
        newline_consumed();
        closing_run = 0;
        continue;
      }
      if (c == quote) {
        ++closing_run;
        if (!triple || closing_run == 3) break;
      } else {
        closing_run = 0;
      }
    }
    emit(TokenKind::String, start, start_line, start_col);
  }

  // --- operators --------------------------------------------------------------
  void operator_token() {
    std::size_t start = pos_;
    int start_col = col();
    std::string_view rest = std::string_view(text_).substr(pos_);
    std::size_t length = 1;
    for (std::string_view op : kThreeCharOps) {
      if (rest.substr(0, 3) == op) length = 3;
    }
    if (length == 1) {
      for (std::string_view op : kTwoCharOps) {
        if (rest.substr(0, 2) == op) length = 2;
      }
    }
    // "<>" is only valid under `from __future__ import barry_as_FLUFL`;
    // as one token it makes `a <> b` a plain "invalid syntax".
    if (length == 1 && rest.substr(0, 2) == "<>") length = 2;
    char c = rest[0];
    if (length == 1) track_bracket(c);
    pos_ += length;
    emit(TokenKind::Op, start, line_, start_col);
  }

  void track_bracket(char c) {
    if (c == '(' || c == '[' || c == '{') {
      if (static_cast<int>(brackets_.size()) >= kMaxBracketLevels) {
        hard_error("too many nested parentheses", col(), col());
      }
      brackets_.push_back({c, line_, col()});
      return;
    }
    if (c != ')' && c != ']' && c != '}') return;
    if (brackets_.empty()) {
      hard_error(std::string("unmatched '") + c + "'", col(), col());
    }
    OpenBracket open = brackets_.back();
    char expected = open.ch == '(' ? ')' : open.ch == '[' ? ']' : '}';
    if (c != expected) {
      std::string msg = std::string("closing parenthesis '") + c +
                        "' does not match opening parenthesis '" + open.ch +
                        "'";
      if (open.line != line_) msg += " on line " + std::to_string(open.line);
      hard_error(msg, col(), col());
    }
    brackets_.pop_back();
  }

  struct OpenBracket {
    char ch;
    int line;
    int col;
  };

  const SourceText& source_;
  const std::string& text_;
  std::size_t pos_ = 0;
  int line_ = 1;
  std::size_t line_start_ = 0;
  bool at_line_start_ = true;
  bool finished_ = false;
  std::vector<int> indents_{0};
  std::vector<int> alt_indents_{0};
  std::vector<OpenBracket> brackets_;
  TokenStream out_;
};

}  // namespace

TokenStream tokenize(const SourceText& source, int first_line, int first_col) {
  TokenStream stream = Lexer(source).run();
  if (first_line != 1 || first_col != 0) {
    for (Token& t : stream.tokens) {
      if (t.lineno == 1) t.col += first_col;
      if (t.end_lineno == 1) t.end_col += first_col;
      t.lineno += first_line - 1;
      t.end_lineno += first_line - 1;
    }
    if (stream.unclosed_bracket_line) stream.unclosed_bracket_line += first_line - 1;
  }
  return stream;
}

}  // namespace gilvm
