// Search in a release (release=): codes valid in it, with the titles it gave them; a
// code's detail names the releases it is valid in; and an index updated from another
// release answers every search exactly as a fresh build of its release does.
#include <gtest/gtest.h>

#include <algorithm>

#include "indexer/build/index_build.h"
#include "searcher/engine/searcher.h"
#include "tests/support/fixture_corpus.h"

namespace medcode::searcher {
namespace {

std::vector<std::string> codes_of(const Searcher& searcher, const std::string& query, const std::string& release) {
  SearchRequest request;
  request.query = query;
  request.release = release;
  request.limit = 50;
  auto response = searcher.search(request);
  EXPECT_TRUE(response.is_ok()) << response.status().to_string();
  std::vector<std::string> codes;
  if (response.is_ok()) {
    for (const auto& hit : response.value().hits) codes.push_back(hit.code);
  }
  return codes;
}

bool has(const std::vector<std::string>& codes, const std::string& code) {
  return std::find(codes.begin(), codes.end(), code) != codes.end();
}

TEST(ReleaseSearchTest, FindsTheCodesValidInTheRelease) {
  auto opened = Searcher::open(testing::shared_fixture_index());
  ASSERT_TRUE(opened.is_ok());
  const Searcher& searcher = *opened.value();
  // S30.1XXA was deleted in FY2026: by text only when searching FY2025, and billable there.
  EXPECT_FALSE(has(codes_of(searcher, "contusion abdominal wall", ""), "S30.1XXA"));
  EXPECT_TRUE(has(codes_of(searcher, "contusion abdominal wall", "fy2025"), "S30.1XXA"));
  EXPECT_FALSE(has(codes_of(searcher, "contusion abdominal wall", "fy2026"), "S30.1XXA"));
  SearchRequest request;
  request.query = "S30.1XXA";
  request.release = "FY2025";  // release names are matched without regard to case
  auto typed = searcher.search(request);
  ASSERT_TRUE(typed.is_ok());
  ASSERT_EQ(typed.value().hits.size(), 1u);
  EXPECT_TRUE(typed.value().hits[0].is_billable);
  EXPECT_EQ(typed.value().release, "fy2025");
  // QA0 and QA00 are new in FY2026: not in FY2025, by code prefix or by text.
  EXPECT_TRUE(has(codes_of(searcher, "neurodevelopmental disorders pathogenic variants", ""), "QA0.0"));
  EXPECT_FALSE(has(codes_of(searcher, "neurodevelopmental disorders pathogenic variants", "fy2025"), "QA0.0"));
  EXPECT_TRUE(has(codes_of(searcher, "I10", "fy2025"), "I10"));
}

// A deleted code says so; include_deleted finds it by text in today's release, and in the
// release it was valid in it is active.
TEST(ReleaseSearchTest, DeletedCodesSayTheirStatusAndIncludeDeletedFindsThemByText) {
  auto opened = Searcher::open(testing::shared_fixture_index());
  ASSERT_TRUE(opened.is_ok());
  const Searcher& searcher = *opened.value();
  SearchRequest request;
  request.query = "contusion abdominal wall";
  request.include_deleted = true;
  auto found = searcher.search(request);
  ASSERT_TRUE(found.is_ok());
  auto hit = std::find_if(found.value().hits.begin(), found.value().hits.end(),
                          [](const SearchHit& h) { return h.code == "S30.1XXA"; });
  ASSERT_NE(hit, found.value().hits.end());
  EXPECT_EQ(hit->status, CodeStatus::kDeleted);
  request.include_deleted = false;
  found = searcher.search(request);
  ASSERT_TRUE(found.is_ok());
  for (const auto& without : found.value().hits) EXPECT_NE(without.code, "S30.1XXA");

  request.query = "S30.1XXA";
  request.include_deleted = false;
  auto typed = searcher.search(request);
  ASSERT_TRUE(typed.is_ok());
  ASSERT_EQ(typed.value().hits.size(), 1u);
  EXPECT_EQ(typed.value().hits[0].status, CodeStatus::kDeleted);
  request.release = "fy2025";
  typed = searcher.search(request);
  ASSERT_TRUE(typed.is_ok());
  ASSERT_EQ(typed.value().hits.size(), 1u);
  EXPECT_EQ(typed.value().hits[0].status, CodeStatus::kActive);
}

// billable=true means billable in the release searched; suggestions keep to it too.
TEST(ReleaseSearchTest, BillableAndSuggestionsFollowTheRelease) {
  auto opened = Searcher::open(testing::shared_fixture_index());
  ASSERT_TRUE(opened.is_ok());
  const Searcher& searcher = *opened.value();
  SearchRequest request;
  request.query = "contusion abdominal wall";
  request.billable = BillableFilter::kBillableOnly;
  request.release = "fy2025";
  auto billable_then = searcher.search(request);
  ASSERT_TRUE(billable_then.is_ok());
  bool found = false;
  for (const auto& hit : billable_then.value().hits) found |= hit.code == "S30.1XXA";
  EXPECT_TRUE(found);  // billable in FY2025, though not today
  request.billable = BillableFilter::kHeadersOnly;
  auto headers_then = searcher.search(request);
  ASSERT_TRUE(headers_then.is_ok());
  for (const auto& hit : headers_then.value().hits) EXPECT_NE(hit.code, "S30.1XXA");

  SuggestRequest suggest;
  suggest.query = "neurodevelop";
  auto today = searcher.suggest(suggest);
  ASSERT_TRUE(today.is_ok());
  bool qa0_today = false;
  for (const auto& hit : today.value().codes) qa0_today |= hit.code.rfind("QA0", 0) == 0;
  EXPECT_TRUE(qa0_today);
  suggest.release = "fy2025";
  auto then = searcher.suggest(suggest);
  ASSERT_TRUE(then.is_ok());
  for (const auto& hit : then.value().codes) EXPECT_NE(hit.code.rfind("QA0", 0), 0u) << hit.code;
  suggest.release = "fy2019";
  EXPECT_FALSE(searcher.suggest(suggest).is_ok());
}

TEST(ReleaseSearchTest, RefusesAReleaseTheIndexDoesNotKnow) {
  auto opened = Searcher::open(testing::shared_fixture_index());
  ASSERT_TRUE(opened.is_ok());
  SearchRequest request;
  request.query = "hypertension";
  request.release = "fy2019";
  auto unknown = opened.value()->search(request);
  ASSERT_FALSE(unknown.is_ok());
  EXPECT_EQ(unknown.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(unknown.status().message(),
            "parameter \"release\": \"fy2019\" is not a release this index knows; it knows fy2025, fy2026, 2025-oct");
  request.release = "fy 2025";
  auto malformed = opened.value()->search(request);
  ASSERT_FALSE(malformed.is_ok());
  EXPECT_EQ(malformed.status().message(), "parameter \"release\": \"fy 2025\" is not a release name (e.g. fy2025)");
}

TEST(ReleaseSearchTest, DetailNamesTheReleasesACodeIsValidIn) {
  auto opened = Searcher::open(testing::shared_fixture_index());
  ASSERT_TRUE(opened.is_ok());
  const Searcher& searcher = *opened.value();
  auto kept = searcher.code_detail("icd10cm", "I10");
  ASSERT_TRUE(kept.is_ok());
  EXPECT_EQ(kept.value().valid_in, (std::vector<std::string>{"fy2025", "fy2026"}));
  EXPECT_EQ(kept.value().earliest_release, "fy2025");
  EXPECT_EQ(kept.value().release, "fy2026");
  auto added = searcher.code_detail("icd10cm", "QA00");
  ASSERT_TRUE(added.is_ok());
  EXPECT_EQ(added.value().valid_in, std::vector<std::string>{"fy2026"});
  EXPECT_EQ(added.value().record.validity.from_date, "2025-10-01");
  auto deleted = searcher.code_detail("icd10cm", "S30.1XXA");
  ASSERT_TRUE(deleted.is_ok());
  EXPECT_EQ(deleted.value().valid_in, std::vector<std::string>{"fy2025"});
  EXPECT_EQ(deleted.value().record.validity.through_date, "2025-09-30");
}

// W11XXXA had another title in the FY2025 fixture: a search in FY2025 shows that one and
// finds the code by it; the index's own release shows today's.
TEST(ReleaseSearchTest, ShowsTheTitlesTheReleaseGaveItsCodes) {
  auto opened = Searcher::open(testing::shared_fixture_index());
  ASSERT_TRUE(opened.is_ok());
  SearchRequest request;
  request.query = "W11XXXA";
  auto current = opened.value()->search(request);
  ASSERT_TRUE(current.is_ok());
  ASSERT_EQ(current.value().hits.size(), 1u);
  EXPECT_EQ(current.value().hits[0].title, "Fall on and from ladder, initial encounter");
  request.release = "fy2025";
  auto then = opened.value()->search(request);
  ASSERT_TRUE(then.is_ok());
  ASSERT_EQ(then.value().hits.size(), 1u);
  EXPECT_EQ(then.value().hits[0].title, "Fall from ladder, initial encounter");
  EXPECT_TRUE(has(codes_of(*opened.value(), "fall from ladder", "fy2025"), "W11.XXXA"));
  auto detail = opened.value()->code_detail("icd10cm", "W11XXXA");
  ASSERT_TRUE(detail.is_ok());
  bool named = false;
  for (const auto& attribute : detail.value().record.attributes) {
    named |= attribute.name == "Title in FY2025" && attribute.value == "Fall from ladder, initial encounter";
  }
  EXPECT_TRUE(named);
}

// What every query of a set returns, hit by hit, as one string per query.
std::vector<std::string> answers(const std::string& index) {
  auto opened = Searcher::open(index);
  EXPECT_TRUE(opened.is_ok());
  std::vector<std::string> out;
  if (!opened.is_ok()) return out;
  for (const char* query : {"I21", "I10", "S30.1XXA", "heart attack", "hypertension", "fracture of radius",
                            "acetaminophen poisoning", "neurodevelopmental", "contusion abdominal wall", "QA0",
                            "appendectomy laparoscopic", "insulin pump", "sepsis"}) {
    for (const char* release : {"", "fy2025"}) {
      SearchRequest request;
      request.query = query;
      request.limit = 20;
      request.release = release;
      auto response = opened.value()->search(request);
      std::string text = std::string(query) + "@" + release + ":";
      if (!response.is_ok()) {
        text += response.status().message();  // fy2025 alone knows no fy2026 and the reverse
      } else {
        for (const auto& hit : response.value().hits) {
          text += " " + hit.system + ":" + hit.code + "/" + std::to_string(hit.score) + "/" + hit.title +
                  (hit.is_billable ? "/b" : "");
        }
      }
      out.push_back(text);
    }
  }
  return out;
}

TEST(ReleaseUpdateTest, UpdatedEitherWayAnswersLikeAFreshBuild) {
  testing::TempDir dir;
  const auto corpus = testing::make_fixture_corpus(dir.path());
  auto build = [&](const std::string& release, const std::string& index, const std::string& base) {
    indexer::BuildOptions options;
    options.corpus_dir = corpus.corpus_dir;
    options.manifest_path = corpus.manifest_path;
    options.release = release;
    options.index_dir = index;
    options.base_index_dir = base;
    auto report = indexer::build_index(options);
    EXPECT_TRUE(report.is_ok()) << report.status().to_string();
    return report.is_ok() ? report.value() : indexer::BuildReport{};
  };
  build("fy2025", dir / "fresh2025", "");
  build("fy2026", dir / "fresh2026", "");
  const auto forward = build("fy2026", dir / "updated2026", dir / "fresh2025");
  build("fy2025", dir / "updated2025", dir / "fresh2026");
  EXPECT_EQ(answers(dir / "updated2026"), answers(dir / "fresh2026"));
  EXPECT_EQ(answers(dir / "updated2025"), answers(dir / "fresh2025"));
  // FY2025 to FY2026 keeps most ICD-10-CM documents as they were.
  EXPECT_GT(forward.documents_unchanged, testing::kFixtureIcd10CmCodes / 2);
}

}  // namespace
}  // namespace medcode::searcher
