#include "vm/text/str_format.hpp"

#include <cstdint>
#include <cstdio>

#include "vm/native_error.hpp"
#include "vm/text/unicode_props.hpp"
#include "vm/text/utf8.hpp"

namespace gilvm::text {

namespace {

// CPython evaluates the top-level string at depth 2 and each nested spec
// one level lower; reaching 0 is an error, so specs can nest only once.
constexpr int kTopRecursionDepth = 2;

[[noreturn]] void value_error(const char* message) { throw_native(ErrorKind::ValueError, message); }

// The value of `text` when it is entirely decimal digits (any script, as
// CPython accepts), else -1. Overflow is an error.
std::int64_t decimal_number(std::string_view text) {
  if (text.empty()) return -1;
  std::int64_t value = 0;
  for (std::size_t pos = 0; pos < text.size();) {
    int digit = decimal_value(decode_utf8(text, pos));
    if (digit < 0) return -1;
    if (value > (INT64_MAX - digit) / 10) value_error("Too many decimal digits in format string");
    value = value * 10 + digit;
  }
  return value;
}

void use_numbering(AutoNumbering& numbering, AutoNumbering::Mode mode) {
  if (numbering.mode == AutoNumbering::Mode::kUnknown) {
    numbering.mode = mode;
  } else if (numbering.mode != mode) {
    value_error(mode == AutoNumbering::Mode::kManual
                    ? "cannot switch from automatic field numbering to manual field specification"
                    : "cannot switch from manual field specification to automatic field numbering");
  }
}

}  // namespace

void check_conversion(char32_t conversion) {
  if (conversion == 0 || conversion == 'r' || conversion == 's' || conversion == 'a') return;
  char buf[64];
  if (conversion > 32 && conversion < 127) {
    std::snprintf(buf, sizeof buf, "Unknown conversion specifier %c", static_cast<char>(conversion));
  } else {
    std::snprintf(buf, sizeof buf, "Unknown conversion specifier \\x%x",
                  static_cast<unsigned>(conversion));
  }
  value_error(buf);
}

FieldName parse_field_name(std::string_view text, AutoNumbering& numbering) {
  FieldName result;
  std::size_t pos = text.find_first_of(".[");
  if (pos == std::string_view::npos) pos = text.size();
  std::string_view first = text.substr(0, pos);
  if (first.empty()) {
    // '{}', '{.attr}', '{[0]}': the next automatic number.
    use_numbering(numbering, AutoNumbering::Mode::kAutomatic);
    result.index = numbering.next++;
  } else if (std::int64_t number = decimal_number(first); number >= 0) {
    use_numbering(numbering, AutoNumbering::Mode::kManual);
    result.index = static_cast<std::size_t>(number);
  } else {
    result.kind = FieldName::Kind::kKeyword;
    result.keyword = first;
  }
  while (pos < text.size()) {
    FieldAccessor accessor;
    if (text[pos] == '.') {
      std::size_t end = text.find_first_of(".[", pos + 1);
      if (end == std::string_view::npos) end = text.size();
      accessor.name = text.substr(pos + 1, end - pos - 1);
      pos = end;
    } else {  // '['
      std::size_t end = text.find(']', pos + 1);
      if (end == std::string_view::npos) value_error("Missing ']' in format string");
      accessor.name = text.substr(pos + 1, end - pos - 1);
      if (accessor.name.empty()) value_error("Empty attribute in format string");
      pos = end + 1;
      if (pos < text.size() && text[pos] != '.' && text[pos] != '[') {
        value_error("Only '.' or '[' may follow ']' in format field specifier");
      }
      accessor.kind = FieldAccessor::Kind::kKey;
      if (std::int64_t number = decimal_number(accessor.name); number >= 0) {
        accessor.kind = FieldAccessor::Kind::kIndex;
        accessor.index = static_cast<std::size_t>(number);
      }
    }
    if (accessor.name.empty()) value_error("Empty attribute in format string");
    result.accessors.push_back(accessor);
  }
  return result;
}

bool FormatStringParser::next(FormatPiece& piece) {
  if (pos_ >= format_.size()) return false;
  piece.has_field = false;
  // Literal text runs to the next brace. A doubled brace ends the literal
  // just after its first half, and the second half is skipped.
  const std::size_t start = pos_;
  std::size_t brace = format_.find_first_of("{}", pos_);
  if (brace == std::string_view::npos) {
    piece.literal = format_.substr(start);
    pos_ = format_.size();
    return true;
  }
  const bool doubled = brace + 1 < format_.size() && format_[brace + 1] == format_[brace];
  if (doubled) {
    piece.literal = format_.substr(start, brace + 1 - start);
    pos_ = brace + 2;
    return true;
  }
  if (format_[brace] == '}') value_error("Single '}' encountered in format string");
  if (brace + 1 == format_.size()) value_error("Single '{' encountered in format string");
  piece.literal = format_.substr(start, brace - start);
  pos_ = brace + 1;
  piece.has_field = true;
  parse_field(piece.field);
  return true;
}

// Parses the field after its '{' in three steps, each with its own end
// condition and error:
//  1. the field name, up to ':', '!' or '}' outside square brackets (inside
//     them anything goes: '{0[a}b]}' has the key "a}b");
//  2. an optional conversion: '!' and exactly one character, which must be
//     followed by ':' or '}';
//  3. an optional spec, up to the '}' that balances the field's '{',
//     counting nested braces ('{:{w}}').
void FormatStringParser::parse_field(ReplacementField& field) {
  const std::size_t name_start = pos_;
  bool in_brackets = false;
  while (true) {
    if (pos_ >= format_.size()) value_error("expected '}' before end of string");
    char c = format_[pos_];
    if (in_brackets) {
      if (c == ']') in_brackets = false;
    } else if (c == '[') {
      in_brackets = true;
    } else if (c == '{') {
      value_error("unexpected '{' in field name");
    } else if (c == ':' || c == '!' || c == '}') {
      break;
    }
    ++pos_;
  }
  field.name = parse_field_name(format_.substr(name_start, pos_ - name_start), numbering_);
  field.conversion = 0;
  field.format_spec = {};
  field.spec_has_fields = false;
  if (format_[pos_] == '!') {
    ++pos_;
    if (pos_ >= format_.size()) value_error("end of string while looking for conversion specifier");
    field.conversion = decode_utf8(format_, pos_);
    if (pos_ >= format_.size()) value_error("unmatched '{' in format spec");
    if (format_[pos_] != ':' && format_[pos_] != '}') {
      value_error("expected ':' after conversion specifier");
    }
  }
  if (format_[pos_] == '}') {
    ++pos_;
    return;
  }
  // format_[pos_] == ':'
  const std::size_t spec_start = ++pos_;
  int depth = 1;
  for (; pos_ < format_.size(); ++pos_) {
    char c = format_[pos_];
    if (c == '{') {
      field.spec_has_fields = true;
      ++depth;
    } else if (c == '}' && --depth == 0) {
      field.format_spec = format_.substr(spec_start, pos_ - spec_start);
      ++pos_;
      return;
    }
  }
  value_error("unmatched '{' in format spec");
}

namespace {

void build(std::string& out, std::string_view format, StrFormatArgs& args,
           AutoNumbering& numbering, int depth) {
  if (depth <= 0) value_error("Max string recursion exceeded");
  FormatStringParser parser(format, numbering);
  FormatPiece piece;
  std::string expanded_spec;
  while (parser.next(piece)) {
    out.append(piece.literal);
    if (!piece.has_field) continue;
    const ReplacementField& field = piece.field;
    FormatValue value = args.get_field(field.name);
    if (field.conversion) {
      check_conversion(field.conversion);
      value = args.convert(value, field.conversion);
    }
    std::string_view spec = field.format_spec;
    if (field.spec_has_fields) {
      expanded_spec.clear();
      build(expanded_spec, spec, args, numbering, depth - 1);
      spec = expanded_spec;
    }
    args.append_formatted(out, value, spec);
  }
}

void parse_all(std::vector<ParsedPiece>& out, std::string_view format, AutoNumbering& numbering,
               int depth) {
  if (depth <= 0) value_error("Max string recursion exceeded");
  FormatStringParser parser(format, numbering);
  ParsedPiece parsed;
  while (parser.next(parsed.piece)) {
    if (parsed.piece.has_field) {
      check_conversion(parsed.piece.field.conversion);
      if (parsed.piece.field.spec_has_fields) {
        parse_all(parsed.spec_pieces, parsed.piece.field.format_spec, numbering, depth - 1);
      }
    }
    out.push_back(std::move(parsed));
    parsed = ParsedPiece{};
  }
}

}  // namespace

std::string str_format(std::string_view format, StrFormatArgs& args) {
  std::string out;
  out.reserve(format.size() + 16);
  AutoNumbering numbering;
  build(out, format, args, numbering, kTopRecursionDepth);
  return out;
}

std::vector<ParsedPiece> parse_format_string(std::string_view format) {
  std::vector<ParsedPiece> pieces;
  AutoNumbering numbering;
  parse_all(pieces, format, numbering, kTopRecursionDepth);
  return pieces;
}

}  // namespace gilvm::text
