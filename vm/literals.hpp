// Decoding of NUMBER and STRING tokens into constant values.
//
// These helpers only look at one token's text; errors are thrown as
// LiteralError with CPython's message, and the parser decides where to
// report them (CPython reports string decoding errors at the token that
// follows the literal).
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

#include "vm/ast.hpp"

namespace gilvm {

struct LiteralError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// A NUMBER token (already validated by the lexer) -> Int, Float or Complex.
ast::ConstantValue decode_number(std::string_view token);

// The parts of a STRING token.
struct StringToken {
  bool raw = false;
  bool bytes = false;
  bool formatted = false;  // f-string
  bool unicode_prefix = false;  // u"..." (Constant.kind == "u")
  std::string_view body;  // between the quotes, undecoded
  std::size_t body_offset = 0;  // of body within the token text
};
StringToken split_string_token(std::string_view token);

// Decodes the escapes of a str literal's body (or of a literal piece of an
// f-string). Raw bodies are returned unchanged.
std::string decode_str_body(std::string_view body, bool raw);

// Decodes a bytes literal's body; also rejects non-ASCII characters.
std::string decode_bytes_body(std::string_view body, bool raw);

}  // namespace gilvm
