// The EPUB container (OCF): a ZIP whose first entry is the stored `mimetype`,
// built in memory with libzip so that nothing reaches the disk until the whole
// archive is complete. Entries keep the order they are added in and a fixed
// time, so the same book gives the same bytes.
#ifndef GOBOOK_EPUB_ARCHIVE_H_
#define GOBOOK_EPUB_ARCHIVE_H_

#include <cstdint>
#include <ctime>
#include <deque>
#include <optional>
#include <string>

struct zip;
struct zip_source;

namespace gobook::epub {

class Archive {
 public:
  // `timestamp` (seconds since the epoch, UTC) is written as every entry's time.
  explicit Archive(std::time_t timestamp);
  ~Archive();
  Archive(const Archive&) = delete;
  Archive& operator=(const Archive&) = delete;

  // Adds an entry, stored (mimetype, images) or deflated at zlib's default level.
  bool AddStored(const std::string& name, std::string content);
  bool AddDeflated(const std::string& name, std::string content);

  // Finishes the archive and returns its bytes, or nullopt with error().
  std::optional<std::string> Finish();

  const std::string& error() const { return error_; }

 private:
  bool Add(const std::string& name, std::string content, bool compress);
  bool Fail(const std::string& what);

  zip_source* buffer_ = nullptr;
  zip* archive_ = nullptr;
  std::deque<std::string> contents_;  // libzip reads them at Finish()
  uint16_t dos_time_ = 0;
  uint16_t dos_date_ = 0;
  std::string error_;
};

}  // namespace gobook::epub

#endif  // GOBOOK_EPUB_ARCHIVE_H_
