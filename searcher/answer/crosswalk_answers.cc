// ICD-9-CM crosswalks from the CMS General Equivalence Mappings the index carries.
#include <algorithm>
#include <cctype>
#include <optional>
#include <set>

#include "common/code_format.h"
#include "searcher/answer/internal/answer_builder.h"
#include "searcher/answer/note_references.h"
#include "searcher/engine/searcher.h"

namespace medcode::searcher::answering {

Status AnswerBuilder::crosswalk() {
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

Status AnswerBuilder::icd9_to_icd10(const std::string& gem) {
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

Status AnswerBuilder::icd10_to_icd9() {
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

}  // namespace medcode::searcher::answering
