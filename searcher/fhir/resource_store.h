// The FHIR CodeSystem and ValueSet resources a server keeps for every request (medcode-server
// --fhir-resources DIR): stored value sets to expand and validate against by url, and code
// systems beyond the index's, read from JSON files once at start and never changed after.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "common/status.h"
#include "searcher/fhir/terminology_registry.h"

namespace medcode::searcher::fhir {

class ResourceStore {
 public:
  struct Stored {
    std::string type;  // "CodeSystem" or "ValueSet"
    std::string id;    // the resource's id, else its file name without ".json"
    std::string url;
    std::string version;
    std::string json;  // as read (compact)
  };

  // Reads every *.json file directly in directory, in name order: a CodeSystem, a ValueSet,
  // or a Bundle of them (other resource types are skipped). kInvalidArgument when directory
  // is not one; kDataError "FILE: why" for a file that is not JSON, too large (64 MiB) or
  // not a valid resource, and for two resources of one type with the same id. An empty
  // directory is a store without resources.
  static Result<std::shared_ptr<const ResourceStore>> load_directory(const std::string& directory);

  const TerminologyRegistry& registry() const { return registry_; }
  // The stored resource of type with id, or nullptr.
  const Stored* read(const std::string& type, const std::string& id) const;
  // The stored resources of type, filtered by url and version when they are not "".
  std::vector<const Stored*> search(const std::string& type, const std::string& url, const std::string& version) const;
  std::size_t size() const { return stored_.size(); }

 private:
  TerminologyRegistry registry_;
  std::vector<Stored> stored_;
};

}  // namespace medcode::searcher::fhir
