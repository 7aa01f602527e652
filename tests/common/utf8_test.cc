#include "common/utf8.h"

#include <gtest/gtest.h>

namespace medcode {
namespace {

// Offsets of the first invalid byte.
TEST(Utf8Test, FindsFirstInvalidByte) {
  EXPECT_FALSE(find_invalid_utf8("plain ascii").has_value());
  EXPECT_FALSE(find_invalid_utf8("M\xC3\xA9ni\xC3\xA8re").has_value());  // Ménière
  EXPECT_EQ(find_invalid_utf8("ab\xFF" "cd"), 2u);
  EXPECT_EQ(find_invalid_utf8("a\xC3"), 1u);                  // truncated sequence
  EXPECT_EQ(find_invalid_utf8("a\xC0\xAF"), 1u);              // overlong "/"
  EXPECT_EQ(find_invalid_utf8("a\xED\xA0\x80"), 1u);          // UTF-16 surrogate
}

TEST(Utf8Test, ConvertsOffsetToLineAndColumn) {
  const std::string text = "first\nsecond\nthird";
  EXPECT_EQ(position_at(text, 0).line, 1u);
  EXPECT_EQ(position_at(text, 0).column, 1u);
  EXPECT_EQ(position_at(text, 8).line, 2u);
  EXPECT_EQ(position_at(text, 8).column, 3u);
  EXPECT_EQ(position_at(text, 1000).line, 3u);
}

TEST(Utf8Test, QuotesValuesSafelyAndShortly) {
  EXPECT_EQ(quote_for_message("a\"b"), "\"a\\\"b\"");
  EXPECT_EQ(quote_for_message("tab\there\n"), "\"tab\\there\\n\"");
  EXPECT_EQ(quote_for_message("bad\xFF"), "\"bad\\xFF\"");
  EXPECT_EQ(quote_for_message(std::string(100, 'x'), 10), "\"xxxxxxxxxx...\"");
}

TEST(Utf8Test, ReportsInvalidUtf8WithFileLineAndColumn) {
  const Status status = check_utf8("ok\nab\xFF", "tabular.xml");
  EXPECT_EQ(status.code(), StatusCode::kDataError);
  EXPECT_EQ(status.message(), "tabular.xml:2:3: invalid UTF-8 (byte 0xFF)");
  EXPECT_TRUE(check_utf8("fine", "x").is_ok());
}

TEST(Utf8Test, ReplacesInvalidBytesForEcho) {
  EXPECT_EQ(to_valid_utf8("a\xFF" "b"), "a\xEF\xBF\xBD" "b");
  EXPECT_EQ(to_valid_utf8("clean"), "clean");
}

}  // namespace
}  // namespace medcode
