// Every route of medcode-server in one table, and the handler behind each: request in,
// response out, no socket. The Beast server (http_server.h) calls handle_request.
//
//   GET /                           the web page
//   GET /code/{system}/{code}       the web page, opened on a code (deep link)
//   GET /guideline/{section}        the web page, opened on a guideline section
//   GET /assets/{file}              the page's script and style, embedded in the binary
//   GET /v1/search?q=&system=&release=&changed_in=&billable=&include_deleted=&limit=&offset=
//                                   (+ "answer" for a question); unknown parameters are a 400
//   GET /v1/answer?q=               a coding question's answer
//   GET /v1/suggest?q=&system=&limit=
//   GET /v1/codes/{system}/{code}
//   GET /v1/guidelines/search?q=&limit=&offset=   Official Guidelines sections
//   GET /v1/guidelines/{section}                  one section ("I.C.9.a.1")
//   GET, POST /fhir/...             the FHIR R4 terminology service (searcher/fhir/fhir_service.h)
//   GET /healthz
//   GET /metrics
//   OPTIONS on any of them         a CORS preflight, answered for --cors-origin origins only
#pragma once

#include "searcher/engine/reloading_searcher.h"
#include "searcher/http/cors_policy.h"
#include "searcher/http/http_exchange.h"
#include "searcher/http/metrics.h"
#include "searcher/http/response_cache.h"

namespace medcode::searcher::fhir {
class ResourceStore;
}

namespace medcode::searcher {

// Answers one request with the searcher of the calling thread. Errors use the API's JSON
// error shape: 400 for a bad parameter (named in the message), 404 for an unknown route or
// code, 405 for a method other than GET or HEAD, 503 when the index is unavailable.
// route is set to the route matched, for metrics. With a cache, successful answers of the
// search, suggest, code and guideline routes are kept and served again for the same target
// and index. With a CORS policy, a preflight (OPTIONS from an allowed origin) on any route
// gets its 204 (cors_policy.h); the caller adds the origin headers to every answer. Never
// throws.
// fhir_store: the FHIR service's stored resources (searcher/fhir/resource_store.h), or none.
HttpResponse handle_request(const HttpRequest& request, ReloadingSearcher& searcher,
                            const Metrics& metrics, Route& route, ResponseCache* cache = nullptr,
                            const CorsPolicy* cors = nullptr, const fhir::ResourceStore* fhir_store = nullptr);

}  // namespace medcode::searcher
