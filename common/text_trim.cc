#include "common/text_trim.h"

namespace medcode {

std::string_view trim_whitespace(std::string_view text) {
  constexpr std::string_view kWhitespace = " \t\r\n\f\v";
  const auto first = text.find_first_not_of(kWhitespace);
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(kWhitespace) - first + 1);
}

}  // namespace medcode
