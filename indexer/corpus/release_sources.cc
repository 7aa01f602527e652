#include "indexer/corpus/release_sources.h"

#include <algorithm>
#include <filesystem>
#include <set>
#include <system_error>

#include "indexer/corpus/sha256.h"

namespace medcode::indexer {
namespace {

bool exists(const std::string& path) {
  std::error_code error;
  return std::filesystem::is_regular_file(path, error);
}

std::string join_path(const std::string& dir, const std::string& relative) {
  return (std::filesystem::path(dir) / relative).string();
}

}  // namespace

const SelectedSource* ReleaseSources::find(const std::string& role) const {
  for (const auto& source : sources) {
    if (source.file.role == role) return &source;
  }
  return nullptr;
}

Result<ReleaseSources> select_release_sources(const std::vector<ManifestFile>& manifest,
                                              const std::string& corpus_dir,
                                              const std::string& code_set,
                                              const std::string& release,
                                              const std::vector<std::string>& required_roles,
                                              const std::vector<std::string>& optional_roles) {
  // The release must have its own defining file (the order file; HCPCS: its data file):
  // that is what defines a release.
  const std::string defining = required_roles.empty() ? "order" : required_roles.front();
  const ManifestFile* order = nullptr;
  std::set<std::string> known_releases;
  for (const auto& file : manifest) {
    if (file.code_set != code_set || file.role != defining) continue;
    known_releases.insert(file.release);
    if (file.release == release) order = &file;
  }
  if (order == nullptr) {
    std::string known;
    for (const auto& name : known_releases) known += (known.empty() ? "" : ", ") + name;
    return Status::invalid_argument("release \"" + release + "\" of " + code_set +
                                    " is not in the manifest; known releases: " + known);
  }
  ReleaseSources selected;
  selected.code_set = code_set;
  selected.release = release;
  selected.fiscal_year = order->fiscal_year;

  auto choose = [&](const std::string& role, bool required) -> Status {
    std::vector<const ManifestFile*> candidates;
    for (const auto& file : manifest) {
      if (file.code_set != code_set || file.role != role) continue;
      if (role == defining ? file.release != release : file.fiscal_year > selected.fiscal_year) {
        continue;
      }
      candidates.push_back(&file);
    }
    // Newest first: a later effective date supersedes an earlier one.
    std::sort(candidates.begin(), candidates.end(),
              [](const ManifestFile* a, const ManifestFile* b) { return a->effective > b->effective; });
    for (const ManifestFile* candidate : candidates) {
      const std::string path = join_path(corpus_dir, candidate->path);
      if (!exists(path)) {
        selected.notices.push_back(role + ": " + candidate->release + " file " + candidate->path +
                                   " is not in the corpus; trying an older release");
        continue;
      }
      selected.sources.push_back(SelectedSource{*candidate, SourceLocation{path, candidate->member}});
      return Status::ok();
    }
    if (!required) return Status::ok();
    const std::string expected = candidates.empty() ? "(none listed)" : candidates.front()->path;
    return Status::not_found(code_set + " " + release + ": no " + role + " file in " + corpus_dir +
                             "; expected " + expected + " (run corpus/fetch, or pass --corpus)");
  };
  for (const auto& role : required_roles) {
    if (Status status = choose(role, true); !status.is_ok()) return status;
  }
  for (const auto& role : optional_roles) {
    if (Status status = choose(role, false); !status.is_ok()) return status;
  }
  return selected;
}

Status verify_release_sources(const ReleaseSources& sources) {
  std::set<std::string> checked;
  for (const auto& source : sources.sources) {
    if (!checked.insert(source.location.path).second) continue;
    auto digest = sha256_of_file(source.location.path);
    if (!digest.is_ok()) return digest.status();
    if (digest.value() != source.file.sha256) {
      return Status::data_error(source.location.path + ": sha256 is " + digest.value() +
                                " but the manifest (" + source.file.location + ") expects " +
                                source.file.sha256 +
                                "; the file is damaged or not the official release: fetch it "
                                "again with corpus/fetch");
    }
  }
  return Status::ok();
}

}  // namespace medcode::indexer
