#include "indexer/build/hcpcs_record_builder.h"

#include <gtest/gtest.h>

#include "tests/support/fixture_corpus.h"

namespace medcode::indexer {
namespace {

std::string attribute(const CodeRecord& record, const std::string& name) {
  for (const auto& a : record.attributes) {
    if (a.name == name) return a.value + (a.detail.empty() ? "" : " (" + a.detail + ")");
  }
  return "";
}

TEST(HcpcsRecordBuilderTest, BuildsRecordsWithStatusAndDates) {
  auto file = read_hcpcs_fixed_width(testing::read_file(testing::fixture_path("hcpcs/HCPC2025_OCT_ANWEB_fixture.txt")),
                                     "h.txt");
  ASSERT_TRUE(file.is_ok());
  const auto records = build_hcpcs_records(file.value(), "20251001");
  ASSERT_EQ(records.size(), testing::kFixtureHcpcsCodes);
  const CodeRecord& pump = records[2];
  EXPECT_EQ(pump.code, "E0784");
  EXPECT_EQ(pump.system, "hcpcs");
  EXPECT_EQ(pump.title, "External ambulatory infusion pump, insulin");
  EXPECT_EQ(pump.short_title, "Ext amb infusn pump insulin");
  EXPECT_TRUE(pump.is_billable);
  EXPECT_EQ(pump.chapter, "E");
  EXPECT_EQ(pump.chapter_title, "Durable Medical Equipment");
  // HCPCS dates its codes: valid from the day it was added, with no end yet.
  EXPECT_EQ(pump.validity.from_date, "1996-01-01");
  EXPECT_EQ(pump.validity.through_date, "");
  EXPECT_EQ(pump.sort_key, "E0784");
  EXPECT_EQ(attribute(pump, "Action code"), "N (No maintenance for this code)");
  EXPECT_EQ(attribute(pump, "Coverage code"), "D (Special coverage instructions apply)");
  EXPECT_EQ(attribute(pump, "Added"), "1996-01-01");
  EXPECT_EQ(attribute(pump, "Action effective"), "2000-07-01");
  EXPECT_EQ(attribute(pump, "Status"), "");

  // Terminated before the release took effect: findable, not billable, and says so.
  const CodeRecord& old = records[4];
  EXPECT_EQ(old.code, "J0135");
  EXPECT_FALSE(old.is_billable);
  EXPECT_EQ(attribute(old, "Status"), "Terminated (No longer valid for dates of service after 2024-12-31)");
  EXPECT_EQ(attribute(old, "Termination date"), "2024-12-31");
  EXPECT_EQ(old.validity.through_date, "2024-12-31");
  EXPECT_EQ(records[5].chapter_title, "Drugs Administered Other Than Oral Method");

  const CodeRecord& modifier = records[6];
  EXPECT_EQ(modifier.code, "LT");
  EXPECT_FALSE(modifier.is_billable);
  EXPECT_EQ(modifier.chapter_title, "Level II Modifiers");
  EXPECT_EQ(attribute(modifier, "Kind"), "Modifier");
}

TEST(HcpcsRecordBuilderTest, NamesLevelTwoSections) {
  EXPECT_EQ(hcpcs_section_title("A0428"), "Transportation Services Including Ambulance");
  EXPECT_EQ(hcpcs_section_title("A4230"), "Medical and Surgical Supplies");
  EXPECT_EQ(hcpcs_section_title("J9035"), "Chemotherapy Drugs");
  EXPECT_EQ(hcpcs_section_title("W1234"), "");
}

}  // namespace
}  // namespace medcode::indexer
