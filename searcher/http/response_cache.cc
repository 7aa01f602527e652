#include "searcher/http/response_cache.h"

namespace medcode::searcher {

void ResponseCache::follow_index(std::uint64_t index_identity) {
  if (index_identity == index_identity_) return;
  index_identity_ = index_identity;
  recency_.clear();
  by_target_.clear();
}

std::optional<HttpResponse> ResponseCache::find(std::uint64_t index_identity, const std::string& target) {
  if (capacity_ == 0) return std::nullopt;
  std::lock_guard<std::mutex> lock(mutex_);
  follow_index(index_identity);
  auto found = by_target_.find(target);
  if (found == by_target_.end()) {
    ++misses_;
    return std::nullopt;
  }
  ++hits_;
  recency_.splice(recency_.begin(), recency_, found->second);
  return found->second->second;
}

void ResponseCache::store(std::uint64_t index_identity, const std::string& target, const HttpResponse& response) {
  if (capacity_ == 0) return;
  std::lock_guard<std::mutex> lock(mutex_);
  follow_index(index_identity);
  if (by_target_.count(target)) return;  // another thread answered the same request first
  recency_.emplace_front(target, response);
  by_target_[target] = recency_.begin();
  if (recency_.size() > capacity_) {
    by_target_.erase(recency_.back().first);
    recency_.pop_back();
  }
}

std::uint64_t ResponseCache::hits() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return hits_;
}

std::uint64_t ResponseCache::misses() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return misses_;
}

std::size_t ResponseCache::size() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return recency_.size();
}

}  // namespace medcode::searcher
