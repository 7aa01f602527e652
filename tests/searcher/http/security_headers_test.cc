// The headers every response gets: the page's Content-Security-Policy for HTML, the API's
// for the rest, and the same three others everywhere.
#include "searcher/http/security_headers.h"

#include <gtest/gtest.h>

namespace medcode::searcher {
namespace {

using Headers = std::vector<std::pair<std::string, std::string>>;

TEST(SecurityHeadersTest, PageGetsItsPolicyEverythingElseNone) {
  const struct {
    const char* content_type;
    const char* policy;
  } rows[] = {
      {"text/html; charset=utf-8",
       "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src "
       "'self'; "
       "base-uri 'none'; form-action 'self'; frame-ancestors 'none'"},
      {"application/json", "default-src 'none'; frame-ancestors 'none'"},
      {"text/javascript; charset=utf-8", "default-src 'none'; frame-ancestors 'none'"},
      {"text/plain; version=0.0.4", "default-src 'none'; frame-ancestors 'none'"},
  };
  for (const auto& row : rows) {
    HttpResponse response;
    response.content_type = row.content_type;
    response.headers.emplace_back("Cache-Control", "no-cache");
    add_security_headers(response);
    EXPECT_EQ(response.headers, (Headers{{"Cache-Control", "no-cache"},
                                         {"Content-Security-Policy", row.policy},
                                         {"X-Content-Type-Options", "nosniff"},
                                         {"Referrer-Policy", "no-referrer"},
                                         {"X-Frame-Options", "DENY"}}))
        << row.content_type;
  }
}

}  // namespace
}  // namespace medcode::searcher
