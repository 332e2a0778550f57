// The exception the lexer and parser throw for malformed source.
//
// It carries everything CPython's SyntaxError carries, so the interpreter
// can build a real SyntaxError/IndentationError/TabError object from it and
// print CPython's traceback (the caret line uses offset/end_offset).
#pragma once

#include <stdexcept>
#include <string>

namespace gilvm {

struct SyntaxErrorInfo : std::runtime_error {
  std::string kind;      // "SyntaxError", "IndentationError" or "TabError"
  std::string msg;       // CPython's message, e.g. "invalid syntax"
  std::string filename;
  int lineno = 0;        // 1-based
  int offset = 0;        // 1-based column in characters (code points)
  int end_lineno = 0;
  int end_offset = 0;
  std::string text;      // the offending source line, with its newline
  // True when the only problem is that the input ended inside an open
  // bracket, string or block: a REPL should read a continuation line.
  bool incomplete_input = false;

  SyntaxErrorInfo(std::string kind_, std::string msg_)
      : std::runtime_error(msg_), kind(std::move(kind_)), msg(std::move(msg_)) {}
};

}  // namespace gilvm
