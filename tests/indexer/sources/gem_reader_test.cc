#include "indexer/sources/gem_reader.h"

#include <gtest/gtest.h>

#include "common/code_format.h"
#include "tests/support/fixture_corpus.h"

namespace medcode::indexer {
namespace {

TEST(GemReaderTest, ReadsForwardDiagnosisFixture) {
  const std::string bytes = testing::read_file(testing::fixture_path("gems/2018_I9gem.txt"));
  auto gem = read_gem_file(bytes, "2018_I9gem.txt", kIcd10Cm, GemDirection::kIcd9ToIcd10);
  ASSERT_TRUE(gem.is_ok()) << gem.status().to_string();
  EXPECT_EQ(gem.value().skipped.count(), 0u);
  ASSERT_EQ(gem.value().entries.size(), 11u);
  const GemEntry& cholera = gem.value().entries[0];
  EXPECT_EQ(cholera.source, "0010");
  EXPECT_EQ(cholera.target, "A000");
  EXPECT_FALSE(cholera.approximate);
  EXPECT_FALSE(cholera.no_map);
  EXPECT_EQ(cholera.line, 1u);
  const GemEntry& diabetes = gem.value().entries[2];
  EXPECT_EQ(diabetes.source, "25000");
  EXPECT_EQ(diabetes.target, "E119");
  EXPECT_TRUE(diabetes.approximate);
  const GemEntry& unmapped = gem.value().entries[3];
  EXPECT_EQ(unmapped.target, "NoDx");
  EXPECT_TRUE(unmapped.no_map);
}

// A combination entry: one code of each choice list of a scenario translates the source.
TEST(GemReaderTest, ReadsCombinationFlags) {
  const std::string bytes = testing::read_file(testing::fixture_path("gems/gem_i9pcs.txt"));
  auto gem = read_gem_file(bytes, "gem_i9pcs.txt", kIcd10Pcs, GemDirection::kIcd9ToIcd10);
  ASSERT_TRUE(gem.is_ok()) << gem.status().to_string();
  ASSERT_EQ(gem.value().entries.size(), 8u);
  const GemEntry& left_knee = gem.value().entries[4];  // 0080  0SRD0J9 10121
  EXPECT_EQ(left_knee.source, "0080");
  EXPECT_EQ(left_knee.target, "0SRD0J9");
  EXPECT_TRUE(left_knee.approximate);
  EXPECT_TRUE(left_knee.combination);
  EXPECT_EQ(left_knee.scenario, 2);
  EXPECT_EQ(left_knee.choice_list, 1);
}

// Each direction checks its own code shapes; the no-map targets of both code sets pass.
TEST(GemReaderTest, ReadsBackwardFilesOfBothCodeSets) {
  auto diagnoses = read_gem_file("T391X1A E8504 10112\r\nR29700  NoDx  11000\r\n", "i10.txt", kIcd10Cm,
                                 GemDirection::kIcd10ToIcd9);
  ASSERT_TRUE(diagnoses.is_ok()) << diagnoses.status().to_string();
  ASSERT_EQ(diagnoses.value().entries.size(), 2u);
  EXPECT_EQ(diagnoses.value().entries[0].target, "E8504");
  EXPECT_EQ(diagnoses.value().entries[0].choice_list, 2);
  EXPECT_TRUE(diagnoses.value().entries[1].no_map);
  // One FY2018 entry writes its ICD-9-CM code in lower case.
  auto lower = read_gem_file("T8853XD v5889 10000\n", "i10.txt", kIcd10Cm, GemDirection::kIcd10ToIcd9);
  ASSERT_TRUE(lower.is_ok()) << lower.status().to_string();
  ASSERT_EQ(lower.value().entries.size(), 1u);
  EXPECT_EQ(lower.value().entries[0].target, "V5889");
  // gem_pcsi9.txt writes some NoI9 targets with a 0 no-map flag: still no map.
  auto procedures = read_gem_file("0DTJ4ZZ 4701  10000\n02H40NZ NoI9  10000\n", "pcsi9.txt", kIcd10Pcs,
                                  GemDirection::kIcd10ToIcd9);
  ASSERT_TRUE(procedures.is_ok()) << procedures.status().to_string();
  ASSERT_EQ(procedures.value().entries.size(), 2u);
  EXPECT_EQ(procedures.value().entries[0].target, "4701");
  EXPECT_FALSE(procedures.value().entries[0].no_map);
  EXPECT_TRUE(procedures.value().entries[1].no_map);
}

// Each malformed line is skipped with its line number and reason; good lines survive.
TEST(GemReaderTest, SkipsMalformedLinesWithLocation) {
  const std::string bytes =
      "4019  I10     10000\r\n"
      "4019  I10\r\n"
      "2500x E119    10000\r\n"
      "25000 E1      10000\r\n"
      "25000 E119    1000\r\n"
      "25000 E119    12000\r\n"
      "25000 E119    11000\r\n"
      "25000 E119    10100\r\n"
      "\r\n"
      "4019  I10     10000 extra\r\n";
  auto gem = read_gem_file(bytes, "gem.txt", kIcd10Cm, GemDirection::kIcd9ToIcd10);
  ASSERT_TRUE(gem.is_ok()) << gem.status().to_string();
  EXPECT_EQ(gem.value().entries.size(), 1u);
  EXPECT_EQ(gem.value().skipped.count(), 8u);
  const auto& examples = gem.value().skipped.examples();
  ASSERT_EQ(examples.size(), 5u);  // SkipLog keeps the first five
  EXPECT_EQ(examples[0], "gem.txt:2: line has 2 fields, a GEM entry has 3 (source, target, flags)");
  EXPECT_EQ(examples[1], "gem.txt:3: source \"2500x\" is not an ICD-9-CM diagnosis code");
  EXPECT_EQ(examples[2], "gem.txt:4: target \"E1\" is not an ICD-10-CM code");
  EXPECT_EQ(examples[3], "gem.txt:5: flags \"1000\" are not 5 digits");
  EXPECT_EQ(examples[4], "gem.txt:6: flag 2 (no map) is \"2\", not 0 or 1");
}

TEST(GemReaderTest, ReportsInconsistentFlags) {
  const std::string bytes =
      "4019  I10     10000\n"
      "25000 E119    11000\n"
      "25000 E119    10100\n"
      "E119    25000 10000\n"
      "0DTJ4ZZ 4701  10000\n";
  auto gem = read_gem_file(bytes, "gem.txt", kIcd10Cm, GemDirection::kIcd9ToIcd10);
  ASSERT_TRUE(gem.is_ok()) << gem.status().to_string();
  const auto& examples = gem.value().skipped.examples();
  ASSERT_EQ(examples.size(), 4u);
  EXPECT_EQ(examples[0], "gem.txt:2: no-map flag set but target \"E119\" is a code");
  EXPECT_EQ(examples[1], "gem.txt:3: combination entry without a scenario and choice list (flags \"10100\")");
  // A backward or procedure GEM read as the forward diagnosis GEM (E119 has the shape of an
  // ICD-9-CM E code, so its target gives it away).
  EXPECT_EQ(examples[2], "gem.txt:4: target \"25000\" is not an ICD-10-CM code");
  EXPECT_EQ(examples[3], "gem.txt:5: source \"0DTJ4ZZ\" is not an ICD-9-CM diagnosis code");
}

TEST(GemReaderTest, RejectsFileWithoutEntries) {
  auto gem = read_gem_file("\r\n\r\n", "empty.txt", kIcd10Pcs, GemDirection::kIcd10ToIcd9);
  ASSERT_FALSE(gem.is_ok());
  EXPECT_EQ(gem.status().code(), StatusCode::kDataError);
  EXPECT_EQ(gem.status().message(), "empty.txt: no GEM entries found; is this a General Equivalence Mapping?");
}

TEST(GemReaderTest, RejectsInvalidUtf8WithPosition) {
  auto gem = read_gem_file("4019  I10     10000\n4019  I1\xFF     10000\n", "gem.txt", kIcd10Cm,
                           GemDirection::kIcd9ToIcd10);
  ASSERT_FALSE(gem.is_ok());
  EXPECT_EQ(gem.status().code(), StatusCode::kDataError);
  EXPECT_EQ(gem.status().message(), "gem.txt:2:9: invalid UTF-8 (byte 0xFF)");
}

}  // namespace
}  // namespace medcode::indexer
