// PNGs in the PDF writer, internal to src/pdf/ (CheckPng and CheckJpeg, which
// tests call, are declared in pdf_writer.h). A PNG's IDAT stream is already what
// a PDF image with /FlateDecode and the PNG predictor holds, so a figure gobook
// rendered itself goes into the PDF as it is: neither decoded nor deflated again
// (libharu's own loader decodes it and deflates the raw pixels, without a
// predictor, into a larger stream).
#ifndef GOBOOK_PDF_PDF_PNG_H_
#define GOBOOK_PDF_PDF_PNG_H_

#include <hpdf.h>

#include <optional>
#include <string>
#include <string_view>

namespace gobook::pdf {

// The parts of a PNG a PDF image needs.
struct FlatePng {
  int width = 0;
  int height = 0;
  int colors = 0;    // 3 (RGB) or 1 (grey)
  std::string data;  // the IDAT chunks' contents, joined: a zlib stream of filtered rows
};

// The PNG's compressed pixels, if the PDF can carry them as they are: 8 bits a
// sample, RGB or grey without alpha, no palette, no transparency chunk, not
// interlaced, every chunk's CRC right and IEND last. nullopt otherwise; such a
// PNG goes through CheckPng and libharu's loader.
std::optional<FlatePng> PassThroughPng(std::string_view png);

// Adds `png` to the document as an image XObject whose stream is `png.data`
// under /FlateDecode with /DecodeParms for the PNG predictors. Returns nullptr
// on failure (libharu's error handler has been called).
HPDF_Image LoadFlatePng(HPDF_Doc pdf, const FlatePng& png);

}  // namespace gobook::pdf

#endif  // GOBOOK_PDF_PDF_PNG_H_
