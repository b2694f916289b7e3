#include "util/files.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <string_view>
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
  // Past the file size limit (ulimit -f) the kernel sends SIGXFSZ, which would
  // kill gobook with the temporary file still there; ignored, write() fails
  // with EFBIG instead and the failure is reported and cleaned up like any other.
  struct sigaction ignore {};
  ignore.sa_handler = SIG_IGN;
  sigemptyset(&ignore.sa_mask);
  sigaction(SIGXFSZ, &ignore, nullptr);
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

std::string CannotWrite(const std::string& target, const std::string& reason) {
  return "cannot write '" + target + "': " + reason;
}

// True when nothing is at `path`, or a regular file: what a rename may replace.
// Never follows a link, so the check is of the name the rename acts on.
bool IsAbsentOrRegular(const std::string& path) {
  struct stat info {};
  if (lstat(path.c_str(), &info) != 0) return errno == ENOENT;
  return S_ISREG(info.st_mode);
}

// The file an output named `target` replaces: the target itself, or the regular
// file a symbolic link points to (so the link survives, and "-o /dev/stdout"
// can never replace /dev/stdout itself). nullopt with the reason when the
// target must not be written: a folder, FIFO, device or link to nothing.
std::optional<std::string> Destination(const std::string& target, std::string* error) {
  std::string folder = DirName(target);
  if (!folder.empty() && !IsDirectory(folder)) {
    *error = CannotWrite(target, "folder '" + folder + "' does not exist");
    return std::nullopt;
  }
  struct stat link {};
  if (lstat(target.c_str(), &link) != 0) {
    if (errno == ENOENT) return target;  // absent: the rename creates it
    *error = CannotWrite(target, std::strerror(errno));
    return std::nullopt;
  }
  if (!IsRegularFile(target)) {
    *error = CannotWrite(target, "it exists and is not a regular file");
    return std::nullopt;
  }
  if (!S_ISLNK(link.st_mode)) return target;
  char* resolved = realpath(target.c_str(), nullptr);
  if (resolved == nullptr) {
    *error = CannotWrite(target, std::strerror(errno));
    return std::nullopt;
  }
  std::string destination = resolved;
  std::free(resolved);
  return destination;
}

// Writes all of `data`, resuming after short writes and interruptions.
bool WriteAll(int fd, std::string_view data) {
  while (!data.empty()) {
    ssize_t n = write(fd, data.data(), data.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return false;
    data.remove_prefix(static_cast<size_t>(n));
  }
  return true;
}

// Test seam: GOBOOK_TEST_HOLD_OUTPUT=<seconds> pauses the write here, with the
// temporary file open and half written, so tests/integration/interrupted_build.sh
// can interrupt a build at a known moment. Unset, as in every real build, it
// does nothing.
void HoldForTest() {
  const char* seconds = std::getenv("GOBOOK_TEST_HOLD_OUTPUT");
  if (seconds != nullptr && *seconds != '\0') sleep(static_cast<unsigned>(std::atoi(seconds)));
}

}  // namespace

std::optional<AtomicOutput> AtomicOutput::Open(const std::string& target,
                                               std::string* error) {
  std::optional<std::string> destination = Destination(target, error);
  if (!destination) return std::nullopt;
  // In the destination's folder, so the rename never crosses file systems.
  std::string temp = JoinPath(DirName(*destination),
                              "." + BaseName(*destination) + ".tmp-" + std::to_string(getpid()));
  InstallSignalHandlersOnce();
  RegisterPending(temp);
  return AtomicOutput(target, *destination, temp);
}

AtomicOutput::AtomicOutput(std::string target, std::string destination, std::string temp_path)
    : target_(std::move(target)),
      destination_(std::move(destination)),
      temp_path_(std::move(temp_path)) {}

AtomicOutput::AtomicOutput(AtomicOutput&& other) noexcept
    : target_(std::move(other.target_)),
      destination_(std::move(other.destination_)),
      temp_path_(std::move(other.temp_path_)),
      committed_(other.committed_) {
  other.committed_ = true;  // the moved-from object owns nothing
}

AtomicOutput::~AtomicOutput() {
  if (committed_) return;
  unlink(temp_path_.c_str());
  UnregisterPending(temp_path_);
}

bool AtomicOutput::Write(const std::string& bytes, std::string* error) {
  unlink(temp_path_.c_str());  // left by a killed build that had our process id
  int fd = open(temp_path_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
  if (fd < 0) {
    *error = CannotWrite(target_, std::strerror(errno));
    return false;
  }
  std::string_view data = bytes;
  size_t half = data.size() / 2;
  bool ok = WriteAll(fd, data.substr(0, half));
  if (ok) HoldForTest();
  // fsync before the rename: after a crash the target is the old file or the
  // whole new one, never an empty or partial one.
  ok = ok && WriteAll(fd, data.substr(half)) && fsync(fd) == 0;
  int reason = errno;
  if (close(fd) != 0 && ok) {
    ok = false;
    reason = errno;
  }
  if (!ok) *error = CannotWrite(target_, std::strerror(reason));
  return ok;
}

bool AtomicOutput::Commit(std::string* error) {
  // Checked again: something may have taken the target's place during the write.
  if (!IsAbsentOrRegular(destination_)) {
    *error = CannotWrite(target_, "it exists and is not a regular file");
    return false;
  }
  if (rename(temp_path_.c_str(), destination_.c_str()) != 0) {
    *error = CannotWrite(target_, std::strerror(errno));
    return false;
  }
  committed_ = true;
  UnregisterPending(temp_path_);
  return true;
}

}  // namespace gobook
