// What a FHIR operation reports besides its answer: OperationOutcome issues, and the
// error that ends an operation (an OperationOutcome with its HTTP status).
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace medcode::searcher::fhir {

struct Issue {
  std::string severity = "error";  // "fatal", "error", "warning", "information"
  // OperationOutcome.issue.code: "not-found", "code-invalid", "invalid", "too-costly",
  // "business-rule", "processing", "not-supported", "exception".
  std::string code;
  // The HL7 tx-issue-type code (http://hl7.org/fhir/tools/CodeSystem/tx-issue-type):
  // "not-in-vs", "invalid-code", "invalid-display", "not-found", "vs-invalid",
  // "code-rule", "status-check", "inactive-code"; "" for none.
  std::string tx_type;
  std::string text;
  std::string message_id;               // the message's id, as tx.fhir.org names them
  std::vector<std::string> expression;  // FHIRPath of the element at fault: "Coding.code"
};

// An operation that cannot answer: the HTTP status and the issues saying why.
struct OperationError {
  int http_status = 400;
  std::vector<Issue> issues;
};

inline OperationError operation_error(int http_status, std::string code, std::string text,
                                      std::string tx_type = "", std::string message_id = "") {
  Issue issue;
  issue.code = std::move(code);
  issue.text = std::move(text);
  issue.tx_type = std::move(tx_type);
  issue.message_id = std::move(message_id);
  return OperationError{http_status, {std::move(issue)}};
}

// A value or the OperationError that stopped it.
template <typename T>
class Outcome {
 public:
  Outcome(T value) : value_(std::move(value)) {}                  // NOLINT: implicit by design
  Outcome(OperationError error) : error_(std::move(error)) {}     // NOLINT: implicit by design
  bool is_ok() const { return value_.has_value(); }
  const T& value() const { return *value_; }
  T& value() { return *value_; }
  const OperationError& error() const { return error_; }

 private:
  std::optional<T> value_;
  OperationError error_;
};

}  // namespace medcode::searcher::fhir
