#include "indexer/corpus/corpus_dir.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "tests/support/fixture_corpus.h"

namespace medcode::indexer {
namespace {

// Resolution order: --corpus, MEDCODE_CORPUS, ../shared/corpus, corpus/cache.
TEST(CorpusDirTest, ResolvesInDocumentedOrder) {
  testing::TempDir root;
  std::filesystem::create_directories(root / "shared/corpus");
  std::filesystem::create_directories(root / "project/corpus/cache");
  std::filesystem::create_directories(root / "flag");
  std::filesystem::create_directories(root / "env");
  CorpusDirInputs inputs{root / "flag", root / "env", root / "project", root / "project"};
  EXPECT_EQ(resolve_corpus_dir(inputs).value().chosen_by, "--corpus");
  inputs.flag_value.clear();
  EXPECT_EQ(resolve_corpus_dir(inputs).value().path, root / "env");
  inputs.env_value.clear();
  EXPECT_EQ(resolve_corpus_dir(inputs).value().path, root / "shared/corpus");
  std::filesystem::remove_all(root / "shared");
  EXPECT_EQ(resolve_corpus_dir(inputs).value().path, root / "project/corpus/cache");
  std::filesystem::remove_all(root / "project/corpus/cache");
  auto none = resolve_corpus_dir(inputs);
  ASSERT_FALSE(none.is_ok());
  EXPECT_EQ(none.status().code(), StatusCode::kNotFound);
}

TEST(CorpusDirTest, RejectsMissingExplicitDirectory) {
  auto flag = resolve_corpus_dir({"/no/such/dir", "", "", ""});
  ASSERT_FALSE(flag.is_ok());
  EXPECT_EQ(flag.status().message(), "--corpus /no/such/dir: no such directory");
  auto env = resolve_corpus_dir({"", "/no/such/env", "", ""});
  ASSERT_FALSE(env.is_ok());
  EXPECT_EQ(env.status().message(), "MEDCODE_CORPUS=/no/such/env: no such directory");
}

}  // namespace
}  // namespace medcode::indexer
