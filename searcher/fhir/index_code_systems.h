// The index's code sets as FHIR code systems: ICD-10-CM (http://hl7.org/fhir/sid/icd-10-cm),
// ICD-10-PCS (http://www.cms.gov/Medicare/Coding/ICD10), HCPCS Level II
// (http://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets) and CPT when a licensed file
// was imported (http://www.ama-assn.org/go/cpt), each release a version ("fy2026").
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "searcher/fhir/code_system_source.h"

namespace medcode::searcher {
class Searcher;
}

namespace medcode::searcher::fhir {

inline constexpr const char* kIcd10CmUrl = "http://hl7.org/fhir/sid/icd-10-cm";
inline constexpr const char* kIcd10PcsUrl = "http://www.cms.gov/Medicare/Coding/ICD10";
inline constexpr const char* kHcpcsUrl = "http://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets";
inline constexpr const char* kCptUrl = "http://www.ama-assn.org/go/cpt";
inline constexpr const char* kIcd9CmUrl = "http://hl7.org/fhir/sid/icd-9-cm";
// The designation uses medcode gives its concepts' other names.
inline constexpr const char* kDesignationUseUrl = "urn:medcode:designation-use";

// The FHIR URL of an index code set ("icd10cm"), "" for one FHIR has none for.
std::string fhir_url_of(const std::string& system);
// The index code set of a FHIR URL, "" when the index has none.
std::string index_system_of(const std::string& url);

// One code system per code set and release of searcher's index; searcher must outlive them.
std::vector<std::shared_ptr<const CodeSystemSource>> index_code_systems(const Searcher& searcher);

}  // namespace medcode::searcher::fhir
