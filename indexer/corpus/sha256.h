// SHA-256 of a file, as the manifest records it (OpenSSL EVP).
#pragma once

#include <string>

#include "common/status.h"

namespace medcode::indexer {

// Returns 64 lower-case hex digits. Fails with kNotFound "<path>: no such file" or
// kIOError "<path>: read failed: <reason>".
Result<std::string> sha256_of_file(const std::string& path);

}  // namespace medcode::indexer
