// What an index was built with, and `medcode-indexer update` keeping to it: an update of a
// root built with some code sets rebuilds those, says so, and adds no others.
#include "indexer/lifecycle/built_code_sets.h"

#include <xapian.h>

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>

#include "common/schema.h"
#include "indexer/lifecycle/index_root.h"
#include "tests/support/fixture_corpus.h"

namespace medcode::indexer {
namespace {
namespace fs = std::filesystem;

BuildOptions fixture_options(const testing::FixtureCorpus& corpus, const std::string& index_dir) {
  BuildOptions options;
  options.corpus_dir = corpus.corpus_dir;
  options.manifest_path = corpus.manifest_path;
  options.index_dir = index_dir;
  return options;
}

// The systems of the index's medcode.code_sets: what it holds.
std::vector<std::string> held_code_sets(const std::string& index_dir) {
  Xapian::Database database(index_dir);
  std::vector<std::string> held;
  std::string tsv = database.get_metadata(std::string(schema::kCodeSetsKey));
  for (std::size_t start = 0; start < tsv.size();) {
    const std::size_t end = tsv.find('\n', start);
    held.push_back(tsv.substr(start, tsv.find('\t', start) - start));
    start = end == std::string::npos ? tsv.size() : end + 1;
  }
  return held;
}

// Runs medcode-indexer with args (no shell quoting needed: temp paths have no spaces);
// returns its stdout and sets exit_status.
std::string run_indexer(const std::string& args, int& exit_status) {
  const std::string command = std::string(MEDCODE_INDEXER_BIN) + " " + args + " 2>/dev/null";
  FILE* pipe = ::popen(command.c_str(), "r");
  std::string out;
  char buffer[4096];
  for (std::size_t read; (read = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;) out.append(buffer, read);
  exit_status = WEXITSTATUS(::pclose(pipe));
  return out;
}

TEST(BuiltCodeSetsTest, RecordsTheSetsAskedForEvenWhenTheReleaseLacksOneAndImportsWithAbsolutePaths) {
  testing::TempDir dir;
  const auto corpus = testing::make_fixture_corpus(dir.path());
  testing::write_file(dir / "local.tsv", "code\ttitle\nZZ101\tWidget insertion\n");
  auto options = fixture_options(corpus, dir / "index");
  options.release = "fy2025";  // the fixture has no HCPCS release in FY2025: left out
  options.code_sets = {"hcpcs"};
  options.imports = {{"payer-x", dir / "local.tsv"}};
  ASSERT_TRUE(build_index(options).is_ok());
  EXPECT_EQ(held_code_sets(dir / "index"), (std::vector<std::string>{"icd10cm", "payer-x"}));

  auto built = read_built_code_sets(dir / "index");
  ASSERT_TRUE(built.is_ok()) << built.status().to_string();
  EXPECT_TRUE(built.value().recorded);
  EXPECT_EQ(built.value().code_sets, (std::vector<std::string>{"icd10cm", "hcpcs"}));
  ASSERT_EQ(built.value().imports.size(), 1u);
  EXPECT_EQ(built.value().imports[0].system, "payer-x");
  EXPECT_EQ(built.value().imports[0].path, dir / "local.tsv");
  EXPECT_EQ(describe_code_sets(built.value().code_sets, built.value().imports),
            "icd10cm, hcpcs, payer-x (import " + (dir / "local.tsv") + ")");
}

TEST(BuiltCodeSetsTest, AnIndexBuiltBeforeTheRecordGivesTheSetsItHolds) {
  testing::TempDir dir;
  const auto corpus = testing::make_fixture_corpus(dir.path());
  auto options = fixture_options(corpus, dir / "index");
  options.code_sets = {"icd10cm", "guidelines"};
  ASSERT_TRUE(build_index(options).is_ok());
  {
    Xapian::WritableDatabase database(dir / "index", Xapian::DB_OPEN);
    database.set_metadata(std::string(schema::kBuildCodeSetsKey), "");
    database.commit();
  }
  auto built = read_built_code_sets(dir / "index");
  ASSERT_TRUE(built.is_ok()) << built.status().to_string();
  EXPECT_FALSE(built.value().recorded);
  EXPECT_EQ(built.value().code_sets, (std::vector<std::string>{"icd10cm", "guidelines"}));
  EXPECT_TRUE(built.value().imports.empty());
}

TEST(BuiltCodeSetsTest, ADirectoryThatIsNoIndexIsADataErrorNamingIt) {
  testing::TempDir dir;
  auto built = read_built_code_sets(dir / "missing");
  ASSERT_FALSE(built.is_ok());
  EXPECT_EQ(built.status().code(), StatusCode::kDataError);
  EXPECT_EQ(built.status().message().rfind(dir / "missing" + ": cannot be opened as an index: ", 0), 0u)
      << built.status().message();
}

TEST(BuiltCodeSetsTest, UpdateRebuildsTheCodeSetsTheRootWasBuiltWithAndSaysSo) {
  testing::TempDir dir;
  const auto corpus = testing::make_fixture_corpus(dir.path());
  const std::string root = dir / "root";
  const std::string sources = "--corpus " + corpus.corpus_dir + " --manifest " + corpus.manifest_path;
  int status = 0;
  run_indexer("build " + sources + " --root " + root + " --release fy2025 --code-sets icd10cm,hcpcs --publish", status);
  ASSERT_EQ(status, 0);
  const std::string base = current_version(root);

  const std::string out = run_indexer("update " + sources + " --root " + root + " --publish", status);
  ASSERT_EQ(status, 0) << out;
  EXPECT_NE(out.find("update   from " + base +
                     ": icd10cm, hcpcs (the code sets it was built with; --code-sets and --import choose others)\n"),
            std::string::npos)
      << out;
  // FY2025 had no HCPCS release, so it comes in with FY2026; PCS and the guidelines do not.
  EXPECT_EQ(held_code_sets(version_path(root, current_version(root))), (std::vector<std::string>{"icd10cm", "hcpcs"}));

  const std::string chosen =
      run_indexer("update " + sources + " --root " + root + " --code-sets icd10cm,guidelines", status);
  ASSERT_EQ(status, 0) << chosen;
  EXPECT_NE(chosen.find(": icd10cm, guidelines (as --code-sets/--import ask; it was built with icd10cm, hcpcs)\n"),
            std::string::npos)
      << chosen;
}

}  // namespace
}  // namespace medcode::indexer
