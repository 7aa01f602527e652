// Extracts the text of a PDF page by page (libpoppler-cpp), in physical layout so that
// indentation and line breaks follow the printed page.
#pragma once

#include <string>
#include <vector>

#include "common/status.h"

namespace medcode::indexer {

// One UTF-8 string per page. Errors: kNotFound "<path>: no such file", kDataError
// "<path>: not a readable PDF (damaged or not a PDF?)" or "<path>: the PDF is encrypted".
Result<std::vector<std::string>> read_pdf_pages_text(const std::string& path);

}  // namespace medcode::indexer
