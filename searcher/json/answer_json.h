// JSON rendering of a coding question's answer (GET /v1/answer, and the "answer" field of
// /v1/search), documented in docs/API.md.
#pragma once

#include <string>

#include "searcher/answer/answer.h"

namespace medcode::searcher {

// {"type":"billable","question":{...},"summary":"...","facts":[...],"codes":[...],
//  "cards":[<code detail>...],"sections":[...],"citations":[...],"suggestion":"..."}
std::string answer_to_json(const Answer& answer);

}  // namespace medcode::searcher
