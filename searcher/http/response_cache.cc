#include "searcher/http/response_cache.h"

namespace medcode::searcher {

std::optional<HttpResponse> ResponseCache::find(const std::string& index_id, const std::string& target) {
  if (capacity_ == 0) return std::nullopt;
  const std::string key = index_id + " " + target;
  std::lock_guard<std::mutex> lock(mutex_);
  auto found = by_target_.find(key);
  if (found == by_target_.end()) {
    ++misses_;
    return std::nullopt;
  }
  ++hits_;
  recency_.splice(recency_.begin(), recency_, found->second);
  return found->second->second;
}

void ResponseCache::store(const std::string& index_id, const std::string& target, const HttpResponse& response) {
  if (capacity_ == 0) return;
  std::string key = index_id + " " + target;
  std::lock_guard<std::mutex> lock(mutex_);
  if (by_target_.count(key)) return;  // another thread answered the same request first
  recency_.emplace_front(std::move(key), response);
  by_target_[recency_.front().first] = recency_.begin();
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
