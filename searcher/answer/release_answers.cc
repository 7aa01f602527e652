// Validity, replacements and what a release changed: from the release history the index
// records for each code and the conversion table.
#include <algorithm>
#include <cctype>
#include <optional>
#include <set>

#include "common/code_format.h"
#include "searcher/answer/internal/answer_builder.h"
#include "searcher/answer/note_references.h"
#include "searcher/engine/searcher.h"

namespace medcode::searcher::answering {

Status AnswerBuilder::validity() {
  return each_asked_code([&](CodeDetail& detail) -> Result<std::string> {
    const std::string& system = detail.record.system;
    const std::vector<std::string> releases = releases_of(system);
    a_.citations.push_back({"release_history", system_label(system) + " releases this index holds: " + known_releases(system), "", "", ""});
    const CodeValidity& v = detail.record.validity;
    std::vector<std::string> valid_labels;
    for (const auto& release : detail.valid_in) valid_labels.push_back(release_label(release));
    // A code set without release history (HCPCS) knows only the release it was built from.
    const std::string in_list = !valid_labels.empty() ? joined(valid_labels)
                                : is_deleted(detail)  ? "no release this index holds"
                                                      : release_label(detail.release);
    std::string sentence;
    const std::string& asked = a_.question.release;
    if (!asked.empty()) {
      const bool known = std::find(releases.begin(), releases.end(), asked) != releases.end();
      const bool valid = std::find(detail.valid_in.begin(), detail.valid_in.end(), asked) != detail.valid_in.end();
      if (!known) {
        sentence = "This index holds " + system_label(system) + " " + known_releases(system) + " only, so it cannot say whether " + detail.display_code +
                   " was valid in " + release_label(asked) + ". " + detail.display_code + " is valid in " + in_list + ".";
      } else {
        sentence = std::string(valid ? "Yes. " : "No. ") + detail.display_code + (valid ? " is valid in " : " is not valid in ") +
                   release_label(asked) + ". It is valid in " + in_list + ".";
      }
    } else if (is_deleted(detail)) {
      sentence = "No. " + deleted_sentence(detail);
    } else {
      sentence = "Yes. " + detail.display_code + " is valid in " + release_label(detail.release) + " (valid in " + in_list + ").";
    }
    if (!is_deleted(detail) && !detail.record.is_billable && detail.record.system != kHcpcs) {
      sentence += " It is a header, not billable: report one of its billable codes.";
    }
    if (!v.from_release.empty()) {
      a_.facts.push_back(detail.display_code + " is new in " + release_label(v.from_release) +
                         (v.from_date.empty() ? "" : ", valid for dates of service from " + v.from_date) + ".");
    } else if (!detail.earliest_release.empty()) {
      a_.facts.push_back(detail.display_code + " is in " + release_label(detail.earliest_release) +
                         ", the earliest release this index holds, so it dates from then or earlier.");
    }
    if (!v.until_release.empty() && !asked.empty()) a_.facts.push_back(deleted_sentence(detail));
    const std::string before = billable_before(detail);
    if (!before.empty()) a_.facts.push_back(before);
    return sentence;
  });
}

Status AnswerBuilder::replacement() {
  return each_asked_code([&](CodeDetail& detail) -> Result<std::string> {
    std::string sentence;
    const std::string successors = attribute(detail, std::string(kReplacedByAttribute));
    if (!successors.empty()) {
      sentence = detail.display_code + " was deleted in " + release_label(detail.record.validity.until_release) +
                 "; the conversion table replaces it with " + successors + ".";
      std::string source;
      for (const auto& attribute : detail.record.attributes) {
        if (attribute.name == kReplacedByAttribute) source = attribute.detail;
      }
      a_.citations.push_back({"conversion_table", source.empty() ? "Conversion table" : source, detail.record.system,
                              detail.display_code, detail.display_code + " -> " + successors});
      std::string code;
      for (const char c : successors + ",") {
        if (c == ',' || c == ' ') {
          if (code.empty()) continue;
          auto replacement = searcher_.code_detail(detail.record.system, code);
          if (replacement.is_ok()) {
            add_code(replacement.value(), "replacement", "");
          } else {
            a_.codes.push_back({detail.record.system, code, "", false, "replacement", "named by the conversion table; not in this index"});
          }
          code.clear();
        } else {
          code += c;
        }
      }
    } else if (is_deleted(detail)) {
      sentence = deleted_sentence(detail) + (is_terminated(detail) ? "" : " The conversion table names no replacement.");
    } else {
      sentence = detail.display_code + " was not replaced: it is valid in " + release_label(detail.release) + ".";
      if (!detail.record.is_billable) {
        std::string codes;
        if (Status listed = list_billable_codes(detail, codes); !listed.is_ok()) return listed;
        const std::string before = billable_before(detail);
        sentence += before.empty() ? " It is a header. " + codes
                                   : " It is a header now (" + before.substr(0, before.size() - 1) + "). " + codes;
      }
    }
    return sentence;
  });
}

Status AnswerBuilder::changes() {
  // Releases are named per code set: fy2026 is ICD-10-CM's and PCS's, 2025-oct HCPCS's.
  const std::string system = a_.question.system.empty() ? std::string(kIcd10Cm) : a_.question.system;
  const std::vector<std::string> releases = releases_of(system);
  const std::string& release = a_.question.release;
  const auto at = std::find(releases.begin(), releases.end(), release);
  a_.citations.push_back({"release_history", system_label(system) + " releases this index holds: " + known_releases(system), "", "", ""});
  if (at == releases.end() || at == releases.begin()) {
    a_.summary = "This index holds " + system_label(system) + " " + known_releases(system) + ", so it cannot say what " +
                 release_label(release) + " changed" +
                 (at == releases.begin() && at != releases.end() ? ": it has no release before it to compare with." : ".");
    return Status::ok();
  }
  const std::string before = *(at - 1);
  if (a_.question.topic.empty()) {
    a_.summary = "Name a condition, procedure or code to list what " + release_label(release) + " changed for it.";
    a_.suggestion = "For example: what changed in " + release_label(release) + " for diabetes.";
    return Status::ok();
  }
  SearchRequest request;
  request.query = a_.question.topic;
  request.system = a_.question.system;
  request.changed_in = release;
  request.limit = kListedCodes;
  auto found = search_if_served(request);
  if (!found.is_ok()) return found.status();
  const SearchResponse& response = found.value();
  const std::string topic = quoted(a_.question.topic);
  if (response.hits.empty()) {
    a_.summary = release_label(release) + " changed no code that matches " + topic + ".";
    return Status::ok();
  }
  for (const auto& hit : response.hits) {
    auto detail = searcher_.code_detail(hit.system, hit.code);
    if (!detail.is_ok()) continue;
    const CodeDetail& d = detail.value();
    std::vector<std::string> what;
    if (d.record.validity.from_release == release) what.push_back("new in " + release_label(release));
    if (d.record.validity.until_release == release) what.push_back("deleted in " + release_label(release));
    // A deleted code is stored as not billable: its billable status did not change.
    const auto& revised = d.record.validity.revised_in;
    if (d.record.validity.until_release != release && std::find(revised.begin(), revised.end(), release) != revised.end()) {
      const std::string old_title = attribute(d, title_in_release_attribute(before));
      if (!old_title.empty()) what.push_back("retitled (was " + quoted(old_title) + ")");
      const std::string old_billable = attribute(d, billable_in_release_attribute(before));
      if (!old_billable.empty()) {
        what.push_back(old_billable == "yes" ? "now a header (billable in " + release_label(before) + ")"
                                             : "now billable (a header in " + release_label(before) + ")");
      }
    }
    if (what.empty()) what.push_back("changed in " + release_label(release));
    add_code(d, "changed", joined(what, "; "));
  }
  // Totals are exact up to 100 past the page, Xapian's estimate beyond.
  const std::string count = (response.total > kListedCodes + 100 ? "about " : "") + std::to_string(response.total);
  a_.summary = release_label(release) + " changed " + count + " code" + (response.total == 1 ? "" : "s") + " matching " +
               topic + " (against " + release_label(before) + "); the best matches are listed.";
  return Status::ok();
}

}  // namespace medcode::searcher::answering
