#include "indexer/build/code_validity.h"

#include <map>
#include <set>

#include "common/code_format.h"

namespace medcode::indexer {
namespace {

std::string joined_display(const std::vector<std::string>& codes) {
  std::string text;
  for (const auto& code : codes) text += (text.empty() ? "" : ", ") + display_code(kIcd10Cm, code);
  return text;
}

}  // namespace

bool is_deleted_code(const CodeRecord& record) {
  for (const auto& attribute : record.attributes) {
    if (attribute.name == "Status" && attribute.value.rfind("Deleted in", 0) == 0) return true;
  }
  return false;
}

ValidityResult apply_code_validity(std::vector<CodeRecord>& records, const ValiditySources& sources) {
  ValidityResult result;
  if (sources.previous == nullptr) return result;
  const std::string fy = "FY" + std::to_string(sources.year);
  std::set<std::string> before;
  for (const auto& entry : sources.previous->entries) before.insert(entry.code);
  std::map<std::string, std::vector<std::string>> replaces, replaced_by;  // new -> old, old -> new
  if (sources.conversions != nullptr) {
    for (const auto& conversion : sources.conversions->conversions) {
      for (const auto& old : conversion.previous) {
        replaces[conversion.current].push_back(old);
        replaced_by[old].push_back(conversion.current);
      }
    }
  }
  std::set<std::string> now;
  int last_order = 0;
  for (auto& record : records) {
    now.insert(record.code);
    last_order = std::max(last_order, record.order_number);
    if (before.count(record.code)) continue;
    ++result.new_codes;
    record.attributes.push_back({"Status", "New in " + fy, "Valid for dates of service from " + sources.effective_date});
    auto old = replaces.find(record.code);
    if (old != replaces.end()) record.attributes.push_back({"Replaces", joined_display(old->second), fy + " conversion table"});
  }
  for (const auto& entry : sources.previous->entries) {
    if (now.count(entry.code)) continue;
    CodeRecord record;
    record.system = std::string(kIcd10Cm);
    record.code = entry.code;
    record.title = entry.long_title;
    record.short_title = entry.short_title;
    record.is_billable = false;  // not valid for claims any more
    record.order_number = ++last_order;
    record.release_year = sources.previous_year;
    // Hang it under its nearest category that still exists, for the hierarchy.
    for (std::size_t length = entry.code.size() - 1; length >= 3; --length) {
      if (now.count(entry.code.substr(0, length))) {
        record.parent = entry.code.substr(0, length);
        break;
      }
    }
    record.attributes.push_back({"Status", "Deleted in " + fy,
                                 "Not valid for dates of service from " + sources.effective_date + "; was " +
                                     (entry.is_billable ? "billable" : "a header") + " in FY" +
                                     std::to_string(sources.previous_year)});
    auto successors = replaced_by.find(entry.code);
    if (successors != replaced_by.end()) {
      record.attributes.push_back({"Replaced by", joined_display(successors->second), fy + " conversion table"});
      ++result.with_replacements;
    }
    result.deleted.push_back(std::move(record));
  }
  return result;
}

}  // namespace medcode::indexer
