#include "indexer/build/head_concepts.h"

#include <gtest/gtest.h>

namespace medcode::indexer {
namespace {

using Terms = std::vector<std::string>;

TEST(HeadConceptsTest, MainTermStemsLeaveOutModifiersAndQualifiers) {
  EXPECT_EQ(main_term_stems("Pain(s) (see also Painful)"), Terms{"pain"});
  EXPECT_EQ(main_term_stems("Fracture, traumatic (abduction) (avulsion)"), Terms{"fractur"});
  EXPECT_EQ(main_term_stems("Legal intervention"), (Terms{"legal", "intervent"}));
  EXPECT_EQ(main_term_stems("(nothing but a modifier)"), Terms{});
}

CodeRecord with_entry(const std::string& code, const std::string& parent, IndexSource source, std::vector<std::string> path) {
  CodeRecord record;
  record.system = "icd10cm";
  record.code = code;
  record.parent = parent;
  record.index_entries.push_back(IndexEntry{source, std::move(path), "", 2023, false});
  return record;
}

TEST(HeadConceptsTest, OwnTermsComeFromIndexMainTermsNotTables) {
  const CodeRecord cough = with_entry("R059", "R05", IndexSource::kAlphabeticIndex, {"Cough (affected)"});
  EXPECT_EQ(own_head_concept_terms(cough), Terms{"XCcough"});
  const CodeRecord headache = with_entry("G4483", "G448", IndexSource::kAlphabeticIndex, {"Headache", "cough"});
  EXPECT_EQ(own_head_concept_terms(headache), Terms{"XCheadach"});  // cough is a subterm, not its head
  const CodeRecord drug = with_entry("T391X1A", "", IndexSource::kDrugTable, {"Acetaminophen"});
  EXPECT_EQ(own_head_concept_terms(drug), Terms{});
  CodeRecord chair;
  chair.system = "hcpcs";
  chair.code = "K0001";
  chair.title = "Standard wheelchair, fixed arms";
  EXPECT_EQ(own_head_concept_terms(chair), (Terms{"XCstandard", "XCwheelchair"}));
  chair.code = "G9721";  // a measure, not an item
  EXPECT_EQ(own_head_concept_terms(chair), Terms{});
}

TEST(HeadConceptsTest, CodesInheritTheirAncestorsHeads) {
  std::vector<CodeRecord> records = {
      with_entry("S72", "", IndexSource::kAlphabeticIndex, {"Fracture, traumatic", "femur"}),
      with_entry("S720", "S72", IndexSource::kAlphabeticIndex, {"Fracture, traumatic", "femur", "neck"}),
      with_entry("S72001A", "S720", IndexSource::kExternalCause, {"Fall"}),
  };
  records[2].index_entries.clear();
  const auto heads = ancestor_head_concept_terms(records);
  ASSERT_EQ(heads.size(), 3u);
  EXPECT_EQ(heads[0], Terms{});                // a category has no ancestor
  EXPECT_EQ(heads[1], Terms{});                // its own head is the writer's to add
  EXPECT_EQ(heads[2], Terms{"XCfractur"});     // from S720 and S72
}

}  // namespace
}  // namespace medcode::indexer
