// The question grammar as a table: text -> type, codes, topic, release, system. The rows
// are examples of our own, not questions.tsv's.
#include <gtest/gtest.h>

#include "searcher/answer/question.h"

namespace medcode::searcher {
namespace {

struct Row {
  const char* text;
  QuestionType type;
  std::vector<std::string> codes;
  const char* topic;
  const char* release;
  const char* system;
};

TEST(QuestionGrammar, RoutesEachShape) {
  using T = QuestionType;
  const std::vector<Row> rows = {
      // What is a code.
      {"what is K52.9", T::kWhatIs, {"K52.9"}, "", "", ""},
      {"What does 0FT44ZZ mean?", T::kWhatIs, {"0FT44ZZ"}, "", "", ""},
      {"define a4253", T::kWhatIs, {"A4253"}, "", "", ""},
      {"modifier RT", T::kWhatIs, {"RT"}, "", "", ""},
      {"h6590 meaning", T::kWhatIs, {"H6590"}, "", "", ""},
      // Billable.
      {"is M17.1 billable", T::kBillable, {"M17.1"}, "", "", ""},
      {"can I bill J20?", T::kBillable, {"J20"}, "", "", ""},
      // Two codes.
      {"N39.0 vs R30.0", T::kCompare, {"N39.0", "R30.0"}, "", "", ""},
      {"difference between L03.115 and L03.116", T::kCompare, {"L03.115", "L03.116"}, "", "", ""},
      {"can K57.30 be coded with K57.32", T::kTogether, {"K57.30", "K57.32"}, "", "", ""},
      {"code F10.20 and F10.10 together", T::kTogether, {"F10.20", "F10.10"}, "", "", ""},
      // Guidelines.
      {"guidelines for pressure injury", T::kGuidelines, {}, "pressure injury", "", ""},
      {"how to sequence anemia in ckd", T::kGuidelines, {}, "anemia in ckd", "", ""},
      {"when to use 7th character S", T::kGuidelines, {}, "7th character s", "", ""},
      // How to code.
      {"how do I code acute cystitis with hematuria", T::kHowToCode, {}, "acute cystitis with hematuria", "", ""},
      {"icd 10 code for plantar fasciitis", T::kHowToCode, {}, "plantar fasciitis", "", ""},
      {"what is the hcpcs code for a walker", T::kHowToCode, {}, "walker", "", "hcpcs"},
      {"diagnosis code for strep throat", T::kHowToCode, {}, "strep throat", "", "icd10cm"},
      // Validity, replacement, changes.
      {"is Z20.822 valid in FY2021", T::kValidity, {"Z20.822"}, "", "fy2021", ""},
      {"was U07.1 valid in fy 2020", T::kValidity, {"U07.1"}, "", "fy2020", ""},
      {"when was F32.A added", T::kValidity, {"F32.A"}, "", "", ""},
      {"what replaced R51", T::kReplacement, {"R51"}, "", "", ""},
      {"new code for M54.5", T::kReplacement, {"M54.5"}, "", "", ""},
      {"what changed in FY2025 for asthma", T::kChanges, {}, "asthma", "fy2025", ""},
      {"new codes in 2026 for lymphoma", T::kChanges, {}, "lymphoma", "fy2026", ""},
      // Crosswalks.
      {"icd-9 493.90 to icd-10", T::kCrosswalk, {"493.90"}, "", "", ""},
      {"J45.909 to icd9", T::kCrosswalk, {"J45.909"}, "", "", ""},
      // Out of scope.
      {"ncci edits for 20610", T::kOutOfScope, {}, "20610", "", ""},
      {"does medicare cover hearing aids", T::kOutOfScope, {}, "medicare hearing aids", "", ""},
      {"what is 99203", T::kOutOfScope, {}, "99203", "", ""},
      // Not questions: phrases and bare codes are plain searches.
      {"left knee pain", T::kNone, {}, "", "", ""},
      {"I21.9", T::kNone, {"I21.9"}, "", "", ""},
      {"type 2 diabetes with ckd stage 3", T::kNone, {}, "", "", ""},
      {"high heart rate", T::kNone, {}, "", "", ""},
      {"vitamin b12 deficiency", T::kNone, {"B12"}, "", "", ""},
      // Words that are cues elsewhere, in phrases that are not questions.
      {"mild ncd due to alzheimer disease", T::kNone, {}, "", "", ""},
      {"cpt ii deficiency", T::kNone, {}, "", "", ""},
      {"cover test", T::kNone, {}, "", "", ""},
      {"pierre robin sequence", T::kNone, {}, "", "", ""},
      {"rule out mi", T::kNone, {}, "", "", ""},
      {"Z47.1 Aftercare following joint replacement surgery", T::kNone, {"Z47.1"}, "", "", ""},
      {"E11.9, I10, N18.30", T::kNone, {"E11.9", "I10", "N18.30"}, "", "", ""},
      {"metformin 500mg and glipizide 5mg", T::kNone, {}, "", "", ""},
      {"vitamin d 50000 units", T::kNone, {}, "", "", ""},
      // Changes scoped by a code; undotted codes.
      {"what changed in E11 in FY2026", T::kChanges, {"E11"}, "E11", "fy2026", ""},
      {"is E119 billable", T::kBillable, {"E119"}, "", "", ""},
  };
  for (const Row& row : rows) {
    SCOPED_TRACE(row.text);
    const Question q = parse_question(row.text);
    EXPECT_STREQ(question_type_name(q.type), question_type_name(row.type));
    EXPECT_EQ(q.codes, row.codes);
    if (row.type != T::kOutOfScope) {
      EXPECT_EQ(q.topic, row.topic);
    }
    EXPECT_EQ(q.release, row.release);
    EXPECT_EQ(q.system, row.system);
  }
}

TEST(QuestionGrammar, ResultsSearchWhatTheQuestionIsAbout) {
  EXPECT_EQ(results_query(parse_question("guidelines for sepsis")), "sepsis");
  EXPECT_EQ(results_query(parse_question("can I10 be coded with N18.30")), "I10");
  EXPECT_EQ(results_query(parse_question("what changed in fy2026 for asthma")), "asthma");
  EXPECT_EQ(results_query(parse_question("icd-9 401.9 to icd-10")), "");
  EXPECT_EQ(results_query(parse_question("colles fracture")), "");
}

TEST(QuestionGrammar, CrosswalkKnowsItsDirectionAndKind) {
  const Question to_icd10 = parse_question("icd-9 procedure 81.54 to icd-10-pcs");
  EXPECT_EQ(to_icd10.type, QuestionType::kCrosswalk);
  EXPECT_TRUE(to_icd10.from_icd9);
  EXPECT_TRUE(to_icd10.procedures);
  EXPECT_EQ(to_icd10.codes, std::vector<std::string>{"81.54"});
  const Question undotted = parse_question("ICD-9 25000 to ICD-10");
  EXPECT_EQ(undotted.type, QuestionType::kCrosswalk);
  EXPECT_EQ(undotted.codes, std::vector<std::string>{"25000"});
  EXPECT_FALSE(parse_question("E119 to icd-9").from_icd9);
  const Question back = parse_question("I50.9 to icd-9");
  EXPECT_FALSE(back.from_icd9);
  EXPECT_FALSE(back.procedures);
}

TEST(QuestionGrammar, NamesWhatIsOutOfScope) {
  EXPECT_EQ(parse_question("ncci edits for 99214 and 93000").out_of_scope, OutOfScope::kNcci);
  EXPECT_EQ(parse_question("lcd for knee injections").out_of_scope, OutOfScope::kCoverage);
  EXPECT_EQ(parse_question("rvu for 99215").out_of_scope, OutOfScope::kPayment);
  EXPECT_EQ(parse_question("cpt code for cataract surgery").out_of_scope, OutOfScope::kCpt);
  EXPECT_EQ(parse_question("modifier 25").out_of_scope, OutOfScope::kCpt);
  EXPECT_EQ(parse_question("what is I10").out_of_scope, OutOfScope::kNone);
}

TEST(QuestionGrammar, OddInputIsNotAQuestion) {
  EXPECT_EQ(parse_question("").type, QuestionType::kNone);
  EXPECT_EQ(parse_question("???").type, QuestionType::kNone);
  EXPECT_EQ(parse_question("what is").type, QuestionType::kNone);
  EXPECT_EQ(parse_question(std::string(400, 'x')).type, QuestionType::kNone);
  EXPECT_EQ(parse_question("\xff\xfe what is I10").type, QuestionType::kWhatIs);
  std::string many = "compare";
  for (int i = 0; i < 120; ++i) many += " Z" + std::to_string(10 + i) + " I10";
  EXPECT_EQ(parse_question(many).codes.size(), 8u);  // distinct, at most 8
}

}  // namespace
}  // namespace medcode::searcher
