// Hostile and damaged source files, and a disk that fills up, during a build: each stops
// the build with a message naming the file and the place, leaves nothing half-written, and
// the index built before keeps serving (issue 15, item 3; the caps are in source_limits.h).
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <xapian.h>

#include <cstdio>
#include <filesystem>
#include <string>

#include "indexer/build/index_build.h"
#include "indexer/lifecycle/index_root.h"
#include "tests/support/fixture_corpus.h"

namespace medcode::indexer {
namespace {
namespace fs = std::filesystem;

class IndexBuildHostileTest : public ::testing::Test {
 protected:
  // One index built from the good fixture corpus, shared by the tests: each failed build
  // targets it, and each test checks it is still the same, complete index.
  static void SetUpTestSuite() {
    suite_dir_ = new testing::TempDir();
    testing::build_fixture_index(testing::make_fixture_corpus(suite_dir_->path()), index_dir());
    built_at_ = fs::last_write_time(index_dir());
  }
  static void TearDownTestSuite() { delete suite_dir_; }
  static std::string index_dir() { return *suite_dir_ / "index"; }

  void SetUp() override { corpus_ = testing::make_fixture_corpus(dir_.path()); }

  std::string corpus_file(const std::string& relative) const {
    return corpus_.corpus_dir + "/" + relative;
  }

  // Writes content over a corpus file, records its sha256 in the manifest, and builds.
  Status build_with(const std::string& relative, const std::string& content) {
    testing::write_file(corpus_file(relative), content);
    testing::refresh_manifest(corpus_);
    return build();
  }
  Status build() {
    BuildOptions options;
    options.corpus_dir = corpus_.corpus_dir;
    options.manifest_path = corpus_.manifest_path;
    options.index_dir = index_dir();
    auto report = build_index(options);
    return report.is_ok() ? Status::ok() : report.status();
  }

  // The index of SetUpTestSuite is untouched, opens and answers; no scratch is left.
  static void expect_previous_index_serves() {
    EXPECT_EQ(fs::last_write_time(index_dir()), built_at_);
    Xapian::Database database(index_dir());
    EXPECT_EQ(database.get_doccount(), testing::kFixtureDocuments);
    Xapian::Enquire enquire(database);
    enquire.set_query(Xapian::Query("Qicd10cm:I10"));
    EXPECT_EQ(enquire.get_mset(0, 1).size(), 1u);
    for (const auto& entry : fs::directory_iterator(suite_dir_->path())) {
      EXPECT_EQ(entry.path().filename().string().find(".building-"), std::string::npos)
          << entry.path();
    }
  }

  testing::TempDir dir_;
  testing::FixtureCorpus corpus_;
  static testing::TempDir* suite_dir_;
  static fs::file_time_type built_at_;
};

testing::TempDir* IndexBuildHostileTest::suite_dir_ = nullptr;
fs::file_time_type IndexBuildHostileTest::built_at_;

constexpr const char* kTabular = "icd10cm/fy2021/icd10cm_tabular_2021.xml";
constexpr const char* kIndex = "icd10cm/fy2017/icd10cm_index_2017.xml";

// "Billion laughs": each entity ten of the one before, 10^9 "lol"s if expanded.
TEST_F(IndexBuildHostileTest, RefusesXmlThatDeclaresEntitiesToExpand) {
  std::string dtd = "<!ENTITY lol0 \"lol\">\n";
  for (int level = 1; level <= 9; ++level) {
    dtd += "<!ENTITY lol" + std::to_string(level) + " \"";
    for (int i = 0; i < 10; ++i) dtd += "&lol" + std::to_string(level - 1) + ";";
    dtd += "\">\n";
  }
  const Status built =
      build_with(kTabular, "<?xml version=\"1.0\"?>\n<!DOCTYPE ICD10CM.tabular [\n" + dtd +
                               "]>\n<ICD10CM.tabular><chapter><name>&lol9;</name></chapter>"
                               "</ICD10CM.tabular>\n");
  EXPECT_EQ(built.code(), StatusCode::kDataError);
  EXPECT_EQ(built.message(),
            corpus_file(kTabular) +
                ":2:11: the document type declares entities (<!ENTITY ...>), which medcode neither "
                "expands nor fetches; the official files declare none, so this is not one of them: "
                "fetch it again with corpus/fetch");
  expect_previous_index_serves();
}

// An external entity would read a local file (or a URL) into the text.
TEST_F(IndexBuildHostileTest, RefusesXmlWithExternalEntity) {
  const Status built =
      build_with(kIndex,
                 "<?xml version=\"1.0\"?>\n"
                 "<!DOCTYPE ICD10CM.index [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n"
                 "<ICD10CM.index><letter><mainTerm><title>&xxe;</title></mainTerm></letter>"
                 "</ICD10CM.index>\n");
  EXPECT_EQ(built.code(), StatusCode::kDataError);
  EXPECT_EQ(
      built.message().rfind(corpus_file(kIndex) + ":2:11: the document type declares entities", 0),
      0u)
      << built.message();
  expect_previous_index_serves();
}

// 10,000 nested <term>s: the index reader walks terms recursively and copies the path of
// titles down to each one, so this would take gigabytes or the whole stack.
TEST_F(IndexBuildHostileTest, RefusesXmlNested10000Deep) {
  std::string xml =
      "<?xml version=\"1.0\"?>\n<ICD10CM.index>\n<letter>\n<mainTerm><title>Deep</title>\n";
  for (int i = 0; i < 10000; ++i) xml += "<term level=\"1\"><title>t</title>\n";
  for (int i = 0; i < 10000; ++i) xml += "</term>";
  xml += "\n</mainTerm>\n</letter>\n</ICD10CM.index>\n";
  const Status built = build_with(kIndex, xml);
  EXPECT_EQ(built.code(), StatusCode::kDataError);
  // <ICD10CM.index> is depth 1 on line 2, <letter> 2, <mainTerm> 3; line 4+n holds the
  // n-th <term> at depth 3+n, so the 61st term's <title> is the first at depth 65.
  EXPECT_EQ(built.message(),
            corpus_file(kIndex) +
                ":65:18: <title> is nested more than 64 elements deep (the official files nest at "
                "most 13): the file is damaged or not official; fetch it again with corpus/fetch");
  expect_previous_index_serves();
}

// 100,000 nested <diag>s: the tabular reader recursed once per level and overflowed the
// stack (SIGSEGV) before the depth cap.
TEST_F(IndexBuildHostileTest, RefusesTabularWithDiagsNested100000Deep) {
  std::string xml =
      "<?xml version=\"1.0\"?>\n<ICD10CM.tabular>\n<chapter><name>1</name>\n<section "
      "id=\"A00-A09\">\n";
  for (int i = 0; i < 100000; ++i) xml += "<diag><name>A00</name>";
  for (int i = 0; i < 100000; ++i) xml += "</diag>";
  xml += "\n</section>\n</chapter>\n</ICD10CM.tabular>\n";
  const Status built = build_with(kTabular, xml);
  EXPECT_EQ(built.code(), StatusCode::kDataError);
  // <ICD10CM.tabular>, <chapter> and <section> are depths 1-3: the 61st <diag>'s <name>
  // is the first at depth 65; its name starts at column 60 * 22 + 6 + 2 of line 5 (the
  // place is where the element's name starts, after its "<").
  EXPECT_EQ(built.message(),
            corpus_file(kTabular) +
                ":5:1328: <name> is nested more than 64 elements deep (the official files nest at "
                "most 13): the file is damaged or not official; fetch it again with corpus/fetch");
  expect_previous_index_serves();
}

// A member that inflates a thousandfold: the order file padded with 4 MiB of blanks.
TEST_F(IndexBuildHostileTest, RefusesZipBomb) {
  const std::string order =
      testing::read_file(testing::fixture_path("icd10cm/icd10cm-order-2026.txt"));
  testing::write_zip(corpus_file("icd10cm/fy2026/codes.zip"), "icd10cm-order-2026.txt",
                     order + std::string(4u << 20, ' '));
  testing::refresh_manifest(corpus_);
  const Status built = build();
  EXPECT_EQ(built.code(), StatusCode::kDataError);
  const std::string member = corpus_file("icd10cm/fy2026/codes.zip") + "!icd10cm-order-2026.txt";
  EXPECT_EQ(built.message().rfind(member + ": 4.0 MiB compressed into ", 0), 0u) << built.message();
  EXPECT_NE(built.message().find(
                " to 1), more than the 100 to 1 a member may have (the official ones compress 9 "
                "to 15 to 1): a zip bomb or a damaged archive; fetch it again with corpus/fetch"),
            std::string::npos)
      << built.message();
  expect_previous_index_serves();
}

// A member named to climb out of the directory an unzipper would extract to.
TEST_F(IndexBuildHostileTest, RefusesZipWithPathTraversalInMemberName) {
  const std::string order =
      testing::read_file(testing::fixture_path("icd10cm/icd10cm-order-2026.txt"));
  testing::write_zip_members(
      corpus_file("icd10cm/fy2026/codes.zip"),
      {{"icd10cm-order-2026.txt", order}, {"../../../tmp/medcode-owned.txt", "x"}});
  testing::refresh_manifest(corpus_);
  const Status built = build();
  EXPECT_EQ(built.code(), StatusCode::kDataError);
  EXPECT_EQ(built.message(),
            corpus_file("icd10cm/fy2026/codes.zip") +
                ": member \"../../../tmp/medcode-owned.txt\" has an unsafe name (absolute, or "
                "climbing out with ..); official archives have none, so this one is damaged or not "
                "official: fetch it again with corpus/fetch");
  EXPECT_FALSE(fs::exists("/tmp/medcode-owned.txt"));
  expect_previous_index_serves();
}

TEST_F(IndexBuildHostileTest, RefusesTruncatedXlsx) {
  const std::string anweb = "hcpcs/2025-oct/HCPC2025_OCT_ANWEB.xlsx";
  const std::string whole = testing::read_file(corpus_file(anweb));
  const Status built = build_with(anweb, whole.substr(0, whole.size() / 2));
  EXPECT_EQ(built.code(), StatusCode::kDataError);
  EXPECT_EQ(built.message(),
            corpus_file(anweb) +
                ": not a readable zip archive (truncated or damaged?): Not a zip archive; fetch it "
                "again with corpus/fetch");
  expect_previous_index_serves();
}

// Bytes that start like a PDF and are not one, a real PDF cut short, and a PDF whose page
// tree is empty (poppler rebuilds the missing cross-reference table and opens it).
TEST_F(IndexBuildHostileTest, RefusesPdfPopplerCannotRead) {
  const std::string pdf = "icd10cm/fy2026/guidelines.pdf";
  const std::string unreadable =
      corpus_file(pdf) +
      ": not a readable PDF (damaged or not a PDF?): fetch it again with corpus/fetch";
  const std::string whole = testing::read_file(corpus_file(pdf));
  const Status garbage =
      build_with(pdf, "%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 9 0 R >>\n%%EOF\n");
  EXPECT_EQ(garbage.code(), StatusCode::kDataError);
  EXPECT_EQ(garbage.message(), unreadable);
  expect_previous_index_serves();

  const Status cut = build_with(pdf, whole.substr(0, whole.size() / 2));
  EXPECT_EQ(cut.code(), StatusCode::kDataError);
  EXPECT_EQ(cut.message(), unreadable);
  expect_previous_index_serves();

  const Status empty = build_with(pdf,
                                  "%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
                                  "2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n"
                                  "trailer\n<< /Size 3 /Root 1 0 R >>\n%%EOF\n");
  EXPECT_EQ(empty.code(), StatusCode::kDataError);
  EXPECT_EQ(
      empty.message(),
      corpus_file(pdf) + ": the PDF has no pages (truncated?): fetch it again with corpus/fetch");
  expect_previous_index_serves();
}

TEST_F(IndexBuildHostileTest, RefusesFileWithWrongSha256) {
  const std::string drug = corpus_file("icd10cm/fy2026-april/icd10cm-drug-2026.xml");
  testing::write_file(drug, testing::read_file(drug) + " ");
  const Status built = build();
  EXPECT_EQ(built.code(), StatusCode::kDataError);
  EXPECT_EQ(built.message().rfind(drug + ": sha256 is ", 0), 0u) << built.message();
  EXPECT_NE(built.message().find(" but the manifest (" + corpus_.manifest_path + ":"),
            std::string::npos)
      << built.message();
  EXPECT_NE(
      built.message().find(
          "; the file is damaged or not the official release: fetch it again with corpus/fetch"),
      std::string::npos);
  expect_previous_index_serves();
}

struct ProgramRun {
  std::string output;  // stdout and stderr
  int exit_code = -1;
};

// medcode-indexer with a disk that is full once `budget` bytes went into files of a build
// directory (tests/support/enospc_preload.cc).
ProgramRun run_indexer_on_full_disk(const std::string& arguments, unsigned long long budget) {
  const std::string command =
      "env LD_PRELOAD=" + std::string(MEDCODE_ENOSPC_PRELOAD) +
      " ASAN_OPTIONS=verify_asan_link_order=0 MEDCODE_TEST_ENOSPC_PATH=.building-"
      " MEDCODE_TEST_ENOSPC_BYTES=" +
      std::to_string(budget) + " " + MEDCODE_INDEXER_BIN + " " + arguments + " 2>&1 < /dev/null";
  ProgramRun result;
  FILE* pipe = ::popen(command.c_str(), "r");
  char buffer[4096];
  while (std::size_t got = std::fread(buffer, 1, sizeof buffer, pipe))
    result.output.append(buffer, got);
  const int status = ::pclose(pipe);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

// The disk fills at the first byte of the new index, and later while adding documents,
// adding synonyms, committing and compacting (the fixture index is 3.4 MB): each time
// exit 74 with what to do.
TEST_F(IndexBuildHostileTest, DiskFullDuringBuildLeavesPreviousIndexServing) {
  const std::string arguments = "build --corpus " + corpus_.corpus_dir + " --manifest " +
                                corpus_.manifest_path + " --index " + index_dir();
  for (unsigned long long budget : {0ull, 16ull << 10, 256ull << 10, 768ull << 10, 3ull << 20}) {
    const ProgramRun run = run_indexer_on_full_disk(arguments, budget);
    EXPECT_EQ(run.exit_code, 74) << budget << ": " << run.output;
    EXPECT_EQ(run.output.rfind("medcode-indexer: " + index_dir() + ".building-", 0), 0u)
        << run.output;
    EXPECT_NE(run.output.find("(No space left on device); free space on the disk that holds " +
                              index_dir() + ".building-"),
              std::string::npos)
        << budget << ": " << run.output;
    EXPECT_NE(
        run.output.find(" (or build elsewhere) and build again; the previous index is unchanged\n"),
        std::string::npos)
        << run.output;
    expect_previous_index_serves();
  }
}

// Under an index root: `current` stays on the version it was, and the build directory goes.
TEST_F(IndexBuildHostileTest, DiskFullUnderAnIndexRootLeavesCurrentServing) {
  const std::string root = dir_ / "root";
  const std::string common = " --corpus " + corpus_.corpus_dir + " --manifest " +
                             corpus_.manifest_path + " --root " + root + " --publish";
  ASSERT_EQ(run_indexer_on_full_disk("build" + common, 1ull << 40).exit_code, 0);
  const std::string published = current_version(root);
  const ProgramRun run = run_indexer_on_full_disk("build" + common, 64u << 10);
  EXPECT_EQ(run.exit_code, 74) << run.output;
  EXPECT_NE(run.output.find("No space left on device"), std::string::npos) << run.output;
  EXPECT_EQ(current_version(root), published);
  Xapian::Database database((fs::path(root) / "current").string());
  EXPECT_EQ(database.get_doccount(), testing::kFixtureDocuments);
  EXPECT_TRUE(list_scratch_directories(root).empty());
  auto versions = list_versions(root);
  ASSERT_TRUE(versions.is_ok());
  EXPECT_EQ(versions.value().size(), 1u);
}

}  // namespace
}  // namespace medcode::indexer
