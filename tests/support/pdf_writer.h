// Test support: writes a minimal text-only PDF (one Courier text block per page, a line in
// Courier-Bold where asked), so the guidelines reader can be tested on a real PDF without
// shipping one.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace medcode::testing {

// A line that starts with this is set in bold, without it: "**   1) Sepsis".
inline constexpr std::string_view kBoldLine = "**";

// pages: the lines of each page; leading spaces are kept as indentation (Courier: 5.4 points
// a character at the 9-point size used).
void write_text_pdf(const std::string& path, const std::vector<std::vector<std::string>>& pages);

// Splits a fixture text into pages at form feeds and into lines at newlines.
std::vector<std::vector<std::string>> pages_of(const std::string& text);

}  // namespace medcode::testing
