// Turns SVG into PNG (older e-reader engines draw SVG poorly, and the cover must
// be a raster image), through librsvg and cairo. Output bytes depend only on the
// input, so builds stay reproducible.
#ifndef GOBOOK_RASTER_RASTER_H_
#define GOBOOK_RASTER_RASTER_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gobook::raster {

struct Size {
  int width = 0;
  int height = 0;
};

// Makes text in SVGs use only the fonts in `folder` (the book's fonts), never
// the machine's: the same book then renders to the same pixels everywhere.
bool UseOnlyFontsIn(const std::string& folder, std::string* error);

// The SVG's own size in CSS pixels, or nullopt (with `error`) if it cannot be
// read. Kept in the image cache too, so a warm build needs no librsvg.
std::optional<Size> SvgSize(std::string_view svg, std::string* error);

// Renders the SVG scaled to fit `box` (keeping its aspect ratio, centred) on an
// opaque background of `background` (0xRRGGBB). Returns PNG bytes: 8-bit RGB,
// not interlaced.
std::optional<std::string> RenderSvgToPng(std::string_view svg, Size box,
                                          uint32_t background, std::string* error);

// RenderSvgToPng through the image cache (image_cache.cc): the same bytes, but a
// figure already rendered by an earlier build, EPUB or PDF, is read back instead
// of rendered again.
std::optional<std::string> RenderSvgToPngCached(std::string_view svg, Size box,
                                                uint32_t background, std::string* error);

// The image cache's folder: $GOBOOK_CACHE_DIR, else $XDG_CACHE_HOME/gobook/images,
// else ~/.cache/gobook/images; "" (no cache) when none of them is set.
std::string ImageCacheFolder();

// One chunk of a PNG file: its four-letter type and its data.
struct PngChunk {
  std::string_view type;
  std::string_view data;
};

// The chunks of a whole PNG: the signature, IHDR first, every chunk inside the
// file with its CRC right, IEND last and nothing after it; nullopt otherwise.
// The image cache checks its entries with it, and the PDF writer takes a
// rendered PNG's IDAT data from it.
std::optional<std::vector<PngChunk>> ReadPngChunks(std::string_view png);

// True if `png` is a whole PNG (ReadPngChunks). A cache entry that fails this
// (truncated, corrupt) is rendered again, never used.
bool IsWholePng(std::string_view png);

// The pixel size of a PNG or JPEG file's image, read from its header.
std::optional<Size> RasterSize(std::string_view bytes);

}  // namespace gobook::raster

#endif  // GOBOOK_RASTER_RASTER_H_
