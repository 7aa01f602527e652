#include "common/count_flag.h"

#include <string>

#include "common/utf8.h"

namespace medcode {
namespace {

bool all_digits(std::string_view text) {
  return !text.empty() && text.find_first_not_of("0123456789") == std::string_view::npos;
}

}  // namespace

Result<std::size_t> parse_count_flag(std::string_view flag, std::string_view text, std::size_t min,
                                     std::size_t max) {
  const std::string between = "between " + std::to_string(min) + " and " + std::to_string(max);
  const auto refuse = [&](const std::string& rule) {
    return Status::invalid_argument(std::string(flag) + " " + quote_for_message(text, 30) +
                                    ": must be " + rule);
  };
  const bool negative = text.size() > 1 && text[0] == '-' && all_digits(text.substr(1));
  if (negative) return refuse(min == 0 ? "0 or more" : between);
  if (!all_digits(text))
    return refuse(min == 0 ? "a whole number, 0 or more" : "a whole number " + between);
  std::size_t value = 0;
  for (const char digit : text) {
    const std::size_t next = value * 10 + static_cast<std::size_t>(digit - '0');
    // Past max (or about to wrap): the rest of the digits cannot bring it back.
    if (next > max || next / 10 != value)
      return refuse(min == 0 ? "at most " + std::to_string(max) : between);
    value = next;
  }
  if (value < min) return refuse(between);
  return value;
}

}  // namespace medcode
