#include "indexer/build/code_validity.h"

#include <gtest/gtest.h>

namespace medcode::indexer {
namespace {

OrderFile order_file(const std::vector<OrderEntry>& entries) {
  OrderFile file;
  file.entries = entries;
  return file;
}

OrderEntry entry(const std::string& code, bool billable, const std::string& title) {
  return OrderEntry{0, code, billable, title, title, 0};
}

CodeRecord record(const std::string& code, bool billable, const std::string& title) {
  CodeRecord r;
  r.system = "icd10pcs";
  r.code = code;
  r.is_billable = billable;
  r.title = title;
  r.sort_key = code;
  return r;
}

std::string attribute(const CodeRecord& r, const std::string& name) {
  for (const auto& a : r.attributes) {
    if (a.name == name) return a.value;
  }
  return "";
}

// Three releases: a code in all of them, one added in the middle, one added last, one
// deleted in the middle, one deleted last, one retitled, one that became a header.
class CodeValidityTest : public ::testing::Test {
 protected:
  void SetUp() override {
    fy2024_ = order_file({entry("0DT", false, "Resection"), entry("0DTJ4ZZ", true, "Resection of appendix"),
                          entry("0DTJ0ZZ", true, "Open resection"), entry("0DTK0ZZ", true, "Old title")});
    fy2025_ = order_file({entry("0DT", false, "Resection"), entry("0DTJ4ZZ", true, "Resection of appendix"),
                          entry("0DTJ0ZZ", true, "Open resection"), entry("0DTK0ZZ", true, "Old title"),
                          entry("0DTL0ZZ", true, "Added in 2025"), entry("0DTM0ZZ", true, "Gone in 2025")});
    fy2024_.entries.push_back(entry("0DTX0ZZ", true, "Gone in 2025 already"));
    records_ = {record("0DT", false, "Resection"), record("0DTJ4ZZ", true, "Resection of appendix"),
                record("0DTK0ZZ", false, "New title"), record("0DTL0ZZ", true, "Added in 2025"),
                record("0DTN0ZZ", true, "Added in 2026")};
    sources_.system = "icd10pcs";
    sources_.release = "fy2026";
    sources_.effective_date = "2025-10-01";
    sources_.earlier = {{"fy2024", "2023-10-01", &fy2024_}, {"fy2025", "2024-10-01", &fy2025_}};
  }
  const CodeRecord& find(const std::string& code) const {
    for (const auto& r : records_) {
      if (r.code == code) return r;
    }
    throw std::runtime_error(code);
  }
  OrderFile fy2024_, fy2025_;
  std::vector<CodeRecord> records_;
  ValiditySources sources_;
};

TEST_F(CodeValidityTest, KnowsWhenEachCodeStartedAndEnded) {
  const ValidityResult result = apply_code_validity(records_, sources_);
  // In every release read: valid since the oldest, or earlier; nothing to mark.
  EXPECT_EQ(find("0DTJ4ZZ").validity.from_release, "");
  EXPECT_TRUE(find("0DTJ4ZZ").attributes.empty());
  EXPECT_EQ(find("0DTL0ZZ").validity.from_release, "fy2025");
  EXPECT_EQ(find("0DTL0ZZ").validity.from_date, "2024-10-01");
  EXPECT_EQ(attribute(find("0DTL0ZZ"), "Status"), "New in FY2025");
  EXPECT_EQ(find("0DTN0ZZ").validity.from_release, "fy2026");
  EXPECT_EQ(result.new_codes, 1u);  // new in the release built

  ASSERT_EQ(result.deleted.size(), 3u);  // 0DTJ0ZZ and 0DTM0ZZ in FY2026, 0DTX0ZZ in FY2025
  for (const auto& gone : result.deleted) {
    EXPECT_FALSE(gone.is_billable);
    EXPECT_TRUE(is_deleted_code(gone));
    EXPECT_EQ(gone.parent, "0DT");
    if (gone.code == "0DTX0ZZ") {
      EXPECT_EQ(gone.validity.until_release, "fy2025");
      EXPECT_EQ(gone.validity.through_date, "2024-09-30");
      EXPECT_EQ(attribute(gone, "Status"), "Deleted in FY2025");
    } else if (gone.code == "0DTM0ZZ") {
      EXPECT_EQ(gone.validity.from_release, "fy2025");
      EXPECT_EQ(gone.validity.until_release, "fy2026");
      EXPECT_EQ(gone.validity.through_date, "2025-09-30");
    } else {
      EXPECT_EQ(gone.code, "0DTJ0ZZ");
      EXPECT_EQ(gone.validity.from_release, "");
    }
  }
}

TEST_F(CodeValidityTest, KeepsEarlierTitlesAndBillableStatus) {
  const ValidityResult result = apply_code_validity(records_, sources_);
  const CodeRecord& changed = find("0DTK0ZZ");
  EXPECT_EQ(attribute(changed, "Title in FY2025"), "Old title");
  EXPECT_EQ(attribute(changed, "Title in FY2024"), "Old title");
  EXPECT_EQ(attribute(changed, "Billable in FY2025"), "yes");
  EXPECT_EQ(result.retitled, 1u);
}

// An unchanged code's record must not depend on which later release is built, or an
// update to the next release would rewrite every document.
TEST_F(CodeValidityTest, UnchangedCodesGetTheSameValidityInEveryLaterRelease) {
  std::vector<CodeRecord> in_2025 = {record("0DTJ4ZZ", true, "Resection of appendix")};
  ValiditySources built_2025 = sources_;
  built_2025.release = "fy2025";
  built_2025.earlier = {{"fy2024", "2023-10-01", &fy2024_}};
  apply_code_validity(in_2025, built_2025);
  apply_code_validity(records_, sources_);
  EXPECT_EQ(in_2025[0].validity.from_release, find("0DTJ4ZZ").validity.from_release);
  EXPECT_EQ(in_2025[0].attributes.size(), find("0DTJ4ZZ").attributes.size());
}

TEST(DayBeforeTest, CrossesMonthsYearsAndLeapDays) {
  EXPECT_EQ(day_before("2025-10-01"), "2025-09-30");
  EXPECT_EQ(day_before("2025-01-01"), "2024-12-31");
  EXPECT_EQ(day_before("2024-03-01"), "2024-02-29");
  EXPECT_EQ(day_before("2025-13-01"), "");
  EXPECT_EQ(day_before("soon"), "");
}

}  // namespace
}  // namespace medcode::indexer
