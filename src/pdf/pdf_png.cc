// Image checks that run before libharu sees the bytes. libharu 2.3.0 calls
// libpng without a setjmp, so libpng's error path ends in abort(); reading the
// whole PNG here, under our own setjmp, turns that into a reason. And the PNG
// pass-through of pdf_png.h, which builds its image XObject with libharu's
// dictionary internals (hpdf_objects.h, hpdf_doc.h), as hpdf_fixes.cc does.
#include "pdf/pdf_png.h"

#include <hpdf_doc.h>
#include <hpdf_objects.h>
#include <hpdf_streams.h>
#include <png.h>

#include <csetjmp>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "pdf/hpdf_fixes.h"
#include "pdf/pdf_writer.h"
#include "raster/raster.h"

namespace gobook::pdf {
namespace {

struct PngReader {
  std::string_view bytes;
  size_t offset = 0;
  char error[200] = "";
};

void ReadBytes(png_structp png, png_bytep out, png_size_t length) {
  auto* reader = static_cast<PngReader*>(png_get_io_ptr(png));
  if (length > reader->bytes.size() - reader->offset) {
    png_error(png, "truncated file");
  }
  std::memcpy(out, reader->bytes.data() + reader->offset, length);
  reader->offset += length;
}

// libpng's messages ("IDAT: CRC error") are kept as the reason; they must not
// reach stderr, and the error handler must not return.
void OnError(png_structp png, png_const_charp message) {
  auto* reader = static_cast<PngReader*>(png_get_error_ptr(png));
  std::snprintf(reader->error, sizeof reader->error, "%s", message);
  png_longjmp(png, 1);
}

void OnWarning(png_structp, png_const_charp) {}

std::string Lower(std::string text) {
  for (char& c : text) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return text;
}

// Everything that may be live across setjmp/longjmp is kept out of the
// function that calls setjmp (no destructors are skipped, no clobbered locals).
struct PngCheck {
  PngReader reader;
  png_structp png = nullptr;
  png_infop info = nullptr;
  png_infop end = nullptr;
  std::vector<png_byte> row;
  bool interlaced = false;
  ~PngCheck() { png_destroy_read_struct(&png, &info, &end); }
};

// Reads every chunk and row; returns false (with check->reader.error set) when
// libpng fails.
bool ReadAll(PngCheck* check) {
  if (setjmp(png_jmpbuf(check->png))) return false;
  png_set_read_fn(check->png, &check->reader, ReadBytes);
  png_read_info(check->png, check->info);
  if (png_get_interlace_type(check->png, check->info) != PNG_INTERLACE_NONE) {
    check->interlaced = true;
    return true;
  }
  png_uint_32 height = png_get_image_height(check->png, check->info);
  check->row.resize(png_get_rowbytes(check->png, check->info));
  for (png_uint_32 y = 0; y < height; ++y) {
    png_read_row(check->png, check->row.data(), nullptr);
  }
  png_read_end(check->png, check->end);
  return true;
}



}  // namespace

std::optional<FlatePng> PassThroughPng(std::string_view png) {
  std::optional<std::vector<raster::PngChunk>> chunks = raster::ReadPngChunks(png);
  if (!chunks) return std::nullopt;
  // IHDR: width, height, bit depth, colour type, compression, filter, interlace.
  std::string_view header = chunks->front().data;
  std::optional<raster::Size> size = raster::RasterSize(png);  // IHDR's width and height
  if (header.size() != 13 || !size) return std::nullopt;
  int depth = static_cast<uint8_t>(header[8]);
  int colour = static_cast<uint8_t>(header[9]);
  if (size->width <= 0 || size->height <= 0 || depth != 8 || (colour != 2 && colour != 0) ||
      header[10] != 0 || header[11] != 0 || header[12] != 0) {
    return std::nullopt;
  }
  FlatePng out{size->width, size->height, colour == 2 ? 3 : 1, ""};
  for (const raster::PngChunk& chunk : *chunks) {
    if (chunk.type == "PLTE" || chunk.type == "tRNS") return std::nullopt;  // a mask is needed
    if (chunk.type == "IDAT") out.data.append(chunk.data);
  }
  if (out.data.empty()) return std::nullopt;
  return out;
}

HPDF_Image LoadFlatePng(HPDF_Doc pdf, const FlatePng& png) {
  // As HPDF_Image_LoadRawImageFromMem builds its image, with our stream.
  HPDF_Dict image = HPDF_DictStream_New(pdf->mmgr, pdf->xref);
  if (image == nullptr) return nullptr;
  image->header.obj_class |= HPDF_OSUBCLASS_XOBJECT;
  MarkDeflated(image);
  HPDF_Dict parameters = HPDF_Dict_New(pdf->mmgr);
  if (parameters == nullptr) return nullptr;
  HPDF_STATUS status = HPDF_OK;
  // Predictor 15: each row starts with its PNG filter byte.
  status |= HPDF_Dict_AddNumber(parameters, "Predictor", 15);
  status |= HPDF_Dict_AddNumber(parameters, "Colors", png.colors);
  status |= HPDF_Dict_AddNumber(parameters, "BitsPerComponent", 8);
  status |= HPDF_Dict_AddNumber(parameters, "Columns", png.width);
  status |= HPDF_Dict_AddName(image, "Type", "XObject");
  status |= HPDF_Dict_AddName(image, "Subtype", "Image");
  status |= HPDF_Dict_AddNumber(image, "Width", png.width);
  status |= HPDF_Dict_AddNumber(image, "Height", png.height);
  status |= HPDF_Dict_AddName(image, "ColorSpace", png.colors == 3 ? "DeviceRGB" : "DeviceGray");
  status |= HPDF_Dict_AddNumber(image, "BitsPerComponent", 8);
  status |= HPDF_Dict_Add(image, "DecodeParms", parameters);
  if (status != HPDF_OK) return nullptr;
  if (HPDF_Stream_Write(image->stream, reinterpret_cast<const HPDF_BYTE*>(png.data.data()),
                        static_cast<HPDF_UINT>(png.data.size())) != HPDF_OK) {
    return nullptr;
  }
  return image;
}

std::string CheckPng(std::string_view bytes) {
  if (bytes.size() < 8 || png_sig_cmp(reinterpret_cast<png_const_bytep>(bytes.data()), 0, 8)) {
    return "not a png file";
  }
  PngCheck check;
  check.reader.bytes = bytes;
  check.png = png_create_read_struct(PNG_LIBPNG_VER_STRING, &check.reader, OnError, OnWarning);
  if (check.png == nullptr) return "out of memory";
  check.info = png_create_info_struct(check.png);
  check.end = png_create_info_struct(check.png);
  if (check.info == nullptr || check.end == nullptr) return "out of memory";
  // Dimensions past libpng's default limit (1,000,000) are refused like any error.
  if (!ReadAll(&check)) return Lower(check.reader.error);
  if (check.interlaced) return "interlaced png (libharu cannot load it)";
  return "";
}

std::string CheckJpeg(std::string_view bytes) {
  if (bytes.size() < 4 || static_cast<unsigned char>(bytes[0]) != 0xFF ||
      static_cast<unsigned char>(bytes[1]) != 0xD8) {
    return "not a jpeg file";
  }
  // Some writers pad the file after the end marker.
  size_t end = bytes.size();
  while (end > 2 && (bytes[end - 1] == '\0' || bytes[end - 1] == '\n' || bytes[end - 1] == '\r')) {
    --end;
  }
  if (static_cast<unsigned char>(bytes[end - 2]) != 0xFF ||
      static_cast<unsigned char>(bytes[end - 1]) != 0xD9) {
    return "truncated jpeg (no end marker)";
  }
  return "";
}

}  // namespace gobook::pdf
