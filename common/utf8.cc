#include "common/utf8.h"

#include <unicode/utf8.h>

#include <cstdint>
#include <cstdio>

namespace medcode {

std::optional<std::size_t> find_invalid_utf8(std::string_view text) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t length = static_cast<int32_t>(text.size());
  int32_t i = 0;
  while (i < length) {
    // ASCII fast path: most of every official file is plain ASCII.
    if (bytes[i] < 0x80) {
      ++i;
      continue;
    }
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(bytes, i, length, c);
    if (c < 0) return static_cast<std::size_t>(start);
  }
  return std::nullopt;
}

TextPosition position_at(std::string_view text, std::size_t offset) {
  TextPosition position;
  const std::size_t end = offset < text.size() ? offset : text.size();
  for (std::size_t i = 0; i < end; ++i) {
    if (text[i] == '\n') {
      ++position.line;
      position.column = 1;
    } else {
      ++position.column;
    }
  }
  return position;
}

std::string quote_for_message(std::string_view value, std::size_t max_bytes) {
  std::string quoted = "\"";
  const std::size_t invalid_from = find_invalid_utf8(value).value_or(value.size());
  for (std::size_t i = 0; i < value.size(); ++i) {
    if (quoted.size() > max_bytes) {
      // Never cut inside a multi-byte sequence.
      while (i < value.size() && (static_cast<unsigned char>(value[i]) & 0xC0) == 0x80) ++i;
      if (i < value.size()) quoted += "...";
      break;
    }
    const auto byte = static_cast<unsigned char>(value[i]);
    char escaped[8];
    if (byte == '"' || byte == '\\') {
      quoted += '\\';
      quoted += static_cast<char>(byte);
    } else if (byte == '\n') {
      quoted += "\\n";
    } else if (byte == '\t') {
      quoted += "\\t";
    } else if (byte < 0x20 || byte == 0x7F || (byte >= 0x80 && i >= invalid_from)) {
      // Past the first invalid byte we escape all high bytes rather than re-validate.
      std::snprintf(escaped, sizeof escaped, "\\x%02X", byte);
      quoted += escaped;
    } else {
      quoted += static_cast<char>(byte);
    }
  }
  quoted += '"';
  return quoted;
}

std::string to_valid_utf8(std::string_view text) {
  std::string out;
  while (auto bad = find_invalid_utf8(text)) {
    out.append(text.substr(0, *bad));
    out.append("\xEF\xBF\xBD");  // U+FFFD REPLACEMENT CHARACTER
    text.remove_prefix(*bad + 1);
  }
  out.append(text);
  return out;
}

Status check_utf8(std::string_view text, const std::string& source_name) {
  const auto bad = find_invalid_utf8(text);
  if (!bad) return Status::ok();
  const TextPosition at = position_at(text, *bad);
  char byte[8];
  std::snprintf(byte, sizeof byte, "0x%02X", static_cast<unsigned char>(text[*bad]));
  return Status::data_error(source_name + ":" + std::to_string(at.line) + ":" +
                            std::to_string(at.column) + ": invalid UTF-8 (byte " + byte + ")");
}

}  // namespace medcode
