#include <gtest/gtest.h>

#include <string>

#include "vm/text/utf8.hpp"

namespace gilvm::text {
namespace {

TEST(TextUtf8, EncodeLengths) {
  char buf[4];
  EXPECT_EQ(encode_utf8(U'a', buf), 1u);
  EXPECT_EQ(encode_utf8(0xE9, buf), 2u);
  EXPECT_EQ(std::string(buf, 2), "\xC3\xA9");
  EXPECT_EQ(encode_utf8(0x20AC, buf), 3u);
  EXPECT_EQ(std::string(buf, 3), "\xE2\x82\xAC");
  EXPECT_EQ(encode_utf8(0x1F600, buf), 4u);
  EXPECT_EQ(std::string(buf, 4), "\xF0\x9F\x98\x80");
  EXPECT_EQ(encode_utf8(0xD800, buf), 3u);  // lone surrogates are storable
  EXPECT_EQ(std::string(buf, 3), "\xED\xA0\x80");
  EXPECT_EQ(utf8_length(0x7F), 1u);
  EXPECT_EQ(utf8_length(0x80), 2u);
  EXPECT_EQ(utf8_length(0x7FF), 2u);
  EXPECT_EQ(utf8_length(0x800), 3u);
  EXPECT_EQ(utf8_length(0xFFFF), 3u);
  EXPECT_EQ(utf8_length(0x10000), 4u);
}

TEST(TextUtf8, RoundTripEveryCodePoint) {
  std::string all;
  for (char32_t cp = 0; cp <= kMaxCodePoint; ++cp) append_utf8(all, cp);
  EXPECT_EQ(code_point_count(all), std::size_t{kMaxCodePoint + 1});
  std::size_t pos = 0;
  for (char32_t cp = 0; cp <= kMaxCodePoint; ++cp) {
    ASSERT_EQ(decode_utf8(all, pos), cp);
  }
  EXPECT_EQ(pos, all.size());
  // Stored text with surrogates passes only the lenient check.
  EXPECT_TRUE(check_utf8(all, true).valid);
  EXPECT_EQ(check_utf8(all, true).code_points, std::size_t{kMaxCodePoint + 1});
  EXPECT_FALSE(check_utf8(all, false).valid);
}

TEST(TextUtf8, DecodeWholeAndBackward) {
  std::string s = "a\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80z";
  EXPECT_EQ(decode_utf8(s), std::u32string(U"a\u00E9\u20AC\U0001F600z"));
  EXPECT_EQ(encode_utf8(std::u32string_view(U"a\u00E9\u20AC\U0001F600z")), s);
  std::size_t pos = s.size();
  EXPECT_EQ(decode_utf8_backward(s, pos), U'z');
  EXPECT_EQ(decode_utf8_backward(s, pos), char32_t{0x1F600});
  EXPECT_EQ(decode_utf8_backward(s, pos), char32_t{0x20AC});
  EXPECT_EQ(decode_utf8_backward(s, pos), char32_t{0xE9});
  EXPECT_EQ(decode_utf8_backward(s, pos), U'a');
  EXPECT_EQ(pos, 0u);
}

TEST(TextUtf8, AsciiDetection) {
  EXPECT_TRUE(is_ascii(""));
  EXPECT_TRUE(is_ascii("hello, world; this is longer than eight bytes"));
  EXPECT_FALSE(is_ascii("hello, world; this is longer than eight bytes\xC3\xA9"));
  EXPECT_FALSE(is_ascii("\xC3\xA9 then a long ascii tail of text"));
  for (std::size_t at = 0; at < 20; ++at) {
    std::string s(20, 'x');
    s[at] = '\x80';
    EXPECT_FALSE(is_ascii(s)) << at;
  }
}

TEST(TextUtf8, CountAndOffsets) {
  std::string s;
  std::u32string cps = U"ab\u00E9cdefghij\U0001F600klmnopqrstu\u4E2Dvwxyz0123456789";
  for (char32_t cp : cps) append_utf8(s, cp);
  ASSERT_EQ(code_point_count(s), cps.size());
  std::size_t expected_offset = 0;
  for (std::size_t i = 0; i <= cps.size(); ++i) {
    EXPECT_EQ(byte_offset_of(s, i), expected_offset) << i;
    if (i < cps.size()) expected_offset += utf8_length(cps[i]);
  }
  EXPECT_EQ(byte_offset_of(std::string(100, 'a'), 37), 37u);
  EXPECT_EQ(code_point_count(""), 0u);
}

TEST(TextUtf8, Iteration) {
  std::string s = "x\xC3\xA9\xF0\x9F\x98\x80";
  std::u32string seen;
  std::vector<std::size_t> offsets;
  CodePoints range(s);
  for (auto it = range.begin(); it != range.end(); ++it) {
    seen.push_back(*it);
    offsets.push_back(it.offset());
  }
  EXPECT_EQ(seen, std::u32string(U"x\u00E9\U0001F600"));
  EXPECT_EQ(offsets, (std::vector<std::size_t>{0, 1, 3}));
}

TEST(TextUtf8, CheckValidText) {
  Utf8Check ascii = check_utf8("plain ascii text, long enough for words");
  EXPECT_TRUE(ascii.valid);
  EXPECT_TRUE(ascii.ascii);
  EXPECT_EQ(ascii.code_points, 39u);
  Utf8Check mixed = check_utf8("caf\xC3\xA9 \xF4\x8F\xBF\xBF");
  EXPECT_TRUE(mixed.valid);
  EXPECT_FALSE(mixed.ascii);
  EXPECT_EQ(mixed.code_points, 6u);
}

// Where CPython 3.11's bytes.decode('utf-8') reports each error (the
// bytes [start, end) and the reason; the message itself is composed by
// UnicodeDecodeError's str()).
TEST(TextUtf8, CheckErrorsMatchCPython) {
  struct Case {
    std::string bytes;
    size_t start, end;
    const char* reason;
  };
  const Case cases[] = {
      {"\xFF", 0, 1, "invalid start byte"},
      {"ab\x80", 2, 3, "invalid start byte"},
      {"\xC0\x80", 0, 1, "invalid start byte"},
      {"\xE0\x80", 0, 1, "invalid continuation byte"},
      {"a\xE2\x82", 1, 3, "unexpected end of data"},
      {"\xED\xA0\x80", 0, 1, "invalid continuation byte"},
      {"\xF4\x90\x80\x80", 0, 1, "invalid continuation byte"},
      {"\xC3", 0, 1, "unexpected end of data"},
      {"\xE2\x82(", 0, 2, "invalid continuation byte"},
      {"\xF0\x9F\x98", 0, 3, "unexpected end of data"},
      {"\xF5\x80\x80\x80", 0, 1, "invalid start byte"},
      {"0123456789\xC3(", 10, 11, "invalid continuation byte"},
  };
  for (const Case& c : cases) {
    Utf8Check check = check_utf8(c.bytes);
    ASSERT_FALSE(check.valid) << c.reason;
    EXPECT_EQ(check.error_start, c.start);
    EXPECT_EQ(check.error_end, c.end);
    EXPECT_STREQ(check.reason, c.reason);
  }
  EXPECT_TRUE(check_utf8("\xED\xA0\x80", true).valid);
}

}  // namespace
}  // namespace gilvm::text
