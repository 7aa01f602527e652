// medcode's FHIR R4 terminology service: the operations under /fhir (metadata,
// CodeSystem/$lookup, $validate-code, $subsumes, ValueSet/$expand, $validate-code,
// ConceptMap/$translate), answered from the index's code sets and the resources a request
// brings (tx-resource). Plain values in and out; the HTTP routes only convert.
// See docs/FHIR.md.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace medcode::searcher {
class Searcher;
}

namespace medcode::searcher::fhir {

class ResourceStore;

struct FhirRequest {
  std::string method;  // "GET" or "POST"
  std::string path;    // below /fhir: "/ValueSet/$expand", "/metadata"
  std::vector<std::pair<std::string, std::string>> query;  // decoded, in order, repeats kept
  std::string body;    // a Parameters resource (POST), JSON
  std::string content_type;
  std::string accept_language;  // the Accept-Language header, "" when absent
};

struct FhirResponse {
  int status = 200;
  std::string body;  // FHIR JSON: the answer, or an OperationOutcome
  std::string content_type = "application/fhir+json; charset=utf-8";
};

// Answers one FHIR request over searcher's index. Every failure is an OperationOutcome:
// 400 for a bad parameter or body (naming it), 404 for an unknown code system, value set
// or route, 405 for a method the route does not take, 422 "too-costly" for an expansion
// too large without a filter, 503 when the index fails underneath. Never throws. With a
// store (resource_store.h), its CodeSystems and ValueSets are seen by every operation, and
// GET /CodeSystem/{id}, /ValueSet/{id} read them, GET /CodeSystem?url=&version= and
// /ValueSet?url=&version= search them (a searchset Bundle).
FhirResponse handle_fhir_request(const FhirRequest& request, const Searcher& searcher,
                                 const ResourceStore* store = nullptr);

}  // namespace medcode::searcher::fhir
