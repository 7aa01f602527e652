#include "common/code_record.h"

#include <gtest/gtest.h>

namespace medcode {
namespace {

// The GEM flags in words, and back: what a crosswalk attribute's detail holds.
TEST(CodeRecordTest, WritesAndReadsGemFlagsInWords) {
  const struct {
    GemFlags flags;
    const char* detail;
  } rows[] = {
      {{false, false, 0, 0}, "identical"},
      {{true, false, 0, 0}, "approximate"},
      {{true, true, 1, 2}, "approximate; combination: scenario 1, choice list 2"},
      {{false, true, 9, 9}, "identical; combination: scenario 9, choice list 9"},
  };
  for (const auto& row : rows) {
    EXPECT_EQ(gem_flags_detail(row.flags), row.detail);
    const auto parsed = parse_gem_flags_detail(row.detail);
    ASSERT_TRUE(parsed.has_value()) << row.detail;
    EXPECT_EQ(parsed->approximate, row.flags.approximate) << row.detail;
    EXPECT_EQ(parsed->combination, row.flags.combination) << row.detail;
    EXPECT_EQ(parsed->scenario, row.flags.scenario) << row.detail;
    EXPECT_EQ(parsed->choice_list, row.flags.choice_list) << row.detail;
  }
  // Anything else is not a GEM detail.
  for (const char* other : {"", "exact", "approximate;", "approximate; combination: scenario 0, choice list 1",
                            "approximate; combination: scenario 1, choice list 12", "approximatee"}) {
    EXPECT_FALSE(parse_gem_flags_detail(other).has_value()) << other;
  }
}

}  // namespace
}  // namespace medcode
