#include "indexer/sources/order_addenda_reader.h"

#include "common/code_format.h"
#include "common/utf8.h"

namespace medcode::indexer {
namespace {

std::string_view next_token(std::string_view& text) {
  const auto start = text.find_first_not_of(' ');
  if (start == std::string_view::npos) {
    text = {};
    return {};
  }
  text.remove_prefix(start);
  const auto end = text.find(' ');
  const std::string_view token = text.substr(0, end);
  text.remove_prefix(end == std::string_view::npos ? text.size() : end);
  return token;
}

}  // namespace

Result<OrderAddenda> read_order_addenda(std::string_view bytes, const std::string& source_name) {
  if (Status valid = check_utf8(bytes, source_name); !valid.is_ok()) return valid;
  OrderAddenda addenda;
  std::size_t line_number = 0, changes = 0;
  for (std::size_t start = 0; start < bytes.size();) {
    std::size_t end = bytes.find('\n', start);
    if (end == std::string_view::npos) end = bytes.size();
    std::string_view line = bytes.substr(start, end - start);
    start = end + 1;
    ++line_number;
    std::set<std::string>* target = nullptr;
    if (line.rfind("Add:", 0) == 0) target = &addenda.added;
    else if (line.rfind("Delete:", 0) == 0) target = &addenda.deleted;
    else if (line.rfind("Revise from:", 0) == 0 || line.rfind("Revise to:", 0) == 0) target = &addenda.revised;
    if (target == nullptr || line.size() < 14) continue;
    std::string_view rest = line.substr(13);
    std::string_view token = next_token(rest);
    // ICD-10-CM lines carry the header flag before the code.
    if ((token == "0" || token == "1") && !rest.empty()) token = next_token(rest);
    const std::string code = compact_code(token);
    if (code.empty()) {
      addenda.skipped.add(source_name + ":" + std::to_string(line_number),
                          "no code after " + std::string(line.substr(0, line.find(':') + 1)));
      continue;
    }
    target->insert(code);
    ++changes;
  }
  if (changes == 0) return Status::data_error(source_name + ": no Add, Delete or Revise lines found");
  return addenda;
}

}  // namespace medcode::indexer
