// How many connections medcode-server serves at once, within the process's file descriptor
// limit (RLIMIT_NOFILE, `ulimit -n`). Each connection holds a descriptor; past that limit
// accept() fails for every client alike, where past our own cap one client gets a clear 503.
#pragma once

#include <cstddef>

#include "common/status.h"

namespace medcode::searcher {

// The cap when none is given: more idle keep-alive connections than this means a client
// pool that never lets go, and 1024 connections' buffers are a few megabytes.
inline constexpr std::size_t kDefaultMaxConnections = 1024;

// Connections past the cap still being answered 503 at once (each within the read timeout);
// beyond these, new connections are closed unanswered, so a flood cannot use up descriptors.
inline constexpr std::size_t kMaxBusyReplies = 64;

// Descriptors kept for all but served connections: each worker thread's index handle (a
// Xapian database opens about 7 files, twice while reloading), the busy replies above, the
// listener, stdio and the rest of the process.
std::size_t reserved_descriptors(unsigned threads);

// The cap to use. requested 0 means the default: kDefaultMaxConnections, or less when the
// descriptor limit leaves less room. The soft descriptor limit is raised toward the hard
// one when the cap needs it (any process may). Fails with kInvalidArgument when an explicit
// request cannot fit, or nothing can:
//   "--max-connections 100000 needs 100160 file descriptors but this process may open at
//    most 20000 (ulimit -n); lower --max-connections or raise the limit"
Result<std::size_t> resolve_max_connections(std::size_t requested, unsigned threads);

}  // namespace medcode::searcher
