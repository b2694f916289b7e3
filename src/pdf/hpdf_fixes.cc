#include "pdf/hpdf_fixes.h"

#include <hpdf_doc.h>
#include <hpdf_encrypt.h>
#include <hpdf_font.h>
#include <hpdf_image.h>
#include <hpdf_objects.h>
#include <hpdf_pages.h>
#include <hpdf_streams.h>

#include <sys/mman.h>
#include <unistd.h>

#include <cstdio>
#include <string>

namespace gobook::pdf {
namespace {

// A Unicode CMap for 2-byte codes that equal their code point (libharu's UTF-8
// encoder). A bfrange may only vary the last byte, so there is one range per
// high byte: 248 of them once the surrogate block D800-DFFF is left out, in
// blocks of at most 100 as the CMap specification asks.
std::string IdentityUnicodeCMap() {
  std::string ranges[256];
  int count = 0;
  for (int high = 0; high < 256; ++high) {
    if (high >= 0xD8 && high <= 0xDF) continue;
    char line[40];
    std::snprintf(line, sizeof line, "<%02X00> <%02XFF> <%02X00>\n", high, high, high);
    ranges[count++] = line;
  }
  std::string out =
      "/CIDInit /ProcSet findresource begin\n"
      "12 dict begin\n"
      "begincmap\n"
      "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
      "/CMapName /Adobe-Identity-UCS def\n"
      "/CMapType 2 def\n"
      "1 begincodespacerange\n"
      "<0000> <FFFF>\n"
      "endcodespacerange\n";
  for (int first = 0; first < count; first += 100) {
    int n = count - first < 100 ? count - first : 100;
    out += std::to_string(n) + " beginbfrange\n";
    for (int i = first; i < first + n; ++i) out += ranges[i];
    out += "endbfrange\n";
  }
  out +=
      "endcmap\n"
      "CMapName currentdict /CMap defineresource pop\n"
      "end\n"
      "end\n";
  return out;
}

HPDF_STATUS WriteBytes(HPDF_Stream stream, std::string_view bytes) {
  if (bytes.empty()) return HPDF_OK;
  return HPDF_Stream_Write(stream, reinterpret_cast<const HPDF_BYTE*>(bytes.data()),
                           static_cast<HPDF_UINT>(bytes.size()));
}

}  // namespace

HPDF_STATUS FixToUnicode(HPDF_Font font) {
  auto* attr = static_cast<HPDF_FontAttr>(font->attr);
  // Only a UTF-8 TrueType font has its CMap as /ToUnicode (its /Encoding is the
  // name Identity-H); any other font's CMap stream is its encoding: leave it.
  if (attr == nullptr || attr->cmap_stream == nullptr ||
      HPDF_Dict_GetItem(font, "ToUnicode", HPDF_OCLASS_DICT) != attr->cmap_stream) {
    return HPDF_INVALID_FONT;
  }
  HPDF_Dict cmap = attr->cmap_stream;
  // The CID CMap's dictionary keys (/Type /CMap, /CMapName, /CIDSystemInfo,
  // /WMode) do not belong on a ToUnicode stream.
  for (const char* key : {"Type", "CMapName", "CIDSystemInfo", "WMode"}) {
    HPDF_STATUS status = HPDF_Dict_RemoveElement(cmap, key);
    if (status != HPDF_OK && status != HPDF_DICT_ITEM_NOT_FOUND) return status;
  }
  HPDF_MemStream_FreeData(cmap->stream);
  static const std::string kCMap = IdentityUnicodeCMap();
  return WriteBytes(cmap->stream, kCMap);
}

HPDF_STATUS SetXyzKeepZoom(HPDF_Doc pdf, HPDF_Destination destination, HPDF_Page page,
                           double left, double top) {
  HPDF_Array_Clear(destination);
  HPDF_STATUS status = HPDF_Array_Add(destination, page);
  if (status != HPDF_OK) return status;
  if ((status = HPDF_Array_AddName(destination, "XYZ")) != HPDF_OK) return status;
  if ((status = HPDF_Array_AddReal(destination, static_cast<HPDF_REAL>(left))) != HPDF_OK) {
    return status;
  }
  if ((status = HPDF_Array_AddReal(destination, static_cast<HPDF_REAL>(top))) != HPDF_OK) {
    return status;
  }
  HPDF_Null null_zoom = HPDF_Null_New(pdf->mmgr);
  if (null_zoom == nullptr) return HPDF_GetError(pdf);
  return HPDF_Array_Add(destination, null_zoom);
}

const char* FontResourceName(HPDF_Page page, HPDF_Font font) {
  if (!HPDF_Page_Validate(page) || !HPDF_Font_Validate(font)) return nullptr;
  return HPDF_Page_GetLocalFontName(page, font);
}

const char* ImageResourceName(HPDF_Page page, HPDF_Image image) {
  if (!HPDF_Page_Validate(page) || !HPDF_Image_Validate(image)) return nullptr;
  return HPDF_Page_GetXObjectName(page, image);
}

namespace {

// Written into a stream's dictionary by Dict_Write, after its elements:
// libharu drops a /Filter element from a stream whose own filter is "none",
// and "none" is what keeps it from deflating the stream again.
HPDF_STATUS WriteFlateFilter(HPDF_Dict, HPDF_Stream stream) {
  return HPDF_Stream_WriteStr(stream, "/Filter /FlateDecode\012");
}

}  // namespace

void MarkDeflated(HPDF_Dict stream_object) {
  stream_object->filter = HPDF_STREAM_FILTER_NONE;
  stream_object->write_fn = WriteFlateFilter;
}

HPDF_STATUS SetDeflatedContent(HPDF_Page page, std::string_view zlib) {
  auto* attr = static_cast<HPDF_PageAttr>(page->attr);
  if (attr == nullptr || attr->contents == nullptr || attr->stream == nullptr) {
    return HPDF_INVALID_PAGE;
  }
  if (HPDF_Stream_Size(attr->stream) != 0) return HPDF_INVALID_PAGE;  // drawn already
  MarkDeflated(attr->contents);
  return WriteBytes(attr->stream, zlib);
}

const char* LoadTrueTypeFromMemory(HPDF_Doc pdf, std::string_view bytes) {
  int fd = memfd_create("gobook-font", MFD_CLOEXEC);
  if (fd < 0) return nullptr;
  for (size_t written = 0; written < bytes.size();) {
    ssize_t n = write(fd, bytes.data() + written, bytes.size() - written);
    if (n <= 0) {
      close(fd);
      return nullptr;
    }
    written += static_cast<size_t>(n);
  }
  // libharu opens its own descriptor on the file, which keeps it alive until
  // the document is freed (the font's glyphs are read again at save time).
  std::string path = "/proc/self/fd/" + std::to_string(fd);
  const char* name = HPDF_LoadTTFontFromFile(pdf, path.c_str(), HPDF_TRUE);
  close(fd);
  return name;
}

HPDF_STATUS SetDocumentId(HPDF_Doc pdf, const std::array<uint8_t, 16>& id) {
  HPDF_Array array = HPDF_Array_New(pdf->mmgr);
  if (array == nullptr) return HPDF_GetError(pdf);
  HPDF_STATUS status = HPDF_Dict_Add(pdf->trailer, "ID", array);
  if (status != HPDF_OK) return status;
  for (int i = 0; i < 2; ++i) {
    HPDF_BYTE copy[16];
    for (size_t j = 0; j < 16; ++j) copy[j] = id[j];
    HPDF_Binary binary = HPDF_Binary_New(pdf->mmgr, copy, 16);
    if (binary == nullptr) return HPDF_GetError(pdf);
    if ((status = HPDF_Array_Add(array, binary)) != HPDF_OK) return status;
  }
  return HPDF_OK;
}

std::array<uint8_t, 16> Md5Digest(std::string_view data) {
  HPDF_MD5_CTX context;
  HPDF_MD5Init(&context);
  // HPDF_MD5Update takes at most 2^32-1 bytes at a time.
  constexpr size_t kChunk = 1 << 20;
  for (size_t at = 0; at < data.size(); at += kChunk) {
    size_t n = data.size() - at < kChunk ? data.size() - at : kChunk;
    HPDF_MD5Update(&context, reinterpret_cast<const HPDF_BYTE*>(data.data() + at),
                   static_cast<HPDF_UINT32>(n));
  }
  HPDF_BYTE digest[16];
  HPDF_MD5Final(digest, &context);
  std::array<uint8_t, 16> out;
  for (size_t i = 0; i < 16; ++i) out[i] = digest[i];
  return out;
}

void SetPdfVersion(HPDF_Doc pdf, HPDF_PDFVer version) { pdf->pdf_version = version; }

}  // namespace gobook::pdf
