#include "indexer/lifecycle/release_diff.h"

#include <gtest/gtest.h>

#include <cstdio>

#include "indexer/lifecycle/diff_releases.h"

namespace medcode::indexer {
namespace {

// One order-file line in the official fixed columns.
std::string order_line(int number, const std::string& code, bool billable, const std::string& title) {
  char line[256];
  std::snprintf(line, sizeof line, "%05d %-7s %c %-60s %s\n", number, code.c_str(), billable ? '1' : '0',
                title.substr(0, 60).c_str(), title.c_str());
  return line;
}

OrderFile order(const std::string& text) {
  auto file = read_order_file(text, "order.txt", "icd10cm");
  EXPECT_TRUE(file.is_ok()) << file.status().to_string();
  return file.is_ok() ? std::move(file).value() : OrderFile{};
}

class ReleaseDiffTest : public ::testing::Test {
 protected:
  void SetUp() override {
    from_ = order(order_line(1, "B88", false, "Other acariasis") + order_line(2, "B880", true, "Other acariasis") +
                  order_line(3, "I10", true, "Essential (primary) hypertension") +
                  order_line(4, "S301XXA", true, "Contusion of abdominal wall, initial encounter"));
    to_ = order(order_line(1, "B88", false, "Other acariasis") + order_line(2, "B880", false, "Other acariasis") +
                order_line(3, "B8801", true, "Infestation by Demodex mites") +
                order_line(4, "I10", true, "Essential (primary) hypertension, revised"));
    diff_ = diff_order_files(from_, to_);
    diff_.code_set = "icd10cm";
    diff_.from_release = "fy2025";
    diff_.to_release = "fy2026";
  }
  OrderFile from_, to_;
  ReleaseDiff diff_;
};

TEST_F(ReleaseDiffTest, FindsEveryKindOfChange) {
  EXPECT_EQ(diff_.codes_before, 4u);
  EXPECT_EQ(diff_.codes_after, 4u);
  ASSERT_EQ(diff_.added.size(), 1u);
  EXPECT_EQ(diff_.added[0].code, "B8801");
  ASSERT_EQ(diff_.deleted.size(), 1u);
  EXPECT_EQ(diff_.deleted[0].code, "S301XXA");
  ASSERT_EQ(diff_.retitled.size(), 1u);
  EXPECT_EQ(diff_.retitled[0].title_after, "Essential (primary) hypertension, revised");
  ASSERT_EQ(diff_.billable_changed.size(), 1u);
  EXPECT_EQ(diff_.billable_changed[0].code, "B880");
  EXPECT_TRUE(diff_.billable_changed[0].billable_before);
  EXPECT_FALSE(diff_.billable_changed[0].billable_after);
}

TEST_F(ReleaseDiffTest, ChecksTheDiffAgainstTheAddenda) {
  const std::string text =
      "Delete:      1 B880    Other acariasis                                              Other acariasis\n"
      "Add:         0 B880    Other acariasis                                              Other acariasis\n"
      "Add:         1 B8801   Infestation by Demodex mites                                 Infestation\n"
      "Delete:      1 S301XXA Contusion of abdominal wall, initial encounter               Contusion\n"
      "Revise from: 1 I10     Essential (primary) hypertension                             Essential\n"
      "Revise to:   1 I10     Essential (primary) hypertension, revised                    Essential\n"
      "\nCodes\n    4 codes\n";
  auto addenda = read_order_addenda(text, "addenda.txt");
  ASSERT_TRUE(addenda.is_ok()) << addenda.status().to_string();
  const auto checks = check_against_addenda(diff_, addenda.value());
  ASSERT_EQ(checks.size(), 4u);
  for (const auto& check : checks) {
    EXPECT_EQ(check.diff, 1u) << check.kind;
    EXPECT_EQ(check.addenda, 1u) << check.kind;
    EXPECT_TRUE(check.only_in_diff.empty() && check.only_in_addenda.empty()) << check.kind;
  }
  const std::string report = release_diff_to_text(diff_, checks, 5);
  EXPECT_NE(report.find("added 1 (matches the addenda)\n  B88.01  Infestation by Demodex mites\n"), std::string::npos)
      << report;
  EXPECT_NE(report.find("  B88.0  billable -> header  Other acariasis\n"), std::string::npos) << report;
  const std::string json = release_diff_to_json(diff_, checks);
  EXPECT_NE(json.find("\"deleted\":[{\"code\":\"S30.1XXA\""), std::string::npos) << json;
  EXPECT_NE(json.find("{\"kind\":\"retitled\",\"diff\":1,\"addenda\":1,\"matches\":true}"), std::string::npos) << json;

  // An addenda that lists a code the diff does not have is a mismatch, named.
  auto other = read_order_addenda("Add:         1 Z9999   Invented\n", "a.txt");
  ASSERT_TRUE(other.is_ok());
  const auto mismatched = check_against_addenda(diff_, other.value());
  EXPECT_EQ(mismatched[0].only_in_addenda, std::vector<std::string>{"Z9999"});
  EXPECT_EQ(mismatched[0].only_in_diff, std::vector<std::string>{"B8801"});
  EXPECT_NE(release_diff_to_text(diff_, mismatched, 5).find("mismatch added: Z9999 only in the addenda"),
            std::string::npos);
}

TEST(OrderAddendaReaderTest, ReadsBothLayoutsAndRefusesOtherFiles) {
  // ICD-10-PCS addenda have no header flag before the code.
  auto pcs = read_order_addenda("Add:         00H033J Insertion of Infusion Device into Brain, Temp, Perc\n"
                                "Delete:      X2A5312 Cereb Filtr, Brach L Carotid Art, Perc\n",
                                "order_addenda_2026.txt");
  ASSERT_TRUE(pcs.is_ok());
  EXPECT_TRUE(pcs.value().added.count("00H033J"));
  EXPECT_TRUE(pcs.value().deleted.count("X2A5312"));
  auto none = read_order_addenda("Codes\n  10 codes\n", "x.txt");
  ASSERT_FALSE(none.is_ok());
  EXPECT_EQ(none.status().message(), "x.txt: no Add, Delete or Revise lines found");
}

TEST(DiffReleasesTest, RefusesCodeSetsWithoutOrderFiles) {
  DiffOptions options;
  options.code_set = "hcpcs";
  options.from_release = "2025-oct";
  options.to_release = "2026-jan";
  auto result = diff_releases(options);
  ASSERT_FALSE(result.is_ok());
  EXPECT_EQ(result.status().code(), StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace medcode::indexer

namespace medcode::indexer {
namespace {

// On the official corpus, the FY2025 -> FY2026 ICD-10-CM diff equals the official addenda.
TEST(DiffReleasesTest, Fy2025ToFy2026MatchesTheOfficialAddenda) {
  DiffOptions options;
  options.from_release = "fy2025";
  options.to_release = "fy2026";
  auto result = diff_releases(options);
  if (!result.is_ok() && result.status().code() == StatusCode::kNotFound) {
    GTEST_SKIP() << "no official corpus: " << result.status().message();
  }
  ASSERT_TRUE(result.is_ok()) << result.status().to_string();
  EXPECT_EQ(result.value().diff.added.size(), 614u);
  EXPECT_EQ(result.value().diff.deleted.size(), 12u);
  EXPECT_EQ(result.value().diff.retitled.size(), 45u);
  EXPECT_EQ(result.value().diff.billable_changed.size(), 16u);
  ASSERT_TRUE(result.value().has_addenda);
  for (const auto& check : result.value().checks) {
    EXPECT_EQ(check.diff, check.addenda) << check.kind;
    EXPECT_TRUE(check.only_in_diff.empty() && check.only_in_addenda.empty()) << check.kind;
  }
}

// The FY2026 ICD-10-PCS addenda list fewer changes than the FY2025 and FY2026 order files
// show, and every one of them is in the diff. The rest (52 added, 12 deleted, 2 retitled)
// fits the April 1, 2025 PCS update, which is not in the corpus: addenda count from the
// newest file CMS published before them.
TEST(DiffReleasesTest, Fy2025ToFy2026PcsContainsEveryAddendaChange) {
  DiffOptions options;
  options.from_release = "fy2025";
  options.to_release = "fy2026";
  options.code_set = "icd10pcs";
  auto result = diff_releases(options);
  if (!result.is_ok() && result.status().code() == StatusCode::kNotFound) {
    GTEST_SKIP() << "no official corpus: " << result.status().message();
  }
  ASSERT_TRUE(result.is_ok()) << result.status().to_string();
  ASSERT_TRUE(result.value().has_addenda);
  for (const auto& check : result.value().checks) {
    EXPECT_TRUE(check.only_in_addenda.empty()) << check.kind;
  }
  EXPECT_EQ(result.value().diff.added.size(), 160u + 52u);
  EXPECT_EQ(result.value().diff.deleted.size(), 27u + 12u);
  EXPECT_EQ(result.value().diff.retitled.size(), 1u + 2u);
}

}  // namespace
}  // namespace medcode::indexer
