// String literals: concatenation of adjacent literals and f-strings.
//
// F-strings follow CPython 3.11, where the tokenizer sees an f-string as
// one plain STRING token and the parser splits its body:
//
//   * Literal text runs up to a '{' or '}'. At the top level, '{{' and '}}'
//     stand for single braces and a lone '}' is an error; inside a format
//     spec, a '}' ends the spec. "\N{...}" is an escape, not a field.
//   * A field runs from '{' to the first '!', ':', '=' or '}' that is not
//     nested in brackets or in a string and is not part of '!=', '==',
//     '<=', '>='. Backslashes and '#' are not allowed anywhere in it.
//   * The field's text is parsed as `(text)`, with its own token stream
//     whose positions are those of the text in the real source.
//   * Then come an optional '=' (the field is also emitted as literal text,
//     and defaults to !r), an optional conversion !s/!r/!a, and an optional
//     format spec, itself an f-string body parsed one level deeper; a
//     field inside a spec may not contain another spec-with-fields level.
//
// Adjacent literal pieces, including those of neighbouring plain strings,
// are merged into one Constant, as CPython does.
#include <algorithm>
#include <optional>

#include "vm/literals.hpp"
#include "vm/parser_internal.hpp"

namespace gilvm {

// Collects the values of a JoinedStr, merging adjacent literal text.
class FStringBuilder {
 public:
  FStringBuilder(Parser& parser, const Token& token, const StringToken& parts)
      : parser_(parser), token_(&token), parts_(parts) {}

  void set_token(const Token& token, const StringToken& parts) {
    token_ = &token;
    parts_ = parts;
  }

  void add_literal(std::string text) { pending_ += text; }

  std::vector<ast::Expr*> take_values() {
    flush();
    return std::move(values_);
  }

  // Parses a whole f-string body (level 0).
  void parse_body() {
    std::size_t pos = 0;
    parse_text(pos, 0, *this);
  }

 private:
  void flush() {
    if (pending_.empty()) return;
    auto* c = parser_.arena_.make<ast::Constant>();
    c->value.kind = ast::ConstantValue::Kind::Str;
    c->value.text = std::move(pending_);
    pending_.clear();
    values_.push_back(c);
  }

  void add_value(ast::Expr* e) {
    flush();
    values_.push_back(e);
  }

  [[noreturn]] void fail(std::string msg) {
    parser_.fail_at_furthest(std::move(msg));
  }

  std::string_view body() const { return parts_.body; }

  std::string decode(std::string_view text) {
    try {
      return decode_str_body(text, parts_.raw);
    } catch (const LiteralError& e) {
      fail(e.what());
    }
  }

  // Literal text and fields from `pos` until the end of the body (level 0)
  // or the '}' closing a format spec (level 1), appended to `out`.
  void parse_text(std::size_t& pos, int level, FStringBuilder& out) {
    std::string_view s = body();
    while (true) {
      std::size_t literal_start = pos;
      bool doubled_brace = false;
      while (pos < s.size()) {
        char ch = s[pos++];
        if (!parts_.raw && ch == '\\' && pos < s.size()) {
          ch = s[pos++];
          if (ch == 'N') {
            if (pos < s.size() && s[pos++] == '{') {
              while (pos < s.size() && s[pos++] != '}') {
              }
            }
            continue;
          }
        }
        if (ch == '{' || ch == '}') {
          if (level == 0) {
            if (pos < s.size() && s[pos] == ch) {
              doubled_brace = true;
              break;  // the literal keeps one brace; skip the other below
            }
            if (ch == '}') fail("f-string: single '}' is not allowed");
          }
          --pos;
          break;
        }
      }
      if (pos > literal_start) {
        out.add_literal(decode(s.substr(literal_start, pos - literal_start)));
      }
      if (doubled_brace) {
        ++pos;
        continue;
      }
      if (pos >= s.size() || s[pos] == '}') break;
      parse_field(pos, level, out);
    }
    if (level != 0 && (pos >= s.size() || s[pos] != '}')) {
      fail("f-string: expecting '}'");
    }
  }

  // Finds the end of a field's expression text (see the file comment).
  std::size_t scan_expression(std::size_t pos) {
    std::string_view s = body();
    char quote = 0;
    bool triple = false;
    std::vector<char> brackets;
    while (pos < s.size()) {
      char ch = s[pos];
      if (ch == '\\') fail("f-string expression part cannot include a backslash");
      if (quote) {
        if (ch == quote) {
          if (!triple) {
            quote = 0;
          } else if (pos + 2 < s.size() && s[pos + 1] == ch && s[pos + 2] == ch) {
            pos += 2;
            quote = 0;
          }
        }
        ++pos;
        continue;
      }
      if (ch == '\'' || ch == '"') {
        triple = pos + 2 < s.size() && s[pos + 1] == ch && s[pos + 2] == ch;
        if (triple) pos += 2;
        quote = ch;
        ++pos;
        continue;
      }
      if (ch == '{' || ch == '[' || ch == '(') {
        if (brackets.size() >= 200) fail("f-string: too many nested parenthesis");
        brackets.push_back(ch);
        ++pos;
        continue;
      }
      if (ch == '#') fail("f-string expression part cannot include '#'");
      if (brackets.empty() && (ch == '!' || ch == ':' || ch == '}' ||
                               ch == '=' || ch == '>' || ch == '<')) {
        if (pos + 1 < s.size() && s[pos + 1] == '=' && ch != ':' && ch != '}') {
          pos += 2;  // != == <= >=
          continue;
        }
        if (ch == '>' || ch == '<') {
          ++pos;
          continue;
        }
        break;
      }
      if (ch == ']' || ch == '}' || ch == ')') {
        if (brackets.empty()) fail(std::string("f-string: unmatched '") + ch + "'");
        char open = brackets.back();
        brackets.pop_back();
        bool matches = (open == '(' && ch == ')') || (open == '[' && ch == ']') ||
                       (open == '{' && ch == '}');
        if (!matches) {
          fail(std::string("f-string: closing parenthesis '") + ch +
               "' does not match opening parenthesis '" + open + "'");
        }
      }
      ++pos;
    }
    if (quote) fail("f-string: unterminated string");
    if (!brackets.empty()) {
      fail(std::string("f-string: unmatched '") + brackets.back() + "'");
    }
    if (pos >= s.size()) fail("f-string: expecting '}'");
    return pos;
  }

  // `{expression[=][!conversion][:spec]}` starting at the '{' at `pos`.
  void parse_field(std::size_t& pos, int level, FStringBuilder& out) {
    std::string_view s = body();
    if (level >= 2) fail("f-string: expressions nested too deeply");
    std::size_t expr_start = ++pos;
    pos = scan_expression(pos);
    ast::Expr* value = compile_expression(expr_start, pos);

    std::string_view self_documenting;
    if (s[pos] == '=') {
      ++pos;
      while (pos < s.size() && std::string_view(" \t\n\r\f\v").find(s[pos]) !=
                                   std::string_view::npos) {
        ++pos;
      }
      if (pos >= s.size()) fail("f-string: expecting '}'");
      self_documenting = s.substr(expr_start, pos - expr_start);
    }
    int conversion = -1;
    if (s[pos] == '!') {
      ++pos;
      if (pos >= s.size()) fail("f-string: expecting '}'");
      conversion = static_cast<unsigned char>(s[pos++]);
      if (conversion != 's' && conversion != 'r' && conversion != 'a') {
        fail("f-string: invalid conversion character: expected 's', 'r', or 'a'");
      }
    }
    ast::JoinedStr* spec = nullptr;
    if (pos < s.size() && s[pos] == ':') {
      ++pos;
      if (pos >= s.size()) fail("f-string: expecting '}'");
      FStringBuilder spec_builder(parser_, *token_, parts_);
      parse_text(pos, level + 1, spec_builder);
      spec = parser_.arena_.make<ast::JoinedStr>();
      spec->values = spec_builder.take_values();
      // CPython gives a format spec the span of the literal that holds it.
      set_token_span(spec);
      for (ast::Expr* v : spec->values) set_token_span(v);
    }
    if (pos >= s.size() || s[pos] != '}') fail("f-string: expecting '}'");
    ++pos;
    if (!self_documenting.empty() && !spec && conversion == -1) conversion = 'r';

    if (!self_documenting.empty()) out.add_literal(std::string(self_documenting));
    auto* field = parser_.arena_.make<ast::FormattedValue>();
    field->value = value;
    field->conversion = conversion;
    field->format_spec = spec;
    out.add_value(field);
  }

  void set_token_span(ast::Expr* e) const {
    e->lineno = token_->lineno;
    e->col_offset = token_->col;
    e->end_lineno = token_->end_lineno;
    e->end_col_offset = token_->end_col;
  }

  // Parses body[start, end) as `(text)` with real source positions.
  ast::Expr* compile_expression(std::size_t start, std::size_t end) {
    std::string_view text = body().substr(start, end - start);
    if (text.find_first_not_of(" \t\n\r\f\v") == std::string_view::npos) {
      fail("f-string: empty expression not allowed");
    }
    // Where the text starts in the source: walk the token up to it.
    std::size_t offset = parts_.body_offset + start;
    std::string_view token_text = token_->text;
    int line = token_->lineno;
    int col = token_->col;
    for (std::size_t i = 0; i < offset; ++i) {
      if (token_text[i] == '\n') {
        ++line;
        col = 0;
      } else {
        ++col;
      }
    }
    std::string wrapped = "(" + std::string(text) + ")";
    const SourceText& real = parser_.source_;
    // The tokens point into `sub`, which must outlive the field's parse.
    std::optional<SourceText> sub;
    TokenStream stream;
    try {
      sub.emplace(wrapped, real.filename());
      stream = tokenize(*sub, line, col - 1);
    } catch (SyntaxErrorInfo& e) {
      // The field's tokenizer reports positions relative to `wrapped`.
      if (e.lineno <= 1) {
        e.offset += col - 1;
        e.end_offset += col - 1;
      }
      e.lineno += line - 1;
      e.end_lineno += line - 1;
      e.text = std::string(real.line(e.lineno));
      throw;
    }
    try {
      Parser field_parser(real, std::move(stream), parser_.arena_,
                          parser_.depth_ + 1);
      return field_parser.parse_fstring_field();
    } catch (SyntaxErrorInfo& e) {
      if (e.msg.rfind("f-string", 0) != 0) e.msg = "f-string: " + e.msg;
      throw;
    }
  }

  Parser& parser_;
  const Token* token_;
  StringToken parts_;
  std::string pending_;
  std::vector<ast::Expr*> values_;
};

namespace {

template <class T>
void set_span(T* node, const Token& first, const Token& last) {
  node->lineno = first.lineno;
  node->col_offset = first.col;
  node->end_lineno = last.end_lineno;
  node->end_col_offset = last.end_col;
}

// CPython gives the pieces of an f-string the span of the whole
// concatenated literal; the field expressions themselves keep their real
// positions, and format specs the span of their own literal.
void set_fstring_spans(std::vector<ast::Expr*>& values, const Token& first,
                       const Token& last) {
  for (ast::Expr* v : values) set_span(v, first, last);
}

}  // namespace

ast::Expr* Parser::parse_strings() {
  std::vector<const Token*> tokens;
  while (at_kind(TokenKind::String)) tokens.push_back(&advance());
  peek();  // CPython reports decoding errors at the token after the literal
  const Token& first = *tokens.front();
  const Token& last = *tokens.back();

  std::vector<StringToken> parts;
  bool any_bytes = false, any_text = false, any_fstring = false;
  for (const Token* t : tokens) {
    parts.push_back(split_string_token(t->text));
    (parts.back().bytes ? any_bytes : any_text) = true;
    any_fstring = any_fstring || parts.back().formatted;
  }
  if (any_bytes && any_text) {
    fail_at_furthest("cannot mix bytes and nonbytes literals");
  }

  if (any_bytes) {
    auto* c = make_at<ast::Constant>(first);
    c->value.kind = ast::ConstantValue::Kind::Bytes;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
      try {
        c->value.text += decode_bytes_body(parts[i].body, parts[i].raw);
      } catch (const LiteralError& e) {
        if (std::string_view(e.what()).rfind("bytes can only", 0) == 0) {
          fail_at(*tokens[i], e.what());
        }
        fail_at_furthest(e.what());
      }
    }
    return finish(c);
  }

  if (!any_fstring) {
    auto* c = make_at<ast::Constant>(first);
    c->value.kind = ast::ConstantValue::Kind::Str;
    for (const StringToken& p : parts) {
      try {
        c->value.text += decode_str_body(p.body, p.raw);
      } catch (const LiteralError& e) {
        fail_at_furthest(e.what());
      }
    }
    if (parts.front().unicode_prefix) c->string_kind = "u";
    return finish(c);
  }

  FStringBuilder builder(*this, first, parts.front());
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    builder.set_token(*tokens[i], parts[i]);
    if (parts[i].formatted) {
      builder.parse_body();
    } else {
      try {
        builder.add_literal(decode_str_body(parts[i].body, parts[i].raw));
      } catch (const LiteralError& e) {
        fail_at_furthest(e.what());
      }
    }
  }
  auto* joined = make_at<ast::JoinedStr>(first);
  joined->values = builder.take_values();
  set_fstring_spans(joined->values, first, last);
  return finish(joined);
}

}  // namespace gilvm
