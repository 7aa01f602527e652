// Query building as a table, the way Xapian's own tests compare queries: text in, and the
// Xapian query the search runs out, as Query::get_description() writes it (fixture index).
// A change to any rule of docs/RANKING.md shows here as the exact query it changes.
#include <gtest/gtest.h>

#include "searcher/engine/searcher.h"
#include "tests/support/fixture_corpus.h"

namespace medcode::searcher {
namespace {

struct Row {
  const char* text;
  const char* description;
};

TEST(QueryBuildingTest, TextBecomesTheQueryItsRulesSay) {
  auto opened = Searcher::open(testing::shared_fixture_index());
  ASSERT_TRUE(opened.is_ok()) << opened.status().to_string();
  const std::vector<Row> rows = {
      // one concept: its words count twice, once more in the title; a mined synonym weighs
      // half; the in-memory priors and the head concept under AND_MAYBE
      {"fracture",
         "Query(((2 * (Zfractur OR 0.5 * Zbreak) OR 1 * (ZSfractur OR 0.5 * ZSbreak)) AND_MAYBE Post"
         "ingSource(CodePriorSource(usage 2.000000, core 2.000000, unspecified 0.700000, billable 0."
         "300000, initial 1.000000, head 2.000000 x 1 concepts))))"},
      // a steering word weighs in (AND_MAYBE) but makes no candidates; a mined expansion
      // (WordNet left -> left hand) is scaled by weight and length
      {"left knee pain",
         "Query((((((Zknee AND Zpain) OR 1 * (Zpain AND Zknee)) AND_MAYBE (Zleft OR 0.25 * (Zleft AN"
         "D Zhand))) OR 1 * ((Zleft OR 0.25 * (Zleft AND Zhand)) AND ((Zknee AND Zpain) OR 1 * (Zpai"
         "n AND Zknee))) OR 1 * ((ZSleft OR 0.25 * (ZSleft AND ZShand)) AND ((ZSknee AND ZSpain) OR "
         "1 * (ZSpain AND ZSknee))) OR 0.5 * (left PHRASE 3 knee PHRASE 3 pain)) AND_MAYBE PostingSo"
         "urce(CodePriorSource(usage 2.000000, core 2.000000, unspecified 0.700000, billable 0.30000"
         "0, initial 1.000000, head 2.000000 x 1 concepts))))"},
      // a curated synonym as an alternative wording; the index default (I21.9 and the codes
      // under it) as its own branch over codes the words match
      {"heart attack",
         "Query((((2 * ((Zheart AND Zattack) OR 1 * (Zinfarct AND Zmyocardium) OR 1 * (Zmyocardi AND"
         " Zinfarct)) OR 1 * ((ZSheart AND ZSattack) OR 1 * (ZSinfarct AND ZSmyocardium) OR 1 * (ZSm"
         "yocardi AND ZSinfarct)) OR 0.5 * (heart PHRASE 2 attack)) AND_MAYBE PostingSource(CodePrio"
         "rSource(usage 2.000000, core 2.000000, unspecified 0.700000, billable 0.300000, initial 1."
         "000000, head 2.000000 x 1 concepts))) OR (((PostingSource(Xapian::FixedWeightPostingSource"
         "(wt=50)) FILTER XPicd10cm:I219) OR (PostingSource(Xapian::FixedWeightPostingSource(wt=10))"
         " FILTER ((XMinfarct myocardium OR XMinfarct myocardi) AND XBILLABLE))) FILTER ((Zheart AND"
         " Zattack) OR 1 * (Zinfarct AND Zmyocardium) OR 1 * (Zmyocardi AND Zinfarct)))))"},
      // spelling corrected to a word of the index
      {"pnuemonia",
         "Query(((2 * Zpneumonia OR 1 * ZSpneumonia) AND_MAYBE PostingSource(CodePriorSource(usage 2"
         ".000000, core 2.000000, unspecified 0.700000, billable 0.300000, initial 1.000000, head 2."
         "000000 x 0 concepts))))"},
      // a vague qualifier steers and stays out of the concept key: the default of
      // 'hypertension' applies
      {"hypertension NOS",
         "Query((((((Zhypertens OR 0.16666666666666665741 * (Zhigh AND Zblood AND Zpressur)) AND_MAY"
         "BE (Znos OR 1 * Zunspecifi)) OR 1 * ((Zhypertens OR 0.16666666666666665741 * (Zhigh AND Zb"
         "lood AND Zpressur)) AND (Znos OR 1 * Zunspecifi)) OR 1 * ((ZShypertens OR 0.16666666666666"
         "665741 * (ZShigh AND ZSblood AND ZSpressur)) AND (ZSnos OR 1 * ZSunspecifi)) OR 0.5 * (hyp"
         "ertension PHRASE 2 nos)) AND_MAYBE PostingSource(CodePriorSource(usage 2.000000, core 2.00"
         "0000, unspecified 0.700000, billable 0.300000, initial 1.000000, head 2.000000 x 1 concept"
         "s))) OR (((PostingSource(Xapian::FixedWeightPostingSource(wt=50)) FILTER XPicd10cm:I10) OR"
         " (PostingSource(Xapian::FixedWeightPostingSource(wt=10)) FILTER (XMhypertens AND XBILLABLE"
         "))) FILTER ((Zhypertens OR 0.16666666666666665741 * (Zhigh AND Zblood AND Zpressur)) OR (Z"
         "nos OR 1 * Zunspecifi)))))"},
      // a later encounter named: no initial-encounter prior
      {"wrist fracture subsequent encounter",
         "Query((((((Zwrist AND Zfractur) OR 1 * (Zfractur AND Zradius) OR 1 * (Zfractur AND Zwrist)"
         ") AND_MAYBE (Zsubsequ OR Zencount)) OR 1 * (((Zwrist AND Zfractur) OR 1 * (Zfractur AND Zr"
         "adius) OR 1 * (Zfractur AND Zwrist)) AND Zsubsequ AND Zencount) OR 1 * (((ZSwrist AND ZSfr"
         "actur) OR 1 * (ZSfractur AND ZSradius) OR 1 * (ZSfractur AND ZSwrist)) AND ZSsubsequ AND Z"
         "Sencount) OR 0.5 * (wrist PHRASE 4 fracture PHRASE 4 subsequent PHRASE 4 encounter)) AND_M"
         "AYBE PostingSource(CodePriorSource(usage 2.000000, core 2.000000, unspecified 0.700000, bi"
         "llable 0.300000, initial 0.000000, head 2.000000 x 1 concepts))))"},
      // an unknown word the morpheme table reads: coccyx pain
      {"coccydynia",
         "Query(((2 * (Zcoccydynia OR 0.5 * (Zcoccyx AND Zpain)) OR 1 * (ZScoccydynia OR 0.5 * (ZSco"
         "ccyx AND ZSpain))) AND_MAYBE PostingSource(CodePriorSource(usage 2.000000, core 2.000000, "
         "unspecified 0.700000, billable 0.300000, initial 1.000000, head 2.000000 x 0 concepts))))"},
  };
  for (const Row& row : rows) {
    auto described = opened.value()->describe_text_query(row.text);
    ASSERT_TRUE(described.is_ok()) << row.text << ": " << described.status().to_string();
    EXPECT_EQ(described.value(), row.description) << row.text;
  }
}

TEST(QueryBuildingTest, InvalidTextIsRefusedNamingTheParameter) {
  auto opened = Searcher::open(testing::shared_fixture_index());
  ASSERT_TRUE(opened.is_ok()) << opened.status().to_string();
  auto described = opened.value()->describe_text_query("bad \xff byte");
  ASSERT_FALSE(described.is_ok());
  EXPECT_NE(described.status().message().find("\"q\""), std::string::npos) << described.status().message();
  EXPECT_EQ(opened.value()->describe_text_query(std::string(600, 'a')).status().message(),
            "parameter \"q\": 600 bytes exceeds maximum 512");
}

}  // namespace
}  // namespace medcode::searcher
