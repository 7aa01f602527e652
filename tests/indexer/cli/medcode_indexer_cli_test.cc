// Runs the medcode-indexer program itself: what it says, and its exit code, for a
// misspelled subcommand or flag, and for --index or --root at something it must not use.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <string>

#include "indexer/build/scratch_directory.h"
#include "tests/support/fixture_corpus.h"

namespace medcode {
namespace {
namespace fs = std::filesystem;

struct ProgramRun {
  std::string output;  // stdout and stderr
  int exit_code = -1;
};

ProgramRun run(const std::string& arguments) {
  const std::string command =
      std::string(MEDCODE_INDEXER_BIN) + " " + arguments + " 2>&1 < /dev/null";
  ProgramRun result;
  FILE* pipe = ::popen(command.c_str(), "r");
  char buffer[4096];
  while (std::size_t got = std::fread(buffer, 1, sizeof buffer, pipe))
    result.output.append(buffer, got);
  const int status = ::pclose(pipe);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

// Within two edits (Damerau-Levenshtein) the one meant is named; otherwise all are listed.
TEST(IndexerCliTest, MisspelledSubcommandSuggestsTheOneMeant) {
  const struct {
    const char* arguments;
    const char* output;
  } rows[] = {
      {"bulid --index x", "medcode-indexer: unknown subcommand \"bulid\"; did you mean build?\n"},
      {"pubish --root x v",
       "medcode-indexer: unknown subcommand \"pubish\"; did you mean publish?\n"},
      {"rolback --root x",
       "medcode-indexer: unknown subcommand \"rolback\"; did you mean rollback?\n"},
      {"Update --root x", "medcode-indexer: unknown subcommand \"Update\"; did you mean update?\n"},
  };
  for (const auto& row : rows) {
    const ProgramRun result = run(row.arguments);
    EXPECT_EQ(result.exit_code, 64) << row.arguments;
    EXPECT_EQ(result.output, row.output);
  }
  const ProgramRun far = run("compile");
  EXPECT_EQ(far.exit_code, 64);
  EXPECT_EQ(
      far.output.rfind(
          "medcode-indexer: unknown subcommand \"compile\"; the subcommands are build, update, "
          "publish, list, rollback, diff\nusage: medcode-indexer build",
          0),
      0u)
      << far.output;
  const ProgramRun flag_first = run("--index x");
  EXPECT_EQ(flag_first.exit_code, 64);
  EXPECT_EQ(flag_first.output.rfind(
                "medcode-indexer: give a subcommand first (build, update, publish, list, "
                "rollback, diff), then --index\n",
                0),
            0u)
      << flag_first.output;
  EXPECT_EQ(run("--help").exit_code, 0);
}

TEST(IndexerCliTest, MisspelledFlagSuggestsTheOneMeant) {
  const ProgramRun build = run("build --inedx x");
  EXPECT_EQ(build.exit_code, 64);
  EXPECT_EQ(build.output.rfind(
                "medcode-indexer: unrecognised option '--inedx'; did you mean --index?\n", 0),
            0u)
      << build.output;
  const ProgramRun list = run("list --roots x");
  EXPECT_EQ(list.output.rfind(
                "medcode-indexer: unrecognised option '--roots'; did you mean --root?\n", 0),
            0u)
      << list.output;
  const ProgramRun far = run("list --colour x");
  EXPECT_EQ(far.output.rfind("medcode-indexer: unrecognised option '--colour'\n", 0), 0u)
      << far.output;
  const ProgramRun count = run("diff --from fy2025 --to fy2026 --list -1");
  EXPECT_EQ(count.exit_code, 64);
  EXPECT_EQ(count.output, "medcode-indexer: --list \"-1\": must be 0 or more\n");
}

// --root of list, publish, rollback and update must be an index root; build --index and
// --root never take over what is not theirs. The indexes here are Xapian's marker file only:
// the checks look at the layout, before any database is opened.
TEST(IndexerCliTest, RootAndIndexPathsThatDoNotFitAreRefusedInWords) {
  testing::TempDir dir;
  testing::write_file(dir / "index/iamglass", "marker");
  testing::write_file(dir / "root/releases/v1/iamglass", "marker");
  fs::create_directory_symlink("releases/v1", dir / "root/current");
  testing::write_file(dir / "file", "x");
  testing::write_file(dir / "papers/notes.txt", "mine");
  const struct {
    std::string arguments;
    int exit_code;
    std::string output;
  } rows[] = {
      {"list --root " + (dir / "missing"), 66,
       "index root " + (dir / "missing") +
           " not found: build one with medcode-indexer build --root " + (dir / "missing")},
      {"list --root " + (dir / "index"), 64,
       (dir / "index") +
           " is an index, not an index root (releases/ and current): give --root the directory "
           "medcode-indexer build --root made"},
      {"rollback --root " + (dir / "root/current"), 64,
       (dir / "root/current") +
           " is an index, not an index root (releases/ and current): it is a version of "
           "index root " +
           (dir / "root") + ": give --root " + (dir / "root")},
      {"publish --root " + (dir / "file") + " v1", 64,
       "index root " + (dir / "file") +
           " is a file, not a directory: give --root the directory medcode-indexer "
           "build --root made"},
      {"update --root " + (dir / "index"), 64,
       (dir / "index") +
           " is an index, not an index root (releases/ and current): give --root the directory "
           "medcode-indexer build --root made"},
      {"list --root " + (dir / "papers"), 66,
       (dir / "papers") +
           " has no releases/ directory; build one with medcode-indexer build --root " +
           (dir / "papers")},
  };
  for (const auto& row : rows) {
    const ProgramRun result = run(row.arguments);
    EXPECT_EQ(result.exit_code, row.exit_code) << row.arguments;
    EXPECT_EQ(result.output, "medcode-indexer: " + row.output + "\n");
  }

  // Builds: the corpus is real, so only the path can be what stops them.
  const auto corpus = testing::make_fixture_corpus(dir / "corpus");
  const std::string sources =
      " --corpus " + corpus.corpus_dir + " --manifest " + corpus.manifest_path;
  const ProgramRun papers = run("build" + sources + " --index " + (dir / "papers"));
  EXPECT_EQ(papers.exit_code, 64);
  EXPECT_EQ(papers.output,
            "medcode-indexer: --index " + (dir / "papers") +
                " is not a medcode index and is not empty (it holds \"notes.txt\"): building "
                "replaces the directory, so give a new or empty one\n");
  EXPECT_EQ(testing::read_file(dir / "papers/notes.txt"), "mine");
  const ProgramRun root = run("build" + sources + " --index " + (dir / "root"));
  EXPECT_EQ(root.exit_code, 64);
  EXPECT_EQ(
      root.output,
      "medcode-indexer: --index " + (dir / "root") +
          " is an index root (releases/ and current): build a new version in it with --root " +
          (dir / "root") + " (--index would replace every version in it)\n");
  const ProgramRun version = run("build" + sources + " --index " + (dir / "root/current"));
  EXPECT_EQ(version.output, "medcode-indexer: --index " + (dir / "root/current") +
                                " is a version of index root " + (dir / "root") +
                                ": build a new version with --root " + (dir / "root") + "\n");
  const ProgramRun index_as_root = run("build" + sources + " --root " + (dir / "index"));
  EXPECT_EQ(index_as_root.exit_code, 64);
  EXPECT_EQ(index_as_root.output, "medcode-indexer: --root " + (dir / "index") +
                                      " is an index, not an index root: rebuild it with --index " +
                                      (dir / "index") + ", or give --root a new directory\n");
  EXPECT_FALSE(fs::exists(dir / "index/releases"));
}

// list shows the build directories under releases/: one in progress (held here), and one a
// killed build left, with their size.
TEST(IndexerCliTest, ListShowsBuildsInProgressAndWhatKilledBuildsLeft) {
  testing::TempDir dir;
  testing::write_file(dir / "root/releases/v1/iamglass", "marker");
  fs::create_directory_symlink("releases/v1", dir / "root/current");
  testing::write_file(dir / "root/releases/fy2026-20250101T000000Z.building-4242/index/part",
                      std::string(1000000, 'x'));
  auto running = indexer::ScratchDirectory::create(dir / "root/releases/fy2026-20250102T000000Z");
  ASSERT_TRUE(running.is_ok()) << running.status().to_string();
  const ProgramRun list = run("list --root " + (dir / "root"));
  EXPECT_EQ(list.exit_code, 0) << list.output;
  const std::string pid = std::to_string(::getpid());
  EXPECT_NE(
      list.output.find(
          "\nscratch  releases/fy2026-20250101T000000Z.building-4242  1.0 MB  left by a killed "
          "build (pid 4242); the next build removes it\n"
          "scratch  releases/fy2026-20250102T000000Z.building-" +
          pid + "  0.0 MB  build in progress (pid " + pid + ")\n"),
      std::string::npos)
      << list.output;
}

}  // namespace
}  // namespace medcode
