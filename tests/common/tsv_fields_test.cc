#include "common/tsv_fields.h"

#include <gtest/gtest.h>

namespace medcode {
namespace {

TEST(TsvFieldsTest, SplitsEveryTabKeepingEmptyFields) {
  EXPECT_EQ(split_tabs("a\tb\t"), (std::vector<std::string>{"a", "b", ""}));
  EXPECT_EQ(split_tabs(""), std::vector<std::string>{""});
}

TEST(TsvFieldsTest, RowsSkipEmptyLinesAndCarriageReturns) {
  const auto rows = tsv_rows("icd10cm\tfy2025\t2024-10-01\r\n\nhcpcs\t2025-oct\t2025-10-01");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0], (std::vector<std::string>{"icd10cm", "fy2025", "2024-10-01"}));
  EXPECT_EQ(rows[1][1], "2025-oct");
  EXPECT_TRUE(tsv_rows("").empty());
}

}  // namespace
}  // namespace medcode
