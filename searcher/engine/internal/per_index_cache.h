// One copy of data loaded from an index, shared by every Searcher open on the same index
// instance (keyed by its id) and freed when the last of them closes: the server opens one
// Searcher per worker thread and reopens on each publish.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>

namespace medcode::searcher {

template <typename T>
std::shared_ptr<const T> shared_per_index(const std::string& index_id, const std::function<std::shared_ptr<const T>()>& load) {
  static std::mutex mutex;
  static std::map<std::string, std::weak_ptr<const T>> loaded;
  std::lock_guard<std::mutex> lock(mutex);
  if (auto shared = loaded[index_id].lock()) return shared;
  auto fresh = load();
  // Forget indexes no Searcher uses any more.
  for (auto it = loaded.begin(); it != loaded.end();) it = it->second.expired() ? loaded.erase(it) : std::next(it);
  loaded[index_id] = fresh;
  return fresh;
}

}  // namespace medcode::searcher
