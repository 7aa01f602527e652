#include "indexer/build/icd10cm_record_builder.h"

#include <gtest/gtest.h>

#include "common/code_format.h"
#include "tests/support/fixture_corpus.h"

namespace medcode::indexer {
namespace {

class RecordBuilderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto read = [](const std::string& name) {
      return testing::read_file(testing::fixture_path("icd10cm/" + name));
    };
    order_ = read_order_file(read("icd10cm-order-2026.txt"), "order.txt", kIcd10Cm).value();
    tabular_ = read_icd10cm_tabular(read("icd10cm_tabular_2021.xml"), "tabular.xml", 2021).value();
    index_ = read_icd10cm_index(read("icd10cm_index_2017.xml"), "index.xml").value();
    eindex_ = read_icd10cm_index(read("icd10cm-eindex-2026.xml"), "eindex.xml").value();
    drug_ = read_icd10cm_table(read("icd10cm-drug-2026.xml"), "drug.xml").value();
    neoplasm_ = read_icd10cm_table(read("icd10cm-neoplasm-2026.xml"), "neoplasm.xml").value();
    Icd10CmSources sources{&order_, 2026, &tabular_, &index_, 2017, &eindex_, 2026,
                           &drug_,  2026, &neoplasm_, 2026};
    built_ = build_icd10cm_records(sources);
  }

  const CodeRecord& record(const std::string& code) const {
    for (const auto& r : built_.records) {
      if (r.code == code) return r;
    }
    ADD_FAILURE() << "no record " << code;
    return built_.records.front();
  }

  OrderFile order_;
  TabularList tabular_;
  IndexTerms index_, eindex_;
  TableEntries drug_, neoplasm_;
  Icd10CmRecords built_;
};

// The order file decides which codes exist and which are billable.
TEST_F(RecordBuilderTest, OneRecordPerOrderEntryWithBillableFlag) {
  ASSERT_EQ(built_.records.size(), 28u);
  EXPECT_FALSE(record("I21").is_billable);
  EXPECT_TRUE(record("I219").is_billable);
  EXPECT_EQ(record("I219").sort_key, "I219");
  EXPECT_EQ(record("I219").title, "Acute myocardial infarction, unspecified");
}

TEST_F(RecordBuilderTest, DerivesParentsAndSectionsByRange) {
  EXPECT_EQ(record("I21").parent, "");
  EXPECT_EQ(record("I2101").parent, "I210");
  EXPECT_EQ(record("S52531A").parent, "S52531");
  // S5253's parent S525 is not a code in the fixture: the nearest existing ancestor is S52.
  EXPECT_EQ(record("S5253").parent, "S52");
  EXPECT_EQ(record("I2510").section, "I20-I25");  // I25 is not in the 2021 tabular fixture
  EXPECT_EQ(record("I2510").chapter, "9");
  EXPECT_EQ(record("I2510").chapter_title, "Diseases of the circulatory system (I00-I99)");
  EXPECT_EQ(record("J189").section, "");  // no section covers J18 in the fixture
}

TEST_F(RecordBuilderTest, AttachesTabularEnrichmentWithItsYear) {
  const CodeRecord& i10 = record("I10");
  ASSERT_EQ(i10.inclusion_terms.size(), 2u);
  EXPECT_EQ(i10.inclusion_terms_year, 2021);
  ASSERT_EQ(i10.notes.size(), 2u);
  EXPECT_EQ(i10.notes[0].release_year, 2021);
  ASSERT_EQ(record("S52").seventh_characters.size(), 3u);
}

// A00.1 is gone from the FY2026 fixture: its inclusion term moves to category A00.
TEST_F(RecordBuilderTest, AttachesRetiredCodeEnrichmentToNearestAncestor) {
  const CodeRecord& a00 = record("A00");
  ASSERT_EQ(a00.inclusion_terms.size(), 1u);
  EXPECT_EQ(a00.inclusion_terms[0], "Cholera eltor");
  bool found = false;
  for (const auto& entry : a00.index_entries) {
    if (entry.path.back() == "el tor") {
      found = true;
      EXPECT_TRUE(entry.attached_to_ancestor);
      EXPECT_EQ(entry.release_year, 2017);
    }
  }
  EXPECT_TRUE(found);
  EXPECT_GE(built_.attached_to_ancestor, 2u);
}

TEST_F(RecordBuilderTest, AttachesIndexAndTableEntries) {
  const CodeRecord& colles = record("S5253");
  ASSERT_EQ(colles.index_entries.size(), 1u);
  EXPECT_EQ(colles.index_entries[0].path, std::vector<std::string>{"Colles' fracture"});
  EXPECT_FALSE(colles.index_entries[0].attached_to_ancestor);

  const CodeRecord& poisoning = record("T391X1");
  ASSERT_EQ(poisoning.index_entries.size(), 1u);
  EXPECT_EQ(poisoning.index_entries[0].source, IndexSource::kDrugTable);
  EXPECT_EQ(poisoning.index_entries[0].column, "Poisoning Accidental (unintentional)");
  EXPECT_EQ(poisoning.index_entries[0].release_year, 2026);

  const CodeRecord& ladder = record("W11");
  ASSERT_EQ(ladder.index_entries.size(), 1u);
  EXPECT_EQ(ladder.index_entries[0].source, IndexSource::kExternalCause);
}

// Codes whose category no longer exists cannot attach anywhere and are reported.
TEST_F(RecordBuilderTest, ReportsEnrichmentWithNoExistingAncestor) {
  EXPECT_GT(built_.skipped.count(), 0u);
  bool imaginary = false;
  for (const auto& example : built_.skipped.examples()) {
    imaginary |= example == "index.xml:65: code B99.9 and its category are not in the order file";
  }
  EXPECT_TRUE(imaginary) << built_.skipped.examples()[0];
}

}  // namespace
}  // namespace medcode::indexer
