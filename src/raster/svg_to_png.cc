#include <cairo.h>
#include <dlfcn.h>
#include <fontconfig/fontconfig.h>
#include <librsvg/rsvg.h>
#include <png.h>

#include <algorithm>
#include <csetjmp>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <vector>

#include "raster/image_cache.h"
#include "raster/raster.h"

namespace gobook::raster {
namespace {

// librsvg, cairo and fontconfig, with the thirty-odd libraries they pull in
// (pango, gio, X11...), are opened only when an SVG really has to be drawn or
// measured. A build whose figures are all in the image cache never loads them:
// linking them was a fifth of a warm `gobook epub`.
#define GOBOOK_RASTER_FUNCTIONS(X)                                                      \
  X(rsvg, rsvg_handle_new_from_data)                                                   \
  X(rsvg, rsvg_handle_get_intrinsic_size_in_pixels)                                    \
  X(rsvg, rsvg_handle_get_intrinsic_dimensions)                                        \
  X(rsvg, rsvg_handle_render_document)                                                 \
  X(gobject, g_object_unref)                                                           \
  X(cairo, cairo_image_surface_create)                                                 \
  X(cairo, cairo_image_surface_get_width)                                              \
  X(cairo, cairo_image_surface_get_height)                                             \
  X(cairo, cairo_image_surface_get_stride)                                             \
  X(cairo, cairo_image_surface_get_data)                                               \
  X(cairo, cairo_surface_flush)                                                        \
  X(cairo, cairo_surface_destroy)                                                      \
  X(cairo, cairo_create)                                                               \
  X(cairo, cairo_set_source_rgb)                                                       \
  X(cairo, cairo_paint)                                                                \
  X(cairo, cairo_destroy)                                                              \
  X(fontconfig, FcConfigCreate)                                                        \
  X(fontconfig, FcConfigParseAndLoadFromMemory)                                        \
  X(fontconfig, FcConfigAppFontAddDir)                                                 \
  X(fontconfig, FcConfigSetCurrent)                                                    \
  X(fontconfig, FcConfigDestroy)

struct Libraries {
#define GOBOOK_DECLARE(library, name) decltype(&::name) name = nullptr;
  GOBOOK_RASTER_FUNCTIONS(GOBOOK_DECLARE)
#undef GOBOOK_DECLARE
  std::string error;  // why they could not be loaded, or ""
};

Libraries OpenLibraries() {
  Libraries libraries;
  struct Library {
    const char* soname;
    void* handle;
  };
  // Never closed: they live as long as the process, like linked libraries.
  Library rsvg{"librsvg-2.so.2", nullptr}, gobject{"libgobject-2.0.so.0", nullptr},
      cairo{"libcairo.so.2", nullptr}, fontconfig{"libfontconfig.so.1", nullptr};
  for (Library* library : {&rsvg, &gobject, &cairo, &fontconfig}) {
    library->handle = dlopen(library->soname, RTLD_NOW | RTLD_LOCAL);
    if (library->handle == nullptr) {
      libraries.error = std::string("cannot load ") + library->soname + ": " + dlerror();
      return libraries;
    }
  }
#define GOBOOK_LOAD(library, name)                                                   \
  libraries.name = reinterpret_cast<decltype(&::name)>(dlsym(library.handle, #name)); \
  if (libraries.name == nullptr) {                                                   \
    libraries.error = "cannot find " #name " in " + std::string(library.soname);     \
    return libraries;                                                                \
  }
  GOBOOK_RASTER_FUNCTIONS(GOBOOK_LOAD)
#undef GOBOOK_LOAD
  return libraries;
}

bool ApplyFontFolder(const Libraries& lib, const std::string& folder, std::string* error) {
  // The user's usual font cache, as every fontconfig program uses; without a
  // cache folder fontconfig complains on stderr.
  static const char kConfig[] =
      "<?xml version=\"1.0\"?><fontconfig>"
      "<cachedir prefix=\"xdg\">fontconfig</cachedir></fontconfig>";
  FcConfig* config = lib.FcConfigCreate();
  if (config == nullptr ||
      !lib.FcConfigParseAndLoadFromMemory(config, reinterpret_cast<const FcChar8*>(kConfig),
                                          FcFalse) ||
      !lib.FcConfigAppFontAddDir(config, reinterpret_cast<const FcChar8*>(folder.c_str()))) {
    if (config != nullptr) lib.FcConfigDestroy(config);
    *error = "cannot load the fonts in '" + folder + "'";
    return false;
  }
  lib.FcConfigSetCurrent(config);  // takes a reference; the process keeps it
  lib.FcConfigDestroy(config);
  return true;
}

// The libraries, loaded on first use, with fontconfig told the book's font
// folder; nullptr (with `error`) if they cannot be loaded.
const Libraries* Renderer(std::string* error) {
  static const Libraries libraries = OpenLibraries();
  if (!libraries.error.empty()) {
    *error = libraries.error;
    return nullptr;
  }
  // The font folder UseOnlyFontsIn noted, applied to fontconfig once loaded.
  static std::mutex mutex;
  static std::string applied;
  std::lock_guard<std::mutex> lock(mutex);
  std::string wanted = internal::NotedFontFolder();
  if (!wanted.empty() && wanted != applied) {
    if (!ApplyFontFolder(libraries, wanted, error)) return nullptr;
    applied = wanted;
  }
  return &libraries;
}

struct HandleDeleter {
  void (*unref)(gpointer);
  void operator()(RsvgHandle* handle) const { unref(handle); }
};
using Handle = std::unique_ptr<RsvgHandle, HandleDeleter>;

Handle LoadSvg(const Libraries& lib, std::string_view svg, std::string* error) {
  GError* gerror = nullptr;
  RsvgHandle* handle = lib.rsvg_handle_new_from_data(
      reinterpret_cast<const guint8*>(svg.data()), svg.size(), &gerror);
  if (handle == nullptr) {
    *error = gerror != nullptr ? gerror->message : "cannot read SVG";
    if (gerror != nullptr) g_error_free(gerror);
    return Handle(nullptr, HandleDeleter{lib.g_object_unref});
  }
  return Handle(handle, HandleDeleter{lib.g_object_unref});
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

bool WriteRows(const Libraries& lib, PngWriter* writer, cairo_surface_t* surface) {
  if (setjmp(png_jmpbuf(writer->png))) return false;
  int width = lib.cairo_image_surface_get_width(surface);
  int height = lib.cairo_image_surface_get_height(surface);
  int stride = lib.cairo_image_surface_get_stride(surface);
  const unsigned char* pixels = lib.cairo_image_surface_get_data(surface);
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
bool EncodePng(const Libraries& lib, cairo_surface_t* surface, std::string* png) {
  PngWriter writer;
  writer.png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, OnPngError, OnPngWarning);
  if (writer.png == nullptr) return false;
  writer.info = png_create_info_struct(writer.png);
  if (writer.info == nullptr || !WriteRows(lib, &writer, surface)) return false;
  *png = std::move(writer.out);
  return true;
}

}  // namespace

bool UseOnlyFontsIn(const std::string& folder, std::string* error) {
  // Once per folder and process: both writers and every figure ask for it.
  if (internal::NotedFontFolder() == folder) return true;
  std::error_code ignored;
  if (!std::filesystem::is_directory(folder, ignored)) {
    *error = "cannot load the fonts in '" + folder + "'";
    return false;
  }
  internal::NoteFontFolder(folder);  // fontconfig gets it when the renderer loads
  return true;
}

namespace {

// The loaded SVG's own size in CSS pixels: its width and height, else its viewBox.
std::optional<Size> HandleSize(const Libraries& lib, RsvgHandle* handle, std::string* error) {
  gdouble width = 0;
  gdouble height = 0;
  if (!lib.rsvg_handle_get_intrinsic_size_in_pixels(handle, &width, &height) || width <= 0 ||
      height <= 0) {
    gboolean has_width, has_height, has_viewbox;
    RsvgLength w, h;
    RsvgRectangle viewbox;
    lib.rsvg_handle_get_intrinsic_dimensions(handle, &has_width, &w, &has_height, &h,
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

}  // namespace

namespace internal {

std::optional<Size> MeasureSvg(std::string_view svg, std::string* error) {
  const Libraries* lib = Renderer(error);
  if (lib == nullptr) return std::nullopt;
  Handle handle = LoadSvg(*lib, svg, error);
  if (!handle) return std::nullopt;
  return HandleSize(*lib, handle.get(), error);
}

}  // namespace internal

std::optional<std::string> RenderSvgToPng(std::string_view svg, Size box, uint32_t background,
                                          std::string* error) {
  const Libraries* renderer = Renderer(error);
  if (renderer == nullptr) return std::nullopt;
  const Libraries& lib = *renderer;
  Handle handle = LoadSvg(lib, svg, error);  // read once: measured, then drawn
  if (!handle) return std::nullopt;
  std::optional<Size> size = HandleSize(lib, handle.get(), error);
  if (!size) return std::nullopt;
  // RGB24 has no alpha channel, so the PNG is opaque as e-reader covers must be.
  cairo_surface_t* surface =
      lib.cairo_image_surface_create(CAIRO_FORMAT_RGB24, box.width, box.height);
  cairo_t* cr = lib.cairo_create(surface);
  lib.cairo_set_source_rgb(cr, ((background >> 16) & 0xFF) / 255.0,
                           ((background >> 8) & 0xFF) / 255.0, (background & 0xFF) / 255.0);
  lib.cairo_paint(cr);
  double scale = std::min(static_cast<double>(box.width) / size->width,
                          static_cast<double>(box.height) / size->height);
  double width = size->width * scale;
  double height = size->height * scale;
  RsvgRectangle viewport{(box.width - width) / 2, (box.height - height) / 2, width, height};
  GError* gerror = nullptr;
  bool ok = lib.rsvg_handle_render_document(handle.get(), cr, &viewport, &gerror);
  std::string png;
  if (ok) {
    lib.cairo_surface_flush(surface);
    ok = EncodePng(lib, surface, &png);
    if (!ok) *error = "cannot encode PNG";
  } else {
    *error = gerror != nullptr ? gerror->message : "cannot render SVG";
  }
  if (gerror != nullptr) g_error_free(gerror);
  lib.cairo_destroy(cr);
  lib.cairo_surface_destroy(surface);
  if (!ok) return std::nullopt;
  return png;
}

}  // namespace gobook::raster
