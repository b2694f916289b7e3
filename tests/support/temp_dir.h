// A temporary folder under /tmp for tests that touch the disk, made with mkdtemp
// and removed with everything in it when the object goes out of scope.
#ifndef GOBOOK_TESTS_SUPPORT_TEMP_DIR_H_
#define GOBOOK_TESTS_SUPPORT_TEMP_DIR_H_

#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>

namespace gobook::testing {

class TempDir {
 public:
  TempDir() {
    char pattern[] = "/tmp/gobook-test-XXXXXX";
    if (mkdtemp(pattern) == nullptr) throw std::runtime_error("mkdtemp failed");
    path_ = pattern;
  }
  ~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::string& path() const { return path_; }

  // The absolute path of `relative` inside the folder.
  std::string Path(const std::string& relative) const { return path_ + "/" + relative; }

  // Writes `content` byte for byte to `relative`, making the folders it needs.
  void Write(const std::string& relative, const std::string& content) const {
    std::filesystem::path file = Path(relative);
    std::filesystem::create_directories(file.parent_path());
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out.write(content.data(), static_cast<std::streamsize>(content.size()));
    if (!out) throw std::runtime_error("cannot write " + file.string());
  }

  void MakeDir(const std::string& relative) const {
    std::filesystem::create_directories(Path(relative));
  }

  // The whole content of `relative`, or "<missing>" when it does not exist.
  std::string Read(const std::string& relative) const {
    std::ifstream in(Path(relative), std::ios::binary);
    if (!in) return "<missing>";
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }

  bool Exists(const std::string& relative) const {
    return std::filesystem::exists(std::filesystem::symlink_status(Path(relative)));
  }

 private:
  std::string path_;
};

}  // namespace gobook::testing

#endif  // GOBOOK_TESTS_SUPPORT_TEMP_DIR_H_
