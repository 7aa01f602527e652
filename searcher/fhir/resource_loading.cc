#include "searcher/fhir/internal/resource_loading.h"

#include <memory>

#include "searcher/fhir/internal/resource_json.h"
#include "searcher/fhir/resource_code_system.h"

namespace medcode::searcher::fhir {

Status add_resources(const std::vector<std::pair<const JsonValue*, std::string>>& resources, TerminologyRegistry& registry) {
  std::vector<CodeSystemResource> supplements;
  std::vector<std::shared_ptr<ResourceCodeSystem>> loaded;
  for (const auto& [resource, where] : resources) {
    const std::string type = string_member(*resource, "resourceType");
    if (type == "CodeSystem") {
      auto code_system = read_code_system(*resource, where);
      if (!code_system.is_ok()) return code_system.status();
      if (code_system.value().info.content == "supplement") {
        supplements.push_back(std::move(code_system.value()));
        continue;
      }
      loaded.push_back(std::make_shared<ResourceCodeSystem>(std::move(code_system.value().info),
                                                            std::move(code_system.value().concepts)));
    } else if (type == "ValueSet") {
      auto value_set = read_value_set(*resource, where);
      if (!value_set.is_ok()) return value_set.status();
      registry.add_value_set(std::make_shared<const ValueSetResource>(std::move(value_set.value())));
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
  for (auto& code_system : loaded) registry.add_code_system(std::move(code_system));
  return Status::ok();
}

}  // namespace medcode::searcher::fhir
