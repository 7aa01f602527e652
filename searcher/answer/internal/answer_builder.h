// The builder behind answer_question (answer.h): one object per question, with the lookups,
// citations and sentences every kind of answer shares. Its answers are defined by kind:
// code_answers.cc (what is, billable), pair_answers.cc (compare, together),
// release_answers.cc (validity, replacement, changes), topic_answers.cc (guidelines, how to
// code, out of scope) and crosswalk_answers.cc; answerer.cc holds the shared part.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "common/code_format.h"
#include "common/status.h"
#include "searcher/answer/answer.h"
#include "searcher/engine/search_request.h"
#include "searcher/engine/search_response.h"

namespace medcode::searcher {

class Searcher;

namespace answering {

inline constexpr std::size_t kListedCodes = 12;        // billable codes, results and changes listed
inline constexpr std::size_t kQuotedSections = 5;      // guideline sections quoted
inline constexpr std::size_t kSectionExcerpt = 600;    // characters of a section's text

inline std::string system_label(const std::string& system) {
  if (system == kIcd10Cm) return "ICD-10-CM";
  if (system == kIcd10Pcs) return "ICD-10-PCS";
  if (system == kHcpcs) return "HCPCS";
  return system;
}

inline std::string quoted(const std::string& text) { return "\"" + text + "\""; }

// Fails only when the index fails; a code that is absent is nullopt.
using Lookup = Result<std::optional<CodeDetail>>;

class AnswerBuilder {
 public:
  AnswerBuilder(const Searcher& searcher, Answer& answer) : searcher_(searcher), a_(answer) {}

  Status build();

 private:
  // The code typed in every system whose shape it has and that holds it ("J1100": ICD-10-CM
  // J11.00 and HCPCS J1100), a code set the question names first; a modifier in HCPCS.
  Result<std::vector<CodeDetail>> find_all(const std::string& typed) const;

  // The first of them: the code a pair question means.
  Lookup find(const std::string& typed) const;

 public:
  // Whether any code the question names is in the index.
  Result<bool> names_a_known_code() const;

 private:
  // Every asked code's card (in each code set that has it, unless only the first is
  // wanted); the ones the index lacks are said, not guessed at.
  Result<std::vector<CodeDetail>> asked_cards(bool every_system = true);

  std::string systems_searched(const std::string& typed) const;

  // "A 7th character is required (defined at S52): A initial encounter ..." for a code short
  // of its 7th character.
  void add_seventh_character_fact(const CodeDetail& detail);

  // Whether the index holds the code set (an imported one, such as a licensed "cpt").
  bool has_code_set(const std::string& system) const;

  static std::string joined(const std::vector<std::string>& items, const char* separator = ", ");

  void add_code(const CodeDetail& detail, const std::string& role, const std::string& note);

  void add_hit(const SearchHit& hit, const std::string& role, const std::string& note);

  void cite_code(const CodeDetail& detail);

  void cite_note(const std::string& from_code, const std::string& system, const Note& note);

  static const char* note_label(NoteKind kind);

  // A guideline section cited by number, with its title when the index has it.
  Status cite_guideline(const std::string& section);

  // searcher_.search, except that a code set the index does not hold (the question names
  // HCPCS, the index was built without it) finds nothing rather than failing the answer.
  Result<SearchResponse> search_if_served(const SearchRequest& request) const;

  // The billable codes under a header, in tabular order, and how many there are.
  Result<std::pair<std::vector<SearchHit>, std::size_t>> billable_under(const CodeDetail& header) const;

  // "needs 1-2 more characters" for a header whose billable codes are longer.
  static std::string characters_needed(const CodeDetail& header, const std::vector<SearchHit>& billable);

  Status list_billable_codes(const CodeDetail& header, std::string& sentence);

  static std::string attribute(const CodeDetail& detail, const std::string& name);

  static bool is_terminated(const CodeDetail& detail) { return attribute(detail, "Status") == "Terminated"; }

  // Deleted by a later release, or a terminated HCPCS code: no longer reportable.
  static bool is_deleted(const CodeDetail& detail);

  std::string deleted_sentence(const CodeDetail& detail) const;

  void add_sentence(const std::string& sentence) { a_.summary += (a_.summary.empty() ? "" : " ") + sentence; }

  // Answers for each code the question names that the index has: sentence_of says what the
  // summary says of it (adding facts and codes as it goes), and its card is kept.
  template <typename SentenceOf>
  Status each_asked_code(const SentenceOf& sentence_of) {
    auto cards = asked_cards();
    if (!cards.is_ok()) return cards.status();
    for (auto& detail : cards.value()) {
      Result<std::string> sentence = sentence_of(detail);
      if (!sentence.is_ok()) return sentence.status();
      add_sentence(sentence.value());
      a_.cards.push_back(std::move(detail));
    }
    return Status::ok();
  }

  Status what_is();

  Status billable();

  // "It was billable in FY2025." when an earlier release said otherwise.
  static std::string billable_before(const CodeDetail& detail);

  // The notes of from (its own and those it inherits) that name a code of to.
  static std::vector<std::pair<std::string, Note>> notes_naming(const CodeDetail& from, const CodeDetail& to);

  // The deepest category or subcategory both codes are under, "" when none.
  static std::string shared_ancestor(const CodeDetail& a, const CodeDetail& b);

  static std::set<std::string> title_words(const std::string& title);

  // The words of a's title that b's lacks, in a's order.
  static std::string words_only_in(const std::string& a, const std::string& b);

  // The notes linking two codes, each way, as facts with citations; the note kinds found.
  // A note of one code that names the other: "use additional code" at E11 naming Z79.4.
  struct Link {
    NoteKind kind;
    std::string at;    // display code of the code or ancestor that carries the note
    std::string from;  // display code of the asked code the note applies to
    std::string to;    // display code of the asked code it names
  };

  // The notes linking two codes, each way, as facts with citations.
  std::vector<Link> link_notes(const CodeDetail& a, const CodeDetail& b);

  static std::set<NoteKind> kinds_of(const std::vector<Link>& links);

  // What the sequencing notes say of the order (guideline I.A.13): the code a "use
  // additional code" note belongs to comes first; a "code first" note's code comes after the
  // one it names; "code also" leaves the order to the circumstances of the encounter.
  static std::string sequencing(const std::vector<Link>& links);

  // Runs answer on the first two codes asked (said when fewer are in the index) and keeps
  // their cards.
  Status for_two_codes(Status (AnswerBuilder::*answer)(const CodeDetail&, const CodeDetail&));

  Status compare(const CodeDetail& a, const CodeDetail& b);

  Status together(const CodeDetail& a, const CodeDetail& b);

  // "Hypertension, hypertensive (accelerated) ..." -> "Hypertension".
  static std::string main_term_of(std::string head);

  // The Alphabetic Index main term of a code: the head of its first index path.
  static std::string main_term(const CodeDetail& detail);

  // A combination code the index gives for the two conditions: an entry under the first's
  // main term whose subterms after "with" hold at least two of the words of the second's
  // title ("Hypertension, with, chronic kidney disease" for I10 and N18.30).
  Status combination(const CodeDetail& a, const CodeDetail& b);

  Status guidelines(const std::string& topic, std::size_t count);

  // The opening of a section's text, cut at a sentence end near kSectionExcerpt.
  static std::string excerpt(const std::string& text);

  Status how_to_code();

  // The releases of system the index holds, oldest first.
  std::vector<std::string> releases_of(const std::string& system) const;

  std::string known_releases(const std::string& system) const;

  Status validity();

  Status replacement();

  Status changes();

  Status crosswalk();

  Status icd9_to_icd10(const std::string& gem);

  Status icd10_to_icd9();

  Status out_of_scope();

 private:
  const Searcher& searcher_;
  Answer& a_;
};

}  // namespace answering
}  // namespace medcode::searcher
