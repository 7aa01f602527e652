// Two codes side by side, and whether they are coded together: the Tabular notes of each
// that name the other (guidelines I.A.12, I.A.13) and the Alphabetic Index's combination
// codes (I.B.9).
#include <algorithm>
#include <cctype>
#include <optional>
#include <set>

#include "common/code_format.h"
#include "searcher/answer/internal/answer_builder.h"
#include "searcher/answer/note_references.h"
#include "searcher/engine/searcher.h"

namespace medcode::searcher::answering {

// The notes of from (its own and those it inherits) that name a code of to.
std::vector<std::pair<std::string, Note>> AnswerBuilder::notes_naming(const CodeDetail& from, const CodeDetail& to) {
  std::vector<std::pair<std::string, Note>> found;
  // The Tabular List's notes name ICD-10-CM codes only ("G20-G25" is not HCPCS G2211).
  if (from.record.system != kIcd10Cm || to.record.system != kIcd10Cm) return found;
  auto check = [&](const std::string& at, const Note& note) {
    if (note.kind == NoteKind::kIncludes || note.kind == NoteKind::kNotes || note.kind == NoteKind::kSeventhCharNote) return;
    if (note_names_code(note.text, to.record.code)) found.emplace_back(at, note);
  };
  for (const auto& note : from.record.notes) check(from.display_code, note);
  for (const auto& inherited : from.inherited_notes) check(inherited.from_code, inherited.note);
  return found;
}

// The deepest category or subcategory both codes are under, "" when none.
std::string AnswerBuilder::shared_ancestor(const CodeDetail& a, const CodeDetail& b) {
  std::string shared;
  auto lineage = [](const CodeDetail& d) {
    std::vector<std::string> codes;
    for (const auto& ancestor : d.ancestors) codes.push_back(ancestor.code + " " + ancestor.title);
    codes.push_back(d.display_code + " " + d.record.title);
    return codes;
  };
  const auto la = lineage(a), lb = lineage(b);
  for (std::size_t i = 0; i < la.size() && i < lb.size() && la[i] == lb[i]; ++i) shared = la[i];
  return shared;
}

std::set<std::string> AnswerBuilder::title_words(const std::string& title) {
  std::set<std::string> words;
  std::string word;
  for (const char c : title + " ") {
    if (std::isalnum(static_cast<unsigned char>(c))) {
      word += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    } else if (!word.empty()) {
      words.insert(word);
      word.clear();
    }
  }
  return words;
}

// The words of a's title that b's lacks, in a's order.
std::string AnswerBuilder::words_only_in(const std::string& a, const std::string& b) {
  const std::set<std::string> other = title_words(b);
  std::vector<std::string> kept;
  std::string word;
  for (const char c : a + " ") {
    if (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '\'') {
      word += c;
    } else if (!word.empty()) {
      std::string lower = word;
      for (char& ch : lower) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
      lower.erase(std::remove_if(lower.begin(), lower.end(), [](char ch) { return ch == '-' || ch == '\''; }), lower.end());
      if (!other.count(lower)) kept.push_back(word);
      word.clear();
    }
  }
  return joined(kept, " ");
}

// The notes linking two codes, each way, as facts with citations.
std::vector<AnswerBuilder::Link> AnswerBuilder::link_notes(const CodeDetail& a, const CodeDetail& b) {
  std::vector<Link> links;
  for (const auto* pair : {&a, &b}) {
    const CodeDetail& from = *pair;
    const CodeDetail& to = pair == &a ? b : a;
    for (const auto& [at, note] : notes_naming(from, to)) {
      links.push_back({note.kind, at, from.display_code, to.display_code});
      a_.facts.push_back(std::string(note_label(note.kind)) + " note at " + at + " names " + to.display_code + ": " +
                         quoted(note.text) + ".");
      cite_note(at, from.record.system, note);
    }
  }
  return links;
}

std::set<NoteKind> AnswerBuilder::kinds_of(const std::vector<Link>& links) {
  std::set<NoteKind> kinds;
  for (const auto& link : links) kinds.insert(link.kind);
  return kinds;
}

// What the sequencing notes say of the order (guideline I.A.13): the code a "use
// additional code" note belongs to comes first; a "code first" note's code comes after the
// one it names; "code also" leaves the order to the circumstances of the encounter.
std::string AnswerBuilder::sequencing(const std::vector<Link>& links) {
  for (const auto& link : links) {
    if (link.kind == NoteKind::kUseAdditionalCode) {
      return "Sequence " + link.from + " first, then " + link.to + ": the use additional code note at " + link.at +
             " names " + link.to + ".";
    }
    if (link.kind == NoteKind::kCodeFirst) {
      return "Sequence " + link.to + " first, then " + link.from + ": the code first note at " + link.at + " names " +
             link.to + ".";
    }
  }
  return "A code also note links them: both are coded, in the order the circumstances of the encounter call for.";
}

Status AnswerBuilder::for_two_codes(Status (AnswerBuilder::*answer)(const CodeDetail&, const CodeDetail&)) {
  auto found = asked_cards(false);
  if (!found.is_ok()) return found.status();
  std::vector<CodeDetail> cards = std::move(found).value();
  if (cards.size() < 2) {
    if (!cards.empty()) a_.summary = "Only " + cards[0].display_code + " is in the index." + (a_.facts.empty() ? "" : " " + a_.facts.front());
    return Status::ok();
  }
  const Status answered = (this->*answer)(cards[0], cards[1]);
  for (auto& card : cards) a_.cards.push_back(std::move(card));
  return answered;
}

Status AnswerBuilder::compare(const CodeDetail& a, const CodeDetail& b) {
  auto status = [](const CodeDetail& d) {
    return std::string(is_deleted(d) ? "no longer valid" : d.record.is_billable ? "billable" : "a header");
  };
  a_.summary = a.display_code + " " + quoted(a.record.title) + " (" + status(a) + ") and " + b.display_code + " " +
               quoted(b.record.title) + " (" + status(b) + ").";
  const std::string shared = shared_ancestor(a, b);
  if (!shared.empty()) a_.facts.push_back("Both are under " + shared + ".");
  if (a.record.chapter != b.record.chapter || a.record.system != b.record.system) {
    a_.facts.push_back(a.display_code + " is in " + system_label(a.record.system) + " chapter " + a.record.chapter + " " +
                       a.record.chapter_title + "; " + b.display_code + " in " + system_label(b.record.system) +
                       " chapter " + b.record.chapter + " " + b.record.chapter_title + ".");
  }
  const std::string only_a = words_only_in(a.record.title, b.record.title);
  const std::string only_b = words_only_in(b.record.title, a.record.title);
  if (!only_a.empty()) a_.facts.push_back(a.display_code + " says " + quoted(only_a) + " where " + b.display_code + " does not.");
  if (!only_b.empty()) a_.facts.push_back(b.display_code + " says " + quoted(only_b) + " where " + a.display_code + " does not.");
  const std::set<NoteKind> kinds = kinds_of(link_notes(a, b));
  if (kinds.count(NoteKind::kExcludes1)) {
    a_.summary += " An Excludes1 note links them: they are not coded together.";
  } else if (kinds.count(NoteKind::kExcludes2)) {
    a_.summary += " An Excludes2 note links them: both may be coded when both are present.";
  } else if (kinds.empty()) {
    a_.facts.push_back("No Excludes1, Excludes2, code first, use additional code or code also note of either code names the other.");
  }
  return Status::ok();
}

Status AnswerBuilder::together(const CodeDetail& a, const CodeDetail& b) {
  const std::string pair = a.display_code + " and " + b.display_code;
  if (a.record.system != kIcd10Cm || b.record.system != kIcd10Cm) {
    a_.summary = "The instructional notes that say which codes go together are ICD-10-CM's; they say nothing of " + pair +
                 ". Which procedure, supply and service codes may be billed together is in CMS's NCCI edits, which this "
                 "index does not hold.";
    a_.suggestion = "Check the current NCCI edit tables on cms.gov.";
    return Status::ok();
  }
  const std::vector<Link> links = link_notes(a, b);
  const std::set<NoteKind> kinds = kinds_of(links);
  if (kinds.count(NoteKind::kExcludes1)) {
    a_.summary = "No. An Excludes1 note links " + pair +
                 ": the two are not coded together, except when the conditions are unrelated to each other.";
    if (Status cited = cite_guideline("I.A.12.a"); !cited.is_ok()) return cited;
  } else if (kinds.count(NoteKind::kExcludes2)) {
    a_.summary = "Yes. An Excludes2 note links " + pair + ": both may be coded when the patient has both conditions.";
    if (Status cited = cite_guideline("I.A.12.b"); !cited.is_ok()) return cited;
  } else if (kinds.count(NoteKind::kCodeFirst) || kinds.count(NoteKind::kUseAdditionalCode) ||
             kinds.count(NoteKind::kCodeAlso)) {
    a_.summary = "Yes. " + sequencing(links);
    if (Status cited = cite_guideline("I.A.13"); !cited.is_ok()) return cited;
  } else {
    a_.summary = "No instructional note of " + pair +
                 " or their categories names the other: the conventions neither forbid nor require coding them together.";
  }
  for (const auto* card : {&a, &b}) {
    if (card->record.is_billable || is_deleted(*card)) continue;
    a_.facts.push_back(card->display_code + " is a header: report one of its billable codes instead.");
  }
  // With no note between them, the index may still give one code for both.
  if (kinds.empty()) {
    if (Status combined = combination(a, b); !combined.is_ok()) return combined;
  }
  return Status::ok();
}

// "Hypertension, hypertensive (accelerated) ..." -> "Hypertension".
std::string AnswerBuilder::main_term_of(std::string head) {
  const std::size_t cut = head.find_first_of(",(");
  if (cut != std::string::npos) head = head.substr(0, cut);
  while (!head.empty() && head.back() == ' ') head.pop_back();
  return head;
}

// The Alphabetic Index main term of a code: the head of its first index path.
std::string AnswerBuilder::main_term(const CodeDetail& detail) {
  for (const auto& entry : detail.record.index_entries) {
    if (entry.source != IndexSource::kAlphabeticIndex || entry.path.empty()) continue;
    const std::string head = main_term_of(entry.path[0]);
    if (!head.empty()) return head;
  }
  return "";
}

// A combination code the index gives for the two conditions: an entry under the first's
// main term whose subterms after "with" hold at least two of the words of the second's
// title ("Hypertension, with, chronic kidney disease" for I10 and N18.30).
Status AnswerBuilder::combination(const CodeDetail& a, const CodeDetail& b) {
  const std::string first = main_term(a), second = main_term(b);
  if (first.empty() || second.empty() || a.record.system != kIcd10Cm || b.record.system != kIcd10Cm) return Status::ok();
  std::set<std::string> wanted;
  for (const auto& word : title_words(b.record.title)) {
    if (word.size() >= 4 && word != "unspecified" && word != "other" && word != "with" && word != "without") wanted.insert(word);
  }
  SearchRequest request;
  // A short query: the first's main term, "with", and a few of the second's title words.
  request.query = first + " with";
  std::size_t words = 0;
  for (const auto& word : wanted) {
    if (words++ == 4) break;
    request.query += " " + word;
  }
  request.system = std::string(kIcd10Cm);
  request.limit = 5;
  auto found = searcher_.search(request);
  if (!found.is_ok()) return found.status();
  const std::set<std::string> head = title_words(first);
  for (const auto& hit : found.value().hits) {
    if (hit.code == a.display_code || hit.code == b.display_code) continue;
    auto detail = searcher_.code_detail(hit.system, hit.code);
    if (!detail.is_ok()) continue;
    for (const auto& entry : detail.value().record.index_entries) {
      if (entry.source != IndexSource::kAlphabeticIndex || entry.path.size() < 3) continue;
      if (title_words(main_term_of(entry.path[0])) != head) continue;
      bool with = false;
      std::size_t shared = 0;
      for (std::size_t i = 1; i < entry.path.size(); ++i) {
        const std::set<std::string> words = title_words(entry.path[i]);
        if (words == std::set<std::string>{"with"}) {
          with = true;
        } else if (with) {
          for (const auto& word : words) shared += wanted.count(word);
        }
      }
      if (!with || shared < std::min<std::size_t>(2, wanted.size())) continue;
      const std::string path = joined(entry.path, ", ");
      add_code(detail.value(), "combination", "Alphabetic Index: " + path);
      a_.facts.push_back("The Alphabetic Index has a combination code for the two: " + path + " -> " + hit.code + " " +
                         hit.title + " (guideline I.B.9).");
      a_.citations.push_back({"code", hit.code + " " + hit.title, hit.system, hit.code, "Alphabetic Index: " + path});
      return cite_guideline("I.B.9");
    }
  }
  return Status::ok();
}

}  // namespace medcode::searcher::answering
