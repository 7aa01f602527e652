#include "indexer/build/index_build.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "tests/support/fixture_corpus.h"

namespace medcode::indexer {
namespace {

namespace fs = std::filesystem;

BuildOptions options_for(const testing::FixtureCorpus& corpus, const std::string& index_dir) {
  BuildOptions options;
  options.corpus_dir = corpus.corpus_dir;
  options.manifest_path = corpus.manifest_path;
  options.index_dir = index_dir;
  return options;
}

TEST(IndexBuildTest, BuildsFixtureCorpusAndReportsEachSource) {
  testing::TempDir dir;
  const auto corpus = testing::make_fixture_corpus(dir.path());
  std::vector<std::string> stages;
  BuildOptions options = options_for(corpus, dir / "index");
  options.on_progress = [&](const BuildProgress& progress) { stages.push_back(progress.stage); };
  auto report = build_index(options);
  ASSERT_TRUE(report.is_ok()) << report.status().to_string();
  EXPECT_EQ(report.value().documents, 28u);
  // Six official sources, then one line per curated synonym list and the mined see references.
  ASSERT_EQ(report.value().sources.size(), 12u);
  EXPECT_EQ(report.value().sources[6].role, "synonyms");
  EXPECT_EQ(report.value().sources[11].file, "alphabetic index see references");
  EXPECT_EQ(report.value().sources[11].records, 1u);  // "Heart attack" see "Infarct, myocardium"
  EXPECT_EQ(report.value().sources[0].role, "order");
  EXPECT_EQ(report.value().sources[0].records, 28u);
  EXPECT_EQ(report.value().sources[1].role, "tabular");
  EXPECT_EQ(report.value().sources[1].skipped.count(), 1u);
  EXPECT_GT(report.value().index_bytes, 0u);
  EXPECT_FALSE(stages.empty());
  EXPECT_TRUE(fs::is_directory(dir / "index"));
  // Nothing is left beside the index.
  for (const auto& entry : fs::directory_iterator(dir.path())) {
    EXPECT_EQ(entry.path().filename().string().find(".building-"), std::string::npos);
  }
}

// A malformed source stops the build with file and position, and the old index survives.
TEST(IndexBuildTest, FailedBuildLeavesPreviousIndexIntact) {
  testing::TempDir dir;
  const auto corpus = testing::make_fixture_corpus(dir.path());
  testing::build_fixture_index(corpus, dir / "index");
  const auto before = fs::last_write_time(dir / "index");

  const std::string tabular = corpus.corpus_dir + "/icd10cm/fy2021/icd10cm_tabular_2021.xml";
  testing::write_file(tabular, "<ICD10CM.tabular>\n<chapter>\n</ICD10CM.tabular>\n");
  testing::refresh_manifest(corpus);
  auto report = build_index(options_for(corpus, dir / "index"));
  ASSERT_FALSE(report.is_ok());
  EXPECT_EQ(report.status().code(), StatusCode::kDataError);
  EXPECT_EQ(report.status().message(),
            corpus.corpus_dir + "/icd10cm/fy2021/icd10cm_tabular_2021.xml:3:3: malformed XML: "
                                "Start-end tags mismatch");
  EXPECT_EQ(fs::last_write_time(dir / "index"), before);
  EXPECT_TRUE(fs::exists(dir / "index/iamglass"));
  for (const auto& entry : fs::directory_iterator(dir.path())) {
    EXPECT_EQ(entry.path().filename().string().find(".building-"), std::string::npos);
  }
}

TEST(IndexBuildTest, RefusesFileThatDoesNotMatchManifest) {
  testing::TempDir dir;
  const auto corpus = testing::make_fixture_corpus(dir.path());
  testing::write_file(corpus.corpus_dir + "/icd10cm/fy2026-april/icd10cm-drug-2026.xml", "<changed/>");
  auto report = build_index(options_for(corpus, dir / "index"));
  ASSERT_FALSE(report.is_ok());
  EXPECT_EQ(report.status().code(), StatusCode::kDataError);
  EXPECT_NE(report.status().message().find("icd10cm-drug-2026.xml: sha256 is "), std::string::npos)
      << report.status().message();
  EXPECT_FALSE(fs::exists(dir / "index"));
}

TEST(IndexBuildTest, StrictModeRefusesSkippedRecords) {
  testing::TempDir dir;
  const auto corpus = testing::make_fixture_corpus(dir.path());
  BuildOptions options = options_for(corpus, dir / "index");
  options.strict = true;
  auto report = build_index(options);
  ASSERT_FALSE(report.is_ok());
  EXPECT_EQ(report.status().code(), StatusCode::kDataError);
  EXPECT_NE(report.status().message().find(" records skipped (--strict); first: " +
                                           corpus.corpus_dir +
                                           "/icd10cm/fy2021/icd10cm_tabular_2021.xml:42: <diag> has no <name>"),
            std::string::npos)
      << report.status().message();
}

TEST(IndexBuildTest, ReportsMissingOrderFile) {
  testing::TempDir dir;
  const auto corpus = testing::make_fixture_corpus(dir.path());
  fs::remove(corpus.corpus_dir + "/icd10cm/fy2026/codes.zip");
  auto report = build_index(options_for(corpus, dir / "index"));
  ASSERT_FALSE(report.is_ok());
  EXPECT_EQ(report.status().code(), StatusCode::kNotFound);
  EXPECT_EQ(report.status().message(),
            "icd10cm fy2026: no order file in " + corpus.corpus_dir +
                "; expected icd10cm/fy2026/codes.zip (run corpus/fetch, or pass --corpus)");
}

}  // namespace
}  // namespace medcode::indexer
