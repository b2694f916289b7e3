// The EPUB container (OCF): a ZIP whose first entry is the stored `mimetype`,
// built in memory with libzip so that nothing reaches the disk until the whole
// archive is complete. Entries keep the order they are added in and a fixed
// time, so the same book gives the same bytes. The entries to deflate are
// compressed together at Finish, on every core (util/deflate.h), and libzip
// copies them into the archive as they are.
#ifndef GOBOOK_EPUB_ARCHIVE_H_
#define GOBOOK_EPUB_ARCHIVE_H_

#include <cstdint>
#include <ctime>
#include <optional>
#include <string>
#include <vector>

namespace gobook::epub {

class Archive {
 public:
  // `timestamp` (seconds since the epoch, UTC) is written as every entry's time.
  explicit Archive(std::time_t timestamp);

  // Adds an entry, stored (mimetype, images) or deflated.
  void AddStored(const std::string& name, std::string content);
  void AddDeflated(const std::string& name, std::string content);

  // Builds the archive and returns its bytes, or nullopt with error() (a name
  // added twice, a second call).
  std::optional<std::string> Finish();

  const std::string& error() const { return error_; }

 private:
  struct Entry {
    std::string name;
    std::string content;
    bool deflate = false;
  };

  std::vector<Entry> entries_;
  bool finished_ = false;
  uint16_t dos_time_ = 0;
  uint16_t dos_date_ = 0;
  std::string error_;
};

}  // namespace gobook::epub

#endif  // GOBOOK_EPUB_ARCHIVE_H_
