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

namespace {

constexpr std::string_view kIdentical = "identical";
constexpr std::string_view kApproximate = "approximate";
constexpr std::string_view kCombination = "; combination: scenario ";
constexpr std::string_view kChoiceList = ", choice list ";

// One digit 1-9 at the front of text, removed; 0 when there is none.
int take_digit(std::string_view& text) {
  if (text.empty() || text[0] < '1' || text[0] > '9') return 0;
  const int digit = text[0] - '0';
  text.remove_prefix(1);
  return digit;
}

bool take(std::string_view& text, std::string_view expected) {
  if (text.substr(0, expected.size()) != expected) return false;
  text.remove_prefix(expected.size());
  return true;
}

}  // namespace

std::string gem_flags_detail(const GemFlags& flags) {
  std::string detail(flags.approximate ? kApproximate : kIdentical);
  if (flags.combination) {
    detail += std::string(kCombination) + std::to_string(flags.scenario) + std::string(kChoiceList) +
              std::to_string(flags.choice_list);
  }
  return detail;
}

std::optional<GemFlags> parse_gem_flags_detail(std::string_view detail) {
  GemFlags flags;
  if (take(detail, kApproximate)) {
    flags.approximate = true;
  } else if (!take(detail, kIdentical)) {
    return std::nullopt;
  }
  if (detail.empty()) return flags;
  flags.combination = true;
  if (!take(detail, kCombination) || (flags.scenario = take_digit(detail)) == 0 || !take(detail, kChoiceList) ||
      (flags.choice_list = take_digit(detail)) == 0 || !detail.empty()) {
    return std::nullopt;
  }
  return flags;
}

CodeStatus code_status(const CodeRecord& record) {
  if (!record.validity.until_release.empty()) return CodeStatus::kDeleted;
  for (const auto& attribute : record.attributes) {
    if (attribute.name == kStatusAttribute && attribute.value == kTerminatedStatus) return CodeStatus::kTerminated;
  }
  return CodeStatus::kActive;
}

const char* code_status_name(CodeStatus status) {
  switch (status) {
    case CodeStatus::kDeleted:
      return "deleted";
    case CodeStatus::kTerminated:
      return "terminated";
    case CodeStatus::kActive:
      break;
  }
  return "active";
}

}  // namespace medcode
