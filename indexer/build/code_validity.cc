#include "indexer/build/code_validity.h"

#include <chrono>
#include <map>
#include <optional>
#include <set>
#include <unordered_map>

#include "common/code_format.h"

namespace medcode::indexer {
namespace {

std::string joined_display(const std::string& system, const std::vector<std::string>& codes) {
  std::string text;
  for (const auto& code : codes) text += (text.empty() ? "" : ", ") + display_code(system, code);
  return text;
}

// Each earlier release's codes, for lookups by code.
struct ReleaseCodes {
  const EarlierRelease* release;
  std::unordered_map<std::string, const OrderEntry*> by_code;
};

// The first release of the unbroken run of releases, ending at `last` (an index into
// earlier, or earlier.size() for the release being built), that has the code: "" when the
// run reaches the oldest release read.
std::size_t run_start(const std::vector<ReleaseCodes>& earlier, std::size_t last, const std::string& code) {
  std::size_t start = last;
  while (start > 0 && earlier[start - 1].by_code.count(code)) --start;
  return start;
}

void add_history(CodeRecord& record, const std::vector<ReleaseCodes>& earlier, std::size_t through) {
  for (std::size_t i = 0; i < through; ++i) {
    auto found = earlier[i].by_code.find(record.code);
    if (found == earlier[i].by_code.end()) continue;
    const OrderEntry& then = *found->second;
    if (then.long_title != record.title) {
      record.attributes.push_back({title_in_release_attribute(earlier[i].release->release), then.long_title, ""});
    }
    if (then.is_billable != record.is_billable) {
      record.attributes.push_back(
          {billable_in_release_attribute(earlier[i].release->release), then.is_billable ? "yes" : "no", ""});
    }
  }
}

// The releases that changed the code's title or billable status: each release at position
// 1..last (an index into earlier, or earlier.size() for the one being built, whose state is
// the record's own) whose state differs from the release before, both having the code.
template <typename ReleaseAt>
void add_revisions(CodeRecord& record, const std::vector<ReleaseCodes>& earlier, std::size_t last,
                   const ReleaseAt& release_at) {
  auto state = [&](std::size_t i) -> std::optional<std::pair<std::string, bool>> {
    if (i == earlier.size()) return std::make_pair(record.title, record.is_billable);
    auto found = earlier[i].by_code.find(record.code);
    if (found == earlier[i].by_code.end()) return std::nullopt;
    return std::make_pair(found->second->long_title, found->second->is_billable);
  };
  for (std::size_t i = 1; i <= last; ++i) {
    const auto before = state(i - 1);
    const auto after = state(i);
    if (before && after && *before != *after) record.validity.revised_in.push_back(release_at(i));
  }
}

}  // namespace

std::string day_before(const std::string& date) {
  using namespace std::chrono;
  if (date.size() != 10 || date[4] != '-' || date[7] != '-') return "";
  try {
    const year_month_day given{year{std::stoi(date.substr(0, 4))},
                               month{static_cast<unsigned>(std::stoi(date.substr(5, 2)))},
                               day{static_cast<unsigned>(std::stoi(date.substr(8, 2)))}};
    if (!given.ok()) return "";
    const year_month_day before{sys_days{given} - days{1}};
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(before.year()),
                  static_cast<unsigned>(before.month()), static_cast<unsigned>(before.day()));
    return text;
  } catch (const std::exception&) {
    return "";
  }
}

bool is_deleted_code(const CodeRecord& record) { return !record.validity.until_release.empty(); }

ValidityResult apply_code_validity(std::vector<CodeRecord>& records, const ValiditySources& sources) {
  ValidityResult result;
  if (sources.earlier.empty()) return result;
  std::vector<ReleaseCodes> earlier;
  for (const auto& release : sources.earlier) {
    ReleaseCodes codes{&release, {}};
    for (const auto& entry : release.order->entries) codes.by_code.emplace(entry.code, &entry);
    earlier.push_back(std::move(codes));
  }
  // The release at position i of earlier, or the one being built at earlier.size().
  auto release_at = [&](std::size_t i) { return i < earlier.size() ? earlier[i].release->release : sources.release; };
  auto effective_at = [&](std::size_t i) {
    return i < earlier.size() ? earlier[i].release->effective_date : sources.effective_date;
  };
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
  for (auto& record : records) {
    now.insert(record.code);
    const std::size_t start = run_start(earlier, earlier.size(), record.code);
    add_history(record, earlier, earlier.size());
    add_revisions(record, earlier, earlier.size(), release_at);
    for (const auto& attribute : record.attributes) {
      if (attribute.name.rfind(kTitleInReleasePrefix, 0) == 0) {
        ++result.retitled;
        break;
      }
    }
    if (start == 0) continue;  // in every release read: valid since the oldest or earlier
    record.validity.from_release = release_at(start);
    record.validity.from_date = effective_at(start);
    const std::string label = release_label(record.validity.from_release);
    record.attributes.push_back({std::string(kStatusAttribute), "New in " + label, "Valid for dates of service from " + record.validity.from_date});
    if (start == earlier.size()) ++result.new_codes;
    auto old = replaces.find(record.code);
    if (old != replaces.end()) {
      record.attributes.push_back({std::string(kReplacesAttribute), joined_display(sources.system, old->second), label + " conversion table"});
    }
  }

  // Codes of earlier releases this one lacks, newest release first so each is made once,
  // from the last release that had it.
  std::set<std::string> made;
  for (std::size_t last = earlier.size(); last-- > 0;) {
    for (const auto& entry : earlier[last].release->order->entries) {
      if (now.count(entry.code) || !made.insert(entry.code).second) continue;
      CodeRecord record;
      record.system = sources.system;
      record.code = entry.code;
      record.title = entry.long_title;
      record.short_title = entry.short_title;
      record.is_billable = false;  // not valid for claims any more
      record.sort_key = sources.order != nullptr ? sources.order->key(entry.code) : entry.code;
      // Hang it under its nearest ancestor that still exists, for the hierarchy.
      for (std::size_t length = entry.code.size() - 1; length >= 3; --length) {
        if (now.count(entry.code.substr(0, length))) {
          record.parent = entry.code.substr(0, length);
          break;
        }
      }
      const std::size_t start = run_start(earlier, last, entry.code);
      if (start > 0) {
        record.validity.from_release = release_at(start);
        record.validity.from_date = effective_at(start);
      }
      record.validity.until_release = release_at(last + 1);
      record.validity.through_date = day_before(effective_at(last + 1));
      const std::string label = release_label(record.validity.until_release);
      record.attributes.push_back({std::string(kStatusAttribute), "Deleted in " + label,
                                   "Not valid for dates of service from " + effective_at(last + 1) + "; was " +
                                       (entry.is_billable ? "billable" : "a header") + " in " +
                                       release_label(earlier[last].release->release)});
      add_history(record, earlier, last + 1);  // "Billable in FY2025: yes"
      add_revisions(record, earlier, last, release_at);
      auto successors = replaced_by.find(entry.code);
      if (successors != replaced_by.end()) {
        record.attributes.push_back(
            {std::string(kReplacedByAttribute), joined_display(sources.system, successors->second),
             release_label(sources.release) + " conversion table"});
        ++result.with_replacements;
      }
      result.deleted.push_back(std::move(record));
    }
  }
  return result;
}

}  // namespace medcode::indexer
