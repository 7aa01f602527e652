#include "searcher/fhir/index_code_systems.h"

#include <algorithm>

#include "common/code_format.h"
#include "searcher/engine/searcher.h"

namespace medcode::searcher::fhir {
namespace {

// Pages of a code-prefix search: the searcher returns a code, then its descendants.
constexpr std::size_t kPage = 200;

class IndexCodeSystem : public CodeSystemSource {
 public:
  IndexCodeSystem(const Searcher& searcher, std::string system, CodeSystemInfo info, bool is_current, std::size_t size)
      : searcher_(searcher), system_(std::move(system)), info_(std::move(info)), is_current_(is_current), size_(size) {}

  const CodeSystemInfo& info() const override { return info_; }
  std::size_t size() const override { return size_; }
  bool for_each(const std::function<void(const Concept&, int)>&) const override { return false; }

  Result<std::optional<Concept>> find(const std::string& code) const override {
    auto detail = searcher_.code_detail(system_, code);
    if (!detail.is_ok()) {
      if (detail.status().code() == StatusCode::kNotFound) return std::optional<Concept>();
      return detail.status();
    }
    Concept term = to_concept(detail.value());
    if (!is_current_) {
      // An older release: the code must be valid in it, with the title it had then.
      SearchRequest request;
      request.query = detail.value().display_code;
      request.system = system_;
      request.release = info_.version;
      request.limit = 1;
      auto response = searcher_.search(request);
      if (!response.is_ok()) return response.status();
      const auto& hits = response.value().hits;
      if (hits.empty() || hits[0].code != detail.value().display_code) return std::optional<Concept>();
      term.display = hits[0].title;
      term.is_abstract = !hits[0].is_billable;
      term.is_inactive = hits[0].status != CodeStatus::kActive;
    }
    return std::optional<Concept>(std::move(term));
  }

  Result<bool> subsumes(const std::string& ancestor, const std::string& descendant) const override {
    auto top = searcher_.lookup(system_, ancestor);
    auto below = searcher_.code_detail(system_, descendant);
    if (!top.is_ok() || !below.is_ok()) return false;
    if (top.value().code == below.value().record.code) return true;
    const std::string top_code = display_code(system_, top.value().code);
    const auto& ancestors = below.value().ancestors;
    return std::any_of(ancestors.begin(), ancestors.end(), [&](const CodeLink& link) { return link.code == top_code; });
  }

  Result<std::vector<std::string>> descendants(const std::string& code, std::size_t limit) const override {
    std::vector<std::string> codes;
    auto top = searcher_.lookup(system_, code);
    if (!top.is_ok()) return codes;
    const std::string top_code = display_code(system_, top.value().code);
    SearchRequest request;
    request.query = top_code;
    request.system = system_;
    if (!is_current_) request.release = info_.version;
    request.limit = kPage;
    for (std::size_t offset = 0; offset <= kMaxOffset && codes.size() < limit; offset += kPage) {
      request.offset = offset;
      auto response = searcher_.search(request);
      if (!response.is_ok()) return response.status();
      for (const SearchHit& hit : response.value().hits) {
        if (hit.match != MatchKind::kCode) return codes;  // past the code's subtree
        if (hit.code != top_code) codes.push_back(hit.code);
      }
      if (response.value().hits.size() < kPage) break;
    }
    if (codes.size() > limit) codes.resize(limit);
    return codes;
  }

  Result<std::optional<TextMatches>> search(const std::string& text, std::size_t offset, std::size_t limit) const override {
    SearchRequest request;
    request.query = text;
    request.system = system_;
    if (!is_current_) request.release = info_.version;
    request.offset = std::min(offset, kMaxOffset);
    request.limit = std::clamp<std::size_t>(limit, 1, kMaxLimit);
    if (Status valid = validate_search_request(request); !valid.is_ok()) return valid;
    auto response = searcher_.search(request);
    if (!response.is_ok()) return response.status();
    TextMatches matches;
    matches.total = response.value().total;
    for (const SearchHit& hit : response.value().hits) {
      Concept term;
      term.code = hit.code;
      term.display = hit.title;
      term.is_abstract = !hit.is_billable;
      term.is_inactive = hit.status != CodeStatus::kActive;
      if (!hit.parent.empty()) term.parents.push_back(hit.parent);
      matches.concepts.push_back(std::move(term));
    }
    if (limit == 0) matches.concepts.clear();
    return std::optional<TextMatches>(std::move(matches));
  }

 private:
  Concept to_concept(const CodeDetail& detail) const {
    const CodeRecord& record = detail.record;
    Concept term;
    term.code = detail.display_code;
    term.display = record.title;
    term.is_abstract = !record.is_billable;
    const CodeStatus status = code_status(record);
    term.is_inactive = status != CodeStatus::kActive;
    term.status = code_status_name(status);
    if (!record.short_title.empty() && record.short_title != record.title) {
      term.designations.push_back({"en", {kDesignationUseUrl, "", "short-title", "Short title"}, record.short_title});
    }
    for (const std::string& inclusion : record.inclusion_terms) {
      term.designations.push_back({"en", {kDesignationUseUrl, "", "inclusion-term", "Inclusion term"}, inclusion});
      term.properties.push_back({"inclusion-term", "string", inclusion, {}});
    }
    if (!detail.ancestors.empty()) {
      term.parents.push_back(detail.ancestors.back().code);
      term.properties.push_back({"parent", "code", detail.ancestors.back().code, {}});
    }
    for (const CodeLink& child : detail.children) {
      term.children.push_back(child.code);
      term.properties.push_back({"child", "code", child.code, {}});
    }
    term.properties.push_back({"notSelectable", "boolean", record.is_billable ? "false" : "true", {}});
    term.properties.push_back({"inactive", "boolean", term.is_inactive ? "true" : "false", {}});
    term.properties.push_back({"status", "code", term.status, {}});
    for (const Note& note : record.notes) term.properties.push_back({note_kind_name(note.kind), "string", note.text, {}});
    for (const InheritedNote& inherited : detail.inherited_notes) {
      term.properties.push_back({note_kind_name(inherited.note.kind), "string",
                                    inherited.note.text + " (from " + inherited.from_code + ")", {}});
    }
    for (const SeventhCharacter& seventh : detail.seventh_characters) {
      term.properties.push_back({"seventh-character", "string", seventh.character + " " + seventh.meaning, {}});
    }
    return term;
  }

  const Searcher& searcher_;
  std::string system_;
  CodeSystemInfo info_;
  bool is_current_;
  std::size_t size_;
};

struct KnownSystem {
  const char* system;
  const char* url;
  const char* name;
  const char* title;
};

constexpr KnownSystem kKnownSystems[] = {
    {"icd10cm", kIcd10CmUrl, "ICD10CM", "ICD-10-CM"},
    {"icd10pcs", kIcd10PcsUrl, "ICD10PCS", "ICD-10-PCS"},
    {"hcpcs", kHcpcsUrl, "HCPCSLevelII", "HCPCS Level II"},
    {"cpt", kCptUrl, "CPT", "Current Procedural Terminology (CPT)"},
};

std::vector<PropertyDefinition> index_properties() {
  const std::string concept_properties = "http://hl7.org/fhir/concept-properties#";
  std::vector<PropertyDefinition> properties = {
      {"parent", concept_properties + "parent", "code", "The code's parent in the Tabular List"},
      {"child", concept_properties + "child", "code", "A code directly below this one"},
      {"notSelectable", concept_properties + "notSelectable", "boolean", "Not billable: a header, a code with codes below it"},
      {"inactive", concept_properties + "inactive", "boolean", "Deleted or terminated as of this release"},
      {"status", concept_properties + "status", "code", "active, deleted or terminated"},
      {"inclusion-term", "", "string", "An inclusion term listed under the code"},
      {"seventh-character", "", "string", "A 7th character the code takes, with its meaning"},
  };
  for (NoteKind kind : {NoteKind::kIncludes, NoteKind::kExcludes1, NoteKind::kExcludes2, NoteKind::kCodeFirst,
                        NoteKind::kUseAdditionalCode, NoteKind::kCodeAlso, NoteKind::kNotes}) {
    properties.push_back({note_kind_name(kind), "", "string", "A Tabular List instructional note"});
  }
  return properties;
}

}  // namespace

std::string fhir_url_of(const std::string& system) {
  for (const KnownSystem& known : kKnownSystems) {
    if (system == known.system) return known.url;
  }
  return "";
}

std::string index_system_of(const std::string& url) {
  for (const KnownSystem& known : kKnownSystems) {
    if (url == known.url) return known.system;
  }
  return "";
}

std::vector<std::shared_ptr<const CodeSystemSource>> index_code_systems(const Searcher& searcher) {
  std::vector<std::shared_ptr<const CodeSystemSource>> systems;
  const IndexInfo info = searcher.info();
  for (const IndexInfo::CodeSet& code_set : info.code_sets) {
    const KnownSystem* known = nullptr;
    for (const KnownSystem& candidate : kKnownSystems) {
      if (code_set.system == candidate.system) known = &candidate;
    }
    if (known == nullptr) continue;
    CodeSystemInfo base;
    base.url = known->url;
    base.name = known->name;
    base.title = known->title;
    base.status = "active";
    base.language = "en";
    base.case_sensitive = false;  // "i21.9" is I21.9
    base.from_index = true;
    base.properties = index_properties();
    std::vector<std::string> releases;
    for (const IndexInfo::Release& release : info.release_history) {
      if (release.system == code_set.system) releases.push_back(release.release);
    }
    if (std::find(releases.begin(), releases.end(), code_set.release) == releases.end()) releases.push_back(code_set.release);
    for (const std::string& release : releases) {
      CodeSystemInfo version_info = base;
      version_info.version = release;
      systems.push_back(std::make_shared<IndexCodeSystem>(searcher, code_set.system, std::move(version_info),
                                                          release == code_set.release, code_set.documents));
    }
  }
  return systems;
}

}  // namespace medcode::searcher::fhir
