// Search in a release (release=fy2025): the releases an index's validity data covers (its
// metadata, schema::kReleaseHistoryKey), the filter for codes valid in one of them, and a
// code's title and billable status as that release had them.
#pragma once

#include <xapian.h>

#include <string>
#include <vector>

#include "common/code_record.h"
#include "common/status.h"

namespace medcode::searcher {

struct KnownRelease {
  std::string system;
  std::string release;         // "fy2025"
  std::string effective_date;  // "2024-10-01"
};

// Parses the metadata TSV; lines that do not have three fields are skipped.
std::vector<KnownRelease> parse_known_releases(const std::string& tsv);

// A search restricted to the codes valid on the first day of a release.
struct ReleaseScope {
  std::string release;  // as the index names it, "fy2025"; "" = no restriction
  std::string date;     // its effective date

  bool active() const { return !release.empty(); }
  // Documents valid on date: from <= date <= through (value slots).
  Xapian::Query filter() const;
  // The record's status as of the release searched (today's when inactive).
  CodeStatus status(const CodeRecord& record) const;
  // The record's title and billable status in the release ("Title in FY2025").
  void apply(const CodeRecord& record, std::string& title, bool& is_billable) const;
};

// The scope for a requested release (matched case-insensitively); an empty request gives
// an inactive scope. kInvalidArgument naming the releases known when it is not one of them:
// parameter "release": "fy2019" is not a release this index knows; it knows fy2025, fy2026.
Result<ReleaseScope> resolve_release(const std::vector<KnownRelease>& known, const std::string& requested);

// The releases of record's code set in which it is valid, oldest first.
std::vector<std::string> releases_valid_in(const std::vector<KnownRelease>& known, const CodeRecord& record);

}  // namespace medcode::searcher
