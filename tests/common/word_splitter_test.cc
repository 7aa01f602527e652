#include "common/word_splitter.h"

#include <gtest/gtest.h>

namespace medcode {
namespace {

using Words = std::vector<std::string>;

// Normalized text -> words, matching Xapian's TermGenerator.
TEST(WordSplitterTest, SplitsLikeTheTermGenerator) {
  const struct {
    const char* text;
    Words words;
  } rows[] = {
      {"acute myocardial infarction", {"acute", "myocardial", "infarction"}},
      {"colles' fracture", {"colles", "fracture"}},         // trailing apostrophe dropped
      {"crohn's disease", {"crohn's", "disease"}},          // inner apostrophe kept
      {"covid-19", {"covid", "19"}},                        // hyphen separates
      {"s/p appendectomy", {"s", "p", "appendectomy"}},     // slash separates
      {"1.5 cm, 2,000 mg", {"1.5", "cm", "2,000", "mg"}},   // number punctuation kept
      {"type 2 (diabetes)", {"type", "2", "diabetes"}},
      {"  ", {}},
      {"caf\xC3\xA9 au lait", {"caf\xC3\xA9", "au", "lait"}},  // non-ASCII letters are letters
  };
  for (const auto& row : rows) EXPECT_EQ(split_words(row.text), row.words) << row.text;
}

TEST(WordSplitterTest, SynonymKeyStemsWordsButNotNumbers) {
  auto fake_stem = [](const std::string& word) {
    return word.size() > 1 && word.back() == 's' ? word.substr(0, word.size() - 1) : word;
  };
  EXPECT_EQ(synonym_key({"heart", "attacks"}, fake_stem), "heart attack");
  EXPECT_EQ(synonym_key({"ckd", "stage", "3s"}, fake_stem), "ckd stage 3s");
  EXPECT_EQ(synonym_key({}, fake_stem), "");
  // Stop words do not count, unless nothing (or one letter) would be left.
  EXPECT_EQ(synonym_key({"ringing", "in", "my", "ears"}, fake_stem), "ringing ear");
  EXPECT_EQ(synonym_key({"s", "p"}, fake_stem), "s p");
  EXPECT_EQ(synonym_key({"the"}, fake_stem), "the");
}

}  // namespace
}  // namespace medcode

namespace medcode {
namespace {

TEST(WordSplitterTest, ConceptKeyIgnoresOrderRepeatsAndStopWords) {
  auto fake_stem = [](const std::string& word) {
    return word.size() > 1 && word.back() == 's' ? word.substr(0, word.size() - 1) : word;
  };
  EXPECT_EQ(concept_key({"fracture", "of", "the", "wrist"}, fake_stem), "fracture wrist");
  EXPECT_EQ(concept_key({"wrist", "fractures", "wrist"}, fake_stem), "fracture wrist");
  EXPECT_EQ(concept_key({"type", "2", "diabetes"}, fake_stem), "2 diabete type");
}

}  // namespace
}  // namespace medcode
