// One HTTP request and response as the route handlers see them: plain values, no sockets,
// so handlers are tested as functions and the Beast server only converts.
#pragma once

#include <string>
#include <vector>

namespace medcode::searcher {

struct HttpRequest {
  std::string method;  // "GET"
  std::string target;  // path and query string: "/v1/search?q=heart%20attack"
  std::string origin = "";  // the Origin header ("https://ehr.example.org"), "" when absent
  std::string preflight_method = "";  // Access-Control-Request-Method ("GET"), "" when absent
  std::string body = "";            // the request body (FHIR operations take POSTed Parameters)
  std::string content_type = "";    // the Content-Type header
  std::string accept_language = "";  // the Accept-Language header
};

struct HttpResponse {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;  // extra, e.g. {"Allow", "GET"}
};

}  // namespace medcode::searcher
