// Answers to coding questions, built only from the index's own data (the Tabular notes, the
// Alphabetic Index, the Official Guidelines, validity and conversion data), each claim with
// the source it comes from. Never a guess: what the sources do not say is said plainly.
#pragma once

#include <string>
#include <vector>

#include "common/status.h"
#include "searcher/answer/question.h"
#include "searcher/engine/search_response.h"

namespace medcode::searcher {

class Searcher;

// A code the answer names, and why.
struct AnswerCode {
  std::string system;
  std::string code;  // display form
  std::string title;
  bool is_billable = false;
  // "asked" (named in the question), "billable_code" (a billable code under an asked header),
  // "replacement", "combination", "result" (ranked for the question's words), "changed",
  // "alternative" (what the sources hold instead of an out-of-scope subject), "crosswalk"
  // (an ICD-10 code the GEMs map an ICD-9-CM code to).
  std::string role;
  std::string detail;  // "new in FY2026", "title revised in FY2026", ...
};

// A source a claim comes from: a code page, one of its notes, a guideline section, the
// release history or the conversion table.
struct Citation {
  std::string kind;     // "code", "note", "guideline", "release_history", "conversion_table", "gem"
  std::string label;    // "Excludes1 note at I10", "Guideline I.C.1.d", "E11.9"
  std::string system;   // of the code cited ("guidelines" for a section)
  std::string code;     // display code or section number
  std::string text;     // the quoted note or excerpt; "" for a whole page
};

// A guideline section the answer quotes.
struct AnswerSection {
  std::string section;  // "I.C.1.d.1"
  std::string title;
  std::string text;     // its opening, at most about 600 characters
  std::vector<std::string> codes;  // codes it names, as written
};

struct Answer {
  Question question;
  std::string summary;              // one or two sentences
  std::vector<std::string> facts;   // what the summary rests on, one line each
  std::vector<AnswerCode> codes;
  std::vector<CodeDetail> cards;    // the full code cards of the codes asked about
  std::vector<AnswerSection> sections;
  std::vector<Citation> citations;
  std::string suggestion;           // what to try instead, when the sources do not answer
};

// Answers text if it is a coding question: its type is question.type, kNone when it is not
// one (then nothing else is filled). Same validation errors as Searcher::search (empty,
// over 512 bytes, invalid UTF-8); kUnavailable when the index fails underneath.
Result<Answer> answer_question(const Searcher& searcher, const std::string& text);

// The two halves of answer_question. read_question: the question as the grammar reads it
// and the index confirms it (words shaped like codes the index has none of, undotted, are
// not a question about codes: kNone), with the same validation errors.
Result<Question> read_question(const Searcher& searcher, const std::string& text);
// answer_read_question: the answer to what read_question returned.
Result<Answer> answer_read_question(const Searcher& searcher, const Question& question);

}  // namespace medcode::searcher
