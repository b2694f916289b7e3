// Tests of the OCF container writer (epub::Archive): entry order and methods,
// the mimetype's magic bytes, reproducible bytes and time-zone-free entry times.
// Archives are read back with libzip and, for the header fields libzip hides,
// byte by byte.
#include "epub/archive.h"

#include <zip.h>

#include <catch2/catch.hpp>

#include <cstdint>
#include <cstdlib>
#include <ctime>
#include <optional>
#include <string>
#include <vector>

#include "support/scoped_env.h"

namespace gobook::epub {
namespace {

// 2024-06-15T13:45:30Z.
constexpr std::time_t kTimestamp = 1718459130;
constexpr uint16_t kDosTime = (13 << 11) | (45 << 5) | (30 / 2);
constexpr uint16_t kDosDate = ((2024 - 1980) << 9) | (6 << 5) | 15;

const char* const kMimetype = "application/epub+zip";

// Sets TZ for the lifetime of the object, then restores the previous value;
// the C library reads TZ again at each tzset.
class ScopedTimeZone {
 public:
  explicit ScopedTimeZone(const char* zone) : tz_("TZ", zone) { tzset(); }
  ~ScopedTimeZone() {
    tz_.Restore();
    tzset();
  }
  ScopedTimeZone(const ScopedTimeZone&) = delete;
  ScopedTimeZone& operator=(const ScopedTimeZone&) = delete;

 private:
  testing::ScopedEnv tz_;
};

// A small EPUB-like archive: the mimetype, then a few deflated entries.
std::string BuildArchive(std::time_t timestamp) {
  Archive archive(timestamp);
  archive.AddStored("mimetype", kMimetype);
  archive.AddDeflated("META-INF/container.xml", "<?xml version=\"1.0\"?><container/>\n");
  archive.AddDeflated("EPUB/package.opf", std::string(5000, 'x') + "<package/>");
  archive.AddDeflated("EPUB/text/lesson-001.xhtml", "<p>Hello, Go</p>");
  std::optional<std::string> bytes = archive.Finish();
  INFO(archive.error());
  REQUIRE(bytes);
  return *bytes;
}

uint16_t Le16(const std::string& bytes, size_t offset) {
  return static_cast<uint16_t>(static_cast<unsigned char>(bytes[offset]) |
                               (static_cast<unsigned char>(bytes[offset + 1]) << 8));
}

uint32_t Le32(const std::string& bytes, size_t offset) {
  return static_cast<uint32_t>(Le16(bytes, offset)) |
         (static_cast<uint32_t>(Le16(bytes, offset + 2)) << 16);
}

// The fields of each local file header, walked from the start of the archive.
struct LocalHeader {
  size_t offset;
  uint16_t version_needed, flags, method, time, date, extra_length;
  std::string name;
};

std::vector<LocalHeader> LocalHeaders(const std::string& bytes) {
  std::vector<LocalHeader> headers;
  size_t offset = 0;
  while (offset + 30 <= bytes.size() && Le32(bytes, offset) == 0x04034b50) {
    LocalHeader header{offset,
                       Le16(bytes, offset + 4),
                       Le16(bytes, offset + 6),
                       Le16(bytes, offset + 8),
                       Le16(bytes, offset + 10),
                       Le16(bytes, offset + 12),
                       Le16(bytes, offset + 28),
                       bytes.substr(offset + 30, Le16(bytes, offset + 26))};
    REQUIRE((header.flags & 0x8) == 0);  // sizes are in the header, no data descriptor
    headers.push_back(header);
    offset += 30 + header.name.size() + header.extra_length + Le32(bytes, offset + 18);
  }
  return headers;
}

// Reads an archive from memory with libzip; closes it on destruction.
class ZipReader {
 public:
  explicit ZipReader(const std::string& bytes) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    if (source != nullptr) {
      archive_ = zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error);
      if (archive_ == nullptr) zip_source_free(source);
    }
    zip_error_fini(&error);
  }
  ~ZipReader() {
    if (archive_ != nullptr) zip_discard(archive_);
  }
  ZipReader(const ZipReader&) = delete;
  ZipReader& operator=(const ZipReader&) = delete;

  zip_t* get() const { return archive_; }

  zip_stat_t Stat(zip_uint64_t index) const {
    zip_stat_t stat;
    zip_stat_init(&stat);
    REQUIRE(zip_stat_index(archive_, index, 0, &stat) == 0);
    return stat;
  }

  std::string Read(zip_uint64_t index) const {
    zip_stat_t stat = Stat(index);
    zip_file_t* file = zip_fopen_index(archive_, index, 0);
    REQUIRE(file != nullptr);
    std::string content(static_cast<size_t>(stat.size), '\0');
    zip_int64_t read = zip_fread(file, content.data(), stat.size);
    zip_fclose(file);
    REQUIRE(read == static_cast<zip_int64_t>(stat.size));
    return content;
  }

 private:
  zip_t* archive_ = nullptr;
};

TEST_CASE("archive: mimetype comes first, stored, at the magic offsets", "[epub][archive]") {
  std::string bytes = BuildArchive(kTimestamp);
  REQUIRE(bytes.size() > 58);
  CHECK(bytes.compare(0, 4, "PK\x03\x04") == 0);
  CHECK(Le16(bytes, 8) == 0);    // method: stored
  CHECK(Le16(bytes, 26) == 8);   // name length
  CHECK(Le16(bytes, 28) == 0);   // no extra field (PKG-005)
  CHECK(bytes.compare(30, 8, "mimetype") == 0);
  CHECK(bytes.compare(38, 20, kMimetype) == 0);

  ZipReader reader(bytes);
  REQUIRE(reader.get() != nullptr);
  REQUIRE(zip_get_num_entries(reader.get(), 0) == 4);
  zip_stat_t first = reader.Stat(0);
  CHECK(std::string(first.name) == "mimetype");
  CHECK(first.comp_method == ZIP_CM_STORE);
  CHECK(first.encryption_method == ZIP_EM_NONE);
  CHECK(reader.Read(0) == kMimetype);
}

TEST_CASE("archive: other entries are deflated, in the order added", "[epub][archive]") {
  std::string bytes = BuildArchive(kTimestamp);
  ZipReader reader(bytes);
  REQUIRE(reader.get() != nullptr);
  const char* kNames[] = {"mimetype", "META-INF/container.xml", "EPUB/package.opf",
                          "EPUB/text/lesson-001.xhtml"};
  for (zip_uint64_t i = 0; i < 4; ++i) {
    zip_stat_t stat = reader.Stat(i);
    CHECK(std::string(stat.name) == kNames[i]);
    if (i > 0) CHECK(stat.comp_method == ZIP_CM_DEFLATE);
  }
  // The large, repetitive entry really is compressed, and reads back exactly.
  CHECK(reader.Stat(2).comp_size < reader.Stat(2).size);
  CHECK(reader.Read(2) == std::string(5000, 'x') + "<package/>");
  CHECK(reader.Read(3) == "<p>Hello, Go</p>");

  // Local headers: no extra fields anywhere, version-needed 10 or 20.
  std::vector<LocalHeader> headers = LocalHeaders(bytes);
  REQUIRE(headers.size() == 4);
  for (const LocalHeader& header : headers) {
    INFO("entry " << header.name);
    CHECK(header.extra_length == 0);
    CHECK((header.version_needed == 10 || header.version_needed == 20));
    CHECK(header.method == (header.name == "mimetype" ? 0 : 8));
  }
}

TEST_CASE("archive: the same input gives the same bytes", "[epub][archive]") {
  std::string first = BuildArchive(kTimestamp);
  std::string second = BuildArchive(kTimestamp);
  CHECK(first == second);
  CHECK(BuildArchive(kTimestamp + 3600) != first);
}

TEST_CASE("archive: entry times are the timestamp in UTC", "[epub][archive]") {
  std::string bytes;
  {
    ScopedTimeZone utc("UTC");
    bytes = BuildArchive(kTimestamp);
    ZipReader reader(bytes);
    REQUIRE(reader.get() != nullptr);
    // libzip converts DOS times through local time, which is UTC here.
    for (zip_uint64_t i = 0; i < 4; ++i) CHECK(reader.Stat(i).mtime == kTimestamp);
  }
  for (const LocalHeader& header : LocalHeaders(bytes)) {
    INFO("entry " << header.name);
    CHECK(header.time == kDosTime);
    CHECK(header.date == kDosDate);
  }
}

TEST_CASE("archive: entry times do not depend on the time zone", "[epub][archive]") {
  std::string in_utc;
  {
    ScopedTimeZone utc("UTC");
    in_utc = BuildArchive(kTimestamp);
  }
  const char* old_tz = std::getenv("TZ");
  std::string before = old_tz == nullptr ? "(unset)" : old_tz;
  std::string in_new_york;
  {
    ScopedTimeZone new_york("America/New_York");
    in_new_york = BuildArchive(kTimestamp);
    // First entry: DOS time at 10..11 and date at 12..13 of its local header.
    CHECK(Le16(in_new_york, 10) == kDosTime);
    CHECK(Le16(in_new_york, 12) == kDosDate);
    for (const LocalHeader& header : LocalHeaders(in_new_york)) {
      INFO("entry " << header.name);
      CHECK(header.time == kDosTime);
      CHECK(header.date == kDosDate);
    }
  }
  CHECK(in_new_york == in_utc);
  // The time zone is restored.
  const char* after_tz = std::getenv("TZ");
  CHECK((after_tz == nullptr ? "(unset)" : std::string(after_tz)) == before);
}

TEST_CASE("archive: times before 1980 become the DOS epoch", "[epub][archive]") {
  std::string bytes = BuildArchive(0);
  for (const LocalHeader& header : LocalHeaders(bytes)) {
    CHECK(header.time == 0);
    CHECK(header.date == ((0 << 9) | (1 << 5) | 1));
  }
}

TEST_CASE("archive: a book's worth of entries, deflated on every core, read back exactly",
          "[epub][archive]") {
  Archive archive(kTimestamp);
  archive.AddStored("mimetype", kMimetype);
  std::vector<std::string> contents;
  for (int i = 0; i < 30; ++i) {
    std::string page;
    while (page.size() < 8000) page += "<p>Lesson " + std::to_string(i) + ", line " +
                                       std::to_string(page.size()) + "</p>\n";
    contents.push_back(page);
    archive.AddDeflated("EPUB/text/lesson-" + std::to_string(i) + ".xhtml", page);
  }
  archive.AddStored("EPUB/images/a.png", std::string(3000, '\x89'));
  std::optional<std::string> bytes = archive.Finish();
  INFO(archive.error());
  REQUIRE(bytes);
  ZipReader reader(*bytes);  // ZIP_CHECKCONS: the central and local headers agree
  REQUIRE(reader.get() != nullptr);
  REQUIRE(zip_get_num_entries(reader.get(), 0) == 32);
  for (zip_uint64_t i = 1; i <= 30; ++i) {
    zip_stat_t stat = reader.Stat(i);
    INFO("entry " << stat.name);
    CHECK(stat.comp_method == ZIP_CM_DEFLATE);
    CHECK(stat.comp_size < stat.size / 3);
    CHECK(reader.Read(i) == contents[i - 1]);  // libzip checks the CRC as it reads
  }
  CHECK(reader.Stat(31).comp_method == ZIP_CM_STORE);
  CHECK(reader.Read(31) == std::string(3000, '\x89'));
}

TEST_CASE("archive: an archive is finished once", "[epub][archive]") {
  Archive archive(kTimestamp);
  archive.AddStored("mimetype", kMimetype);
  REQUIRE(archive.Finish());
  CHECK_FALSE(archive.Finish());
  CHECK(archive.error() == "the archive is finished already");
}

TEST_CASE("archive: a name added twice is an error", "[epub][archive]") {
  Archive archive(kTimestamp);
  archive.AddStored("mimetype", kMimetype);
  archive.AddDeflated("EPUB/a.xhtml", "one");
  archive.AddDeflated("EPUB/a.xhtml", "two");
  CHECK_FALSE(archive.Finish());
  CHECK(archive.error().find("cannot add 'EPUB/a.xhtml'") == 0);
}

}  // namespace
}  // namespace gobook::epub
