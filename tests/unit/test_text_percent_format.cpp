#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "vm/native_error.hpp"
#include "vm/text/float_format.hpp"
#include "vm/text/percent_format.hpp"
#include "vm/text/repr.hpp"
#include "vm/text/utf8.hpp"

namespace gilvm::text {
namespace {

// A tiny stand-in for Python values: None, int (GMP), float, str.
struct Fake {
  enum Kind { kNone, kInt, kFloat, kStr } kind = kNone;
  std::shared_ptr<__mpz_struct> integer_value;
  double float_value = 0;
  std::string text_value;

  static Fake none() { return Fake{}; }
  static Fake integer(const char* decimal) {
    Fake f;
    f.kind = kInt;
    f.integer_value.reset(new __mpz_struct, [](__mpz_struct* z) {
      mpz_clear(z);
      delete z;
    });
    mpz_init_set_str(f.integer_value.get(), decimal, 10);
    return f;
  }
  static Fake real(std::uint64_t bits) {
    Fake f;
    f.kind = kFloat;
    std::memcpy(&f.float_value, &bits, sizeof bits);
    return f;
  }
  static Fake text(std::string_view s) {
    Fake f;
    f.kind = kStr;
    f.text_value = s;
    return f;
  }
  const char* type_name() const {
    switch (kind) {
      case kNone: return "NoneType";
      case kInt: return "int";
      case kFloat: return "float";
      default: return "str";
    }
  }
};

// The right operand of %: a tuple, a single value or a dict.
struct Operand {
  enum Kind { kTuple, kSingle, kMapping } kind = kTuple;
  std::vector<Fake> items;
  std::vector<std::pair<std::string_view, Fake>> entries;

  static Operand tuple(std::vector<Fake> items) { return Operand{kTuple, std::move(items), {}}; }
  static Operand single(Fake value) { return Operand{kSingle, {std::move(value)}, {}}; }
  static Operand mapping(std::vector<std::pair<std::string_view, Fake>> entries) {
    return Operand{kMapping, {}, std::move(entries)};
  }
};

struct PercentCase {
  std::string_view format;
  Operand operand;
  std::string_view expected;  // result or error message
  const char* error;
};

#include "tests/unit/text_percent_expected.inc"

[[noreturn]] void type_error(std::string message) {
  throw_native(ErrorKind::TypeError, std::move(message));
}

class FakeArgs : public PercentArgs {
 public:
  explicit FakeArgs(const Operand& operand) : operand_(operand) {
    // A dict operand is also the single positional argument ('%s' % {}).
    if (operand.kind == Operand::kMapping) dict_self_ = Fake::text("{...}");
  }

  std::size_t positional_count() override {
    return operand_.kind == Operand::kMapping ? 1 : operand_.items.size();
  }
  PercentArg positional(std::size_t index) override {
    if (operand_.kind == Operand::kMapping) return &dict_self_;
    return &operand_.items.at(index);
  }
  bool is_mapping() override { return operand_.kind == Operand::kMapping; }
  PercentArg lookup(std::string_view key) override {
    for (const auto& entry : operand_.entries) {
      if (entry.first == key) return &entry.second;
    }
    throw_native(ErrorKind::KeyError, repr_str(key));
  }

  void append_str(std::string& out, PercentArg arg) override {
    const Fake& f = get(arg);
    switch (f.kind) {
      case Fake::kNone: out += "None"; break;
      case Fake::kInt: append_decimal(out, f); break;
      case Fake::kFloat: append_float_repr(out, f.float_value); break;
      case Fake::kStr:
        out += &f == &dict_self_ ? dict_repr() : f.text_value;
        break;
    }
  }
  void append_repr(std::string& out, PercentArg arg) override {
    const Fake& f = get(arg);
    if (f.kind == Fake::kStr && &f != &dict_self_) {
      append_repr_str(out, f.text_value);
    } else {
      append_str(out, arg);
    }
  }
  void append_ascii(std::string& out, PercentArg arg) override {
    std::string repr;
    append_repr(repr, arg);
    for (char32_t cp : CodePoints(repr)) {
      char buf[16];
      if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
      } else {
        std::snprintf(buf, sizeof buf, cp <= 0xFF ? "\\x%02x" : cp <= 0xFFFF ? "\\u%04x" : "\\U%08x",
                      static_cast<unsigned>(cp));
        out += buf;
      }
    }
  }

  // Bytes mode: a str fake stands for a bytes object.
  void append_bytes(std::string& out, PercentArg arg) override {
    const Fake& f = get(arg);
    if (f.kind != Fake::kStr) {
      type_error(std::string("%b requires a bytes-like object, or an object that implements __bytes__, not '") +
                 f.type_name() + "'");
    }
    out += f.text_value;
  }

  PercentInt to_int(PercentArg arg, char conversion) override {
    const Fake& f = get(arg);
    const bool any_real = conversion == 'd' || conversion == 'i' || conversion == 'u';
    if (f.kind == Fake::kInt) return as_percent_int(f);
    if (f.kind == Fake::kFloat && any_real) {
      truncated_.push_back(Fake::integer(std::to_string(static_cast<long long>(std::trunc(f.float_value))).c_str()));
      return as_percent_int(truncated_.back());
    }
    type_error(std::string("%") + conversion + " format: " +
               (any_real ? "a real number is required, not " : "an integer is required, not ") +
               f.type_name());
  }
  double to_float(PercentArg arg) override {
    const Fake& f = get(arg);
    if (f.kind == Fake::kFloat) return f.float_value;
    if (f.kind == Fake::kInt) {
      if (mpz_sizeinbase(f.integer_value.get(), 2) > 1024) {
        throw_native(ErrorKind::OverflowError, "int too large to convert to float");
      }
      return mpz_get_d(f.integer_value.get());
    }
    type_error(std::string("must be real number, not ") + f.type_name());
  }
  PercentInt char_code(PercentArg arg) override {
    const Fake& f = get(arg);
    if (f.kind == Fake::kInt) return as_percent_int(f);
    if (f.kind == Fake::kStr && code_point_count(f.text_value) == 1) {
      std::size_t pos = 0;
      return PercentInt{decode_utf8(f.text_value, pos), nullptr};
    }
    type_error("%c requires int or char");
  }
  std::optional<PercentInt> star_int(PercentArg arg) override {
    const Fake& f = get(arg);
    if (f.kind != Fake::kInt) return std::nullopt;
    return as_percent_int(f);
  }

 private:
  static const Fake& get(PercentArg arg) { return *static_cast<const Fake*>(arg); }

  // Hands small ints over as int64 and big ones as mpz, exercising both.
  static PercentInt as_percent_int(const Fake& f) {
    if (mpz_fits_slong_p(f.integer_value.get())) return PercentInt{mpz_get_si(f.integer_value.get()), nullptr};
    return PercentInt{0, f.integer_value.get()};
  }
  static void append_decimal(std::string& out, const Fake& f) {
    char* s = mpz_get_str(nullptr, 10, f.integer_value.get());
    out += s;
    void (*free_fn)(void*, size_t);
    mp_get_memory_functions(nullptr, nullptr, &free_fn);
    free_fn(s, std::strlen(s) + 1);
  }
  std::string dict_repr() {
    std::string out = "{";
    for (std::size_t i = 0; i < operand_.entries.size(); ++i) {
      if (i) out += ", ";
      append_repr_str(out, operand_.entries[i].first);
      out += ": ";
      append_repr(out, &operand_.entries[i].second);
    }
    return out + "}";
  }

  const Operand& operand_;
  Fake dict_self_;
  std::vector<Fake> truncated_;
};

const char* kind_name(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::TypeError: return "TypeError";
    case ErrorKind::ValueError: return "ValueError";
    case ErrorKind::OverflowError: return "OverflowError";
    case ErrorKind::KeyError: return "KeyError";
    default: return "other";
  }
}

TEST(TextPercentFormat, MatchesCPython) {
  for (const PercentCase& c : kPercentCases) {
    FakeArgs args(c.operand);
    std::string label = "'" + std::string(c.format) + "' % ...";
    try {
      std::string got = percent_format(c.format, args);
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
  EXPECT_GT(std::size(kPercentCases), 500u);
}

// Bytes mode; the expected values are CPython 3.11's for the same bytes
// formats (with bytes objects where the fakes hold text).
TEST(TextPercentFormat, BytesMode) {
  struct BytesCase {
    std::string_view format;
    Operand operand;
    std::string_view expected;
    const char* error;
  };
  const BytesCase cases[] = {
      {"%5s|%-5s|%.1s", Operand::tuple({Fake::text("abc"), Fake::text("de"), Fake::text("xyz")}), "  abc|de   |x",
       nullptr},
      {"%5c|%-3c|", Operand::tuple({Fake::integer("65"), Fake::integer("66")}), "    A|B  |", nullptr},
      {"%c", Operand::single(Fake::integer("256")), "%c arg not in range(256)", "OverflowError"},
      {"%c", Operand::single(Fake::integer("-1")), "%c arg not in range(256)", "OverflowError"},
      {"%c", Operand::single(Fake::integer("255")), "\xff", nullptr},
      {"%.2s", Operand::single(Fake::text("\xc3\xa9x")), "\xc3\xa9", nullptr},
      {"%b", Operand::single(Fake::integer("1")),
       "%b requires a bytes-like object, or an object that implements __bytes__, not 'int'", "TypeError"},
      {"abc", Operand::tuple({Fake::integer("1")}), "not all arguments converted during bytes formatting",
       "TypeError"},
      {"%y", Operand::single(Fake::integer("3")), "unsupported format character 'y' (0x79) at index 1",
       "ValueError"},
      {"\xc3\xa9%y", Operand::single(Fake::integer("3")), "unsupported format character 'y' (0x79) at index 3",
       "ValueError"},
      {"%\xfe", Operand::single(Fake::integer("3")), "character argument not in range(0x110000)",
       "OverflowError"},
      {"%#x|%05d|%+.2f", Operand::tuple({Fake::integer("255"), Fake::integer("-42"), Fake::real(0x400c000000000000)}),
       "0xff|-0042|+3.50", nullptr},
  };
  for (const BytesCase& c : cases) {
    // The literal escapes above stand for raw bytes.
    auto unescape = [](std::string_view s) {
      std::string out;
      for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '\\' && i + 3 < s.size() && s[i + 1] == 'x') {
          out.push_back(static_cast<char>(std::stoi(std::string(s.substr(i + 2, 2)), nullptr, 16)));
          i += 3;
        } else {
          out.push_back(s[i]);
        }
      }
      return out;
    };
    Operand operand = c.operand;
    for (Fake& f : operand.items) {
      if (f.kind == Fake::kStr) f.text_value = unescape(f.text_value);
    }
    FakeArgs args(operand);
    const std::string format = unescape(c.format);
    try {
      std::string got = percent_format(format, args, PercentMode::kBytes);
      if (c.error) ADD_FAILURE() << c.format << ": expected " << c.error << ", got '" << got << "'";
      else EXPECT_EQ(got, unescape(c.expected)) << c.format;
    } catch (const NativeError& e) {
      if (!c.error) {
        ADD_FAILURE() << c.format << ": unexpected error " << e.what();
      } else {
        EXPECT_STREQ(kind_name(e.kind), c.error) << c.format;
        EXPECT_EQ(std::string_view(e.what()), c.expected) << c.format;
      }
    }
  }
}

}  // namespace
}  // namespace gilvm::text
