// The FHIR terminology resources medcode reasons over, as plain values: concepts, code
// system metadata and value set composition (FHIR R4 CodeSystem and ValueSet, with the R5
// elements the HL7 terminology tests use). JSON is read into these by resource_reader.h.
#pragma once

#include <memory>
#include <string>
#include <vector>

namespace medcode::searcher::fhir {

struct Coding {
  std::string system;
  std::string version;
  std::string code;
  std::string display;
};

// CodeSystem.concept.designation: another name for a concept, in a language or for a use.
struct Designation {
  std::string language;  // "de", "" when unstated
  Coding use;            // empty system and code when unstated
  std::string value;
};

// CodeSystem.concept.property: one value, kept as text with its FHIR type.
struct PropertyValue {
  std::string code;   // the property's code in CodeSystem.property ("status", "parent")
  std::string type;   // "code", "Coding", "string", "integer", "boolean", "dateTime", "decimal"
  std::string value;  // the value as text ("true", "retired", "12"); a Coding's code
  Coding coding;      // for type "Coding"
};

struct Concept {
  std::string code;
  std::string display;
  std::string definition;
  std::vector<Designation> designations;
  std::vector<PropertyValue> properties;
  std::vector<std::string> parents;   // codes, from nesting and "parent" properties
  std::vector<std::string> children;  // codes, in the order the resource gives them
  bool is_abstract = false;  // notSelectable (or R4's "abstract") property true
  bool is_inactive = false;  // status retired/inactive, or inactive property true
  bool is_deprecated = false;  // status deprecated (still active)
  std::string status;        // the status property's value, "" when absent
};

// CodeSystem.property: a property the code system defines for its concepts.
struct PropertyDefinition {
  std::string code;
  std::string uri;
  std::string type;
  std::string description;
};

struct CodeSystemInfo {
  std::string url;
  std::string version;   // "" when the code system has none
  std::string name;
  std::string title;
  std::string status;    // "active", "draft", "retired"
  std::string language;  // CodeSystem.language: the language of its displays
  std::string content = "complete";  // "complete", "fragment", "example", "not-present", "supplement"
  std::string supplements;  // for content "supplement": the canonical supplemented
  std::string value_set;    // CodeSystem.valueSet, the all-codes value set
  bool case_sensitive = true;
  bool experimental = false;
  std::string standards_status;  // the structuredefinition-standards-status extension: "deprecated", "withdrawn"
  std::vector<PropertyDefinition> properties;
  // True for the code systems of the index (ICD-10-CM, PCS, HCPCS): served from Xapian,
  // searched with the full engine, never enumerated whole.
  bool from_index = false;
};

// Why a code system or value set in use deserves a note (tx.fhir.org's warning-<kind>
// expansion parameters and status-check issues): "deprecated" or "withdrawn" (standards
// status), "draft", "experimental"; "" for none.
inline std::string publication_note(const std::string& status, bool experimental, const std::string& standards_status) {
  if (standards_status == "deprecated" || standards_status == "withdrawn") return standards_status;
  if (status == "draft") return "draft";
  if (experimental) return "experimental";
  return "";
}

// A note on one resource in use: the kind above, "CodeSystem" or "ValueSet", and its canonical.
struct PublicationNote {
  std::string kind;
  std::string resource_type;
  std::string canonical;
  bool operator==(const PublicationNote& other) const {
    return kind == other.kind && resource_type == other.resource_type && canonical == other.canonical;
  }
};

// ValueSet.compose.include/exclude.filter
struct ConceptFilter {
  std::string property;  // "concept", "code", "display", "status", a defined property
  std::string op;        // "is-a", "descendent-of", "is-not-a", "=", "in", "not-in", "regex",
                         // "exists", "generalizes", "child-of", "descendent-leaf"
  std::string value;
};

// ValueSet.compose.include or exclude: codes of one system (all, listed or filtered), and
// or only value set imports.
struct ConceptSetRule {
  std::string system;
  std::string version;
  struct Listed {
    std::string code;
    std::string display;
    std::vector<Designation> designations;
  };
  std::vector<Listed> concepts;
  std::vector<ConceptFilter> filters;
  std::vector<std::string> value_sets;  // canonicals, "url" or "url|version"
};

struct ValueSetResource {
  std::string url;
  std::string version;
  std::string name;
  std::string title;
  std::string status;
  std::string language;
  bool experimental = false;
  std::string standards_status;  // as CodeSystemInfo::standards_status
  bool has_compose = false;
  bool compose_inactive = true;  // compose.inactive: whether inactive codes are included
  std::vector<ConceptSetRule> includes;
  std::vector<ConceptSetRule> excludes;
  // The resource as received (JSON), echoed around an expansion.
  std::string json;
  // A value set given with only an expansion (no compose): its contains, flattened.
  bool has_expansion_only = false;
  struct Contained {
    std::string system;
    std::string version;
    std::string code;
    std::string display;
    bool is_abstract = false;
    bool is_inactive = false;
  };
  std::vector<Contained> expansion;
};

}  // namespace medcode::searcher::fhir
