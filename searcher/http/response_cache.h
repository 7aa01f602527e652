// A bounded cache of rendered API responses, keyed by the index they came from and the
// request target. People repeat queries (every keystroke of autocomplete, the same common
// phrases all day), and a rendered answer costs a hash lookup instead of a search. Entries
// are keyed by the index's identity (Searcher::index_id, the same in every worker thread),
// so an answer is never served from another index; those of a replaced index age out.
// Thread-safe.
#pragma once

#include <cstdint>
#include <list>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "searcher/http/http_exchange.h"

namespace medcode::searcher {

class ResponseCache {
 public:
  // capacity: entries kept, least recently used dropped first; 0 disables the cache.
  explicit ResponseCache(std::size_t capacity) : capacity_(capacity) {}

  // The response stored for target under this index, if any.
  std::optional<HttpResponse> find(const std::string& index_id, const std::string& target);
  void store(const std::string& index_id, const std::string& target, const HttpResponse& response);

  std::uint64_t hits() const;
  std::uint64_t misses() const;
  std::size_t size() const;

 private:
  using Entry = std::pair<std::string, HttpResponse>;  // key: index id, space, target

  const std::size_t capacity_;
  mutable std::mutex mutex_;
  std::list<Entry> recency_;  // most recent first
  std::unordered_map<std::string, std::list<Entry>::iterator> by_target_;
  std::uint64_t hits_ = 0;
  std::uint64_t misses_ = 0;
};

}  // namespace medcode::searcher
