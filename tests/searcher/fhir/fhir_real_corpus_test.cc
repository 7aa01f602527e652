// Every FHIR operation on the official ICD-10-CM, ICD-10-PCS and HCPCS of the full index
// (built by the real_corpus_index test; skipped without the corpus), parsed as JSON so the
// assertions name parameters, not substrings.
#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "searcher/engine/searcher.h"
#include "searcher/fhir/fhir_service.h"

namespace medcode::searcher::fhir {
namespace {

constexpr const char* kIcd10Cm = "http://hl7.org/fhir/sid/icd-10-cm";
constexpr const char* kIcd10Pcs = "http://www.cms.gov/Medicare/Coding/ICD10";
constexpr const char* kHcpcs = "http://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets";
constexpr const char* kIcd9Cm = "http://hl7.org/fhir/sid/icd-9-cm";

using Query = std::vector<std::pair<std::string, std::string>>;

// The value of the first top-level parameter called name, as text ("" when absent).
std::string parameter(const rapidjson::Document& parameters, const std::string& name) {
  if (!parameters.IsObject() || !parameters.HasMember("parameter")) return "";
  for (const auto& item : parameters["parameter"].GetArray()) {
    if (item["name"].GetString() != name) continue;
    for (auto it = item.MemberBegin(); it != item.MemberEnd(); ++it) {
      const std::string key = it->name.GetString();
      if (key.rfind("value", 0) != 0) continue;
      if (it->value.IsString()) return it->value.GetString();
      if (it->value.IsBool()) return it->value.GetBool() ? "true" : "false";
    }
  }
  return "";
}

// The "value" part of the lookup property called code.
std::string property(const rapidjson::Document& parameters, const std::string& code) {
  for (const auto& item : parameters["parameter"].GetArray()) {
    if (std::string(item["name"].GetString()) != "property") continue;
    std::string found_code;
    std::string value;
    for (const auto& part : item["part"].GetArray()) {
      const std::string name = part["name"].GetString();
      for (auto it = part.MemberBegin(); it != part.MemberEnd(); ++it) {
        if (std::string(it->name.GetString()).rfind("value", 0) != 0) continue;
        const std::string text = it->value.IsString() ? it->value.GetString() : it->value.IsBool() ? (it->value.GetBool() ? "true" : "false") : "";
        if (name == "code") found_code = text;
        if (name == "value") value = text;
      }
    }
    if (found_code == code) return value;
  }
  return "";
}

std::vector<std::string> expansion_codes(const rapidjson::Document& value_set) {
  std::vector<std::string> codes;
  if (!value_set.HasMember("expansion") || !value_set["expansion"].HasMember("contains")) return codes;
  for (const auto& entry : value_set["expansion"]["contains"].GetArray()) codes.push_back(entry["code"].GetString());
  return codes;
}

class FhirRealCorpusTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    const char* index = std::getenv("MEDCODE_REAL_CORPUS_INDEX");
    if (index == nullptr || !std::filesystem::is_directory(index)) return;
    auto opened = Searcher::open(index);
    if (opened.is_ok()) searcher_ = std::move(opened).value().release();
  }
  static void TearDownTestSuite() {
    delete searcher_;
    searcher_ = nullptr;
  }
  void SetUp() override {
    if (searcher_ == nullptr) GTEST_SKIP() << "no full index (MEDCODE_REAL_CORPUS_INDEX; the real_corpus_index test builds it)";
  }
  rapidjson::Document get(const std::string& path, Query query, int expected_status = 200) {
    const FhirResponse response = handle_fhir_request({"GET", path, std::move(query), "", "", ""}, *searcher_);
    EXPECT_EQ(response.status, expected_status) << path << ": " << response.body;
    rapidjson::Document document;
    document.Parse(response.body.c_str(), response.body.size());
    EXPECT_FALSE(document.HasParseError()) << response.body;
    return document;
  }
  rapidjson::Document post(const std::string& path, const std::string& body) {
    const FhirResponse response = handle_fhir_request({"POST", path, {}, body, "application/fhir+json", ""}, *searcher_);
    EXPECT_EQ(response.status, 200) << path << ": " << response.body;
    rapidjson::Document document;
    document.Parse(response.body.c_str(), response.body.size());
    return document;
  }
  static Searcher* searcher_;
};

Searcher* FhirRealCorpusTest::searcher_ = nullptr;

TEST_F(FhirRealCorpusTest, LooksUpACodeOfEachCodeSetWithItsOfficialTitleAndHierarchy) {
  const auto cm = get("/CodeSystem/$lookup", {{"system", kIcd10Cm}, {"code", "I21.9"}});
  EXPECT_EQ(parameter(cm, "display"), "Acute myocardial infarction, unspecified");
  EXPECT_EQ(parameter(cm, "version"), "fy2026");
  EXPECT_EQ(property(cm, "parent"), "I21");
  EXPECT_EQ(property(cm, "notSelectable"), "false");
  const auto header = get("/CodeSystem/$lookup", {{"system", kIcd10Cm}, {"code", "I21"}});
  EXPECT_EQ(property(header, "notSelectable"), "true");  // a category is not billable

  const auto pcs = get("/CodeSystem/$lookup", {{"system", kIcd10Pcs}, {"code", "0DTJ4ZZ"}});
  EXPECT_EQ(parameter(pcs, "display"), "Resection of Appendix, Percutaneous Endoscopic Approach");
  EXPECT_EQ(property(pcs, "parent"), "0DT");

  const auto hcpcs = get("/CodeSystem/$lookup", {{"system", kHcpcs}, {"code", "E0784"}});
  EXPECT_EQ(parameter(hcpcs, "display"), "External ambulatory infusion pump, insulin");
  EXPECT_EQ(parameter(hcpcs, "name"), "HCPCSLevelII");
}

TEST_F(FhirRealCorpusTest, ValidatesCodesAndDisplaysInEachCodeSet) {
  struct Case {
    const char* system;
    const char* code;
    const char* display;
  };
  for (const Case& c : {Case{kIcd10Cm, "I21.9", "Acute myocardial infarction, unspecified"},
                        Case{kIcd10Pcs, "0DTJ4ZZ", "Resection of Appendix, Percutaneous Endoscopic Approach"},
                        Case{kHcpcs, "E0784", "External ambulatory infusion pump, insulin"}}) {
    const auto good = get("/CodeSystem/$validate-code", {{"url", c.system}, {"code", c.code}, {"display", c.display}});
    EXPECT_EQ(parameter(good, "result"), "true") << c.code;
    const auto wrong = get("/CodeSystem/$validate-code", {{"url", c.system}, {"code", c.code}, {"display", "Something else"}});
    EXPECT_EQ(parameter(wrong, "result"), "false") << c.code;
    EXPECT_NE(parameter(wrong, "message").find("Wrong Display Name 'Something else'"), std::string::npos) << c.code;
    const auto unknown = get("/CodeSystem/$validate-code", {{"url", c.system}, {"code", "ZZZZ9"}});
    EXPECT_EQ(parameter(unknown, "result"), "false");
    EXPECT_NE(parameter(unknown, "message").find("Unknown code 'ZZZZ9'"), std::string::npos) << c.system;
  }
  // In a value set: an is-a implicit value set takes the descendants only.
  const auto inside = get("/ValueSet/$validate-code",
                          {{"url", std::string(kIcd10Cm) + "?fhir_vs=isa/I21"}, {"system", kIcd10Cm}, {"code", "I21.9"}});
  EXPECT_EQ(parameter(inside, "result"), "true");
  const auto outside = get("/ValueSet/$validate-code",
                           {{"url", std::string(kIcd10Cm) + "?fhir_vs=isa/I21"}, {"system", kIcd10Cm}, {"code", "I10"}});
  EXPECT_EQ(parameter(outside, "result"), "false");
  const auto pcs = get("/ValueSet/$validate-code",
                       {{"url", std::string(kIcd10Pcs) + "?fhir_vs"}, {"system", kIcd10Pcs}, {"code", "0DTJ4ZZ"}});
  EXPECT_EQ(parameter(pcs, "result"), "true");
  const auto hcpcs = get("/ValueSet/$validate-code", {{"url", std::string(kHcpcs) + "?fhir_vs"}, {"system", kHcpcs}, {"code", "E0784"}});
  EXPECT_EQ(parameter(hcpcs, "result"), "true");
}

TEST_F(FhirRealCorpusTest, SubsumesFollowsEachCodeSetsHierarchy) {
  EXPECT_EQ(parameter(get("/CodeSystem/$subsumes", {{"system", kIcd10Cm}, {"codeA", "I21"}, {"codeB", "I21.9"}}), "outcome"),
            "subsumes");
  EXPECT_EQ(parameter(get("/CodeSystem/$subsumes", {{"system", kIcd10Cm}, {"codeA", "I21.9"}, {"codeB", "I21"}}), "outcome"),
            "subsumed-by");
  EXPECT_EQ(parameter(get("/CodeSystem/$subsumes", {{"system", kIcd10Cm}, {"codeA", "I21.9"}, {"codeB", "I10"}}), "outcome"),
            "not-subsumed");
  EXPECT_EQ(parameter(get("/CodeSystem/$subsumes", {{"system", kIcd10Pcs}, {"codeA", "0DT"}, {"codeB", "0DTJ4ZZ"}}), "outcome"),
            "subsumes");
  EXPECT_EQ(parameter(get("/CodeSystem/$subsumes", {{"system", kHcpcs}, {"codeA", "E0784"}, {"codeB", "E0784"}}), "outcome"),
            "equivalent");
}

// A filtered expansion of a whole code set is the search engine's ranking, page for page.
TEST_F(FhirRealCorpusTest, FilteredExpansionsRankAsSearchDoes) {
  struct Case {
    const char* url;
    const char* system;
    const char* filter;
    const char* expected;
  };
  for (const Case& c : {Case{kIcd10Cm, "icd10cm", "heart attack", "I21.9"},
                        Case{kIcd10Pcs, "icd10pcs", "laparoscopic appendectomy", "0DTJ4ZZ"},
                        Case{kHcpcs, "hcpcs", "insulin pump", "E0784"}}) {
    const auto expansion = get("/ValueSet/$expand", {{"url", std::string(c.url) + "?fhir_vs"}, {"filter", c.filter}, {"count", "10"}});
    const std::vector<std::string> codes = expansion_codes(expansion);
    SearchRequest request;
    request.query = c.filter;
    request.system = c.system;
    request.limit = 10;
    auto searched = searcher_->search(request);
    ASSERT_TRUE(searched.is_ok()) << searched.status().to_string();
    std::vector<std::string> ranked;
    for (const SearchHit& hit : searched.value().hits) ranked.push_back(hit.code);
    EXPECT_EQ(codes, ranked) << c.filter;
    const auto position = std::find(codes.begin(), codes.end(), c.expected);
    ASSERT_NE(position, codes.end()) << c.filter;
    EXPECT_LT(position - codes.begin(), 5) << c.filter;
  }
  // The second page continues the first.
  const auto second = get("/ValueSet/$expand", {{"url", std::string(kIcd10Cm) + "?fhir_vs"}, {"filter", "heart attack"},
                                                {"count", "5"}, {"offset", "5"}});
  const auto first = get("/ValueSet/$expand", {{"url", std::string(kIcd10Cm) + "?fhir_vs"}, {"filter", "heart attack"}, {"count", "10"}});
  const auto all = expansion_codes(first);
  ASSERT_EQ(all.size(), 10u);
  EXPECT_EQ(expansion_codes(second), std::vector<std::string>(all.begin() + 5, all.end()));
}

TEST_F(FhirRealCorpusTest, ExpandsAHierarchyAndRefusesAWholeCodeSet) {
  const auto family = get("/ValueSet/$expand", {{"url", std::string(kIcd10Cm) + "?fhir_vs=isa/I21"}});
  const auto codes = expansion_codes(family);
  EXPECT_NE(std::find(codes.begin(), codes.end(), "I21.9"), codes.end());
  EXPECT_NE(std::find(codes.begin(), codes.end(), "I21.A1"), codes.end());
  EXPECT_EQ(std::find(codes.begin(), codes.end(), "I10"), codes.end());
  const auto table = get("/ValueSet/$expand", {{"url", std::string(kIcd10Pcs) + "?fhir_vs=isa/0DT"}, {"count", "2000"}});
  const auto pcs_codes = expansion_codes(table);
  EXPECT_NE(std::find(pcs_codes.begin(), pcs_codes.end(), "0DTJ4ZZ"), pcs_codes.end());
  // All of HCPCS without a filter or a count is too costly, as an OperationOutcome.
  const auto refused = get("/ValueSet/$expand", {{"url", std::string(kHcpcs) + "?fhir_vs"}}, 422);
  EXPECT_EQ(std::string(refused["resourceType"].GetString()), "OperationOutcome");
  EXPECT_EQ(std::string(refused["issue"][0]["code"].GetString()), "too-costly");
}

TEST_F(FhirRealCorpusTest, BatchValidatesCodesOfSeveralCodeSets) {
  const auto batch = post("/ValueSet/$batch-validate-code", std::string(R"({"resourceType":"Parameters","parameter":[
    {"name":"validation","resource":{"resourceType":"Parameters","parameter":[
      {"name":"url","valueUri":")") + kIcd10Cm + R"(?fhir_vs"},{"name":"coding","valueCoding":{"system":")" + kIcd10Cm + R"(","code":"I21.9"}}]}},
    {"name":"validation","resource":{"resourceType":"Parameters","parameter":[
      {"name":"url","valueUri":")" + kHcpcs + R"(?fhir_vs"},{"name":"coding","valueCoding":{"system":")" + kHcpcs + R"(","code":"E0784"}}]}},
    {"name":"validation","resource":{"resourceType":"Parameters","parameter":[
      {"name":"url","valueUri":")" + kIcd10Pcs + R"(?fhir_vs"},{"name":"coding","valueCoding":{"system":")" + kIcd10Pcs + R"(","code":"0DTJ4ZZX"}}]}}]})");
  ASSERT_TRUE(batch.IsObject());
  const auto& results = batch["parameter"];
  ASSERT_EQ(results.Size(), 3u);
  std::vector<std::string> outcomes;
  for (const auto& result : results.GetArray()) {
    rapidjson::Document one;
    one.CopyFrom(result["resource"], one.GetAllocator());
    outcomes.push_back(parameter(one, "result"));
  }
  EXPECT_EQ(outcomes, (std::vector<std::string>{"true", "true", "false"}));
}

TEST_F(FhirRealCorpusTest, TranslatesThroughTheGems) {
  const auto diagnosis = get("/ConceptMap/$translate", {{"system", kIcd9Cm}, {"code", "410.91"}, {"targetsystem", kIcd10Cm}});
  EXPECT_EQ(parameter(diagnosis, "result"), "true");
  bool found = false;
  for (const auto& item : diagnosis["parameter"].GetArray()) {
    if (std::string(item["name"].GetString()) != "match") continue;
    for (const auto& part : item["part"].GetArray()) {
      if (std::string(part["name"].GetString()) == "concept" && std::string(part["valueCoding"]["code"].GetString()) == "I21.9") {
        found = true;
      }
    }
  }
  EXPECT_TRUE(found) << "410.91 should map to I21.9";
  const auto procedure = get("/ConceptMap/$translate", {{"system", kIcd9Cm}, {"code", "47.09"}, {"targetsystem", kIcd10Pcs}});
  EXPECT_EQ(parameter(procedure, "result"), "true");
  // Back from ICD-10-PCS to ICD-9-CM.
  const auto back = get("/ConceptMap/$translate", {{"system", kIcd10Pcs}, {"code", "0DTJ0ZZ"}, {"targetsystem", kIcd9Cm}});
  EXPECT_EQ(parameter(back, "result"), "true");
}

}  // namespace
}  // namespace medcode::searcher::fhir
