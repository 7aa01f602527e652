#include "searcher/engine/searcher.h"

#include <gtest/gtest.h>

#include <set>

#include "tests/support/fixture_corpus.h"

namespace medcode::searcher {
namespace {

class SearcherTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto opened = Searcher::open(testing::shared_fixture_index());
    ASSERT_TRUE(opened.is_ok()) << opened.status().to_string();
    searcher_ = std::move(opened).value();
  }

  std::vector<std::string> codes(const std::string& query, std::size_t limit = 10) {
    SearchRequest request;
    request.query = query;
    request.limit = limit;
    auto response = searcher_->search(request);
    EXPECT_TRUE(response.is_ok()) << response.status().to_string();
    std::vector<std::string> out;
    if (response.is_ok()) {
      for (const auto& hit : response.value().hits) out.push_back(hit.code);
    }
    return out;
  }

  std::unique_ptr<Searcher> searcher_;
};

// A code or prefix in any accepted spelling returns the code, then its descendants.
TEST_F(SearcherTest, CodeQueriesReturnCodeThenDescendantsInTabularOrder) {
  const std::vector<std::string> i21 = {"I21", "I21.0", "I21.01", "I21.9"};
  EXPECT_EQ(codes("I21"), i21);
  EXPECT_EQ(codes("i21"), i21);
  EXPECT_EQ(codes("I21.9"), std::vector<std::string>{"I21.9"});
  EXPECT_EQ(codes("i219"), std::vector<std::string>{"I21.9"});
  EXPECT_EQ(codes(" I10 "), std::vector<std::string>{"I10"});
  EXPECT_EQ(codes("QA0").front(), "QA0");
}

TEST_F(SearcherTest, CodeQueriesScoreTheTypedCodeHighest) {
  SearchRequest request;
  request.query = "I21";
  auto response = searcher_->search(request);
  ASSERT_TRUE(response.is_ok());
  ASSERT_GE(response.value().hits.size(), 2u);
  EXPECT_EQ(response.value().hits[0].score, 100);
  EXPECT_EQ(response.value().hits[0].match, MatchKind::kCode);
  EXPECT_EQ(response.value().hits[1].score, 90);
  EXPECT_EQ(response.value().total, 4u);
}

// Text queries find codes through titles, inclusion terms, the index and the tables: the
// first result starts with the expected code.
TEST_F(SearcherTest, TextQueriesRankTheMatchingCodeFirst) {
  const struct {
    const char* query;
    const char* first;
  } rows[] = {
      {"acute myocardial infarction", "I21"},  // title
      {"high blood pressure", "I10"},          // inclusion term
      {"colles fracture", "S52.53"},           // title and alphabetic index
      {"poisoning by acetaminophen", "T39.1"},  // drug table substance
      {"adverse effect acetaminophen", "T39.1X5"},  // drug table column
      {"classical cholera", "A00.0"},  // inclusion term
      {"el tor cholera", "A00"},       // index term of retired A00.1, now on A00
  };
  for (const auto& row : rows) {
    const auto found = codes(row.query);
    ASSERT_FALSE(found.empty()) << row.query;
    EXPECT_EQ(found.front().rfind(row.first, 0), 0u) << row.query << " -> " << found.front();
  }
}

TEST_F(SearcherTest, ExternalCauseIndexLeadsToItsCode) {
  const auto found = codes("fall from ladder", 3);
  ASSERT_FALSE(found.empty());
  EXPECT_EQ(found.front().substr(0, 3), "W11");
}

TEST_F(SearcherTest, MisspelledQueryIsCorrected) {
  SearchRequest request;
  request.query = "hypertenson";
  auto response = searcher_->search(request);
  ASSERT_TRUE(response.is_ok());
  EXPECT_EQ(response.value().corrected_query, "hypertension");
  ASSERT_FALSE(response.value().hits.empty());
  EXPECT_EQ(response.value().hits[0].code, "I10");
}

// "what is I10": a question about a code answers the code; a question with another word
// in it is a text search.
TEST_F(SearcherTest, QuestionsAboutACodeAnswerTheCode) {
  EXPECT_EQ(codes("what is I10"), std::vector<std::string>{"I10"});
  EXPECT_EQ(codes("What is code I21.9?"), std::vector<std::string>{"I21.9"});
  EXPECT_EQ(codes("define i219"), std::vector<std::string>{"I21.9"});
  SearchRequest request;
  request.query = "what is hypertension I10";  // two topics: not a lookup
  auto response = searcher_->search(request);
  ASSERT_TRUE(response.is_ok());
  for (const auto& hit : response.value().hits) EXPECT_EQ(hit.match, MatchKind::kText);
}

TEST_F(SearcherTest, FiltersBySystemAndBillable) {
  SearchRequest request;
  request.query = "colles fracture";
  request.billable = BillableFilter::kBillableOnly;
  auto billable = searcher_->search(request);
  ASSERT_TRUE(billable.is_ok());
  ASSERT_FALSE(billable.value().hits.empty());
  for (const auto& hit : billable.value().hits) EXPECT_TRUE(hit.is_billable) << hit.code;

  request.billable = BillableFilter::kAny;
  request.system = "hcpcs";
  auto other_system = searcher_->search(request);
  ASSERT_TRUE(other_system.is_ok());
  EXPECT_TRUE(other_system.value().hits.empty());
  request.query = "I21";
  auto code_other_system = searcher_->search(request);
  ASSERT_TRUE(code_other_system.is_ok());
  EXPECT_TRUE(code_other_system.value().hits.empty());
}

TEST_F(SearcherTest, PagesWithOffset) {
  SearchRequest request;
  request.query = "I21";
  request.limit = 2;
  request.offset = 2;
  auto response = searcher_->search(request);
  ASSERT_TRUE(response.is_ok());
  ASSERT_EQ(response.value().hits.size(), 2u);
  EXPECT_EQ(response.value().hits[0].code, "I21.01");
}

// Every page of a text search is the next slice of one ranking: no result twice, none
// skipped, full pages while there are matches (offset > 0 once returned nothing).
TEST_F(SearcherTest, TextPagesFollowOneRanking) {
  for (const std::string system : {"", "icd10cm"}) {
    std::size_t checked = 0;  // queries with more than one page
    for (const std::string query : {"fracture", "myocardial infarction", "acute", "infarction", "pneumonia", "cholera"}) {
      SearchRequest request;
      request.query = query;
      request.system = system;
      request.limit = 3;
      std::vector<std::string> paged;
      std::size_t total = 0;
      for (std::size_t offset : {0, 3, 6}) {
        request.offset = offset;
        auto page = searcher_->search(request);
        ASSERT_TRUE(page.is_ok()) << query << ": " << page.status().to_string();
        total = page.value().total;
        const std::size_t expected = total > offset ? std::min<std::size_t>(3, total - offset) : 0;
        EXPECT_EQ(page.value().hits.size(), expected) << query << " system=" << system << " offset " << offset;
        for (const auto& hit : page.value().hits) paged.push_back(hit.system + ":" + hit.code);
      }
      if (total <= 3) continue;
      ++checked;
      std::set<std::string> distinct(paged.begin(), paged.end());
      EXPECT_EQ(distinct.size(), paged.size()) << query << " system=" << system << ": a result on two pages";
      // Within one code set, three pages of three are the first nine of one ranking.
      if (!system.empty()) {
        request.offset = 0;
        request.limit = 9;
        auto whole = searcher_->search(request);
        ASSERT_TRUE(whole.is_ok());
        std::vector<std::string> first_nine;
        for (const auto& hit : whole.value().hits) first_nine.push_back(hit.system + ":" + hit.code);
        EXPECT_EQ(paged, first_nine) << query;
      }
    }
    EXPECT_GE(checked, 2u) << "system=" << system;
  }
}

TEST_F(SearcherTest, RejectsBadRequestsNamingTheParameter) {
  SearchRequest request;
  request.query = "   ";
  EXPECT_EQ(searcher_->search(request).status().message(), "parameter \"q\": query is empty");
  request.query = std::string(600, 'a');
  EXPECT_EQ(searcher_->search(request).status().message(),
            "parameter \"q\": 600 bytes exceeds maximum 512");
  request.query = "bad \xFF";
  EXPECT_EQ(searcher_->search(request).status().message(),
            "parameter \"q\": not valid UTF-8 at byte 4");
  request.query = "fracture";
  request.limit = 500;
  EXPECT_EQ(searcher_->search(request).status().message(),
            "parameter \"limit\": 500 exceeds maximum 200");
  request.limit = 0;
  EXPECT_EQ(searcher_->search(request).status().message(), "parameter \"limit\": 0 is below minimum 1");
  request.limit = 10;
  request.system = "ICD 10";
  EXPECT_EQ(searcher_->search(request).status().message(),
            "parameter \"system\": \"ICD 10\" is not a system name (e.g. icd10cm)");
  EXPECT_EQ(searcher_->search(request).status().code(), StatusCode::kInvalidArgument);
}

// Punctuation and operators are plain text, never a parse error.
TEST_F(SearcherTest, OddQueriesNeverFail) {
  for (const char* query : {"\"unbalanced", "AND OR NOT", "((()))", "-", "*", "fracture AND",
                            "C++", "a:b:c", "\xE2\x80\x9Cquoted\xE2\x80\x9D"}) {
    SearchRequest request;
    request.query = query;
    EXPECT_TRUE(searcher_->search(request).is_ok()) << query;
  }
}

TEST_F(SearcherTest, LooksUpFullRecord) {
  auto record = searcher_->lookup("icd10cm", "i10");
  ASSERT_TRUE(record.is_ok()) << record.status().to_string();
  EXPECT_EQ(record.value().title, "Essential (primary) hypertension");
  EXPECT_EQ(record.value().inclusion_terms.size(), 2u);
  EXPECT_EQ(record.value().section, "I10-I16");
  auto missing = searcher_->lookup("icd10cm", "I99.99");
  ASSERT_FALSE(missing.is_ok());
  EXPECT_EQ(missing.status().code(), StatusCode::kNotFound);
  EXPECT_EQ(missing.status().message(), "code \"I99.99\" not found in icd10cm");
}

TEST_F(SearcherTest, ReportsIndexFacts) {
  const IndexInfo info = searcher_->info();
  EXPECT_EQ(info.release, "fy2026");
  EXPECT_EQ(info.documents, testing::kFixtureDocuments);
  ASSERT_EQ(info.code_sets.size(), 4u);
  EXPECT_EQ(info.code_sets[0].system, "icd10cm");
  EXPECT_EQ(info.code_sets[0].documents, testing::kFixtureIcd10CmCodes + testing::kFixtureDeletedCodes);
  EXPECT_EQ(info.code_sets[2].system, "hcpcs");
  EXPECT_EQ(info.code_sets[2].release, "2025-oct");
  EXPECT_EQ(info.built_at.size(), 20u);
}

TEST(SearcherOpenTest, MissingIndexIsUnavailableWithAdvice) {
  auto opened = Searcher::open("/no/such/index");
  ASSERT_FALSE(opened.is_ok());
  EXPECT_EQ(opened.status().code(), StatusCode::kUnavailable);
  EXPECT_EQ(opened.status().message(),
            "index /no/such/index not found: build it with medcode-indexer build --index "
            "/no/such/index");
}

TEST(SearcherOpenTest, DirectoryThatIsNoIndexIsUnavailable) {
  testing::TempDir dir;
  auto opened = Searcher::open(dir.path());
  ASSERT_FALSE(opened.is_ok());
  EXPECT_EQ(opened.status().code(), StatusCode::kUnavailable);
  EXPECT_EQ(opened.status().message().rfind("index " + dir.path() + " cannot be opened: ", 0), 0u)
      << opened.status().message();
}

}  // namespace
}  // namespace medcode::searcher
