// The parsing half of str.format: splitting a format string into literal
// text and replacement fields
//
//   {field_name!conversion:format_spec}    field_name = arg(.attr|[key])*
//
// with CPython 3.11's auto/manual numbering rules, nested fields inside the
// spec ('{:{width}}') and its error messages (NativeError, ValueError).
// The object model evaluates the fields: either drive the formatting with
// str_format() and a StrFormatArgs, or take the parts from
// parse_format_string() and walk them.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace gilvm::text {

// One step after the argument in a field name.
struct FieldAccessor {
  enum class Kind {
    kAttribute,  // .name
    kIndex,      // [123]: the key is all decimal digits, so an int index
    kKey,        // [text]: a str key
  };
  Kind kind = Kind::kAttribute;
  std::string_view name;  // the attribute name or key text
  std::size_t index = 0;  // kIndex only
};

struct FieldName {
  // Positional covers both explicit ('{0}') and automatic ('{}') numbers.
  enum class Kind { kPositional, kKeyword };
  Kind kind = Kind::kPositional;
  std::size_t index = 0;      // kPositional
  std::string_view keyword;   // kKeyword: '{name}', also '{-1}' or '{ }'
  std::vector<FieldAccessor> accessors;
};

// The state of automatic numbering, shared by a format string and the
// fields nested in its specs.
struct AutoNumbering {
  enum class Mode { kUnknown, kAutomatic, kManual };
  Mode mode = Mode::kUnknown;
  std::size_t next = 0;
};

struct ReplacementField {
  FieldName name;
  char32_t conversion = 0;       // 0, or the character after '!' (unchecked)
  std::string_view format_spec;  // raw: may hold nested fields and '{{'
  bool spec_has_fields = false;  // the spec contains '{' and must be expanded
};

// A piece of a format string: literal text (with '{{' and '}}' already
// reduced to one brace), optionally followed by a replacement field.
struct FormatPiece {
  std::string_view literal;
  bool has_field = false;
  ReplacementField field;
};

// Reads a format string one piece at a time, as CPython does, so that
// the caller can evaluate each field before a later syntax error is found.
class FormatStringParser {
 public:
  FormatStringParser(std::string_view format, AutoNumbering& numbering)
      : format_(format), numbering_(numbering) {}
  // Fills `piece` with the next piece; false when the string is exhausted.
  bool next(FormatPiece& piece);

 private:
  void parse_field(ReplacementField& field);
  std::string_view format_;
  std::size_t pos_ = 0;
  AutoNumbering& numbering_;
};

// Parses a field name ("0.attr[key]") and assigns automatic numbers.
// Errors: "Empty attribute in format string", "Missing ']' in format
// string", "Only '.' or '[' may follow ']' in format field specifier",
// "Too many decimal digits in format string", and the two "cannot switch
// ..." numbering errors.
FieldName parse_field_name(std::string_view text, AutoNumbering& numbering);

// Throws "Unknown conversion specifier x" unless `conversion` is 0, 'r',
// 's' or 'a'.
void check_conversion(char32_t conversion);

// A value while a field is evaluated; the VM decides what it points to.
using FormatValue = const void*;

// The VM's side of str_format.
class StrFormatArgs {
 public:
  virtual ~StrFormatArgs() = default;
  // The field's value: args[index] or kwargs[keyword], then each accessor
  // (getattr, or __getitem__ with an int or str key). Raises
  // IndexError "Replacement index 3 out of range for positional args tuple",
  // KeyError, AttributeError, ... itself.
  virtual FormatValue get_field(const FieldName& name) = 0;
  // str(value), repr(value) or ascii(value) for 's', 'r', 'a'.
  virtual FormatValue convert(FormatValue value, char32_t conversion) = 0;
  // Appends format(value, spec) (spec is UTF-8, already expanded).
  virtual void append_formatted(std::string& out, FormatValue value, std::string_view spec) = 0;
};

// str.format: formats `format` with the arguments `args` evaluates,
// including nested fields in specs (two levels at most: deeper nesting is
// "Max string recursion exceeded").
std::string str_format(std::string_view format, StrFormatArgs& args);

// Parses a whole format string without evaluating anything, recursing
// into specs that hold fields (their pieces go to `spec_pieces`). Checks
// conversions right away, so an error may differ from the one str_format
// would raise first when an argument is also bad.
struct ParsedPiece {
  FormatPiece piece;
  std::vector<ParsedPiece> spec_pieces;  // when piece.field.spec_has_fields
};
std::vector<ParsedPiece> parse_format_string(std::string_view format);

}  // namespace gilvm::text
