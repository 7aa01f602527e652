#include "indexer/sources/guidelines_reader.h"

#include <array>
#include <cctype>
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

class SectionBuilder {
 public:
  // True when line opens the next section in sequence.
  bool try_heading(const Marker& marker, int page) {
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
    return true;
  }

  void add_text(const std::string& line) {
    if (out_.sections.empty()) return;  // front matter before Section I
    GuidelineSection& current = out_.sections.back();
    if (current.heading.empty()) {
      current.heading = line;  // a marker alone on its line: the heading follows
      return;
    }
    // A heading wrapped onto a second line goes on in lower case: "... chapter" / "specific
    // guidelines". Body text starts with a capital.
    const char last = current.heading.back();
    if (current.text.empty() && std::islower(static_cast<unsigned char>(line[0])) && last != '.' && last != ':') {
      current.heading += " " + line;
      return;
    }
    current.text += (current.text.empty() ? "" : " ") + line;
  }

  Guidelines take() {
    for (auto& section : out_.sections) {
      section.referenced_codes = find_icd10cm_code_mentions(section.heading + " " + section.text);
    }
    return std::move(out_);
  }

 private:
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

Result<Guidelines> split_guidelines(const std::vector<std::string>& pages, const std::string& source_name) {
  SectionBuilder builder;
  for (std::size_t page = 0; page < pages.size(); ++page) {
    std::size_t start = 0;
    const std::string& text = pages[page];
    while (start <= text.size()) {
      std::size_t end = text.find('\n', start);
      if (end == std::string::npos) end = text.size();
      const std::string line = trimmed(text.substr(start, end - start));
      start = end + 1;
      if (line.empty() || is_page_furniture(line)) continue;
      if (!builder.try_heading(marker_of(line), static_cast<int>(page) + 1)) builder.add_text(line);
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
