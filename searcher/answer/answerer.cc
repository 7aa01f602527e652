// Builds each kind of answer from Searcher's public lookups: code_detail for the cards,
// notes, hierarchy and validity; search for descendants, guideline sections, ranked codes
// and the codes a release changed.
#include <algorithm>
#include <cctype>
#include <optional>
#include <set>

#include "common/code_format.h"
#include "searcher/answer/answer.h"
#include "searcher/answer/note_references.h"
#include "searcher/engine/searcher.h"

namespace medcode::searcher {
namespace {

constexpr std::size_t kListedCodes = 12;        // billable codes, results and changes listed
constexpr std::size_t kQuotedSections = 5;      // guideline sections quoted
constexpr std::size_t kSectionExcerpt = 600;    // characters of a section's text

std::string system_label(const std::string& system) {
  if (system == kIcd10Cm) return "ICD-10-CM";
  if (system == kIcd10Pcs) return "ICD-10-PCS";
  if (system == kHcpcs) return "HCPCS";
  return system;
}

std::string quoted(const std::string& text) { return "\"" + text + "\""; }

// Fails only when the index fails; a code that is absent is nullopt.
using Lookup = Result<std::optional<CodeDetail>>;

class AnswerBuilder {
 public:
  AnswerBuilder(const Searcher& searcher, Answer& answer) : searcher_(searcher), a_(answer) {}

  Status build() {
    switch (a_.question.type) {
      case QuestionType::kNone: return Status::ok();
      case QuestionType::kWhatIs: return what_is();
      case QuestionType::kBillable: return billable();
      case QuestionType::kCompare: return compare();
      case QuestionType::kTogether: return together();
      case QuestionType::kGuidelines: return guidelines(a_.question.topic, kQuotedSections);
      case QuestionType::kHowToCode: return how_to_code();
      case QuestionType::kValidity: return validity();
      case QuestionType::kReplacement: return replacement();
      case QuestionType::kChanges: return changes();
      case QuestionType::kCrosswalk: return crosswalk();
      case QuestionType::kOutOfScope: return out_of_scope();
    }
    return Status::ok();
  }

 private:
  // The code typed in every system whose shape it has and that holds it ("J1100": ICD-10-CM
  // J11.00 and HCPCS J1100), a code set the question names first; a modifier in HCPCS.
  Result<std::vector<CodeDetail>> find_all(const std::string& typed) const {
    std::vector<std::pair<std::string, std::string>> tries;
    if (a_.question.modifier && typed.size() == 2) tries.emplace_back(std::string(kHcpcs), typed);
    for (const auto& candidate : code_candidates(typed)) tries.emplace_back(std::string(candidate.system), candidate.compact);
    std::stable_partition(tries.begin(), tries.end(), [&](const auto& t) { return t.first == a_.question.system; });
    std::vector<CodeDetail> found;
    for (const auto& [system, code] : tries) {
      auto detail = searcher_.code_detail(system, code);
      if (detail.is_ok()) {
        found.push_back(std::move(detail).value());
      } else if (detail.status().code() != StatusCode::kNotFound) {
        return detail.status();
      }
    }
    return found;
  }

  // The first of them: the code a pair question means.
  Lookup find(const std::string& typed) const {
    auto found = find_all(typed);
    if (!found.is_ok()) return found.status();
    if (found.value().empty()) return std::optional<CodeDetail>();
    return std::optional<CodeDetail>(std::move(found.value().front()));
  }

 public:
  // Whether any code the question names is in the index.
  Result<bool> names_a_known_code() const {
    for (const auto& typed : a_.question.codes) {
      auto found = find_all(typed);
      if (!found.is_ok()) return found.status();
      if (!found.value().empty()) return true;
    }
    return false;
  }

 private:
  // Every asked code's card (in each code set that has it, unless only the first is
  // wanted); the ones the index lacks are said, not guessed at.
  Result<std::vector<CodeDetail>> asked_cards(bool every_system = true) {
    std::vector<CodeDetail> found;
    for (const auto& typed : a_.question.codes) {
      auto details = find_all(typed);
      if (!details.is_ok()) return details.status();
      if (details.value().empty()) {
        a_.facts.push_back("No code " + typed + " in " + systems_searched(typed) + ".");
        continue;
      }
      if (!every_system) details.value().resize(1);
      if (details.value().size() > 1) {
        std::vector<std::string> sets;
        for (const auto& d : details.value()) sets.push_back(system_label(d.record.system));
        a_.facts.push_back(typed + " is a code in " + joined(sets, " and in ") + ": both are answered.");
      }
      for (auto& detail : details.value()) {
        add_code(detail, "asked", "");
        cite_code(detail);
        found.push_back(std::move(detail));
      }
    }
    if (found.empty()) {
      a_.summary = "The index has no code " + joined(a_.question.codes) + ".";
      a_.suggestion = "Check the characters, or search for the words instead.";
    }
    return found;
  }

  std::string systems_searched(const std::string& typed) const {
    std::string names;
    for (const auto& candidate : code_candidates(typed)) {
      names += (names.empty() ? "" : " or ") + system_label(std::string(candidate.system));
    }
    return names.empty() ? "any code set" : names;
  }

  static std::string joined(const std::vector<std::string>& items, const char* separator = ", ") {
    std::string text;
    for (const auto& item : items) text += (text.empty() ? "" : separator) + item;
    return text;
  }

  void add_code(const CodeDetail& detail, const std::string& role, const std::string& note) {
    for (const auto& code : a_.codes) {
      if (code.system == detail.record.system && code.code == detail.display_code) return;
    }
    a_.codes.push_back({detail.record.system, detail.display_code, detail.record.title, detail.record.is_billable, role, note});
  }

  void add_hit(const SearchHit& hit, const std::string& role, const std::string& note) {
    for (const auto& code : a_.codes) {
      if (code.system == hit.system && code.code == hit.code) return;
    }
    a_.codes.push_back({hit.system, hit.code, hit.title, hit.is_billable, role, note});
  }

  void cite_code(const CodeDetail& detail) {
    a_.citations.push_back({"code", detail.display_code + " " + detail.record.title, detail.record.system, detail.display_code, ""});
  }

  void cite_note(const std::string& from_code, const std::string& system, const Note& note) {
    a_.citations.push_back({"note", std::string(note_label(note.kind)) + " note at " + from_code, system, from_code, note.text});
  }

  static const char* note_label(NoteKind kind) {
    switch (kind) {
      case NoteKind::kIncludes: return "Includes";
      case NoteKind::kExcludes1: return "Excludes1";
      case NoteKind::kExcludes2: return "Excludes2";
      case NoteKind::kCodeFirst: return "Code first";
      case NoteKind::kUseAdditionalCode: return "Use additional code";
      case NoteKind::kCodeAlso: return "Code also";
      case NoteKind::kNotes: return "Note";
      case NoteKind::kSeventhCharNote: return "7th character";
    }
    return "Note";
  }

  // A guideline section cited by number, with its title when the index has it.
  Status cite_guideline(const std::string& section) {
    auto detail = searcher_.code_detail(std::string(kGuidelines), section);
    if (!detail.is_ok()) {
      if (detail.status().code() == StatusCode::kNotFound) return Status::ok();
      return detail.status();
    }
    a_.citations.push_back({"guideline", "Guideline " + section + " " + detail.value().record.title,
                            std::string(kGuidelines), section, ""});
    return Status::ok();
  }

  // The billable codes under a header, in tabular order, and how many there are.
  Result<std::pair<std::vector<SearchHit>, std::size_t>> billable_under(const CodeDetail& header) const {
    SearchRequest request;
    request.query = header.display_code;
    request.system = header.record.system;
    request.billable = BillableFilter::kBillableOnly;
    request.limit = kMaxLimit;
    auto found = searcher_.search(request);
    if (!found.is_ok()) return found.status();
    std::vector<SearchHit> codes;
    const std::string prefix = header.record.code;
    for (auto& hit : found.value().hits) {
      if (hit.match != MatchKind::kCode || compact_code(hit.code) == prefix) continue;
      codes.push_back(std::move(hit));
    }
    // The prefix search counts the header itself when it is billable.
    std::size_t total = found.value().total;
    if (header.record.is_billable && total > 0) --total;
    total = std::max(total, codes.size());
    return std::make_pair(std::move(codes), total);
  }

  // "needs 1-2 more characters" for a header whose billable codes are longer.
  static std::string characters_needed(const CodeDetail& header, const std::vector<SearchHit>& billable) {
    std::size_t fewest = SIZE_MAX, most = 0;
    for (const auto& hit : billable) {
      const std::size_t length = compact_code(hit.code).size();
      if (length <= header.record.code.size()) continue;
      const std::size_t more = length - header.record.code.size();
      fewest = std::min(fewest, more);
      most = std::max(most, more);
    }
    if (most == 0) return "";
    const std::string count = fewest == most ? std::to_string(most) : std::to_string(fewest) + "-" + std::to_string(most);
    return "it needs " + count + " more character" + (most == 1 ? "" : "s");
  }

  Status list_billable_codes(const CodeDetail& header, std::string& sentence) {
    auto under = billable_under(header);
    if (!under.is_ok()) return under.status();
    const auto& [codes, total] = under.value();
    if (codes.empty()) {
      sentence = header.display_code + " has no billable codes under it in this release.";
      return Status::ok();
    }
    std::vector<std::string> shown;
    for (std::size_t i = 0; i < codes.size() && i < kListedCodes; ++i) {
      add_hit(codes[i], "billable_code", "");
      shown.push_back(codes[i].code);
    }
    const std::string needed = characters_needed(header, codes);
    sentence = (needed.empty() ? "Its " : needed + ": its ") + std::to_string(total) + " billable code" +
               (total == 1 ? " is " : "s are ") + joined(shown) + (total > shown.size() ? ", ..." : "") + ".";
    sentence[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(sentence[0])));
    return Status::ok();
  }

  static std::string attribute(const CodeDetail& detail, const std::string& name) {
    for (const auto& attribute : detail.record.attributes) {
      if (attribute.name == name) return attribute.value;
    }
    return "";
  }

  static bool is_terminated(const CodeDetail& detail) { return attribute(detail, "Status") == "Terminated"; }

  // Deleted by a later release, or a terminated HCPCS code: no longer reportable.
  static bool is_deleted(const CodeDetail& detail) {
    return !detail.record.validity.until_release.empty() || is_terminated(detail);
  }

  std::string deleted_sentence(const CodeDetail& detail) const {
    if (is_terminated(detail)) {
      const std::string date = attribute(detail, "Termination date");
      return detail.display_code + " is terminated" + (date.empty() ? "" : " (termination date " + date + ")") + ".";
    }
    const CodeValidity& v = detail.record.validity;
    std::string text = detail.display_code + " was deleted in " + release_label(v.until_release);
    if (!v.through_date.empty()) text += " (valid through " + v.through_date + ")";
    const std::string successors = attribute(detail, "Replaced by");
    if (!successors.empty()) text += "; the conversion table replaces it with " + successors;
    return text + ".";
  }

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

  Status what_is() {
    return each_asked_code([&](CodeDetail& detail) -> Result<std::string> {
      std::string sentence;
      const std::string label = detail.display_code + " (" + system_label(detail.record.system) + ")";
      if (is_deleted(detail)) {
        sentence = label + " " + quoted(detail.record.title) + ": " + deleted_sentence(detail);
      } else if (attribute(detail, "Kind") == "Modifier") {
        sentence = label + " is a modifier: " + quoted(detail.record.title) + ". A modifier is reported with a code, not alone.";
      } else if (detail.record.is_billable) {
        sentence = label + " is billable: " + quoted(detail.record.title) + ".";
      } else {
        std::string codes;
        if (Status listed = list_billable_codes(detail, codes); !listed.is_ok()) return listed;
        sentence = label + " is a header, not billable: " + quoted(detail.record.title) + ". " + codes;
      }
      if (!detail.seventh_characters.empty() && detail.record.code.size() < 7 && detail.record.system == kIcd10Cm) {
        std::vector<std::string> options;
        for (const auto& seventh : detail.seventh_characters) options.push_back(seventh.character + " " + seventh.meaning);
        a_.facts.push_back("A 7th character is required (defined at " + detail.seventh_characters_from + "): " +
                           joined(options, "; ") + ".");
      }
      std::vector<std::string> names;
      for (const auto& attribute : detail.record.attributes) {
        if (attribute.name == kAlsoCalledAttribute) names.push_back(attribute.value + " (" + attribute.detail + ")");
      }
      if (!names.empty()) a_.facts.push_back("Also called: " + joined(names, "; ") + ".");
      if (!detail.ancestors.empty()) {
        std::vector<std::string> path;
        for (const auto& ancestor : detail.ancestors) path.push_back(ancestor.code + " " + ancestor.title);
        a_.facts.push_back("In " + joined(path, " > ") + ".");
      }
      for (const auto& guideline : detail.guidelines) {
        a_.citations.push_back({"guideline", "Guideline " + guideline.section + " " + guideline.title,
                                std::string(kGuidelines), guideline.section, ""});
        if (a_.citations.size() > 8) break;
      }
      return sentence;
    });
  }

  Status billable() {
    return each_asked_code([&](CodeDetail& detail) -> Result<std::string> {
      std::string sentence;
      if (is_deleted(detail)) {
        sentence = "No. " + deleted_sentence(detail);
      } else if (attribute(detail, "Kind") == "Modifier") {
        sentence = "No. " + detail.display_code + " is a modifier, reported with a code.";
      } else if (detail.record.is_billable) {
        sentence = "Yes. " + detail.display_code + " " + quoted(detail.record.title) + " is billable in " +
                   release_label(detail.release) + ".";
      } else {
        std::string codes;
        if (Status listed = list_billable_codes(detail, codes); !listed.is_ok()) return listed;
        sentence = "No. " + detail.display_code + " " + quoted(detail.record.title) + " is a header in " +
                   release_label(detail.release) + ". " + codes;
      }
      const std::string before = billable_before(detail);
      if (!before.empty()) a_.facts.push_back(before);
      return sentence;
    });
  }

  // "It was billable in FY2025." when an earlier release said otherwise.
  static std::string billable_before(const CodeDetail& detail) {
    for (const auto& attribute : detail.record.attributes) {
      if (attribute.name.rfind(kBillableInReleasePrefix, 0) != 0) continue;
      const std::string release = attribute.name.substr(kBillableInReleasePrefix.size());
      return detail.display_code + (attribute.value == "yes" ? " was billable in " : " was a header in ") + release + ".";
    }
    return "";
  }

  // The notes of from (its own and those it inherits) that name a code of to.
  static std::vector<std::pair<std::string, Note>> notes_naming(const CodeDetail& from, const CodeDetail& to) {
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
  static std::string shared_ancestor(const CodeDetail& a, const CodeDetail& b) {
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

  static std::set<std::string> title_words(const std::string& title) {
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
  static std::string words_only_in(const std::string& a, const std::string& b) {
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

  // The notes linking two codes, each way, as facts with citations; the note kinds found.
  // A note of one code that names the other: "use additional code" at E11 naming Z79.4.
  struct Link {
    NoteKind kind;
    std::string at;    // display code of the code or ancestor that carries the note
    std::string from;  // display code of the asked code the note applies to
    std::string to;    // display code of the asked code it names
  };

  // The notes linking two codes, each way, as facts with citations.
  std::vector<Link> link_notes(const CodeDetail& a, const CodeDetail& b) {
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

  static std::set<NoteKind> kinds_of(const std::vector<Link>& links) {
    std::set<NoteKind> kinds;
    for (const auto& link : links) kinds.insert(link.kind);
    return kinds;
  }

  // What the sequencing notes say of the order (guideline I.A.13): the code a "use
  // additional code" note belongs to comes first; a "code first" note's code comes after the
  // one it names; "code also" leaves the order to the circumstances of the encounter.
  static std::string sequencing(const std::vector<Link>& links) {
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

  Result<bool> two_cards(std::vector<CodeDetail>& cards) {
    auto found = asked_cards(false);
    if (!found.is_ok()) return found.status();
    cards = std::move(found).value();
    if (cards.size() < 2) {
      if (!cards.empty()) a_.summary = "Only " + cards[0].display_code + " is in the index." + (a_.facts.empty() ? "" : " " + a_.facts.front());
      return false;
    }
    return true;
  }

  Status compare() {
    std::vector<CodeDetail> cards;
    auto both = two_cards(cards);
    if (!both.is_ok()) return both.status();
    if (!both.value()) return Status::ok();
    const CodeDetail& a = cards[0];
    const CodeDetail& b = cards[1];
    auto status = [](const CodeDetail& d) {
      return std::string(!d.record.validity.until_release.empty() ? "deleted" : d.record.is_billable ? "billable" : "a header");
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
    for (auto& card : cards) a_.cards.push_back(std::move(card));
    return Status::ok();
  }

  Status together() {
    std::vector<CodeDetail> cards;
    auto both = two_cards(cards);
    if (!both.is_ok()) return both.status();
    if (!both.value()) return Status::ok();
    const CodeDetail& a = cards[0];
    const CodeDetail& b = cards[1];
    const std::string pair = a.display_code + " and " + b.display_code;
    if (a.record.system != kIcd10Cm || b.record.system != kIcd10Cm) {
      a_.summary = "The instructional notes that say which codes go together are ICD-10-CM's; they say nothing of " + pair +
                   ". Which procedure, supply and service codes may be billed together is in CMS's NCCI edits, which this "
                   "index does not hold.";
      a_.suggestion = "Check the current NCCI edit tables on cms.gov.";
      for (auto& card : cards) a_.cards.push_back(std::move(card));
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
    for (auto& card : cards) a_.cards.push_back(std::move(card));
    return Status::ok();
  }

  // "Hypertension, hypertensive (accelerated) ..." -> "Hypertension".
  static std::string main_term_of(std::string head) {
    const std::size_t cut = head.find_first_of(",(");
    if (cut != std::string::npos) head = head.substr(0, cut);
    while (!head.empty() && head.back() == ' ') head.pop_back();
    return head;
  }

  // The Alphabetic Index main term of a code: the head of its first index path.
  static std::string main_term(const CodeDetail& detail) {
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
  Status combination(const CodeDetail& a, const CodeDetail& b) {
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

  Status guidelines(const std::string& topic, std::size_t count) {
    SearchRequest request;
    request.query = topic;
    request.system = std::string(kGuidelines);
    request.limit = count;
    auto found = searcher_.search(request);
    if (!found.is_ok()) return found.status();
    for (const auto& hit : found.value().hits) {
      auto detail = searcher_.code_detail(std::string(kGuidelines), hit.code);
      if (!detail.is_ok()) {
        if (detail.status().code() == StatusCode::kNotFound) continue;
        return detail.status();
      }
      const CodeRecord& section = detail.value().record;
      AnswerSection quoted_section{hit.code, section.title, excerpt(section.description), section.referenced_codes};
      a_.sections.push_back(std::move(quoted_section));
      a_.citations.push_back({"guideline", "Guideline " + hit.code + " " + section.title, std::string(kGuidelines), hit.code, ""});
    }
    if (a_.question.type == QuestionType::kGuidelines) {
      if (a_.sections.empty()) {
        a_.summary = "No guideline section matches " + quoted(topic) + ".";
        a_.suggestion = "Try the condition's name alone, or browse the sections under /v1/guidelines/search.";
      } else {
        a_.summary = "The Official Guidelines sections for " + quoted(topic) + ", best match first: " +
                     a_.sections.front().section + " " + a_.sections.front().title + ".";
      }
    }
    return Status::ok();
  }

  // The opening of a section's text, cut at a sentence end near kSectionExcerpt.
  static std::string excerpt(const std::string& text) {
    if (text.size() <= kSectionExcerpt) return text;
    std::size_t cut = text.rfind(". ", kSectionExcerpt);
    if (cut == std::string::npos || cut < kSectionExcerpt / 2) {
      cut = text.rfind(' ', kSectionExcerpt);
      if (cut == std::string::npos) cut = kSectionExcerpt;
      // Never cut inside a UTF-8 sequence.
      while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
      return text.substr(0, cut) + " ...";
    }
    return text.substr(0, cut + 1) + " ...";
  }

  Status how_to_code() {
    SearchRequest request;
    request.query = a_.question.topic;
    request.system = a_.question.system;
    request.limit = 5;
    auto found = searcher_.search(request);
    if (!found.is_ok()) return found.status();
    const SearchResponse& response = found.value();
    if (response.hits.empty()) {
      a_.summary = "No code matches " + quoted(a_.question.topic) + ".";
      a_.suggestion = "Try other words for it, or the condition's name alone.";
      return Status::ok();
    }
    for (const auto& hit : response.hits) add_hit(hit, "result", "");
    const SearchHit& best = response.hits.front();
    a_.summary = "For " + quoted(response.corrected_query.empty() ? a_.question.topic : response.corrected_query) +
                 " the best match is " + best.code + " " + quoted(best.title) + " (" + system_label(best.system) +
                 (best.is_billable ? ", billable" : ", a header") + ").";
    auto detail = searcher_.code_detail(best.system, best.code);
    if (!detail.is_ok()) return detail.status();
    const CodeDetail& card = detail.value();
    cite_code(card);
    // The instructions that apply to the code: its own notes and those of its ancestors.
    auto instruct = [&](const std::string& at, const Note& note) {
      if (note.kind != NoteKind::kUseAdditionalCode && note.kind != NoteKind::kCodeFirst && note.kind != NoteKind::kCodeAlso) return;
      a_.facts.push_back(std::string(note_label(note.kind)) + " (note at " + at + "): " + note.text);
      cite_note(at, card.record.system, note);
    };
    for (const auto& note : card.record.notes) instruct(card.display_code, note);
    for (const auto& inherited : card.inherited_notes) instruct(inherited.from_code, inherited.note);
    if (!card.seventh_characters.empty() && card.record.code.size() < 7 && card.record.system == kIcd10Cm) {
      std::vector<std::string> options;
      for (const auto& seventh : card.seventh_characters) options.push_back(seventh.character + " " + seventh.meaning);
      a_.facts.push_back("A 7th character is required (defined at " + card.seventh_characters_from + "): " +
                         joined(options, "; ") + ".");
    }
    a_.cards.push_back(card);
    return Status::ok();
  }

  // The releases of system the index holds, oldest first.
  std::vector<std::string> releases_of(const std::string& system) const {
    std::vector<std::string> releases;
    for (const auto& known : searcher_.info().release_history) {
      if (known.system == system) releases.push_back(known.release);
    }
    return releases;
  }

  std::string known_releases(const std::string& system) const {
    std::vector<std::string> labels;
    for (const auto& release : releases_of(system)) labels.push_back(release_label(release));
    return labels.empty() ? "no release history" : joined(labels);
  }

  Status validity() {
    return each_asked_code([&](CodeDetail& detail) -> Result<std::string> {
      const std::string& system = detail.record.system;
      const std::vector<std::string> releases = releases_of(system);
      a_.citations.push_back({"release_history", system_label(system) + " releases this index holds: " + known_releases(system), "", "", ""});
      const CodeValidity& v = detail.record.validity;
      std::vector<std::string> valid_labels;
      for (const auto& release : detail.valid_in) valid_labels.push_back(release_label(release));
      // A code set without release history (HCPCS) knows only the release it was built from.
      const std::string in_list = !valid_labels.empty() ? joined(valid_labels)
                                  : is_deleted(detail)  ? "no release this index holds"
                                                        : release_label(detail.release);
      std::string sentence;
      const std::string& asked = a_.question.release;
      if (!asked.empty()) {
        const bool known = std::find(releases.begin(), releases.end(), asked) != releases.end();
        const bool valid = std::find(detail.valid_in.begin(), detail.valid_in.end(), asked) != detail.valid_in.end();
        if (!known) {
          sentence = "This index holds " + system_label(system) + " " + known_releases(system) + " only, so it cannot say whether " + detail.display_code +
                     " was valid in " + release_label(asked) + ". " + detail.display_code + " is valid in " + in_list + ".";
        } else {
          sentence = std::string(valid ? "Yes. " : "No. ") + detail.display_code + (valid ? " is valid in " : " is not valid in ") +
                     release_label(asked) + ". It is valid in " + in_list + ".";
        }
      } else if (is_deleted(detail)) {
        sentence = "No. " + deleted_sentence(detail);
      } else {
        sentence = "Yes. " + detail.display_code + " is valid in " + release_label(detail.release) + " (valid in " + in_list + ").";
      }
      if (!is_deleted(detail) && !detail.record.is_billable && detail.record.system != kHcpcs) {
        sentence += " It is a header, not billable: report one of its billable codes.";
      }
      if (!v.from_release.empty()) {
        a_.facts.push_back(detail.display_code + " is new in " + release_label(v.from_release) +
                           (v.from_date.empty() ? "" : ", valid for dates of service from " + v.from_date) + ".");
      } else if (!detail.earliest_release.empty()) {
        a_.facts.push_back(detail.display_code + " is in " + release_label(detail.earliest_release) +
                           ", the earliest release this index holds, so it dates from then or earlier.");
      }
      if (!v.until_release.empty() && !asked.empty()) a_.facts.push_back(deleted_sentence(detail));
      const std::string before = billable_before(detail);
      if (!before.empty()) a_.facts.push_back(before);
      return sentence;
    });
  }

  Status replacement() {
    return each_asked_code([&](CodeDetail& detail) -> Result<std::string> {
      std::string sentence;
      const std::string successors = attribute(detail, "Replaced by");
      if (!successors.empty()) {
        sentence = detail.display_code + " was deleted in " + release_label(detail.record.validity.until_release) +
                   "; the conversion table replaces it with " + successors + ".";
        std::string source;
        for (const auto& attribute : detail.record.attributes) {
          if (attribute.name == "Replaced by") source = attribute.detail;
        }
        a_.citations.push_back({"conversion_table", source.empty() ? "Conversion table" : source, detail.record.system,
                                detail.display_code, detail.display_code + " -> " + successors});
        std::string code;
        for (const char c : successors + ",") {
          if (c == ',' || c == ' ') {
            if (code.empty()) continue;
            auto replacement = searcher_.code_detail(detail.record.system, code);
            if (replacement.is_ok()) {
              add_code(replacement.value(), "replacement", "");
            } else {
              a_.codes.push_back({detail.record.system, code, "", false, "replacement", "named by the conversion table; not in this index"});
            }
            code.clear();
          } else {
            code += c;
          }
        }
      } else if (is_deleted(detail)) {
        sentence = deleted_sentence(detail) + (is_terminated(detail) ? "" : " The conversion table names no replacement.");
      } else {
        sentence = detail.display_code + " was not replaced: it is valid in " + release_label(detail.release) + ".";
        if (!detail.record.is_billable) {
          std::string codes;
          if (Status listed = list_billable_codes(detail, codes); !listed.is_ok()) return listed;
          const std::string before = billable_before(detail);
          sentence += before.empty() ? " It is a header. " + codes
                                     : " It is a header now (" + before.substr(0, before.size() - 1) + "). " + codes;
        }
      }
      return sentence;
    });
  }

  Status changes() {
    // Releases are named per code set: fy2026 is ICD-10-CM's and PCS's, 2025-oct HCPCS's.
    const std::string system = a_.question.system.empty() ? std::string(kIcd10Cm) : a_.question.system;
    const std::vector<std::string> releases = releases_of(system);
    const std::string& release = a_.question.release;
    const auto at = std::find(releases.begin(), releases.end(), release);
    a_.citations.push_back({"release_history", system_label(system) + " releases this index holds: " + known_releases(system), "", "", ""});
    if (at == releases.end() || at == releases.begin()) {
      a_.summary = "This index holds " + system_label(system) + " " + known_releases(system) + ", so it cannot say what " +
                   release_label(release) + " changed" +
                   (at == releases.begin() && at != releases.end() ? ": it has no release before it to compare with." : ".");
      return Status::ok();
    }
    const std::string before = *(at - 1);
    if (a_.question.topic.empty()) {
      a_.summary = "Name a condition, procedure or code to list what " + release_label(release) + " changed for it.";
      a_.suggestion = "For example: what changed in " + release_label(release) + " for diabetes.";
      return Status::ok();
    }
    SearchRequest request;
    request.query = a_.question.topic;
    request.system = a_.question.system;
    request.changed_in = release;
    request.limit = kListedCodes;
    auto found = searcher_.search(request);
    if (!found.is_ok()) return found.status();
    const SearchResponse& response = found.value();
    const std::string topic = quoted(a_.question.topic);
    if (response.hits.empty()) {
      a_.summary = release_label(release) + " changed no code that matches " + topic + ".";
      return Status::ok();
    }
    for (const auto& hit : response.hits) {
      auto detail = searcher_.code_detail(hit.system, hit.code);
      if (!detail.is_ok()) continue;
      const CodeDetail& d = detail.value();
      std::vector<std::string> what;
      if (d.record.validity.from_release == release) what.push_back("new in " + release_label(release));
      if (d.record.validity.until_release == release) what.push_back("deleted in " + release_label(release));
      // A deleted code is stored as not billable: its billable status did not change.
      const auto& revised = d.record.validity.revised_in;
      if (d.record.validity.until_release != release && std::find(revised.begin(), revised.end(), release) != revised.end()) {
        const std::string old_title = attribute(d, title_in_release_attribute(before));
        if (!old_title.empty()) what.push_back("retitled (was " + quoted(old_title) + ")");
        const std::string old_billable = attribute(d, billable_in_release_attribute(before));
        if (!old_billable.empty()) {
          what.push_back(old_billable == "yes" ? "now a header (billable in " + release_label(before) + ")"
                                               : "now billable (a header in " + release_label(before) + ")");
        }
      }
      if (what.empty()) what.push_back("changed in " + release_label(release));
      add_code(d, "changed", joined(what, "; "));
    }
    // Totals are exact up to 100 past the page, Xapian's estimate beyond.
    const std::string count = (response.total > kListedCodes + 100 ? "about " : "") + std::to_string(response.total);
    a_.summary = release_label(release) + " changed " + count + " code" + (response.total == 1 ? "" : "s") + " matching " +
                 topic + " (against " + release_label(before) + "); the best matches are listed.";
    return Status::ok();
  }

  Status crosswalk() {
    if (!searcher_.info().has_crosswalks) {
      a_.summary = "This index was built without the ICD-9-CM crosswalks (the CMS General Equivalence Mappings), so it "
                   "cannot map " + joined(a_.question.codes) + ".";
      a_.suggestion = "Rebuild the index from a corpus with gems/2018/, or search for the condition's or procedure's words.";
      return Status::ok();
    }
    const std::string gem = a_.question.procedures ? "ICD-9-CM procedures to ICD-10-PCS" : "ICD-9-CM to ICD-10-CM";
    if (a_.question.from_icd9) return icd9_to_icd10(gem);
    return icd10_to_icd9();
  }

  Status icd9_to_icd10(const std::string& gem) {
    for (const auto& typed : a_.question.codes) {
      auto mapped = searcher_.icd9_to_icd10(typed, a_.question.procedures);
      if (!mapped.is_ok()) {
        if (mapped.status().code() != StatusCode::kInvalidArgument) return mapped.status();
        a_.facts.push_back(mapped.status().message() + ".");
        continue;
      }
      if (mapped.value().empty()) {
        add_sentence(std::string("The GEM maps ICD-9-CM ") + typed + " to no code of " +
                     (a_.question.procedures ? "ICD-10-PCS" : "ICD-10-CM") + " in this release.");
        continue;
      }
      std::vector<std::string> targets;
      bool combination = false, approximate = false;
      for (const auto& walk : mapped.value()) {
        combination |= walk.combination;
        approximate |= walk.approximate;
        targets.push_back(walk.code);
        const std::string detail = "from ICD-9-CM " + walk.icd9_code + ", " +
                                   gem_flags_detail({walk.approximate, walk.combination, walk.scenario, walk.choice_list});
        bool listed = false;
        for (const auto& code : a_.codes) listed |= code.code == walk.code && code.role == "crosswalk";
        if (!listed) a_.codes.push_back({walk.system, walk.code, walk.title, walk.is_billable, "crosswalk", detail});
      }
      const std::string icd9 = mapped.value().front().icd9_code;
      std::string sentence = "The GEM maps ICD-9-CM " + icd9 + " to " + joined(targets) + (approximate ? " (approximate)." : ".");
      if (combination) sentence += " It is a combination: one code from each choice list of a scenario together translate it.";
      add_sentence(sentence);
      a_.citations.push_back({"gem", "CMS General Equivalence Mappings FY2018, " + gem, "", icd9, ""});
    }
    if (a_.summary.empty()) a_.summary = "No ICD-9-CM code to map in " + quoted(joined(a_.question.codes)) + ".";
    a_.facts.push_back("The GEMs are a translation aid, not a coding rule: code from the documentation with the current "
                       "Alphabetic Index and Tabular List.");
    return Status::ok();
  }

  Status icd10_to_icd9() {
    return each_asked_code([&](CodeDetail& detail) -> Result<std::string> {
      std::vector<std::string> icd9;
      for (const auto& attribute : detail.record.attributes) {
        if (attribute.name != kGemBackwardAttribute) continue;
        icd9.push_back(attribute.value);
        a_.facts.push_back(detail.display_code + " -> ICD-9-CM " + attribute.value + " (" + attribute.detail + ").");
      }
      if (icd9.empty()) return "The GEM maps " + detail.display_code + " to no ICD-9-CM code.";
      const std::string gem = detail.record.system == kIcd10Pcs ? "ICD-10-PCS to ICD-9-CM procedures" : "ICD-10-CM to ICD-9-CM";
      a_.citations.push_back({"gem", "CMS General Equivalence Mappings FY2018, " + gem, detail.record.system,
                              detail.display_code, ""});
      return "The GEM maps " + detail.display_code + " to ICD-9-CM " + joined(icd9) + ".";
    });
  }

  Status out_of_scope() {
    switch (a_.question.out_of_scope) {
      case OutOfScope::kNcci:
        a_.summary = "NCCI edits (procedure-to-procedure pairs and medically unlikely edits) are CMS's quarterly NCCI "
                     "tables, not part of the code sets this index holds, so it cannot answer this.";
        a_.suggestion = "Check the current NCCI edit tables on cms.gov.";
        break;
      case OutOfScope::kCoverage:
        a_.summary = "Coverage (national and local coverage determinations, prior authorization) is set by Medicare and each "
                     "payer, not by the code sets this index holds, so it cannot answer this.";
        a_.suggestion = "Check the Medicare Coverage Database or the payer's policy.";
        break;
      case OutOfScope::kPayment:
        a_.summary = "Payment (fee schedules, RVUs, reimbursement) is not part of the code sets this index holds, so it "
                     "cannot answer this.";
        a_.suggestion = "Check the CMS fee schedules or the payer's contract.";
        break;
      case OutOfScope::kCpt:
      case OutOfScope::kNone:
        a_.summary = "CPT codes are the AMA's and this index holds no licensed CPT file, so it cannot answer for CPT.";
        a_.suggestion = "Load a licensed CPT file (docs/IMPORT.md), or search ICD-10-PCS and HCPCS Level II for the procedure.";
        break;
    }
    // What the sources do hold about the subject: the codes named, or the nearest codes.
    for (const auto& typed : a_.question.codes) {
      auto detail = find(typed);
      if (!detail.is_ok()) return detail.status();
      if (detail.value()) add_code(*detail.value(), "asked", "");
    }
    // For a CPT procedure, the ICD-10-PCS and HCPCS codes for its words.
    const std::string& topic = a_.question.topic;
    const bool has_words = std::any_of(topic.begin(), topic.end(), [](unsigned char c) { return std::isalpha(c); });
    if (a_.question.out_of_scope == OutOfScope::kCpt && has_words) {
      for (const auto& [system, count] : {std::pair{kIcd10Pcs, 2}, std::pair{kHcpcs, 1}}) {
        SearchRequest request;
        request.query = a_.question.topic;
        request.system = std::string(system);
        request.limit = static_cast<std::size_t>(count);
        request.billable = BillableFilter::kBillableOnly;  // no modifiers
        auto found = searcher_.search(request);
        if (!found.is_ok()) return found.status();
        for (const auto& hit : found.value().hits) add_hit(hit, "alternative", "");
      }
    }
    return Status::ok();
  }

  const Searcher& searcher_;
  Answer& a_;
};

}  // namespace

Result<Answer> answer_question(const Searcher& searcher, const std::string& text) {
  SearchRequest check;
  check.query = text;
  if (Status valid = validate_search_request(check); !valid.is_ok()) return valid;
  Answer answer;
  answer.question = parse_question(text);
  AnswerBuilder builder(searcher, answer);
  // Words shaped like codes ("t2dm with b12 deficiency") are not a question about codes
  // when the index has none of them; a dotted one ("Z99.89") is a code, absent or not.
  const QuestionType type = answer.question.type;
  const bool about_codes = type == QuestionType::kWhatIs || type == QuestionType::kBillable ||
                           type == QuestionType::kCompare || type == QuestionType::kTogether ||
                           type == QuestionType::kValidity || type == QuestionType::kReplacement;
  const auto& codes = answer.question.codes;
  const bool dotted = std::any_of(codes.begin(), codes.end(), [](const std::string& c) { return c.find('.') != std::string::npos; });
  if (about_codes && !dotted) {
    auto known = builder.names_a_known_code();
    if (!known.is_ok()) return known.status();
    if (!known.value()) {
      answer.question = Question{};
      return answer;
    }
  }
  if (Status built = builder.build(); !built.is_ok()) return built;
  return answer;
}

}  // namespace medcode::searcher
