#include "indexer/build/scratch_directory.h"

#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>

#include "tests/support/fixture_corpus.h"

namespace medcode::indexer {
namespace {
namespace fs = std::filesystem;

TEST(ScratchDirectoryTest, IsLockedWhileItsBuilderLivesAndRemovedAfter) {
  testing::TempDir dir;
  std::string path;
  {
    auto scratch = ScratchDirectory::create(dir / "index");
    ASSERT_TRUE(scratch.is_ok()) << scratch.status().to_string();
    path = scratch.value().path();
    EXPECT_EQ(path, dir / "index.building-" + std::to_string(::getpid()));
    testing::write_file(path + "/index/part", "12345");
    const auto found = find_scratch_directories(dir.path(), "index.building-");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].path, path);
    EXPECT_EQ(found[0].pid, ::getpid());
    EXPECT_TRUE(found[0].in_progress);
    EXPECT_EQ(found[0].bytes, 5u);
    // A build in progress is never removed.
    EXPECT_TRUE(remove_abandoned_scratch(dir.path(), "").empty());
    EXPECT_TRUE(fs::is_directory(path));
  }
  EXPECT_FALSE(fs::exists(path));
  // Nothing else was left beside it, such as the hidden name it was made under.
  EXPECT_TRUE(fs::is_empty(dir.path()));
}

// A builder killed with SIGKILL runs no destructor; the kernel drops its lock.
TEST(ScratchDirectoryTest, WhatAKilledBuilderLeftIsFoundAndRemoved) {
  testing::TempDir dir;
  const pid_t child = ::fork();
  if (child == 0) {
    auto scratch = ScratchDirectory::create(dir / "index");
    if (scratch.is_ok())
      testing::write_file(scratch.value().path() + "/index/part", std::string(1000, 'x'));
    ::raise(SIGKILL);
  }
  int status = 0;
  ASSERT_EQ(::waitpid(child, &status, 0), child);
  ASSERT_TRUE(WIFSIGNALED(status));
  const std::string left = dir / "index.building-" + std::to_string(child);
  auto found = find_scratch_directories(dir.path(), "");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].path, left);
  EXPECT_EQ(found[0].pid, child);
  EXPECT_FALSE(found[0].in_progress);
  EXPECT_EQ(found[0].bytes, 1000u);
  EXPECT_EQ(remove_abandoned_scratch(dir.path(), "index.building-"),
            std::vector<std::string>{left});
  EXPECT_FALSE(fs::exists(left));
}

// The lock, not the pid, says whether a builder lives: a leftover named after a pid that
// is alive again (here, ours) is still removed, and only names of the prefix are touched.
TEST(ScratchDirectoryTest, ALeftoverWhosePidWasReusedIsStillRemoved) {
  testing::TempDir dir;
  const std::string reused = dir / "index.building-" + std::to_string(::getpid());
  fs::create_directories(reused + "/index");
  fs::create_directories(dir / "other.building-7");
  // Not scratch directories: hidden, or not ending in a pid.
  for (const char* name :
       {".index.new-ab12cd", "index.building-x", "index.building-12.old", "index"}) {
    fs::create_directories(dir / name);
  }
  EXPECT_EQ(remove_abandoned_scratch(dir.path(), "index.building-"),
            std::vector<std::string>{reused});
  EXPECT_TRUE(fs::is_directory(dir / "other.building-7"));
  for (const char* name :
       {".index.new-ab12cd", "index.building-x", "index.building-12.old", "index"}) {
    EXPECT_TRUE(fs::is_directory(dir / name)) << name;
  }
  // With no prefix, every target's leftovers go.
  EXPECT_EQ(remove_abandoned_scratch(dir.path(), ""),
            std::vector<std::string>{dir / "other.building-7"});
}

// Our own pid's leftover (a dead process that had our pid) is replaced by a fresh one.
TEST(ScratchDirectoryTest, ReplacesALeftoverOfItsOwnName) {
  testing::TempDir dir;
  const std::string path = dir / "index.building-" + std::to_string(::getpid());
  testing::write_file(path + "/index/old", "old");
  auto scratch = ScratchDirectory::create(dir / "index");
  ASSERT_TRUE(scratch.is_ok()) << scratch.status().to_string();
  EXPECT_TRUE(fs::is_empty(path));
  EXPECT_TRUE(find_scratch_directories(dir.path(), "")[0].in_progress);
}

}  // namespace
}  // namespace medcode::indexer
