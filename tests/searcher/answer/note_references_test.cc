// Which codes an instructional note's text names: codes, categories with ".-", ranges.
#include <gtest/gtest.h>

#include "searcher/answer/note_references.h"

namespace medcode::searcher {
namespace {

TEST(NoteReferences, FindsCodesCategoriesAndRanges) {
  struct Row {
    const char* note;
    const char* code;
    bool named;
  };
  const Row rows[] = {
      {"hypertensive chronic kidney disease (I12.-)", "I129", true},
      {"hypertensive chronic kidney disease (I12.-)", "I10", false},
      {"hypertensive disease complicating pregnancy, childbirth and the puerperium (O10-O11, O13-O16)", "O1002", true},
      {"hypertensive disease complicating pregnancy, childbirth and the puerperium (O10-O11, O13-O16)", "O1200", false},
      {"hypertensive disease complicating pregnancy, childbirth and the puerperium (O10-O11, O13-O16)", "O149", true},
      {"chronic kidney disease, stage 1-4 (N18.1-N18.4)", "N1830", true},
      {"chronic kidney disease, stage 1-4 (N18.1-N18.4)", "N185", false},
      {"code to identify control using insulin (Z79.4)", "Z794", true},
      {"code to identify control using insulin (Z79.4)", "Z7984", false},
      {"diabetes mellitus NOS, type 2", "E119", false},
      {"", "I10", false},
      // "with" narrows a range to the codes with those characters.
      {"gangrene in diabetes mellitus (E08-E13 with .52)", "E1152", true},
      {"gangrene in diabetes mellitus (E08-E13 with .52)", "E119", false},
      {"diabetes mellitus (E08-E13 with .9)", "E119", true},
      {"alcohol use (F10-F19 with .14, .24, .94)", "F1024", true},
      {"alcohol use (F10-F19 with .14, .24, .94)", "F1020", false},
      {"foot ulcer (E08-E13 with .51-.52)", "E1151", true},
      {"adverse effect (T36-T50 with fifth or sixth character 5)", "T451X1A", false},
  };
  for (const Row& row : rows) {
    EXPECT_EQ(note_names_code(row.note, row.code), row.named) << row.note << " / " << row.code;
  }
}

}  // namespace
}  // namespace medcode::searcher
