// Builds each kind of answer from Searcher's public lookups: code_detail for the cards,
// notes, hierarchy and validity; search for descendants, guideline sections, ranked codes
// and the codes a release changed. This file holds what every kind shares, and
// answer_question.
#include <algorithm>
#include <cctype>
#include <optional>
#include <set>

#include "common/code_format.h"
#include "searcher/answer/internal/answer_builder.h"
#include "searcher/answer/note_references.h"
#include "searcher/engine/searcher.h"

namespace medcode::searcher {
namespace answering {

Status AnswerBuilder::build() {
  switch (a_.question.type) {
    case QuestionType::kNone: return Status::ok();
    case QuestionType::kWhatIs: return what_is();
    case QuestionType::kBillable: return billable();
    case QuestionType::kCompare: return for_two_codes(&AnswerBuilder::compare);
    case QuestionType::kTogether: return for_two_codes(&AnswerBuilder::together);
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

// The code typed in every system whose shape it has and that holds it ("J1100": ICD-10-CM
// J11.00 and HCPCS J1100), a code set the question names first; a modifier in HCPCS.
Result<std::vector<CodeDetail>> AnswerBuilder::find_all(const std::string& typed) const {
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
Lookup AnswerBuilder::find(const std::string& typed) const {
  auto found = find_all(typed);
  if (!found.is_ok()) return found.status();
  if (found.value().empty()) return std::optional<CodeDetail>();
  return std::optional<CodeDetail>(std::move(found.value().front()));
}

// Whether any code the question names is in the index.
Result<bool> AnswerBuilder::names_a_known_code() const {
  for (const auto& typed : a_.question.codes) {
    auto found = find_all(typed);
    if (!found.is_ok()) return found.status();
    if (!found.value().empty()) return true;
  }
  return false;
}

// Every asked code's card (in each code set that has it, unless only the first is
// wanted); the ones the index lacks are said, not guessed at.
Result<std::vector<CodeDetail>> AnswerBuilder::asked_cards(bool every_system) {
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

void AnswerBuilder::add_seventh_character_fact(const CodeDetail& detail) {
  if (detail.seventh_characters.empty() || detail.record.code.size() >= 7 || detail.record.system != kIcd10Cm) return;
  std::vector<std::string> options;
  for (const auto& seventh : detail.seventh_characters) options.push_back(seventh.character + " " + seventh.meaning);
  a_.facts.push_back("A 7th character is required (defined at " + detail.seventh_characters_from + "): " +
                     joined(options, "; ") + ".");
}

bool AnswerBuilder::has_code_set(const std::string& system) const {
  for (const auto& set : searcher_.info().code_sets) {
    if (set.system == system) return true;
  }
  return false;
}

std::string AnswerBuilder::systems_searched(const std::string& typed) const {
  std::string names;
  for (const auto& candidate : code_candidates(typed)) {
    names += (names.empty() ? "" : " or ") + system_label(std::string(candidate.system));
  }
  return names.empty() ? "any code set" : names;
}

std::string AnswerBuilder::joined(const std::vector<std::string>& items, const char* separator) {
  std::string text;
  for (const auto& item : items) text += (text.empty() ? "" : separator) + item;
  return text;
}

void AnswerBuilder::add_code(const CodeDetail& detail, const std::string& role, const std::string& note) {
  for (const auto& code : a_.codes) {
    if (code.system == detail.record.system && code.code == detail.display_code) return;
  }
  a_.codes.push_back({detail.record.system, detail.display_code, detail.record.title, detail.record.is_billable, role, note});
}

void AnswerBuilder::add_hit(const SearchHit& hit, const std::string& role, const std::string& note) {
  for (const auto& code : a_.codes) {
    if (code.system == hit.system && code.code == hit.code) return;
  }
  a_.codes.push_back({hit.system, hit.code, hit.title, hit.is_billable, role, note});
}

void AnswerBuilder::cite_code(const CodeDetail& detail) {
  a_.citations.push_back({"code", detail.display_code + " " + detail.record.title, detail.record.system, detail.display_code, ""});
}

void AnswerBuilder::cite_note(const std::string& from_code, const std::string& system, const Note& note) {
  a_.citations.push_back({"note", std::string(note_label(note.kind)) + " note at " + from_code, system, from_code, note.text});
}

const char* AnswerBuilder::note_label(NoteKind kind) {
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
Status AnswerBuilder::cite_guideline(const std::string& section) {
  auto detail = searcher_.code_detail(std::string(kGuidelines), section);
  if (!detail.is_ok()) {
    if (detail.status().code() == StatusCode::kNotFound) return Status::ok();
    return detail.status();
  }
  a_.citations.push_back({"guideline", "Guideline " + section + " " + detail.value().record.title,
                          std::string(kGuidelines), section, ""});
  return Status::ok();
}

Result<SearchResponse> AnswerBuilder::search_if_served(const SearchRequest& request) const {
  if (!searcher_.check_system(request.system).is_ok()) return SearchResponse{};
  return searcher_.search(request);
}

// The billable codes under a header, in tabular order, and how many there are.
Result<std::pair<std::vector<SearchHit>, std::size_t>> AnswerBuilder::billable_under(const CodeDetail& header) const {
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
std::string AnswerBuilder::characters_needed(const CodeDetail& header, const std::vector<SearchHit>& billable) {
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

Status AnswerBuilder::list_billable_codes(const CodeDetail& header, std::string& sentence) {
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

std::string AnswerBuilder::attribute(const CodeDetail& detail, const std::string& name) {
  for (const auto& attribute : detail.record.attributes) {
    if (attribute.name == name) return attribute.value;
  }
  return "";
}

// Deleted by a later release, or a terminated HCPCS code: no longer reportable.
bool AnswerBuilder::is_deleted(const CodeDetail& detail) {
  return !detail.record.validity.until_release.empty() || is_terminated(detail);
}

std::string AnswerBuilder::deleted_sentence(const CodeDetail& detail) const {
  if (is_terminated(detail)) {
    const std::string date = attribute(detail, std::string(kTerminationDateAttribute));
    return detail.display_code + " is terminated" + (date.empty() ? "" : " (termination date " + date + ")") + ".";
  }
  const CodeValidity& v = detail.record.validity;
  std::string text = detail.display_code + " was deleted in " + release_label(v.until_release);
  if (!v.through_date.empty()) text += " (valid through " + v.through_date + ")";
  const std::string successors = attribute(detail, std::string(kReplacedByAttribute));
  if (!successors.empty()) text += "; the conversion table replaces it with " + successors;
  return text + ".";
}

// "It was billable in FY2025." when an earlier release said otherwise.
std::string AnswerBuilder::billable_before(const CodeDetail& detail) {
  for (const auto& attribute : detail.record.attributes) {
    if (attribute.name.rfind(kBillableInReleasePrefix, 0) != 0) continue;
    const std::string release = attribute.name.substr(kBillableInReleasePrefix.size());
    return detail.display_code + (attribute.value == "yes" ? " was billable in " : " was a header in ") + release + ".";
  }
  return "";
}

// The releases of system the index holds, oldest first.
std::vector<std::string> AnswerBuilder::releases_of(const std::string& system) const {
  std::vector<std::string> releases;
  for (const auto& known : searcher_.info().release_history) {
    if (known.system == system) releases.push_back(known.release);
  }
  return releases;
}

std::string AnswerBuilder::known_releases(const std::string& system) const {
  std::vector<std::string> labels;
  for (const auto& release : releases_of(system)) labels.push_back(release_label(release));
  return labels.empty() ? "no release history" : joined(labels);
}

}  // namespace answering


Result<Question> read_question(const Searcher& searcher, const std::string& text) {
  SearchRequest check;
  check.query = text;
  if (Status valid = validate_search_request(check); !valid.is_ok()) return valid;
  Answer scratch;
  scratch.question = parse_question(text);
  // Words shaped like codes ("t2dm with b12 deficiency") are not a question about codes
  // when the index has none of them; a dotted one ("Z99.89") is a code, absent or not.
  const QuestionType type = scratch.question.type;
  const bool about_codes = type == QuestionType::kWhatIs || type == QuestionType::kBillable ||
                           type == QuestionType::kCompare || type == QuestionType::kTogether ||
                           type == QuestionType::kValidity || type == QuestionType::kReplacement;
  const auto& codes = scratch.question.codes;
  const bool dotted = std::any_of(codes.begin(), codes.end(), [](const std::string& c) { return c.find('.') != std::string::npos; });
  if (about_codes && !dotted) {
    auto known = answering::AnswerBuilder(searcher, scratch).names_a_known_code();
    if (!known.is_ok()) return known.status();
    if (!known.value()) return Question{};
  }
  return scratch.question;
}

Result<Answer> answer_read_question(const Searcher& searcher, const Question& question) {
  Answer answer;
  answer.question = question;
  if (Status built = answering::AnswerBuilder(searcher, answer).build(); !built.is_ok()) return built;
  return answer;
}

Result<Answer> answer_question(const Searcher& searcher, const std::string& text) {
  auto question = read_question(searcher, text);
  if (!question.is_ok()) return question.status();
  return answer_read_question(searcher, question.value());
}

}  // namespace medcode::searcher
