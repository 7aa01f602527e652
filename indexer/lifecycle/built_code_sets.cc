#include "indexer/lifecycle/built_code_sets.h"

#include <xapian.h>

#include <algorithm>

#include "common/schema.h"
#include "common/tsv_fields.h"

namespace medcode::indexer {
namespace {

bool is_official(const std::string& system) {
  return std::find(kAllCodeSets.begin(), kAllCodeSets.end(), system) != kAllCodeSets.end();
}

// An index of an earlier medcode: the official sets it holds (a set the manifest lacked for
// its release is not among them), and the imports its sources list ("import:cpt<TAB>path").
BuiltCodeSets inferred_from_contents(const Xapian::Database& database) {
  BuiltCodeSets built;
  built.recorded = false;
  std::vector<std::string> held;
  for (const auto& fields : tsv_rows(database.get_metadata(std::string(schema::kCodeSetsKey)))) held.push_back(fields[0]);
  for (const auto& code_set : kAllCodeSets) {
    if (code_set == "icd10cm" || std::find(held.begin(), held.end(), code_set) != held.end()) {
      built.code_sets.push_back(code_set);
    }
  }
  const std::string import_role = "import:";
  for (const auto& fields : tsv_rows(database.get_metadata(std::string(schema::kSourcesKey)))) {
    if (fields.size() >= 2 && fields[0].rfind(import_role, 0) == 0) {
      built.imports.push_back({fields[0].substr(import_role.size()), fields[1]});
    }
  }
  return built;
}

}  // namespace

Result<BuiltCodeSets> read_built_code_sets(const std::string& index_dir) {
  try {
    Xapian::Database database(index_dir);
    const std::string record = database.get_metadata(std::string(schema::kBuildCodeSetsKey));
    if (record.empty()) return inferred_from_contents(database);
    BuiltCodeSets built;
    for (const auto& fields : tsv_rows(record)) {
      if (is_official(fields[0])) {
        built.code_sets.push_back(fields[0]);
      } else if (fields.size() >= 2) {
        built.imports.push_back({fields[0], fields[1]});
      }
    }
    return built;
  } catch (const Xapian::Error& error) {
    return Status::data_error(index_dir + ": cannot be opened as an index: " + error.get_description());
  }
}

std::string describe_code_sets(const std::vector<std::string>& code_sets, const std::vector<LocalImport>& imports) {
  std::string text;
  for (const auto& code_set : code_sets) text += (text.empty() ? "" : ", ") + code_set;
  for (const auto& import : imports) {
    text += (text.empty() ? "" : ", ") + import.system + " (import " + import.path + ")";
  }
  return text;
}

}  // namespace medcode::indexer
