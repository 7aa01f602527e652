// Test support: a full disk on demand. Preloaded (LD_PRELOAD) into a program, it makes
// write(2), pwrite(2) and writev(2) to files whose path contains $MEDCODE_TEST_ENOSPC_PATH
// fail with ENOSPC once $MEDCODE_TEST_ENOSPC_BYTES bytes have been written to such files,
// as a disk that fills up during a build would. Without the variables it changes nothing.
#include <dlfcn.h>
#include <sys/types.h>
#include <sys/uio.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace {

std::atomic<unsigned long long> written{0};

// True when a write of count bytes to fd must fail: fd is a matching file and the budget
// would be exceeded. Counts the bytes it lets through.
bool disk_full_for(int fd, unsigned long long count) {
  const char* wanted = std::getenv("MEDCODE_TEST_ENOSPC_PATH");
  const char* budget_text = std::getenv("MEDCODE_TEST_ENOSPC_BYTES");
  if (wanted == nullptr || budget_text == nullptr || *wanted == '\0') return false;
  char link[64];
  char target[4096];
  std::snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
  const ssize_t length = ::readlink(link, target, sizeof target - 1);
  if (length <= 0) return false;
  target[length] = '\0';
  if (std::strstr(target, wanted) == nullptr) return false;
  const unsigned long long budget = std::strtoull(budget_text, nullptr, 10);
  if (written.fetch_add(count) + count <= budget) return false;
  written.fetch_sub(count);
  return true;
}

ssize_t fail_full() {
  errno = ENOSPC;
  return -1;
}

template <typename Function>
Function real(const char* name) {
  return reinterpret_cast<Function>(::dlsym(RTLD_NEXT, name));
}

unsigned long long total(const struct iovec* iov, int count) {
  unsigned long long bytes = 0;
  for (int i = 0; i < count; ++i) bytes += iov[i].iov_len;
  return bytes;
}

}  // namespace

extern "C" {

ssize_t write(int fd, const void* buffer, size_t count) {
  static const auto next = real<ssize_t (*)(int, const void*, size_t)>("write");
  if (disk_full_for(fd, count)) return fail_full();
  return next(fd, buffer, count);
}

ssize_t pwrite(int fd, const void* buffer, size_t count, off_t offset) {
  static const auto next = real<ssize_t (*)(int, const void*, size_t, off_t)>("pwrite");
  if (disk_full_for(fd, count)) return fail_full();
  return next(fd, buffer, count, offset);
}

ssize_t pwrite64(int fd, const void* buffer, size_t count, off64_t offset) {
  static const auto next = real<ssize_t (*)(int, const void*, size_t, off64_t)>("pwrite64");
  if (disk_full_for(fd, count)) return fail_full();
  return next(fd, buffer, count, offset);
}

ssize_t writev(int fd, const struct iovec* iov, int count) {
  static const auto next = real<ssize_t (*)(int, const struct iovec*, int)>("writev");
  if (disk_full_for(fd, total(iov, count))) return fail_full();
  return next(fd, iov, count);
}

}  // extern "C"
