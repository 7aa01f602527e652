// Status and Result<T>: how every fallible medcode call reports failure, and the one
// mapping of a failure to a process exit code (sysexits.h). Modelled on leveldb/absl Status.
#pragma once

#include <cassert>
#include <optional>
#include <string>
#include <utility>

namespace medcode {

// Which kind of failure; pick the most specific.
enum class StatusCode {
  kOk = 0,
  kInvalidArgument,  // the caller passed a bad value (flag, parameter, query)
  kNotFound,         // a named thing (file, code, release) does not exist
  kDataError,        // a source file is malformed: bad XML, invalid UTF-8, wrong checksum
  kIOError,          // reading or writing the filesystem failed
  kUnavailable,      // the index is missing or being replaced; retrying may help
  kInternal,         // a medcode bug
};

// Outcome of an operation: ok, or a code plus a message that says what went wrong, where,
// and what to do. Cheap to copy when ok.
class [[nodiscard]] Status {
 public:
  Status() = default;
  static Status ok() { return Status(); }
  static Status invalid_argument(std::string message) {
    return Status(StatusCode::kInvalidArgument, std::move(message));
  }
  static Status not_found(std::string message) {
    return Status(StatusCode::kNotFound, std::move(message));
  }
  static Status data_error(std::string message) {
    return Status(StatusCode::kDataError, std::move(message));
  }
  static Status io_error(std::string message) {
    return Status(StatusCode::kIOError, std::move(message));
  }
  static Status unavailable(std::string message) {
    return Status(StatusCode::kUnavailable, std::move(message));
  }
  static Status internal(std::string message) {
    return Status(StatusCode::kInternal, std::move(message));
  }

  bool is_ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }

  // Returns a copy whose message is "<context>: <message>", e.g. a file name.
  Status with_context(const std::string& context) const;

  // "invalid_argument: parameter \"limit\" ..." for logs; "ok" when ok.
  std::string to_string() const;

 private:
  Status(StatusCode code, std::string message) : code_(code), message_(std::move(message)) {}
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

// Stable lower-case name of a code ("invalid_argument"), used in JSON error bodies.
const char* status_code_name(StatusCode code);

// The exit code a program returns for a status: 0, 64 (usage), 65 (data), 66 (no input),
// 69 (unavailable), 70 (internal) or 74 (I/O), as in sysexits.h.
int exit_code(const Status& status);

// A value or the Status explaining why there is none.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : value_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Status status) : status_(std::move(status)) {  // NOLINT: implicit by design
    assert(!status_.is_ok() && "a Result built from a Status must carry an error");
  }

  bool is_ok() const { return value_.has_value(); }
  const Status& status() const { return status_; }
  T& value() & {
    assert(is_ok());
    return *value_;
  }
  const T& value() const& {
    assert(is_ok());
    return *value_;
  }
  T&& value() && {
    assert(is_ok());
    return std::move(*value_);
  }

 private:
  std::optional<T> value_;
  Status status_;
};

}  // namespace medcode
