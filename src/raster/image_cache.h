// Internal to raster: the persistent, content-addressed cache of rendered SVGs
// (image_cache.cc), shared by every gobook process of the user. An entry's name
// is the SHA-256 of everything the pixels depend on: the SVG's bytes, the box,
// the background, the fonts fontconfig may use (their names, sizes and times)
// and the renderer's versions. Entries are written whole under a temporary name
// and renamed, so concurrent builds never see half an entry, and each is checked
// (IsWholePng) before it is used.
#ifndef GOBOOK_RASTER_IMAGE_CACHE_H_
#define GOBOOK_RASTER_IMAGE_CACHE_H_

#include <optional>
#include <string>
#include <string_view>

#include "raster/raster.h"

namespace gobook::raster::internal {

// SvgSize without the cache: librsvg reads the SVG (svg_to_png.cc).
std::optional<Size> MeasureSvg(std::string_view svg, std::string* error);

// Records the font folder UseOnlyFontsIn gave fontconfig, for the cache keys.
// Until it is called, rendering uses the machine's fonts and the disk cache is
// not used (their state cannot be named cheaply).
void NoteFontFolder(const std::string& folder);

// The folder last noted, or "" (svg_to_png.cc hands it to fontconfig).
std::string NotedFontFolder();

}  // namespace gobook::raster::internal

#endif  // GOBOOK_RASTER_IMAGE_CACHE_H_
