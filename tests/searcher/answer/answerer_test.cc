// Answers on the fixture index: each question type, built from the fixture's notes,
// hierarchy, guidelines, validity and conversion data.
#include <gtest/gtest.h>

#include <algorithm>

#include "searcher/answer/answer.h"
#include "searcher/engine/searcher.h"
#include "tests/support/fixture_corpus.h"

namespace medcode::searcher {
namespace {

class AnswererTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto opened = Searcher::open(testing::shared_fixture_index());
    ASSERT_TRUE(opened.is_ok()) << opened.status().to_string();
    searcher_ = std::move(opened).value();
  }

  Answer ask(const std::string& text) {
    auto answer = answer_question(*searcher_, text);
    EXPECT_TRUE(answer.is_ok()) << answer.status().to_string();
    return answer.is_ok() ? answer.value() : Answer{};
  }

  static std::vector<std::string> codes_with_role(const Answer& answer, const std::string& role) {
    std::vector<std::string> codes;
    for (const auto& code : answer.codes) {
      if (code.role == role) codes.push_back(code.code);
    }
    return codes;
  }

  static bool cites(const Answer& answer, const std::string& kind, const std::string& code) {
    return std::any_of(answer.citations.begin(), answer.citations.end(),
                       [&](const Citation& c) { return c.kind == kind && c.code == code; });
  }

  static bool has_fact(const Answer& answer, const std::string& part) {
    return std::any_of(answer.facts.begin(), answer.facts.end(),
                       [&](const std::string& fact) { return fact.find(part) != std::string::npos; });
  }

  std::unique_ptr<Searcher> searcher_;
};

#define EXPECT_HAS(text, part) EXPECT_NE(std::string(text).find(part), std::string::npos) << (text)

TEST_F(AnswererTest, WhatIsABillableCodeIsItsCard) {
  const Answer answer = ask("what is i219");
  EXPECT_EQ(answer.question.type, QuestionType::kWhatIs);
  ASSERT_EQ(answer.cards.size(), 1u);
  EXPECT_EQ(answer.cards[0].display_code, "I21.9");
  EXPECT_HAS(answer.summary, "I21.9 (ICD-10-CM) is billable: \"Acute myocardial infarction, unspecified\"");
  EXPECT_TRUE(has_fact(answer, "I21 Acute myocardial infarction"));
  EXPECT_TRUE(cites(answer, "code", "I21.9"));
}

TEST_F(AnswererTest, WhatIsAHeaderSaysWhichCharactersAreStillNeeded) {
  const Answer answer = ask("what does S52.53 mean?");
  EXPECT_HAS(answer.summary, "is a header, not billable");
  EXPECT_HAS(answer.summary, "It needs 2 more characters");
  EXPECT_EQ(codes_with_role(answer, "billable_code"), (std::vector<std::string>{"S52.531A", "S52.532A"}));
}

TEST_F(AnswererTest, AModifierIsReportedWithACode) {
  const Answer answer = ask("modifier LT");
  ASSERT_EQ(answer.cards.size(), 1u);
  EXPECT_EQ(answer.cards[0].record.system, "hcpcs");
  EXPECT_HAS(answer.summary, "is a modifier");
}

TEST_F(AnswererTest, AnUnknownCodeIsSaidNotGuessed) {
  const Answer answer = ask("what is Z99.89");
  EXPECT_TRUE(answer.cards.empty());
  EXPECT_HAS(answer.summary, "The index has no code Z99.89");
  EXPECT_FALSE(answer.suggestion.empty());
}

TEST_F(AnswererTest, BillableYesAndNoWithTheBillableCodes) {
  EXPECT_HAS(ask("is I10 billable").summary, "Yes. I10 \"Essential (primary) hypertension\" is billable in FY2026.");
  const Answer header = ask("can I bill I21");
  EXPECT_HAS(header.summary, "No. I21 \"Acute myocardial infarction\" is a header in FY2026.");
  EXPECT_EQ(codes_with_role(header, "billable_code"), (std::vector<std::string>{"I21.01", "I21.9"}));
  EXPECT_HAS(ask("is S30.1XXA billable").summary, "No. S30.1XXA was deleted in FY2026");
}

TEST_F(AnswererTest, CompareShowsTheSharedCategoryAndTheWordsThatDiffer) {
  const Answer answer = ask("I21.01 vs I21.9");
  EXPECT_EQ(answer.cards.size(), 2u);
  EXPECT_TRUE(has_fact(answer, "Both are under I21 Acute myocardial infarction."));
  EXPECT_TRUE(has_fact(answer, "I21.9 says \"Acute unspecified\""));
}

TEST_F(AnswererTest, TogetherWithoutANoteSaysSo) {
  const Answer answer = ask("code J18.9 with A00.9");
  EXPECT_HAS(answer.summary, "No instructional note of J18.9 and A00.9");
}

TEST_F(AnswererTest, GuidelinesQuoteTheSections) {
  const Answer answer = ask("guidelines for sepsis");
  ASSERT_FALSE(answer.sections.empty());
  EXPECT_EQ(answer.sections[0].section.rfind("I.C.1.d", 0), 0u) << answer.sections[0].section;
  EXPECT_TRUE(std::any_of(answer.sections.begin(), answer.sections.end(), [](const AnswerSection& s) {
    return s.text.find("assign code A41.9") != std::string::npos && s.codes == std::vector<std::string>{"A41.9"};
  }));
  EXPECT_TRUE(cites(answer, "guideline", answer.sections[0].section));
}

TEST_F(AnswererTest, HowToCodeRanksTheCodesAndGivesTheirInstructions) {
  const Answer answer = ask("what is the code for colles fracture");
  EXPECT_EQ(answer.question.type, QuestionType::kHowToCode);
  const auto results = codes_with_role(answer, "result");
  ASSERT_FALSE(results.empty());
  EXPECT_EQ(results[0].rfind("S52.53", 0), 0u) << results[0];
  EXPECT_HAS(answer.summary, "the best match is S52.53");
}

TEST_F(AnswererTest, ValidityByRelease) {
  EXPECT_HAS(ask("is S30.1XXA valid in fy2026").summary, "No. S30.1XXA is not valid in FY2026. It is valid in FY2025.");
  const Answer added = ask("when was QA00 added");
  EXPECT_TRUE(has_fact(added, "QA0.0 is new in FY2026, valid for dates of service from 2025-10-01."));
  EXPECT_HAS(ask("is I10 valid in FY2019").summary, "This index holds ICD-10-CM FY2025, FY2026 only, so it cannot say");
}

TEST_F(AnswererTest, ReplacementComesFromTheConversionTable) {
  const Answer answer = ask("what replaced S30.1XXA");
  EXPECT_HAS(answer.summary, "S30.1XXA was deleted in FY2026; the conversion table replaces it with");
  EXPECT_EQ(codes_with_role(answer, "replacement"), std::vector<std::string>{"S30.11XA"});
  EXPECT_TRUE(std::any_of(answer.citations.begin(), answer.citations.end(),
                          [](const Citation& c) { return c.kind == "conversion_table"; }));
  EXPECT_HAS(ask("what replaced I10").summary, "I10 was not replaced: it is valid in FY2026.");
}

TEST_F(AnswererTest, ChangesListTheCodesTheReleaseChanged) {
  const Answer answer = ask("what changed in fy2026 for neurodevelopmental disorder");
  const auto changed = codes_with_role(answer, "changed");
  EXPECT_EQ(changed, (std::vector<std::string>{"QA0", "QA0.0"})) << answer.summary;
  EXPECT_EQ(answer.codes[0].detail, "new in FY2026");
  EXPECT_HAS(ask("what changed in fy2025 for cholera").summary, "it has no release before it to compare with");
}

TEST_F(AnswererTest, OutOfScopeIsSaidPlainlyWithWhatTheSourcesHold) {
  EXPECT_HAS(ask("ncci edits for 99213 and 99214").summary, "NCCI edits");
  const Answer cpt = ask("cpt code for appendectomy");
  EXPECT_HAS(cpt.summary, "no licensed CPT file");
  EXPECT_FALSE(codes_with_role(cpt, "alternative").empty());
}

// The fixture's GEM rows (tests/fixtures/gems/): 001.0 -> A00.0, I10 -> 401.9,
// 0DTJ4ZZ -> 47.01.
TEST_F(AnswererTest, CrosswalksComeFromTheGems) {
  const Answer forward = ask("icd-9 001.0 to icd-10");
  EXPECT_EQ(forward.question.type, QuestionType::kCrosswalk);
  EXPECT_HAS(forward.summary, "The GEM maps ICD-9-CM 001.0 to A00.0.");
  EXPECT_EQ(codes_with_role(forward, "crosswalk"), std::vector<std::string>{"A00.0"});
  EXPECT_TRUE(std::any_of(forward.citations.begin(), forward.citations.end(), [](const Citation& c) { return c.kind == "gem"; }));
  EXPECT_HAS(ask("I10 to icd-9").summary, "The GEM maps I10 to ICD-9-CM 401.9.");
  EXPECT_HAS(ask("0DTJ4ZZ to icd-9").summary, "The GEM maps 0DTJ4ZZ to ICD-9-CM 47.01.");
  EXPECT_HAS(ask("icd-9 250.00 to icd-10").summary, "The GEM maps ICD-9-CM 250.00 to no code of ICD-10-CM in this release.");
}

// Words shaped like codes that the index does not have are words, not a question.
TEST_F(AnswererTest, CodeShapedWordsTheIndexLacksAreNotAQuestion) {
  EXPECT_EQ(ask("t2dm with b12 deficiency").question.type, QuestionType::kNone);
  EXPECT_EQ(ask("what is Z99.89").question.type, QuestionType::kWhatIs);  // dotted: a code, said absent
}

TEST_F(AnswererTest, APhraseIsNotAQuestion) {
  const Answer answer = ask("colles fracture");
  EXPECT_EQ(answer.question.type, QuestionType::kNone);
  EXPECT_TRUE(answer.codes.empty());
  EXPECT_TRUE(answer.summary.empty());
}

TEST_F(AnswererTest, BadInputIsRefusedLikeASearch) {
  EXPECT_EQ(answer_question(*searcher_, "").status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(answer_question(*searcher_, "what is \xff").status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(answer_question(*searcher_, std::string(600, 'a')).status().code(), StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace medcode::searcher
