#include "indexer/build/synonym_table.h"

#include <gtest/gtest.h>

#include "indexer/corpus/curated_synonyms.h"

namespace medcode::indexer {
namespace {

// Keys are stemmed phrases; values are search-form phrases.
TEST(SynonymTableTest, StoresNormalizedStemmedKeys) {
  SynonymTable table;
  EXPECT_TRUE(table.add("Heart Attacks", "Myocardial Infarction"));
  EXPECT_TRUE(table.add("CHF", "congestive heart failure"));
  EXPECT_FALSE(table.add("fracture", "Fractures"));  // same key: nothing to expand
  EXPECT_FALSE(table.add("", "x"));
  const auto& entries = table.entries();
  ASSERT_EQ(entries.count("heart attack"), 1u);
  EXPECT_EQ(*entries.at("heart attack").begin(), "myocardial infarction");
  ASSERT_EQ(entries.count("chf"), 1u);
  EXPECT_EQ(table.pair_count(), 2u);
}

// "in a wheelchair" is the key "wheelchair" once its stop words go: expanding it to
// "dependence wheelchair" would narrow every search for a wheelchair to the diagnosis.
TEST(SynonymTableTest, LeavesOutNarrowingsOfPhrasesThatLostTheirStopWords) {
  SynonymTable table;
  EXPECT_FALSE(table.add("in a wheelchair", "dependence on wheelchair"));
  EXPECT_FALSE(table.add("on insulin", "long term use of insulin"));
  EXPECT_TRUE(table.add("wheelchair bound", "dependence on wheelchair"));  // "bound" is replaced
  EXPECT_TRUE(table.add("diabetes", "diabetes mellitus"));  // a completion, no stop word lost
  EXPECT_EQ(table.entries().count("wheelchair"), 0u);
  EXPECT_EQ(table.entries().count("insulin"), 0u);
  EXPECT_EQ(table.pair_count(), 2u);
}

// A mined pair records its vocabulary; the same pair from a curated list replaces it.
TEST(SynonymTableTest, MinedPairsKeepTheirSourceAndYieldToCuratedOnes) {
  SynonymTable table;
  EXPECT_TRUE(table.add("lockjaw", "tetanus", "wordnet"));
  EXPECT_TRUE(table.add("pinkeye", "conjunctivitis", "wordnet"));
  EXPECT_EQ(table.entries().at("lockjaw"), std::set<std::string>{"tetanus\twordnet"});
  EXPECT_TRUE(table.add("pinkeye", "conjunctivitis"));
  EXPECT_EQ(table.entries().at("pinkey"), std::set<std::string>{"conjunctivitis"});
  EXPECT_FALSE(table.add("pinkeye", "conjunctivitis", "hpo"));  // the curated pair stays
  EXPECT_EQ(table.pair_count(), 2u);
}

TEST(SynonymTableTest, BidirectionalListsWorkBothWays) {
  SynonymList list;
  list.bidirectional = true;
  list.rows.push_back({"renal", {"kidney"}, "anatomy.tsv:3"});
  SynonymTable table;
  table.add_list(list);
  EXPECT_EQ(table.entries().count("renal"), 1u);
  EXPECT_EQ(table.entries().count("kidney"), 1u);
}

// Main-term see references become synonyms; generic instructions do not.
TEST(SynonymTableTest, MinesMainTermSeeReferences) {
  IndexTerms terms;
  terms.entries.push_back({{"Abdominalgia"}, "", "", "Pain, abdominal", "", "i:1"});
  terms.entries.push_back({{"Abasia (-astasia)"}, "", "", "Gait disorder", "", "i:2"});
  terms.entries.push_back({{"Abnormal"}, "", "", "condition", "", "i:3"});
  terms.entries.push_back({{"Fracture", "Colles'"}, "", "", "Colles' fracture", "", "i:4"});
  terms.entries.push_back({{"Coxalgia, coxalgic (nontuberculous)"}, "", "", "", "Pain, joint, hip", "i:5"});
  terms.entries.push_back({{"Cough"}, "R059", "", "", "Bronchitis", "i:6"});  // has its own code
  terms.entries.push_back({{"Fracture, traumatic"}, "", "", "", "Fracture, pathological", "i:7"});  // narrower: a pointer
  SynonymTable table;
  table.add_see_references(terms);
  EXPECT_EQ(*table.entries().at("coxalgia").begin(), "pain joint hip");
  EXPECT_EQ(*table.entries().at("coxalg").begin(), "pain joint hip");  // "coxalgic"
  EXPECT_EQ(table.entries().count("cough"), 0u);
  EXPECT_EQ(table.entries().count("fractur"), 0u);
  EXPECT_EQ(*table.entries().at("abdominalgia").begin(), "pain abdominal");
  EXPECT_EQ(*table.entries().at("abasia").begin(), "gait disorder");
  EXPECT_EQ(table.entries().count("abnorm"), 0u);
  EXPECT_EQ(table.pair_count(), 4u);  // the subterm's see is not mined
}

// An ambiguous abbreviation expands to all of its senses; ranking chooses between them.
TEST(SynonymTableTest, AmbiguousAbbreviationsKeepEverySense) {
  SynonymTable table;
  for (const CuratedList& curated : curated_synonym_lists()) {
    table.add_list(read_synonym_list(curated.text, std::string(curated.name)).value());
  }
  const auto& ms = table.entries().at("ms");
  EXPECT_EQ(ms.count("multiple sclerosis"), 1u);
  EXPECT_EQ(ms.count("mitral stenosis"), 1u);
  const auto& pe = table.entries().at("pe");
  EXPECT_EQ(pe.count("pulmonary embolism"), 1u);
  EXPECT_EQ(pe.count("pleural effusion"), 1u);
  const auto& mi = table.entries().at("mi");
  EXPECT_EQ(mi.count("myocardial infarction"), 1u);
  EXPECT_EQ(mi.count("mitral insufficiency"), 1u);
}

// The curated lists meet the sizes the product promises.
TEST(SynonymTableTest, CuratedListsCoverTheirDomains) {
  std::map<std::string, std::size_t> rows;
  for (const CuratedList& curated : curated_synonym_lists()) {
    auto list = read_synonym_list(curated.text, std::string(curated.name));
    ASSERT_TRUE(list.is_ok()) << list.status().to_string();
    EXPECT_EQ(list.value().skipped.count(), 0u) << curated.name;
    rows[std::string(curated.name)] = list.value().rows.size();
  }
  EXPECT_GE(rows["lay_terms.tsv"], 600u);
  EXPECT_GE(rows["abbreviations.tsv"], 400u);
  EXPECT_GE(rows["anatomy.tsv"], 50u);
  EXPECT_GE(rows["spelling_variants.tsv"], 50u);
  EXPECT_GE(rows["eponyms.tsv"], 50u);
}

}  // namespace
}  // namespace medcode::indexer
