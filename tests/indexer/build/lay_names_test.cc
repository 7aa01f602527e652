// "Also called" names come from the curated lists, matched through the code's title or
// its own index entries, each labelled with its list.
#include "indexer/build/lay_names.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace medcode::indexer {
namespace {

CodeRecord record_with(const std::string& system, const std::string& code, const std::string& title,
                       std::vector<std::vector<std::string>> paths) {
  CodeRecord record;
  record.system = system;
  record.code = code;
  record.title = title;
  for (auto& path : paths) record.index_entries.push_back({IndexSource::kAlphabeticIndex, std::move(path), "", 2026, false});
  return record;
}

std::vector<std::pair<std::string, std::string>> names_of(const CodeRecord& record) {
  std::vector<std::pair<std::string, std::string>> names;
  for (const auto& attribute : record.attributes) {
    if (attribute.name == kAlsoCalledAttribute) names.emplace_back(attribute.value, attribute.detail);
  }
  return names;
}

TEST(LayNames, NamesComeFromTheCuratedListsWithTheirSource) {
  std::vector<CodeRecord> records = {
      record_with("icd10cm", "I219", "Acute myocardial infarction, unspecified", {{"Infarct, infarction", "myocardium, myocardial"}}),
      record_with("icd10cm", "B019", "Varicella without complication", {{"Varicella"}}),
      record_with("icd10cm", "Q998", "Other specified chromosome abnormalities", {}),
      record_with("icd10pcs", "0DTJ4ZZ", "Resection of Appendix, Percutaneous Endoscopic Approach", {}),
  };
  attach_lay_names(records);
  const auto heart = names_of(records[0]);
  ASSERT_GE(heart.size(), 2u);
  EXPECT_EQ(heart[0], (std::pair<std::string, std::string>{"heart attack", "lay language (corpus/synonyms/lay_terms.tsv)"}));
  EXPECT_NE(std::find(heart.begin(), heart.end(),
                      std::pair<std::string, std::string>{"MI", "abbreviation (corpus/synonyms/abbreviations.tsv)"}),
            heart.end());
  // "heart attacks" is the same name as "heart attack".
  EXPECT_EQ(std::count_if(heart.begin(), heart.end(), [](const auto& n) { return n.first.rfind("heart attack", 0) == 0; }), 1);
  const auto pox = names_of(records[1]);
  ASSERT_FALSE(pox.empty());
  EXPECT_EQ(pox[0].first, "chickenpox");
  EXPECT_TRUE(names_of(records[2]).empty());
  EXPECT_TRUE(names_of(records[3]).empty());
  EXPECT_LE(names_of(records[0]).size(), kMaxAlsoCalled);
}

}  // namespace
}  // namespace medcode::indexer
