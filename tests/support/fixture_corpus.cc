#include "tests/support/fixture_corpus.h"

#include <gtest/gtest.h>
#include <zip.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <vector>

#include "indexer/build/index_build.h"
#include "indexer/corpus/sha256.h"

namespace medcode::testing {
namespace fs = std::filesystem;
namespace {

struct FixtureRow {
  const char* release;
  const char* effective;
  const char* role;
  const char* path;
  const char* member;
};

const std::vector<FixtureRow> kRows = {
    {"fy2026", "2025-10-01", "order", "icd10cm/fy2026/codes.zip", "icd10cm-order-2026.txt"},
    {"fy2021", "2020-10-01", "tabular", "icd10cm/fy2021/icd10cm_tabular_2021.xml", ""},
    {"fy2017", "2016-10-01", "index", "icd10cm/fy2017/icd10cm_index_2017.xml", ""},
    {"fy2026-april", "2026-04-01", "eindex", "icd10cm/fy2026-april/icd10cm-eindex-2026.xml", ""},
    {"fy2026-april", "2026-04-01", "drug", "icd10cm/fy2026-april/icd10cm-drug-2026.xml", ""},
    {"fy2026-april", "2026-04-01", "neoplasm", "icd10cm/fy2026-april/icd10cm-neoplasm-2026.xml", ""},
};

}  // namespace

TempDir::TempDir() {
  std::string pattern = (fs::temp_directory_path() / "medcode-test-XXXXXX").string();
  if (::mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
  path_ = pattern;
}

TempDir::~TempDir() {
  std::error_code ignored;
  fs::remove_all(path_, ignored);
}

std::string fixture_path(const std::string& relative) {
  return std::string(MEDCODE_FIXTURES_DIR) + "/" + relative;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in) << "cannot read " << path;
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

void write_file(const std::string& path, const std::string& content) {
  fs::create_directories(fs::path(path).parent_path());
  std::ofstream out(path, std::ios::binary);
  out << content;
  ASSERT_TRUE(out.good()) << "cannot write " << path;
}

void write_zip(const std::string& zip_path, const std::string& member, const std::string& content) {
  fs::create_directories(fs::path(zip_path).parent_path());
  int error = 0;
  zip_t* archive = zip_open(zip_path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
  ASSERT_NE(archive, nullptr) << "zip_open " << zip_path;
  // libzip reads the buffer at zip_close, so keep a copy alive until then.
  std::string* kept = new std::string(content);
  zip_source_t* source = zip_source_buffer(archive, kept->data(), kept->size(), 0);
  ASSERT_GE(zip_file_add(archive, member.c_str(), source, ZIP_FL_OVERWRITE), 0);
  ASSERT_EQ(zip_close(archive), 0);
  delete kept;
}

FixtureCorpus make_fixture_corpus(const std::string& root) {
  FixtureCorpus corpus{root + "/corpus", root + "/manifest.tsv"};
  for (const FixtureRow& row : kRows) {
    const std::string target = corpus.corpus_dir + "/" + row.path;
    if (std::string(row.member).empty()) {
      write_file(target, read_file(fixture_path("icd10cm/" + fs::path(row.path).filename().string())));
    } else {
      write_zip(target, row.member, read_file(fixture_path(std::string("icd10cm/") + row.member)));
    }
  }
  refresh_manifest(corpus);
  return corpus;
}

void refresh_manifest(const FixtureCorpus& corpus) {
  std::string manifest = "# fixture manifest\ncode_set\trelease\teffective\trole\tpath\tmember\tsha256\turl\n";
  for (const FixtureRow& row : kRows) {
    auto digest = indexer::sha256_of_file(corpus.corpus_dir + "/" + row.path);
    ASSERT_TRUE(digest.is_ok()) << digest.status().to_string();
    manifest += std::string("icd10cm\t") + row.release + "\t" + row.effective + "\t" + row.role +
                "\t" + row.path + "\t" + row.member + "\t" + digest.value() +
                "\thttps://example.invalid/fixture\n";
  }
  write_file(corpus.manifest_path, manifest);
}

void drop_last_two_codes(const FixtureCorpus& corpus) {
  std::string text = read_file(fixture_path("icd10cm/icd10cm-order-2026.txt"));
  text = text.substr(0, text.rfind("00027 "));
  write_zip(corpus.corpus_dir + "/icd10cm/fy2026/codes.zip", "icd10cm-order-2026.txt", text);
  refresh_manifest(corpus);
}

void build_fixture_index(const FixtureCorpus& corpus, const std::string& index_dir) {
  indexer::BuildOptions options;
  options.corpus_dir = corpus.corpus_dir;
  options.manifest_path = corpus.manifest_path;
  options.index_dir = index_dir;
  auto report = indexer::build_index(options);
  ASSERT_TRUE(report.is_ok()) << report.status().to_string();
}

const std::string& shared_fixture_index() {
  static TempDir* const dir = [] {
    auto* made = new TempDir();
    build_fixture_index(make_fixture_corpus(made->path()), *made / "index");
    return made;
  }();
  // Deleted at exit, so the temporary directory goes with the process.
  static const struct Cleanup {
    ~Cleanup() { delete dir; }
  } cleanup;
  static const std::string index = *dir / "index";
  return index;
}

}  // namespace medcode::testing
