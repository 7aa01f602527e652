// The GEM step of a build: the ICD-9-CM crosswalks of the General Equivalence Mappings put
// on the ICD-10-CM or ICD-10-PCS records before they are written (build_steps.h).
#include <unordered_map>

#include "common/code_format.h"
#include "indexer/build/build_steps.h"
#include "indexer/sources/gem_reader.h"
#include "indexer/sources/source_bytes.h"

namespace medcode::indexer {
namespace {

const std::vector<std::string> kGemRoles = {"gem-forward", "gem-backward"};

}  // namespace

Result<GemCrosswalks> attach_gem_crosswalks(BuildContext& context, const std::string& code_set,
                                            std::vector<CodeRecord>& records) {
  // No required role: the release's order file dates it, and a corpus without GEMs adds nothing.
  auto selected = context.select(code_set, context.options.release, {}, kGemRoles);
  if (!selected.is_ok()) return selected.status();
  GemCrosswalks counts;
  if (selected.value().sources.empty()) return counts;
  std::unordered_map<std::string, CodeRecord*> by_code;
  for (CodeRecord& record : records) by_code.emplace(record.code, &record);
  const Icd9Kind kind = code_set == kIcd10Pcs ? Icd9Kind::kProcedure : Icd9Kind::kDiagnosis;
  const std::string release_name = code_set + " " + release_label(context.options.release);
  SkipLog absent;
  std::string release;
  for (const SelectedSource& source : selected.value().sources) {
    const std::string& role = source.file.role;
    const bool forward = role == "gem-forward";
    context.progress("reading " + code_set + " " + role, 0, 0);
    auto bytes = load_source_bytes(source.location);
    if (!bytes.is_ok()) return bytes.status();
    const std::string name = source.location.display_name();
    auto gem = read_gem_file(bytes.value(), name, code_set,
                             forward ? GemDirection::kIcd9ToIcd10 : GemDirection::kIcd10ToIcd9);
    if (!gem.is_ok()) return gem.status();
    context.report.sources.push_back(
        SourceReport{code_set, role, name, source.file.release, gem.value().entries.size(), gem.value().skipped});
    release = source.file.release;
    for (const GemEntry& entry : gem.value().entries) {
      if (entry.no_map) {
        ++counts.without_map;
        continue;
      }
      const std::string& icd10 = forward ? entry.target : entry.source;
      const std::string& icd9 = forward ? entry.source : entry.target;
      auto found = by_code.find(icd10);
      if (found == by_code.end()) {
        // Mostly codes deleted or expanded since the GEMs' last release (FY2018).
        absent.add(name + ":" + std::to_string(entry.line),
                   "code " + icd10 + " is not in " + release_name + "; its GEM entry is not attached");
        continue;
      }
      // Scenario and choice list mean something only in a combination entry.
      const GemFlags flags{entry.approximate, entry.combination, entry.combination ? entry.scenario : 0,
                           entry.combination ? entry.choice_list : 0};
      found->second->attributes.push_back({std::string(forward ? kGemForwardAttribute : kGemBackwardAttribute),
                                           display_icd9cm(icd9, kind), gem_flags_detail(flags)});
      ++(forward ? counts.forward : counts.backward);
    }
  }
  counts.naming_absent_codes = absent.count();
  context.report.sources.push_back(
      SourceReport{code_set, "gem merge", "GEM entries naming codes " + release_name + " lacks", release, 0, absent});
  return counts;
}

std::string GemCrosswalks::summary() const {
  return std::to_string(forward) + " ICD-9 to ICD-10 and " + std::to_string(backward) +
         " ICD-10 to ICD-9 GEM crosswalks (GEM entries without a map: " + std::to_string(without_map) +
         ", naming codes the release lacks: " + std::to_string(naming_absent_codes) + ")";
}

}  // namespace medcode::indexer
