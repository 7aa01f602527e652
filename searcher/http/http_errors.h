// The one mapping of a Status to an HTTP status, and the JSON error response of the API:
// {"error":{"code":"invalid_argument","message":"parameter \"limit\": ..."}}.
#pragma once

#include "common/status.h"
#include "searcher/http/http_exchange.h"

namespace medcode::searcher {

// 400 invalid_argument and data_error in a request, 404 not_found, 503 unavailable,
// 500 for the rest.
int http_status(const Status& status);

// An error response with the status above.
HttpResponse error_response(const Status& status);

// An error response with an explicit HTTP status (405, 413) and the API's error shape.
HttpResponse error_response(int http_status, const char* code, const std::string& message);

}  // namespace medcode::searcher
