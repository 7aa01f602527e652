#include "searcher/http/http_errors.h"

#include "searcher/json/search_json.h"

namespace medcode::searcher {

int http_status(const Status& status) {
  switch (status.code()) {
    case StatusCode::kOk: return 200;
    case StatusCode::kInvalidArgument: return 400;
    case StatusCode::kNotFound: return 404;
    case StatusCode::kUnavailable: return 503;
    case StatusCode::kDataError:
    case StatusCode::kIOError:
    case StatusCode::kInternal: return 500;
  }
  return 500;
}

HttpResponse error_response(const Status& status) {
  HttpResponse response;
  response.status = http_status(status);
  response.body = "{\"error\":" + error_to_json(status) + "}";
  return response;
}

HttpResponse error_response(int http_status, const char* code, const std::string& message) {
  HttpResponse response;
  response.status = http_status;
  response.body = "{\"error\":" + error_to_json(code, message) + "}";
  return response;
}

}  // namespace medcode::searcher
