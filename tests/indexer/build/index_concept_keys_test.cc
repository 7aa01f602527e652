#include "indexer/build/index_concept_keys.h"

#include <gtest/gtest.h>

namespace medcode::indexer {
namespace {

using Keys = std::vector<std::string>;

IndexEntry entry(std::vector<std::string> path, IndexSource source = IndexSource::kAlphabeticIndex) {
  return IndexEntry{source, std::move(path), "", 2017, false};
}

// Index path -> concept keys (stems, sorted).
TEST(IndexConceptKeysTest, KeysMainTermsAndFirstSubterms) {
  const struct {
    std::vector<std::string> path;
    Keys keys;
  } rows[] = {
      // main term alone, modifiers optional
      {{"Pneumonia (acute)"}, {"acut pneumonia", "pneumonia"}},
      // comma forms are alternatives
      {{"Hypertension, hypertensive"}, {"hypertens"}},
      // main term + subterm, each form combined
      {{"Infarct, infarction", "myocardium, myocardial"},
       {"infarct myocardi", "infarct myocardium"}},
      {{"Infection", "urinary (tract)"}, {"infect tract urinari", "infect urinari"}},
      // other comma parts qualify the main term, but "traumatic" is the default injury
      {{"Fracture, pathological", "wrist"}, {"fractur patholog wrist"}},
      {{"Fracture, traumatic", "wrist"}, {"fractur wrist"}},
  };
  for (const auto& row : rows) EXPECT_EQ(index_concept_keys(entry(row.path)), row.keys) << row.path[0];
}

TEST(IndexConceptKeysTest, NoKeysForDeepEntriesOrTables) {
  EXPECT_EQ(index_concept_keys(entry({"Failure", "heart", "congestive"})),
            Keys{"congest failur heart"});
  EXPECT_TRUE(index_concept_keys(entry({"Fracture", "radius", "lower end", "Colles'"})).empty());
  EXPECT_TRUE(index_concept_keys(entry({"Acetaminophen"}, IndexSource::kDrugTable)).empty());
  EXPECT_FALSE(index_concept_keys(entry({"Fall", "ladder"}, IndexSource::kExternalCause)).empty());
}

}  // namespace
}  // namespace medcode::indexer
