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
            "\"Essential (primary) hypertension\",\"billable\":true,\"score\":100,\"match\":"
            "\"code\",\"hierarchy\":{\"chapter\":\"9\",\"section\":\"I10-I16\",\"parent\":\"\"}}],"
            "\"total\":1}");
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
