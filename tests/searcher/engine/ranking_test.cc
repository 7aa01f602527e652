// The ranking rules of docs/RANKING.md, each as table rows on the fixture index:
// query -> the code that must come first.
#include <gtest/gtest.h>

#include <algorithm>

#include "searcher/engine/searcher.h"
#include "tests/support/fixture_corpus.h"

namespace medcode::searcher {
namespace {

class RankingTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto opened = Searcher::open(testing::shared_fixture_index());
    ASSERT_TRUE(opened.is_ok()) << opened.status().to_string();
    searcher_ = std::move(opened).value();
  }

  SearchResponse search(const std::string& query) {
    SearchRequest request;
    request.query = query;
    auto response = searcher_->search(request);
    EXPECT_TRUE(response.is_ok()) << query << ": " << response.status().to_string();
    return response.is_ok() ? response.value() : SearchResponse{};
  }

  std::string first(const std::string& query) {
    const SearchResponse response = search(query);
    return response.hits.empty() ? "(none)" : response.hits[0].code;
  }

  std::size_t rank_of(const std::string& query, const std::string& code) {
    const SearchResponse response = search(query);
    for (std::size_t i = 0; i < response.hits.size(); ++i) {
      if (response.hits[i].code == code) return i + 1;
    }
    return 0;
  }

  std::unique_ptr<Searcher> searcher_;
};

struct Row {
  const char* query;
  const char* first;
};

// Curated lay terms, abbreviations, spelling variants and mined see references.
TEST_F(RankingTest, SynonymsLeadPlainLanguageToClinicalCodes) {
  const std::vector<Row> rows = {
      {"heart attack", "I21.9"},       // lay -> myocardial infarction
      {"HTN", "I10"},                  // abbreviation
      {"high bp", "I10"},              // lay + abbreviation
      {"AMI", "I21.9"},                // abbreviation
      {"hypertensive disease", "I10"},  // see reference / index main term
  };
  for (const Row& row : rows) {
    EXPECT_EQ(first(row.query).substr(0, 3), std::string(row.first).substr(0, 3)) << row.query;
  }
}

// An ambiguous abbreviation (MI: myocardial infarction or mitral insufficiency) still finds
// the sense the fixture has; that every sense is expanded is tested on the synonym table.
TEST_F(RankingTest, AmbiguousAbbreviationFindsTheSenseTheIndexHas) {
  EXPECT_GT(rank_of("MI", "I21.9"), 0u);
}

// Unknown words are corrected and the correction is reported.
TEST_F(RankingTest, MisspelledWordsAreCorrected) {
  const SearchResponse response = search("colles fractrue");
  EXPECT_EQ(response.corrected_query, "colles fracture");
  ASSERT_FALSE(response.hits.empty());
  EXPECT_EQ(response.hits[0].code.substr(0, 6), "S52.53");
  EXPECT_EQ(search("colles fracture").corrected_query, "");
}

// Equal text, the billable code first: J18 and J18.9 share their title.
TEST_F(RankingTest, BillableCodeBeforeHeaderWhenEquallyRelevant) {
  EXPECT_EQ(first("pneumonia unspecified organism"), "J18.9");
  EXPECT_LT(rank_of("pneumonia unspecified organism", "J18.9"),
            rank_of("pneumonia unspecified organism", "J18"));
}

// Codes matching every word, and the phrase as typed, come before partial matches.
TEST_F(RankingTest, AllTermsAndExactPhraseFirst) {
  EXPECT_EQ(first("acute myocardial infarction").substr(0, 3), "I21");
  EXPECT_LT(rank_of("acute myocardial infarction", "I21.9"),
            rank_of("acute myocardial infarction", "I21.01"));
}

// Laterality and encounter words steer to the matching code.
TEST_F(RankingTest, LateralityAndEncounterWordsSteer) {
  const std::vector<Row> rows = {
      {"colles fracture left", "S52.532"},
      {"colles fracture right", "S52.531"},
      {"colles fracture left initial encounter", "S52.532A"},
      {"fall from ladder initial encounter", "W11.XXXA"},
  };
  for (const Row& row : rows) {
    EXPECT_EQ(first(row.query).substr(0, std::string(row.first).size()), row.first) << row.query;
  }
}

// A vague phrase leads to the code the Alphabetic Index gives its main term: the NOS code.
TEST_F(RankingTest, VaguePhraseLeadsToIndexDefaultCode) {
  EXPECT_EQ(first("cholera"), "A00.9");
  EXPECT_EQ(first("hypertension"), "I10");
}

TEST_F(RankingTest, QueryWithOnlyStopWordsFindsNothing) {
  EXPECT_TRUE(search("the of and").hits.empty());
}

TEST_F(RankingTest, SuggestsCompletionsAndCodes) {
  SuggestRequest request;
  request.query = "acute myo";
  auto response = searcher_->suggest(request);
  ASSERT_TRUE(response.is_ok()) << response.status().to_string();
  ASSERT_FALSE(response.value().completions.empty());
  EXPECT_EQ(response.value().completions[0], "acute myocardial");
  ASSERT_FALSE(response.value().codes.empty());
  EXPECT_EQ(response.value().codes[0].code.substr(0, 3), "I21");

  request.query = "hyper";
  response = searcher_->suggest(request);
  ASSERT_TRUE(response.is_ok());
  ASSERT_FALSE(response.value().completions.empty());
  EXPECT_EQ(response.value().completions[0], "hypertension");
}

// "initial" is in more titles than "infarction", but only in the 7th-character expansions
// ("..., initial encounter"); a completion names what people look up first.
TEST_F(RankingTest, CompletesToConceptWordsBeforeExpansionWords) {
  SuggestRequest request;
  request.query = "in";
  auto response = searcher_->suggest(request);
  ASSERT_TRUE(response.is_ok()) << response.status().to_string();
  const auto& completions = response.value().completions;
  const auto infarction = std::find(completions.begin(), completions.end(), "infarction");
  const auto initial = std::find(completions.begin(), completions.end(), "initial");
  ASSERT_NE(infarction, completions.end());
  EXPECT_LT(infarction, initial);  // initial later, or not offered at all
}

TEST_F(RankingTest, SuggestsCodesUnderACodePrefix) {
  SuggestRequest request;
  request.query = "I21.";
  auto response = searcher_->suggest(request);
  ASSERT_TRUE(response.is_ok());
  ASSERT_EQ(response.value().codes.size(), 4u);
  EXPECT_EQ(response.value().completions[0], "I21");
  EXPECT_EQ(response.value().codes[3].code, "I21.9");
}

TEST_F(RankingTest, SuggestValidatesLikeSearch) {
  SuggestRequest request;
  request.query = "";
  EXPECT_EQ(searcher_->suggest(request).status().message(), "parameter \"q\": query is empty");
  request.query = "heart";
  request.limit = 0;
  EXPECT_EQ(searcher_->suggest(request).status().message(), "parameter \"limit\": 0 is below minimum 1");
}

// A header never ranks above its own billable "unspecified" child for the same words.
TEST_F(RankingTest, UnspecifiedChildRanksJustAboveItsHeader) {
  const SearchResponse response = search("cholera");
  ASSERT_GE(response.hits.size(), 2u);
  EXPECT_EQ(response.hits[0].code, "A00.9");
  const std::size_t child = rank_of("cholera", "A00.9"), header = rank_of("cholera", "A00");
  ASSERT_GT(child, 0u);
  if (header > 0) {
    EXPECT_LT(child, header);
  }
}

}  // namespace
}  // namespace medcode::searcher
