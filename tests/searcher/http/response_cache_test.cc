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
  EXPECT_FALSE(cache.find(1, "/a").has_value());
  cache.store(1, "/a", body("A"));
  cache.store(1, "/b", body("B"));
  ASSERT_TRUE(cache.find(1, "/a").has_value());  // /a is now the most recent
  cache.store(1, "/c", body("C"));               // evicts /b
  EXPECT_FALSE(cache.find(1, "/b").has_value());
  EXPECT_EQ(cache.find(1, "/a")->body, "A");
  EXPECT_EQ(cache.find(1, "/c")->body, "C");
  EXPECT_EQ(cache.size(), 2u);
  EXPECT_EQ(cache.hits(), 3u);
  EXPECT_EQ(cache.misses(), 2u);
  // Another index: nothing of the old one is served, and it is dropped.
  EXPECT_FALSE(cache.find(2, "/a").has_value());
  EXPECT_EQ(cache.size(), 0u);
}

TEST(ResponseCacheTest, CapacityZeroKeepsNothing) {
  ResponseCache cache(0);
  cache.store(1, "/a", body("A"));
  EXPECT_FALSE(cache.find(1, "/a").has_value());
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
