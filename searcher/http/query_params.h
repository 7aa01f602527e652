// Splits a request target into its path and percent-decoded query parameters, and reads
// typed parameters with errors that name them ("parameter \"limit\": \"x\" is not a number").
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "common/status.h"

namespace medcode::searcher {

struct ParsedTarget {
  std::string path;                           // percent-decoded
  std::map<std::string, std::string> params;  // last value wins for repeated names
  std::vector<std::pair<std::string, std::string>> ordered;  // every parameter, in order (FHIR repeats them)
};

// Fails with kInvalidArgument for a malformed %-escape ("parameter \"q\": bad %-escape at
// byte 2") or decoded text that is not UTF-8 ("parameter \"q\": not valid UTF-8 after
// decoding, at byte 0"). '+' in the query means space.
Result<ParsedTarget> parse_target(const std::string& target);

// The named parameter as a count, or fallback when absent. kInvalidArgument
// "parameter \"limit\": \"ten\" is not a whole number" when it is not one.
Result<std::size_t> count_param(const ParsedTarget& target, const std::string& name,
                                std::size_t fallback);

// The named parameter, or "" when absent.
std::string text_param(const ParsedTarget& target, const std::string& name);

}  // namespace medcode::searcher
