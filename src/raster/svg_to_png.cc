#include <cairo.h>
#include <fontconfig/fontconfig.h>
#include <librsvg/rsvg.h>

#include <algorithm>
#include <cstdint>
#include <memory>

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

cairo_status_t AppendToString(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

}  // namespace

bool UseOnlyFontsIn(const std::string& folder, std::string* error) {
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
    ok = cairo_surface_write_to_png_stream(surface, AppendToString, &png) == CAIRO_STATUS_SUCCESS;
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
