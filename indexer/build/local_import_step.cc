// The import step of a build: one code set from a user's licensed or local file.
#include <chrono>

#include "common/code_format.h"
#include "indexer/build/build_steps.h"
#include "indexer/build/tabular_sort_key.h"
#include "indexer/sources/local_code_set_reader.h"
#include "indexer/sources/source_bytes.h"

namespace medcode::indexer {

Status build_local_import_step(BuildContext& context, const LocalImport& import) {
  const auto started = std::chrono::steady_clock::now();
  const std::string& system = import.system;
  if (!is_valid_system_name(system) || system == kIcd10Cm || system == kIcd10Pcs || system == kHcpcs ||
      system == kGuidelines) {
    return Status::invalid_argument("--import " + system + "=" + import.path + ": \"" + system +
                                    "\" must be 2-32 of a-z, 0-9, _ and -, starting with a letter, and not "
                                    "the name of an official code set");
  }
  context.progress("reading " + system, 0, 0);
  auto bytes = load_source_bytes(SourceLocation{import.path, ""});
  if (!bytes.is_ok()) return bytes.status();
  auto set = read_local_code_set(bytes.value(), import.path);
  if (!set.is_ok()) return set.status();
  context.report.sources.push_back(
      SourceReport{system, "import", import.path, "local", set.value().codes.size(), set.value().skipped});
  context.sources_tsv += "import:" + system + "\t" + import.path + "\tlocal\t-\n";

  std::vector<CodeRecord> records;
  records.reserve(set.value().codes.size());
  std::set<std::string> codes;
  for (const auto& code : set.value().codes) codes.insert(code.code);
  std::size_t billable = 0, orphans = 0;
  for (const auto& code : set.value().codes) {
    CodeRecord record;
    record.system = system;
    record.code = code.code;
    record.title = code.title;
    record.description = code.description;
    record.inclusion_terms = code.synonyms;
    record.is_billable = code.is_billable;
    record.sort_key = position_sort_key(records.size() + 1);
    if (!code.parent.empty() && codes.count(code.parent)) {
      record.parent = code.parent;
    } else if (!code.parent.empty()) {
      ++orphans;  // the parent is not in the file; the code stays at the top
    }
    billable += record.is_billable ? 1 : 0;
    records.push_back(std::move(record));
  }
  if (Status written = context.write(records, "writing " + system); !written.is_ok()) return written;
  CodeSetSummary summary{system, "local file", records.size(), billable, 0,
                         std::to_string(orphans) + " parents not in the file"};
  summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  context.report.code_sets.push_back(summary);
  return Status::ok();
}

}  // namespace medcode::indexer
