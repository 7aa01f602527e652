#include "searcher/engine/reloading_searcher.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "tests/support/fixture_corpus.h"

namespace medcode::searcher {
namespace {

// Rebuilding swaps a new directory into place; the next check opens it, while a searcher
// handed out before keeps answering from the old index.
TEST(ReloadingSearcherTest, FollowsAPublishedIndexAndKeepsOldOneAlive) {
  testing::TempDir dir;
  const auto corpus = testing::make_fixture_corpus(dir.path());
  testing::build_fixture_index(corpus, dir / "index");
  auto reloading = ReloadingSearcher::open(dir / "index", std::chrono::milliseconds(0));
  ASSERT_TRUE(reloading.is_ok()) << reloading.status().to_string();
  const std::shared_ptr<const Searcher> before = reloading.value()->current();
  EXPECT_EQ(before->info().documents, testing::kFixtureDocuments);

  testing::drop_last_two_codes(corpus);
  testing::build_fixture_index(corpus, dir / "index");

  const std::shared_ptr<const Searcher> after = reloading.value()->current();
  EXPECT_EQ(after->info().documents, testing::kFixtureDocuments - 2);
  EXPECT_EQ(reloading.value()->reloads(), 1);
  SearchRequest request;
  request.query = "I10";
  EXPECT_TRUE(before->search(request).is_ok());  // the old index still answers
}

TEST(ReloadingSearcherTest, KeepsServingWhenTheDirectoryDisappears) {
  testing::TempDir dir;
  testing::build_fixture_index(testing::make_fixture_corpus(dir.path()), dir / "index");
  auto reloading = ReloadingSearcher::open(dir / "index", std::chrono::milliseconds(0));
  ASSERT_TRUE(reloading.is_ok());
  std::filesystem::rename(dir / "index", dir / "moved");
  EXPECT_EQ(reloading.value()->current()->info().documents, testing::kFixtureDocuments);
  EXPECT_EQ(reloading.value()->reloads(), 0);
}

}  // namespace
}  // namespace medcode::searcher
