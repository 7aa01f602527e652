#include "common/status.h"

namespace medcode {

Status Status::with_context(const std::string& context) const {
  if (is_ok()) return *this;
  return Status(code_, context + ": " + message_);
}

std::string Status::to_string() const {
  if (is_ok()) return "ok";
  return std::string(status_code_name(code_)) + ": " + message_;
}

const char* status_code_name(StatusCode code) {
  switch (code) {
    case StatusCode::kOk: return "ok";
    case StatusCode::kInvalidArgument: return "invalid_argument";
    case StatusCode::kNotFound: return "not_found";
    case StatusCode::kDataError: return "data_error";
    case StatusCode::kIOError: return "io_error";
    case StatusCode::kUnavailable: return "unavailable";
    case StatusCode::kInternal: return "internal";
  }
  return "internal";
}

int exit_code(const Status& status) {
  switch (status.code()) {
    case StatusCode::kOk: return 0;
    case StatusCode::kInvalidArgument: return 64;  // EX_USAGE
    case StatusCode::kDataError: return 65;        // EX_DATAERR
    case StatusCode::kNotFound: return 66;         // EX_NOINPUT
    case StatusCode::kUnavailable: return 69;      // EX_UNAVAILABLE
    case StatusCode::kIOError: return 74;          // EX_IOERR
    case StatusCode::kInternal: return 70;         // EX_SOFTWARE
  }
  return 70;
}

}  // namespace medcode
