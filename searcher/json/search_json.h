// JSON rendering of search results and errors (RapidJSON). The batch line shape
// {"query":...,"results":[{"code","system","title","billable","score"}]} is a contract with
// evaluators and benchmarks: add fields, never rename or remove them.
#pragma once

#include <string>

#include "common/status.h"
#include "searcher/engine/search_response.h"
#include "searcher/engine/searcher.h"

namespace medcode::searcher {

// One line, no trailing newline:
// {"query":"I10","results":[{"code":"I10","system":"icd10cm","title":"Essential (primary)
// hypertension","billable":true,"score":100,"match":"code"}],"total":1}
// plus "corrected_query" when spelling correction was used.
std::string search_response_to_json(const SearchResponse& response);

// The same with "answer": answer_json (answer_json.h) when the query was a coding question;
// an empty answer_json adds nothing.
std::string search_response_to_json(const SearchResponse& response, const std::string& answer_json);

// {"query":"acute myo","completions":["acute myocardial",...],"codes":[<result>,...]}
std::string suggest_response_to_json(const SuggestResponse& response);

// The full record of a code for GET /v1/codes/{system}/{code}: titles, billable status,
// hierarchy (ancestors, children), notes (own and inherited, each with its release year),
// 7th characters, inclusion terms, index entries and release facts.
std::string code_detail_to_json(const CodeDetail& detail);

// {"status":"ok","release":"fy2026","built_at":"...","documents":98186}
std::string index_info_to_json(const IndexInfo& info);

// {"code":"invalid_argument","message":"..."}: the error object used everywhere.
std::string error_to_json(const Status& status);

// The same object with a code the HTTP layer names itself ("method_not_allowed", "too_large").
std::string error_to_json(const char* code, const std::string& message);

// A batch line for a query that failed: {"query":...,"results":[],"error":{...}}.
std::string failed_query_to_json(const std::string& query, const Status& status);

}  // namespace medcode::searcher
