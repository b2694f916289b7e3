#include "epub/archive.h"

#include <zip.h>

#include <cstdio>

namespace gobook::epub {

Archive::Archive(std::time_t timestamp) {
  // ZIP stores DOS local time; convert in UTC ourselves so the bytes do not
  // depend on the machine's time zone (libzip's mtime setter uses local time).
  std::tm utc{};
  gmtime_r(&timestamp, &utc);
  if (utc.tm_year < 80) utc = std::tm{0, 0, 0, 1, 0, 80, 0, 0, 0, 0, nullptr};
  dos_time_ = static_cast<uint16_t>((utc.tm_hour << 11) | (utc.tm_min << 5) | (utc.tm_sec / 2));
  dos_date_ = static_cast<uint16_t>(((utc.tm_year - 80) << 9) | ((utc.tm_mon + 1) << 5) |
                                    utc.tm_mday);
  zip_error_t error;
  zip_error_init(&error);
  buffer_ = zip_source_buffer_create(nullptr, 0, 0, &error);
  if (buffer_ != nullptr) {
    zip_source_keep(buffer_);  // we read the finished archive back from it
    archive_ = zip_open_from_source(buffer_, ZIP_TRUNCATE, &error);
  }
  if (archive_ == nullptr) error_ = zip_error_strerror(&error);
  zip_error_fini(&error);
}

Archive::~Archive() {
  if (archive_ != nullptr) zip_discard(archive_);
  if (buffer_ != nullptr) zip_source_free(buffer_);
}

bool Archive::Fail(const std::string& what) {
  if (error_.empty()) {
    error_ = what + ": " + (archive_ != nullptr ? zip_strerror(archive_) : "no archive");
  }
  return false;
}

bool Archive::AddStored(const std::string& name, std::string content) {
  return Add(name, std::move(content), false);
}

bool Archive::AddDeflated(const std::string& name, std::string content) {
  return Add(name, std::move(content), true);
}

bool Archive::Add(const std::string& name, std::string content, bool compress) {
  if (archive_ == nullptr) return false;
  contents_.push_back(std::move(content));
  const std::string& data = contents_.back();
  zip_source_t* source = zip_source_buffer(archive_, data.data(), data.size(), 0);
  if (source == nullptr) return Fail("cannot add '" + name + "'");
  zip_int64_t index = zip_file_add(archive_, name.c_str(), source, ZIP_FL_ENC_UTF_8);
  if (index < 0) {
    zip_source_free(source);
    return Fail("cannot add '" + name + "'");
  }
  auto entry = static_cast<zip_uint64_t>(index);
  // zlib's default level: 9 cost more time than the 0.06% of bytes it saved.
  if (zip_set_file_compression(archive_, entry, compress ? ZIP_CM_DEFLATE : ZIP_CM_STORE,
                               compress ? 6 : 0) != 0 ||
      zip_file_set_dostime(archive_, entry, dos_time_, dos_date_, 0) != 0) {
    return Fail("cannot set up '" + name + "'");
  }
  return true;
}

std::optional<std::string> Archive::Finish() {
  if (archive_ == nullptr) return std::nullopt;
  if (zip_close(archive_) != 0) {
    Fail("cannot finish the archive");
    return std::nullopt;
  }
  archive_ = nullptr;
  std::string bytes;
  if (zip_source_open(buffer_) != 0 || zip_source_seek(buffer_, 0, SEEK_END) != 0) {
    error_ = "cannot read the finished archive";
    return std::nullopt;
  }
  zip_int64_t size = zip_source_tell(buffer_);
  zip_source_seek(buffer_, 0, SEEK_SET);
  bytes.resize(static_cast<size_t>(size));
  zip_int64_t read = zip_source_read(buffer_, bytes.data(), static_cast<zip_uint64_t>(size));
  zip_source_close(buffer_);
  if (read != size) {
    error_ = "cannot read the finished archive";
    return std::nullopt;
  }
  return bytes;
}

}  // namespace gobook::epub
