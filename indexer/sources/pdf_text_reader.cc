#include "indexer/sources/pdf_text_reader.h"

#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-page.h>

#include <filesystem>
#include <memory>

namespace medcode::indexer {
namespace {

// Poppler reports problems on stderr through a callback; the caller gets our errors.
void quiet(const std::string&, void*) {}

}  // namespace

Result<std::vector<std::string>> read_pdf_pages_text(const std::string& path) {
  std::error_code error;
  if (!std::filesystem::is_regular_file(path, error)) return Status::not_found(path + ": no such file");
  poppler::set_debug_error_function(quiet, nullptr);
  std::unique_ptr<poppler::document> document(poppler::document::load_from_file(path));
  if (!document) return Status::data_error(path + ": not a readable PDF (damaged or not a PDF?)");
  if (document->is_locked()) return Status::data_error(path + ": the PDF is encrypted");
  std::vector<std::string> pages;
  const int count = document->pages();
  pages.reserve(count);
  for (int i = 0; i < count; ++i) {
    std::unique_ptr<poppler::page> page(document->create_page(i));
    if (!page) {
      pages.emplace_back();
      continue;
    }
    const poppler::byte_array utf8 =
        page->text(poppler::rectf(), poppler::page::physical_layout).to_utf8();
    pages.emplace_back(utf8.begin(), utf8.end());
  }
  return pages;
}

}  // namespace medcode::indexer
