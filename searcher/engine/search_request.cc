#include "searcher/engine/search_request.h"

#include <cctype>

#include "common/code_format.h"
#include "common/utf8.h"

namespace medcode::searcher {

namespace {

// Release names are manifest ids: "fy2025", "fy2025-april", "2025-oct".
bool is_release_name(const std::string& name) {
  if (name.empty() || name.size() > 40) return false;
  for (unsigned char c : name) {
    if (!std::isalnum(c) && c != '-' && c != '_' && c != '.') return false;
  }
  return true;
}

}  // namespace

Status validate_search_request(const SearchRequest& request) {
  if (request.query.size() > kMaxQueryBytes) {
    return Status::invalid_argument("parameter \"q\": " + std::to_string(request.query.size()) +
                                    " bytes exceeds maximum " + std::to_string(kMaxQueryBytes));
  }
  if (auto bad = find_invalid_utf8(request.query)) {
    return Status::invalid_argument("parameter \"q\": not valid UTF-8 at byte " +
                                    std::to_string(*bad));
  }
  if (request.query.find_first_not_of(" \t\r\n") == std::string::npos) {
    return Status::invalid_argument("parameter \"q\": query is empty");
  }
  if (!request.system.empty() && !is_valid_system_name(request.system)) {
    return Status::invalid_argument("parameter \"system\": " + quote_for_message(request.system) +
                                    " is not a system name (e.g. icd10cm)");
  }
  if (!request.release.empty() && !is_release_name(request.release)) {
    return Status::invalid_argument("parameter \"release\": " + quote_for_message(request.release) +
                                    " is not a release name (e.g. fy2025)");
  }
  if (!request.changed_in.empty() && !is_release_name(request.changed_in)) {
    return Status::invalid_argument("parameter \"changed_in\": " + quote_for_message(request.changed_in) +
                                    " is not a release name (e.g. fy2026)");
  }
  if (request.limit == 0 || request.limit > kMaxLimit) {
    return Status::invalid_argument("parameter \"limit\": " + std::to_string(request.limit) +
                                    (request.limit == 0 ? " is below minimum 1"
                                                        : " exceeds maximum " +
                                                              std::to_string(kMaxLimit)));
  }
  if (request.offset > kMaxOffset) {
    return Status::invalid_argument("parameter \"offset\": " + std::to_string(request.offset) +
                                    " exceeds maximum " + std::to_string(kMaxOffset));
  }
  return Status::ok();
}

Status validate_suggest_request(const SuggestRequest& request) {
  SearchRequest as_search;
  as_search.query = request.query;
  as_search.system = request.system;
  as_search.release = request.release;
  as_search.limit = request.limit;
  return validate_search_request(as_search);
}

}  // namespace medcode::searcher
