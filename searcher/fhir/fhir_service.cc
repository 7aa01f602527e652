#include "searcher/fhir/fhir_service.h"

#include <algorithm>
#include <exception>
#include <optional>

#include "searcher/fhir/internal/fhir_json_writer.h"
#include "searcher/fhir/internal/operations.h"
#include "searcher/fhir/resource_store.h"

namespace medcode::searcher::fhir {
namespace {

FhirResponse versions(RequestContext&) {
  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  begin_parameters(writer);
  write_parameter(writer, "version", "valueCode", "4.0");
  write_parameter(writer, "default", "valueCode", "4.0");
  end_parameters(writer);
  return fhir_answer(buffer_text(buffer));
}

struct Operation {
  const char* path;
  bool takes_post;
  FhirResponse (*run)(RequestContext&);
};

const Operation kOperations[] = {
    {"/metadata", false, [](RequestContext& c) { return capability_statement(c, c.input->text("mode") == "terminology"); }},
    {"/$versions", true, versions},
    {"/CodeSystem/$lookup", true, lookup_code},
    {"/CodeSystem/$validate-code", true, [](RequestContext& c) { return validate_code(c, true); }},
    {"/CodeSystem/$subsumes", true, subsumes_codes},
    {"/ValueSet/$expand", true, expand_value_set},
    {"/ValueSet/$validate-code", true, [](RequestContext& c) { return validate_code(c, false); }},
    {"/ValueSet/$batch-validate-code", true, batch_validate_code},
    {"/ConceptMap/$translate", true, translate_code},
};

constexpr std::size_t kDefaultSearchCount = 20;
constexpr std::size_t kMaxSearchCount = 100;

// GET /{type}/{id} and GET /{type}?url=&version=&_count= over the stored resources.
std::optional<FhirResponse> stored_resource_route(const std::string& path, const FhirRequest& request,
                                                  const ResourceStore* store) {
  for (const char* type : {"CodeSystem", "ValueSet"}) {
    const std::string prefix = std::string("/") + type;
    if (path != prefix && path.rfind(prefix + "/", 0) != 0) continue;
    const std::string id = path.size() > prefix.size() ? path.substr(prefix.size() + 1) : "";
    if (id.find('$') != std::string::npos || id.find('/') != std::string::npos) return std::nullopt;
    if (request.method != "GET" && request.method != "HEAD") {
      return fhir_error(operation_error(405, "not-supported", "Stored " + std::string(type) + " resources are read-only; use GET",
                                        "", "METHOD_NOT_ALLOWED"));
    }
    if (!id.empty()) {
      const ResourceStore::Stored* found = store != nullptr ? store->read(type, id) : nullptr;
      if (found == nullptr) {
        return fhir_error(operation_error(404, "not-found", "No stored " + std::string(type) + " has the id '" +
                                                                id.substr(0, 100) + "'", "not-found", "NOT_FOUND"));
      }
      return fhir_answer(found->json);
    }
    std::string url, version;
    std::size_t count = kDefaultSearchCount;
    for (const auto& [name, value] : request.query) {
      if (name == "url") url = value;
      else if (name == "version") version = value;
      else if (name == "_count") {
        if (value.empty() || value.size() > 6 || value.find_first_not_of("0123456789") != std::string::npos) {
          return fhir_error(operation_error(400, "invalid", "Search parameter '_count' must be a whole number, not '" +
                                                                value.substr(0, 20) + "'", "", "INVALID_PARAMETER"));
        }
        count = std::min<std::size_t>(std::stoul(value), kMaxSearchCount);
      } else if (name.rfind("_", 0) != 0) {
        return fhir_error(operation_error(400, "not-supported", "Search parameter '" + name.substr(0, 40) +
                                                                    "' is not supported: search " + type + " by url and version",
                                          "", "UNSUPPORTED_SEARCH_PARAMETER"));
      }
    }
    const auto found = store != nullptr ? store->search(type, url, version) : std::vector<const ResourceStore::Stored*>();
    // total counts every match; the entries are the first _count of them (stored resources
    // can be large: a search is not a dump of the store).
    std::string body = R"({"resourceType":"Bundle","type":"searchset","total":)" + std::to_string(found.size()) + R"(,"entry":[)";
    for (std::size_t i = 0; i < found.size() && i < count; ++i) {
      body += (i ? "," : "") + std::string(R"({"resource":)") + found[i]->json + R"(,"search":{"mode":"match"}})";
    }
    body += "]}";
    return fhir_answer(std::move(body));
  }
  return std::nullopt;
}

}  // namespace

FhirResponse handle_fhir_request(const FhirRequest& request, const Searcher& searcher, const ResourceStore* store) {
  try {
    std::string path = request.path;
    while (path.size() > 1 && path.back() == '/') path.pop_back();
    if (auto stored = stored_resource_route(path, request, store)) return std::move(*stored);
    for (const Operation& operation : kOperations) {
      if (path != operation.path) continue;
      const bool allowed = request.method == "GET" || request.method == "HEAD" ||
                           (operation.takes_post && request.method == "POST");
      if (!allowed) {
        return fhir_error(operation_error(405, "not-supported",
                                          "Method " + request.method.substr(0, 16) + " is not allowed on " + path +
                                              (operation.takes_post ? "; use GET or POST" : "; use GET"),
                                          "", "METHOD_NOT_ALLOWED"));
      }
      auto context = make_request_context(request, searcher, store);
      if (!context.is_ok()) return fhir_error(context.error());
      return operation.run(*context.value());
    }
    return fhir_error(operation_error(404, "not-supported",
                                      "No FHIR operation at /fhir" + path.substr(0, 100) +
                                          "; see /fhir/metadata for the operations served",
                                      "", "UNKNOWN_OPERATION"));
  } catch (const std::exception& error) {
    return fhir_error(operation_error(500, "exception", std::string("The request failed inside the server: ") + error.what()));
  }
}

}  // namespace medcode::searcher::fhir
