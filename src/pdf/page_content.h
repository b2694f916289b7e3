// The content stream of a laid-out page, written by gobook rather than through
// libharu's page operators: a pure function of the page, so the book's pages
// are written (and then deflated) side by side on every core, and each run of
// text costs a few bytes instead of libharu's text object, measuring and
// formatting per call. The writer (pdf_writer.cc) registers each page's fonts
// and images with libharu first, for their resource names.
#ifndef GOBOOK_PDF_PAGE_CONTENT_H_
#define GOBOOK_PDF_PAGE_CONTENT_H_

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "pdf/layout/frame.h"

namespace gobook::pdf {

// A page's resource names, without the slash.
struct PageResources {
  std::array<std::string, layout::kFaceCount> fonts;  // by Face; "" where unused
  std::vector<std::string> images;                     // one per ImageBox, in page order
};

// The page's drawing operators: text as 2-byte codes of a CID font whose CIDs
// are Unicode code points (as libharu's UTF-8 fonts are), coordinates in
// points to 1/1000 with y flipped for PDF. Links are annotations, not content.
std::string PageContent(const layout::Page& page, double page_height,
                        const PageResources& resources);

// What libharu's UTF-8 fonts can show for `c` (see ForHaru).
char32_t BmpCodePoint(char32_t c);

// `text` as valid UTF-8 of BMP code points: libharu's UTF-8 path and its CID
// fonts are BMP-only (an astral code point becomes U+FFFD), and control
// characters (layout should never send them) become spaces.
std::string ForHaru(std::string_view text);

// `text` as a PDF hex string in UTF-16BE with a byte order mark: <FEFF...>.
std::string Utf16Hex(std::string_view text);

}  // namespace gobook::pdf

#endif  // GOBOOK_PDF_PAGE_CONTENT_H_
