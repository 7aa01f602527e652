// End to end on the official FY2026 ICD-10-CM files, when the corpus is present: the
// acceptance searches of the foundation issue.
#include <gtest/gtest.h>

#include "indexer/build/index_build.h"
#include "indexer/corpus/corpus_dir.h"
#include "searcher/engine/searcher.h"
#include "tests/support/fixture_corpus.h"

namespace medcode::searcher {
namespace {

class RealCorpusTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto corpus = indexer::resolve_corpus_dir(indexer::corpus_dir_inputs_from_environment(""));
    if (!corpus.is_ok()) return;
    dir_ = new testing::TempDir();
    indexer::BuildOptions options;
    options.corpus_dir = corpus.value().path;
    options.index_dir = *dir_ / "index";
    auto report = indexer::build_index(options);
    if (!report.is_ok()) {
      build_error_ = new std::string(report.status().to_string());
      return;
    }
    auto opened = Searcher::open(options.index_dir);
    if (opened.is_ok()) searcher_ = std::move(opened).value().release();
  }
  static void TearDownTestSuite() {
    delete searcher_;
    delete dir_;
    delete build_error_;
  }
  void SetUp() override {
    if (dir_ == nullptr) GTEST_SKIP() << "no official corpus (../shared/corpus, MEDCODE_CORPUS)";
    ASSERT_EQ(build_error_, nullptr) << *build_error_;
    ASSERT_NE(searcher_, nullptr);
  }

  std::vector<std::string> top(const std::string& query, std::size_t limit) {
    SearchRequest request;
    request.query = query;
    request.limit = limit;
    auto response = searcher_->search(request);
    EXPECT_TRUE(response.is_ok()) << response.status().to_string();
    std::vector<std::string> codes;
    if (response.is_ok()) {
      for (const auto& hit : response.value().hits) codes.push_back(hit.code);
    }
    return codes;
  }

  static bool any_starts_with(const std::vector<std::string>& codes, const std::string& prefix) {
    for (const auto& code : codes) {
      if (code.rfind(prefix, 0) == 0) return true;
    }
    return false;
  }

  static testing::TempDir* dir_;
  static std::string* build_error_;
  static Searcher* searcher_;
};
testing::TempDir* RealCorpusTest::dir_ = nullptr;
std::string* RealCorpusTest::build_error_ = nullptr;
Searcher* RealCorpusTest::searcher_ = nullptr;

TEST_F(RealCorpusTest, IndexesEveryFy2026Code) {
  EXPECT_EQ(searcher_->info().documents, 98186u);  // lines of icd10cm-order-2026.txt
  EXPECT_EQ(searcher_->info().release, "fy2026");
}

TEST_F(RealCorpusTest, AcuteMyocardialInfarctionRanksAnI21CodeFirst) {
  const auto codes = top("acute myocardial infarction", 1);
  ASSERT_EQ(codes.size(), 1u);
  EXPECT_EQ(codes[0].substr(0, 3), "I21");
}

TEST_F(RealCorpusTest, CodeI10RanksI10First) {
  EXPECT_EQ(top("I10", 1), std::vector<std::string>{"I10"});
}

TEST_F(RealCorpusTest, CollesFractureFindsS5253InTopFive) {
  EXPECT_TRUE(any_starts_with(top("colles fracture", 5), "S52.53"));
}

TEST_F(RealCorpusTest, AcetaminophenPoisoningFindsT391InTopFive) {
  EXPECT_TRUE(any_starts_with(top("poisoning by acetaminophen", 5), "T39.1"));
}

TEST_F(RealCorpusTest, Fy2026CodesAreSearchableByCode) {
  EXPECT_EQ(top("QA00.101", 1), std::vector<std::string>{"QA0.0101"});
  EXPECT_EQ(top("QA00101", 1), std::vector<std::string>{"QA0.0101"});
}

TEST_F(RealCorpusTest, RecordsCarryEnrichmentFromOlderReleases) {
  auto record = searcher_->lookup("icd10cm", "I21");
  ASSERT_TRUE(record.is_ok());
  EXPECT_EQ(record.value().chapter, "9");
  EXPECT_EQ(record.value().section, "I20-I25");
  ASSERT_FALSE(record.value().notes.empty());
  EXPECT_EQ(record.value().notes[0].release_year, 2021);
}

}  // namespace
}  // namespace medcode::searcher
