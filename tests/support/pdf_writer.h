// Test support: writes a minimal text-only PDF (one Helvetica text block per page), so the
// guidelines reader can be tested on a real PDF without shipping one.
#pragma once

#include <string>
#include <vector>

namespace medcode::testing {

// pages: the lines of each page; leading spaces are kept as indentation.
void write_text_pdf(const std::string& path, const std::vector<std::vector<std::string>>& pages);

// Splits a fixture text into pages at form feeds and into lines at newlines.
std::vector<std::vector<std::string>> pages_of(const std::string& text);

}  // namespace medcode::testing
