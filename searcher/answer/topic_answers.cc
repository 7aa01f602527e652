// Answers about a subject rather than a code: the guideline sections for it, the codes for
// it, and what the code sets do not cover.
#include <algorithm>
#include <cctype>
#include <optional>
#include <set>

#include "common/code_format.h"
#include "searcher/answer/internal/answer_builder.h"
#include "searcher/answer/note_references.h"
#include "searcher/engine/searcher.h"

namespace medcode::searcher::answering {

Status AnswerBuilder::guidelines(const std::string& topic, std::size_t count) {
  SearchRequest request;
  request.query = topic;
  request.system = std::string(kGuidelines);
  request.limit = count;
  auto found = search_if_served(request);
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
std::string AnswerBuilder::excerpt(const std::string& text) {
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

Status AnswerBuilder::how_to_code() {
  SearchRequest request;
  request.query = a_.question.topic;
  request.system = a_.question.system;
  request.limit = 5;
  auto found = search_if_served(request);
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
  add_seventh_character_fact(card);
  a_.cards.push_back(card);
  return Status::ok();
}

Status AnswerBuilder::out_of_scope() {
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
      if (has_code_set("cpt")) {
        a_.summary = "CPT codes are the AMA's; this index holds a CPT file imported as \"cpt\", which the results search. "
                     "The questions answered here are about ICD-10 and HCPCS codes.";
        a_.suggestion = "Search with system=cpt for the code or the procedure's words.";
        break;
      }
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
      auto found = search_if_served(request);
      if (!found.is_ok()) return found.status();
      for (const auto& hit : found.value().hits) add_hit(hit, "alternative", "");
    }
  }
  return Status::ok();
}

}  // namespace medcode::searcher::answering
