#include "indexer/sources/code_frequency_reader.h"

#include <gtest/gtest.h>

#include "tests/support/fixture_corpus.h"

namespace medcode::indexer {
namespace {

std::string cell(const std::string& ref, const std::string& text) {
  return "<c r=\"" + ref + "\" t=\"inlineStr\"><is><t>" + text + "</t></is></c>";
}

// A workbook like HCAI's: a Notes sheet first, then the data sheet.
void write_frequency_workbook(const std::string& path, const std::string& data_rows) {
  testing::write_zip_members(
      path, {{"xl/workbook.xml",
              "<workbook><sheets><sheet name=\"Notes\" r:id=\"rId1\"/><sheet name=\"Diagnosis Code Frequencies 2023\" "
              "r:id=\"rId2\"/></sheets></workbook>"},
             {"xl/_rels/workbook.xml.rels",
              "<Relationships><Relationship Id=\"rId1\" Target=\"worksheets/sheet1.xml\"/>"
              "<Relationship Id=\"rId2\" Target=\"worksheets/sheet2.xml\"/></Relationships>"},
             {"xl/worksheets/sheet1.xml",
              "<worksheet><sheetData><row r=\"1\">" + cell("A1", "TotalDiag = times reported") + "</row></sheetData></worksheet>"},
             {"xl/worksheets/sheet2.xml", "<worksheet><sheetData><row r=\"1\">" + cell("A1", "ICDCMCode") +
                                              cell("B1", "DiagnosisDesc") + cell("C1", "TotalDiag") + "</row>" + data_rows +
                                              "</sheetData></worksheet>"}});
}

std::string row(int number, const std::string& code, const std::string& count) {
  const std::string n = std::to_string(number);
  return "<row r=\"" + n + "\">" + cell("A" + n, code) + cell("B" + n, "TITLE") + "<c r=\"C" + n + "\"><v>" + count +
         "</v></c></row>";
}

TEST(CodeFrequencyReaderTest, ReadsTheDataSheetPastTheNotes) {
  testing::TempDir dir;
  write_frequency_workbook(dir / "ed.xlsx", row(2, "J18.9", "41234") + row(3, "R05.9", "812") + row(4, "I10", "7"));
  auto read = read_code_frequencies(dir / "ed.xlsx");
  ASSERT_TRUE(read.is_ok()) << read.status().to_string();
  EXPECT_EQ(read.value().mentions.at("J189"), 41234u);
  EXPECT_EQ(read.value().mentions.at("R059"), 812u);
  EXPECT_EQ(read.value().mentions.at("I10"), 7u);
  EXPECT_EQ(read.value().skipped.count(), 0u);
}

TEST(CodeFrequencyReaderTest, SkipsBadRowsWithTheirLocation) {
  testing::TempDir dir;
  write_frequency_workbook(dir / "ip.xlsx", row(2, "J18.9", "10") + row(3, "TOTAL", "99") + row(4, "R05.9", "-3"));
  auto read = read_code_frequencies(dir / "ip.xlsx");
  ASSERT_TRUE(read.is_ok());
  EXPECT_EQ(read.value().mentions.size(), 1u);
  ASSERT_EQ(read.value().skipped.count(), 2u);
  EXPECT_NE(read.value().skipped.examples()[0].find("Diagnosis Code Frequencies 2023:row 3"), std::string::npos);
  EXPECT_NE(read.value().skipped.examples()[0].find("\"TOTAL\" is not ICD-10-CM shaped"), std::string::npos);
  EXPECT_NE(read.value().skipped.examples()[1].find("count \"-3\" is not a whole number"), std::string::npos);
}

TEST(CodeFrequencyReaderTest, RefusesAWorkbookThatIsNotAFrequencyTable) {
  testing::TempDir dir;
  testing::write_zip_members(dir / "other.xlsx",
                             {{"xl/workbook.xml", "<workbook><sheets><sheet name=\"S\" r:id=\"rId1\"/></sheets></workbook>"},
                              {"xl/worksheets/sheet1.xml",
                               "<worksheet><sheetData><row r=\"1\">" + cell("A1", "HCPC") + "</row></sheetData></worksheet>"}});
  auto read = read_code_frequencies(dir / "other.xlsx");
  ASSERT_FALSE(read.is_ok());
  EXPECT_EQ(read.status().message(), dir / "other.xlsx" +
                                         ": no sheet has the columns ICDCMCode and TotalDiag; is it an HCAI Diagnosis Code "
                                         "Frequencies workbook?");
  auto missing = read_code_frequencies(dir / "absent.xlsx");
  ASSERT_FALSE(missing.is_ok());
}

}  // namespace
}  // namespace medcode::indexer
