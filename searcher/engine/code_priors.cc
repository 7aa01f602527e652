#include "searcher/engine/internal/code_priors.h"

#include "common/schema.h"
#include "searcher/engine/internal/per_index_cache.h"

namespace medcode::searcher {

std::shared_ptr<const CodePriors> CodePriors::of(const Xapian::Database& database, const std::string& index_id) {
  return shared_per_index<CodePriors>(index_id, [&database] {
    auto priors = std::make_shared<CodePriors>();
    const std::size_t size = static_cast<std::size_t>(database.get_lastdocid()) + 1;
    priors->usage_.assign(size, 0.0f);
    priors->flags_.assign(size, kCore);
    for (auto it = database.valuestream_begin(schema::kUsagePriorSlot); it != database.valuestream_end(schema::kUsagePriorSlot);
         ++it) {
      if (it.get_docid() < size) priors->usage_[it.get_docid()] = static_cast<float>(Xapian::sortable_unserialise(*it));
    }
    // The reporting codes are the few (about 1,200): walking them is cheaper than the rest.
    for (auto it = database.postlist_begin(std::string(schema::kReportingCodeTerm));
         it != database.postlist_end(std::string(schema::kReportingCodeTerm)); ++it) {
      if (*it < size) priors->flags_[*it] &= static_cast<std::uint8_t>(~kCore);
    }
    priors->set_for_term(database, std::string(schema::kUnspecifiedCodeTerm), kUnspecified);
    priors->set_for_term(database, std::string(schema::kBillableTerm), kBillable);
    priors->set_for_term(database, std::string(schema::kInitialEncounterTerm), kInitial);
    priors->flags_[0] = 0;  // docid 0 is no document
    priors->load_head_concepts(database);
    return std::shared_ptr<const CodePriors>(std::move(priors));
  });
}

void CodePriors::set_for_term(const Xapian::Database& database, const std::string& term, std::uint8_t flag) {
  for (auto it = database.postlist_begin(term); it != database.postlist_end(term); ++it) {
    if (*it < flags_.size()) flags_[*it] |= flag;
  }
}

void CodePriors::load_head_concepts(const Xapian::Database& database) {
  // Two passes over the postings, counting then filling: one flat array, no per-code vectors.
  const std::string prefix(schema::kHeadConceptPrefix);
  const std::size_t size = usage_.size();
  std::vector<std::uint32_t> counts(size + 1, 0);
  for (auto term = database.allterms_begin(prefix); term != database.allterms_end(prefix); ++term) {
    head_ids_.emplace((*term).substr(prefix.size()), static_cast<std::uint32_t>(head_ids_.size()));
    for (auto it = database.postlist_begin(*term); it != database.postlist_end(*term); ++it) {
      if (*it < size) ++counts[*it];
    }
  }
  head_offsets_.assign(size + 1, 0);
  for (std::size_t id = 1; id <= size; ++id) head_offsets_[id] = head_offsets_[id - 1] + counts[id - 1];
  heads_.assign(head_offsets_[size], 0);
  std::vector<std::uint32_t> filled(head_offsets_.begin(), head_offsets_.end() - 1);
  // allterms is in term order and numbers were given in that order: each code's list is sorted.
  for (auto term = database.allterms_begin(prefix); term != database.allterms_end(prefix); ++term) {
    const std::uint32_t number = head_ids_.at((*term).substr(prefix.size()));
    for (auto it = database.postlist_begin(*term); it != database.postlist_end(*term); ++it) {
      if (*it < size) heads_[filled[*it]++] = number;
    }
  }
}

std::uint32_t CodePriors::head_id(const std::string& word) const {
  const auto found = head_ids_.find(word);
  return found == head_ids_.end() ? kNoHead : found->second;
}

bool CodePriors::has_head(Xapian::docid id, const std::vector<std::uint32_t>& wanted) const {
  if (wanted.empty() || id + 1 >= head_offsets_.size()) return false;
  const std::uint32_t* begin = heads_.data() + head_offsets_[id];
  const std::uint32_t* end = heads_.data() + head_offsets_[id + 1];
  // Both lists are short and sorted: walk them together.
  auto want = wanted.begin();
  while (begin != end && want != wanted.end()) {
    if (*begin == *want) return true;
    if (*begin < *want) ++begin;
    else ++want;
  }
  return false;
}

CodePriorSource::CodePriorSource(std::shared_ptr<const CodePriors> priors, PriorWeights weights)
    : priors_(std::move(priors)), weights_(std::move(weights)) {}

double CodePriorSource::weight_of(Xapian::docid id) const {
  return weights_.usage * priors_->usage(id) + (priors_->core(id) ? weights_.core : 0.0) +
         (priors_->unspecified(id) ? weights_.unspecified : 0.0) + (priors_->billable(id) ? weights_.billable : 0.0) +
         (priors_->initial_encounter(id) ? weights_.initial : 0.0) +
         (weights_.head > 0 && priors_->has_head(id, weights_.head_ids) ? weights_.head : 0.0);
}

void CodePriorSource::init(const Xapian::Database&) {
  current_ = 0;
  set_maxweight(weights_.usage + weights_.core + weights_.unspecified + weights_.billable + weights_.initial +
                (weights_.head_ids.empty() ? 0.0 : weights_.head));
}

void CodePriorSource::next(double) {
  do {
    ++current_;
  } while (!at_end() && weight_of(current_) <= 0);
}

void CodePriorSource::skip_to(Xapian::docid id, double min_wt) {
  if (id <= current_) return;
  current_ = id - 1;
  next(min_wt);
}

bool CodePriorSource::check(Xapian::docid id, double) {
  // The arrays answer for any document at once: no need to walk to it.
  current_ = id;
  return true;
}

Xapian::PostingSource* CodePriorSource::clone() const {
  return new CodePriorSource(priors_, weights_);
}

std::string CodePriorSource::get_description() const {
  return "CodePriorSource(usage " + std::to_string(weights_.usage) + ", core " + std::to_string(weights_.core) +
         ", unspecified " + std::to_string(weights_.unspecified) + ", billable " + std::to_string(weights_.billable) +
         ", initial " + std::to_string(weights_.initial) + ", head " + std::to_string(weights_.head) + " x " +
         std::to_string(weights_.head_ids.size()) + " concepts)";
}

}  // namespace medcode::searcher
