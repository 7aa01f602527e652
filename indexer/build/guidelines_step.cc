// The Official Guidelines step of a build: the PDF of the fiscal year, split into its
// numbered sections, each a document linked to the ICD-10-CM codes it names.
#include <chrono>

#include "common/code_format.h"
#include "common/schema.h"
#include "indexer/build/build_steps.h"
#include "indexer/build/tabular_sort_key.h"
#include "indexer/sources/guidelines_reader.h"
#include "indexer/sources/pdf_text_reader.h"

namespace medcode::indexer {

std::vector<std::string> linked_codes(const std::string& mention, const std::set<std::string>& cm_codes) {
  const auto dash = mention.find('-', 1);
  const std::string start = compact_code(mention.substr(0, dash));
  if (dash == std::string::npos || dash + 1 >= mention.size()) {
    return cm_codes.count(start) ? std::vector<std::string>{start} : std::vector<std::string>{};
  }
  const std::string end = compact_code(mention.substr(dash + 1));
  std::vector<std::string> codes;
  for (auto it = cm_codes.lower_bound(start); it != cm_codes.end(); ++it) {
    if (it->compare(0, end.size(), end) > 0) break;
    if (it->size() == start.size()) codes.push_back(*it);
    if (codes.size() > kMaxLinksPerMention) return {};  // "A00.0 through T88.9": everything
  }
  return codes;
}

Status build_guidelines_step(BuildContext& context, const std::set<std::string>& cm_codes) {
  const auto started = std::chrono::steady_clock::now();
  auto selected = context.select("icd10cm", context.options.release, {"order"}, {"guidelines"});
  if (!selected.is_ok()) return selected.status();
  const SelectedSource* source = selected.value().find("guidelines");
  if (source == nullptr) {
    context.report.notices.push_back("guidelines: no Official Guidelines PDF for " + context.options.release +
                                     " in the corpus; not included");
    return Status::ok();
  }
  context.progress("reading guidelines", 0, 0);
  auto pages = read_pdf_pages(source->location.path);
  if (!pages.is_ok()) return pages.status();
  auto guidelines = split_guidelines(pages.value(), source->location.display_name());
  if (!guidelines.is_ok()) return guidelines.status();
  const auto& sections = guidelines.value().sections;
  context.report.sources.push_back(SourceReport{"guidelines", "guidelines", source->location.display_name(),
                                                source->file.release, sections.size(), {}});

  std::size_t links = 0;
  std::string top_heading;
  for (std::size_t i = 0; i < sections.size(); ++i) {
    const GuidelineSection& section = sections[i];
    if (section.depth == 0) top_heading = section.heading;
    CodeRecord record;
    record.system = std::string(kGuidelines);
    record.code = section.id;
    record.title = section.heading.empty() ? "Section " + section.id : section.heading;
    record.description = section.text;
    record.parent = section.parent;
    record.sort_key = position_sort_key(i + 1);
    record.chapter = section.id.substr(0, section.id.find('.'));
    record.chapter_title = top_heading;
    record.referenced_codes = section.referenced_codes;
    record.attributes.push_back({"Page", std::to_string(section.page), ""});
    std::vector<std::string> link_terms;
    for (const auto& mention : section.referenced_codes) {
      const bool range = mention.find('-', 1) != std::string::npos && mention.back() != '-';
      const std::string_view prefix = range ? schema::kGuidelineRangeLinkPrefix : schema::kGuidelineLinkPrefix;
      for (const auto& code : linked_codes(mention, cm_codes)) {
        link_terms.push_back(std::string(prefix) + "icd10cm:" + code);
      }
    }
    links += link_terms.size();
    if (Status added = context.writer.add(record, link_terms); !added.is_ok()) return added;
  }
  CodeSetSummary summary{"guidelines", source->file.release, sections.size(), 0, 0,
                         std::to_string(links) + " links to ICD-10-CM codes and categories"};
  summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  context.report.code_sets.push_back(summary);
  return Status::ok();
}

}  // namespace medcode::indexer
