#include "indexer/sources/icd10cm_table_reader.h"

#include <gtest/gtest.h>

#include "tests/support/fixture_corpus.h"

namespace medcode::indexer {
namespace {

TEST(Icd10CmTableReaderTest, ReadsDrugTableCellsWithColumnHeadings) {
  auto table = read_icd10cm_table(
      testing::read_file(testing::fixture_path("icd10cm/icd10cm-drug-2026.xml")), "drug.xml");
  ASSERT_TRUE(table.is_ok()) << table.status().to_string();
  ASSERT_EQ(table.value().headings.size(), 7u);
  EXPECT_EQ(table.value().headings[0], "Substance");
  // Acetaminophen: 6 codes; Acetone: 1 code, "--" ignored, col 9 has no heading.
  ASSERT_EQ(table.value().entries.size(), 7u);
  const TableCellEntry& first = table.value().entries[0];
  EXPECT_EQ(first.path, std::vector<std::string>{"Acetaminophen"});
  EXPECT_EQ(first.column, "Poisoning Accidental (unintentional)");
  EXPECT_EQ(first.code, "T391X1");
  EXPECT_EQ(table.value().entries[4].column, "Adverse effect");
  EXPECT_EQ(table.value().entries[6].path, std::vector<std::string>{"Acetone (oils)"});
  ASSERT_EQ(table.value().skipped.count(), 1u);
  EXPECT_EQ(table.value().skipped.examples()[0], "drug.xml:28: cell col=\"9\" has no column heading");
}

TEST(Icd10CmTableReaderTest, ReadsNeoplasmTableSubterms) {
  auto table = read_icd10cm_table(
      testing::read_file(testing::fixture_path("icd10cm/icd10cm-neoplasm-2026.xml")), "neo.xml");
  ASSERT_TRUE(table.is_ok()) << table.status().to_string();
  ASSERT_EQ(table.value().entries.size(), 3u);
  const TableCellEntry& lung = table.value().entries[1];
  EXPECT_EQ(lung.path, (std::vector<std::string>{"Neoplasm, neoplastic", "lung"}));
  EXPECT_EQ(lung.column, "Malignant Primary");
  EXPECT_EQ(lung.code, "C349");
  // "-" means no code; "bogus" is reported.
  ASSERT_EQ(table.value().skipped.count(), 1u);
  EXPECT_EQ(table.value().skipped.examples()[0],
            "neo.xml:23: cell \"bogus\" is not an ICD-10-CM code");
}

TEST(Icd10CmTableReaderTest, RejectsTableWithoutHeadings) {
  auto table = read_icd10cm_table("<ICD10CM.index><letter/></ICD10CM.index>", "x.xml");
  ASSERT_FALSE(table.is_ok());
  EXPECT_EQ(table.status().message(), "x.xml: no <indexHeading>; is this the drug or neoplasm table?");
  auto bad_column = read_icd10cm_table(
      "<ICD10CM.index><indexHeading><head col=\"x\">S</head></indexHeading></ICD10CM.index>", "y.xml");
  ASSERT_FALSE(bad_column.is_ok());
  EXPECT_EQ(bad_column.status().message(), "y.xml:1: <head> col=\"x\" is not a column number 1-32");
}

}  // namespace
}  // namespace medcode::indexer
