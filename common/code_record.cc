#include "common/code_record.h"

#include <algorithm>
#include <cctype>

namespace medcode {

const char* note_kind_name(NoteKind kind) {
  switch (kind) {
    case NoteKind::kIncludes: return "includes";
    case NoteKind::kExcludes1: return "excludes1";
    case NoteKind::kExcludes2: return "excludes2";
    case NoteKind::kCodeFirst: return "code_first";
    case NoteKind::kUseAdditionalCode: return "use_additional_code";
    case NoteKind::kCodeAlso: return "code_also";
    case NoteKind::kNotes: return "notes";
    case NoteKind::kSeventhCharNote: return "seventh_character_note";
  }
  return "notes";
}

const char* index_source_name(IndexSource source) {
  switch (source) {
    case IndexSource::kAlphabeticIndex: return "alphabetic_index";
    case IndexSource::kExternalCause: return "external_cause_index";
    case IndexSource::kDrugTable: return "drug_table";
    case IndexSource::kNeoplasmTable: return "neoplasm_table";
    case IndexSource::kPcsIndex: return "pcs_index";
  }
  return "alphabetic_index";
}

std::vector<std::string> changed_in_releases(const CodeValidity& validity) {
  std::vector<std::string> releases;
  auto add = [&](const std::string& release) {
    if (!release.empty() && std::find(releases.begin(), releases.end(), release) == releases.end()) {
      releases.push_back(release);
    }
  };
  add(validity.from_release);
  add(validity.until_release);
  for (const auto& release : validity.revised_in) add(release);
  return releases;
}

std::string release_label(const std::string& release) {
  std::string label = release;
  for (char& c : label) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return label;
}

std::string title_in_release_attribute(const std::string& release) {
  return std::string(kTitleInReleasePrefix) + release_label(release);
}

std::string billable_in_release_attribute(const std::string& release) {
  return std::string(kBillableInReleasePrefix) + release_label(release);
}

}  // namespace medcode
