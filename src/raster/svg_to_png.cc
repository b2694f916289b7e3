#include <cairo.h>
#include <fontconfig/fontconfig.h>
#include <librsvg/rsvg.h>
#include <png.h>

#include <algorithm>
#include <csetjmp>
#include <cstdint>
#include <memory>
#include <vector>

#include "raster/image_cache.h"
#include "raster/raster.h"

namespace gobook::raster {
namespace {

struct HandleDeleter {
  void operator()(RsvgHandle* handle) const { g_object_unref(handle); }
};
using Handle = std::unique_ptr<RsvgHandle, HandleDeleter>;

Handle LoadSvg(std::string_view svg, std::string* error) {
  GError* gerror = nullptr;
  RsvgHandle* handle = rsvg_handle_new_from_data(
      reinterpret_cast<const guint8*>(svg.data()), svg.size(), &gerror);
  if (handle == nullptr) {
    *error = gerror != nullptr ? gerror->message : "cannot read SVG";
    if (gerror != nullptr) g_error_free(gerror);
    return nullptr;
  }
  return Handle(handle);
}

void AppendToString(png_structp png, png_bytep data, png_size_t length) {
  static_cast<std::string*>(png_get_io_ptr(png))->append(reinterpret_cast<const char*>(data),
                                                         length);
}

void FlushNothing(png_structp) {}

void OnPngError(png_structp png, png_const_charp) { png_longjmp(png, 1); }

void OnPngWarning(png_structp, png_const_charp) {}

// Everything live across setjmp/longjmp is kept out of the function that calls setjmp.
struct PngWriter {
  png_structp png = nullptr;
  png_infop info = nullptr;
  std::vector<png_byte> row;
  std::string out;
  ~PngWriter() { png_destroy_write_struct(&png, &info); }
};

bool WriteRows(PngWriter* writer, cairo_surface_t* surface) {
  if (setjmp(png_jmpbuf(writer->png))) return false;
  int width = cairo_image_surface_get_width(surface);
  int height = cairo_image_surface_get_height(surface);
  int stride = cairo_image_surface_get_stride(surface);
  const unsigned char* pixels = cairo_image_surface_get_data(surface);
  if (pixels == nullptr || width <= 0 || height <= 0) return false;  // a surface in error
  png_set_write_fn(writer->png, &writer->out, AppendToString, FlushNothing);
  // Figures and covers are flat colours with anti-aliased edges: row filters
  // (cairo's PNG writer tries all five per row) make them larger, not smaller,
  // and cost time. Measured on the book's 11 figures at 2x and its cover:
  // adaptive filters at level 6, 921 KB in 0.9 s; no filter at level 6, 768 KB
  // in 0.45 s; no filter at level 9, 712 KB in 1.5 s.
  png_set_compression_level(writer->png, 6);
  png_set_filter(writer->png, PNG_FILTER_TYPE_BASE, PNG_FILTER_NONE);
  png_set_IHDR(writer->png, writer->info, static_cast<png_uint_32>(width),
               static_cast<png_uint_32>(height), 8, PNG_COLOR_TYPE_RGB, PNG_INTERLACE_NONE,
               PNG_COMPRESSION_TYPE_BASE, PNG_FILTER_TYPE_BASE);
  png_write_info(writer->png, writer->info);
  writer->row.resize(static_cast<size_t>(width) * 3);
  for (int y = 0; y < height; ++y) {
    // RGB24 keeps each pixel as a native-endian 32-bit 0x00RRGGBB.
    const auto* in = reinterpret_cast<const uint32_t*>(pixels + static_cast<size_t>(y) * stride);
    png_byte* out = writer->row.data();
    for (int x = 0; x < width; ++x) {
      uint32_t pixel = in[x];
      *out++ = static_cast<png_byte>(pixel >> 16);
      *out++ = static_cast<png_byte>(pixel >> 8);
      *out++ = static_cast<png_byte>(pixel);
    }
    png_write_row(writer->png, writer->row.data());
  }
  png_write_end(writer->png, writer->info);
  return true;
}

// Encodes an RGB24 surface as an 8-bit RGB PNG.
bool EncodePng(cairo_surface_t* surface, std::string* png) {
  PngWriter writer;
  writer.png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, OnPngError, OnPngWarning);
  if (writer.png == nullptr) return false;
  writer.info = png_create_info_struct(writer.png);
  if (writer.info == nullptr || !WriteRows(&writer, surface)) return false;
  *png = std::move(writer.out);
  return true;
}

}  // namespace

bool UseOnlyFontsIn(const std::string& folder, std::string* error) {
  // Once per folder and process: both writers and every figure ask for it.
  static std::string current;
  if (!current.empty() && current == folder) return true;
  // The user's usual font cache, as every fontconfig program uses; without a
  // cache folder fontconfig complains on stderr.
  static const char kConfig[] =
      "<?xml version=\"1.0\"?><fontconfig>"
      "<cachedir prefix=\"xdg\">fontconfig</cachedir></fontconfig>";
  FcConfig* config = FcConfigCreate();
  if (config == nullptr ||
      !FcConfigParseAndLoadFromMemory(config, reinterpret_cast<const FcChar8*>(kConfig),
                                      FcFalse) ||
      !FcConfigAppFontAddDir(config, reinterpret_cast<const FcChar8*>(folder.c_str()))) {
    if (config != nullptr) FcConfigDestroy(config);
    *error = "cannot load the fonts in '" + folder + "'";
    return false;
  }
  FcConfigSetCurrent(config);  // takes a reference; the process keeps it
  FcConfigDestroy(config);
  internal::NoteFontFolder(folder);
  current = folder;
  return true;
}

std::optional<Size> SvgSize(std::string_view svg, std::string* error) {
  Handle handle = LoadSvg(svg, error);
  if (!handle) return std::nullopt;
  gdouble width = 0;
  gdouble height = 0;
  if (!rsvg_handle_get_intrinsic_size_in_pixels(handle.get(), &width, &height) ||
      width <= 0 || height <= 0) {
    // No width/height: fall back to the viewBox.
    gboolean has_width, has_height, has_viewbox;
    RsvgLength w, h;
    RsvgRectangle viewbox;
    rsvg_handle_get_intrinsic_dimensions(handle.get(), &has_width, &w, &has_height, &h,
                                         &has_viewbox, &viewbox);
    if (!has_viewbox || viewbox.width <= 0 || viewbox.height <= 0) {
      *error = "the SVG has neither width and height nor a viewBox";
      return std::nullopt;
    }
    width = viewbox.width;
    height = viewbox.height;
  }
  return Size{static_cast<int>(width + 0.5), static_cast<int>(height + 0.5)};
}

std::optional<std::string> RenderSvgToPng(std::string_view svg, Size box, uint32_t background,
                                          std::string* error) {
  std::optional<Size> size = SvgSize(svg, error);
  if (!size) return std::nullopt;
  Handle handle = LoadSvg(svg, error);
  if (!handle) return std::nullopt;
  // RGB24 has no alpha channel, so the PNG is opaque as e-reader covers must be.
  cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, box.width, box.height);
  cairo_t* cr = cairo_create(surface);
  cairo_set_source_rgb(cr, ((background >> 16) & 0xFF) / 255.0, ((background >> 8) & 0xFF) / 255.0,
                       (background & 0xFF) / 255.0);
  cairo_paint(cr);
  double scale = std::min(static_cast<double>(box.width) / size->width,
                          static_cast<double>(box.height) / size->height);
  double width = size->width * scale;
  double height = size->height * scale;
  RsvgRectangle viewport{(box.width - width) / 2, (box.height - height) / 2, width, height};
  GError* gerror = nullptr;
  bool ok = rsvg_handle_render_document(handle.get(), cr, &viewport, &gerror);
  std::string png;
  if (ok) {
    cairo_surface_flush(surface);
    ok = EncodePng(surface, &png);
    if (!ok) *error = "cannot encode PNG";
  } else {
    *error = gerror != nullptr ? gerror->message : "cannot render SVG";
  }
  if (gerror != nullptr) g_error_free(gerror);
  cairo_destroy(cr);
  cairo_surface_destroy(surface);
  if (!ok) return std::nullopt;
  return png;
}

}  // namespace gobook::raster
