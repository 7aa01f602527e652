// End to end on the official FY2026 ICD-10-CM files, when the corpus is present: the
// acceptance searches of the foundation issue.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <set>

#include "indexer/build/index_build.h"
#include "indexer/corpus/corpus_dir.h"
#include "searcher/answer/answer.h"
#include "searcher/engine/searcher.h"
#include "tests/support/fixture_corpus.h"

namespace medcode::searcher {
namespace {

class RealCorpusTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    // Under ctest the full index is built once, by tests/build_real_corpus_index.sh, for this
    // suite and the docs examples; it is absent when that build found no corpus. Run by
    // hand, the suite builds its own.
    if (const char* shared = std::getenv("MEDCODE_REAL_CORPUS_INDEX")) {
      if (!std::filesystem::is_directory(shared)) return;
      has_corpus_ = true;
      open_index(shared);
      return;
    }
    auto corpus = indexer::resolve_corpus_dir(indexer::corpus_dir_inputs_from_environment(""));
    if (!corpus.is_ok()) return;
    has_corpus_ = true;
    dir_ = new testing::TempDir();
    indexer::BuildOptions options;
    options.corpus_dir = corpus.value().path;
    options.index_dir = *dir_ / "index";
    auto report = indexer::build_index(options);
    if (!report.is_ok()) {
      build_error_ = new std::string(report.status().to_string());
      return;
    }
    open_index(options.index_dir);
  }
  static void open_index(const std::string& index_dir) {
    auto opened = Searcher::open(index_dir);
    if (opened.is_ok()) {
      searcher_ = std::move(opened).value().release();
    } else {
      build_error_ = new std::string(index_dir + ": " + opened.status().to_string());
    }
  }
  static void TearDownTestSuite() {
    delete searcher_;
    delete dir_;
    delete build_error_;
  }
  void SetUp() override {
    if (!has_corpus_) GTEST_SKIP() << "no official corpus (../shared/corpus, MEDCODE_CORPUS)";
    ASSERT_EQ(build_error_, nullptr) << *build_error_;
    ASSERT_NE(searcher_, nullptr);
  }

  std::vector<std::string> top(const std::string& query, std::size_t limit, const std::string& system = "") {
    SearchRequest request;
    request.query = query;
    request.limit = limit;
    request.system = system;
    auto response = searcher_->search(request);
    EXPECT_TRUE(response.is_ok()) << response.status().to_string();
    std::vector<std::string> codes;
    if (response.is_ok()) {
      for (const auto& hit : response.value().hits) codes.push_back(hit.code);
    }
    return codes;
  }

  static bool any_starts_with(const std::vector<std::string>& codes, const std::string& prefix) {
    for (const auto& code : codes) {
      if (code.rfind(prefix, 0) == 0) return true;
    }
    return false;
  }

  static bool has_corpus_;
  static testing::TempDir* dir_;
  static std::string* build_error_;
  static Searcher* searcher_;
};
bool RealCorpusTest::has_corpus_ = false;
testing::TempDir* RealCorpusTest::dir_ = nullptr;
std::string* RealCorpusTest::build_error_ = nullptr;
Searcher* RealCorpusTest::searcher_ = nullptr;

TEST_F(RealCorpusTest, IndexesEveryFy2026Code) {
  const IndexInfo info = searcher_->info();
  ASSERT_EQ(info.code_sets.size(), 4u);
  EXPECT_EQ(info.code_sets[0].documents, 98186u + 12u);  // icd10cm-order-2026.txt, and the 12 codes it deleted
  EXPECT_EQ(info.code_sets[1].documents, 80029u + 39u);  // icd10pcs_order_2026.txt, and the 39 codes it deleted
  EXPECT_EQ(info.code_sets[2].documents, 8846u);   // rows of HCPC2025_OCT_ANWEB.xlsx
  EXPECT_GT(info.code_sets[3].documents, 300u);    // guideline sections
  EXPECT_EQ(searcher_->info().release, "fy2026");
}

TEST_F(RealCorpusTest, AcuteMyocardialInfarctionRanksAnI21CodeFirst) {
  const auto codes = top("acute myocardial infarction", 1);
  ASSERT_EQ(codes.size(), 1u);
  EXPECT_EQ(codes[0].substr(0, 3), "I21");
}

TEST_F(RealCorpusTest, CodeI10RanksI10First) {
  EXPECT_EQ(top("I10", 1), std::vector<std::string>{"I10"});
}

TEST_F(RealCorpusTest, CollesFractureFindsS5253InTopFive) {
  EXPECT_TRUE(any_starts_with(top("colles fracture", 5), "S52.53"));
}

TEST_F(RealCorpusTest, AcetaminophenPoisoningFindsT391InTopFive) {
  EXPECT_TRUE(any_starts_with(top("poisoning by acetaminophen", 5), "T39.1"));
}

TEST_F(RealCorpusTest, Fy2026CodesAreSearchableByCode) {
  EXPECT_EQ(top("QA00.101", 1), std::vector<std::string>{"QA0.0101"});
  EXPECT_EQ(top("QA00101", 1), std::vector<std::string>{"QA0.0101"});
}

TEST_F(RealCorpusTest, RecordsCarryEnrichmentFromOlderReleases) {
  auto record = searcher_->lookup("icd10cm", "I21");
  ASSERT_TRUE(record.is_ok());
  EXPECT_EQ(record.value().chapter, "9");
  EXPECT_EQ(record.value().section, "I20-I25");
  ASSERT_FALSE(record.value().notes.empty());
  EXPECT_EQ(record.value().notes[0].release_year, 2023);  // the FY2023 Tabular List
}

// The examples of the code-sets issue: procedures, supplies, drugs and guidelines.
TEST_F(RealCorpusTest, LaparoscopicAppendectomyFindsPcs0DTJ4ZZFirst) {
  EXPECT_EQ(top("laparoscopic appendectomy", 1), std::vector<std::string>{"0DTJ4ZZ"});
}

TEST_F(RealCorpusTest, TotalKneeReplacementRightCementedFinds0SRCFirst) {
  const auto codes = top("total knee replacement right cemented", 3);
  ASSERT_FALSE(codes.empty());
  EXPECT_EQ(codes[0], "0SRC0J9");
  for (const auto& code : codes) EXPECT_EQ(code.substr(0, 4), "0SRC") << code;
}

TEST_F(RealCorpusTest, InsulinPumpFindsE0784InTopThree) {
  const auto codes = top("insulin pump", 3);
  EXPECT_NE(std::find(codes.begin(), codes.end(), "E0784"), codes.end());
}

TEST_F(RealCorpusTest, AdalimumabInjectionFindsAnActiveJCodeFirst) {
  SearchRequest request;
  request.query = "adalimumab injection";
  request.limit = 3;
  auto response = searcher_->search(request);
  ASSERT_TRUE(response.is_ok());
  ASSERT_FALSE(response.value().hits.empty());
  EXPECT_EQ(response.value().hits[0].code[0], 'J');
  EXPECT_EQ(response.value().hits[0].system, "hcpcs");
}

// HCPCS has no knee-specific implant code: the implant billed with a knee replacement is
// C1776 "Joint device (implantable)", reached through the curated procedure synonyms.
TEST_F(RealCorpusTest, KneeReplacementFindsProceduresAndTheImplantCode) {
  const auto across = top("knee replacement", 10);
  ASSERT_FALSE(across.empty());
  EXPECT_EQ(across[1].substr(0, 3), "0SR");
  const auto implants = top("knee replacement", 10, "hcpcs");
  EXPECT_NE(std::find(implants.begin(), implants.end(), "C1776"), implants.end());
}

TEST_F(RealCorpusTest, CodesOfEverySystemAreFoundByCode) {
  EXPECT_EQ(top("0DTJ4ZZ", 1), std::vector<std::string>{"0DTJ4ZZ"});
  EXPECT_EQ(top("e0784", 1), std::vector<std::string>{"E0784"});
  EXPECT_EQ(top("0SRC", 2, "icd10pcs").size(), 2u);
}

TEST_F(RealCorpusTest, GuidelineSearchFindsTheRightSections) {
  EXPECT_EQ(top("sepsis guidelines", 3, "guidelines").at(0).substr(0, 7), "I.C.1.d");
  const auto ckd = top("sequencing of hypertension with CKD", 3, "guidelines");
  EXPECT_NE(std::find(ckd.begin(), ckd.end(), "I.C.9.a.2"), ckd.end());
  // Code searches do not return guideline sections.
  for (const auto& code : top("sepsis", 20)) EXPECT_EQ(code.find("I.C"), std::string::npos) << code;
}

TEST_F(RealCorpusTest, CodeDetailLinksTheGuidelinesThatNameIt) {
  auto detail = searcher_->code_detail("icd10cm", "I12.9");
  ASSERT_TRUE(detail.is_ok());
  bool found = false;
  for (const auto& link : detail.value().guidelines) found |= link.section == "I.C.9.a.2";
  EXPECT_TRUE(found);
  auto section = searcher_->code_detail("guidelines", "I.C.9.a.2");
  ASSERT_TRUE(section.is_ok()) << section.status().to_string();
  EXPECT_EQ(section.value().record.title, "Hypertensive Chronic Kidney Disease");
  EXPECT_FALSE(section.value().ancestors.empty());
}

// Relevance on real language (issue 12): one test per failure pattern, on examples of our own.
TEST_F(RealCorpusTest, CommonPhraseFindsTheCodeCodersUseNotARareForm) {
  EXPECT_EQ(top("community acquired pneumonia", 1), std::vector<std::string>{"J18.9"});
  EXPECT_EQ(top("heart attack", 1), std::vector<std::string>{"I21.9"});  // the FY2023 index default
  // The prior never outweighs the words: a rare code named exactly still comes first.
  EXPECT_EQ(top("early congenital syphilitic pneumonia", 1), std::vector<std::string>{"A50.04"});
}

TEST_F(RealCorpusTest, CodesCarryHowOftenTheyAreReported) {
  auto pneumonia = searcher_->lookup("icd10cm", "J18.9");
  ASSERT_TRUE(pneumonia.is_ok());
  EXPECT_GT(pneumonia.value().times_reported, 10000u);  // HCAI 2023, all settings
  auto rare = searcher_->lookup("icd10cm", "A50.04");
  ASSERT_TRUE(rare.is_ok());
  EXPECT_LT(rare.value().times_reported, pneumonia.value().times_reported);
  EXPECT_GT(pneumonia.value().usage_prior, rare.value().usage_prior);
}

TEST_F(RealCorpusTest, ExtraWordsKeepTheMainTermsDefaultAndHeadConcept) {
  EXPECT_EQ(top("nagging cough", 1), std::vector<std::string>{"R05.9"});
  EXPECT_EQ(top("hacking cough", 1).at(0).substr(0, 3), "R05");  // not G44.83 cough headache
  EXPECT_EQ(top("stabbing chest pain", 1).at(0).substr(0, 3), "R07");  // not Y35.4 legal intervention
}

// A header never above its own billable unspecified child: the child is what is billed.
TEST_F(RealCorpusTest, UnspecifiedChildRanksAboveItsHeader) {
  EXPECT_EQ(top("pain in hip", 2), (std::vector<std::string>{"M25.559", "M25.55"}));
  EXPECT_EQ(top("hip pain", 2, "icd10cm"), (std::vector<std::string>{"M25.559", "M25.55"}));
}

// The same on any page with several headers: a header whose unspecified children the page
// shows has the best-ranked of them above it (earlier moves must not misplace later ones).
TEST_F(RealCorpusTest, EveryHeaderOnAPageFollowsItsUnspecifiedChild) {
  std::size_t pairs = 0;
  for (const std::string query : {"joint pain", "knee pain", "shoulder pain", "pain in limb", "hip pain", "arthritis",
                                  "fracture of femur", "otitis media", "conjunctivitis", "dermatitis"}) {
    SearchRequest request;
    request.query = query;
    request.system = "icd10cm";
    request.limit = 25;
    auto response = searcher_->search(request);
    ASSERT_TRUE(response.is_ok()) << query;
    const auto& hits = response.value().hits;
    for (std::size_t h = 0; h < hits.size(); ++h) {
      if (hits[h].is_billable) continue;
      std::size_t first_child = hits.size();
      for (std::size_t c = 0; c < hits.size() && first_child == hits.size(); ++c) {
        if (hits[c].parent == hits[h].code && hits[c].is_billable && hits[c].title.find("nspecified") != std::string::npos) {
          first_child = c;
        }
      }
      if (first_child == hits.size()) continue;
      ++pairs;
      EXPECT_LT(first_child, h) << query << ": " << hits[first_child].code << " below its header " << hits[h].code;
    }
  }
  EXPECT_GE(pairs, 5u);  // the queries do put headers and their unspecified children on a page
}

// Laterality words make no candidates of their own (50,000 codes say "left") but still steer.
TEST_F(RealCorpusTest, SteeringWordsPickAmongTheConceptsCodes) {
  EXPECT_EQ(top("left knee pain", 1), std::vector<std::string>{"M25.562"});
  EXPECT_EQ(top("broken left wrist", 1).at(0).substr(0, 3), "S62");
  const auto only_left = top("left", 5);
  EXPECT_EQ(only_left.size(), 5u);  // a query of steering words alone still finds codes
}

TEST_F(RealCorpusTest, LabValuePhrasesComposeTheTerm) {
  EXPECT_EQ(top("high sodium", 1), std::vector<std::string>{"E87.0"});
  EXPECT_EQ(top("low potassium", 1), std::vector<std::string>{"E87.6"});
  EXPECT_TRUE(any_starts_with(top("low platelets", 1), "D69"));
}

TEST_F(RealCorpusTest, UnknownMedicalWordsAreReadThroughTheirParts) {
  EXPECT_TRUE(any_starts_with(top("gastrodynia", 3), "R10"));  // stomach pain
  SearchRequest request;
  request.query = "hyperlipasemia";
  auto response = searcher_->search(request);
  ASSERT_TRUE(response.is_ok());
  EXPECT_EQ(response.value().corrected_query, "");  // not "hyperlipidemia"
  ASSERT_FALSE(response.value().hits.empty());
  EXPECT_EQ(response.value().hits[0].code, "R74.8");
}

TEST_F(RealCorpusTest, SpellingNeverRewritesValidWordsOrCodes) {
  for (const char* query : {"tingly fingers", "jittery", "what is code E11.9"}) {
    SearchRequest request;
    request.query = query;
    auto response = searcher_->search(request);
    ASSERT_TRUE(response.is_ok());
    EXPECT_EQ(response.value().corrected_query, "") << query;
  }
  EXPECT_EQ(top("what is code J18.9", 1), std::vector<std::string>{"J18.9"});
  EXPECT_EQ(top("pnuemonia", 1), std::vector<std::string>{"J18.9"});  // a real misspelling is still corrected
}

// PCS guidelines: a needle means the percutaneous approach (5th character 3), a biopsy the
// Diagnostic qualifier (7th character X).
TEST_F(RealCorpusTest, NeedleBiopsyIsPercutaneousAndDiagnostic) {
  const auto codes = top("needle biopsy of liver", 1, "icd10pcs");
  ASSERT_EQ(codes.size(), 1u);
  EXPECT_EQ(codes[0].substr(0, 2), "0F");  // hepatobiliary system
  EXPECT_EQ(codes[0][4], '3') << codes[0];
  EXPECT_EQ(codes[0][6], 'X') << codes[0];
}

// Completions of equal standing go to the words of the codes coders report most.
// A scope with a biopsy codes the biopsy (Excision, Diagnostic), through the natural opening,
// not the Inspection (PCS guidelines B3.4a, B3.11a); the scope alone is the Inspection.
TEST_F(RealCorpusTest, ScopeWithBiopsyIsAnEndoscopicDiagnosticExcision) {
  for (const std::string query : {"upper endoscopy with biopsy", "colonoscopy with biopsy", "egd biopsy"}) {
    const auto codes = top(query, 1, "icd10pcs");
    ASSERT_EQ(codes.size(), 1u) << query;
    EXPECT_EQ(codes[0].substr(0, 3), "0DB") << query << ": " << codes[0];  // Excision, GI system
    EXPECT_EQ(codes[0][4], '8') << query << ": " << codes[0];             // via natural opening endoscopic
    EXPECT_EQ(codes[0][6], 'X') << query << ": " << codes[0];             // diagnostic
  }
  EXPECT_EQ(top("colonoscopy", 1, "icd10pcs").at(0).substr(0, 4), "0DJD");  // Inspection, lower GI tract
}

TEST_F(RealCorpusTest, AutocompleteFollowsHowOftenCodesAreUsed) {
  SuggestRequest request;
  request.query = "dia";
  auto response = searcher_->suggest(request);
  ASSERT_TRUE(response.is_ok()) << response.status().to_string();
  ASSERT_FALSE(response.value().completions.empty());
  EXPECT_EQ(response.value().completions[0], "diabetes");
}

TEST_F(RealCorpusTest, ReportingCodesRankBelowWhatIsBilled) {
  const auto codes = top("wheelchair", 3);
  ASSERT_FALSE(codes.empty());
  for (const auto& code : codes) EXPECT_TRUE(code[0] == 'E' || code[0] == 'K') << code;  // chairs, not G97xx measures
  EXPECT_TRUE(any_starts_with(top("walker", 3), "E01"));
}


// Coding questions on the real corpus, one of each type, examples of our own.
Answer ask_question(const Searcher& searcher, const std::string& text) {
  auto answer = answer_question(searcher, text);
  EXPECT_TRUE(answer.is_ok()) << answer.status().to_string();
  return answer.is_ok() ? answer.value() : Answer{};
}

std::vector<std::string> with_role(const Answer& answer, const std::string& role) {
  std::vector<std::string> codes;
  for (const auto& code : answer.codes) {
    if (code.role == role) codes.push_back(code.code);
  }
  return codes;
}

bool has_fact(const Answer& answer, const std::string& part) {
  return std::any_of(answer.facts.begin(), answer.facts.end(),
                     [&](const std::string& fact) { return fact.find(part) != std::string::npos; });
}

#define ask(text) ask_question(*searcher_, text)
#define EXPECT_STARTS(text, part) EXPECT_EQ(std::string(text).rfind(part, 0), 0u) << (text)

TEST_F(RealCorpusTest, AnswerWhatIsAndBillable) {
  EXPECT_STARTS(ask("what is J45.20").summary, "J45.20 (ICD-10-CM) is billable: \"Mild intermittent asthma, uncomplicated\".");
  const Answer cough = ask("is R05 billable");
  EXPECT_STARTS(cough.summary, "No. R05 \"Cough\" is a header in FY2026. It needs 1 more character: its 6 billable codes are");
  EXPECT_EQ(with_role(cough, "billable_code"), (std::vector<std::string>{"R05.1", "R05.2", "R05.3", "R05.4", "R05.8", "R05.9"}));
  EXPECT_STARTS(ask("is G35 billable").summary, "No. G35 \"Multiple sclerosis\" is a header in FY2026.");
}

TEST_F(RealCorpusTest, AnswerCompareAndTogetherFollowTheNotes) {
  const Answer diabetes = ask("E11.9 vs E10.9");
  EXPECT_TRUE(has_fact(diabetes, "Excludes1 note at E11 names E10.9: \"type 1 diabetes mellitus (E10.-)\"."));
  EXPECT_STARTS(ask("can I10 be coded with O10.02").summary, "No. An Excludes1 note links I10 and O10.02");
  EXPECT_STARTS(ask("can I10 be coded with I63.9").summary, "Yes. An Excludes2 note links I10 and I63.9");
  const Answer insulin = ask("can E11.9 be coded with Z79.4");
  EXPECT_STARTS(insulin.summary, "Yes. Sequence E11.9 first, then Z79.4: the use additional code note at E11 names Z79.4.");
  EXPECT_STARTS(ask("can N18.30 be coded with E11.22").summary, "Yes. Sequence E11.22 first, then N18.30");
  EXPECT_TRUE(has_fact(insulin, "Use additional code note at E11 names Z79.4"));
  // No note links them, but the index's "Hypertension, kidney, with ... chronic kidney disease".
  EXPECT_EQ(with_role(ask("can I10 be coded with N18.30"), "combination"), std::vector<std::string>{"I12.9"});
}

TEST_F(RealCorpusTest, AnswerGuidelinesAndHowToCode) {
  const Answer ulcers = ask("guidelines for pressure ulcer");
  ASSERT_FALSE(ulcers.sections.empty());
  EXPECT_EQ(ulcers.sections[0].section.rfind("I.C.12.a", 0), 0u) << ulcers.sections[0].section;
  const Answer ckd = ask("how do i code type 2 diabetes with ckd stage 3");
  ASSERT_FALSE(ckd.codes.empty());
  EXPECT_EQ(ckd.codes[0].code, "E11.22");
  EXPECT_TRUE(has_fact(ckd, "Use additional code (note at E11.22): code to identify stage of chronic kidney disease (N18.1-N18.6)"));
}

TEST_F(RealCorpusTest, AnswerValidityReplacementAndChanges) {
  EXPECT_STARTS(ask("is E11.A valid in fy2025").summary, "No. E11.A is not valid in FY2025. It is valid in FY2026.");
  EXPECT_STARTS(ask("is J45.20 valid in FY2019").summary, "This index holds ICD-10-CM FY2025, FY2026 only, so it cannot say");
  const Answer food = ask("what replaced T78.1XXA");
  EXPECT_EQ(with_role(food, "replacement").size(), 7u);
  EXPECT_EQ(with_role(food, "replacement")[0], "T78.110A");
  const Answer ms = ask("what changed in fy2026 for multiple sclerosis");
  const auto changed = with_role(ms, "changed");
  EXPECT_NE(std::find(changed.begin(), changed.end(), "G35.D"), changed.end()) << ms.summary;
  EXPECT_NE(std::find(changed.begin(), changed.end(), "G35"), changed.end()) << ms.summary;
}

TEST_F(RealCorpusTest, AnswerCrosswalksFromTheGems) {
  EXPECT_EQ(with_role(ask("convert icd-9 250.00 to icd-10"), "crosswalk"), std::vector<std::string>{"E11.9"});
  EXPECT_EQ(with_role(ask("icd9 procedure 47.01 to icd-10-pcs"), "crosswalk"), std::vector<std::string>{"0DTJ4ZZ"});
  EXPECT_STARTS(ask("I10 to icd-9").summary, "The GEM maps I10 to ICD-9-CM 401.");
}

TEST_F(RealCorpusTest, AnswerOutOfScopeOffersWhatTheSourcesHold) {
  const Answer cpt = ask("cpt code for appendectomy");
  EXPECT_STARTS(cpt.summary, "CPT codes are the AMA's");
  const auto alternatives = with_role(cpt, "alternative");
  EXPECT_NE(std::find(alternatives.begin(), alternatives.end(), "0DTJ4ZZ"), alternatives.end());
  EXPECT_STARTS(ask("does medicare cover a walker").summary, "Coverage");
}

}  // namespace
}  // namespace medcode::searcher
