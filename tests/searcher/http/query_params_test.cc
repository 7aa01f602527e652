#include "searcher/http/query_params.h"

#include <gtest/gtest.h>

namespace medcode::searcher {
namespace {

// Target -> path and decoded parameters.
TEST(QueryParamsTest, SplitsAndDecodesTargets) {
  auto parsed = parse_target("/v1/search?q=heart+attack&system=icd10cm&limit=5&q2=%C3%A9t%C3%A9");
  ASSERT_TRUE(parsed.is_ok());
  EXPECT_EQ(parsed.value().path, "/v1/search");
  EXPECT_EQ(text_param(parsed.value(), "q"), "heart attack");
  EXPECT_EQ(text_param(parsed.value(), "system"), "icd10cm");
  EXPECT_EQ(text_param(parsed.value(), "q2"), "\xC3\xA9t\xC3\xA9");
  EXPECT_EQ(text_param(parsed.value(), "absent"), "");
  EXPECT_EQ(count_param(parsed.value(), "limit", 10).value(), 5u);
  EXPECT_EQ(count_param(parsed.value(), "offset", 0).value(), 0u);
  EXPECT_EQ(parse_target("/code/icd10cm/I21.9").value().path, "/code/icd10cm/I21.9");
}

TEST(QueryParamsTest, RejectsBadEscapesAndNumbersNamingThem) {
  EXPECT_EQ(parse_target("/v1/search?q=ab%G1").status().message(),
            "parameter \"q\": bad %-escape at byte 2");
  EXPECT_EQ(parse_target("/v1/search?q=%FF").status().message(),
            "parameter \"q\": not valid UTF-8 after decoding, at byte 0");
  EXPECT_EQ(parse_target("/v1/%ZZ").status().message(), "request path: bad %-escape at byte 4");
  auto parsed = parse_target("/v1/search?limit=ten&offset=99999999999");
  ASSERT_TRUE(parsed.is_ok());
  EXPECT_EQ(count_param(parsed.value(), "limit", 10).status().message(),
            "parameter \"limit\": \"ten\" is not a whole number");
  EXPECT_EQ(count_param(parsed.value(), "offset", 0).status().message(),
            "parameter \"offset\": \"99999999999\" is too large");
}

}  // namespace
}  // namespace medcode::searcher
