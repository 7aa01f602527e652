// What a code is and whether it is billable: from its card (Searcher::code_detail) and, for
// a header, the billable codes under it.
#include <algorithm>
#include <cctype>
#include <optional>
#include <set>

#include "common/code_format.h"
#include "searcher/answer/internal/answer_builder.h"
#include "searcher/answer/note_references.h"
#include "searcher/engine/searcher.h"

namespace medcode::searcher::answering {

Status AnswerBuilder::what_is() {
  return each_asked_code([&](CodeDetail& detail) -> Result<std::string> {
    std::string sentence;
    const std::string label = detail.display_code + " (" + system_label(detail.record.system) + ")";
    if (is_deleted(detail)) {
      sentence = label + " " + quoted(detail.record.title) + ": " + deleted_sentence(detail);
    } else if (attribute(detail, std::string(kKindAttribute)) == kModifierKind) {
      sentence = label + " is a modifier: " + quoted(detail.record.title) + ". A modifier is reported with a code, not alone.";
    } else if (detail.record.is_billable) {
      sentence = label + " is billable: " + quoted(detail.record.title) + ".";
    } else {
      std::string codes;
      if (Status listed = list_billable_codes(detail, codes); !listed.is_ok()) return listed;
      sentence = label + " is a header, not billable: " + quoted(detail.record.title) + ". " + codes;
    }
    add_seventh_character_fact(detail);
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

Status AnswerBuilder::billable() {
  return each_asked_code([&](CodeDetail& detail) -> Result<std::string> {
    std::string sentence;
    if (is_deleted(detail)) {
      sentence = "No. " + deleted_sentence(detail);
    } else if (attribute(detail, std::string(kKindAttribute)) == kModifierKind) {
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

}  // namespace medcode::searcher::answering
