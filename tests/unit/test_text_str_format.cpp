#include <gtest/gtest.h>

#include <deque>
#include <string>
#include <string_view>

#include "vm/native_error.hpp"
#include "vm/text/format_spec.hpp"
#include "vm/text/repr.hpp"
#include "vm/text/str_format.hpp"

namespace gilvm::text {
namespace {

struct StrFormatCase {
  std::string_view format;
  std::string_view expected;  // result or error message
  const char* error;
};

#include "tests/unit/text_str_format_expected.inc"

// Mirrors the generator's probe class V: a probe named n answers attribute
// a with probe "n.a", item k with probe "n[repr(k)]", format(spec) with
// "<n:spec>", str() with "str(n)" and repr() with "repr(n)". Converted
// values are plain str.
class ProbeArgs : public StrFormatArgs {
 public:
  FormatValue get_field(const FieldName& name) override {
    std::string probe;
    if (name.kind == FieldName::Kind::kPositional) {
      if (name.index >= 4) {
        throw_native(ErrorKind::IndexError, "Replacement index " + std::to_string(name.index) +
                                                " out of range for positional args tuple");
      }
      probe = "a" + std::to_string(name.index);
    } else {
      static const std::string_view kKeywords[] = {"x", "y", "w", "name", "-1", " ", "1_0", "a(b)",
                                                   "\xC3\xA9"};
      bool known = false;
      for (std::string_view k : kKeywords) known = known || k == name.keyword;
      if (!known) throw_native(ErrorKind::KeyError, repr_str(name.keyword));
      probe = "kw:" + std::string(name.keyword);
    }
    for (const FieldAccessor& a : name.accessors) {
      switch (a.kind) {
        case FieldAccessor::Kind::kAttribute: probe += "." + std::string(a.name); break;
        case FieldAccessor::Kind::kIndex: probe += "[" + std::to_string(a.index) + "]"; break;
        case FieldAccessor::Kind::kKey: probe += "[" + repr_str(a.name) + "]"; break;
      }
    }
    return store(false, probe);
  }

  FormatValue convert(FormatValue value, char32_t conversion) override {
    const Value& v = get(value);
    if (v.is_str) return value;  // not reached: conversions apply to probes
    std::string text = (conversion == 's' ? "str(" : "repr(") + v.text + ")";
    return store(true, text);
  }

  void append_formatted(std::string& out, FormatValue value, std::string_view spec) override {
    const Value& v = get(value);
    if (v.is_str) {
      out += format_str(v.text, spec);
    } else {
      out += "<" + v.text + ":" + std::string(spec) + ">";
    }
  }

 private:
  struct Value {
    bool is_str;
    std::string text;
  };
  FormatValue store(bool is_str, std::string text) {
    values_.push_back(Value{is_str, std::move(text)});
    return &values_.back();
  }
  static const Value& get(FormatValue v) { return *static_cast<const Value*>(v); }
  std::deque<Value> values_;
};

const char* kind_name(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::ValueError: return "ValueError";
    case ErrorKind::IndexError: return "IndexError";
    case ErrorKind::KeyError: return "KeyError";
    case ErrorKind::AttributeError: return "AttributeError";
    default: return "other";
  }
}

TEST(TextStrFormat, MatchesCPython) {
  for (const StrFormatCase& c : kStrFormatCases) {
    ProbeArgs args;
    std::string label = "'" + std::string(c.format) + "'.format(...)";
    try {
      std::string got = str_format(c.format, args);
      if (c.error) {
        ADD_FAILURE() << label << ": expected " << c.error << " " << c.expected << ", got '" << got << "'";
      } else {
        EXPECT_EQ(got, c.expected) << label;
      }
    } catch (const NativeError& e) {
      if (!c.error) {
        ADD_FAILURE() << label << ": unexpected error " << e.what();
      } else {
        EXPECT_STREQ(kind_name(e.kind), c.error) << label;
        EXPECT_EQ(std::string_view(e.what()), c.expected) << label;
      }
    }
  }
}

TEST(TextStrFormat, ParseRejectsMixedNumbering) {
  EXPECT_THROW(parse_format_string("a{{b{0.x[1][k]!r:>{w}}c}}{}"), NativeError);
}

TEST(TextStrFormat, ParsePiecesInDetail) {
  std::vector<ParsedPiece> pieces = parse_format_string("a{{b{.x[1][k]!r:>{w}}c}}{}");
  ASSERT_EQ(pieces.size(), 4u);
  EXPECT_EQ(pieces[0].piece.literal, "a{");
  EXPECT_FALSE(pieces[0].piece.has_field);
  EXPECT_EQ(pieces[1].piece.literal, "b");
  ASSERT_TRUE(pieces[1].piece.has_field);
  const ReplacementField& f = pieces[1].piece.field;
  EXPECT_EQ(f.name.kind, FieldName::Kind::kPositional);
  EXPECT_EQ(f.name.index, 0u);
  ASSERT_EQ(f.name.accessors.size(), 3u);
  EXPECT_EQ(f.name.accessors[0].kind, FieldAccessor::Kind::kAttribute);
  EXPECT_EQ(f.name.accessors[0].name, "x");
  EXPECT_EQ(f.name.accessors[1].kind, FieldAccessor::Kind::kIndex);
  EXPECT_EQ(f.name.accessors[1].index, 1u);
  EXPECT_EQ(f.name.accessors[2].kind, FieldAccessor::Kind::kKey);
  EXPECT_EQ(f.name.accessors[2].name, "k");
  EXPECT_EQ(f.conversion, U'r');
  EXPECT_EQ(f.format_spec, ">{w}");
  EXPECT_TRUE(f.spec_has_fields);
  ASSERT_EQ(pieces[1].spec_pieces.size(), 1u);
  EXPECT_EQ(pieces[1].spec_pieces[0].piece.literal, ">");
  EXPECT_EQ(pieces[1].spec_pieces[0].piece.field.name.keyword, "w");
  EXPECT_EQ(pieces[2].piece.literal, "c}");
  EXPECT_EQ(pieces[3].piece.literal, "");
  EXPECT_EQ(pieces[3].piece.field.name.index, 1u);  // numbering continues after the nested field
}

TEST(TextStrFormat, ParseErrors) {
  try {
    parse_format_string("{0!x}");
    ADD_FAILURE();
  } catch (const NativeError& e) {
    EXPECT_STREQ(e.what(), "Unknown conversion specifier x");
  }
  try {
    AutoNumbering numbering;
    parse_field_name("0[a", numbering);
    ADD_FAILURE();
  } catch (const NativeError& e) {
    EXPECT_STREQ(e.what(), "Missing ']' in format string");
  }
}

}  // namespace
}  // namespace gilvm::text
