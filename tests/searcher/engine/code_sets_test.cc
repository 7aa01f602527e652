// Searching across code sets on the fixture index: ICD-10-PCS, HCPCS, the guideline
// sections, and a local code set in the import format.
#include <gtest/gtest.h>

#include <algorithm>

#include "indexer/build/index_build.h"
#include "searcher/answer/answered_search.h"
#include "searcher/engine/searcher.h"
#include "tests/support/fixture_corpus.h"

namespace medcode::searcher {
namespace {

class CodeSetsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto opened = Searcher::open(testing::shared_fixture_index());
    ASSERT_TRUE(opened.is_ok()) << opened.status().to_string();
    searcher_ = std::move(opened).value();
  }

  std::vector<SearchHit> hits(const std::string& query, const std::string& system = "", std::size_t limit = 10) {
    SearchRequest request;
    request.query = query;
    request.system = system;
    request.limit = limit;
    auto response = searcher_->search(request);
    EXPECT_TRUE(response.is_ok()) << response.status().to_string();
    return response.is_ok() ? response.value().hits : std::vector<SearchHit>{};
  }

  std::unique_ptr<Searcher> searcher_;
};

TEST_F(CodeSetsTest, ProceduresAreFoundByTheWordsPeopleUse) {
  // "laparoscopic" is the Percutaneous Endoscopic approach; "appendectomy" the Index term.
  const auto found = hits("laparoscopic appendectomy");
  ASSERT_FALSE(found.empty());
  EXPECT_EQ(found[0].code, "0DTJ4ZZ");
  EXPECT_EQ(found[0].system, "icd10pcs");
  EXPECT_EQ(found[0].parent, "0DT");
  const auto knee = hits("total knee replacement right cemented");
  ASSERT_FALSE(knee.empty());
  EXPECT_EQ(knee[0].code, "0SRC0J9");
  // A Definitions "includes" term leads to its body part.
  const auto vermiform = hits("vermiform appendix resection", "icd10pcs");
  ASSERT_FALSE(vermiform.empty());
  EXPECT_EQ(vermiform[0].code.substr(0, 4), "0DTJ");
}

TEST_F(CodeSetsTest, CodesOfEverySystemAreFoundByCode) {
  EXPECT_EQ(hits("0dtj4zz").at(0).code, "0DTJ4ZZ");
  const auto table = hits("0DT");
  ASSERT_EQ(table.size(), 5u);  // the table, then its codes
  EXPECT_EQ(table[0].code, "0DT");
  EXPECT_EQ(hits("E0784").at(0).system, "hcpcs");
  EXPECT_EQ(hits("j0139").at(0).code, "J0139");
}

TEST_F(CodeSetsTest, SuppliesAndDrugsAreFound) {
  const auto pump = hits("insulin pump", "hcpcs");
  ASSERT_FALSE(pump.empty());
  EXPECT_NE(std::find_if(pump.begin(), pump.end(), [](const SearchHit& h) { return h.code == "E0784"; }), pump.end());
  // The terminated J0135 is still found, but the billable J0139 ranks first.
  const auto drug = hits("adalimumab injection");
  ASSERT_GE(drug.size(), 2u);
  EXPECT_EQ(drug[0].code, "J0139");
  EXPECT_TRUE(drug[0].is_billable);
  EXPECT_EQ(drug[1].code, "J0135");
  EXPECT_FALSE(drug[1].is_billable);
}

TEST_F(CodeSetsTest, SystemFilterKeepsToOneCodeSet) {
  for (const auto& hit : hits("appendix", "icd10pcs")) EXPECT_EQ(hit.system, "icd10pcs");
  for (const auto& hit : hits("insulin", "hcpcs")) EXPECT_EQ(hit.system, "hcpcs");
  EXPECT_TRUE(hits("insulin pump", "icd10pcs").empty());
}

TEST_F(CodeSetsTest, GuidelineSectionsAreSearchedOnlyWhenAskedFor) {
  const auto sepsis = hits("sepsis guidelines", "guidelines");
  ASSERT_FALSE(sepsis.empty());
  EXPECT_EQ(sepsis[0].code.substr(0, 7), "I.C.1.d");
  EXPECT_EQ(sepsis[0].system, "guidelines");
  const auto ckd = hits("sequencing of hypertension with CKD", "guidelines", 3);
  ASSERT_FALSE(ckd.empty());
  EXPECT_EQ(ckd[0].code, "I.C.9.a.2");
  for (const auto& hit : hits("sepsis")) EXPECT_NE(hit.system, "guidelines");
}

TEST_F(CodeSetsTest, GuidelineSectionDetailHasItsPlaceAndCodes) {
  auto detail = searcher_->code_detail("guidelines", "I.C.9.a.2");
  ASSERT_TRUE(detail.is_ok()) << detail.status().to_string();
  EXPECT_EQ(detail.value().record.title, "Hypertensive Chronic Kidney Disease");
  ASSERT_EQ(detail.value().ancestors.size(), 4u);
  EXPECT_EQ(detail.value().ancestors[0].code, "I");
  EXPECT_EQ(detail.value().ancestors[3].code, "I.C.9.a");
  EXPECT_EQ(detail.value().record.referenced_codes, (std::vector<std::string>{"I12", "N18"}));
  EXPECT_NE(detail.value().record.description.find("hypertension and a condition"), std::string::npos);
  auto parent = searcher_->code_detail("guidelines", "I.C.9.a");
  ASSERT_TRUE(parent.is_ok());
  EXPECT_EQ(parent.value().children.size(), 2u);
  auto missing = searcher_->code_detail("guidelines", "I.Z");
  ASSERT_FALSE(missing.is_ok());
  EXPECT_EQ(missing.status().code(), StatusCode::kNotFound);
}

TEST_F(CodeSetsTest, CodeDetailListsGuidelinesNamingTheCodeBeforeRanges) {
  auto detail = searcher_->code_detail("icd10cm", "I10");
  ASSERT_TRUE(detail.is_ok());
  const auto& links = detail.value().guidelines;
  ASSERT_EQ(links.size(), 2u);
  EXPECT_EQ(links[0].section, "I.C.9.a");  // names I10
  EXPECT_EQ(links[0].via_code, "I10");
  EXPECT_EQ(links[1].section, "I.C.9");  // names I00-I99
  auto none = searcher_->code_detail("icd10cm", "S52.531A");
  ASSERT_TRUE(none.is_ok());
  EXPECT_TRUE(none.value().guidelines.empty());
}

TEST_F(CodeSetsTest, ProcedureDetailExplainsEachCharacter) {
  auto detail = searcher_->code_detail("icd10pcs", "0DTJ4ZZ");
  ASSERT_TRUE(detail.is_ok());
  const auto& attributes = detail.value().record.attributes;
  // The seven characters, then the fixture GEMs' crosswalks (47.01 both ways).
  ASSERT_EQ(attributes.size(), 9u);
  EXPECT_EQ(attributes[3].name, "Body Part");
  EXPECT_EQ(attributes[3].value, "Appendix");
  EXPECT_EQ(attributes[7].name, kGemForwardAttribute);
  EXPECT_EQ(attributes[8].name, kGemBackwardAttribute);
  ASSERT_EQ(detail.value().ancestors.size(), 1u);
  EXPECT_EQ(detail.value().ancestors[0].code, "0DT");
}

// Invented codes only: medcode never ships CPT descriptors.
TEST(LocalCodeSetSearchTest, ImportedCodesAreSearchableAndFilterable) {
  testing::TempDir dir;
  const auto corpus = testing::make_fixture_corpus(dir.path());
  testing::write_file(dir / "local.jsonl",
                      "{\"code\":\"99901\",\"title\":\"Invented visit, brief\",\"synonyms\":[\"quick checkup\"]}\n"
                      "{\"code\":\"99902\",\"title\":\"Invented visit, long\",\"parent\":\"99901\"}\n");
  indexer::BuildOptions options;
  options.corpus_dir = corpus.corpus_dir;
  options.manifest_path = corpus.manifest_path;
  options.index_dir = dir / "index";
  options.code_sets = {"icd10cm"};
  options.imports = {{"localvisits", dir / "local.jsonl"}};
  auto report = indexer::build_index(options);
  ASSERT_TRUE(report.is_ok()) << report.status().to_string();
  auto opened = Searcher::open(dir / "index");
  ASSERT_TRUE(opened.is_ok());
  SearchRequest request;
  request.query = "quick checkup";
  auto by_synonym = opened.value()->search(request);
  ASSERT_TRUE(by_synonym.is_ok());
  ASSERT_FALSE(by_synonym.value().hits.empty());
  EXPECT_EQ(by_synonym.value().hits[0].code, "99901");
  EXPECT_EQ(by_synonym.value().hits[0].system, "localvisits");
  request.query = "99902";  // an imported code has no fixed shape; found by code all the same
  auto by_code = opened.value()->search(request);
  ASSERT_TRUE(by_code.is_ok());
  ASSERT_FALSE(by_code.value().hits.empty());
  EXPECT_EQ(by_code.value().hits[0].code, "99902");
  request.query = "invented visit";
  request.system = "icd10cm";
  auto filtered = opened.value()->search(request);
  ASSERT_TRUE(filtered.is_ok());
  for (const auto& hit : filtered.value().hits) EXPECT_EQ(hit.system, "icd10cm");
  auto detail = opened.value()->code_detail("localvisits", "99902");
  ASSERT_TRUE(detail.is_ok());
  ASSERT_EQ(detail.value().ancestors.size(), 1u);
  EXPECT_EQ(detail.value().ancestors[0].code, "99901");
  // The code sets it serves are the ones it was built with, the imported one among them.
  request.system = "hcpcs";
  EXPECT_EQ(opened.value()->search(request).status().message(),
            "parameter \"system\": \"hcpcs\" is not served by this index; it serves icd10cm, localvisits");
  // A question that names a code set the index lacks still gets its answer, from the rest.
  for (const char* question : {"hcpcs code for insulin pump", "guidelines for sepsis", "pcs code for appendectomy"}) {
    SearchRequest asked;
    asked.query = question;
    auto answered = search_with_answer(*opened.value(), asked);
    ASSERT_TRUE(answered.is_ok()) << question << ": " << answered.status().to_string();
    EXPECT_TRUE(answered.value().answer.has_value()) << question;
  }
}

}  // namespace
}  // namespace medcode::searcher

namespace medcode::searcher {
namespace {

// A code the release deleted answers when typed, with its replacements, and stays out of
// text results and prefix listings; a new code says it is new.
TEST(CodeValidityTest, DeletedCodesAnswerByCodeWithReplacements) {
  auto opened = Searcher::open(testing::shared_fixture_index());
  ASSERT_TRUE(opened.is_ok());
  const Searcher& searcher = *opened.value();
  SearchRequest request;
  request.query = "S30.1XXA";
  auto by_code = searcher.search(request);
  ASSERT_TRUE(by_code.is_ok());
  ASSERT_EQ(by_code.value().hits.size(), 1u);
  EXPECT_FALSE(by_code.value().hits[0].is_billable);
  request.query = "contusion abdominal wall";
  auto by_text = searcher.search(request);
  ASSERT_TRUE(by_text.is_ok());
  for (const auto& hit : by_text.value().hits) EXPECT_NE(hit.code, "S30.1XXA");
  auto detail = searcher.code_detail("icd10cm", "S30.1XXA");
  ASSERT_TRUE(detail.is_ok());
  const auto& attributes = detail.value().record.attributes;
  ASSERT_EQ(attributes.size(), 3u);
  EXPECT_EQ(attributes[0].value, "Deleted in FY2026");
  EXPECT_EQ(attributes[0].detail, "Not valid for dates of service from 2025-10-01; was billable in FY2025");
  EXPECT_EQ(attributes[1].name, "Billable in FY2025");
  EXPECT_EQ(attributes[1].value, "yes");
  EXPECT_EQ(attributes[2].name, "Replaced by");
  EXPECT_EQ(attributes[2].value, "S30.11XA");
  auto added = searcher.code_detail("icd10cm", "QA0");
  ASSERT_TRUE(added.is_ok());
  ASSERT_FALSE(added.value().record.attributes.empty());
  EXPECT_EQ(added.value().record.attributes[0].value, "New in FY2026");
  // An unchanged code has no validity attributes, only its other names and GEM crosswalks.
  auto kept = searcher.code_detail("icd10cm", "I10");
  ASSERT_TRUE(kept.is_ok());
  for (const auto& attribute : kept.value().record.attributes) {
    EXPECT_TRUE(attribute.name == kAlsoCalledAttribute || attribute.name == kGemForwardAttribute ||
                attribute.name == kGemBackwardAttribute)
        << attribute.name;
  }
}

}  // namespace
}  // namespace medcode::searcher
