// ConceptMap/$translate (FHIR R4) over the crosswalks the index holds: CMS's General
// Equivalence Mappings (ICD-9-CM to and from ICD-10-CM and ICD-10-PCS; GemsTechDoc_2018.pdf)
// and the ICD-10-CM conversion table (a deleted code to its replacements).
#include "common/code_format.h"
#include "common/code_record.h"
#include "searcher/engine/searcher.h"
#include "searcher/fhir/index_code_systems.h"
#include "searcher/fhir/internal/fhir_json_writer.h"
#include "searcher/fhir/internal/operations.h"
#include "searcher/fhir/internal/resource_json.h"

namespace medcode::searcher::fhir {
namespace {

constexpr const char* kGemForwardMap = "urn:medcode:ConceptMap:gem-icd9-to-icd10";
constexpr const char* kGemBackwardMap = "urn:medcode:ConceptMap:gem-icd10-to-icd9";
constexpr const char* kConversionMap = "urn:medcode:ConceptMap:icd10cm-conversion-table";

struct Match {
  std::string equivalence;  // R4 ConceptMapEquivalence
  Coding term;
  std::string source;       // the ConceptMap
  std::string comment;
};

// GEM flags as R4 equivalence: an identical entry is equivalent, an approximate one
// inexact, and one code of a combination narrower than the source it helps translate.
std::string equivalence_of(const GemFlags& flags) {
  if (flags.combination) return "narrower";
  return flags.approximate ? "inexact" : "equivalent";
}

std::vector<std::string> split_codes(const std::string& list) {
  std::vector<std::string> codes;
  std::string code;
  for (char c : list + ",") {
    if (c == ',' || c == ' ') {
      if (!code.empty()) codes.push_back(code);
      code.clear();
    } else {
      code += c;
    }
  }
  return codes;
}

Outcome<std::vector<Match>> from_icd9(const Searcher& searcher, const std::string& code, const std::string& target) {
  std::vector<Match> matches;
  const bool want_pcs = target == kIcd10PcsUrl;
  const bool diagnosis_shape = is_icd9cm_shape(compact_icd9cm(code, Icd9Kind::kDiagnosis), Icd9Kind::kDiagnosis);
  const bool procedures = want_pcs || (target.empty() && !diagnosis_shape);
  auto crosswalks = searcher.icd9_to_icd10(code, procedures);
  if (!crosswalks.is_ok()) {
    return operation_error(400, "invalid", crosswalks.status().message(), "invalid-code", "INVALID_ICD9_CODE");
  }
  for (const Crosswalk& crosswalk : crosswalks.value()) {
    GemFlags flags{crosswalk.approximate, crosswalk.combination, crosswalk.scenario, crosswalk.choice_list};
    matches.push_back({equivalence_of(flags), {fhir_url_of(crosswalk.system), "", crosswalk.code, crosswalk.title},
                       kGemForwardMap, gem_flags_detail(flags)});
  }
  return matches;
}

Outcome<std::vector<Match>> from_icd10(const Searcher& searcher, const std::string& system, const std::string& code,
                                       const std::string& target) {
  std::vector<Match> matches;
  auto detail = searcher.code_detail(system, code);
  if (!detail.is_ok()) {
    return operation_error(404, "not-found", "Unknown code '" + code + "' in the CodeSystem '" + fhir_url_of(system) + "'",
                           "invalid-code", "Unknown_Code_in_Version");
  }
  for (const CodeAttribute& attribute : detail.value().record.attributes) {
    if ((target.empty() || target == kIcd9CmUrl) && attribute.name == kGemBackwardAttribute) {
      const auto flags = parse_gem_flags_detail(attribute.detail).value_or(GemFlags{});
      matches.push_back({equivalence_of(flags), {kIcd9CmUrl, "", attribute.value, ""}, kGemBackwardMap, attribute.detail});
    }
    if ((target.empty() || target == fhir_url_of(system)) && attribute.name == kReplacedByAttribute) {
      for (const std::string& successor : split_codes(attribute.value)) {
        auto replacement = searcher.lookup(system, successor);
        const std::string title = replacement.is_ok() ? replacement.value().title : "";
        matches.push_back({"equivalent", {fhir_url_of(system), "", successor, title}, kConversionMap,
                           "Deleted in " + detail.value().record.validity.until_release + "; " + attribute.detail});
      }
    }
  }
  return matches;
}

}  // namespace

FhirResponse translate_code(RequestContext& context) {
  const OperationInput& input = *context.input;
  Coding coding;
  if (const JsonValue* json = input.value_json("coding"); json != nullptr && json->IsObject()) coding = read_coding(*json);
  if (coding.code.empty()) coding.code = !input.text("sourceCode").empty() ? input.text("sourceCode") : input.text("code");
  if (coding.system.empty()) coding.system = !input.text("sourceSystem").empty() ? input.text("sourceSystem") : input.text("system");
  const std::string target = !input.text("targetSystem").empty() ? input.text("targetSystem") : input.text("targetsystem");
  if (coding.code.empty() || coding.system.empty()) {
    return fhir_error(operation_error(400, "invalid", "Give the code to translate: sourceCode with sourceSystem (or system), or coding",
                                      "", "NO_CODE"));
  }
  Outcome<std::vector<Match>> matches = std::vector<Match>();
  if (coding.system == kIcd9CmUrl) {
    matches = from_icd9(context.searcher, coding.code, target);
  } else if (const std::string system = index_system_of(coding.system); system == "icd10cm" || system == "icd10pcs") {
    matches = from_icd10(context.searcher, system, coding.code, target);
  } else {
    return fhir_error(operation_error(404, "not-found",
                                      "No concept map translates from '" + coding.system + "': this server maps " + kIcd9CmUrl +
                                          " to and from " + kIcd10CmUrl + " and " + kIcd10PcsUrl + ", and " + kIcd10CmUrl +
                                          " to its replacements",
                                      "not-found", "NO_CONCEPTMAP"));
  }
  if (!matches.is_ok()) return fhir_error(matches.error());
  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  begin_parameters(writer);
  const bool found = !matches.value().empty();
  write_parameter(writer, "result", "valueBoolean", found ? "true" : "false");
  if (!found) {
    write_parameter(writer, "message", "valueString",
                    "No mapping for " + coding.system + "#" + coding.code + (target.empty() ? "" : " to " + target));
  }
  for (const Match& match : matches.value()) {
    writer.StartObject();
    write_member(writer, "name", "match");
    writer.Key("part");
    writer.StartArray();
    write_parameter(writer, "equivalence", "valueCode", match.equivalence);
    writer.StartObject();
    write_member(writer, "name", "concept");
    writer.Key("valueCoding");
    write_coding(writer, match.term);
    writer.EndObject();
    write_parameter(writer, "source", "valueUri", match.source);
    if (!match.comment.empty()) write_parameter(writer, "comment", "valueString", match.comment);
    writer.EndArray();
    writer.EndObject();
  }
  end_parameters(writer);
  return fhir_answer(buffer_text(buffer));
}

}  // namespace medcode::searcher::fhir
