#include "searcher/engine/internal/release_scope.h"

#include <algorithm>
#include <cctype>

#include "common/schema.h"
#include "common/tsv_fields.h"

namespace medcode::searcher {
namespace {

std::string lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

std::string joined(const std::vector<std::string>& names) {
  std::string text;
  for (const auto& name : names) text += (text.empty() ? "" : ", ") + name;
  return text;
}

bool valid_on(const CodeRecord& record, const std::string& date) {
  const CodeValidity& v = record.validity;
  return (v.from_date.empty() || v.from_date <= date) && (v.through_date.empty() || date <= v.through_date);
}

}  // namespace

std::vector<KnownRelease> parse_known_releases(const std::string& tsv) {
  std::vector<KnownRelease> known;
  for (const auto& fields : tsv_rows(tsv)) {
    if (fields.size() == 3) known.push_back({fields[0], fields[1], fields[2]});
  }
  return known;
}

Xapian::Query ReleaseScope::filter() const {
  return Xapian::Query(Xapian::Query::OP_AND, Xapian::Query(Xapian::Query::OP_VALUE_LE, schema::kValidFromSlot, date),
                       Xapian::Query(Xapian::Query::OP_VALUE_GE, schema::kValidThroughSlot, date));
}

CodeStatus ReleaseScope::status(const CodeRecord& record) const {
  // A code deleted since was still reportable in the release searched.
  if (active() && valid_on(record, date)) return CodeStatus::kActive;
  return code_status(record);
}

void ReleaseScope::apply(const CodeRecord& record, std::string& title, bool& is_billable) const {
  if (!active()) return;
  const std::string title_name = title_in_release_attribute(release);
  const std::string billable_name = billable_in_release_attribute(release);
  for (const auto& attribute : record.attributes) {
    if (attribute.name == title_name) title = attribute.value;
    if (attribute.name == billable_name) is_billable = attribute.value == "yes";
  }
}

Result<ReleaseScope> resolve_release(const std::vector<KnownRelease>& known, const std::string& requested) {
  if (requested.empty()) return ReleaseScope{};
  const std::string wanted = lower(requested);
  std::vector<std::string> names;
  for (const auto& release : known) {
    if (lower(release.release) == wanted) return ReleaseScope{release.release, release.effective_date};
    if (std::find(names.begin(), names.end(), release.release) == names.end()) names.push_back(release.release);
  }
  return Status::invalid_argument("parameter \"release\": \"" + requested + "\" is not a release this index knows" +
                                  (names.empty() ? " (it was built without validity data)" : "; it knows " + joined(names)));
}

std::vector<std::string> releases_valid_in(const std::vector<KnownRelease>& known, const CodeRecord& record) {
  std::vector<std::string> releases;
  for (const auto& release : known) {
    if (release.system == record.system && valid_on(record, release.effective_date)) releases.push_back(release.release);
  }
  return releases;
}

}  // namespace medcode::searcher
