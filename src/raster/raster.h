// Turns SVG into PNG (older e-reader engines draw SVG poorly, and the cover must
// be a raster image), through librsvg and cairo. Output bytes depend only on the
// input, so builds stay reproducible.
#ifndef GOBOOK_RASTER_RASTER_H_
#define GOBOOK_RASTER_RASTER_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace gobook::raster {

struct Size {
  int width = 0;
  int height = 0;
};

// Makes text in SVGs use only the fonts in `folder` (the book's fonts), never
// the machine's: the same book then renders to the same pixels everywhere.
bool UseOnlyFontsIn(const std::string& folder, std::string* error);

// The SVG's own size in CSS pixels, or nullopt (with `error`) if it cannot be read.
std::optional<Size> SvgSize(std::string_view svg, std::string* error);

// Renders the SVG scaled to fit `box` (keeping its aspect ratio, centred) on an
// opaque background of `background` (0xRRGGBB). Returns PNG bytes.
std::optional<std::string> RenderSvgToPng(std::string_view svg, Size box,
                                          uint32_t background, std::string* error);

// The pixel size of a PNG or JPEG file's image, read from its header.
std::optional<Size> RasterSize(std::string_view bytes);

}  // namespace gobook::raster

#endif  // GOBOOK_RASTER_RASTER_H_
