#include <gtest/gtest.h>

#include "indexer/sources/icd10pcs_definitions_reader.h"
#include "indexer/sources/icd10pcs_index_reader.h"
#include "indexer/sources/icd10pcs_tables_reader.h"
#include "tests/support/fixture_corpus.h"

namespace medcode::indexer {
namespace {

std::string fixture(const std::string& name) { return testing::read_file(testing::fixture_path("icd10pcs/" + name)); }

TEST(PcsTablesReaderTest, GivesTheMeaningOfEveryCharacter) {
  auto tables = read_icd10pcs_tables(fixture("icd10pcs_tables_2026.xml"), "tables.xml");
  ASSERT_TRUE(tables.is_ok()) << tables.status().to_string();
  EXPECT_EQ(tables.value().table_count, 3u);
  const PcsAxisValue* section = tables.value().find("0DTJ4ZZ", 1);
  ASSERT_NE(section, nullptr);
  EXPECT_EQ(section->axis_title, "Section");
  EXPECT_EQ(section->label, "Medical and Surgical");
  const PcsAxisValue* operation = tables.value().find("0DTJ4ZZ", 3);
  ASSERT_NE(operation, nullptr);
  EXPECT_EQ(operation->label, "Resection");
  EXPECT_EQ(operation->definition, "Cutting out or off, without replacement, all of a body part");
  EXPECT_EQ(tables.value().find("0DTJ4ZZ", 4)->label, "Appendix");
  EXPECT_EQ(tables.value().find("0DTJ4ZZ", 5)->label, "Percutaneous Endoscopic");
  EXPECT_EQ(tables.value().find("0SRC0J9", 4)->label, "Knee Joint, Right");
  EXPECT_EQ(tables.value().find("0SRC0J9", 7)->label, "Cemented");
  // The same body part character means something else in another table.
  EXPECT_EQ(tables.value().find("0DBJ4ZX", 7)->label, "Diagnostic");
  EXPECT_EQ(tables.value().find("0DTJ4ZX", 7), nullptr);
  // The table whose section label has no code is skipped and logged.
  EXPECT_EQ(tables.value().skipped.count(), 1u);
  EXPECT_NE(tables.value().skipped.examples()[0].find("tables.xml:"), std::string::npos);
}

TEST(PcsTablesReaderTest, RefusesAnotherDocument) {
  auto tables = read_icd10pcs_tables("<ICD10CM.tabular/>", "x.xml");
  ASSERT_FALSE(tables.is_ok());
  EXPECT_EQ(tables.status().code(), StatusCode::kDataError);
  EXPECT_NE(tables.status().message().find("expected <ICD10PCS.tabular>"), std::string::npos)
      << tables.status().message();
  auto empty = read_icd10pcs_tables("<ICD10PCS.tabular></ICD10PCS.tabular>", "x.xml");
  ASSERT_FALSE(empty.is_ok());
  EXPECT_EQ(empty.status().message(), "x.xml: no <pcsTable> with positions 1-3 found");
  auto broken = read_icd10pcs_tables("<ICD10PCS.tabular><pcsTable>", "x.xml");
  ASSERT_FALSE(broken.is_ok());
  EXPECT_NE(broken.status().message().find("x.xml:1:"), std::string::npos) << broken.status().message();
}

TEST(PcsDefinitionsReaderTest, ReadsKeysWithTheirIncludes) {
  auto definitions = read_icd10pcs_definitions(fixture("icd10pcs_definitions_2026.xml"), "definitions.xml");
  ASSERT_TRUE(definitions.is_ok()) << definitions.status().to_string();
  const auto& terms = definitions.value().terms;
  ASSERT_EQ(terms.size(), 5u);
  EXPECT_EQ(terms[0].axis_title, "Operation");
  EXPECT_EQ(terms[0].position, 3);
  EXPECT_EQ(terms[0].definition, "Cutting out or off, without replacement, all of a body part");
  EXPECT_EQ(terms[2].titles, (std::vector<std::string>{"Knee Joint, Left", "Knee Joint, Right"}));
  EXPECT_EQ(terms[2].includes, (std::vector<std::string>{"Femorotibial joint", "Tibiofemoral joint"}));
  EXPECT_EQ(terms[2].section, "0");
  auto wrong = read_icd10pcs_definitions("<ICD10PCS.definitions/>", "d.xml");
  ASSERT_FALSE(wrong.is_ok());
  EXPECT_EQ(wrong.status().message(), "d.xml: no <terms> found");
}

TEST(PcsIndexReaderTest, ReadsTermsWithCodePrefixesAndReferences) {
  auto index = read_icd10pcs_index(fixture("icd10pcs_index_2025.xml"), "index.xml");
  ASSERT_TRUE(index.is_ok()) << index.status().to_string();
  const auto& entries = index.value().entries;
  // Appendectomy (x3), Appendiceal orifice, Arthroplasty, Knee, Right, Left, Broken, Lower joints.
  ASSERT_EQ(entries.size(), 10u);
  EXPECT_EQ(entries[1].path, std::vector<std::string>{"Appendectomy"});
  EXPECT_EQ(entries[1].see, "Excision, Appendix");
  EXPECT_EQ(entries[1].code_prefix, "0DBJ");
  EXPECT_EQ(entries[2].code_prefix, "0DTJ");
  EXPECT_EQ(entries[3].use, "Appendix");
  EXPECT_EQ(entries[6].path, (std::vector<std::string>{"Arthroplasty", "Knee", "Right"}));
  EXPECT_EQ(entries[6].code_prefix, "0SRC");
  EXPECT_EQ(entries[7].code_prefix, "0SRD0JZ");
  EXPECT_EQ(entries[9].code_prefix, "0SR");  // <tab>
  // "0I9" cannot be PCS: PCS never uses the letter I.
  EXPECT_EQ(entries[8].code_prefix, "");
  EXPECT_EQ(index.value().skipped.count(), 1u);
  EXPECT_NE(index.value().skipped.examples()[0].find("\"0I9\" is not an ICD-10-PCS code"), std::string::npos);
}

}  // namespace
}  // namespace medcode::indexer
