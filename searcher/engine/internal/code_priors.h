// The query-independent part of a code's rank, read once per index into memory: its usage
// prior (schema kUsagePriorSlot), whether it bills care rather than reports a measure (not
// kReportingCodeTerm), and whether it is billable, a billable "unspecified" code, or an initial
// encounter. Reading them from the index for each candidate of each query cost more than the
// rest of the boosts together (p99 +2.5 ms over the blind set; each flag as its own term
// under AND_MAYBE cost a posting-list skip per candidate); from memory it is one array lookup.
// The head concepts of each code (kHeadConceptPrefix terms) are held the same way, so that
// "the query names this code's head concept" is a lookup too (265,000 pairs, about 2 MB).
#pragma once

#include <xapian.h>

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

namespace medcode::searcher {

class CodePriors {
 public:
  // The index's priors, loaded once per index instance (keyed by index_id).
  static std::shared_ptr<const CodePriors> of(const Xapian::Database& database, const std::string& index_id);

  double usage(Xapian::docid id) const { return id < usage_.size() ? usage_[id] : 0.0; }
  bool core(Xapian::docid id) const { return has(id, kCore); }
  bool unspecified(Xapian::docid id) const { return has(id, kUnspecified); }
  bool billable(Xapian::docid id) const { return has(id, kBillable); }
  bool initial_encounter(Xapian::docid id) const { return has(id, kInitial); }
  Xapian::docid last_docid() const { return static_cast<Xapian::docid>(usage_.size()) - 1; }

  // The number for a head-concept word (stemmed, without its prefix), or kNoHead.
  static constexpr std::uint32_t kNoHead = 0xffffffffu;
  std::uint32_t head_id(const std::string& word) const;
  // Whether the code has one of the head concepts in wanted (sorted numbers).
  bool has_head(Xapian::docid id, const std::vector<std::uint32_t>& wanted) const;

 private:
  static constexpr std::uint8_t kCore = 1, kUnspecified = 2, kBillable = 4, kInitial = 8;
  bool has(Xapian::docid id, std::uint8_t flag) const { return id < flags_.size() && (flags_[id] & flag) != 0; }
  void set_for_term(const Xapian::Database& database, const std::string& term, std::uint8_t flag);

  void load_head_concepts(const Xapian::Database& database);

  std::vector<float> usage_;         // by docid, 0-1
  std::vector<std::uint8_t> flags_;  // by docid: kCore (not a reporting code) | kUnspecified | ...
  std::unordered_map<std::string, std::uint32_t> head_ids_;
  std::vector<std::uint32_t> head_offsets_;  // by docid: where its head numbers start in heads_
  std::vector<std::uint32_t> heads_;         // each code's head-concept numbers, sorted
};

// How much each query-independent signal adds (text_query.cc sets them per query).
struct PriorWeights {
  double usage = 0;        // times the 0-1 usage prior
  double core = 0;         // a code that bills care, not a quality measure
  double unspecified = 0;  // a billable "unspecified" code
  double billable = 0;     // any billable code
  double initial = 0;      // an initial encounter (7th character A, ...)
  double head = 0;         // the code's head concept is one the query names (head_ids)
  std::vector<std::uint32_t> head_ids;  // sorted CodePriors::head_id numbers
};

// Every document with a prior, weighted by PriorWeights. For AND_MAYBE: it adds the prior to
// the codes the words matched.
class CodePriorSource : public Xapian::PostingSource {
 public:
  CodePriorSource(std::shared_ptr<const CodePriors> priors, PriorWeights weights);

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
  PriorWeights weights_;
  Xapian::docid current_ = 0;
};

}  // namespace medcode::searcher
