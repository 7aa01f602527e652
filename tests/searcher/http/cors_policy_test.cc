// Which origins --cors-origin allows, and the headers a preflight and an answer get.
#include "searcher/http/cors_policy.h"

#include <gtest/gtest.h>

namespace medcode::searcher {
namespace {

using Headers = std::vector<std::pair<std::string, std::string>>;

CorsPolicy policy_of(const std::vector<std::string>& origins) {
  auto policy = CorsPolicy::from_origins(origins);
  EXPECT_TRUE(policy.is_ok()) << policy.status().to_string();
  return policy.is_ok() ? std::move(policy).value() : CorsPolicy();
}

HttpRequest get_from(const std::string& origin) { return {"GET", "/v1/search?q=x", origin, ""}; }

// Flag values that are not an origin as a browser sends it, each refused with the reason.
TEST(CorsPolicyTest, RefusesWhatIsNotAnOrigin) {
  const std::string example = "; give scheme://host[:port], e.g. https://ehr.example.org";
  const struct {
    std::vector<std::string> origins;
    std::string message;
  } rows[] = {
      {{"https://ehr.example.org/"},
       "--cors-origin \"https://ehr.example.org/\": an origin has no path" + example},
      {{"https://ehr.example.org/app"},
       "--cors-origin \"https://ehr.example.org/app\": an origin has no path" + example},
      {{"ehr.example.org"},
       "--cors-origin \"ehr.example.org\": an origin starts with http:// or https://" + example},
      {{"ftp://ehr.example.org"},
       "--cors-origin \"ftp://ehr.example.org\": an origin starts with http:// or https://" +
           example},
      {{"null"},
       "--cors-origin \"null\": the \"null\" origin (files, sandboxed frames) cannot be allowed" +
           example},
      {{"https://"}, "--cors-origin \"https://\": \"\" is not a host name" + example},
      {{"https://user@ehr"},
       "--cors-origin \"https://user@ehr\": \"user@ehr\" is not a host name" + example},
      {{"https://ehr:0"}, "--cors-origin \"https://ehr:0\": port must be 1-65535" + example},
      {{"https://ehr:http"}, "--cors-origin \"https://ehr:http\": port must be 1-65535" + example},
      {{"https://ehr:"}, "--cors-origin \"https://ehr:\": port must be 1-65535" + example},
      {{"*", "https://ehr.example.org"},
       "--cors-origin \"*\": \"*\" allows every origin; give it alone, without other --cors-origin "
       "values"},
  };
  for (const auto& row : rows) {
    const auto policy = CorsPolicy::from_origins(row.origins);
    ASSERT_FALSE(policy.is_ok()) << row.origins[0];
    EXPECT_EQ(policy.status().code(), StatusCode::kInvalidArgument) << row.origins[0];
    EXPECT_EQ(policy.status().message(), row.message);
  }
}

// Origins are compared as browsers serialize them: lowercase, the default port left out.
TEST(CorsPolicyTest, AllowsExactlyTheListedOrigins) {
  const CorsPolicy policy = policy_of({"https://EHR.example.org", "http://localhost:3000",
                                       "https://portal.example.org:443", "http://[::1]:8081"});
  const struct {
    const char* origin;
    bool allowed;
  } rows[] = {
      {"https://ehr.example.org", true},
      {"http://localhost:3000", true},
      {"https://portal.example.org", true},
      {"http://[::1]:8081", true},
      {"http://ehr.example.org", false},        // another scheme
      {"https://ehr.example.org:8443", false},  // another port
      {"https://evil-ehr.example.org", false},
      {"https://ehr.example.org.evil.com", false},
      {"null", false},
      {"", false},
  };
  for (const auto& row : rows) EXPECT_EQ(policy.allows(row.origin), row.allowed) << row.origin;
  EXPECT_FALSE(CorsPolicy().allows("https://ehr.example.org"));
  EXPECT_TRUE(policy_of({"*"}).allows("https://anywhere.example"));
}

TEST(CorsPolicyTest, AnswersAddTheOriginHeaders) {
  const CorsPolicy listed = policy_of({"https://ehr.example.org"});
  HttpResponse allowed;
  listed.add_headers(get_from("https://ehr.example.org"), allowed);
  EXPECT_EQ(allowed.headers, (Headers{{"Vary", "Origin"},
                                      {"Access-Control-Allow-Origin", "https://ehr.example.org"}}));
  // Another origin, or none: the answer still varies by Origin, and allows nobody.
  for (const char* origin : {"https://other.example.org", ""}) {
    HttpResponse refused;
    listed.add_headers(get_from(origin), refused);
    EXPECT_EQ(refused.headers, (Headers{{"Vary", "Origin"}})) << origin;
  }
  HttpResponse any;
  policy_of({"*"}).add_headers(get_from(""), any);
  EXPECT_EQ(any.headers, (Headers{{"Access-Control-Allow-Origin", "*"}}));
  HttpResponse none;
  CorsPolicy().add_headers(get_from("https://ehr.example.org"), none);
  EXPECT_TRUE(none.headers.empty());
}

TEST(CorsPolicyTest, PreflightFromAnAllowedOriginOnly) {
  const CorsPolicy listed = policy_of({"https://ehr.example.org"});
  const auto preflight =
      listed.preflight({"OPTIONS", "/v1/search?q=x", "https://ehr.example.org", "GET"});
  ASSERT_TRUE(preflight.has_value());
  EXPECT_EQ(preflight->status, 204);
  EXPECT_EQ(preflight->body, "");
  EXPECT_EQ(preflight->headers,
            (Headers{{"Access-Control-Allow-Methods", "GET, HEAD"},
                     {"Access-Control-Allow-Headers", "Accept, Accept-Language, Content-Type"},
                     {"Access-Control-Max-Age", "600"}}));
  // Not a preflight: another origin, no Access-Control-Request-Method, another method, no policy.
  EXPECT_FALSE(
      listed.preflight({"OPTIONS", "/v1/search", "https://other.example.org", "GET"}).has_value());
  EXPECT_FALSE(
      listed.preflight({"OPTIONS", "/v1/search", "https://ehr.example.org", ""}).has_value());
  EXPECT_FALSE(
      listed.preflight({"GET", "/v1/search", "https://ehr.example.org", "GET"}).has_value());
  EXPECT_FALSE(CorsPolicy()
                   .preflight({"OPTIONS", "/v1/search", "https://ehr.example.org", "GET"})
                   .has_value());
}

}  // namespace
}  // namespace medcode::searcher
