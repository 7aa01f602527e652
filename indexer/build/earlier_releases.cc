// The earlier releases' order files a step compares its release with (code_validity.h).
#include <algorithm>

#include "indexer/build/build_steps.h"
#include "indexer/sources/source_bytes.h"

namespace medcode::indexer {

Result<std::vector<EarlierOrderFile>> read_earlier_order_files(BuildContext& context, const std::string& code_set,
                                                               const std::string& effective_date) {
  std::vector<const ManifestFile*> listed;
  for (const auto& file : context.manifest) {
    if (file.code_set == code_set && file.role == "order" && file.effective < effective_date) listed.push_back(&file);
  }
  std::sort(listed.begin(), listed.end(),
            [](const ManifestFile* a, const ManifestFile* b) { return a->effective < b->effective; });
  std::vector<EarlierOrderFile> earlier;
  for (const ManifestFile* file : listed) {
    auto present = select_release_sources(context.manifest, context.corpus_dir, code_set, file->release, {"order"}, {});
    if (!present.is_ok()) {
      context.report.notices.push_back(code_set + ": earlier release " + file->release +
                                       " not in the corpus; validity starts after it");
      earlier.clear();  // a gap would make codes look deleted and added again
      continue;
    }
    auto verified = context.select(code_set, file->release, {"order"}, {});
    if (!verified.is_ok()) return verified.status();
    const SelectedSource& source = *verified.value().find("order");
    context.progress("reading " + code_set + " " + file->release + " order file", 0, 0);
    auto bytes = load_source_bytes(source.location);
    if (!bytes.is_ok()) return bytes.status();
    auto order = read_order_file(bytes.value(), source.location.display_name(), code_set);
    if (!order.is_ok()) return order.status();
    context.report.sources.push_back(SourceReport{code_set, "earlier order", source.location.display_name(),
                                                  file->release, order.value().entries.size(), order.value().skipped});
    earlier.push_back({file->release, file->effective, std::make_unique<OrderFile>(std::move(order).value())});
  }
  return earlier;
}

}  // namespace medcode::indexer
