#include "indexer/lifecycle/index_root.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "indexer/build/index_build.h"
#include "tests/support/fixture_corpus.h"

namespace medcode::indexer {
namespace {
namespace fs = std::filesystem;

// Builds the fixture corpus as a new version under root; returns the version.
std::string build_version(const testing::FixtureCorpus& corpus, const std::string& root) {
  auto version = new_version(root, "fy2026");
  EXPECT_TRUE(version.is_ok()) << version.status().to_string();
  BuildOptions options;
  options.corpus_dir = corpus.corpus_dir;
  options.manifest_path = corpus.manifest_path;
  options.index_dir = version_path(root, version.value());
  auto report = build_index(options);
  EXPECT_TRUE(report.is_ok()) << report.status().to_string();
  return version.value();
}

TEST(IndexRootTest, PublishListAndRollBack) {
  testing::TempDir dir;
  const auto corpus = testing::make_fixture_corpus(dir.path());
  const std::string root = dir / "root";
  const std::string first = build_version(corpus, root);
  testing::drop_last_two_codes(corpus);
  const std::string second = build_version(corpus, root);
  ASSERT_NE(first, second);  // same second: a suffix keeps them apart
  EXPECT_EQ(current_version(root), "");

  ASSERT_TRUE(publish_version(root, first, 3).is_ok());
  EXPECT_EQ(current_version(root), first);
  EXPECT_TRUE(fs::is_symlink(fs::path(root) / "current"));
  ASSERT_TRUE(publish_version(root, second, 3).is_ok());
  EXPECT_EQ(current_version(root), second);

  auto versions = list_versions(root);
  ASSERT_TRUE(versions.is_ok());
  ASSERT_EQ(versions.value().size(), 2u);
  EXPECT_EQ(versions.value()[0].name, second);  // newest first
  EXPECT_TRUE(versions.value()[0].current);
  EXPECT_EQ(versions.value()[0].documents, testing::kFixtureDocuments - 2);
  EXPECT_EQ(versions.value()[1].documents, testing::kFixtureDocuments);
  EXPECT_EQ(versions.value()[1].release, "fy2026");
  EXPECT_TRUE(versions.value()[1].error.empty());

  auto restored = rollback(root, 3);
  ASSERT_TRUE(restored.is_ok()) << restored.status().to_string();
  EXPECT_EQ(restored.value(), first);
  EXPECT_EQ(current_version(root), first);
  // Rolling back again goes to the version published before this one.
  EXPECT_EQ(rollback(root, 3).value(), second);
}

TEST(IndexRootTest, KeepsTheLastVersionsAndNeverTheCurrentOrPrevious) {
  testing::TempDir dir;
  const auto corpus = testing::make_fixture_corpus(dir.path());
  const std::string root = dir / "root";
  std::vector<std::string> built;
  for (int i = 0; i < 4; ++i) built.push_back(build_version(corpus, root));
  ASSERT_TRUE(publish_version(root, built[0], 2).is_ok());  // the oldest build
  // Keep 2: the two newest stay, and the published one, though oldest.
  auto versions = list_versions(root);
  ASSERT_TRUE(versions.is_ok());
  std::vector<std::string> names;
  for (const auto& v : versions.value()) names.push_back(v.name);
  EXPECT_EQ(names, (std::vector<std::string>{built[3], built[2], built[0]}));
  ASSERT_TRUE(publish_version(root, built[3], 1).is_ok());
  versions = list_versions(root);
  names.clear();
  for (const auto& v : versions.value()) names.push_back(v.name);
  EXPECT_EQ(names, (std::vector<std::string>{built[3], built[0]}));  // current and previous
}

TEST(IndexRootTest, RefusesUnknownAndBrokenVersions) {
  testing::TempDir dir;
  const std::string root = dir / "root";
  auto listed = list_versions(root);
  ASSERT_FALSE(listed.is_ok());
  EXPECT_EQ(listed.status().code(), StatusCode::kNotFound);
  ASSERT_TRUE(new_version(root, "fy2026").is_ok());
  const Status unknown = publish_version(root, "fy2099-x", 3);
  EXPECT_EQ(unknown.code(), StatusCode::kNotFound);
  EXPECT_NE(unknown.message().find("no version \"fy2099-x\""), std::string::npos) << unknown.message();
  // A directory that is not an index (a killed copy, a stray folder) is never made current.
  fs::create_directories(version_path(root, "fy2026-broken"));
  testing::write_file(version_path(root, "fy2026-broken") + "/iamglass", "not really");
  const Status broken = publish_version(root, "fy2026-broken", 3);
  EXPECT_EQ(broken.code(), StatusCode::kDataError) << broken.to_string();
  EXPECT_EQ(current_version(root), "");
  auto nothing = rollback(root, 3);
  ASSERT_FALSE(nothing.is_ok());
  EXPECT_NE(nothing.status().message().find("nothing to roll back to"), std::string::npos);
}

// A single index is not made into a root: its releases/ would never be served.
TEST(IndexRootTest, NewVersionRefusesAnIndexAsRoot) {
  testing::TempDir dir;
  testing::write_file(dir / "index/iamglass", "marker");
  auto made = new_version(dir / "index", "fy2026");
  ASSERT_FALSE(made.is_ok());
  EXPECT_EQ(made.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(made.status().message(), "--root " + (dir / "index") + " is an index, not an index root: rebuild it "
                                     "with --index " + (dir / "index") + ", or give --root a new directory");
  EXPECT_FALSE(fs::exists(dir / "index/releases"));
}

// A build killed with SIGKILL leaves releases/<version>.building-<pid>/; the next build
// (new_version) removes it, and leaves alone a build still running.
TEST(IndexRootTest, NextBuildRemovesWhatKilledBuildsLeft) {
  testing::TempDir dir;
  const std::string root = dir / "root";
  ASSERT_TRUE(new_version(root, "fy2026").is_ok());
  const std::string left = root + "/releases/fy2026-20250101T000000Z.building-4242";
  testing::write_file(left + "/index/part", "12345678");
  auto running = ScratchDirectory::create(version_path(root, "fy2026-20250102T000000Z"));
  ASSERT_TRUE(running.is_ok()) << running.status().to_string();
  auto listed = list_scratch_directories(root);
  ASSERT_EQ(listed.size(), 2u);
  EXPECT_EQ(listed[0].path, left);
  EXPECT_FALSE(listed[0].in_progress);
  EXPECT_EQ(listed[0].bytes, 8u);
  EXPECT_TRUE(listed[1].in_progress);
  // Scratch directories are not versions.
  EXPECT_TRUE(list_versions(root).value().empty());

  ASSERT_TRUE(new_version(root, "fy2026").is_ok());
  EXPECT_FALSE(fs::exists(left));
  listed = list_scratch_directories(root);
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_EQ(listed[0].path, running.value().path());
}

}  // namespace
}  // namespace medcode::indexer
