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
#include "tests/support/pdf_writer.h"

namespace medcode::testing {
namespace fs = std::filesystem;
namespace {

struct FixtureRow {
  const char* code_set;
  const char* release;
  const char* effective;
  const char* role;
  const char* path;
  const char* member;
  const char* fixture;  // under tests/fixtures/; "" for files made here
};

const std::vector<FixtureRow> kRows = {
    {"icd10cm", "fy2026", "2025-10-01", "order", "icd10cm/fy2026/codes.zip", "icd10cm-order-2026.txt",
     "icd10cm/icd10cm-order-2026.txt"},
    {"icd10cm", "fy2026", "2025-10-01", "guidelines", "icd10cm/fy2026/guidelines.pdf", "", ""},
    {"icd10cm", "fy2026", "2025-10-01", "conversion-table", "icd10cm/fy2026/conversion.xlsx", "", ""},
    {"icd10cm", "fy2025", "2024-10-01", "order", "icd10cm/fy2025/codes2025.zip", "icd10cm-order-2025.txt",
     "icd10cm/icd10cm-order-2025.txt"},
    {"icd10cm", "fy2021", "2020-10-01", "tabular", "icd10cm/fy2021/icd10cm_tabular_2021.xml", "",
     "icd10cm/icd10cm_tabular_2021.xml"},
    {"icd10cm", "fy2017", "2016-10-01", "index", "icd10cm/fy2017/icd10cm_index_2017.xml", "",
     "icd10cm/icd10cm_index_2017.xml"},
    {"icd10cm", "fy2026-april", "2026-04-01", "eindex", "icd10cm/fy2026-april/icd10cm-eindex-2026.xml", "",
     "icd10cm/icd10cm-eindex-2026.xml"},
    {"icd10cm", "fy2026-april", "2026-04-01", "drug", "icd10cm/fy2026-april/icd10cm-drug-2026.xml", "",
     "icd10cm/icd10cm-drug-2026.xml"},
    {"icd10cm", "fy2026-april", "2026-04-01", "neoplasm", "icd10cm/fy2026-april/icd10cm-neoplasm-2026.xml", "",
     "icd10cm/icd10cm-neoplasm-2026.xml"},
    {"icd10pcs", "fy2026", "2025-10-01", "order", "icd10pcs/fy2026/pcs_order.zip", "icd10pcs_order_2026.txt",
     "icd10pcs/icd10pcs_order_2026.txt"},
    {"icd10pcs", "fy2026", "2025-10-01", "tables", "icd10pcs/fy2026/icd10pcs_tables_2026.xml", "",
     "icd10pcs/icd10pcs_tables_2026.xml"},
    {"icd10pcs", "fy2026", "2025-10-01", "definitions", "icd10pcs/fy2026/icd10pcs_definitions_2026.xml", "",
     "icd10pcs/icd10pcs_definitions_2026.xml"},
    {"icd10pcs", "fy2025", "2024-10-01", "index", "icd10pcs/fy2025/icd10pcs_index_2025.xml", "",
     "icd10pcs/icd10pcs_index_2025.xml"},
    {"hcpcs", "2025-oct", "2025-10-01", "anweb", "hcpcs/2025-oct/HCPC2025_OCT_ANWEB.xlsx", "", ""},
    // The GEMs: both diagnosis files in one zip, as CDC ships them.
    {"icd10cm", "fy2018", "2017-10-01", "gem-forward", "gems/2018/Dxgem_2018.zip", "2018_I9gem.txt",
     "gems/2018_I9gem.txt"},
    {"icd10cm", "fy2018", "2017-10-01", "gem-backward", "gems/2018/Dxgem_2018.zip", "2018_I10gem.txt",
     "gems/2018_I10gem.txt"},
    {"icd10pcs", "fy2018", "2017-10-01", "gem-forward", "gems/2018/gem_i9pcs.txt", "", "gems/gem_i9pcs.txt"},
    {"icd10pcs", "fy2018", "2017-10-01", "gem-backward", "gems/2018/gem_pcsi9.txt", "", "gems/gem_pcsi9.txt"},
};

// The parts of a workbook fixture, zipped into an .xlsx (sharedStrings.xml when it has one).
const std::vector<std::string> kWorkbookParts = {"[Content_Types].xml", "_rels/.rels", "xl/workbook.xml",
                                                 "xl/_rels/workbook.xml.rels", "xl/sharedStrings.xml",
                                                 "xl/worksheets/sheet1.xml"};

void write_xlsx_fixture(const std::string& parts_dir, const std::string& path) {
  std::vector<std::pair<std::string, std::string>> members;
  for (const auto& part : kWorkbookParts) {
    const std::string file = fixture_path(parts_dir + "/" + part);
    if (fs::exists(file)) members.push_back({part, read_file(file)});
  }
  write_zip_members(path, members);
}

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
  write_zip_members(zip_path, {{member, content}});
}

void write_zip_members(const std::string& zip_path,
                       const std::vector<std::pair<std::string, std::string>>& members) {
  fs::create_directories(fs::path(zip_path).parent_path());
  int error = 0;
  zip_t* archive = zip_open(zip_path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
  ASSERT_NE(archive, nullptr) << "zip_open " << zip_path;
  // libzip reads the buffers at zip_close, so they stay alive until then.
  std::vector<std::string> kept;
  kept.reserve(members.size());
  for (const auto& [member, content] : members) {
    kept.push_back(content);
    zip_source_t* source = zip_source_buffer(archive, kept.back().data(), kept.back().size(), 0);
    ASSERT_GE(zip_file_add(archive, member.c_str(), source, ZIP_FL_OVERWRITE), 0);
  }
  ASSERT_EQ(zip_close(archive), 0);
}

void write_anweb_xlsx(const std::string& path) { write_xlsx_fixture("hcpcs/anweb", path); }

FixtureCorpus make_fixture_corpus(const std::string& root) {
  FixtureCorpus corpus{root + "/corpus", root + "/manifest.tsv"};
  for (const FixtureRow& row : kRows) {
    const std::string target = corpus.corpus_dir + "/" + row.path;
    const std::string role = row.role;
    if (role == "guidelines") {
      write_text_pdf(target, pages_of(read_file(fixture_path("guidelines/guidelines_fixture.txt"))));
    } else if (role == "anweb") {
      write_anweb_xlsx(target);
    } else if (role == "conversion-table") {
      write_xlsx_fixture("icd10cm/conversion", target);
    } else if (std::string(row.member).empty()) {
      write_file(target, read_file(fixture_path(row.fixture)));
    } else {
      // Every member the rows name in this zip.
      std::vector<std::pair<std::string, std::string>> members;
      for (const FixtureRow& other : kRows) {
        if (std::string(other.path) == row.path) members.push_back({other.member, read_file(fixture_path(other.fixture))});
      }
      write_zip_members(target, members);
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
    manifest += std::string(row.code_set) + "\t" + row.release + "\t" + row.effective + "\t" + row.role +
                "\t" + row.path + "\t" + row.member + "\t" + digest.value() +
                "\thttps://example.invalid/fixture\n";
  }
  write_file(corpus.manifest_path, manifest);
}

void drop_last_two_codes(const FixtureCorpus& corpus) {
  // Gone from both releases, so they are not "deleted in FY2026" codes either.
  std::string text = read_file(fixture_path("icd10cm/icd10cm-order-2026.txt"));
  text = text.substr(0, text.rfind("00027 "));
  write_zip(corpus.corpus_dir + "/icd10cm/fy2026/codes.zip", "icd10cm-order-2026.txt", text);
  std::string previous = read_file(fixture_path("icd10cm/icd10cm-order-2025.txt"));
  const auto cut = previous.find("00027 ");
  previous = previous.substr(0, cut) + previous.substr(previous.find("00029 "));
  write_zip(corpus.corpus_dir + "/icd10cm/fy2025/codes2025.zip", "icd10cm-order-2025.txt", previous);
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
