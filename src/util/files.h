// File access for every stage, and the safe way to write an output: a build that
// fails, or is interrupted, never leaves a half-written file and never touches an
// earlier good one.
#ifndef GOBOOK_UTIL_FILES_H_
#define GOBOOK_UTIL_FILES_H_

#include <optional>
#include <string>

namespace gobook {

// Reads a whole regular file. On failure returns nullopt and sets `error` to a
// lower-case reason ("no such file", "is a directory", ...).
std::optional<std::string> ReadFile(const std::string& path, std::string* error);

bool IsRegularFile(const std::string& path);
bool IsDirectory(const std::string& path);
bool PathExists(const std::string& path);

// Joins two path pieces with one '/'; an absolute `b` is returned as it is.
std::string JoinPath(const std::string& a, const std::string& b);

// The folder part of a path ("" for a bare name) and the last component.
std::string DirName(const std::string& path);
std::string BaseName(const std::string& path);

// Resolves "." and ".." lexically. Returns nullopt when the path climbs above its
// start, so a book-relative path can never leave the book folder.
std::optional<std::string> NormalizeRelative(const std::string& path);

// An output written through a temporary file in the target's folder and renamed
// over the target by Commit(). Destroyed uncommitted, or on SIGINT/SIGTERM, the
// temporary file is removed. SIGXFSZ is ignored, so a write past the file size
// limit fails with an error instead of killing gobook and leaving the temporary
// file behind.
class AtomicOutput {
 public:
  // Checks the target: its folder exists, and it is absent or a regular file (a
  // folder, FIFO or device is refused, never replaced). A symbolic link to a
  // regular file is followed: the file it points to is replaced, not the link.
  static std::optional<AtomicOutput> Open(const std::string& target,
                                          std::string* error);
  AtomicOutput(AtomicOutput&& other) noexcept;
  AtomicOutput& operator=(AtomicOutput&&) = delete;
  AtomicOutput(const AtomicOutput&) = delete;
  AtomicOutput& operator=(const AtomicOutput&) = delete;
  ~AtomicOutput();

  const std::string& temp_path() const { return temp_path_; }
  const std::string& target() const { return target_; }

  // Writes the bytes to the temporary file and flushes them to the disk; every
  // failure (a full disk, the file size limit) is reported with its reason.
  bool Write(const std::string& bytes, std::string* error);

  // Renames the temporary file over the target, checked again first.
  bool Commit(std::string* error);

 private:
  AtomicOutput(std::string target, std::string destination, std::string temp_path);
  std::string target_;       // as the user named it, for messages
  std::string destination_;  // the file renamed over: the target, links followed
  std::string temp_path_;
  bool committed_ = false;
};

}  // namespace gobook

#endif  // GOBOOK_UTIL_FILES_H_
