#include "searcher/http/response_cache.h"

#include <gtest/gtest.h>

#include "searcher/http/api_routes.h"
#include "tests/support/fixture_corpus.h"

namespace medcode::searcher {
namespace {

HttpResponse body(const std::string& text) {
  HttpResponse response;
  response.body = text;
  return response;
}

TEST(ResponseCacheTest, KeepsTheMostRecentAnswersOfOneIndex) {
  ResponseCache cache(2);
  EXPECT_FALSE(cache.find("one", "/a").has_value());
  cache.store("one", "/a", body("A"));
  cache.store("one", "/b", body("B"));
  ASSERT_TRUE(cache.find("one", "/a").has_value());  // /a is now the most recent
  cache.store("one", "/c", body("C"));               // evicts /b
  EXPECT_FALSE(cache.find("one", "/b").has_value());
  EXPECT_EQ(cache.find("one", "/a")->body, "A");
  EXPECT_EQ(cache.find("one", "/c")->body, "C");
  EXPECT_EQ(cache.size(), 2u);
  EXPECT_EQ(cache.hits(), 3u);
  EXPECT_EQ(cache.misses(), 2u);
  // Every worker thread's Searcher of one index has the same id.
  auto first = Searcher::open(testing::shared_fixture_index());
  auto second = Searcher::open(testing::shared_fixture_index());
  ASSERT_TRUE(first.is_ok() && second.is_ok());
  EXPECT_EQ(first.value()->index_id(), second.value()->index_id());
  EXPECT_FALSE(first.value()->index_id().empty());
  // Another index: nothing of the old one is served; its entries age out.
  EXPECT_FALSE(cache.find("two", "/a").has_value());
  cache.store("two", "/a", body("A2"));
  EXPECT_EQ(cache.find("two", "/a")->body, "A2");
  EXPECT_EQ(cache.find("one", "/c")->body, "C");
}

TEST(ResponseCacheTest, CapacityZeroKeepsNothing) {
  ResponseCache cache(0);
  cache.store("one", "/a", body("A"));
  EXPECT_FALSE(cache.find("one", "/a").has_value());
  EXPECT_EQ(cache.size(), 0u);
}

TEST(ResponseCacheTest, HandleRequestServesRepeatsFromTheCacheButNotErrors) {
  auto searcher = ReloadingSearcher::open(testing::shared_fixture_index());
  ASSERT_TRUE(searcher.is_ok());
  Metrics metrics;
  ResponseCache cache(100);
  metrics.watch_cache(&cache);
  Route route = Route::kOther;
  const HttpRequest search{"GET", "/v1/search?q=hypertension"};
  const HttpResponse first = handle_request(search, *searcher.value(), metrics, route, &cache);
  const HttpResponse again = handle_request(search, *searcher.value(), metrics, route, &cache);
  EXPECT_EQ(first.status, 200);
  EXPECT_EQ(again.body, first.body);
  EXPECT_EQ(cache.hits(), 1u);
  const HttpRequest bad{"GET", "/v1/search?q=hypertension&limit=0"};
  EXPECT_EQ(handle_request(bad, *searcher.value(), metrics, route, &cache).status, 400);
  EXPECT_EQ(handle_request(bad, *searcher.value(), metrics, route, &cache).status, 400);
  EXPECT_EQ(cache.size(), 1u);  // only the good answer is kept
  handle_request({"GET", "/healthz"}, *searcher.value(), metrics, route, &cache);
  EXPECT_EQ(cache.size(), 1u);  // health is always fresh
  const std::string exposition = metrics.render("fy2026", "now");
  EXPECT_NE(exposition.find("medcode_response_cache_hits_total 1\n"), std::string::npos) << exposition;
}

}  // namespace
}  // namespace medcode::searcher
