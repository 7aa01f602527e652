// The query-independent part of a code's rank, read once per index into memory: its usage
// prior (schema kUsagePriorSlot) and whether it bills care rather than reports a measure
// (not kReportingCodeTerm). Reading them from the index for each candidate of each query cost more
// than the rest of the boosts together (p99 +2.5 ms over the blind set); from memory a
// candidate's prior is an array lookup.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace medcode::searcher {

class CodePriors {
 public:
  // The index's priors, loaded once per index instance (keyed by index_id).
  static std::shared_ptr<const CodePriors> of(const Xapian::Database& database, const std::string& index_id);

  double usage(Xapian::docid id) const { return id < usage_.size() ? usage_[id] : 0.0; }
  bool core(Xapian::docid id) const { return id < core_.size() && (core_[id] & kCore) != 0; }
  bool unspecified(Xapian::docid id) const { return id < core_.size() && (core_[id] & kUnspecified) != 0; }
  Xapian::docid last_docid() const { return static_cast<Xapian::docid>(usage_.size()) - 1; }

 private:
  std::vector<float> usage_;        // by docid, 0-1
  static constexpr std::uint8_t kCore = 1, kUnspecified = 2;
  std::vector<std::uint8_t> core_;  // by docid: kCore (not a reporting code) | kUnspecified
};

// Every document with a prior, weighted usage_weight * usage + core_weight (core codes) +
// unspecified_weight (billable unspecified codes). For AND_MAYBE: it adds the prior to the
// codes the words matched.
class CodePriorSource : public Xapian::PostingSource {
 public:
  CodePriorSource(std::shared_ptr<const CodePriors> priors, double usage_weight, double core_weight,
                  double unspecified_weight);

  Xapian::doccount get_termfreq_min() const override { return 0; }
  Xapian::doccount get_termfreq_est() const override { return priors_->last_docid(); }
  Xapian::doccount get_termfreq_max() const override { return priors_->last_docid(); }
  double get_weight() const override { return weight_of(current_); }
  Xapian::docid get_docid() const override { return current_; }
  void next(double min_wt) override;
  void skip_to(Xapian::docid id, double min_wt) override;
  bool check(Xapian::docid id, double min_wt) override;
  bool at_end() const override { return current_ > priors_->last_docid(); }
  Xapian::PostingSource* clone() const override;
  void init(const Xapian::Database& database) override;
  std::string get_description() const override;

 private:
  double weight_of(Xapian::docid id) const;

  std::shared_ptr<const CodePriors> priors_;
  double usage_weight_, core_weight_, unspecified_weight_;
  Xapian::docid current_ = 0;
};

}  // namespace medcode::searcher
