#include "indexer/build/usage_prior.h"

#include <gtest/gtest.h>

#include <cmath>

namespace medcode::indexer {
namespace {

CodeRecord code(const std::string& compact, const std::string& parent, bool billable) {
  CodeRecord record;
  record.system = "icd10cm";
  record.code = compact;
  record.parent = parent;
  record.is_billable = billable;
  return record;
}

double prior_of(const std::vector<CodeRecord>& records, const std::string& compact) {
  for (const auto& record : records) {
    if (record.code == compact) return record.usage_prior;
  }
  ADD_FAILURE() << compact << " not among the records";
  return -1;
}

TEST(UsagePriorTest, DampsSmoothsAndKeepsHeadersBelowTheirBestChild) {
  std::vector<CodeRecord> records = {code("J18", "", false), code("J189", "J18", true), code("J180", "J18", true),
                                     code("J181", "J18", true), code("A5004", "", true), code("Z7989", "", true),
                                     code("Q999", "", true)};
  CodeRecord pcs;
  pcs.system = "icd10pcs";
  pcs.code = "0DTJ4ZZ";
  records.push_back(pcs);
  apply_usage_prior(records, {{"J189", 100000}, {"J180", 1000}, {"A5004", 3}, {"Z7989", 100000}});
  EXPECT_DOUBLE_EQ(prior_of(records, "J189"), 1.0);  // the most used
  EXPECT_LT(prior_of(records, "J180"), prior_of(records, "J189"));
  EXPECT_GT(prior_of(records, "J180"), prior_of(records, "A5004"));
  // Never reported: a tenth of its category's mean over billable codes, not zero.
  EXPECT_GT(prior_of(records, "J181"), 0.0);
  EXPECT_LT(prior_of(records, "J181"), prior_of(records, "J180"));
  // A status Z code counted on every record weighs a twentieth.
  EXPECT_LT(prior_of(records, "Z7989"), prior_of(records, "J189"));
  EXPECT_NEAR(prior_of(records, "Z7989"), std::log1p(5000.0) / std::log1p(100000.0), 1e-9);
  // A header equals its best child, so the billable prior still puts the child first.
  EXPECT_DOUBLE_EQ(prior_of(records, "J18"), prior_of(records, "J189"));
  EXPECT_DOUBLE_EQ(prior_of(records, "Q999"), 0.0);  // nothing in its category was reported
  EXPECT_EQ(records[1].times_reported, 100000u);
  EXPECT_DOUBLE_EQ(records.back().usage_prior, 0.0);  // other systems are left alone
}

TEST(UsagePriorTest, DampsOnlyStatusAndExposureZCodes) {
  EXPECT_DOUBLE_EQ(usage_damping("Z20822"), 0.05);
  EXPECT_DOUBLE_EQ(usage_damping("Z87891"), 0.05);
  EXPECT_DOUBLE_EQ(usage_damping("Z3801"), 1.0);  // a liveborn infant is a principal diagnosis
  EXPECT_DOUBLE_EQ(usage_damping("J189"), 1.0);
  EXPECT_DOUBLE_EQ(usage_damping("Z"), 1.0);
}

TEST(UsagePriorTest, NoCountsLeaveEveryPriorAtZero) {
  std::vector<CodeRecord> records = {code("J189", "", true)};
  apply_usage_prior(records, {});
  EXPECT_DOUBLE_EQ(records[0].usage_prior, 0.0);
  EXPECT_EQ(records[0].times_reported, 0u);
}

}  // namespace
}  // namespace medcode::indexer
