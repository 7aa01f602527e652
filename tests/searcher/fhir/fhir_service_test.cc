// The FHIR operations as function calls over the fixture index, with code systems passed
// as tx-resource the way the HL7 Java validator sends them.
#include "searcher/fhir/fhir_service.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>

#include "searcher/engine/searcher.h"
#include "searcher/fhir/resource_store.h"
#include "searcher/fhir/terminology_registry.h"
#include "tests/support/fixture_corpus.h"

namespace medcode::searcher::fhir {
namespace {

// A two-level code system: parent (abstract) with child-a and child-b; retired is inactive.
constexpr const char* kCodeSystem = R"({"resourceType":"CodeSystem","url":"http://example.org/cs","version":"1.0.0",
 "name":"Example","status":"active","content":"complete","caseSensitive":true,
 "property":[{"code":"status","uri":"http://hl7.org/fhir/concept-properties#status","type":"code"},
             {"code":"notSelectable","uri":"http://hl7.org/fhir/concept-properties#notSelectable","type":"boolean"}],
 "concept":[{"code":"parent","display":"Parent","property":[{"code":"notSelectable","valueBoolean":true}],
   "concept":[{"code":"child-a","display":"Child A"},{"code":"child-b","display":"Child B"}]},
  {"code":"retired","display":"Retired one","property":[{"code":"status","valueCode":"retired"}]}]})";

std::string with_resources(const std::string& parameters) {
  return std::string(R"({"resourceType":"Parameters","parameter":[{"name":"tx-resource","resource":)") + kCodeSystem +
         "}" + (parameters.empty() ? "" : "," + parameters) + "]}";
}

class FhirServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto opened = Searcher::open(testing::shared_fixture_index());
    ASSERT_TRUE(opened.is_ok()) << opened.status().to_string();
    searcher_ = std::move(opened).value();
  }
  FhirResponse post(const std::string& path, const std::string& body) {
    return handle_fhir_request({"POST", path, {}, body, "application/fhir+json", ""}, *searcher_);
  }
  FhirResponse get(const std::string& path, std::vector<std::pair<std::string, std::string>> query) {
    return handle_fhir_request({"GET", path, std::move(query), "", "", ""}, *searcher_);
  }
  std::unique_ptr<Searcher> searcher_;
};

TEST_F(FhirServiceTest, MetadataDeclaresATerminologyServer) {
  const FhirResponse response = get("/metadata", {});
  EXPECT_EQ(response.status, 200);
  EXPECT_NE(response.body.find("\"instantiates\":[\"http://hl7.org/fhir/CapabilityStatement/terminology-server\"]"),
            std::string::npos);
  const FhirResponse terminology = get("/metadata", {{"mode", "terminology"}});
  EXPECT_NE(terminology.body.find("\"resourceType\":\"TerminologyCapabilities\""), std::string::npos);
  EXPECT_NE(terminology.body.find("\"uri\":\"http://hl7.org/fhir/sid/icd-10-cm\""), std::string::npos) << terminology.body;
  EXPECT_NE(terminology.body.find("{\"name\":\"tx-resource\"}"), std::string::npos);
}

TEST_F(FhirServiceTest, ExpandsAnIsAFilterOverATxResourceCodeSystem) {
  const FhirResponse response = post("/ValueSet/$expand", with_resources(R"({"name":"url","valueUri":"http://example.org/cs?fhir_vs=isa/parent"})"));
  ASSERT_EQ(response.status, 200) << response.body;
  EXPECT_NE(response.body.find("\"total\":3"), std::string::npos) << response.body;
  EXPECT_NE(response.body.find("{\"system\":\"http://example.org/cs\",\"abstract\":true,\"code\":\"parent\",\"display\":\"Parent\"}"),
            std::string::npos);
  EXPECT_NE(response.body.find("\"code\":\"child-b\""), std::string::npos);
  EXPECT_EQ(response.body.find("\"code\":\"retired\""), std::string::npos);
  EXPECT_NE(response.body.find("{\"name\":\"used-codesystem\",\"valueUri\":\"http://example.org/cs|1.0.0\"}"), std::string::npos);
}

// A concept property asked for travels as R4's cross-version extension (R4 has no
// contains.property), so R4 clients and the R4 schema accept the expansion.
TEST_F(FhirServiceTest, ExpansionPropertiesAreR4CrossVersionExtensions) {
  const FhirResponse response = post("/ValueSet/$expand", with_resources(
      R"({"name":"url","valueUri":"http://example.org/cs?fhir_vs"},{"name":"property","valueString":"status"})"));
  ASSERT_EQ(response.status, 200) << response.body;
  EXPECT_NE(response.body.find(R"("code":"retired","display":"Retired one","extension":[{"url":"http://hl7.org/fhir/5.0/StructureDefinition/extension-ValueSet.expansion.contains.property","extension":[{"url":"code","valueCode":"status"},{"url":"value","valueCode":"retired"}]}]})"),
            std::string::npos) << response.body;
  EXPECT_EQ(response.body.find("\"property\":["), std::string::npos) << response.body;
}

TEST_F(FhirServiceTest, ValidatesCodesWithTheHl7Messages) {
  const FhirResponse good = post("/CodeSystem/$validate-code",
                                 with_resources(R"({"name":"url","valueUri":"http://example.org/cs"},{"name":"code","valueCode":"child-a"})"));
  EXPECT_NE(good.body.find("{\"name\":\"result\",\"valueBoolean\":true}"), std::string::npos) << good.body;
  EXPECT_NE(good.body.find("{\"name\":\"display\",\"valueString\":\"Child A\"}"), std::string::npos);
  const FhirResponse unknown = post("/CodeSystem/$validate-code",
                                    with_resources(R"({"name":"url","valueUri":"http://example.org/cs"},{"name":"code","valueCode":"nope"})"));
  EXPECT_NE(unknown.body.find("{\"name\":\"result\",\"valueBoolean\":false}"), std::string::npos);
  EXPECT_NE(unknown.body.find("Unknown code 'nope' in the CodeSystem 'http://example.org/cs' version '1.0.0'"), std::string::npos)
      << unknown.body;
  const FhirResponse display = post("/CodeSystem/$validate-code",
                                    with_resources(R"({"name":"url","valueUri":"http://example.org/cs"},{"name":"code","valueCode":"child-a"},{"name":"display","valueString":"Child X"})"));
  EXPECT_NE(display.body.find("Wrong Display Name 'Child X' for http://example.org/cs#child-a. Valid display is 'Child A' (en)"),
            std::string::npos) << display.body;
  EXPECT_NE(display.body.find("\"code\":\"invalid-display\""), std::string::npos);
}

TEST_F(FhirServiceTest, LooksUpAndSubsumesIcd10CmCodesOfTheIndex) {
  const FhirResponse lookup = get("/CodeSystem/$lookup", {{"system", "http://hl7.org/fhir/sid/icd-10-cm"}, {"code", "I21.9"}});
  ASSERT_EQ(lookup.status, 200) << lookup.body;
  EXPECT_NE(lookup.body.find("{\"name\":\"display\",\"valueString\":\"Acute myocardial infarction, unspecified\"}"), std::string::npos)
      << lookup.body;
  EXPECT_NE(lookup.body.find("{\"name\":\"code\",\"valueCode\":\"parent\"},{\"name\":\"value\",\"valueCode\":\"I21\"}"),
            std::string::npos);
  const FhirResponse subsumes = get("/CodeSystem/$subsumes", {{"system", "http://hl7.org/fhir/sid/icd-10-cm"}, {"codeA", "I21"}, {"codeB", "I21.9"}});
  EXPECT_NE(subsumes.body.find("{\"name\":\"outcome\",\"valueCode\":\"subsumes\"}"), std::string::npos) << subsumes.body;
}

TEST_F(FhirServiceTest, ErrorsAreOperationOutcomes) {
  const FhirResponse unknown = get("/CodeSystem/$lookup", {{"system", "http://example.org/none"}, {"code", "x"}});
  EXPECT_EQ(unknown.status, 404);
  EXPECT_NE(unknown.body.find("\"resourceType\":\"OperationOutcome\""), std::string::npos);
  EXPECT_NE(unknown.body.find("A definition for CodeSystem 'http://example.org/none' could not be found"), std::string::npos);
  const FhirResponse not_json = post("/ValueSet/$expand", "{not json");
  EXPECT_EQ(not_json.status, 400);
  EXPECT_NE(not_json.body.find("The request body is not JSON"), std::string::npos) << not_json.body;
  const FhirResponse costly = get("/ValueSet/$expand", {{"url", "http://hl7.org/fhir/sid/icd-10-cm?fhir_vs"}});
  EXPECT_EQ(costly.status, 422);
  EXPECT_NE(costly.body.find("\"code\":\"too-costly\""), std::string::npos) << costly.body;
  const FhirResponse route = get("/Patient/1", {});
  EXPECT_EQ(route.status, 404);
}

// Hostile or malformed input gets a 400 naming what is wrong, never a crash.
TEST_F(FhirServiceTest, RefusesDeepJsonEmptyConceptsBadRegexesAndBadFilterText) {
  const FhirResponse deep = post("/ValueSet/$expand", std::string(100000, '[') + std::string(100000, ']'));
  EXPECT_EQ(deep.status, 400);
  EXPECT_NE(deep.body.find("nests arrays and objects deeper than 128 levels"), std::string::npos) << deep.body;
  const FhirResponse empty = post("/CodeSystem/$validate-code",
                                  with_resources(R"({"name":"url","valueUri":"http://example.org/cs"},{"name":"codeableConcept","valueCodeableConcept":{"text":"x"}})"));
  EXPECT_EQ(empty.status, 400);
  EXPECT_NE(empty.body.find("Parameter 'codeableConcept' has no coding to validate"), std::string::npos) << empty.body;
  auto regex_set = [](const std::string& pattern) {
    return R"({"name":"valueSet","resource":{"resourceType":"ValueSet","url":"http://example.org/vs","status":"active",
      "compose":{"include":[{"system":"http://example.org/cs","filter":[{"property":"code","op":"regex","value":")" +
           pattern + R"("}]}]}}})";
  };
  const FhirResponse matched = post("/ValueSet/$expand", with_resources(regex_set("child-.*")));
  EXPECT_NE(matched.body.find("\"total\":2"), std::string::npos) << matched.body;
  const FhirResponse bad_regex = post("/ValueSet/$expand", with_resources(regex_set("child-(")));
  EXPECT_EQ(bad_regex.status, 400);
  EXPECT_NE(bad_regex.body.find("is not a valid regular expression"), std::string::npos) << bad_regex.body;
  const FhirResponse long_filter = get("/ValueSet/$expand", {{"url", "http://hl7.org/fhir/sid/icd-10-cm?fhir_vs"},
                                                            {"filter", std::string(600, 'a')}});
  EXPECT_EQ(long_filter.status, 400);
  EXPECT_NE(long_filter.body.find("Parameter 'filter': parameter \\\"q\\\": 600 bytes exceeds maximum 512"), std::string::npos)
      << long_filter.body;
}

TEST_F(FhirServiceTest, AnImportCycleIsReportedWithItsPathway) {
  const std::string cycle = R"({"name":"tx-resource","resource":{"resourceType":"ValueSet","url":"http://example.org/a","version":"1","status":"active",
      "compose":{"include":[{"valueSet":["http://example.org/b"]}]}}},
    {"name":"tx-resource","resource":{"resourceType":"ValueSet","url":"http://example.org/b","version":"1","status":"active",
      "compose":{"include":[{"valueSet":["http://example.org/a"]}]}}},
    {"name":"url","valueUri":"http://example.org/a"})";
  const FhirResponse response = post("/ValueSet/$expand", with_resources(cycle));
  EXPECT_EQ(response.status, 400);
  EXPECT_NE(response.body.find("Found a circularity pointing to http://example.org/a|1 processing ValueSet with pathway "
                               "[http://example.org/a|1, http://example.org/b|1]"),
            std::string::npos) << response.body;
}

// Stored resources (medcode-server --fhir-resources): a code system file and a Bundle with a
// value set over it, read by id, searched by url, and used by the operations without
// tx-resource.
TEST_F(FhirServiceTest, ServesStoredCodeSystemsAndValueSets) {
  testing::TempDir dir;
  {
    std::ofstream(dir / "example-cs.json") << kCodeSystem;
    std::ofstream(dir / "bundle.json") << R"({"resourceType":"Bundle","type":"collection","entry":[{"resource":
      {"resourceType":"ValueSet","id":"children","url":"http://example.org/vs/children","version":"2","status":"active",
       "compose":{"include":[{"system":"http://example.org/cs","filter":[{"property":"concept","op":"descendent-of","value":"parent"}]}]}}}]})";
    std::ofstream(dir / "notes.txt") << "not JSON, and not read: only *.json files are";
  }
  auto loaded = ResourceStore::load_directory(dir.path());
  ASSERT_TRUE(loaded.is_ok()) << loaded.status().to_string();
  const ResourceStore& store = *loaded.value();
  EXPECT_EQ(store.size(), 2u);
  auto stored_get = [&](const std::string& path, std::vector<std::pair<std::string, std::string>> query) {
    return handle_fhir_request({"GET", path, std::move(query), "", "", ""}, *searcher_, &store);
  };
  const FhirResponse read = stored_get("/ValueSet/children", {});
  EXPECT_EQ(read.status, 200);
  EXPECT_NE(read.body.find("\"url\":\"http://example.org/vs/children\""), std::string::npos) << read.body;
  EXPECT_EQ(stored_get("/ValueSet/none", {}).status, 404);
  const FhirResponse search = stored_get("/CodeSystem", {{"url", "http://example.org/cs"}});
  EXPECT_NE(search.body.find("\"type\":\"searchset\",\"total\":1"), std::string::npos) << search.body;
  EXPECT_NE(stored_get("/ValueSet", {{"url", "http://example.org/other"}}).body.find("\"total\":0"), std::string::npos);
  EXPECT_EQ(stored_get("/ValueSet", {{"name", "x"}}).status, 400);

  const FhirResponse expanded = stored_get("/ValueSet/$expand", {{"url", "http://example.org/vs/children"}});
  ASSERT_EQ(expanded.status, 200) << expanded.body;
  EXPECT_NE(expanded.body.find("\"total\":2"), std::string::npos) << expanded.body;
  EXPECT_NE(expanded.body.find("\"code\":\"child-a\""), std::string::npos);
  EXPECT_EQ(expanded.body.find("\"code\":\"parent\""), std::string::npos);
  const FhirResponse valid = stored_get("/ValueSet/$validate-code", {{"url", "http://example.org/vs/children"},
                                                                     {"system", "http://example.org/cs"}, {"code", "child-b"}});
  EXPECT_NE(valid.body.find("{\"name\":\"result\",\"valueBoolean\":true}"), std::string::npos) << valid.body;
  // Without the store, the same value set is unknown.
  EXPECT_EQ(get("/ValueSet/$expand", {{"url", "http://example.org/vs/children"}}).status, 404);
}

TEST_F(FhirServiceTest, AStoredFileThatIsNotAResourceIsRefusedByName) {
  testing::TempDir dir;
  std::ofstream(dir / "broken.json") << R"({"resourceType":"ValueSet","url":)";
  auto broken = ResourceStore::load_directory(dir.path());
  ASSERT_FALSE(broken.is_ok());
  EXPECT_NE(broken.status().message().find("broken.json: not a JSON object"), std::string::npos) << broken.status().message();
  EXPECT_FALSE(ResourceStore::load_directory(dir / "missing").is_ok());
}

// Versions come from requests, and std::sort needs a strict weak order over whatever they
// send: numbers by value and before words, no cycle such as 9 < 10 < 1a < 9.
TEST(VersionOrderTest, IsAStrictWeakOrderOverMixedVersions) {
  std::vector<std::string> versions = {"9", "10", "1a", "1.0.0", "1.2.0", "1.10.0", "01", "1", "a", "B", "2.x", "1.0",
                                       "0.9", "10.0.1", "1a.2", "x", "", "1.0.0-beta", "2026", "fy2025", "fy2026"};
  for (int i = 0; i < 3; ++i) versions.insert(versions.end(), versions.begin(), versions.begin() + 21);
  std::sort(versions.begin(), versions.end(), version_less);
  EXPECT_TRUE(std::is_sorted(versions.begin(), versions.end(), version_less));
  for (const std::string& a : versions) {
    EXPECT_FALSE(version_less(a, a)) << a;
    for (const std::string& b : versions) {
      if (version_less(a, b)) {
        EXPECT_FALSE(version_less(b, a)) << a << " " << b;
      }
    }
  }
  EXPECT_TRUE(version_less("9", "10"));
  EXPECT_TRUE(version_less("1.2.0", "1.10.0"));
  EXPECT_TRUE(version_less("10", "1a"));  // a number before a word
  EXPECT_FALSE(version_less("1a", "9"));
  EXPECT_TRUE(version_less("fy2025", "fy2026"));
}

}  // namespace
}  // namespace medcode::searcher::fhir
