// Kills medcode-indexer with SIGKILL at several moments of a build, of an update and of
// publishing, and checks each time that the published index is intact and answers searches.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>
#include <xapian.h>

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <thread>

#include "indexer/lifecycle/index_root.h"
#include "tests/support/fixture_corpus.h"

namespace medcode::indexer {
namespace {
namespace fs = std::filesystem;

// Runs medcode-indexer with args; kills it after delay unless it ended; true if it finished.
bool run_indexer(const std::vector<std::string>& args, std::chrono::microseconds delay) {
  const pid_t pid = ::fork();
  if (pid == 0) {
    std::vector<char*> argv;
    argv.push_back(const_cast<char*>(MEDCODE_INDEXER_BIN));
    for (const auto& arg : args) argv.push_back(const_cast<char*>(arg.c_str()));
    argv.push_back(nullptr);
    ::freopen("/dev/null", "w", stdout);
    ::execv(MEDCODE_INDEXER_BIN, argv.data());
    ::_exit(127);
  }
  int status = 0;
  const auto deadline = std::chrono::steady_clock::now() + delay;
  do {
    if (::waitpid(pid, &status, WNOHANG) == pid) return WIFEXITED(status) && WEXITSTATUS(status) == 0;
    std::this_thread::sleep_for(std::min<std::chrono::microseconds>(delay, std::chrono::microseconds(200)));
  } while (std::chrono::steady_clock::now() < deadline);
  ::kill(pid, SIGKILL);
  ::waitpid(pid, &status, 0);
  return false;
}

// The published index opens and has the fixture's documents.
void expect_current_serves(const std::string& root, std::size_t documents) {
  Xapian::Database database((fs::path(root) / "current").string());
  EXPECT_EQ(database.get_doccount(), documents);
  Xapian::Enquire enquire(database);
  enquire.set_query(Xapian::Query("Qicd10cm:I10"));
  EXPECT_EQ(enquire.get_mset(0, 1).size(), 1u);
}

TEST(KillTest, KilledBuildsAndPublishesLeaveThePublishedIndexServing) {
  testing::TempDir dir;
  const auto corpus = testing::make_fixture_corpus(dir.path());
  const std::string root = dir / "root";
  const std::vector<std::string> build = {"build", "--corpus", corpus.corpus_dir, "--manifest", corpus.manifest_path,
                                          "--root", root, "--publish", "--keep", "2"};
  ASSERT_TRUE(run_indexer(build, std::chrono::seconds(30)));
  const std::string first = current_version(root);
  ASSERT_FALSE(first.empty());
  expect_current_serves(root, testing::kFixtureDocuments);

  // Killed at many moments of a build-and-publish: reading, writing, compacting, renaming.
  int killed = 0;
  int left_scratch = 0;
  for (int delay_ms : {5, 20, 40, 60, 80, 100, 130, 160, 200, 250, 300, 400}) {
    if (!run_indexer(build, std::chrono::milliseconds(delay_ms))) ++killed;
    expect_current_serves(root, testing::kFixtureDocuments);
    auto versions = list_versions(root);
    ASSERT_TRUE(versions.is_ok());
    for (const auto& version : versions.value()) {
      // A version either is a complete index or was never renamed into releases/.
      EXPECT_TRUE(version.error.empty()) << version.name << ": " << version.error;
    }
    // What a killed build left is listed, as no longer in progress; the next build (the
    // next round) removes it, so there is never more than one.
    const auto scratch = list_scratch_directories(root);
    EXPECT_LE(scratch.size(), 1u);
    for (const auto& left : scratch) EXPECT_FALSE(left.in_progress) << left.path;
    left_scratch += scratch.empty() ? 0 : 1;
  }
  EXPECT_GT(killed, 3);        // the test did interrupt builds
  EXPECT_GT(left_scratch, 0);  // and some while they were writing

  // Killed at moments of an update-and-publish: copying the base, rewriting, renaming.
  const std::vector<std::string> update = {"update", "--corpus", corpus.corpus_dir, "--manifest", corpus.manifest_path,
                                           "--root", root, "--publish", "--keep", "2"};
  int updates_killed = 0;
  for (int delay_ms : {5, 20, 40, 80, 120, 200}) {
    if (!run_indexer(update, std::chrono::milliseconds(delay_ms))) ++updates_killed;
    expect_current_serves(root, testing::kFixtureDocuments);
    auto versions = list_versions(root);
    ASSERT_TRUE(versions.is_ok());
    for (const auto& version : versions.value()) EXPECT_TRUE(version.error.empty()) << version.name << ": " << version.error;
  }
  EXPECT_GT(updates_killed, 1);
  ASSERT_TRUE(run_indexer(update, std::chrono::seconds(30)));  // and one that finishes
  expect_current_serves(root, testing::kFixtureDocuments);
  EXPECT_TRUE(list_scratch_directories(root).empty());  // it removed what killed ones left

  // Killed while publishing and rolling back, at a range of microsecond offsets.
  ASSERT_TRUE(run_indexer(build, std::chrono::seconds(30)));
  for (int delay_us : {50, 200, 500, 1000, 2000, 4000, 8000}) {
    run_indexer({"rollback", "--root", root}, std::chrono::microseconds(delay_us));
    expect_current_serves(root, testing::kFixtureDocuments);
    EXPECT_TRUE(fs::is_symlink(fs::path(root) / "current"));
  }

  // A negative --keep is refused (a usage error) before anything changes.
  const std::string before = current_version(root);
  EXPECT_FALSE(run_indexer({"rollback", "--root", root, "--keep", "-1"}, std::chrono::seconds(30)));
  EXPECT_EQ(current_version(root), before);
}

}  // namespace
}  // namespace medcode::indexer
