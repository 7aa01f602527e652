// Extracts the text of a PDF page by page (libpoppler-cpp), in physical layout so that
// indentation and line breaks follow the printed page, with where and in what font each
// line's words are set (a heading in bold, a hanging indent).
#pragma once

#include <string>
#include <vector>

#include "common/status.h"

namespace medcode::indexer {

// One word as the PDF sets it.
struct PdfWord {
  std::string text;
  double left = 0;       // x of its left edge, in points from the page's left edge
  double font_size = 0;  // in points
  bool is_bold = false;  // its font's name says so ("TimesNewRomanPS-BoldMT", "Courier-Bold")
};

// One line of a page's physical-layout text.
struct PdfLine {
  std::string text;            // as laid out: leading spaces stand for the indentation
  std::vector<PdfWord> words;  // left to right; empty for a blank line, for text that did not
                               // come from a PDF, or when poppler's words did not match the line
};

struct PdfPage {
  std::vector<PdfLine> lines;  // top to bottom
};

// Every page of the PDF at path. Errors: kNotFound "<path>: no such file"; kDataError
// "<path>: not a readable PDF (damaged or not a PDF?): fetch it again with corpus/fetch",
// "<path>: the PDF has no pages (truncated?): ...", "<path>: the PDF is encrypted", or
// check_source_file_size's for a file over kMaxSourceFileBytes.
Result<std::vector<PdfPage>> read_pdf_pages(const std::string& path);

// Pages known only by their text (one string per page, lines split at '\n'): lines
// without words, for text that was extracted elsewhere and for tests.
std::vector<PdfPage> pdf_pages_of_text(const std::vector<std::string>& page_texts);

}  // namespace medcode::indexer
