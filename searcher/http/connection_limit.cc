#include "searcher/http/connection_limit.h"

#include <sys/resource.h>

#include <algorithm>
#include <string>

namespace medcode::searcher {

std::size_t reserved_descriptors(unsigned threads) {
  return 32 + kMaxBusyReplies + 16 * std::size_t{threads};
}

Result<std::size_t> resolve_max_connections(std::size_t requested, unsigned threads) {
  rlimit limit{};
  if (::getrlimit(RLIMIT_NOFILE, &limit) != 0)
    return requested == 0 ? kDefaultMaxConnections : requested;
  const std::size_t reserve = reserved_descriptors(threads);
  const std::size_t wanted = (requested == 0 ? kDefaultMaxConnections : requested) + reserve;
  const std::size_t hard =
      limit.rlim_max == RLIM_INFINITY ? wanted : static_cast<std::size_t>(limit.rlim_max);
  if (limit.rlim_cur != RLIM_INFINITY && limit.rlim_cur < wanted) {
    // Raising the soft limit needs no privilege; keep what we had if the kernel refuses.
    rlimit raised = limit;
    raised.rlim_cur = static_cast<rlim_t>(std::min(wanted, hard));
    if (::setrlimit(RLIMIT_NOFILE, &raised) == 0) limit = raised;
  }
  const std::size_t allowed =
      limit.rlim_cur == RLIM_INFINITY ? wanted : static_cast<std::size_t>(limit.rlim_cur);
  if (requested != 0 && allowed < wanted) {
    return Status::invalid_argument(
        "--max-connections " + std::to_string(requested) + " needs " + std::to_string(wanted) +
        " file descriptors but this process may open at most " + std::to_string(allowed) +
        " (ulimit -n); lower --max-connections or raise the limit");
  }
  if (allowed <= reserve) {
    return Status::invalid_argument(
        "the file descriptor limit (ulimit -n) is " + std::to_string(allowed) +
        ", which leaves no room for connections; raise it above " + std::to_string(reserve));
  }
  return std::min(wanted, allowed) - reserve;
}

}  // namespace medcode::searcher
