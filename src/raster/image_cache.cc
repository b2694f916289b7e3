#include "raster/image_cache.h"

#include <cairo.h>
#include <fcntl.h>
#include <glib.h>
#include <librsvg/rsvg.h>
#include <png.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <mutex>
#include <random>
#include <vector>

#include "raster/raster.h"
#include "util/files.h"

namespace gobook::raster {
namespace {

// Bump when the pixels or the PNG encoding change for the same inputs, so that
// older entries are no longer found.
constexpr int kRendererVersion = 2;

// The librsvg and cairo gobook was built against. (Their run-time versions
// would need the libraries loaded, which a warm build avoids; Debian keeps a
// release's libraries at the version built against.)
std::string RendererVersions() {
  return "rsvg " LIBRSVG_VERSION "\ncairo " CAIRO_VERSION_STRING "\n";
}

// The font folder UseOnlyFontsIn named, and its fingerprint for the cache
// keys; both "" until then (the machine's fonts: not cacheable).
struct FontFolder {
  std::string path;
  std::string fingerprint;
};

std::mutex& FontsMutex() {
  static std::mutex mutex;
  return mutex;
}

FontFolder& NotedFonts() {
  static FontFolder fonts;
  return fonts;
}

// Every file fontconfig may take from `folder` (it scans subfolders too), by
// relative path, size and modification time, in a fixed order. Times stand for
// the bytes: reading 6 MB of fonts on every build would cost more than it saves.
std::string FingerprintFolder(const std::string& folder) {
  namespace fs = std::filesystem;
  std::vector<std::string> lines;
  std::error_code error;
  fs::recursive_directory_iterator it(folder, error), end;
  for (; !error && it != end; it.increment(error)) {
    struct stat info {};
    if (::stat(it->path().c_str(), &info) != 0 || !S_ISREG(info.st_mode)) continue;
    lines.push_back(it->path().lexically_relative(folder).string() + '\t' +
                    std::to_string(info.st_size) + '\t' + std::to_string(info.st_mtim.tv_sec) +
                    '.' + std::to_string(info.st_mtim.tv_nsec) + '\n');
  }
  std::sort(lines.begin(), lines.end());
  std::string out = "fonts\n";  // not the folder's path: the same fonts elsewhere are the same
  for (const std::string& line : lines) out += line;
  return out;
}

std::string Sha256Hex(std::string_view data) {
  gchar* hex = g_compute_checksum_for_data(
      G_CHECKSUM_SHA256, reinterpret_cast<const guchar*>(data.data()), data.size());
  std::string out = hex;
  g_free(hex);
  return out;
}

// The entry's file name: a digest of everything the PNG depends on.
std::string CacheKey(std::string_view svg, Size box, uint32_t background,
                     const std::string& fonts) {
  std::string key = "gobook svg->png " + std::to_string(kRendererVersion) + '\n' +
                    RendererVersions() + "libpng " + png_get_libpng_ver(nullptr) +
                    "\nzlib " + zlibVersion() +
                    "\nbox " + std::to_string(box.width) + 'x' + std::to_string(box.height) +
                    "\nbackground " + std::to_string(background) + '\n' + fonts + "svg\n";
  key.append(svg);
  return Sha256Hex(key);
}

// Writes `bytes` to `path` through a temporary file in the same folder and a
// rename, so a reader sees the whole entry or none. Failures are ignored: the
// cache only saves time.
void StoreAtomically(const std::string& folder, const std::string& path, std::string_view bytes) {
  std::error_code error;
  std::filesystem::create_directories(folder, error);
  std::random_device random;
  std::string temp = path + ".tmp-" + std::to_string(::getpid()) + '-' + std::to_string(random());
  int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0) return;
  bool ok = true;
  for (size_t done = 0; ok && done < bytes.size();) {
    ssize_t wrote = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (wrote < 0 && errno == EINTR) continue;
    ok = wrote > 0;
    if (ok) done += static_cast<size_t>(wrote);
  }
  ok = ::close(fd) == 0 && ok;
  if (!ok || ::rename(temp.c_str(), path.c_str()) != 0) ::unlink(temp.c_str());
}

}  // namespace

namespace internal {

void NoteFontFolder(const std::string& folder) {
  std::string fingerprint = FingerprintFolder(folder);
  std::lock_guard<std::mutex> lock(FontsMutex());
  NotedFonts() = {folder, std::move(fingerprint)};
}

std::string NotedFontFolder() {
  std::lock_guard<std::mutex> lock(FontsMutex());
  return NotedFonts().path;
}

}  // namespace internal

std::string ImageCacheFolder() {
  if (const char* dir = std::getenv("GOBOOK_CACHE_DIR"); dir != nullptr && *dir) return dir;
  if (const char* cache = std::getenv("XDG_CACHE_HOME"); cache != nullptr && *cache) {
    return JoinPath(cache, "gobook/images");
  }
  if (const char* home = std::getenv("HOME"); home != nullptr && *home) {
    return JoinPath(home, ".cache/gobook/images");
  }
  return "";
}

namespace {

// "W H\n", as a size entry holds it; anything else is no entry.
std::optional<Size> ParseSize(const std::string& text) {
  int width = 0, height = 0;
  if (std::sscanf(text.c_str(), "%d %d", &width, &height) != 2 || width <= 0 || height <= 0 ||
      text != std::to_string(width) + ' ' + std::to_string(height) + '\n') {
    return std::nullopt;
  }
  return Size{width, height};
}

}  // namespace

std::optional<Size> SvgSize(std::string_view svg, std::string* error) {
  std::string folder = ImageCacheFolder();
  if (folder.empty()) return internal::MeasureSvg(svg, error);
  std::string key = "gobook svg size 1\n" + RendererVersions() + "svg\n";
  key.append(svg);
  std::string path = JoinPath(folder, Sha256Hex(key) + ".size");
  std::string ignored;
  if (std::optional<std::string> cached = ReadFile(path, &ignored)) {
    if (std::optional<Size> size = ParseSize(*cached)) return size;
  }
  std::optional<Size> size = internal::MeasureSvg(svg, error);
  if (size) {
    StoreAtomically(folder, path,
                    std::to_string(size->width) + ' ' + std::to_string(size->height) + '\n');
  }
  return size;
}

std::optional<std::string> RenderSvgToPngCached(std::string_view svg, Size box,
                                                uint32_t background, std::string* error) {
  std::string fonts;
  {
    std::lock_guard<std::mutex> lock(FontsMutex());
    fonts = NotedFonts().fingerprint;
  }
  std::string folder = fonts.empty() ? "" : ImageCacheFolder();
  if (folder.empty()) return RenderSvgToPng(svg, box, background, error);
  std::string path = JoinPath(folder, CacheKey(svg, box, background, fonts) + ".png");
  std::string ignored;
  if (std::optional<std::string> cached = ReadFile(path, &ignored); cached && IsWholePng(*cached)) {
    return cached;
  }
  std::optional<std::string> png = RenderSvgToPng(svg, box, background, error);
  if (png) StoreAtomically(folder, path, *png);
  return png;
}

}  // namespace gobook::raster
