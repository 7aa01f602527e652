#include "indexer/sources/hcpcs_reader.h"

#include <gtest/gtest.h>

#include "indexer/sources/xlsx_sheet_reader.h"
#include "tests/support/fixture_corpus.h"

namespace medcode::indexer {
namespace {

const HcpcsEntry* find(const HcpcsFile& file, const std::string& code) {
  for (const auto& entry : file.entries) {
    if (entry.code == code) return &entry;
  }
  return nullptr;
}

// Both official forms of the same release give the same entries.
void expect_fixture_entries(const HcpcsFile& file) {
  ASSERT_EQ(file.entries.size(), testing::kFixtureHcpcsCodes);
  const HcpcsEntry* pump = find(file, "E0784");
  ASSERT_NE(pump, nullptr);
  EXPECT_EQ(pump->long_description, "External ambulatory infusion pump, insulin");
  EXPECT_EQ(pump->short_description, "Ext amb infusn pump insulin");
  EXPECT_EQ(pump->coverage_code, "D");
  EXPECT_EQ(pump->add_date, "19960101");
  EXPECT_EQ(pump->action_effective_date, "20000701");
  EXPECT_EQ(pump->action_code, "N");
  EXPECT_FALSE(pump->is_modifier);
  // Continuation record joined onto the first.
  EXPECT_EQ(find(file, "E0787")->long_description,
            "External ambulatory infusion pump, insulin, dosage rate adjustment using therapeutic continuous "
            "glucose sensing");
  EXPECT_EQ(find(file, "J0135")->termination_date, "20241231");
  const HcpcsEntry* modifier = find(file, "LT");
  ASSERT_NE(modifier, nullptr);
  EXPECT_TRUE(modifier->is_modifier);
  EXPECT_EQ(modifier->short_description, "Left side");
}

TEST(HcpcsReaderTest, ReadsTheFixedWidthFile) {
  auto file = read_hcpcs_fixed_width(testing::read_file(testing::fixture_path("hcpcs/HCPC2025_OCT_ANWEB_fixture.txt")),
                                     "HCPC.txt");
  ASSERT_TRUE(file.is_ok()) << file.status().to_string();
  expect_fixture_entries(file.value());
  // The line with record id 5 is skipped, named by line.
  ASSERT_EQ(file.value().skipped.count(), 1u);
  EXPECT_EQ(file.value().skipped.examples()[0], "HCPC.txt:4: record id \"5\" is not 3, 4, 7 or 8");
}

TEST(HcpcsReaderTest, ReadsTheAnwebWorkbook) {
  testing::TempDir dir;
  testing::write_anweb_xlsx(dir / "anweb.xlsx");
  auto file = read_hcpcs_anweb_xlsx(dir / "anweb.xlsx");
  ASSERT_TRUE(file.is_ok()) << file.status().to_string();
  expect_fixture_entries(file.value());
  EXPECT_EQ(file.value().skipped.count(), 0u);
  EXPECT_EQ(find(file.value(), "C1776")->short_description, "Joint device (implantable)");  // inline string cell
}

TEST(HcpcsReaderTest, ReportsBadRecordsAndFiles) {
  // Continuation before its first record, a bad date, a duplicate, a short line.
  std::string first(320, ' '), orphan(320, ' '), bad_date(320, ' ');
  first.replace(0, 11, "E0100000103");
  first.replace(11, 4, "Cane");
  orphan.replace(0, 11, "E0105000204");
  bad_date.replace(0, 11, "E0110000103");
  bad_date.replace(268, 8, "2019XX01");
  const std::string text = first + "\n" + orphan + "\n" + bad_date + "\n" + first + "\nshort line\n";
  auto file = read_hcpcs_fixed_width(text, "h.txt");
  ASSERT_TRUE(file.is_ok()) << file.status().to_string();
  ASSERT_EQ(file.value().entries.size(), 1u);
  ASSERT_EQ(file.value().skipped.count(), 4u);
  EXPECT_EQ(file.value().skipped.examples()[0], "h.txt:2: continuation of E0105 before its first record");
  EXPECT_EQ(file.value().skipped.examples()[1], "h.txt:3: date \"2019XX01\" is not YYYYMMDD");
  EXPECT_EQ(file.value().skipped.examples()[2], "h.txt:4: code E0100 appears twice; keeping the first");

  auto invalid = read_hcpcs_fixed_width("E0100\xff", "h.txt");
  ASSERT_FALSE(invalid.is_ok());
  EXPECT_NE(invalid.status().message().find("invalid UTF-8"), std::string::npos);
  auto empty = read_hcpcs_fixed_width("\n\n", "h.txt");
  ASSERT_FALSE(empty.is_ok());
  EXPECT_EQ(empty.status().message(), "h.txt: no HCPCS records found (0 lines skipped)");
}

TEST(HcpcsReaderTest, RefusesAWorkbookWithoutTheAnwebColumns) {
  testing::TempDir dir;
  testing::write_zip_members(dir / "other.xlsx",
                             {{"xl/workbook.xml", "<workbook><sheets><sheet name=\"S\" r:id=\"rId1\"/></sheets></workbook>"},
                              {"xl/worksheets/sheet1.xml",
                               "<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>HCPC</t></is></c>"
                               "</row></sheetData></worksheet>"}});
  auto file = read_hcpcs_anweb_xlsx(dir / "other.xlsx");
  ASSERT_FALSE(file.is_ok());
  EXPECT_EQ(file.status().message(), dir / "other.xlsx" + ": header row has no \"RECID\" column; is this the ANWEB file?");
  testing::write_file(dir / "plain.xlsx", "not a zip");
  auto plain = read_hcpcs_anweb_xlsx(dir / "plain.xlsx");
  ASSERT_FALSE(plain.is_ok());
  EXPECT_EQ(plain.status().code(), StatusCode::kDataError);
}

TEST(XlsxSheetReaderTest, NamesColumnsLikeSpreadsheets) {
  EXPECT_EQ(xlsx_column_index("A1"), 0);
  EXPECT_EQ(xlsx_column_index("Z9"), 25);
  EXPECT_EQ(xlsx_column_index("AV1"), 47);
  EXPECT_EQ(xlsx_column_index("7"), -1);
}

TEST(XlsxSheetReaderTest, ReportsAMissingSharedString) {
  testing::TempDir dir;
  testing::write_zip_members(dir / "x.xlsx",
                             {{"xl/workbook.xml", "<workbook><sheets><sheet name=\"S\"/></sheets></workbook>"},
                              {"xl/worksheets/sheet1.xml",
                               "<worksheet><sheetData><row r=\"1\"><c r=\"B1\" t=\"s\"><v>3</v></c></row>"
                               "</sheetData></worksheet>"}});
  auto sheet = read_xlsx_first_sheet(dir / "x.xlsx");
  ASSERT_FALSE(sheet.is_ok());
  EXPECT_NE(sheet.status().message().find("cell B1 refers to shared string 3 of 0"), std::string::npos)
      << sheet.status().message();
}

}  // namespace
}  // namespace medcode::indexer
