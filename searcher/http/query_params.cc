#include "searcher/http/query_params.h"

#include "common/utf8.h"

namespace medcode::searcher {
namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// label names what is decoded in messages: "request path", "parameter \"q\"".
Result<std::string> percent_decode(const std::string& text, bool plus_is_space, const std::string& label) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%') {
      const int high = i + 1 < text.size() ? hex_value(text[i + 1]) : -1;
      const int low = i + 2 < text.size() ? hex_value(text[i + 2]) : -1;
      if (high < 0 || low < 0) {
        return Status::invalid_argument(label + ": bad %-escape at byte " + std::to_string(i));
      }
      out += static_cast<char>(high * 16 + low);
      i += 2;
    } else {
      out += (plus_is_space && text[i] == '+') ? ' ' : text[i];
    }
  }
  if (auto bad = find_invalid_utf8(out)) {
    return Status::invalid_argument(label + ": not valid UTF-8 after decoding, at byte " +
                                    std::to_string(*bad));
  }
  return out;
}

}  // namespace

Result<ParsedTarget> parse_target(const std::string& target) {
  ParsedTarget parsed;
  const std::size_t question = target.find('?');
  auto path = percent_decode(target.substr(0, question), false, "request path");
  if (!path.is_ok()) return path.status();
  parsed.path = std::move(path).value();
  if (question == std::string::npos) return parsed;
  const std::string query = target.substr(question + 1);
  std::size_t start = 0;
  while (start <= query.size()) {
    std::size_t end = query.find('&', start);
    if (end == std::string::npos) end = query.size();
    const std::string pair = query.substr(start, end - start);
    if (!pair.empty()) {
      const std::size_t equals = pair.find('=');
      auto name = percent_decode(pair.substr(0, equals), true, "parameter name");
      if (!name.is_ok()) return name.status();
      auto value = percent_decode(equals == std::string::npos ? "" : pair.substr(equals + 1), true,
                                  "parameter \"" + name.value().substr(0, 40) + "\"");
      if (!value.is_ok()) return value.status();
      parsed.params[name.value()] = value.value();
      parsed.ordered.emplace_back(name.value(), value.value());
    }
    start = end + 1;
  }
  return parsed;
}

Result<std::size_t> count_param(const ParsedTarget& target, const std::string& name,
                                std::size_t fallback) {
  auto it = target.params.find(name);
  if (it == target.params.end() || it->second.empty()) return fallback;
  const std::string& text = it->second;
  if (text.size() > 1 && text[0] == '-' && text.find_first_not_of("0123456789", 1) == std::string::npos) {
    return Status::invalid_argument("parameter \"" + name + "\": " + text.substr(0, 20) + " must be 0 or more");
  }
  std::size_t value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') {
      return Status::invalid_argument("parameter \"" + name + "\": " + quote_for_message(it->second) +
                                      " is not a whole number");
    }
    if (value > 1000000000) {
      return Status::invalid_argument("parameter \"" + name + "\": " + quote_for_message(it->second) +
                                      " is too large");
    }
    value = value * 10 + static_cast<std::size_t>(c - '0');
  }
  return value;
}

std::string text_param(const ParsedTarget& target, const std::string& name) {
  auto it = target.params.find(name);
  return it == target.params.end() ? "" : it->second;
}

}  // namespace medcode::searcher
