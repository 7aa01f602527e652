#include "searcher/fhir/internal/request_context.h"

#include "searcher/fhir/index_code_systems.h"
#include "searcher/fhir/internal/fhir_json_writer.h"
#include "searcher/fhir/internal/resource_json.h"
#include "searcher/fhir/resource_code_system.h"

namespace medcode::searcher::fhir {

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

Outcome<std::unique_ptr<RequestContext>> make_request_context(const FhirRequest& request, const Searcher& searcher) {
  auto context = std::make_unique<RequestContext>(request, searcher);
  auto input = OperationInput::parse(request);
  if (!input.is_ok()) return input.error();
  context->input = std::move(input.value());
  for (auto& code_system : index_code_systems(searcher)) context->server_registry.add_code_system(std::move(code_system));

  // Supplements are merged after every base system is in.
  std::vector<CodeSystemResource> supplements;
  std::vector<std::shared_ptr<ResourceCodeSystem>> loaded;
  const auto resources = context->input->resources("tx-resource");
  for (std::size_t i = 0; i < resources.size(); ++i) {
    const std::string where = "tx-resource[" + std::to_string(i) + "]";
    const std::string type = string_member(*resources[i], "resourceType");
    if (type == "CodeSystem") {
      auto code_system = read_code_system(*resources[i], where);
      if (!code_system.is_ok()) return operation_error(400, "invalid", code_system.status().message(), "", "INVALID_RESOURCE");
      if (code_system.value().info.content == "supplement") {
        supplements.push_back(std::move(code_system.value()));
        continue;
      }
      loaded.push_back(std::make_shared<ResourceCodeSystem>(std::move(code_system.value().info),
                                                            std::move(code_system.value().concepts)));
    } else if (type == "ValueSet") {
      auto added = add_value_set(*context, *resources[i], where);
      if (!added.is_ok()) return added.error();
    }
    // Other resource types (ConceptMap, NamingSystem) are not used by these operations.
  }
  for (const CodeSystemResource& supplement : supplements) {
    const auto [url, version] = split_canonical(supplement.info.supplements);
    for (auto& code_system : loaded) {
      if (code_system->info().url != url) continue;
      if (!version.empty() && !version_matches(version, code_system->info().version)) continue;
      code_system->apply_supplement(supplement.concepts, supplement.info.language);
    }
  }
  for (auto& code_system : loaded) context->registry.add_code_system(std::move(code_system));
  return context;
}

}  // namespace medcode::searcher::fhir
