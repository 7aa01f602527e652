#include "indexer/build/leave_out.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace medcode::indexer {
namespace {

// Index path -> how a person types it.
TEST(LeaveOutTest, TypesIndexPathsSubtermsFirst) {
  const struct {
    std::vector<std::string> path;
    std::string typed;
  } rows[] = {
      {{"Pain(s)", "chest (central)"}, "chest pain"},
      {{"Fracture, traumatic", "radius", "lower end", "Colles'"}, "radius lower end colles' fracture"},
      {{"Pneumonia (acute)", "with", "influenza"}, "influenza pneumonia"},
      {{"Cough (affected) (chronic) (epidemic) (nervous)"}, "cough"},
      {{"Infection", "due to", "Escherichia coli (E. coli)"}, "escherichia coli infection"},
  };
  for (const auto& row : rows) EXPECT_EQ(typed_form_of_index_path(row.path), row.typed) << row.typed;
}

CodeRecord record_with(const std::string& code, int entries, int inclusions) {
  CodeRecord record;
  record.system = "icd10cm";
  record.code = code;
  for (int i = 0; i < entries; ++i) {
    record.index_entries.push_back(
        IndexEntry{IndexSource::kAlphabeticIndex, {"Condition " + std::to_string(i), "site " + code}, "", 2023, false});
  }
  record.index_entries.push_back(IndexEntry{IndexSource::kDrugTable, {"Drug"}, "Poisoning", 2026, false});
  for (int i = 0; i < inclusions; ++i) record.inclusion_terms.push_back("Inclusion term " + std::to_string(i));
  return record;
}

// About a tenth is held out, the same pieces every time, and nothing is both kept and held.
TEST(LeaveOutTest, HoldsOutAFixedTenthOfIndexEntriesAndInclusionTerms) {
  std::vector<CodeRecord> records;
  for (int i = 0; i < 200; ++i) records.push_back(record_with("A" + std::to_string(100 + i), 5, 5));
  std::vector<CodeRecord> again = records;
  const auto held = hold_out(records, LeaveOutOptions{});
  const auto held_again = hold_out(again, LeaveOutOptions{});
  ASSERT_EQ(held.size(), held_again.size());
  for (std::size_t i = 0; i < held.size(); ++i) EXPECT_EQ(held[i].query, held_again[i].query);
  // 2,000 pieces, 10% expected: well inside 6-14%.
  EXPECT_GT(held.size(), 120u);
  EXPECT_LT(held.size(), 280u);
  std::size_t kept = 0, tables = 0;
  for (const auto& record : records) {
    kept += record.inclusion_terms.size();
    for (const auto& entry : record.index_entries) {
      if (entry.source == IndexSource::kDrugTable) ++tables;
      else ++kept;
    }
  }
  EXPECT_EQ(kept + held.size(), 2000u);
  EXPECT_EQ(tables, 200u);  // only the Alphabetic Index and inclusion terms are held out
  bool has_index = false, has_inclusion = false;
  for (const auto& query : held) {
    has_index |= query.kind == "index";
    has_inclusion |= query.kind == "inclusion";
  }
  EXPECT_TRUE(has_index && has_inclusion);
  // Another seed holds out other pieces.
  std::vector<CodeRecord> other = again;
  LeaveOutOptions reseeded;
  reseeded.seed = 7;
  const auto held_other = hold_out(other, reseeded);
  ASSERT_FALSE(held_other.empty());
  EXPECT_NE(held_other.front().query + held_other.front().code, held.front().query + held.front().code);
}

TEST(LeaveOutTest, WritesARelevanceSet) {
  const auto path = std::filesystem::temp_directory_path() / "medcode_leave_out_test.tsv";
  ASSERT_TRUE(write_held_out_queries({{"chest pain", "R079", "index"}, {"pyelitis", "N10", "inclusion"}}, path.string()).is_ok());
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  EXPECT_NE(text.str().find("# --- index\nchest pain\tR07.9\ticd10cm\n"), std::string::npos);
  EXPECT_NE(text.str().find("# --- inclusion\npyelitis\tN10\ticd10cm\n"), std::string::npos);
  std::filesystem::remove(path);
  EXPECT_FALSE(write_held_out_queries({}, "/nonexistent-dir/x.tsv").is_ok());
}

}  // namespace
}  // namespace medcode::indexer
