#include "indexer/build/index_build.h"

#include <gtest/gtest.h>

#include <algorithm>

#include <filesystem>

#include "indexer/corpus/curated_synonyms.h"
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
  EXPECT_EQ(report.value().documents, testing::kFixtureDocuments);
  // Seven ICD-10-CM sources, one line per curated synonym list and the mined see
  // references, the previous release's order file, the two GEMs and their merge line, then
  // PCS (four files, its two GEMs and their merge line, its merge line), HCPCS and the guidelines.
  // Open vocabularies found on the machine (WordNet) add lines of their own.
  std::vector<SourceReport> sources;
  for (const auto& source : report.value().sources) {
    if (source.role != "vocabulary") sources.push_back(source);
  }
  ASSERT_EQ(sources.size(), 7u + curated_synonym_lists().size() + 1u + 1u + 3u + 8u + 1u + 1u);
  EXPECT_EQ(sources[0].role, "order");
  EXPECT_EQ(sources[0].code_set, "icd10cm");
  EXPECT_EQ(sources[0].records, testing::kFixtureIcd10CmCodes);
  EXPECT_EQ(sources[1].role, "tabular");
  EXPECT_EQ(sources[1].skipped.count(), 1u);
  EXPECT_EQ(sources[6].role, "conversion-table");
  EXPECT_EQ(sources[6].records, 2u);
  EXPECT_EQ(sources[6].skipped.count(), 1u);  // "not a code"
  EXPECT_EQ(sources[7].role, "synonyms");
  const std::size_t see = 7 + curated_synonym_lists().size();  // after the curated lists
  EXPECT_EQ(sources[see].file, "alphabetic index see references");
  EXPECT_EQ(sources[see].records, 1u);  // "Heart attack" see "Infarct, myocardium"
  EXPECT_EQ(sources[see + 1].role, "earlier order");
  EXPECT_EQ(sources[see + 1].release, "fy2025");
  EXPECT_EQ(sources[see + 2].role, "gem-forward");
  EXPECT_EQ(sources[see + 2].release, "fy2018");
  EXPECT_EQ(sources[see + 2].file, corpus.corpus_dir + "/gems/2018/Dxgem_2018.zip!2018_I9gem.txt");
  EXPECT_EQ(sources[see + 2].records, 11u);
  EXPECT_EQ(sources[see + 3].role, "gem-backward");
  EXPECT_EQ(sources[see + 3].records, 7u);
  // E11.9, I16.9 and S30.1XXA (deleted in FY2026) are not in the fixture release.
  EXPECT_EQ(sources[see + 4].role, "gem merge");
  EXPECT_EQ(sources[see + 4].skipped.count(), 4u);
  ASSERT_FALSE(sources[see + 4].skipped.examples().empty());
  EXPECT_EQ(sources[see + 4].skipped.examples()[0],
            corpus.corpus_dir + "/gems/2018/Dxgem_2018.zip!2018_I9gem.txt:3: code E119 is not in icd10cm FY2026; "
                                "its GEM entry is not attached");
  EXPECT_EQ(sources[see + 5].code_set, "icd10pcs");
  EXPECT_EQ(sources[see + 5].role, "order");
  EXPECT_EQ(sources[see + 8].role, "index");
  EXPECT_EQ(sources[see + 8].release, "fy2025");  // the newest PCS Index in the corpus
  EXPECT_EQ(sources[see + 9].role, "gem-forward");
  EXPECT_EQ(sources[see + 9].code_set, "icd10pcs");
  EXPECT_EQ(sources[see + 11].role, "gem merge");
  EXPECT_EQ(sources[see + 11].skipped.count(), 1u);  // 0SPC09Z
  EXPECT_EQ(sources[see + 12].role, "merge");
  EXPECT_EQ(sources[see + 13].code_set, "hcpcs");
  EXPECT_EQ(sources[see + 13].role, "anweb");
  EXPECT_EQ(sources[see + 14].code_set, "guidelines");
  EXPECT_EQ(sources[see + 14].records, testing::kFixtureGuidelineSections);

  // One ingestion summary per code set.
  const auto& sets = report.value().code_sets;
  ASSERT_EQ(sets.size(), 4u);
  EXPECT_EQ(sets[0].code_set, "icd10cm");
  EXPECT_EQ(sets[0].documents, testing::kFixtureIcd10CmCodes + testing::kFixtureDeletedCodes);
  EXPECT_NE(sets[0].detail.find("2 new, 1 retitled and 1 deleted since fy2025 (1 deleted codes with replacements)"),
            std::string::npos)
      << sets[0].detail;
  EXPECT_NE(sets[0].detail.find("; 7 ICD-9 to ICD-10 and 5 ICD-10 to ICD-9 GEM crosswalks (GEM entries without a "
                                "map: 2, naming codes the release lacks: 4)"),
            std::string::npos)
      << sets[0].detail;
  EXPECT_EQ(sets[1].code_set, "icd10pcs");
  EXPECT_EQ(sets[1].release, "fy2026");
  EXPECT_EQ(sets[1].documents, testing::kFixtureIcd10PcsCodes);
  EXPECT_EQ(sets[1].billable, 10u);
  EXPECT_NE(sets[1].detail.find("; 6 ICD-9 to ICD-10 and 3 ICD-10 to ICD-9 GEM crosswalks (GEM entries without a "
                                "map: 1, naming codes the release lacks: 1)"),
            std::string::npos)
      << sets[1].detail;
  EXPECT_EQ(sets[2].code_set, "hcpcs");
  EXPECT_EQ(sets[2].release, "2025-oct");
  EXPECT_EQ(sets[2].billable, 5u);  // less the terminated J0135 and the LT modifier
  EXPECT_EQ(sets[3].code_set, "guidelines");
  // "A00-B99" (A00), "I00-I99" (I10, I21, I25) and "I10" itself.
  EXPECT_EQ(sets[3].detail, "5 links to ICD-10-CM codes and categories");
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

// Building replaces --index: a directory of other things or an index root is refused, and
// left as it was, before anything is read.
TEST(IndexBuildTest, NeverReplacesWhatIsNoIndex) {
  testing::TempDir dir;
  const auto corpus = testing::make_fixture_corpus(dir.path());
  testing::write_file(dir / "papers/notes.txt", "mine");
  auto papers = build_index(options_for(corpus, dir / "papers"));
  ASSERT_FALSE(papers.is_ok());
  EXPECT_EQ(papers.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(papers.status().message(), "--index " + (dir / "papers") +
                                           " is not a medcode index and is not empty (it holds \"notes.txt\"): "
                                           "building replaces the directory, so give a new or empty one");
  EXPECT_EQ(testing::read_file(dir / "papers/notes.txt"), "mine");
  fs::create_directories(dir / "root/releases");
  auto root = build_index(options_for(corpus, dir / "root"));
  ASSERT_FALSE(root.is_ok());
  EXPECT_EQ(root.status().message(), "--index " + (dir / "root") +
                                         " is an index root (releases/ and current): build a new version in it "
                                         "with --root " + (dir / "root") + " (--index would replace every version in it)");
  EXPECT_TRUE(fs::is_directory(dir / "root/releases"));
  // An empty directory is built into.
  fs::create_directories(dir / "empty");
  EXPECT_TRUE(build_index(options_for(corpus, dir / "empty")).is_ok());
  EXPECT_TRUE(fs::exists(dir / "empty/iamglass"));
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

TEST(IndexBuildTest, BuildsOnlyTheCodeSetsAsked) {
  testing::TempDir dir;
  const auto corpus = testing::make_fixture_corpus(dir.path());
  BuildOptions options = options_for(corpus, dir / "index");
  options.code_sets = {"icd10cm", "hcpcs"};
  auto report = build_index(options);
  ASSERT_TRUE(report.is_ok()) << report.status().to_string();
  EXPECT_EQ(report.value().documents,
            testing::kFixtureIcd10CmCodes + testing::kFixtureDeletedCodes + testing::kFixtureHcpcsCodes);
  options.code_sets = {"icd10cm", "cpt"};
  auto unknown = build_index(options);
  ASSERT_FALSE(unknown.is_ok());
  EXPECT_EQ(unknown.status().message(),
            "--code-sets: unknown code set \"cpt\"; choose from icd10cm, icd10pcs, hcpcs, guidelines");
}

// A licensed or local code set in the import format joins the index as its own system.
TEST(IndexBuildTest, ImportsALocalCodeSet) {
  testing::TempDir dir;
  const auto corpus = testing::make_fixture_corpus(dir.path());
  testing::write_file(dir / "local.tsv",
                      "code\ttitle\tsynonyms\tparent\nZZ100\tWidget procedures\t\t\n"
                      "ZZ101\tWidget insertion\twidget implant\tZZ100\nZZ102\tWidget removal\t\tZZ999\n");
  BuildOptions options = options_for(corpus, dir / "index");
  options.code_sets = {"icd10cm"};
  options.imports = {{"local-proc", dir / "local.tsv"}};
  auto report = build_index(options);
  ASSERT_TRUE(report.is_ok()) << report.status().to_string();
  EXPECT_EQ(report.value().documents, testing::kFixtureIcd10CmCodes + testing::kFixtureDeletedCodes + 3u);
  const CodeSetSummary& set = report.value().code_sets.back();
  EXPECT_EQ(set.code_set, "local-proc");
  EXPECT_EQ(set.documents, 3u);
  EXPECT_EQ(set.detail, "1 parents not in the file");

  options.imports = {{"hcpcs", dir / "local.tsv"}};
  auto official = build_index(options);
  ASSERT_FALSE(official.is_ok());
  EXPECT_EQ(official.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(official.status().message().find("not the name of an official code set"), std::string::npos);
  options.imports = {{"cpt", dir / "missing.tsv"}};
  auto missing = build_index(options);
  ASSERT_FALSE(missing.is_ok());
  EXPECT_EQ(missing.status().code(), StatusCode::kNotFound);
}

// Without PCS in the manifest for the release, the build says so and goes on.
TEST(IndexBuildTest, NotesCodeSetsTheManifestLacks) {
  testing::TempDir dir;
  const auto corpus = testing::make_fixture_corpus(dir.path());
  std::string manifest = testing::read_file(corpus.manifest_path);
  std::string kept;
  std::size_t start = 0;
  while (start < manifest.size()) {
    const std::size_t end = manifest.find('\n', start);
    const std::string line = manifest.substr(start, end - start + 1);
    if (line.rfind("icd10pcs\t", 0) != 0 && line.rfind("hcpcs\t", 0) != 0) kept += line;
    start = end + 1;
  }
  testing::write_file(corpus.manifest_path, kept);
  auto report = build_index(options_for(corpus, dir / "index"));
  ASSERT_TRUE(report.is_ok()) << report.status().to_string();
  const auto& notices = report.value().notices;
  EXPECT_NE(std::find(notices.begin(), notices.end(), "icd10pcs: the manifest has no fy2026 release; not included"),
            notices.end());
  EXPECT_NE(std::find(notices.begin(), notices.end(),
                      "hcpcs: the manifest has no quarterly release effective between 2025-10-01 and 2026-10-01; "
                      "not included"),
            notices.end());
}

}  // namespace
}  // namespace medcode::indexer
