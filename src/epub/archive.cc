#include "epub/archive.h"

#include <zip.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <string_view>

#include "util/deflate.h"

namespace gobook::epub {
namespace {

struct ZipSourceDeleter {
  void operator()(zip_source_t* source) const { zip_source_free(source); }
};
using ZipSource = std::unique_ptr<zip_source_t, ZipSourceDeleter>;

struct ZipDeleter {
  void operator()(zip_t* archive) const { zip_discard(archive); }
};
using Zip = std::unique_ptr<zip_t, ZipDeleter>;

// An entry deflated already, as a libzip source reads it.
struct DeflatedEntry {
  std::string data;
  uint64_t size = 0;  // uncompressed
  uint32_t crc = 0;   // of the uncompressed bytes
  size_t read_offset = 0;
};

// The libzip source callback of a DeflatedEntry. Its stat gives the method,
// both sizes and the CRC, which is how libzip knows to copy the bytes as they
// are rather than compress them again.
zip_int64_t ReadDeflatedEntry(void* user_data, void* data, zip_uint64_t length,
                              zip_source_cmd_t command) {
  auto* entry = static_cast<DeflatedEntry*>(user_data);
  switch (command) {
    case ZIP_SOURCE_OPEN:
      entry->read_offset = 0;
      return 0;
    case ZIP_SOURCE_READ: {
      size_t count = std::min<size_t>(length, entry->data.size() - entry->read_offset);
      std::memcpy(data, entry->data.data() + entry->read_offset, count);
      entry->read_offset += count;
      return static_cast<zip_int64_t>(count);
    }
    case ZIP_SOURCE_STAT: {
      auto* stat = static_cast<zip_stat_t*>(data);
      zip_stat_init(stat);
      stat->valid = ZIP_STAT_SIZE | ZIP_STAT_COMP_SIZE | ZIP_STAT_COMP_METHOD | ZIP_STAT_CRC;
      stat->size = entry->size;
      stat->comp_size = entry->data.size();
      stat->comp_method = ZIP_CM_DEFLATE;
      stat->crc = entry->crc;
      return sizeof(*stat);
    }
    case ZIP_SOURCE_ERROR:
      return zip_error_to_data(nullptr, data, length);  // reading memory cannot fail
    case ZIP_SOURCE_CLOSE:
    case ZIP_SOURCE_FREE:
      return 0;
    case ZIP_SOURCE_SUPPORTS:
      return zip_source_make_command_bitmap(ZIP_SOURCE_OPEN, ZIP_SOURCE_READ, ZIP_SOURCE_CLOSE,
                                            ZIP_SOURCE_STAT, ZIP_SOURCE_ERROR, ZIP_SOURCE_FREE,
                                            -1);
    default:
      return -1;
  }
}

std::string ZipError(zip_t* archive) {
  return archive != nullptr ? zip_strerror(archive) : "no archive";
}

// The whole of a finished in-memory archive.
std::optional<std::string> ReadBack(zip_source_t* buffer) {
  if (zip_source_open(buffer) != 0) return std::nullopt;
  std::string bytes;
  zip_int64_t size = -1;
  if (zip_source_seek(buffer, 0, SEEK_END) == 0) size = zip_source_tell(buffer);
  if (size >= 0 && zip_source_seek(buffer, 0, SEEK_SET) == 0) {
    bytes.resize(static_cast<size_t>(size));
    if (zip_source_read(buffer, bytes.data(), static_cast<zip_uint64_t>(size)) != size) size = -1;
  }
  zip_source_close(buffer);
  if (size < 0) return std::nullopt;
  return bytes;
}

// Every entry to deflate, deflated together on every core.
std::vector<DeflatedEntry> DeflateEntries(const std::vector<std::string_view>& contents) {
  std::vector<std::string> deflated = DeflateAll(contents, DeflateFormat::kRaw);
  std::vector<DeflatedEntry> entries(contents.size());
  for (size_t i = 0; i < contents.size(); ++i) {
    entries[i].data = std::move(deflated[i]);
    entries[i].size = contents[i].size();
    entries[i].crc = Crc32(contents[i]);
  }
  return entries;
}

}  // namespace

Archive::Archive(std::time_t timestamp) {
  // ZIP stores DOS local time; convert in UTC ourselves so the bytes do not
  // depend on the machine's time zone (libzip's mtime setter uses local time).
  std::tm utc{};
  gmtime_r(&timestamp, &utc);
  if (utc.tm_year < 80) utc = std::tm{0, 0, 0, 1, 0, 80, 0, 0, 0, 0, nullptr};
  dos_time_ = static_cast<uint16_t>((utc.tm_hour << 11) | (utc.tm_min << 5) | (utc.tm_sec / 2));
  dos_date_ = static_cast<uint16_t>(((utc.tm_year - 80) << 9) | ((utc.tm_mon + 1) << 5) |
                                    utc.tm_mday);
}

void Archive::AddStored(const std::string& name, std::string content) {
  entries_.push_back(Entry{name, std::move(content), false});
}

void Archive::AddDeflated(const std::string& name, std::string content) {
  entries_.push_back(Entry{name, std::move(content), true});
}

std::optional<std::string> Archive::Finish() {
  if (finished_) {
    error_ = "the archive is finished already";
    return std::nullopt;
  }
  finished_ = true;
  std::vector<std::string_view> to_deflate;
  for (const Entry& entry : entries_) {
    if (entry.deflate) to_deflate.push_back(entry.content);
  }
  std::vector<DeflatedEntry> deflated = DeflateEntries(to_deflate);

  zip_error_t error;
  zip_error_init(&error);
  ZipSource buffer(zip_source_buffer_create(nullptr, 0, 0, &error));
  Zip archive;
  if (buffer) {
    zip_source_keep(buffer.get());  // we read the finished archive back from it
    archive.reset(zip_open_from_source(buffer.get(), ZIP_TRUNCATE, &error));
  }
  if (!archive) {
    error_ = zip_error_strerror(&error);
    zip_error_fini(&error);
    return std::nullopt;
  }
  zip_error_fini(&error);
  size_t next_deflated = 0;
  for (const Entry& entry : entries_) {
    zip_source_t* source =
        entry.deflate
            ? zip_source_function(archive.get(), ReadDeflatedEntry, &deflated[next_deflated++])
            : zip_source_buffer(archive.get(), entry.content.data(), entry.content.size(), 0);
    if (source == nullptr) {
      error_ = "cannot add '" + entry.name + "': " + ZipError(archive.get());
      return std::nullopt;
    }
    zip_int64_t index = zip_file_add(archive.get(), entry.name.c_str(), source, ZIP_FL_ENC_UTF_8);
    if (index < 0) {
      zip_source_free(source);
      error_ = "cannot add '" + entry.name + "': " + ZipError(archive.get());
      return std::nullopt;
    }
    auto at = static_cast<zip_uint64_t>(index);
    if ((!entry.deflate && zip_set_file_compression(archive.get(), at, ZIP_CM_STORE, 0) != 0) ||
        zip_file_set_dostime(archive.get(), at, dos_time_, dos_date_, 0) != 0) {
      error_ = "cannot set up '" + entry.name + "': " + ZipError(archive.get());
      return std::nullopt;
    }
  }
  if (zip_close(archive.get()) != 0) {
    error_ = "cannot finish the archive: " + ZipError(archive.get());
    return std::nullopt;
  }
  archive.release();  // zip_close freed it
  std::optional<std::string> bytes = ReadBack(buffer.get());
  if (!bytes) error_ = "cannot read the finished archive";
  return bytes;
}

}  // namespace gobook::epub
