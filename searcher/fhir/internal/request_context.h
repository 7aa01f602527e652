// What one FHIR operation works with: its parsed input and the code systems and value sets
// it can see (the server's stored ones, the index's over them, and the request's tx-resource
// ones over those).
#pragma once

#include <memory>
#include <string>

#include "searcher/fhir/fhir_service.h"
#include "searcher/fhir/internal/operation_input.h"
#include "searcher/fhir/terminology_registry.h"

namespace medcode::searcher::fhir {

class ResourceStore;

struct RequestContext {
  const FhirRequest& request;
  const Searcher& searcher;
  const ResourceStore* store;  // the server's stored resources, or nullptr
  std::shared_ptr<OperationInput> input;
  TerminologyRegistry server_registry;  // the index's code sets, over the stored resources
  TerminologyRegistry registry{&server_registry};

  RequestContext(const FhirRequest& request_in, const Searcher& searcher_in, const ResourceStore* store_in);
  RequestContext(const RequestContext&) = delete;
  RequestContext& operator=(const RequestContext&) = delete;
};

// Parses the request and loads its tx-resource CodeSystems (supplements merged into the
// systems they supplement) and ValueSets. OperationError 400 naming the bad resource.
Outcome<std::unique_ptr<RequestContext>> make_request_context(const FhirRequest& request, const Searcher& searcher,
                                                              const ResourceStore* store);

// Reads a resource parameter into the request's registry: a CodeSystem or ValueSet.
Outcome<const ValueSetResource*> add_value_set(RequestContext& context, const JsonValue& resource, const std::string& where);

// An answer: 200 (or status) with body.
FhirResponse fhir_answer(std::string body, int status = 200);
FhirResponse fhir_error(const OperationError& error);

}  // namespace medcode::searcher::fhir
