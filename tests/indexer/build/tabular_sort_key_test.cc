#include "indexer/build/tabular_sort_key.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace medcode::indexer {
namespace {

// The ICD-10-CM order file's own oddities: C4A after C43, M1A after M08, U07 after Z99,
// C84.Z before C84.9.
const std::vector<std::string> kTabular = {"C43",  "C430", "C4A",  "C4A0", "C44",  "C440", "C84", "C847", "C84Z",
                                           "C84Z0", "C849", "M08", "M081", "M1A",  "M1A0", "M10", "QA0", "R00",
                                           "Z98",  "Z99",  "Z998", "U07",  "U071", "U09"};

TEST(TabularSortKeyTest, KeysSortInTabularOrder) {
  const TabularOrder order(kTabular);
  std::vector<std::string> keys;
  for (const auto& code : kTabular) keys.push_back(order.key(code));
  EXPECT_TRUE(std::is_sorted(keys.begin(), keys.end()));
  EXPECT_EQ(order.key("C4A0"), "C43~0");
  EXPECT_EQ(order.key("M1A0"), "M08~0");
  EXPECT_EQ(order.key("U071"), "Z99~1");
  EXPECT_EQ(order.key("U09"), "Z99~~");
  EXPECT_EQ(order.key("C84Z0"), "C847~0");
  // Codes in code order keep their code, also the neighbours of a misplaced one.
  EXPECT_EQ(order.key("C440"), "C440");
  EXPECT_EQ(order.key("C849"), "C849");
  EXPECT_EQ(order.key("Z998"), "Z998");
  EXPECT_EQ(order.key("QA0"), "QA0");
  // A code not listed (deleted) sorts under its nearest listed ancestor.
  EXPECT_EQ(order.key("C4A09"), "C43~09");
}

// A release that adds codes changes no other code's key: an update rewrites only those.
TEST(TabularSortKeyTest, AddingCodesMovesNoOtherKey) {
  std::vector<std::string> next = kTabular;
  next.insert(next.begin() + 2, "C431");
  next.insert(next.begin() + 17, "M101");
  const TabularOrder before(kTabular), after(next);
  for (const auto& code : kTabular) EXPECT_EQ(before.key(code), after.key(code)) << code;
}

TEST(TabularSortKeyTest, PositionKeysSortLikeNumbers) {
  EXPECT_LT(position_sort_key(9), position_sort_key(10));
  EXPECT_EQ(position_sort_key(7), "0000000007");
}

}  // namespace
}  // namespace medcode::indexer
