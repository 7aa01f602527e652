#include "common/code_format.h"

#include <gtest/gtest.h>

namespace medcode {
namespace {

// Compact form: case, dots, spaces and the index's trailing dash are ignored.
TEST(CodeFormatTest, CompactsAcceptedSpellings) {
  const struct {
    const char* input;
    const char* compact;
  } rows[] = {
      {"I21.9", "I219"}, {"i219", "I219"},     {" I21 ", "I21"},  {"S52.53-", "S5253"},
      {"T36.-", "T36"},  {"0dtj4zz", "0DTJ4ZZ"}, {"E0784", "E0784"}, {"I21/9", ""},
      {"heart attack", ""}, {"", ""},
  };
  for (const auto& row : rows) EXPECT_EQ(compact_code(row.input), row.compact) << row.input;
}

// Shapes per code set; FY2026's QA0 has a letter second.
TEST(CodeFormatTest, RecognizesShapesPerSystem) {
  EXPECT_TRUE(is_icd10cm_shape("I21"));
  EXPECT_TRUE(is_icd10cm_shape("S52531A"));
  EXPECT_TRUE(is_icd10cm_shape("QA00101"));
  EXPECT_TRUE(is_icd10cm_shape("C7A"));
  EXPECT_FALSE(is_icd10cm_shape("CHF"));  // no digit in 2nd or 3rd place
  EXPECT_FALSE(is_icd10cm_shape("I2"));
  EXPECT_FALSE(is_icd10cm_shape("I219XXXX"));
  EXPECT_FALSE(is_icd10cm_shape("0DTJ4ZZ"));
  EXPECT_TRUE(is_icd10pcs_shape("0DTJ4ZZ"));
  EXPECT_FALSE(is_icd10pcs_shape("0DTI4ZZ"));  // PCS never uses I or O
  EXPECT_TRUE(is_hcpcs_shape("E0784"));
  EXPECT_FALSE(is_hcpcs_shape("E078"));
  EXPECT_FALSE(is_hcpcs_shape("W1234"));  // no HCPCS section W
}

TEST(CodeFormatTest, DisplaysIcd10CmWithDotAfterThirdCharacter) {
  EXPECT_EQ(display_code(kIcd10Cm, "I219"), "I21.9");
  EXPECT_EQ(display_code(kIcd10Cm, "I10"), "I10");
  EXPECT_EQ(display_code(kIcd10Cm, "S52531A"), "S52.531A");
  EXPECT_EQ(display_code(kIcd10Pcs, "0DTJ4ZZ"), "0DTJ4ZZ");
  EXPECT_EQ(display_code(kHcpcs, "E0784"), "E0784");
}

TEST(CodeFormatTest, ListsCandidateSystemsForCodeLikeQueries) {
  auto candidates = code_candidates("E0784");
  ASSERT_EQ(candidates.size(), 2u);
  EXPECT_EQ(candidates[0].system, kIcd10Cm);
  EXPECT_EQ(candidates[1].system, kHcpcs);
  // A dot makes it ICD-10-CM only.
  candidates = code_candidates("E07.84");
  ASSERT_EQ(candidates.size(), 1u);
  EXPECT_EQ(candidates[0].compact, "E0784");
  EXPECT_EQ(code_candidates("0DTJ4ZZ").at(0).system, kIcd10Pcs);
  // A PCS table or partial code lists the codes under it; CM shapes come first.
  EXPECT_EQ(code_candidates("0dtj").at(0).system, kIcd10Pcs);
  EXPECT_EQ(code_candidates("0DT").at(0).compact, "0DT");
  // Three characters starting with a letter are not taken as a PCS table: "DM2" is diabetes.
  candidates = code_candidates("DM2");
  ASSERT_EQ(candidates.size(), 1u);
  EXPECT_EQ(candidates[0].system, kIcd10Cm);
  candidates = code_candidates("BW03");
  ASSERT_EQ(candidates.size(), 2u);
  EXPECT_EQ(candidates[1].system, kIcd10Pcs);
  EXPECT_TRUE(code_candidates("0D").empty());
  EXPECT_TRUE(code_candidates("heart attack").empty());
}

// ICD-9-CM codes as the GEMs write them and as people type them.
TEST(CodeFormatTest, ReadsAndDisplaysIcd9CmCodes) {
  const struct {
    const char* input;
    Icd9Kind kind;
    const char* compact;  // "" when not ICD-9-CM shaped
    const char* display;
  } rows[] = {
      // Diagnoses: dot after the 3rd character, the 4th for E codes.
      {"250.00", Icd9Kind::kDiagnosis, "25000", "250.00"},
      {"25000", Icd9Kind::kDiagnosis, "25000", "250.00"},
      {" 401.9 ", Icd9Kind::kDiagnosis, "4019", "401.9"},
      {"042", Icd9Kind::kDiagnosis, "042", "042"},
      {"v58.67", Icd9Kind::kDiagnosis, "V5867", "V58.67"},
      {"V01", Icd9Kind::kDiagnosis, "V01", "V01"},
      {"E881.0", Icd9Kind::kDiagnosis, "E8810", "E881.0"},
      {"E849", Icd9Kind::kDiagnosis, "E849", "E849"},
      {"2500.0", Icd9Kind::kDiagnosis, "", ""},   // the dot in the wrong place
      {"250.", Icd9Kind::kDiagnosis, "", ""},
      {"25", Icd9Kind::kDiagnosis, "", ""},       // too short
      {"250001", Icd9Kind::kDiagnosis, "", ""},   // too long
      {"E11.9", Icd9Kind::kDiagnosis, "", ""},    // ICD-10-CM
      {"E88.1", Icd9Kind::kDiagnosis, "", ""},    // E codes have 3 digits before the dot
      {"M54.5", Icd9Kind::kDiagnosis, "", ""},
      {"", Icd9Kind::kDiagnosis, "", ""},
      // Procedures: dot after the 2nd character.
      {"47.01", Icd9Kind::kProcedure, "4701", "47.01"},
      {"4701", Icd9Kind::kProcedure, "4701", "47.01"},
      {"33.6", Icd9Kind::kProcedure, "336", "33.6"},
      {"470.1", Icd9Kind::kProcedure, "", ""},
      {"47011", Icd9Kind::kProcedure, "", ""},
      {"V5867", Icd9Kind::kProcedure, "", ""},
  };
  for (const auto& row : rows) {
    const std::string compact = compact_icd9cm(row.input, row.kind);
    EXPECT_EQ(compact, row.compact) << row.input;
    EXPECT_EQ(is_icd9cm_shape(compact, row.kind), !compact.empty()) << row.input;
    if (!compact.empty()) {
      EXPECT_EQ(display_icd9cm(compact, row.kind), row.display) << row.input;
    }
  }
}

TEST(CodeFormatTest, ValidatesSystemNames) {
  EXPECT_TRUE(is_valid_system_name("icd10cm"));
  EXPECT_TRUE(is_valid_system_name("cpt"));
  EXPECT_TRUE(is_valid_system_name("local_codes-2"));
  EXPECT_FALSE(is_valid_system_name("ICD10CM"));
  EXPECT_FALSE(is_valid_system_name("x"));
  EXPECT_FALSE(is_valid_system_name("1abc"));
  EXPECT_FALSE(is_valid_system_name("a b"));
}

}  // namespace
}  // namespace medcode
