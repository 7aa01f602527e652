#include "indexer/sources/pdf_text_reader.h"

#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-page.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <memory>

#include "indexer/sources/source_bytes.h"

namespace medcode::indexer {
namespace {

// Poppler reports problems on stderr through a callback; the caller gets our errors.
void quiet(const std::string&, void*) {}

constexpr const char* kFetchAgain = "fetch it again with corpus/fetch";

std::string utf8_of(const poppler::ustring& text) {
  const poppler::byte_array utf8 = text.to_utf8();
  return std::string(utf8.begin(), utf8.end());
}

// The same characters with no spaces: how a laid-out line and its words are compared, as
// the layout pads columns with spaces and the words may be split differently ("7" "th").
std::string without_spaces(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c != ' ' && c != '\t' && c != '\r' && c != '\f' && c != '\v') out += c;
  }
  return out;
}

struct PlacedWord {
  PdfWord word;
  double middle = 0;  // vertical centre of its box
  double height = 0;
};

// Words on one printed line share a vertical centre; a superscript ("7th") or a marker
// set apart from its heading ("A." in its own text block) still falls within it.
std::vector<std::vector<PdfWord>> word_lines(poppler::page& page) {
  std::vector<PlacedWord> placed;
  for (const poppler::text_box& box : page.text_list(poppler::page::text_list_include_font)) {
    const poppler::rectf bounds = box.bbox();
    PlacedWord word;
    word.word.text = utf8_of(box.text());
    word.word.left = bounds.x();
    word.word.font_size = box.get_font_size();
    word.word.is_bold = box.get_font_name().find("Bold") != std::string::npos;
    word.middle = bounds.y() + bounds.height() / 2;
    word.height = bounds.height();
    placed.push_back(std::move(word));
  }
  std::stable_sort(placed.begin(), placed.end(),
                   [](const PlacedWord& a, const PlacedWord& b) { return a.middle < b.middle; });
  std::vector<std::vector<PdfWord>> lines;
  double line_middle = 0;
  double line_height = 0;
  for (PlacedWord& word : placed) {
    if (lines.empty() || std::abs(word.middle - line_middle) >= 0.3 * std::max(line_height, word.height)) {
      lines.emplace_back();
      line_middle = word.middle;
      line_height = word.height;
    }
    lines.back().push_back(std::move(word.word));
  }
  for (auto& line : lines) {
    std::stable_sort(line.begin(), line.end(), [](const PdfWord& a, const PdfWord& b) { return a.left < b.left; });
  }
  return lines;
}

// Gives each laid-out line the words whose characters it holds, walking both top to bottom.
void attach_words(std::vector<PdfLine>& lines, std::vector<std::vector<PdfWord>> words) {
  constexpr std::size_t kLookAhead = 8;  // word lines a laid-out line may be ahead by
  std::size_t next = 0;
  for (PdfLine& line : lines) {
    const std::string key = without_spaces(line.text);
    if (key.empty()) continue;
    for (std::size_t i = next; i < words.size() && i < next + kLookAhead; ++i) {
      std::string joined;
      for (const PdfWord& word : words[i]) joined += without_spaces(word.text);
      if (joined != key) continue;
      line.words = std::move(words[i]);
      next = i + 1;
      break;
    }
  }
}

std::vector<PdfLine> lines_of(const std::string& text) {
  std::vector<PdfLine> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    lines.push_back(PdfLine{text.substr(start, end - start), {}});
    start = end + 1;
  }
  return lines;
}

}  // namespace

Result<std::vector<PdfPage>> read_pdf_pages(const std::string& path) {
  std::error_code error;
  if (!std::filesystem::is_regular_file(path, error)) return Status::not_found(path + ": no such file");
  const std::uintmax_t bytes = std::filesystem::file_size(path, error);
  if (Status size = check_source_file_size(path, error ? 0 : bytes); !size.is_ok()) return size;
  poppler::set_debug_error_function(quiet, nullptr);
  std::unique_ptr<poppler::document> document(poppler::document::load_from_file(path));
  if (!document)
    return Status::data_error(path +
                              ": not a readable PDF (damaged or not a PDF?): " + kFetchAgain);
  if (document->is_locked()) return Status::data_error(path + ": the PDF is encrypted");
  std::vector<PdfPage> pages;
  const int count = document->pages();
  // A PDF cut short may still open, poppler rebuilding what it can of its page tree.
  if (count <= 0)
    return Status::data_error(path + ": the PDF has no pages (truncated?): " + kFetchAgain);
  pages.reserve(count);
  for (int i = 0; i < count; ++i) {
    std::unique_ptr<poppler::page> page(document->create_page(i));
    pages.emplace_back();
    if (!page) continue;
    pages.back().lines = lines_of(utf8_of(page->text(poppler::rectf(), poppler::page::physical_layout)));
    attach_words(pages.back().lines, word_lines(*page));
  }
  return pages;
}

std::vector<PdfPage> pdf_pages_of_text(const std::vector<std::string>& page_texts) {
  std::vector<PdfPage> pages;
  for (const std::string& text : page_texts) pages.push_back(PdfPage{lines_of(text)});
  return pages;
}

}  // namespace medcode::indexer
