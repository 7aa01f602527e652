// GET /fhir/metadata: the CapabilityStatement of a terminology server (FHIR R4, instantiating
// http://hl7.org/fhir/CapabilityStatement/terminology-server), and with mode=terminology the
// TerminologyCapabilities: code systems and versions served, expansion parameters, filters.
#include "searcher/fhir/internal/fhir_json_writer.h"
#include "searcher/fhir/internal/operations.h"

namespace medcode::searcher::fhir {
namespace {

constexpr const char* kSoftwareVersion = "0.9.0";
constexpr const char* kReleaseDate = "2026-12-02";

// The stored resources (medcode-server --fhir-resources): read by id, searched by url and version.
void write_read_and_search(JsonWriter& writer) {
  writer.Key("interaction");
  writer.StartArray();
  for (const char* code : {"read", "search-type"}) {
    writer.StartObject();
    write_member(writer, "code", code);
    writer.EndObject();
  }
  writer.EndArray();
  writer.Key("searchParam");
  writer.StartArray();
  for (const char* name : {"url", "version"}) {
    writer.StartObject();
    write_member(writer, "name", name);
    write_member(writer, "type", std::string(name) == "url" ? "uri" : "token");
    writer.EndObject();
  }
  writer.EndArray();
}

void write_operation(JsonWriter& writer, const char* name, const char* definition) {
  writer.StartObject();
  write_member(writer, "name", name);
  write_member(writer, "definition", definition);
  writer.EndObject();
}

void write_feature(JsonWriter& writer, const char* definition, const char* value) {
  writer.StartObject();
  write_member(writer, "url", "http://hl7.org/fhir/uv/application-feature/StructureDefinition/feature");
  writer.Key("extension");
  writer.StartArray();
  writer.StartObject();
  write_member(writer, "url", "definition");
  write_member(writer, "valueCanonical", definition);
  writer.EndObject();
  writer.StartObject();
  write_member(writer, "url", "value");
  if (value != nullptr) write_member(writer, "valueCode", value);
  writer.EndObject();
  writer.EndArray();
  writer.EndObject();
}

void write_common(JsonWriter& writer, const char* type) {
  write_member(writer, "resourceType", type);
  write_member(writer, "url", std::string("urn:medcode:") + type);
  write_member(writer, "version", kSoftwareVersion);
  write_member(writer, "name", "medcode");
  write_member(writer, "title", "medcode terminology server for US medical codes");
  write_member(writer, "status", "active");
  write_member(writer, "date", kReleaseDate);
  write_member(writer, "kind", "instance");
}

void write_capability_statement(JsonWriter& writer) {
  writer.StartObject();
  writer.Key("extension");
  writer.StartArray();
  write_feature(writer, "http://hl7.org/fhir/uv/tx-ecosystem/FeatureDefinition/CodeSystemAsParameter", "true");
  writer.EndArray();
  write_common(writer, "CapabilityStatement");
  writer.Key("instantiates");
  writer.StartArray();
  write_text(writer, "http://hl7.org/fhir/CapabilityStatement/terminology-server");
  writer.EndArray();
  writer.Key("software");
  writer.StartObject();
  write_member(writer, "name", "medcode");
  write_member(writer, "version", kSoftwareVersion);
  write_member(writer, "releaseDate", kReleaseDate);
  writer.EndObject();
  write_member(writer, "fhirVersion", "4.0.1");
  writer.Key("format");
  writer.StartArray();
  write_text(writer, "application/fhir+json");
  writer.EndArray();
  writer.Key("rest");
  writer.StartArray();
  writer.StartObject();
  write_member(writer, "mode", "server");
  writer.Key("resource");
  writer.StartArray();
  writer.StartObject();
  write_member(writer, "type", "CodeSystem");
  write_read_and_search(writer);
  writer.Key("operation");
  writer.StartArray();
  write_operation(writer, "lookup", "http://hl7.org/fhir/OperationDefinition/CodeSystem-lookup");
  write_operation(writer, "validate-code", "http://hl7.org/fhir/OperationDefinition/CodeSystem-validate-code");
  write_operation(writer, "subsumes", "http://hl7.org/fhir/OperationDefinition/CodeSystem-subsumes");
  writer.EndArray();
  writer.EndObject();
  writer.StartObject();
  write_member(writer, "type", "ValueSet");
  write_read_and_search(writer);
  writer.Key("operation");
  writer.StartArray();
  write_operation(writer, "expand", "http://hl7.org/fhir/OperationDefinition/ValueSet-expand");
  write_operation(writer, "validate-code", "http://hl7.org/fhir/OperationDefinition/ValueSet-validate-code");
  // tx.fhir.org's batch form of $validate-code (no OperationDefinition in R4 core).
  write_operation(writer, "batch-validate-code", "http://hl7.org/fhir/OperationDefinition/ValueSet-batch-validate-code");
  writer.EndArray();
  writer.EndObject();
  writer.StartObject();
  write_member(writer, "type", "ConceptMap");
  writer.Key("operation");
  writer.StartArray();
  write_operation(writer, "translate", "http://hl7.org/fhir/OperationDefinition/ConceptMap-translate");
  writer.EndArray();
  writer.EndObject();
  writer.EndArray();
  writer.Key("operation");
  writer.StartArray();
  write_operation(writer, "versions", "http://hl7.org/fhir/OperationDefinition/-s-versions");
  writer.EndArray();
  writer.EndObject();
  writer.EndArray();
  writer.EndObject();
}

void write_terminology_capabilities(JsonWriter& writer, const TerminologyRegistry& registry) {
  writer.StartObject();
  write_common(writer, "TerminologyCapabilities");
  writer.Key("codeSystem");
  writer.StartArray();
  std::string open_url;
  for (const CodeSystemSource* code_system : registry.code_systems()) {
    const CodeSystemInfo& info = code_system->info();
    if (info.url == open_url) continue;  // versions are listed under the first
    open_url = info.url;
    writer.StartObject();
    write_member(writer, "uri", info.url);
    writer.Key("version");
    writer.StartArray();
    const std::vector<std::string> versions = registry.code_system_versions(info.url);
    for (const std::string& version : versions) {
      writer.StartObject();
      write_member(writer, "code", version);
      writer.Key("isDefault");
      writer.Bool(version == versions.back());
      writer.Key("filter");
      writer.StartArray();
      writer.StartObject();
      write_member(writer, "code", "concept");
      writer.Key("op");
      writer.StartArray();
      for (const char* op : {"is-a", "descendent-of", "is-not-a", "=", "in", "regex"}) write_text(writer, op);
      writer.EndArray();
      writer.EndObject();
      writer.EndArray();
      writer.EndObject();
    }
    writer.EndArray();
    writer.EndObject();
  }
  writer.EndArray();
  writer.Key("expansion");
  writer.StartObject();
  writer.Key("hierarchical");
  writer.Bool(false);
  writer.Key("paging");
  writer.Bool(true);
  writer.Key("parameter");
  writer.StartArray();
  for (const char* name : {"activeOnly", "check-system-version", "count", "displayLanguage", "excludeNested",
                           "force-system-version", "includeDefinition", "includeDesignations", "offset", "property",
                           "system-version", "tx-resource", "filter"}) {
    writer.StartObject();
    write_member(writer, "name", name);
    writer.EndObject();
  }
  writer.EndArray();
  write_member(writer, "textFilter",
               "For the code sets of the index (ICD-10-CM, ICD-10-PCS, HCPCS), filter is searched with medcode's "
               "engine (synonyms, lay terms, spelling correction) and ranked as /v1/search ranks it; for other code "
               "systems every word of filter must start a word of a concept's display or designations.");
  writer.EndObject();
  writer.EndObject();
}

}  // namespace

FhirResponse capability_statement(RequestContext& context, bool terminology_capabilities) {
  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  if (terminology_capabilities) {
    write_terminology_capabilities(writer, context.registry);
  } else {
    write_capability_statement(writer);
  }
  return fhir_answer(std::string(buffer.GetString(), buffer.GetSize()));
}

}  // namespace medcode::searcher::fhir
