#include "indexer/sources/gem_reader.h"

#include "common/code_format.h"
#include "common/text_trim.h"
#include "common/utf8.h"

namespace medcode::indexer {
namespace {

constexpr const char* kFlagNames[] = {"approximate", "no map", "combination", "scenario", "choice list"};

// The fields of a line, split at runs of spaces and tabs (the columns are space-padded).
std::vector<std::string_view> fields_of(std::string_view line) {
  std::vector<std::string_view> fields;
  std::size_t start = 0;
  while (start < line.size()) {
    while (start < line.size() && (line[start] == ' ' || line[start] == '\t')) ++start;
    std::size_t end = start;
    while (end < line.size() && line[end] != ' ' && line[end] != '\t') ++end;
    if (end > start) fields.push_back(line.substr(start, end - start));
    start = end;
  }
  return fields;
}

// What a GEM writes as the target of a source without translation.
bool is_no_map_target(std::string_view code) { return code == "NoDx" || code == "NoPCS" || code == "NoI9"; }

std::string upper_cased(std::string_view code) {
  std::string upper(code);
  for (char& c : upper) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return upper;
}

struct CodeRule {
  bool icd9 = false;
  bool procedures = false;
  std::string_view name;  // for messages
};

bool fits(const CodeRule& rule, std::string_view code) {
  if (rule.icd9) return is_icd9cm_shape(code, rule.procedures ? Icd9Kind::kProcedure : Icd9Kind::kDiagnosis);
  return rule.procedures ? is_icd10pcs_shape(code) : is_icd10cm_shape(code);
}

// Fills the entry's flags; "" or why they are malformed.
std::string read_flags(std::string_view flags, GemEntry& entry) {
  if (flags.size() != 5) return "flags " + quote_for_message(flags) + " are not 5 digits";
  for (std::size_t i = 0; i < 5; ++i) {
    const char c = flags[i];
    if (c < '0' || c > '9') return "flags " + quote_for_message(flags) + " are not 5 digits";
    if (i < 3 && c > '1') {
      return "flag " + std::to_string(i + 1) + " (" + kFlagNames[i] + ") is " + quote_for_message(flags.substr(i, 1)) +
             ", not 0 or 1";
    }
  }
  entry.approximate = flags[0] == '1';
  entry.no_map = flags[1] == '1';
  entry.combination = flags[2] == '1';
  entry.scenario = flags[3] - '0';
  entry.choice_list = flags[4] - '0';
  // The reverse (scenario digits on a non-combination entry) occurs in the FY2018 PCS GEMs
  // (3584 -> 02S00ZZ "10013"); the combination flag decides, so those entries stay.
  if (entry.combination && (entry.scenario == 0 || entry.choice_list == 0)) {
    return "combination entry without a scenario and choice list (flags " + quote_for_message(flags) + ")";
  }
  return "";
}

}  // namespace

Result<GemFile> read_gem_file(std::string_view bytes, const std::string& source_name,
                              std::string_view icd10_system, GemDirection direction) {
  if (Status utf8 = check_utf8(bytes, source_name); !utf8.is_ok()) return utf8;
  const bool procedures = icd10_system == kIcd10Pcs;
  const CodeRule icd9{true, procedures, procedures ? "an ICD-9-CM procedure" : "an ICD-9-CM diagnosis"};
  const CodeRule icd10{false, procedures, procedures ? "an ICD-10-PCS" : "an ICD-10-CM"};
  const bool forward = direction == GemDirection::kIcd9ToIcd10;
  const CodeRule& source_rule = forward ? icd9 : icd10;
  const CodeRule& target_rule = forward ? icd10 : icd9;
  GemFile file;
  std::size_t line_number = 0;
  while (!bytes.empty()) {
    const std::size_t end = bytes.find('\n');
    const std::string_view line = trim_whitespace(bytes.substr(0, end));
    bytes.remove_prefix(end == std::string_view::npos ? bytes.size() : end + 1);
    ++line_number;
    if (line.empty()) continue;
    const std::string location = source_name + ":" + std::to_string(line_number);
    const std::vector<std::string_view> fields = fields_of(line);
    if (fields.size() != 3) {
      file.skipped.add(location, "line has " + std::to_string(fields.size()) +
                                     " fields, a GEM entry has 3 (source, target, flags)");
      continue;
    }
    GemEntry entry;
    const bool no_map_target = is_no_map_target(fields[1]);
    // Case carries no meaning in a code; 2018_I10gem.txt maps T88.53XD to "v5889".
    entry.source = upper_cased(fields[0]);
    entry.target = no_map_target ? std::string(fields[1]) : upper_cased(fields[1]);
    entry.line = line_number;
    if (!fits(source_rule, entry.source)) {
      file.skipped.add(location, "source " + quote_for_message(fields[0]) + " is not " +
                                     std::string(source_rule.name) + " code");
      continue;
    }
    if (!no_map_target && !fits(target_rule, entry.target)) {
      file.skipped.add(location, "target " + quote_for_message(fields[1]) + " is not " +
                                     std::string(target_rule.name) + " code");
      continue;
    }
    if (std::string why = read_flags(fields[2], entry); !why.empty()) {
      file.skipped.add(location, why);
      continue;
    }
    if (entry.no_map && !no_map_target) {
      file.skipped.add(location, "no-map flag set but target " + quote_for_message(fields[1]) + " is a code");
      continue;
    }
    entry.no_map = entry.no_map || no_map_target;
    file.entries.push_back(std::move(entry));
  }
  if (file.entries.empty()) {
    return Status::data_error(source_name + ": no GEM entries found; is this a General Equivalence Mapping?");
  }
  return file;
}

}  // namespace medcode::indexer
