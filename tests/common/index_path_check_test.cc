#include "common/index_path_check.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>

namespace medcode {
namespace {
namespace fs = std::filesystem;

// A scratch directory holding one of each kind of path, removed afterwards:
//   file, empty/, other/ (notes.txt, b, c), index/ (a Xapian marker),
//   root/ (releases/v1 an index, current -> releases/v1), unpublished/ (releases/ only),
//   dangling/ (current -> releases/gone).
class IndexPathCheckTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (fs::temp_directory_path() / "medcode-path-XXXXXX").string();
    ASSERT_NE(::mkdtemp(pattern.data()), nullptr);
    dir_ = pattern;
    touch("file");
    fs::create_directory(dir_ / "empty");
    for (const char* name : {"other/notes.txt", "other/b", "other/c"}) touch(name);
    touch("index/iamglass");
    touch("root/releases/v1/iamglass");
    fs::create_directory_symlink("releases/v1", dir_ / "root/current");
    fs::create_directories(dir_ / "unpublished/releases");
    fs::create_directories(dir_ / "dangling/releases");
    fs::create_directory_symlink("releases/gone", dir_ / "dangling/current");
  }
  void TearDown() override { fs::remove_all(dir_); }

  void touch(const std::string& relative) {
    fs::create_directories((dir_ / relative).parent_path());
    std::ofstream(dir_ / relative) << "x";
  }
  std::string path(const std::string& relative) const { return (dir_ / relative).string(); }
  // Expects the status, with {dir} in message standing for the scratch directory.
  void check(const Status& status, StatusCode code, std::string message) const {
    for (std::size_t at; (at = message.find("{dir}")) != std::string::npos;)
      message.replace(at, 5, dir_.string());
    EXPECT_EQ(status.code(), code) << message;
    EXPECT_EQ(status.message(), message);
  }

  fs::path dir_;
};

TEST_F(IndexPathCheckTest, ClassifiesEachKindOfPath) {
  EXPECT_EQ(classify_index_path(path("nothing")), IndexPathKind::kMissing);
  EXPECT_EQ(classify_index_path(path("file")), IndexPathKind::kNotDirectory);
  EXPECT_EQ(classify_index_path(path("empty")), IndexPathKind::kEmptyDirectory);
  EXPECT_EQ(classify_index_path(path("other")), IndexPathKind::kOtherDirectory);
  EXPECT_EQ(classify_index_path(path("index")), IndexPathKind::kIndex);
  EXPECT_EQ(classify_index_path(path("root")), IndexPathKind::kIndexRoot);
  EXPECT_EQ(classify_index_path(path("root/current")), IndexPathKind::kIndex);
  EXPECT_EQ(classify_index_path(path("unpublished")), IndexPathKind::kIndexRoot);
  EXPECT_EQ(classify_index_path(path("dangling")), IndexPathKind::kIndexRoot);
  EXPECT_EQ(classify_index_path(path("dangling/current")), IndexPathKind::kMissing);
}

// What medcode-search and medcode-server say about their --index.
TEST_F(IndexPathCheckTest, ServingNeedsAnIndexOrAPublishedRoot) {
  EXPECT_TRUE(check_index_to_serve(path("index")).is_ok());
  EXPECT_TRUE(check_index_to_serve(path("root")).is_ok());
  EXPECT_TRUE(check_index_to_serve(path("root/current")).is_ok());
  struct Row {
    const char* relative;
    StatusCode code;
    std::string message;  // {dir}: the scratch directory
  };
  const Row rows[] = {
      {"nothing", StatusCode::kUnavailable,
       "index {dir}/nothing not found: build it with medcode-indexer build --index {dir}/nothing"},
      {"empty", StatusCode::kUnavailable,
       "index {dir}/empty is an empty directory: build it with medcode-indexer build --index "
       "{dir}/empty"},
      {"file", StatusCode::kInvalidArgument,
       "index {dir}/file is a file, not a directory: give --index the directory medcode-indexer "
       "build --index made"},
      {"other", StatusCode::kInvalidArgument,
       "index {dir}/other is not a medcode index (no Xapian database in it; it holds \"b\" and 2 "
       "more): give --index "
       "a directory made by medcode-indexer build --index DIR or --root DIR"},
      {"unpublished", StatusCode::kUnavailable,
       "index root {dir}/unpublished has no published version (no {dir}/unpublished/current): "
       "publish one with "
       "medcode-indexer publish --root {dir}/unpublished VERSION (medcode-indexer list --root "
       "{dir}/unpublished lists them)"},
      {"dangling", StatusCode::kUnavailable,
       "index root {dir}/dangling: current names releases/gone, which does not exist: publish "
       "another with "
       "medcode-indexer publish --root {dir}/dangling VERSION"},
  };
  for (const Row& row : rows)
    check(check_index_to_serve(path(row.relative)), row.code, row.message);
}

// What medcode-indexer update, list, publish and rollback say about their --root.
TEST_F(IndexPathCheckTest, VersionCommandsNeedAnIndexRoot) {
  EXPECT_TRUE(check_index_root(path("root")).is_ok());
  EXPECT_TRUE(check_index_root(path("unpublished")).is_ok());
  struct Row {
    const char* relative;
    StatusCode code;
    std::string message;
  };
  const Row rows[] = {
      {"nothing", StatusCode::kNotFound,
       "index root {dir}/nothing not found: build one with medcode-indexer build --root "
       "{dir}/nothing"},
      {"file", StatusCode::kInvalidArgument,
       "index root {dir}/file is a file, not a directory: give --root the directory "
       "medcode-indexer build --root made"},
      {"index", StatusCode::kInvalidArgument,
       "{dir}/index is an index, not an index root (releases/ and current): give --root the "
       "directory "
       "medcode-indexer build --root made"},
      {"root/current", StatusCode::kInvalidArgument,
       "{dir}/root/current is an index, not an index root (releases/ and current): it is a version "
       "of index root "
       "{dir}/root: give --root {dir}/root"},
      {"root/releases/v1/", StatusCode::kInvalidArgument,
       "{dir}/root/releases/v1/ is an index, not an index root (releases/ and current): it is a "
       "version of index "
       "root {dir}/root: give --root {dir}/root"},
      {"empty", StatusCode::kNotFound,
       "{dir}/empty has no releases/ directory; build one with medcode-indexer build --root "
       "{dir}/empty"},
      {"other", StatusCode::kNotFound,
       "{dir}/other has no releases/ directory; build one with medcode-indexer build --root "
       "{dir}/other"},
  };
  for (const Row& row : rows) check(check_index_root(path(row.relative)), row.code, row.message);
}

// build --root makes releases/ in the directory; build --index replaces the directory.
TEST_F(IndexPathCheckTest, BuildingRefusesToOverwriteWhatIsNoIndex) {
  for (const char* fine : {"nothing", "empty", "other", "root", "unpublished"}) {
    EXPECT_TRUE(check_index_root_to_build(path(fine)).is_ok()) << fine;
  }
  check(check_index_root_to_build(path("file")), StatusCode::kInvalidArgument,
        "--root {dir}/file is a file, not a directory");
  check(check_index_root_to_build(path("index")), StatusCode::kInvalidArgument,
        "--root {dir}/index is an index, not an index root: rebuild it with --index {dir}/index, "
        "or give --root a new "
        "directory");
  check(check_index_root_to_build(path("root/current")), StatusCode::kInvalidArgument,
        "--root {dir}/root/current is an index, not an index root: it is a version of index root "
        "{dir}/root: give --root "
        "{dir}/root");

  for (const char* fine : {"nothing", "empty", "index"}) {
    EXPECT_TRUE(check_index_to_replace(path(fine)).is_ok()) << fine;
  }
  check(check_index_to_replace(path("file")), StatusCode::kInvalidArgument,
        "--index {dir}/file: exists and is not a directory");
  check(check_index_to_replace(path("root")), StatusCode::kInvalidArgument,
        "--index {dir}/root is an index root (releases/ and current): build a new version in it "
        "with --root {dir}/root "
        "(--index would replace every version in it)");
  check(check_index_to_replace(path("root/releases/v1")), StatusCode::kInvalidArgument,
        "--index {dir}/root/releases/v1 is a version of index root {dir}/root: build a new version "
        "with --root {dir}/root");
  check(check_index_to_replace(path("other")), StatusCode::kInvalidArgument,
        "--index {dir}/other is not a medcode index and is not empty (it holds \"b\" and 2 more): "
        "building replaces "
        "the directory, so give a new or empty one");
}

}  // namespace
}  // namespace medcode
