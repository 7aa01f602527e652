#include "searcher/fhir/fhir_service.h"

#include <exception>

#include "searcher/fhir/internal/fhir_json_writer.h"
#include "searcher/fhir/internal/operations.h"

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

}  // namespace

FhirResponse handle_fhir_request(const FhirRequest& request, const Searcher& searcher) {
  try {
    std::string path = request.path;
    while (path.size() > 1 && path.back() == '/') path.pop_back();
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
      auto context = make_request_context(request, searcher);
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
