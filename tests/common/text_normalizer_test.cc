#include "common/text_normalizer.h"

#include <gtest/gtest.h>

namespace medcode {
namespace {

// Input -> search form.
TEST(TextNormalizerTest, FoldsToSearchForm) {
  const struct {
    const char* input;
    const char* expected;
  } rows[] = {
      // case folding, including full folding of ß
      {"Acute MYOCARDIAL Infarction", "acute myocardial infarction"},
      {"Stra\xC3\x9F" "e", "strasse"},
      // accents removed after NFKD
      {"M\xC3\xA9ni\xC3\xA8re's disease", "meniere's disease"},
      {"Sj\xC3\xB6gren syndrome", "sjogren syndrome"},
      // typographic apostrophe and dashes made plain
      {"Colles\xE2\x80\x99 fracture", "colles' fracture"},
      {"beta\xE2\x80\x93" "blocker", "beta-blocker"},
      // U+00AD SOFT HYPHEN ignored inside words
      {"hyper\xC2\xADtension", "hypertension"},
      // whitespace runs collapsed and trimmed, including NO-BREAK SPACE
      {"  heart \xC2\xA0 attack\t", "heart attack"},
      // compatibility forms: ligature and full-width letters
      {"\xEF\xAC\x81" "brosis", "fibrosis"},
      {"\xEF\xBC\xA9\xEF\xBC\x92\xEF\xBC\x91", "i21"},
      {"", ""},
  };
  for (const auto& row : rows) {
    auto normalized = normalize_for_search(row.input);
    ASSERT_TRUE(normalized.is_ok()) << row.input;
    EXPECT_EQ(normalized.value(), row.expected) << row.input;
  }
}

TEST(TextNormalizerTest, RejectsInvalidUtf8WithByteOffset) {
  auto normalized = normalize_for_search("abc\xFF");
  ASSERT_FALSE(normalized.is_ok());
  EXPECT_EQ(normalized.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(normalized.status().message(), "text is not valid UTF-8 at byte 3");
}

}  // namespace
}  // namespace medcode
