// An updated index must equal a fresh build of the same release: the same documents with
// the same terms (and positions), values and data, the same spelling and synonym tables.
#include <xapian.h>

#include <gtest/gtest.h>

#include <map>

#include "indexer/build/index_build.h"
#include "tests/support/fixture_corpus.h"

namespace medcode::indexer {
namespace {

// Everything a document is, keyed by its ID term, plus the database-wide tables.
struct Snapshot {
  std::map<std::string, std::string> documents;
  std::map<std::string, Xapian::termcount> spellings;
  std::map<std::string, std::string> synonyms;
};

Snapshot snapshot(const std::string& directory) {
  Snapshot out;
  Xapian::Database database(directory);
  for (auto id = database.postlist_begin(""); id != database.postlist_end(""); ++id) {
    const Xapian::Document document = database.get_document(*id);
    std::string key, text = document.get_data() + "\n";
    for (auto value = document.values_begin(); value != document.values_end(); ++value) {
      text += "v" + std::to_string(value.get_valueno()) + "=" + *value + "\n";
    }
    for (auto term = document.termlist_begin(); term != document.termlist_end(); ++term) {
      if ((*term)[0] == 'Q') key = *term;
      text += *term + " " + std::to_string(term.get_wdf());
      for (auto pos = term.positionlist_begin(); pos != term.positionlist_end(); ++pos) text += " " + std::to_string(*pos);
      text += "\n";
    }
    out.documents[key] = text;
  }
  for (auto word = database.spellings_begin(); word != database.spellings_end(); ++word) {
    out.spellings[*word] = word.get_termfreq();
  }
  for (auto key = database.synonym_keys_begin(); key != database.synonym_keys_end(); ++key) {
    std::string values;
    for (auto value = database.synonyms_begin(*key); value != database.synonyms_end(*key); ++value) values += *value + "|";
    out.synonyms[*key] = values;
  }
  return out;
}

void expect_same(const Snapshot& updated, const Snapshot& fresh) {
  EXPECT_EQ(updated.documents.size(), fresh.documents.size());
  std::size_t differing = 0;
  for (const auto& [key, text] : fresh.documents) {
    auto found = updated.documents.find(key);
    if (found == updated.documents.end() || found->second != text) {
      ADD_FAILURE() << "document " << key << (found == updated.documents.end() ? " missing" : " differs");
      if (++differing > 3) break;
    }
  }
  EXPECT_EQ(updated.spellings, fresh.spellings);
  EXPECT_EQ(updated.synonyms, fresh.synonyms);
}

BuildReport build(const testing::FixtureCorpus& corpus, const std::string& release, const std::string& index,
                  const std::string& base = "") {
  BuildOptions options;
  options.corpus_dir = corpus.corpus_dir;
  options.manifest_path = corpus.manifest_path;
  options.release = release;
  options.index_dir = index;
  options.base_index_dir = base;
  auto report = build_index(options);
  EXPECT_TRUE(report.is_ok()) << report.status().to_string();
  return report.is_ok() ? report.value() : BuildReport{};
}

TEST(IndexUpdateTest, UpdatingEitherWayBetweenReleasesEqualsAFreshBuild) {
  testing::TempDir dir;
  const auto corpus = testing::make_fixture_corpus(dir.path());
  build(corpus, "fy2025", dir / "fresh2025");
  build(corpus, "fy2026", dir / "fresh2026");
  const BuildReport forward = build(corpus, "fy2026", dir / "updated2026", dir / "fresh2025");
  const BuildReport backward = build(corpus, "fy2025", dir / "updated2025", dir / "fresh2026");
  expect_same(snapshot(dir / "updated2026"), snapshot(dir / "fresh2026"));
  expect_same(snapshot(dir / "updated2025"), snapshot(dir / "fresh2025"));
  // FY2026 drops S30.1XXA (kept as a deleted-code record), adds QA0 and QA00, adds PCS,
  // HCPCS and the guidelines: the update wrote those and deleted nothing of FY2025.
  EXPECT_GT(forward.documents_written, 0u);
  EXPECT_GT(backward.documents_deleted, 0u);  // back to FY2025: PCS, HCPCS, guidelines go
}

TEST(IndexUpdateTest, AnUnchangedReleaseWritesNothingAndAChangedFileOnlyItsCodes) {
  testing::TempDir dir;
  const auto corpus = testing::make_fixture_corpus(dir.path());
  build(corpus, "fy2026", dir / "first");
  const BuildReport same = build(corpus, "fy2026", dir / "same", dir / "first");
  EXPECT_EQ(same.documents_written, 0u);
  EXPECT_EQ(same.documents_deleted, 0u);
  EXPECT_EQ(same.documents_unchanged, testing::kFixtureDocuments);
  expect_same(snapshot(dir / "same"), snapshot(dir / "first"));

  // A corrected order file without two codes: only those change.
  testing::drop_last_two_codes(corpus);
  const BuildReport smaller = build(corpus, "fy2026", dir / "smaller", dir / "first");
  build(corpus, "fy2026", dir / "fresh_smaller");
  EXPECT_EQ(smaller.documents_deleted, 2u);
  EXPECT_LT(smaller.documents_written, 10u);  // codes whose notes or index links moved
  expect_same(snapshot(dir / "smaller"), snapshot(dir / "fresh_smaller"));
}

}  // namespace
}  // namespace medcode::indexer
