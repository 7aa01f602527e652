#include "common/code_format.h"

namespace medcode {
namespace {

bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alnum(char c) { return is_upper(c) || is_digit(c); }

}  // namespace

bool is_valid_system_name(std::string_view name) {
  if (name.size() < 2 || name.size() > 32) return false;
  if (name[0] < 'a' || name[0] > 'z') return false;
  for (char c : name) {
    const bool ok = (c >= 'a' && c <= 'z') || is_digit(c) || c == '_' || c == '-';
    if (!ok) return false;
  }
  return true;
}

std::string compact_code(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  // "S52.53-" and "T36.-": the index's mark that more characters are required.
  while (!text.empty() && (text.back() == '-' || text.back() == '.')) text.remove_suffix(1);
  std::string compact;
  compact.reserve(text.size());
  for (char c : text) {
    if (c == '.') continue;
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (!is_alnum(c)) return "";
    compact += c;
  }
  return compact;
}

bool is_icd10cm_shape(std::string_view compact) {
  if (compact.size() < 3 || compact.size() > 7) return false;
  // A letter, then alphanumerics with a digit in 2nd or 3rd place: C7A, M1A and FY2026's
  // QA0 have letters there, but no category has two ("CHF" is not a code).
  if (!is_upper(compact[0])) return false;
  if (!is_digit(compact[1]) && !is_digit(compact[2])) return false;
  for (char c : compact.substr(1)) {
    if (!is_alnum(c)) return false;
  }
  return true;
}

bool is_icd10pcs_shape(std::string_view compact) {
  return compact.size() == 7 && is_icd10pcs_prefix_shape(compact);
}

bool is_icd10pcs_prefix_shape(std::string_view compact) {
  if (compact.empty() || compact.size() > 7) return false;
  for (char c : compact) {
    // PCS never uses the letters I and O, to avoid confusion with 1 and 0.
    if (!is_alnum(c) || c == 'I' || c == 'O') return false;
  }
  return true;
}

bool is_hcpcs_shape(std::string_view compact) {
  if (compact.size() != 5 || !is_upper(compact[0]) || compact[0] > 'V') return false;
  for (char c : compact.substr(1)) {
    if (!is_digit(c)) return false;
  }
  return true;
}

std::string display_code(std::string_view system, std::string_view compact) {
  if (system == kIcd10Cm && compact.size() > 3) {
    std::string dotted(compact.substr(0, 3));
    dotted += '.';
    dotted += compact.substr(3);
    return dotted;
  }
  return std::string(compact);
}

bool is_icd9cm_shape(std::string_view compact, Icd9Kind kind) {
  std::string_view digits = compact;
  std::size_t min_digits = 3, max_digits = 5;
  if (kind == Icd9Kind::kProcedure) {
    min_digits = 2;
    max_digits = 4;
  } else if (!compact.empty() && (compact[0] == 'V' || compact[0] == 'E')) {
    // V codes (supplementary factors) are V01-V91 with up to 2 more; E codes E000-E999 with 1.
    digits.remove_prefix(1);
    min_digits = compact[0] == 'V' ? 2 : 3;
    max_digits = 4;
  }
  if (digits.size() < min_digits || digits.size() > max_digits) return false;
  for (char c : digits) {
    if (!is_digit(c)) return false;
  }
  return true;
}

std::string display_icd9cm(std::string_view compact, Icd9Kind kind) {
  const std::size_t dot = kind == Icd9Kind::kProcedure ? 2 : !compact.empty() && compact[0] == 'E' ? 4 : 3;
  if (compact.size() <= dot) return std::string(compact);
  return std::string(compact.substr(0, dot)) + "." + std::string(compact.substr(dot));
}

std::string compact_icd9cm(std::string_view text, Icd9Kind kind) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  std::string written(text);
  for (char& c : written) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  std::string compact;
  for (char c : written) {
    if (c != '.') compact += c;
  }
  if (!is_icd9cm_shape(compact, kind)) return "";
  // A dot, when written, must be the official one: "2500.0" is not 250.00.
  if (written.find('.') != std::string::npos && written != display_icd9cm(compact, kind)) return "";
  return compact;
}

// The first characters ICD-10-PCS sections use: 0-9, B, C, D, F, G, H and X.
bool is_pcs_section(char c) {
  return is_digit(c) || c == 'B' || c == 'C' || c == 'D' || c == 'F' || c == 'G' || c == 'H' || c == 'X';
}

std::vector<CodeCandidate> code_candidates(std::string_view query) {
  std::vector<CodeCandidate> candidates;
  // A dot is only meaningful after the 3rd character of an ICD-10-CM code.
  const auto dot = query.find('.');
  const std::string compact = compact_code(query);
  if (compact.empty()) return candidates;
  if (is_icd10cm_shape(compact)) candidates.push_back({kIcd10Cm, compact});
  if (dot == std::string_view::npos) {
    // A PCS table or partial code ("0DT", "0DTJ") lists the codes under it.
    // Three characters starting with a letter read as an abbreviation first ("DM2").
    const bool table_like = is_digit(compact[0]) ? compact.size() >= 3 : compact.size() >= 4;
    if (table_like && is_icd10pcs_prefix_shape(compact) && is_pcs_section(compact[0])) {
      candidates.push_back({kIcd10Pcs, compact});
    }
    if (is_hcpcs_shape(compact)) candidates.push_back({kHcpcs, compact});
  }
  return candidates;
}

}  // namespace medcode
