// Which other web origins may call the API from a browser (CORS, https://fetch.spec.whatwg.org/
// #http-cors-protocol), from medcode-server's --cors-origin flags. None by default: a page
// served elsewhere cannot read our answers unless the operator names its origin.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/status.h"
#include "searcher/http/http_exchange.h"

namespace medcode::searcher {

class CorsPolicy {
 public:
  // Methods and request headers a preflight allows. Every route is GET or HEAD; clients send
  // Accept and Content-Type (FHIR clients: application/fhir+json, which is not CORS-safelisted).
  static constexpr const char* kAllowMethods = "GET, HEAD";
  static constexpr const char* kAllowHeaders = "Accept, Accept-Language, Content-Type";
  // How long a browser may reuse a preflight answer, in seconds: short enough that a changed
  // --cors-origin list takes effect within minutes.
  static constexpr int kMaxAgeSeconds = 600;

  // No origin allowed: responses carry no CORS header at all.
  CorsPolicy() = default;

  // The policy allowing exactly these origins: "https://ehr.example.org", "http://localhost:3000"
  // (scheme, host and port as the browser sends them in Origin; letters are compared
  // lowercased), or "*" alone for every origin. Fails with kInvalidArgument naming the value:
  //   --cors-origin "https://ehr.example.org/": an origin has no path; give scheme://host[:port],
  //   e.g. https://ehr.example.org
  //   --cors-origin "ehr.example.org": an origin starts with http:// or https://; ...
  //   --cors-origin "null": the "null" origin (files, sandboxed frames) cannot be allowed; ...
  //   --cors-origin "*": "*" allows every origin; give it alone, without other --cors-origin values
  static Result<CorsPolicy> from_origins(const std::vector<std::string>& origins);

  // Whether a request with this Origin header ("" when absent) may read our answers.
  bool allows(const std::string& origin) const;

  // The answer to a CORS preflight (OPTIONS with an allowed Origin and an
  // Access-Control-Request-Method): 204 with Access-Control-Allow-Methods, -Allow-Headers and
  // -Max-Age. nullopt for any other request, which the routes then refuse as usual (405).
  std::optional<HttpResponse> preflight(const HttpRequest& request) const;

  // Adds the origin headers to a response: for an allowed origin Access-Control-Allow-Origin
  // echoing it; "*" for the every-origin policy. "Vary: Origin" whenever the answer depends on
  // the Origin (a list of origins), so a shared cache never hands one origin's answer to
  // another. Nothing at all when no origin is allowed.
  void add_headers(const HttpRequest& request, HttpResponse& response) const;

 private:
  bool any_origin_ = false;
  std::vector<std::string> origins_;  // lowercased, as from_origins checked them
};

}  // namespace medcode::searcher
