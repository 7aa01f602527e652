// Splits the text of the ICD-10-CM Official Guidelines for Coding and Reporting into its
// numbered sections (Section I, I.A, I.C.9.a.1, I.C.9.a.1.a, ...), each with its heading,
// its own text up to the next heading, and the ICD-10-CM codes and ranges it names.
// Headings are recognised by their numbering scheme (roman "Section I.", "A.", "1.",
// "a.", "1)", "(a)"), and only in sequence: a "2." counts only after a "1." at that level.
#pragma once

#include <string>
#include <vector>

#include "common/status.h"
#include "indexer/sources/pdf_text_reader.h"

namespace medcode::indexer {

struct GuidelineSection {
  std::string id;       // "I.C.9.a.1"
  std::string heading;  // "Hypertension with Heart Disease"
  std::string parent;   // "I.C.9.a"; "" for a Section
  int depth = 0;        // 0 for a Section
  std::string text;     // the section's own text, lines joined with spaces
  int page = 0;         // 1-based page where the heading is
  // ICD-10-CM codes and ranges named in heading and text, as written: "I10", "I13.-", "N18.1-N18.6".
  std::vector<std::string> referenced_codes;
};

struct Guidelines {
  std::vector<GuidelineSection> sections;  // in document order
};

// pages: as read_pdf_pages gives them. The table of contents (lines with dot leaders) and
// the running page header/footer are skipped. A bold heading continues onto the next line
// when that line is set like it: bold, the same size, starting under the heading's first
// word (the hanging indent); bold new narrative at the body's indent and plain text are
// not heading. Lines known only by their text (pdf_pages_of_text) continue a heading when
// they start in lower case. A heading that ends by repeating, in three or more words, the
// heading of the section before it at its level loses the repeat: FY2025 and FY2026 print
// "d. Sepsis, Severe Sepsis, and Septic Shock Infections resistant to antibiotics" after
// "c. Infections resistant to antibiotics". kDataError "<name>: no \"Section I.\" heading
// found; is this the ICD-10-CM Official Guidelines?" when nothing is recognised.
Result<Guidelines> split_guidelines(const std::vector<PdfPage>& pages, const std::string& source_name);

// The ICD-10-CM codes and ranges a text names, in order, each once: "codes I10 and
// N18.1-N18.6, E11.-" -> {"I10", "N18.1-N18.6", "E11.-"}.
std::vector<std::string> find_icd10cm_code_mentions(const std::string& text);

}  // namespace medcode::indexer
