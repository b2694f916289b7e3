#include "util/files.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <vector>

namespace gobook {

std::optional<std::string> ReadFile(const std::string& path, std::string* error) {
  struct stat info {};
  if (stat(path.c_str(), &info) != 0) {
    *error = errno == ENOENT ? "no such file" : std::strerror(errno);
    return std::nullopt;
  }
  if (S_ISDIR(info.st_mode)) {
    *error = "is a directory, not a file";
    return std::nullopt;
  }
  if (!S_ISREG(info.st_mode)) {
    *error = "is not a regular file";
    return std::nullopt;
  }
  int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    *error = std::strerror(errno);
    return std::nullopt;
  }
  std::string content;
  content.reserve(static_cast<size_t>(info.st_size));
  char buffer[1 << 16];
  while (true) {
    ssize_t n = read(fd, buffer, sizeof buffer);
    if (n < 0) {
      if (errno == EINTR) continue;
      *error = std::strerror(errno);
      close(fd);
      return std::nullopt;
    }
    if (n == 0) break;
    content.append(buffer, static_cast<size_t>(n));
  }
  close(fd);
  return content;
}

bool IsRegularFile(const std::string& path) {
  struct stat info {};
  return stat(path.c_str(), &info) == 0 && S_ISREG(info.st_mode);
}

bool IsDirectory(const std::string& path) {
  struct stat info {};
  return stat(path.c_str(), &info) == 0 && S_ISDIR(info.st_mode);
}

bool PathExists(const std::string& path) {
  struct stat info {};
  return lstat(path.c_str(), &info) == 0;
}

std::string JoinPath(const std::string& a, const std::string& b) {
  if (a.empty() || (!b.empty() && b[0] == '/')) return b;
  if (b.empty()) return a;
  return a.back() == '/' ? a + b : a + "/" + b;
}

std::string DirName(const std::string& path) {
  size_t slash = path.rfind('/');
  if (slash == std::string::npos) return "";
  if (slash == 0) return "/";
  return path.substr(0, slash);
}

std::string BaseName(const std::string& path) {
  size_t slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

std::optional<std::string> NormalizeRelative(const std::string& path) {
  std::vector<std::string> parts;
  size_t start = 0;
  while (start <= path.size()) {
    size_t end = path.find('/', start);
    if (end == std::string::npos) end = path.size();
    std::string part = path.substr(start, end - start);
    if (part == "..") {
      if (parts.empty()) return std::nullopt;
      parts.pop_back();
    } else if (!part.empty() && part != ".") {
      parts.push_back(part);
    }
    start = end + 1;
  }
  std::string out;
  for (const std::string& part : parts) out = out.empty() ? part : out + "/" + part;
  return out;
}

namespace {

// The temporary files of outputs being written, removed by the signal handler.
// A fixed array of C strings, because a handler may only call async-signal-safe
// functions (unlink, _exit) and must not allocate.
constexpr int kMaxPending = 8;
char g_pending[kMaxPending][4096];
std::atomic<bool> g_pending_used[kMaxPending];

void RemovePendingAndExit(int signal_number) {
  for (int i = 0; i < kMaxPending; ++i) {
    if (g_pending_used[i].load()) unlink(g_pending[i]);
  }
  _exit(128 + signal_number);
}

void InstallSignalHandlersOnce() {
  static bool installed = false;
  if (installed) return;
  installed = true;
  struct sigaction action {};
  action.sa_handler = RemovePendingAndExit;
  sigemptyset(&action.sa_mask);
  sigaction(SIGINT, &action, nullptr);
  sigaction(SIGTERM, &action, nullptr);
}

void RegisterPending(const std::string& path) {
  if (path.size() >= sizeof g_pending[0]) return;
  for (int i = 0; i < kMaxPending; ++i) {
    if (!g_pending_used[i].load()) {
      std::memcpy(g_pending[i], path.c_str(), path.size() + 1);
      g_pending_used[i].store(true);
      return;
    }
  }
}

void UnregisterPending(const std::string& path) {
  for (int i = 0; i < kMaxPending; ++i) {
    if (g_pending_used[i].load() && path == g_pending[i]) {
      g_pending_used[i].store(false);
    }
  }
}

}  // namespace

std::optional<AtomicOutput> AtomicOutput::Open(const std::string& target,
                                               std::string* error) {
  std::string folder = DirName(target);
  if (!folder.empty() && !IsDirectory(folder)) {
    *error = "cannot write '" + target + "': folder '" + folder + "' does not exist";
    return std::nullopt;
  }
  if (PathExists(target) && !IsRegularFile(target)) {
    *error = "cannot write '" + target + "': it exists and is not a regular file";
    return std::nullopt;
  }
  std::string temp = JoinPath(folder, "." + BaseName(target) + ".tmp-" +
                                          std::to_string(getpid()));
  InstallSignalHandlersOnce();
  RegisterPending(temp);
  return AtomicOutput(target, temp);
}

AtomicOutput::AtomicOutput(std::string target, std::string temp_path)
    : target_(std::move(target)), temp_path_(std::move(temp_path)) {}

AtomicOutput::AtomicOutput(AtomicOutput&& other) noexcept
    : target_(std::move(other.target_)),
      temp_path_(std::move(other.temp_path_)),
      committed_(other.committed_) {
  other.committed_ = true;  // the moved-from object owns nothing
}

AtomicOutput::~AtomicOutput() {
  if (committed_) return;
  unlink(temp_path_.c_str());
  UnregisterPending(temp_path_);
}

bool AtomicOutput::Commit(std::string* error) {
  if (rename(temp_path_.c_str(), target_.c_str()) != 0) {
    *error = "cannot write '" + target_ + "': " + std::strerror(errno);
    return false;
  }
  committed_ = true;
  UnregisterPending(temp_path_);
  return true;
}

}  // namespace gobook
