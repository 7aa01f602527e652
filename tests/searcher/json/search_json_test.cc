#include "searcher/json/search_json.h"

#include <gtest/gtest.h>

namespace medcode::searcher {
namespace {

// The batch line shape is a contract: this test pins it.
TEST(SearchJsonTest, RendersStableResultShape) {
  SearchResponse response;
  response.query = "I10";
  response.total = 1;
  SearchHit hit;
  hit.system = "icd10cm";
  hit.code = "I10";
  hit.title = "Essential (primary) hypertension";
  hit.is_billable = true;
  hit.score = 100;
  hit.match = MatchKind::kCode;
  hit.chapter = "9";
  hit.section = "I10-I16";
  response.hits.push_back(hit);
  EXPECT_EQ(search_response_to_json(response),
            "{\"query\":\"I10\",\"results\":[{\"code\":\"I10\",\"system\":\"icd10cm\",\"title\":"
            "\"Essential (primary) hypertension\",\"billable\":true,\"status\":\"active\",\"score\":100,"
            "\"match\":\"code\",\"hierarchy\":{\"chapter\":\"9\",\"section\":\"I10-I16\",\"parent\":\"\"}}],"
            "\"total\":1}");
}

TEST(SearchJsonTest, SaysWhenAHitOrACodeIsDeletedAndWhatReplacesIt) {
  SearchResponse response;
  SearchHit hit;
  hit.system = "icd10cm";
  hit.code = "I21.A";
  hit.status = CodeStatus::kDeleted;
  response.hits.push_back(hit);
  EXPECT_NE(search_response_to_json(response).find("\"billable\":false,\"status\":\"deleted\""), std::string::npos);

  CodeDetail detail;
  detail.record.system = "icd10cm";
  detail.record.code = "E1110";
  detail.display_code = "E11.10";
  detail.record.validity.until_release = "fy2026";
  detail.record.attributes.push_back({std::string(kReplacedByAttribute), "E11.10, E11.11", "FY2026 conversion table"});
  const std::string json = code_detail_to_json(detail);
  EXPECT_NE(json.find("\"status\":\"deleted\",\"replaced_by\":[\"E11.10\",\"E11.11\"]"), std::string::npos) << json;

  detail.record.validity.until_release.clear();
  detail.record.attributes = {{std::string(kStatusAttribute), std::string(kTerminatedStatus), ""}};
  EXPECT_NE(code_detail_to_json(detail).find("\"status\":\"terminated\",\"replaced_by\":[]"), std::string::npos);
}

TEST(SearchJsonTest, AddsCorrectedQueryOnlyWhenUsed) {
  SearchResponse response;
  response.query = "pnuemonia";
  response.corrected_query = "pneumonia";
  EXPECT_EQ(search_response_to_json(response),
            "{\"query\":\"pnuemonia\",\"results\":[],\"total\":0,\"corrected_query\":\"pneumonia\"}");
}

TEST(SearchJsonTest, RendersErrorsAndNeverEmitsInvalidUtf8) {
  EXPECT_EQ(error_to_json(Status::invalid_argument("parameter \"limit\": 0 is below minimum 1")),
            "{\"code\":\"invalid_argument\",\"message\":\"parameter \\\"limit\\\": 0 is below "
            "minimum 1\"}");
  EXPECT_EQ(failed_query_to_json("bad\xFF", Status::invalid_argument("x")),
            "{\"query\":\"bad\xEF\xBF\xBD\",\"results\":[],\"error\":{\"code\":\"invalid_argument\","
            "\"message\":\"x\"}}");
}

}  // namespace
}  // namespace medcode::searcher
