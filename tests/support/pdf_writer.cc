#include "tests/support/pdf_writer.h"

#include <cstdio>

#include "tests/support/fixture_corpus.h"

namespace medcode::testing {
namespace {

// A PDF literal string: backslash, parentheses escaped.
std::string pdf_string(const std::string& text) {
  std::string out = "(";
  for (char c : text) {
    if (c == '\\' || c == '(' || c == ')') out += '\\';
    out += c;
  }
  return out + ")";
}

}  // namespace

std::vector<std::vector<std::string>> pages_of(const std::string& text) {
  std::vector<std::vector<std::string>> pages(1);
  std::string line;
  for (char c : text) {
    if (c == '\f') {
      if (!line.empty()) pages.back().push_back(line);
      line.clear();
      pages.emplace_back();
    } else if (c == '\n') {
      pages.back().push_back(line);
      line.clear();
    } else {
      line += c;
    }
  }
  if (!line.empty()) pages.back().push_back(line);
  return pages;
}

void write_text_pdf(const std::string& path, const std::vector<std::vector<std::string>>& pages) {
  // Objects: 1 catalog, 2 page tree, 3 and 4 fonts, then per page a page and its content stream.
  std::vector<std::string> objects;
  std::string kids;
  for (std::size_t i = 0; i < pages.size(); ++i) kids += std::to_string(5 + 2 * i) + " 0 R ";
  objects.push_back("<< /Type /Catalog /Pages 2 0 R >>");
  objects.push_back("<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(pages.size()) + " >>");
  objects.push_back("<< /Type /Font /Subtype /Type1 /BaseFont /Courier >>");
  objects.push_back("<< /Type /Font /Subtype /Type1 /BaseFont /Courier-Bold >>");
  for (std::size_t i = 0; i < pages.size(); ++i) {
    std::string stream = "BT 11 TL 36 760 Td\n";
    for (const auto& line : pages[i]) {
      const bool bold = line.rfind(kBoldLine, 0) == 0;
      stream += std::string(bold ? "/F2" : "/F1") + " 9 Tf " +
                pdf_string(bold ? line.substr(kBoldLine.size()) : line) + " Tj T*\n";
    }
    stream += "ET\n";
    objects.push_back("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R "
                      "/F2 4 0 R >> >> /Contents " + std::to_string(6 + 2 * i) + " 0 R >>");
    objects.push_back("<< /Length " + std::to_string(stream.size()) + " >>\nstream\n" + stream + "endstream");
  }
  std::string pdf = "%PDF-1.4\n";
  std::vector<std::size_t> offsets;
  for (std::size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(pdf.size());
    pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  const std::size_t xref = pdf.size();
  pdf += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
  for (std::size_t offset : offsets) {
    char entry[32];
    std::snprintf(entry, sizeof entry, "%010zu 00000 n \n", offset);
    pdf += entry;
  }
  pdf += "trailer\n<< /Size " + std::to_string(objects.size() + 1) + " /Root 1 0 R >>\nstartxref\n" +
         std::to_string(xref) + "\n%%EOF\n";
  write_file(path, pdf);
}

}  // namespace medcode::testing
