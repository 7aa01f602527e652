#include "searcher/engine/morphology.h"

#include <gtest/gtest.h>

#include <set>

namespace medcode::searcher {
namespace {

// A table of our own, in corpus/morphemes.tsv's format.
constexpr const char* kTable =
    "# kind\tform\tmeaning\tjoins\n"
    "prefix\thyper\thigh|elevated\n"
    "prefix\thypo\tlow|decreased\n"
    "root\tcalc\tcalcium\ti\n"
    "root\tthrombocyt\tplatelets|platelet\to\n"
    "root\thepat\tliver\to\n"
    "root\tcoccy\tcoccyx\n"
    "root\todyn\tpain|painful\to\n"
    "root\tphag\tswallowing\to\n"
    "root\tlipas\tlipase\n"
    "suffix\temia\tblood level|in blood\n"
    "suffix\tpenia\tlow|decreased\n"
    "suffix\tmegaly\tenlarged|big\n"
    "suffix\tdynia\tpain\n"
    "suffix\tia\tcondition\n"
    "badkind\tx\ty\n"
    "root\tnomeaning\n";

TEST(MorphologyTest, DecomposesUnknownWordsIntoTheirMeaning) {
  const Morphology morphology(kTable);
  EXPECT_EQ(morphology.decompose("coccydynia"), (std::vector<std::string>{"coccyx", "pain"}));
  EXPECT_EQ(morphology.decompose("odynophagia"), (std::vector<std::string>{"pain", "swallowing"}));
  EXPECT_EQ(morphology.decompose("hyperlipasemia"), (std::vector<std::string>{"high", "lipase"}));
  EXPECT_TRUE(morphology.decompose("wheelchair").empty());  // no reading
  EXPECT_TRUE(morphology.decompose("hepat").empty());       // too short to be a medical word
  EXPECT_TRUE(morphology.decompose("hyperx").empty());      // a prefix alone is no word
}

TEST(MorphologyTest, ComposesOnlyWordsTheIndexHas) {
  const Morphology morphology(kTable);
  const std::set<std::string> vocabulary = {"hypercalcemia", "thrombocytopenia", "hepatomegaly"};
  auto exists = [&](const std::string& word) { return vocabulary.count(word) > 0; };
  EXPECT_EQ(morphology.compose("high", "calcium", exists), std::vector<std::string>{"hypercalcemia"});
  EXPECT_EQ(morphology.compose("low", "platelets", exists), std::vector<std::string>{"thrombocytopenia"});
  EXPECT_EQ(morphology.compose("liver", "big", exists), std::vector<std::string>{"hepatomegaly"});  // either order
  EXPECT_TRUE(morphology.compose("low", "calcium", exists).empty());  // hypocalcemia is not in this vocabulary
  EXPECT_TRUE(morphology.compose("red", "car", exists).empty());
}

TEST(MorphologyTest, AnEmptyOrDamagedTableReadsNothing) {
  const Morphology empty("");
  EXPECT_TRUE(empty.empty());
  EXPECT_TRUE(empty.decompose("coccydynia").empty());
  const Morphology damaged("root\n\tcalc\t\nnot a table at all\n");
  EXPECT_TRUE(damaged.decompose("hypercalcemia").empty());
}

}  // namespace
}  // namespace medcode::searcher
