#include "searcher/engine/internal/code_priors.h"

#include "common/schema.h"
#include "searcher/engine/internal/per_index_cache.h"

namespace medcode::searcher {

std::shared_ptr<const CodePriors> CodePriors::of(const Xapian::Database& database, const std::string& index_id) {
  return shared_per_index<CodePriors>(index_id, [&database] {
    auto priors = std::make_shared<CodePriors>();
    const std::size_t size = static_cast<std::size_t>(database.get_lastdocid()) + 1;
    priors->usage_.assign(size, 0.0f);
    priors->core_.assign(size, kCore);
    for (auto it = database.valuestream_begin(schema::kUsagePriorSlot); it != database.valuestream_end(schema::kUsagePriorSlot);
         ++it) {
      if (it.get_docid() < size) priors->usage_[it.get_docid()] = static_cast<float>(Xapian::sortable_unserialise(*it));
    }
    // The reporting codes are the few (about 1,200): walking them is cheaper than the rest.
    const std::string reporting(schema::kReportingCodeTerm);
    for (auto it = database.postlist_begin(reporting); it != database.postlist_end(reporting); ++it) {
      if (*it < size) priors->core_[*it] &= static_cast<std::uint8_t>(~kCore);
    }
    const std::string unspecified(schema::kUnspecifiedCodeTerm);
    for (auto it = database.postlist_begin(unspecified); it != database.postlist_end(unspecified); ++it) {
      if (*it < size) priors->core_[*it] |= kUnspecified;
    }
    priors->core_[0] = 0;  // docid 0 is no document
    return std::shared_ptr<const CodePriors>(std::move(priors));
  });
}

CodePriorSource::CodePriorSource(std::shared_ptr<const CodePriors> priors, double usage_weight, double core_weight,
                                 double unspecified_weight)
    : priors_(std::move(priors)),
      usage_weight_(usage_weight),
      core_weight_(core_weight),
      unspecified_weight_(unspecified_weight) {}

double CodePriorSource::weight_of(Xapian::docid id) const {
  return usage_weight_ * priors_->usage(id) + (priors_->core(id) ? core_weight_ : 0.0) +
         (priors_->unspecified(id) ? unspecified_weight_ : 0.0);
}

void CodePriorSource::init(const Xapian::Database&) {
  current_ = 0;
  set_maxweight(usage_weight_ + core_weight_ + unspecified_weight_);
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
  return new CodePriorSource(priors_, usage_weight_, core_weight_, unspecified_weight_);
}

std::string CodePriorSource::get_description() const {
  return "CodePriorSource(usage " + std::to_string(usage_weight_) + ", core " + std::to_string(core_weight_) +
         ", unspecified " + std::to_string(unspecified_weight_) + ")";
}

}  // namespace medcode::searcher
