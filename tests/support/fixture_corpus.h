// Test support: lays the hand-written fixtures of tests/fixtures/ out as an official corpus
// (order file inside its zip, a manifest with real sha256s) and builds an index from it.
#pragma once

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

namespace medcode::testing {

// A fresh directory under the system temp dir, removed when the object dies.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }
  std::string operator/(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

// The path of a file under tests/fixtures/, e.g. fixture_path("icd10cm/x.xml").
std::string fixture_path(const std::string& relative);

// The whole content of a file; fails the current test when it cannot be read.
std::string read_file(const std::string& path);
void write_file(const std::string& path, const std::string& content);

// Writes a zip at zip_path holding one member with content.
void write_zip(const std::string& zip_path, const std::string& member, const std::string& content);
// Writes a zip at zip_path holding each (member, content).
void write_zip_members(const std::string& zip_path,
                       const std::vector<std::pair<std::string, std::string>>& members);
// Zips the ANWEB workbook fixture (tests/fixtures/hcpcs/anweb/) into an .xlsx at path.
void write_anweb_xlsx(const std::string& path);

// Documents of the fixture index, by code set.
inline constexpr std::size_t kFixtureIcd10CmCodes = 28;
inline constexpr std::size_t kFixtureIcd10PcsCodes = 13;  // 3 tables and 10 codes
inline constexpr std::size_t kFixtureHcpcsCodes = 7;      // 6 codes and the LT modifier
inline constexpr std::size_t kFixtureGuidelineSections = 26;
// S30.1XXA: in the FY2025 fixture order file, not in FY2026's; kept as a deleted code.
inline constexpr std::size_t kFixtureDeletedCodes = 1;
inline constexpr std::size_t kFixtureDocuments = kFixtureIcd10CmCodes + kFixtureDeletedCodes +
                                                 kFixtureIcd10PcsCodes + kFixtureHcpcsCodes + kFixtureGuidelineSections;

struct FixtureCorpus {
  std::string corpus_dir;
  std::string manifest_path;
};

// Creates the fixture corpus for release fy2026 under root: ICD-10-CM (order file zipped in
// icd10cm/fy2026/codes.zip, tabular fy2021, index fy2017, eindex/drug/neoplasm
// fy2026-april, the guidelines as a PDF, the conversion table, and the fy2025 order file
// with one code FY2026 deleted and without the two it added), ICD-10-PCS (order zip, tables, definitions fy2026,
// index fy2025), the HCPCS 2025-oct ANWEB workbook, and the FY2018 GEMs of both ICD-10 code sets
// (tests/fixtures/gems/: the diagnosis files zipped together, the procedure files plain).
FixtureCorpus make_fixture_corpus(const std::string& root);

// Rewrites the manifest so that every row's sha256 matches the files now in the corpus.
void refresh_manifest(const FixtureCorpus& corpus);

// Replaces the corpus's order file with one that lacks its last two codes (26 instead of
// 28), as a new release would, and refreshes the manifest: the next build differs.
void drop_last_two_codes(const FixtureCorpus& corpus);

// Builds the fixture corpus into index_dir; fails the current test on error.
void build_fixture_index(const FixtureCorpus& corpus, const std::string& index_dir);

// The fixture corpus built once per test process; returns its index directory, which is
// removed when the process exits. Fails the calling test if the build fails.
const std::string& shared_fixture_index();

}  // namespace medcode::testing
