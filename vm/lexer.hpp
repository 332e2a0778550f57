// Python 3.11 tokenizer.
//
// The lexer turns the whole source into a token vector before the parser
// starts. CPython tokenizes lazily, but after any parser error it tokenizes
// the rest of the file and lets a tokenizer error win, so eager tokenizing
// gives the same answer if we keep CPython's two classes of tokenizer error:
//
//   * "hard" errors (bad literals, invalid characters, unterminated strings,
//     unmatched brackets) always win: tokenize() throws them at once.
//   * "soft" errors (indentation and tab errors, a bad line continuation,
//     the end of input inside brackets) only matter if the parser gets that
//     far: the token stream ends with an Error token that carries the
//     error, and the parser throws it when it reaches that token.
//
// String tokens are returned undecoded (prefix and quotes included); the
// parser decodes them (vm/literals.hpp), which is also where f-strings are
// split into expressions, as in CPython 3.11.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "vm/syntax_error.hpp"

namespace gilvm {

// The source after the BOM is removed and every line end is turned into
// "\n"; the text always ends with "\n". Tokens point into it, so it must
// outlive them.
class SourceText {
 public:
  // Throws SyntaxErrorInfo for null bytes and invalid UTF-8.
  SourceText(std::string_view raw, const std::string& filename);

  const std::string& text() const { return text_; }
  const std::string& filename() const { return filename_; }
  int line_count() const { return static_cast<int>(line_starts_.size()); }
  // 1-based; empty past the end. Without the trailing newline.
  std::string_view line(int lineno) const;
  // 0-based byte column -> 0-based code point column on that line.
  int char_column(int lineno, int byte_col) const;
  // Byte offset of the start of a line (1-based lineno).
  std::size_t line_start(int lineno) const;

  // Builds an error located at 0-based byte columns; offsets are converted
  // to CPython's 1-based character offsets.
  SyntaxErrorInfo error(const char* kind, std::string msg, int lineno,
                        int byte_col, int end_lineno, int end_byte_col) const;

 private:
  std::string text_;
  std::string filename_;
  std::vector<std::size_t> line_starts_;
};

enum class TokenKind : std::uint8_t {
  Name,       // identifiers and keywords
  Number,
  String,     // one literal, prefix and quotes included
  Op,         // operators and delimiters
  Newline,
  Indent,
  Dedent,
  EndMarker,
  Error,      // a soft tokenizer error; always the last token
};

struct Token {
  TokenKind kind = TokenKind::EndMarker;
  std::string_view text;
  int lineno = 0;
  int col = 0;  // 0-based byte offsets, like AST col_offset
  int end_lineno = 0;
  int end_col = 0;
  int depth = 0;  // bracket nesting after this token

  bool is_op(std::string_view op) const {
    return kind == TokenKind::Op && text == op;
  }
  bool is_name(std::string_view name) const {
    return kind == TokenKind::Name && text == name;
  }
};

struct TokenStream {
  std::vector<Token> tokens;
  // Set when tokens.back() is an Error token.
  std::optional<SyntaxErrorInfo> soft_error;
  // When the input ended inside brackets: where the innermost one opened.
  // A parser error found on a later line becomes "'(' was never closed".
  int unclosed_bracket_line = 0;
};

// Python keywords (hard keywords only).
bool is_keyword(std::string_view word);

// Tokenizes the whole source; throws hard errors (see the file comment).
// Token positions are shifted so that the source starts at line
// `first_line`, column `first_col` (used for the expressions inside
// f-strings, which are tokenized on their own).
TokenStream tokenize(const SourceText& source, int first_line = 1,
                     int first_col = 0);

}  // namespace gilvm
