#include "indexer/corpus/release_sources.h"

#include <gtest/gtest.h>

#include "indexer/corpus/sha256.h"
#include "tests/support/fixture_corpus.h"

namespace medcode::indexer {
namespace {

ManifestFile row(std::string release, std::string effective, std::string role, std::string path,
                 int fiscal_year) {
  ManifestFile file;
  file.code_set = "icd10cm";
  file.release = std::move(release);
  file.effective = std::move(effective);
  file.role = std::move(role);
  file.path = std::move(path);
  file.sha256 = std::string(64, '0');
  file.fiscal_year = fiscal_year;
  file.location = "m.tsv:1";
  return file;
}

class ReleaseSourcesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    for (const char* path : {"order26.txt", "tab21.xml", "drug25.xml", "drug26a.xml", "drug27.xml"}) {
      testing::write_file(dir_ / path, "x");
    }
    manifest_ = {row("fy2026", "2025-10-01", "order", "order26.txt", 2026),
                 row("fy2021", "2020-10-01", "tabular", "tab21.xml", 2021),
                 row("fy2025", "2024-10-01", "drug", "drug25.xml", 2025),
                 row("fy2026-april", "2026-04-01", "drug", "drug26a.xml", 2026),
                 row("fy2027", "2026-10-01", "drug", "drug27.xml", 2027),
                 row("fy2026-april", "2026-04-01", "eindex", "absent.xml", 2026),
                 row("fy2025", "2024-10-01", "eindex", "absent-too.xml", 2025)};
  }
  testing::TempDir dir_;
  std::vector<ManifestFile> manifest_;
};

// Per role, the newest file of the target fiscal year or earlier wins; later years never do.
TEST_F(ReleaseSourcesTest, PicksNewestPresentFileNotAfterRelease) {
  auto selected = select_release_sources(manifest_, dir_.path(), "icd10cm", "fy2026", {"order"},
                                         {"tabular", "drug", "eindex"});
  ASSERT_TRUE(selected.is_ok()) << selected.status().to_string();
  EXPECT_EQ(selected.value().fiscal_year, 2026);
  EXPECT_EQ(selected.value().find("order")->file.path, "order26.txt");
  EXPECT_EQ(selected.value().find("tabular")->file.path, "tab21.xml");
  EXPECT_EQ(selected.value().find("drug")->file.path, "drug26a.xml");
  EXPECT_EQ(selected.value().find("eindex"), nullptr);
  ASSERT_EQ(selected.value().notices.size(), 2u);
  EXPECT_EQ(selected.value().notices[0],
            "eindex: fy2026-april file absent.xml is not in the corpus; trying an older release");
}

// The GEMs (FY2018, the last published) serve every later release, and only when present:
// with no required role the release's order file only dates the selection.
TEST_F(ReleaseSourcesTest, TakesOptionalOldFilesWithoutRequiredRoles) {
  testing::write_file(dir_ / "gem18.txt", "x");
  manifest_.push_back(row("fy2018", "2017-10-01", "gem-forward", "gem18.txt", 2018));
  manifest_.push_back(row("fy2018", "2017-10-01", "gem-backward", "gem18-back.txt", 2018));
  auto selected = select_release_sources(manifest_, dir_.path(), "icd10cm", "fy2026", {},
                                         {"gem-forward", "gem-backward"});
  ASSERT_TRUE(selected.is_ok()) << selected.status().to_string();
  ASSERT_EQ(selected.value().sources.size(), 1u);
  EXPECT_EQ(selected.value().find("gem-forward")->file.path, "gem18.txt");
  EXPECT_EQ(selected.value().find("gem-backward"), nullptr);
  ASSERT_EQ(selected.value().notices.size(), 1u);
  EXPECT_EQ(selected.value().notices[0],
            "gem-backward: fy2018 file gem18-back.txt is not in the corpus; trying an older release");
  // A manifest without GEM rows selects nothing, without notices.
  manifest_.resize(manifest_.size() - 2);
  auto none = select_release_sources(manifest_, dir_.path(), "icd10cm", "fy2026", {}, {"gem-forward"});
  ASSERT_TRUE(none.is_ok()) << none.status().to_string();
  EXPECT_TRUE(none.value().sources.empty());
  EXPECT_TRUE(none.value().notices.empty());
}

TEST_F(ReleaseSourcesTest, RequiresRoleAndKnownRelease) {
  auto missing = select_release_sources(manifest_, dir_.path(), "icd10cm", "fy2026", {"order", "eindex"}, {});
  ASSERT_FALSE(missing.is_ok());
  EXPECT_EQ(missing.status().code(), StatusCode::kNotFound);
  EXPECT_EQ(missing.status().message(), "icd10cm fy2026: no eindex file in " + dir_.path() +
                                            "; expected absent.xml (run corpus/fetch, or pass --corpus)");
  auto unknown = select_release_sources(manifest_, dir_.path(), "icd10cm", "fy2030", {"order"}, {});
  ASSERT_FALSE(unknown.is_ok());
  EXPECT_EQ(unknown.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(unknown.status().message(),
            "release \"fy2030\" of icd10cm is not in the manifest; known releases: fy2026");
}

TEST_F(ReleaseSourcesTest, RefusesChecksumMismatch) {
  auto selected = select_release_sources(manifest_, dir_.path(), "icd10cm", "fy2026", {"order"}, {});
  ASSERT_TRUE(selected.is_ok());
  const Status verified = verify_release_sources(selected.value());
  ASSERT_FALSE(verified.is_ok());
  EXPECT_EQ(verified.code(), StatusCode::kDataError);
  EXPECT_EQ(verified.message(),
            dir_ / "order26.txt" + ": sha256 is " + sha256_of_file(dir_ / "order26.txt").value() +
                " but the manifest (m.tsv:1) expects " + std::string(64, '0') +
                "; the file is damaged or not the official release: fetch it again with corpus/fetch");
}

TEST(Sha256Test, HashesFileContent) {
  testing::TempDir dir;
  testing::write_file(dir / "abc.txt", "abc");
  EXPECT_EQ(sha256_of_file(dir / "abc.txt").value(),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(sha256_of_file(dir / "none").status().code(), StatusCode::kNotFound);
}

}  // namespace
}  // namespace medcode::indexer
