// The usage prior: how often a code is reported in real care, damped and smoothed into a
// 0-1 number the ranking adds a little of, so that among codes the words fit equally the
// one coders actually use comes first ("community acquired pneumonia" -> J18.9, not a rare
// congenital form). The words always decide first: the prior is small against them.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "common/code_record.h"

namespace medcode::indexer {

// Sets times_reported and usage_prior on the ICD-10-CM records from mentions (compact code
// -> times reported, all care settings added up):
// - counts are damped by log, and status, history and exposure Z codes (Z20, Z28, Z67-Z68,
//   Z77-Z99), counted whenever they are listed as secondary diagnoses, weigh a twentieth;
// - a billable code never reported takes a tenth of its category's mean over billable codes,
//   but never more than half its least-reported sibling, so it ranks below every reported one;
// - a header takes its most used descendant's, so it never outranks its own best child.
// Records of other systems are left at 0.
void apply_usage_prior(std::vector<CodeRecord>& records, const std::map<std::string, std::uint64_t>& mentions);

// The damping weight of a code's count (1, or 0.05 for status/exposure Z codes).
double usage_damping(const std::string& compact_code);

}  // namespace medcode::indexer
