#include "indexer/build/icd10pcs_record_builder.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "tests/support/fixture_corpus.h"

namespace medcode::indexer {
namespace {

class PcsRecordBuilderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto read = [](const std::string& name) { return testing::read_file(testing::fixture_path("icd10pcs/" + name)); };
    auto order = read_order_file(read("icd10pcs_order_2026.txt"), "order", "icd10pcs");
    auto tables = read_icd10pcs_tables(read("icd10pcs_tables_2026.xml"), "tables");
    auto definitions = read_icd10pcs_definitions(read("icd10pcs_definitions_2026.xml"), "definitions");
    auto index = read_icd10pcs_index(read("icd10pcs_index_2025.xml"), "index");
    ASSERT_TRUE(order.is_ok() && tables.is_ok() && definitions.is_ok() && index.is_ok());
    order_ = std::move(order).value();
    tables_ = std::move(tables).value();
    definitions_ = std::move(definitions).value();
    index_ = std::move(index).value();
    built_ = build_icd10pcs_records({&order_, 2026, &tables_, &definitions_, &index_, 2025});
  }

  const CodeRecord& record(const std::string& code) const {
    auto found = std::find_if(built_.records.begin(), built_.records.end(),
                              [&](const CodeRecord& r) { return r.code == code; });
    EXPECT_NE(found, built_.records.end()) << code;
    return *found;
  }

  OrderFile order_;
  PcsTables tables_;
  PcsDefinitions definitions_;
  PcsIndex index_;
  Icd10PcsRecords built_;
};

TEST_F(PcsRecordBuilderTest, ExplainsEveryCharacterOfACode) {
  ASSERT_EQ(built_.records.size(), testing::kFixtureIcd10PcsCodes);
  const CodeRecord& r = record("0DTJ4ZZ");
  EXPECT_EQ(r.system, "icd10pcs");
  EXPECT_EQ(r.title, "Resection of Appendix, Percutaneous Endoscopic Approach");
  EXPECT_TRUE(r.is_billable);
  EXPECT_EQ(r.parent, "0DT");
  EXPECT_EQ(r.chapter_title, "Medical and Surgical");
  EXPECT_EQ(r.section, "0D");
  EXPECT_EQ(r.section_title, "Gastrointestinal System");
  ASSERT_EQ(r.attributes.size(), 7u);
  EXPECT_EQ(r.attributes[2].name, "Operation");
  EXPECT_EQ(r.attributes[2].value, "Resection");
  EXPECT_EQ(r.attributes[2].detail, "Cutting out or off, without replacement, all of a body part");
  EXPECT_EQ(r.attributes[3].name, "Body Part");
  EXPECT_EQ(r.attributes[3].detail, "Includes: Vermiform appendix");  // from the Definitions
  EXPECT_EQ(r.attributes[4].value, "Percutaneous Endoscopic");
  EXPECT_NE(r.attributes[4].detail.find("Entry, by puncture or minor incision"), std::string::npos);
  EXPECT_EQ(built_.unexplained.count(), 0u);
  // A table is a header with the three characters it fixes.
  const CodeRecord& table = record("0DT");
  EXPECT_FALSE(table.is_billable);
  EXPECT_EQ(table.parent, "");
  EXPECT_EQ(table.attributes.size(), 3u);
}

TEST_F(PcsRecordBuilderTest, AttachesIndexTermsToTheCodesTheyCover) {
  // "Appendectomy see Resection, Appendix 0DTJ" reaches every valid 0DTJ code.
  for (const char* code : {"0DTJ0ZZ", "0DTJ4ZZ", "0DTJ7ZZ", "0DTJ8ZZ", "0DBJ4ZZ"}) {
    const auto& entries = record(code).index_entries;
    ASSERT_FALSE(entries.empty()) << code;
    EXPECT_EQ(entries[0].path, std::vector<std::string>{"Appendectomy"});
    EXPECT_EQ(entries[0].source, IndexSource::kPcsIndex);
    EXPECT_EQ(entries[0].release_year, 2025);
  }
  EXPECT_EQ(record("0SRC0J9").index_entries.at(0).path, (std::vector<std::string>{"Arthroplasty", "Knee", "Right"}));
  EXPECT_EQ(record("0SRD0JZ").index_entries.size(), 1u);
  EXPECT_TRUE(record("0SRD0J9").index_entries.empty());
  // A whole table (<tab>0SR</tab>) goes to the table's record, not to each code.
  EXPECT_EQ(record("0SR").index_entries.at(0).path, std::vector<std::string>{"Lower joints"});
  EXPECT_EQ(built_.index_entries_attached, 5u + 2u + 1u + 1u + 1u);  // 0DBJ x2 with 0DTJ x4 below
}

TEST_F(PcsRecordBuilderTest, DerivesSynonymsFromDefinitionsAndIndex) {
  auto has = [&](const std::string& term, const std::string& expansion) {
    return std::find(built_.synonyms.begin(), built_.synonyms.end(), std::make_pair(term, expansion)) !=
           built_.synonyms.end();
  };
  EXPECT_TRUE(has("Vermiform appendix", "Appendix"));
  EXPECT_TRUE(has("Femorotibial joint", "Knee Joint"));  // laterality dropped
  EXPECT_TRUE(has("Total knee prosthesis", "Synthetic Substitute"));
  EXPECT_TRUE(has("Appendiceal orifice", "Appendix"));  // Index "use"
  // Operation examples are not synonyms of the operation.
  EXPECT_FALSE(has("Total nephrectomy, total lobectomy of lung", "Resection"));
  EXPECT_EQ(without_laterality("Foot Muscle, Right"), "Foot Muscle");
  EXPECT_EQ(without_laterality("Lung, Bilateral"), "Lung");
  EXPECT_EQ(without_laterality("Appendix"), "Appendix");
}

}  // namespace
}  // namespace medcode::indexer
