// Workarounds for libharu 2.3.0 that reach into its internal structures
// (hpdf_doc.h, hpdf_font.h, hpdf_objects.h, hpdf_pages.h). Each one answers a
// trap listed in the libharu report (../shared/reference/libharu.md); the
// symbols are exported by Debian's libhpdf but are not a stable API, so every
// use of libharu internals lives in this one file.
#ifndef GOBOOK_PDF_HPDF_FIXES_H_
#define GOBOOK_PDF_HPDF_FIXES_H_

#include <hpdf.h>

#include <array>
#include <cstdint>
#include <string_view>

namespace gobook::pdf {

// Rewrites the ToUnicode CMap libharu writes for a UTF-8 font (a CID CMap with
// `begincidrange`, which poppler warns about) as a valid Unicode CMap of
// `bfrange`s. The UTF-8 encoder's 2-byte code is the code point, so each high
// byte maps onto itself; surrogate high bytes (D8-DF) are left out.
HPDF_STATUS FixToUnicode(HPDF_Font font);

// Points `destination` at `[page /XYZ left top null]`: a null zoom keeps the
// reader's zoom, which HPDF_Destination_SetXYZ cannot express (zoom 0 is an error).
HPDF_STATUS SetXyzKeepZoom(HPDF_Doc pdf, HPDF_Destination destination, HPDF_Page page,
                           double left, double top);

// The page's resource name for `font` or `image` (F1, X1...), registering it
// in the page's /Resources on first use; nullptr on error.
const char* FontResourceName(HPDF_Page page, HPDF_Font font);
const char* ImageResourceName(HPDF_Page page, HPDF_Image image);

// Makes `zlib` (a FlateDecode stream, RFC 1950) the page's whole content
// stream, written as it is: libharu neither compresses it again nor adds to it.
HPDF_STATUS SetDeflatedContent(HPDF_Page page, std::string_view zlib);

// Makes a stream object libharu writes as it is, with /Filter /FlateDecode:
// its bytes are deflated already.
void MarkDeflated(HPDF_Dict stream_object);

// HPDF_LoadTTFontFromFile (embedding) for a font held in memory: libharu 2.3
// can load a TrueType font only from a file, so the bytes go into an anonymous
// memory file (memfd) that libharu opens by its /proc/self/fd path. Returns the
// font's name, or nullptr.
const char* LoadTrueTypeFromMemory(HPDF_Doc pdf, std::string_view bytes);

// Sets the trailer's /ID to two copies of `id`, so the file is reproducible.
HPDF_STATUS SetDocumentId(HPDF_Doc pdf, const std::array<uint8_t, 16>& id);

// The MD5 digest of `data` (libharu's own MD5, as it uses for /ID itself).
std::array<uint8_t, 16> Md5Digest(std::string_view data);

// Sets the version written in the header (libharu always writes 1.3).
void SetPdfVersion(HPDF_Doc pdf, HPDF_PDFVer version);

}  // namespace gobook::pdf

#endif  // GOBOOK_PDF_HPDF_FIXES_H_
