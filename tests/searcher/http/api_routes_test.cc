// Every route as a function call: no socket.
#include "searcher/http/api_routes.h"

#include <gtest/gtest.h>

#include "tests/support/fixture_corpus.h"

namespace medcode::searcher {
namespace {

class ApiRoutesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto opened = ReloadingSearcher::open(testing::shared_fixture_index());
    ASSERT_TRUE(opened.is_ok()) << opened.status().to_string();
    searcher_ = std::move(opened).value();
  }
  HttpResponse get(const std::string& target, const std::string& method = "GET") {
    Route route;
    HttpResponse response = handle_request({method, target}, *searcher_, metrics_, route);
    last_route_ = route;
    return response;
  }
  std::unique_ptr<ReloadingSearcher> searcher_;
  Metrics metrics_;
  Route last_route_ = Route::kOther;
};

TEST_F(ApiRoutesTest, SearchReturnsRankedJson) {
  const HttpResponse response = get("/v1/search?q=high+blood+pressure&limit=1");
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.content_type, "application/json");
  EXPECT_EQ(last_route_, Route::kSearch);
  EXPECT_NE(response.body.find("\"code\":\"I10\""), std::string::npos) << response.body;
  EXPECT_NE(response.body.find("\"snippet\":"), std::string::npos);
  EXPECT_NE(response.body.find("\"hierarchy\":{\"chapter\":\"9\""), std::string::npos);
}

// A coding question: /v1/answer answers it; /v1/search adds the answer to its results,
// and a phrase gets none.
TEST_F(ApiRoutesTest, AnswerRouteAndTheSearchAnswerField) {
  const HttpResponse answer = get("/v1/answer?q=is+I21+billable");
  ASSERT_EQ(answer.status, 200) << answer.body;
  EXPECT_EQ(last_route_, Route::kAnswer);
  EXPECT_EQ(answer.body.rfind("{\"type\":\"billable\",\"question\":{\"codes\":[\"I21\"]}", 0), 0u) << answer.body;
  EXPECT_NE(answer.body.find("{\"code\":\"I21.9\",\"system\":\"icd10cm\",\"title\":\"Acute myocardial infarction, "
                             "unspecified\",\"billable\":true,\"role\":\"billable_code\"}"),
            std::string::npos) << answer.body;
  EXPECT_NE(answer.body.find("\"href\":\"/code/icd10cm/I21\""), std::string::npos) << answer.body;
  const HttpResponse not_question = get("/v1/answer?q=colles+fracture");
  EXPECT_EQ(not_question.body.rfind("{\"type\":\"none\"", 0), 0u) << not_question.body;
  const HttpResponse search = get("/v1/search?q=guidelines+for+sepsis&limit=1");
  EXPECT_NE(search.body.find("\"answer\":{\"type\":\"guidelines\""), std::string::npos) << search.body;
  EXPECT_EQ(get("/v1/search?q=colles+fracture&limit=1").body.find("\"answer\""), std::string::npos);
  EXPECT_EQ(get("/v1/answer?q=").status, 400);
  // The results are for what the question asks about, the query echoed as typed.
  const HttpResponse about = get("/v1/search?q=what+is+the+code+for+colles+fracture&limit=1");
  EXPECT_EQ(about.body.rfind("{\"query\":\"what is the code for colles fracture\",\"results\":[{\"code\":\"S52.53", 0), 0u)
      << about.body;
  // Later pages list the same results and build no answer.
  const HttpResponse page2 = get("/v1/search?q=what+is+the+code+for+colles+fracture&limit=1&offset=1");
  EXPECT_EQ(page2.body.find("\"answer\""), std::string::npos) << page2.body;
  EXPECT_NE(page2.body.find("\"code\":\"S52.53"), std::string::npos) << page2.body;
  const HttpResponse pair = get("/v1/search?q=I21.01+vs+I21.9&limit=1");
  EXPECT_NE(pair.body.find("\"results\":[{\"code\":\"I21.01\""), std::string::npos) << pair.body;
}

TEST_F(ApiRoutesTest, SearchChangedInARelease) {
  const HttpResponse changed = get("/v1/search?q=neurodevelopmental&changed_in=fy2026&system=icd10cm");
  ASSERT_EQ(changed.status, 200) << changed.body;
  EXPECT_NE(changed.body.find("\"code\":\"QA0.0\""), std::string::npos) << changed.body;
  EXPECT_EQ(get("/v1/search?q=cholera&changed_in=fy2026&system=icd10cm").body.find("\"code\":\"A00"), std::string::npos);
  const HttpResponse deleted = get("/v1/search?q=contusion+abdominal+wall&changed_in=fy2026");
  EXPECT_NE(deleted.body.find("\"code\":\"S30.1XXA\""), std::string::npos) << deleted.body;
  const HttpResponse unknown = get("/v1/search?q=cholera&changed_in=fy2019");
  EXPECT_EQ(unknown.status, 400);
  EXPECT_NE(unknown.body.find("parameter \\\"changed_in\\\""), std::string::npos) << unknown.body;
}

// release= limits results to the codes valid in that release and says so; a code's
// detail names the releases it is valid in.
// Page 2 holds the results after page 1 (offset > 0 once returned nothing).
TEST_F(ApiRoutesTest, SearchPagesWithOffset) {
  const HttpResponse first = get("/v1/search?q=fracture&system=icd10cm&limit=4");
  const HttpResponse second = get("/v1/search?q=fracture&system=icd10cm&limit=2&offset=2");
  ASSERT_EQ(first.status, 200);
  ASSERT_EQ(second.status, 200) << second.body;
  auto codes = [](const std::string& body) {
    std::vector<std::string> found;
    for (std::size_t at = body.find("\"code\":\""); at != std::string::npos; at = body.find("\"code\":\"", at + 1)) {
      const std::size_t start = at + 8;
      found.push_back(body.substr(start, body.find('"', start) - start));
    }
    return found;
  };
  const std::vector<std::string> all = codes(first.body), page = codes(second.body);
  ASSERT_EQ(all.size(), 4u) << first.body;
  EXPECT_EQ(page, (std::vector<std::string>{all[2], all[3]})) << second.body;
  const HttpResponse guideline = get("/v1/guidelines/search?q=sepsis&limit=1&offset=1");
  EXPECT_EQ(guideline.status, 200);
  EXPECT_NE(guideline.body.find("\"code\":"), std::string::npos) << guideline.body;
}

TEST_F(ApiRoutesTest, SearchAndDetailKnowReleases) {
  const HttpResponse old = get("/v1/search?q=S30.1XXA&release=fy2025");
  EXPECT_EQ(old.status, 200);
  EXPECT_NE(old.body.find("\"release\":\"fy2025\""), std::string::npos) << old.body;
  EXPECT_NE(old.body.find("\"code\":\"S30.1XXA\""), std::string::npos) << old.body;
  const HttpResponse detail = get("/v1/codes/icd10cm/S30.1XXA");
  EXPECT_NE(detail.body.find("\"validity\":{\"valid_in\":[\"fy2025\"],\"from_release\":null,\"from_date\":null,"
                             "\"until_release\":\"fy2026\",\"through_date\":\"2025-09-30\","
                             "\"earliest_release_known\":\"fy2025\"}"),
            std::string::npos)
      << detail.body;
  const HttpResponse health = get("/healthz");
  EXPECT_NE(health.body.find("\"releases\":[\"fy2025\",\"fy2026\",\"2025-oct\"]"), std::string::npos) << health.body;
}

TEST_F(ApiRoutesTest, SearchFiltersBillable) {
  const HttpResponse response = get("/v1/search?q=I21&billable=true");
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.body.find("\"billable\":false"), std::string::npos) << response.body;
}

// Each bad parameter is named, with status 400.
TEST_F(ApiRoutesTest, BadParametersAre400NamingTheParameter) {
  const struct {
    const char* target;
    const char* message;
  } rows[] = {
      {"/v1/search?q=", "parameter \\\"q\\\": query is empty"},
      {"/v1/search?q=x&limit=500", "parameter \\\"limit\\\": 500 exceeds maximum 200"},
      {"/v1/search?q=x&limit=abc", "parameter \\\"limit\\\": \\\"abc\\\" is not a whole number"},
      {"/v1/search?q=x&billable=maybe", "parameter \\\"billable\\\": \\\"maybe\\\" must be true or false"},
      {"/v1/search?q=x&system=Bad%20System", "parameter \\\"system\\\": \\\"Bad System\\\" is not a system name"},
      {"/v1/suggest?q=", "parameter \\\"q\\\": query is empty"},
      {"/v1/search?q=x&release=fy1999", "parameter \\\"release\\\": \\\"fy1999\\\" is not a release this index knows"},
      {"/v1/search?q=x&offset=-1", "parameter \\\"offset\\\": -1 must be 0 or more"},
      {"/v1/search?q=x&include_deleted=yes", "parameter \\\"include_deleted\\\": \\\"yes\\\" must be true or false"},
      {"/v1/search?q=asthma&lmit=5",
       "unknown parameter \\\"lmit\\\" for /v1/search; it accepts q, system, release, changed_in, billable, "
       "include_deleted, limit, offset"},
      {"/v1/suggest?q=asth&offset=5", "unknown parameter \\\"offset\\\" for /v1/suggest; it accepts q, system, release, limit"},
      {"/v1/codes/icd10cm/I10?verbose=1", "unknown parameter \\\"verbose\\\" for /v1/codes/icd10cm/I10; it takes no parameters"},
  };
  for (const auto& row : rows) {
    const HttpResponse response = get(row.target);
    EXPECT_EQ(response.status, 400) << row.target;
    EXPECT_EQ(response.body.rfind("{\"error\":{\"code\":\"invalid_argument\",\"message\":", 0), 0u) << response.body;
    EXPECT_NE(response.body.find(row.message), std::string::npos) << response.body;
  }
}

// The page's URL may carry parameters from elsewhere (tracking, its own state).
TEST_F(ApiRoutesTest, ThePageTakesAnyParameters) {
  EXPECT_EQ(get("/?q=asthma&page=2&utm_source=mail").status, 200);
  EXPECT_EQ(last_route_, Route::kPage);
}

TEST_F(ApiRoutesTest, DeletedCodesHaveAStatusAndAreFoundByTextOnlyWhenAsked) {
  const HttpResponse typed = get("/v1/search?q=S30.1XXA");
  EXPECT_NE(typed.body.find("\"code\":\"S30.1XXA\",\"system\":\"icd10cm\""), std::string::npos) << typed.body;
  EXPECT_NE(typed.body.find("\"status\":\"deleted\""), std::string::npos) << typed.body;
  EXPECT_EQ(get("/v1/search?q=contusion+abdominal+wall").body.find("S30.1XXA"), std::string::npos);
  const HttpResponse included = get("/v1/search?q=contusion+abdominal+wall&include_deleted=true&limit=50");
  EXPECT_NE(included.body.find("\"code\":\"S30.1XXA\""), std::string::npos) << included.body;
  const HttpResponse detail = get("/v1/codes/icd10cm/S30.1XXA");
  EXPECT_NE(detail.body.find("\"status\":\"deleted\",\"replaced_by\":["), std::string::npos) << detail.body;
  EXPECT_NE(get("/v1/codes/icd10cm/I10").body.find("\"status\":\"active\",\"replaced_by\":[]"), std::string::npos);
}

TEST_F(ApiRoutesTest, CodeDetailCarriesHierarchyNotesAndSeventhCharacters) {
  const HttpResponse response = get("/v1/codes/icd10cm/S52.531A");
  EXPECT_EQ(response.status, 200);
  const std::string& body = response.body;
  EXPECT_NE(body.find("\"code\":\"S52.531A\""), std::string::npos);
  EXPECT_NE(body.find("\"times_reported\":0,"), std::string::npos) << body;  // the fixture corpus has no counts
  EXPECT_NE(body.find("\"ancestors\":[{\"code\":\"S52\""), std::string::npos) << body;
  EXPECT_NE(body.find("\"from_code\":\"S52\",\"options\":[{\"character\":\"A\""), std::string::npos) << body;
  EXPECT_NE(body.find("{\"kind\":\"code_first\",\"text\":\"traumatic amputation of forearm (S58.-)\","
                      "\"release_year\":2021,\"from_code\":\"S52\"}"),
            std::string::npos)
      << body;
  const HttpResponse parent = get("/v1/codes/icd10cm/I21");
  EXPECT_NE(parent.body.find("\"children\":[{\"code\":\"I21.0\""), std::string::npos) << parent.body;
  EXPECT_NE(parent.body.find("\"index_entries\":[]"), std::string::npos);
  const HttpResponse indexed = get("/v1/codes/icd10cm/I10");
  EXPECT_NE(indexed.body.find("\"inclusion_terms\":{\"release_year\":2021,\"terms\":[\"high blood pressure\""),
            std::string::npos)
      << indexed.body;
}

TEST_F(ApiRoutesTest, GuidelineRoutesSearchAndShowSections) {
  const HttpResponse found = get("/v1/guidelines/search?q=sepsis%20guidelines&limit=2");
  EXPECT_EQ(found.status, 200);
  EXPECT_NE(found.body.find("\"code\":\"I.C.1.d"), std::string::npos) << found.body;
  EXPECT_NE(found.body.find("\"system\":\"guidelines\""), std::string::npos);
  const HttpResponse section = get("/v1/guidelines/I.C.9.a.2");
  EXPECT_EQ(section.status, 200);
  EXPECT_NE(section.body.find("\"title\":\"Hypertensive Chronic Kidney Disease\""), std::string::npos);
  EXPECT_NE(section.body.find("\"referenced_codes\":[\"I12\",\"N18\"]"), std::string::npos) << section.body;
  const HttpResponse missing = get("/v1/guidelines/I.Z.9");
  EXPECT_EQ(missing.status, 404);
  EXPECT_NE(missing.body.find(R"(guideline section \"I.Z.9\" not found)"), std::string::npos) << missing.body;
  EXPECT_EQ(get("/v1/guidelines/search?q=sepsis&limit=0").status, 400);
  EXPECT_EQ(get("/guideline/I.C.9.a.2").body, get("/").body);  // deep link serves the page
  // A code's detail names the sections about it.
  const HttpResponse code = get("/v1/codes/icd10cm/I10");
  EXPECT_NE(code.body.find("\"guidelines\":[{\"section\":\"I.C.9.a\",\"title\":\"Hypertension\","
                           "\"via_code\":\"I10\"}"),
            std::string::npos)
      << code.body;
}

TEST_F(ApiRoutesTest, EverySystemFiltersAndShowsItsDetail) {
  const HttpResponse pcs = get("/v1/search?q=appendix&system=icd10pcs");
  EXPECT_EQ(pcs.status, 200);
  EXPECT_EQ(pcs.body.find("\"system\":\"icd10cm\""), std::string::npos);
  const HttpResponse detail = get("/v1/codes/hcpcs/J0135");
  EXPECT_EQ(detail.status, 200);
  EXPECT_NE(detail.body.find("{\"name\":\"Status\",\"value\":\"Terminated\""), std::string::npos) << detail.body;
  EXPECT_NE(detail.body.find("\"billable\":false"), std::string::npos);
}

TEST_F(ApiRoutesTest, UnknownCodeAndRouteAre404) {
  const HttpResponse code = get("/v1/codes/icd10cm/Z99.999");
  EXPECT_EQ(code.status, 404);
  EXPECT_EQ(code.body, "{\"error\":{\"code\":\"not_found\",\"message\":\"code \\\"Z99.999\\\" not found in icd10cm\"}}");
  const HttpResponse route = get("/v2/nothing");
  EXPECT_EQ(route.status, 404);
  EXPECT_EQ(route.body, "{\"error\":{\"code\":\"not_found\",\"message\":\"no route for /v2/nothing\"}}");
  EXPECT_EQ(get("/assets/missing.js").status, 404);
}

// A system the index does not serve: 400 on the searches (a bad parameter), 404 on a code's
// page (its path names nothing here, like an unknown code); each lists what is served.
TEST_F(ApiRoutesTest, UnservedSystemIs400ListingTheSystemsServed) {
  const std::string served =
      " is not served by this index; it serves icd10cm, icd10pcs, hcpcs, guidelines\"}}";
  for (const char* target : {"/v1/search?q=diabetes&system=icd9", "/v1/search?q=250.00&system=icd9",
                             "/v1/suggest?q=diab&system=icd9"}) {
    const HttpResponse response = get(target);
    EXPECT_EQ(response.status, 400) << target;
    EXPECT_EQ(response.body, "{\"error\":{\"code\":\"invalid_argument\",\"message\":\"parameter "
                             "\\\"system\\\": \\\"icd9\\\"" + served)
        << target;
  }
  const HttpResponse code = get("/v1/codes/icd9/250.00");
  EXPECT_EQ(code.status, 404);
  EXPECT_EQ(code.body, "{\"error\":{\"code\":\"not_found\",\"message\":\"system \\\"icd9\\\"" + served);
}

TEST_F(ApiRoutesTest, OtherMethodsAre405WithAllow) {
  const HttpResponse response = get("/v1/search?q=x", "DELETE");
  EXPECT_EQ(response.status, 405);
  ASSERT_EQ(response.headers.size(), 1u);
  EXPECT_EQ(response.headers[0].first, "Allow");
  EXPECT_EQ(get("/healthz", "HEAD").status, 200);
}

// A preflight from an allowed origin is a 204 on every route; without the policy, from
// another origin or on no route, OPTIONS is refused like any other method.
TEST_F(ApiRoutesTest, PreflightIs204OnEveryRouteForAnAllowedOriginOnly) {
  auto policy = CorsPolicy::from_origins({"https://ehr.example.org"});
  ASSERT_TRUE(policy.is_ok());
  const auto options = [&](const std::string& target, const std::string& origin, const CorsPolicy* cors) {
    Route route;
    return handle_request({"OPTIONS", target, origin, "GET"}, *searcher_, metrics_, route, nullptr, cors);
  };
  for (const char* target : {"/v1/search?q=x", "/v1/suggest?q=hy", "/v1/answer?q=x", "/v1/codes/icd10cm/I10",
                             "/v1/guidelines/search?q=x", "/v1/guidelines/I.C.9", "/healthz", "/metrics", "/"}) {
    const HttpResponse preflight = options(target, "https://ehr.example.org", &policy.value());
    EXPECT_EQ(preflight.status, 204) << target;
    EXPECT_EQ(preflight.body, "") << target;
    EXPECT_EQ(preflight.headers.size(), 3u) << target;
  }
  const HttpResponse other = options("/v1/search?q=x", "https://other.example.org", &policy.value());
  EXPECT_EQ(other.status, 405);
  EXPECT_EQ(other.body, "{\"error\":{\"code\":\"method_not_allowed\",\"message\":\"method OPTIONS not allowed; use GET\"}}");
  EXPECT_EQ(options("/v1/search?q=x", "https://ehr.example.org", nullptr).status, 405);
  EXPECT_EQ(options("/nowhere", "https://ehr.example.org", &policy.value()).status, 404);
}

TEST_F(ApiRoutesTest, ServesPageAssetsHealthAndMetrics) {
  const HttpResponse page = get("/");
  EXPECT_EQ(page.status, 200);
  EXPECT_EQ(page.content_type, "text/html; charset=utf-8");
  EXPECT_NE(page.body.find("<script type=\"module\" src=\"/assets/app.js\">"), std::string::npos);
  // app.js imports its modules by relative path; each is served.
  for (const char* module : {"util.js", "suggestions.js", "results_view.js", "code_view.js", "home_view.js", "answer_card.js"}) {
    EXPECT_EQ(get(std::string("/assets/") + module).content_type, "text/javascript; charset=utf-8") << module;
  }
  EXPECT_EQ(get("/code/icd10cm/I10").body, page.body);  // deep link serves the same page
  EXPECT_EQ(get("/assets/app.js").content_type, "text/javascript; charset=utf-8");
  EXPECT_EQ(get("/assets/style.css").status, 200);
  const HttpResponse health = get("/healthz");
  EXPECT_NE(health.body.find("\"documents\":" + std::to_string(testing::kFixtureDocuments)), std::string::npos)
      << health.body;
  EXPECT_NE(health.body.find("{\"system\":\"hcpcs\",\"release\":\"2025-oct\",\"documents\":7}"),
            std::string::npos)
      << health.body;
  metrics_.record(Route::kSearch, 200, 0.0007);
  const HttpResponse exposition = get("/metrics");
  EXPECT_EQ(exposition.content_type, "text/plain; version=0.0.4");
  EXPECT_NE(exposition.body.find("medcode_http_requests_total{route=\"search\",code=\"2xx\"} 1"),
            std::string::npos)
      << exposition.body;
  EXPECT_NE(exposition.body.find("medcode_http_request_duration_seconds_bucket{route=\"search\",le=\"0.001\"} 1"),
            std::string::npos);
  EXPECT_NE(exposition.body.find("medcode_index_info{release=\"fy2026\""), std::string::npos);
}

}  // namespace
}  // namespace medcode::searcher
