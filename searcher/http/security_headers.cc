#include "searcher/http/security_headers.h"

namespace medcode::searcher {

void add_security_headers(HttpResponse& response) {
  const bool page = response.content_type.rfind("text/html", 0) == 0;
  response.headers.emplace_back("Content-Security-Policy",
                                page ? kPageContentSecurityPolicy : kApiContentSecurityPolicy);
  response.headers.emplace_back("X-Content-Type-Options", "nosniff");
  response.headers.emplace_back("Referrer-Policy", "no-referrer");
  response.headers.emplace_back("X-Frame-Options", "DENY");
}

}  // namespace medcode::searcher
