// Puts CodeSystem and ValueSet resources into a registry: a request's tx-resource
// parameters, or the files a server stores (resource_store.h).
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "common/status.h"
#include "searcher/fhir/internal/json_access.h"
#include "searcher/fhir/terminology_registry.h"

namespace medcode::searcher::fhir {

// Each resource with where it came from ("tx-resource[2]", "cs.json"). CodeSystems are
// added with their supplements merged in (after every base system is read), ValueSets as
// they are; other resource types are skipped. kInvalidArgument naming where, for a
// CodeSystem or ValueSet that cannot be read.
Status add_resources(const std::vector<std::pair<const JsonValue*, std::string>>& resources, TerminologyRegistry& registry);

}  // namespace medcode::searcher::fhir
