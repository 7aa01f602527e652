#include "searcher/fhir/internal/request_context.h"

#include "searcher/fhir/index_code_systems.h"
#include "searcher/fhir/internal/fhir_json_writer.h"
#include "searcher/fhir/internal/resource_json.h"
#include "searcher/fhir/internal/resource_loading.h"
#include "searcher/fhir/resource_store.h"

namespace medcode::searcher::fhir {

RequestContext::RequestContext(const FhirRequest& request_in, const Searcher& searcher_in, const ResourceStore* store_in)
    : request(request_in), searcher(searcher_in), store(store_in),
      server_registry(store_in != nullptr ? &store_in->registry() : nullptr) {}

FhirResponse fhir_answer(std::string body, int status) {
  FhirResponse response;
  response.status = status;
  response.body = std::move(body);
  return response;
}

FhirResponse fhir_error(const OperationError& error) {
  return fhir_answer(operation_outcome_json(error.issues), error.http_status);
}

Outcome<const ValueSetResource*> add_value_set(RequestContext& context, const JsonValue& resource, const std::string& where) {
  auto value_set = read_value_set(resource, where);
  if (!value_set.is_ok()) return operation_error(400, "invalid", value_set.status().message(), "", "INVALID_RESOURCE");
  auto shared = std::make_shared<const ValueSetResource>(std::move(value_set.value()));
  const ValueSetResource* pointer = shared.get();
  context.registry.add_value_set(std::move(shared));
  return pointer;
}

Outcome<std::unique_ptr<RequestContext>> make_request_context(const FhirRequest& request, const Searcher& searcher,
                                                              const ResourceStore* store) {
  auto context = std::make_unique<RequestContext>(request, searcher, store);
  auto input = OperationInput::parse(request);
  if (!input.is_ok()) return input.error();
  context->input = std::move(input.value());
  for (auto& code_system : index_code_systems(searcher)) context->server_registry.add_code_system(std::move(code_system));

  const auto resources = context->input->resources("tx-resource");
  std::vector<std::pair<const JsonValue*, std::string>> named;
  for (std::size_t i = 0; i < resources.size(); ++i) named.emplace_back(resources[i], "tx-resource[" + std::to_string(i) + "]");
  if (Status added = add_resources(named, context->registry); !added.is_ok()) {
    return operation_error(400, "invalid", added.message(), "", "INVALID_RESOURCE");
  }
  return context;
}

}  // namespace medcode::searcher::fhir
