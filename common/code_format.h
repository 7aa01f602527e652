// Code-format rules of each code set: the system names used in every interface, the
// compact form codes are stored and matched in, and the official display form.
// ICD-10-CM: a letter, then 2 to 6 alphanumerics, a digit 2nd or 3rd (FY2026 added QA0), dot after the 3rd character
// (CDC order file layout, icd10OrderFiles.pdf). PCS: 7 characters. HCPCS: letter + 4 digits.
// ICD-9-CM, known only through the GEM crosswalks: diagnoses and procedures (GemsTechDoc_2018.pdf).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace medcode {

// System names, identical in CLI, JSON, HTTP and FHIR output.
inline constexpr std::string_view kIcd10Cm = "icd10cm";
inline constexpr std::string_view kIcd10Pcs = "icd10pcs";
inline constexpr std::string_view kHcpcs = "hcpcs";
// The ICD-10-CM Official Guidelines: not codes, but indexed beside them, one document per
// numbered section ("I.C.9.a.1"), kept out of code searches.
inline constexpr std::string_view kGuidelines = "guidelines";

// True for a name an imported code set may use: 2-32 of [a-z0-9_-], starting with a letter.
bool is_valid_system_name(std::string_view name);

// Upper-cases and removes dots, spaces and a trailing "-" (the index's "see tabular for
// more characters" mark): " s52.53- " -> "S5253". Returns "" when anything else remains
// that is not [A-Z0-9].
std::string compact_code(std::string_view text);

// True when compact has the shape of an ICD-10-CM code or category ("I21", "S52531A",
// "QA00101", "C7A"): a letter, then 2 to 6 of [A-Z0-9], with a digit 2nd or 3rd.
bool is_icd10cm_shape(std::string_view compact);

// True when compact has the shape of an ICD-10-PCS code: 7 of [0-9A-HJ-NP-Z].
bool is_icd10pcs_shape(std::string_view compact);

// True when compact is the first 1 to 7 characters of an ICD-10-PCS code ("0DT", a table).
bool is_icd10pcs_prefix_shape(std::string_view compact);

// True when compact has the shape of a HCPCS Level II code: [A-V] then 4 digits.
bool is_hcpcs_shape(std::string_view compact);

// Official display form: ICD-10-CM "I219" -> "I21.9"; other systems unchanged.
std::string display_code(std::string_view system, std::string_view compact);

// ICD-9-CM, the code set ICD-10 replaced: its diagnoses (volumes 1-2) and its procedures
// (volume 3), which the General Equivalence Mappings name.
enum class Icd9Kind { kDiagnosis, kProcedure };

// True when compact has the shape of an ICD-9-CM code or category of kind: a diagnosis is
// 3-5 digits ("25000", "042"), V and 2-4 digits ("V5867") or E and 3-4 digits ("E8810"); a
// procedure is 2-4 digits ("4701", "336").
bool is_icd9cm_shape(std::string_view compact, Icd9Kind kind);

// Official display form: a diagnosis dotted after the 3rd character, an E code after the
// 4th ("25000" -> "250.00", "E8810" -> "E881.0", "042" -> "042"); a procedure after the 2nd
// ("4701" -> "47.01").
std::string display_icd9cm(std::string_view compact, Icd9Kind kind);

// The compact form of an ICD-9-CM code written in either form, any case, with surrounding
// spaces: " 250.00" -> "25000", "v58.67" -> "V5867", "4701" -> "4701". Returns "" when the
// text is not ICD-9-CM shaped for kind, or its dot is not where display_icd9cm puts it
// ("2500.0").
std::string compact_icd9cm(std::string_view text, Icd9Kind kind);

// The systems whose code shape the query text has, in the order to try them, with its
// compact form. "i21.9" -> {icd10cm}; "E0784" -> {icd10cm, hcpcs}; "heart" -> {}.
struct CodeCandidate {
  std::string_view system;
  std::string compact;
};
std::vector<CodeCandidate> code_candidates(std::string_view query);

}  // namespace medcode
