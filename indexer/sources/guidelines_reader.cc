#include "indexer/sources/guidelines_reader.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <map>
#include <regex>
#include <set>

#include "common/code_format.h"
#include "common/text_trim.h"

namespace medcode::indexer {
namespace {

constexpr int kLevels = 6;  // Section, A., 1., a., 1), (a)
const std::array<std::string, 5> kRomans = {"I", "II", "III", "IV", "V"};

std::string trimmed(std::string_view text) { return std::string(trim_whitespace(text)); }

// The running header and footer of every page, and the table of contents' dot leaders.
bool is_page_furniture(const std::string& line) {
  static const std::regex page_number(R"(^Page \d+ of \d+$)");
  static const std::regex fiscal_year(R"(^FY ?\d{4}$)");
  if (line.find(".....") != std::string::npos) return true;
  if (line == "ICD-10-CM Official Guidelines for Coding and Reporting") return true;
  return std::regex_match(line, page_number) || std::regex_match(line, fiscal_year);
}

struct Marker {
  int level = -1;
  std::string value;  // "II", "C", "9", "a", "1", "a"
  std::string rest;   // the heading text after the marker
};

Marker marker_of(const std::string& line) {
  static const std::array<std::regex, kLevels> patterns = {
      std::regex(R"(^Section (I|II|III|IV|V)\.\s*(.*)$)"),
      std::regex(R"(^([A-Z])\.\s+(.*)$)"),
      std::regex(R"(^(\d{1,2})\.\s+(.*)$)"),
      std::regex(R"(^([a-z])\.\s+(.*)$)"),
      std::regex(R"(^(\d{1,2})\)\s+(.*)$)"),
      std::regex(R"(^\(([a-z])\)\s+(.*)$)"),
  };
  std::smatch match;
  for (int level = 0; level < kLevels; ++level) {
    if (std::regex_match(line, match, patterns[level])) return Marker{level, match[1], trimmed(match[2].str())};
  }
  return {};
}

std::string first_value(int level) {
  switch (level) {
    case 0: return "I";
    case 1: return "A";
    case 3:
    case 5: return "a";
    default: return "1";
  }
}

std::string next_value(int level, const std::string& value) {
  if (level == 0) {
    for (std::size_t i = 0; i + 1 < kRomans.size(); ++i) {
      if (kRomans[i] == value) return kRomans[i + 1];
    }
    return "";
  }
  if (level == 2 || level == 4) return std::to_string(std::stoi(value) + 1);
  return std::string(1, static_cast<char>(value[0] + 1));
}

// Where and how a heading's own words are set on its line, to know its wrapped lines by.
struct HeadingStyle {
  bool known = false;  // false without fonts, or when the heading's words are not all bold
  double left = 0;     // x of its first word (after the marker), points
  double font_size = 0;
};

std::size_t non_space_chars(std::string_view text) {
  return static_cast<std::size_t>(std::count_if(
      text.begin(), text.end(), [](char c) { return !std::isspace(static_cast<unsigned char>(c)); }));
}

// heading_text is how line ends, after its marker ("d.", "Section IV.", none).
// The heading's words must be bold: a plain heading gives no evidence to go by.
HeadingStyle style_of(const PdfLine& line, const std::string& heading_text) {
  const std::size_t marker_chars = non_space_chars(line.text) - non_space_chars(heading_text);
  std::size_t skipped = 0;
  std::size_t first = 0;
  while (first < line.words.size() && skipped < marker_chars) {
    skipped += non_space_chars(line.words[first++].text);
  }
  // A marker glued to its first word, or words that do not spell the line: no evidence.
  if (skipped != marker_chars || first == line.words.size()) return {};
  for (std::size_t i = first; i < line.words.size(); ++i) {
    if (!line.words[i].is_bold) return {};
  }
  return HeadingStyle{true, line.words[first].left, line.words[first].font_size};
}

// A wrapped line is set like the heading's first line and starts under its first word.
bool set_like(const HeadingStyle& style, const PdfLine& line) {
  constexpr double kSizeTolerance = 0.5;  // points
  constexpr double kIndentTolerance = 2;  // points; wrapped lines sit within 0.1 of it
  for (const PdfWord& word : line.words) {
    if (!word.is_bold) return false;
  }
  return std::abs(line.words[0].font_size - style.font_size) < kSizeTolerance &&
         std::abs(line.words[0].left - style.left) < kIndentTolerance;
}

// "... of COVID-" + "19": a word broken at its hyphen is joined without a space.
void append_wrapped(std::string& heading, const std::string& line) {
  const bool broken_word = heading.size() >= 2 && heading.back() == '-' &&
                           std::isalnum(static_cast<unsigned char>(heading[heading.size() - 2]));
  heading += (broken_word ? "" : " ") + line;
}

// FY2025 and FY2026 print I.C.1.d as "Sepsis, Severe Sepsis, and Septic Shock Infections
// resistant to antibiotics", ending with the heading of I.C.1.c; their cross-references
// call it "Sepsis, Severe Sepsis, and Septic Shock". Only a repeat of three or more words
// counts, so that "Severe Sepsis" after "Sepsis" stays.
void drop_repeated_heading(std::string& heading, const std::string& previous) {
  constexpr long kMinRepeatWords = 3;
  if (std::count(previous.begin(), previous.end(), ' ') + 1 < kMinRepeatWords) return;
  if (heading.size() <= previous.size() + 1) return;
  const std::size_t start = heading.size() - previous.size();
  if (heading.compare(start, std::string::npos, previous) != 0 || heading[start - 1] != ' ') return;
  heading = trimmed(heading.substr(0, start - 1));
}

class SectionBuilder {
 public:
  // True when line opens the next section in sequence.
  bool try_heading(const Marker& marker, const PdfLine& line, int page) {
    if (marker.level < 0) return false;
    const int depth = deepest();
    if (marker.level == 0) {
      const std::string expected = values_[0].empty() ? first_value(0) : next_value(0, values_[0]);
      if (marker.value != expected) return false;
    } else {
      if (values_[0].empty() || marker.level > depth + 1) return false;
      const std::string expected = marker.level == depth + 1 ? first_value(marker.level)
                                                             : next_value(marker.level, values_[marker.level]);
      if (marker.value != expected) return false;
    }
    values_[marker.level] = marker.value;
    for (int level = marker.level + 1; level < kLevels; ++level) values_[level].clear();
    GuidelineSection section;
    section.depth = marker.level;
    section.id = id_through(marker.level);
    section.parent = marker.level == 0 ? "" : id_through(marker.level - 1);
    section.heading = marker.rest;
    section.page = page;
    out_.sections.push_back(std::move(section));
    heading_style_ = marker.rest.empty() ? HeadingStyle{} : style_of(line, marker.rest);
    return true;
  }

  void add_text(const PdfLine& line, const std::string& text) {
    if (out_.sections.empty()) return;  // front matter before Section I
    GuidelineSection& current = out_.sections.back();
    if (current.heading.empty()) {
      current.heading = text;  // a marker alone on its line: the heading follows
      heading_style_ = style_of(line, text);
      return;
    }
    if (current.text.empty() && continues_heading(current.heading, line, text)) {
      append_wrapped(current.heading, text);
      return;
    }
    current.text += (current.text.empty() ? "" : " ") + text;
  }

  Guidelines take() {
    std::map<std::string, std::string> latest_heading_under;  // parent id -> heading of its latest child
    for (auto& section : out_.sections) {
      const auto previous = latest_heading_under.find(section.parent);
      if (previous != latest_heading_under.end()) drop_repeated_heading(section.heading, previous->second);
      latest_heading_under[section.parent] = section.heading;
      section.referenced_codes = find_icd10cm_code_mentions(section.heading + " " + section.text);
    }
    return std::move(out_);
  }

 private:
  // A heading that ends a sentence (":" or ".") does not wrap. Otherwise the fonts decide
  // when both lines have them; text alone goes on in lower case ("... chapter" / "specific
  // guidelines"), as body text starts with a capital.
  bool continues_heading(const std::string& heading, const PdfLine& line, const std::string& text) const {
    const char last = heading.back();
    if (last == '.' || last == ':') return false;
    if (heading_style_.known && !line.words.empty()) return set_like(heading_style_, line);
    return std::islower(static_cast<unsigned char>(text[0])) != 0;
  }
  int deepest() const {
    int depth = -1;
    for (int level = 0; level < kLevels; ++level) {
      if (!values_[level].empty()) depth = level;
    }
    return depth;
  }
  std::string id_through(int level) const {
    std::string id;
    for (int i = 0; i <= level; ++i) id += (i == 0 ? "" : ".") + values_[i];
    return id;
  }

  std::array<std::string, kLevels> values_;
  HeadingStyle heading_style_;  // of the latest section's heading
  Guidelines out_;
};

}  // namespace

std::vector<std::string> find_icd10cm_code_mentions(const std::string& text) {
  // A code ("I10", "E11.65", "T36.-", "E11-") optionally followed by a range's end.
  static const std::regex mention(
      R"(\b([A-Z][0-9][0-9A-Z](?:\.[0-9A-Z]{1,4})?(?:\.?-(?!\s*[A-Z][0-9]))?)(?:\s*(?:-|\xE2\x80\x93|through)\s*([A-Z][0-9][0-9A-Z](?:\.[0-9A-Z]{1,4})?(?:\.?-)?))?)");
  std::vector<std::string> found;
  std::set<std::string> seen;
  for (auto it = std::sregex_iterator(text.begin(), text.end(), mention); it != std::sregex_iterator(); ++it) {
    const std::string start = (*it)[1];
    if (!is_icd10cm_shape(compact_code(start))) continue;
    std::string written = start;
    if ((*it)[2].matched && is_icd10cm_shape(compact_code((*it)[2].str()))) {
      written = (start.back() == '-' ? start.substr(0, start.size() - 1) : start) + "-" + (*it)[2].str();
    }
    if (seen.insert(written).second) found.push_back(written);
  }
  return found;
}

Result<Guidelines> split_guidelines(const std::vector<PdfPage>& pages, const std::string& source_name) {
  SectionBuilder builder;
  for (std::size_t page = 0; page < pages.size(); ++page) {
    for (const PdfLine& line : pages[page].lines) {
      const std::string text = trimmed(line.text);
      if (text.empty() || is_page_furniture(text)) continue;
      if (!builder.try_heading(marker_of(text), line, static_cast<int>(page) + 1)) builder.add_text(line, text);
    }
  }
  Guidelines guidelines = builder.take();
  if (guidelines.sections.empty()) {
    return Status::data_error(source_name +
                              ": no \"Section I.\" heading found; is this the ICD-10-CM Official Guidelines?");
  }
  return guidelines;
}

}  // namespace medcode::indexer
