// Draws a LaidOutBook with libharu 2.3.0. The order is fixed so the output is
// byte-stable: check the images (before libharu sees them), set up the
// document, load the used faces in Face order (each cut down to the characters
// drawn with it), add every page, register each page's fonts, images and links,
// give each page its content stream (page_content.h, written and deflated on
// every core), then the outline, the page labels, the document info, save to
// memory, and stamp /ID.
#include "pdf/pdf_writer.h"

#include <hpdf.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "fonts/subset.h"
#include "pdf/hpdf_fixes.h"
#include "pdf/page_content.h"
#include "pdf/pdf_png.h"
#include "util/deflate.h"
#include "util/files.h"
#include "util/parallel.h"
#include "util/text.h"

namespace gobook::pdf {
namespace {

using layout::ActualTextBegin;
using layout::ActualTextEnd;
using layout::Color;
using layout::Face;
using layout::FilledRect;
using layout::GlyphRun;
using layout::ImageBox;
using layout::LinkArea;
using layout::StrokedLine;

// The handler only records: the first error is the one worth reporting, and
// every call's return value is checked as well (some failures never call it).
struct HaruErrors {
  HPDF_STATUS first = HPDF_OK;
  HPDF_STATUS detail = HPDF_OK;
};

void RecordError(HPDF_STATUS error_no, HPDF_STATUS detail_no, void* user_data) {
  auto* errors = static_cast<HaruErrors*>(user_data);
  if (errors->first == HPDF_OK) {
    errors->first = error_no;
    errors->detail = detail_no;
  }
}

struct DocDeleter {
  void operator()(HPDF_Doc pdf) const { HPDF_Free(pdf); }
};
using DocPtr = std::unique_ptr<std::remove_pointer_t<HPDF_Doc>, DocDeleter>;

const char* FaceName(Face face) {
  static const char* kNames[layout::kFaceCount] = {
      "regular", "italic", "bold", "bold-italic", "mono", "mono-bold", "mono-italic",
      "symbols", "cjk"};
  return kNames[static_cast<size_t>(face)];
}

// /ID is the MD5 of the file itself as saved with a zero /ID, written over
// that zero: the same book gives the same bytes, and a change anywhere in
// them gives another /ID. (Hashing the file costs a few milliseconds; hashing
// a dump of the laid-out pages cost a tenth of the build.)
bool StampDocumentId(std::string* pdf) {
  const std::string zero(32, '0');
  const std::string placeholder = "/ID [ <" + zero + "> <" + zero + "> ]";
  size_t at = pdf->rfind(placeholder);
  if (at == std::string::npos) return false;
  std::array<uint8_t, 16> digest = Md5Digest(*pdf);
  std::string hex;
  for (uint8_t byte : digest) {
    char two[3];
    std::snprintf(two, sizeof two, "%02X", byte);
    hex += two;
  }
  pdf->replace(at + 7, 32, hex);           // after "/ID [ <"
  pdf->replace(at + 7 + 32 + 3, 32, hex);  // after the first, and "> <"
  return true;
}

// Non-ASCII bytes (and spaces and controls) percent-encoded: libharu writes
// the URI as a literal ASCII string.
std::string PercentEncode(std::string_view uri) {
  std::string out;
  for (char c : uri) {
    auto byte = static_cast<unsigned char>(c);
    if (byte <= 0x20 || byte >= 0x7F) {
      char escaped[4];
      std::snprintf(escaped, sizeof escaped, "%%%02X", byte);
      out += escaped;
    } else {
      out += c;
    }
  }
  return out;
}

// Parses "D:YYYYMMDDHHmmSS+00'00'" (or with Z or -hh'mm') into libharu's date.
std::optional<HPDF_Date> ParsePdfDate(std::string_view text) {
  if (text.size() < 16 || text.substr(0, 2) != "D:") return std::nullopt;
  auto number = [&text](size_t at, size_t n) -> int {
    int value = 0;
    for (size_t i = at; i < at + n; ++i) {
      if (i >= text.size() || text[i] < '0' || text[i] > '9') return -1;
      value = value * 10 + (text[i] - '0');
    }
    return value;
  };
  HPDF_Date date{};
  date.year = number(2, 4);
  date.month = number(6, 2);
  date.day = number(8, 2);
  date.hour = number(10, 2);
  date.minutes = number(12, 2);
  date.seconds = number(14, 2);
  if (date.year < 0 || date.month < 1 || date.month > 12 || date.day < 1 || date.day > 31 ||
      date.hour < 0 || date.hour > 23 || date.minutes < 0 || date.minutes > 59 ||
      date.seconds < 0 || date.seconds > 59) {
    return std::nullopt;
  }
  std::string_view zone = text.substr(16);
  if (zone.empty() || zone == "Z" || zone == "Z00'00'") {
    // 'Z' is written as +00'00', which every reader takes the same way.
    date.ind = '+';
  } else if ((zone[0] == '+' || zone[0] == '-') && zone.size() >= 7 && zone[3] == '\'') {
    date.ind = zone[0];
    date.off_hour = number(17, 2);
    date.off_minutes = number(20, 2);
    if (date.off_hour < 0 || date.off_hour > 23 || date.off_minutes < 0 ||
        date.off_minutes > 59) {
      return std::nullopt;
    }
  } else {
    return std::nullopt;
  }
  return date;
}

// A TrueType file libharu can load: libharu crashes on files that are not
// fonts and fails on CFF-based OpenType, so the header is checked first.
std::string CheckTrueType(const std::string& bytes) {
  if (bytes.size() < 12) return "not a font file";
  std::string_view tag(bytes.data(), 4);
  if (tag == "OTTO") return "a CFF-based OpenType font (libharu loads only TrueType outlines)";
  if (tag == "ttcf") return "a font collection (libharu loads only single TrueType fonts)";
  if (tag != std::string_view("\0\1\0\0", 4) && tag != "true") return "not a TrueType font";
  auto u16 = [&bytes](size_t at) {
    return static_cast<unsigned>(static_cast<unsigned char>(bytes[at]) << 8 |
                                 static_cast<unsigned char>(bytes[at + 1]));
  };
  auto u32 = [&](size_t at) { return static_cast<size_t>(u16(at)) << 16 | u16(at + 2); };
  size_t tables = u16(4);
  if (tables == 0 || bytes.size() < 12 + 16 * tables) return "truncated font file";
  for (size_t i = 0; i < tables; ++i) {
    size_t record = 12 + 16 * i;
    size_t offset = u32(record + 8), length = u32(record + 12);
    if (offset > bytes.size() || length > bytes.size() - offset) return "truncated font file";
  }
  return "";
}

class Writer {
 public:
  Writer(const layout::LaidOutBook& book, const layout::FontPaths& fonts, DiagnosticSink* sink)
      : book_(book), fonts_(fonts), sink_(sink) {}

  std::optional<std::string> Run() {
    if (!ReadImages()) return std::nullopt;
    if (!SetUp() || !LoadFonts() || !AddPages()) return std::nullopt;
    if (!DrawPages()) return std::nullopt;
    if (!AddOutline(book_.outline, nullptr) || !AddPageLabels() || !AddInfo()) {
      return std::nullopt;
    }
    return Save();
  }

 private:
  // Reports `what` with libharu's error code and returns false.
  bool Fail(const std::string& what, HPDF_STATUS status = HPDF_OK, std::string hint = {}) {
    HPDF_STATUS code = errors_.first != HPDF_OK ? errors_.first : status;
    if (code == HPDF_OK && pdf_ != nullptr) code = HPDF_GetError(pdf_.get());
    std::string message = "PDF: " + what;
    if (code != HPDF_OK) {
      char text[40];
      std::snprintf(text, sizeof text, " (libharu error 0x%04X)", static_cast<unsigned>(code));
      message += text;
    }
    sink_->Error("", 0, 0, message, std::move(hint));
    return false;
  }

  // Errors are sticky in libharu: the first unexpected one ends the document.
  bool Ok(HPDF_STATUS status, const std::string& what) {
    if (status != HPDF_OK || errors_.first != HPDF_OK) return Fail(what, status);
    return true;
  }
  template <typename T>
  bool Made(T* object, const std::string& what) {
    if (object == nullptr || errors_.first != HPDF_OK) return Fail(what);
    return true;
  }

  // Reads and checks every image before libharu is involved, reporting all
  // bad images at once; a corrupt PNG would otherwise abort the process.
  bool ReadImages() {
    bool ok = true;
    for (size_t p = 0; p < book_.pages.size(); ++p) {
      for (const layout::PageItem& item : book_.pages[p].items) {
        const auto* box = std::get_if<ImageBox>(&item);
        if (box == nullptr) continue;
        std::string key = ImageKey(*box);
        if (images_.count(key) || bad_images_.count(key)) continue;
        std::string name = box->source.empty()
                               ? "rendered for page " + std::to_string(p + 1)
                               : "'" + box->source + "'";
        std::string bytes;
        std::string reason;
        if (box->source.empty()) {
          // A PNG gobook rendered goes into the PDF as it is when it can.
          if (box->bytes && !box->jpeg) {
            if (std::optional<FlatePng> flate = PassThroughPng(*box->bytes)) {
              images_.insert({key, Image{"", std::move(*flate), nullptr}});
              continue;
            }
          }
          if (box->bytes) bytes = *box->bytes;
        } else if (std::optional<std::string> read = ReadFile(box->source, &reason)) {
          bytes = std::move(*read);
        }
        if (reason.empty()) reason = box->jpeg ? CheckJpeg(bytes) : CheckPng(bytes);
        if (!reason.empty()) {
          std::string hint = reason.rfind("interlaced", 0) == 0
                                 ? "save the image without interlacing"
                                 : std::string();
          sink_->Error("", 0, 0, "PDF: image " + name + ": " + reason, hint);
          bad_images_.insert(key);
          ok = false;
          continue;
        }
        images_.insert({key, Image{std::move(bytes), std::nullopt, nullptr}});
      }
    }
    return ok;
  }

  // A file's path, or a digest of rendered bytes (taken once per buffer: the
  // boxes of one figure share it).
  std::string ImageKey(const ImageBox& box) {
    if (!box.source.empty()) return (box.jpeg ? "jpeg:" : "png:") + box.source;
    const std::string* bytes = box.bytes.get();
    auto found = digests_.find(bytes);
    if (found == digests_.end()) {
      std::array<uint8_t, 16> digest = Md5Digest(bytes != nullptr ? *bytes : std::string());
      found = digests_.emplace(bytes, std::string(reinterpret_cast<const char*>(digest.data()),
                                                  digest.size())).first;
    }
    return (box.jpeg ? "jpeg-bytes:" : "png-bytes:") + found->second;
  }

  bool SetUp() {
    pdf_.reset(HPDF_New(RecordError, &errors_));
    if (!pdf_) return Fail("cannot create the document", HPDF_FAILD_TO_ALLOC_MEM);
    HPDF_Doc pdf = pdf_.get();
    SetPdfVersion(pdf, HPDF_VER_17);  // for ActualText and SMask; libharu writes 1.3
    if (!Ok(HPDF_SetCompressionMode(pdf, HPDF_COMP_ALL), "cannot enable compression")) {
      return false;
    }
    // Info strings and outline titles go through the current encoder.
    if (!Ok(HPDF_UseUTFEncodings(pdf), "cannot enable UTF-8 encodings") ||
        !Ok(HPDF_SetCurrentEncoder(pdf, "UTF-8"), "cannot select the UTF-8 encoder")) {
      return false;
    }
    utf8_ = HPDF_GetEncoder(pdf, "UTF-8");
    return Made(utf8_, "cannot get the UTF-8 encoder");
  }

  // Loads, in the fixed Face order (so subset tags are stable), only the faces
  // some run uses: libharu embeds every loaded font, used or not.
  bool LoadFonts() {
    std::map<std::string, fonts::CharacterSet> characters = CharactersByFontFile();
    std::map<std::string, HPDF_Font> by_path;  // one font per file
    for (size_t f = 0; f < fonts_loaded_.size(); ++f) {
      const std::string& path = fonts_[f];
      auto wanted = characters.find(path);
      if (wanted == characters.end()) continue;
      auto found = by_path.find(path);
      if (found == by_path.end()) {
        HPDF_Font font = LoadFont(path, static_cast<Face>(f), wanted->second);
        if (font == nullptr) return false;
        found = by_path.emplace(path, font).first;
      }
      fonts_loaded_[f] = found->second;
    }
    return true;
  }

  // The characters drawn with each font file (several faces may share one),
  // as libharu's fonts can show them.
  std::map<std::string, fonts::CharacterSet> CharactersByFontFile() const {
    std::array<fonts::CharacterSet, layout::kFaceCount> by_face;
    for (const layout::Page& page : book_.pages) {
      for (const layout::PageItem& item : page.items) {
        const auto* run = std::get_if<GlyphRun>(&item);
        if (run == nullptr) continue;
        fonts::CharacterSet& set = by_face[static_cast<size_t>(run->face)];
        for (size_t at = 0; at < run->text.size();) {
          set.Add(BmpCodePoint(layout::NextCodePoint(run->text, &at)));
        }
      }
    }
    std::map<std::string, fonts::CharacterSet> by_file;
    for (size_t f = 0; f < by_face.size(); ++f) {
      if (!by_face[f].empty()) by_file[fonts_[f]].AddAll(by_face[f]);
    }
    return by_file;
  }

  // Loads the font file cut down to `characters` before libharu sees it:
  // libharu would otherwise spend a tenth of the build walking the full
  // fonts' cmaps and copying their big tables. nullptr after reporting.
  HPDF_Font LoadFont(const std::string& path, Face face, const fonts::CharacterSet& characters) {
    std::string what =
        std::string("cannot load the ") + FaceName(face) + " font '" + path + "'";
    std::string error;
    std::optional<std::string> bytes = ReadFile(path, &error);
    if (bytes) error = CheckTrueType(*bytes);
    if (bytes && error.empty()) bytes = fonts::SubsetFont(*bytes, characters, &error);
    if (!error.empty()) {
      Fail(what + ": " + error);
      return nullptr;
    }
    const char* name = LoadTrueTypeFromMemory(pdf_.get(), *bytes);
    if (!Made(name, what)) return nullptr;
    HPDF_Font font = HPDF_GetFont(pdf_.get(), name, "UTF-8");
    if (!Made(font, what)) return nullptr;
    if (!Ok(FixToUnicode(font), what + ": cannot rewrite its ToUnicode CMap")) return nullptr;
    // The pages' text is written without libharu, which embeds only the
    // glyphs it has measured: measure every character once.
    std::string drawn;
    for (char32_t c : characters.code_points()) AppendUtf8(drawn, c);
    HPDF_Font_TextWidth(font, reinterpret_cast<const HPDF_BYTE*>(drawn.data()),
                        static_cast<HPDF_UINT>(drawn.size()));
    if (!Ok(HPDF_OK, what + ": cannot measure its characters")) return nullptr;
    return font;
  }

  // Adds every page first, so links can point forward.
  bool AddPages() {
    for (size_t i = 0; i < book_.pages.size(); ++i) {
      std::string what = "cannot add page " + std::to_string(i + 1);
      HPDF_Page page = HPDF_AddPage(pdf_.get());
      if (!Made(page, what)) return false;
      if (!Ok(HPDF_Page_SetWidth(page, Real(book_.size.width)), what) ||
          !Ok(HPDF_Page_SetHeight(page, Real(book_.size.height)), what)) {
        return false;
      }
      pages_.push_back(page);
    }
    return true;
  }

  static HPDF_REAL Real(double value) { return static_cast<HPDF_REAL>(value); }
  // Layout's y grows downwards from the top edge; PDF's grows upwards.
  HPDF_REAL FlipY(double y) const { return Real(book_.size.height - y); }

  // Registers each page's fonts and images with libharu (for their resource
  // names) and adds its links, page by page; then writes and deflates the
  // pages' content streams on every core, and hands them to libharu as they
  // are.
  bool DrawPages() {
    std::vector<PageResources> resources(book_.pages.size());
    for (size_t i = 0; i < book_.pages.size(); ++i) {
      page_ = pages_[i];
      page_number_ = i + 1;
      if (!AddResourcesAndLinks(book_.pages[i], &resources[i])) return false;
    }
    std::vector<std::string> contents(book_.pages.size());
    ForEachIndexInParallel(book_.pages.size(), CoreCount(), [&](size_t i, size_t) {
      contents[i] = PageContent(book_.pages[i], book_.size.height, resources[i]);
    });
    std::vector<std::string> deflated =
        DeflateAll(std::vector<std::string_view>(contents.begin(), contents.end()),
                   DeflateFormat::kZlib);
    for (size_t i = 0; i < pages_.size(); ++i) {
      std::string what = "cannot write the content of page " + std::to_string(i + 1);
      if (!Ok(SetDeflatedContent(pages_[i], deflated[i]), what)) return false;
    }
    return true;
  }

  bool AddResourcesAndLinks(const layout::Page& page, PageResources* resources) {
    for (const layout::PageItem& item : page.items) {
      if (const auto* run = std::get_if<GlyphRun>(&item)) {
        std::string& name = resources->fonts[static_cast<size_t>(run->face)];
        if (!name.empty() || run->text.empty()) continue;
        HPDF_Font font = fonts_loaded_[static_cast<size_t>(run->face)];
        std::string what = OnPage("cannot draw text \"" + run->text + "\"");
        if (font == nullptr) return Fail(what + ": its font is not loaded");
        const char* local = FontResourceName(page_, font);
        if (!Made(local, what)) return false;
        name = local;
      } else if (const auto* box = std::get_if<ImageBox>(&item)) {
        const char* local = ImageName(*box);
        if (local == nullptr) return false;
        resources->images.push_back(local);
      } else if (const auto* link = std::get_if<LinkArea>(&item)) {
        if (!AddLink(*link)) return false;
      }
    }
    return true;
  }

  std::string OnPage(const std::string& what) const {
    return what + " on page " + std::to_string(page_number_);
  }

  // Each image is loaded once (from memory: never *FromFile2, whose errors
  // surface only at save time) and named on each page that shows it.
  const char* ImageName(const ImageBox& box) {
    std::string name = box.source.empty() ? "a rendered image" : "the image '" + box.source + "'";
    auto found = images_.find(ImageKey(box));
    if (found == images_.end()) {
      Fail(OnPage("cannot draw " + name + ": not loaded"));
      return nullptr;
    }
    Image& image = found->second;
    if (image.handle == nullptr) {
      const auto* data = reinterpret_cast<const HPDF_BYTE*>(image.bytes.data());
      auto size = static_cast<HPDF_UINT>(image.bytes.size());
      if (image.flate) {
        image.handle = LoadFlatePng(pdf_.get(), *image.flate);
      } else {
        image.handle = box.jpeg ? HPDF_LoadJpegImageFromMem(pdf_.get(), data, size)
                                : HPDF_LoadPngImageFromMem(pdf_.get(), data, size);
      }
      if (!Made(image.handle, "cannot load " + name)) return nullptr;
      image.bytes.clear();
      image.bytes.shrink_to_fit();
      image.flate.reset();
    }
    const char* local = ImageResourceName(page_, image.handle);
    if (!Made(local, OnPage("cannot draw " + name))) return nullptr;
    return local;
  }

  bool AddLink(const LinkArea& link) {
    HPDF_Rect rect = {Real(link.x), FlipY(link.y + link.height), Real(link.x + link.width),
                      FlipY(link.y)};
    HPDF_Annotation annotation = nullptr;
    std::string what;
    if (!link.destination.empty()) {
      what = OnPage("cannot add the link to '" + link.destination + "'");
      HPDF_Destination destination = DestinationFor(link.destination, what);
      if (destination == nullptr) return false;
      annotation = HPDF_Page_CreateLinkAnnot(page_, rect, destination);
    } else {
      what = OnPage("cannot add the link to '" + link.uri + "'");
      annotation = HPDF_Page_CreateURILinkAnnot(page_, rect, PercentEncode(link.uri).c_str());
    }
    // Without /Border viewers draw a 1-point box around every link.
    return Made(annotation, what) && Ok(HPDF_LinkAnnot_SetBorderStyle(annotation, 0, 0, 0), what);
  }

  // One destination object per id, shared by links and bookmarks:
  // [page /XYZ 0 top null], which keeps the reader's zoom.
  HPDF_Destination DestinationFor(const std::string& id, const std::string& what) {
    auto cached = destinations_.find(id);
    if (cached != destinations_.end()) return cached->second;
    const layout::Destination* target = nullptr;
    for (const layout::Destination& d : book_.destinations) {
      if (d.id == id) {
        target = &d;
        break;
      }
    }
    if (target == nullptr) {
      Fail(what + ": no such destination");
      return nullptr;
    }
    if (target->page < 0 || static_cast<size_t>(target->page) >= pages_.size()) {
      Fail(what + ": its page " + std::to_string(target->page + 1) + " does not exist");
      return nullptr;
    }
    HPDF_Page page = pages_[static_cast<size_t>(target->page)];
    HPDF_Destination destination = HPDF_Page_CreateDestination(page);
    if (!Made(destination, what) ||
        !Ok(SetXyzKeepZoom(pdf_.get(), destination, page, 0, FlipY(target->y)), what)) {
      return nullptr;
    }
    destinations_[id] = destination;
    return destination;
  }

  bool AddOutline(const std::vector<layout::OutlineEntry>& entries, HPDF_Outline parent) {
    for (const layout::OutlineEntry& entry : entries) {
      std::string what = "cannot add the bookmark \"" + entry.title + "\"";
      HPDF_Outline outline =
          HPDF_CreateOutline(pdf_.get(), parent, ForHaru(entry.title).c_str(), utf8_);
      if (!Made(outline, what)) return false;
      if (!entry.destination.empty()) {
        HPDF_Destination destination = DestinationFor(entry.destination, what);
        if (destination == nullptr ||
            !Ok(HPDF_Outline_SetDestination(outline, destination), what)) {
          return false;
        }
      }
      if (!AddOutline(entry.children, outline)) return false;
    }
    return true;
  }

  // libharu appends labels in call order, and readers ignore a /Nums array
  // that is not ascending: sort first.
  bool AddPageLabels() {
    std::vector<layout::PageLabelRange> ranges = book_.page_labels;
    std::stable_sort(ranges.begin(), ranges.end(), [](const auto& a, const auto& b) {
      return a.first_page < b.first_page;
    });
    for (size_t i = 0; i < ranges.size(); ++i) {
      const layout::PageLabelRange& range = ranges[i];
      std::string what = "cannot add the page labels from page " +
                         std::to_string(range.first_page + 1);
      if (range.first_page < 0 || static_cast<size_t>(range.first_page) >= pages_.size()) {
        return Fail(what + ": no such page");
      }
      if (i > 0 && ranges[i - 1].first_page == range.first_page) {
        return Fail(what + ": two label ranges start there");
      }
      HPDF_PageNumStyle style =
          range.roman ? HPDF_PAGE_NUM_STYLE_LOWER_ROMAN : HPDF_PAGE_NUM_STYLE_DECIMAL;
      if (!Ok(HPDF_AddPageLabel(pdf_.get(), static_cast<HPDF_UINT>(range.first_page), style,
                                static_cast<HPDF_UINT>(std::max(range.start, 1)), nullptr),
              what)) {
        return false;
      }
    }
    return true;
  }

  // Info strings go through the current (UTF-8) encoder. The dates come only
  // from the book (no clock), and /ID from the file's bytes, so the same book
  // gives the same bytes.
  bool AddInfo() {
    const layout::DocumentInfo& info = book_.info;
    const std::pair<HPDF_InfoType, const std::string*> fields[] = {
        {HPDF_INFO_TITLE, &info.title},       {HPDF_INFO_AUTHOR, &info.author},
        {HPDF_INFO_SUBJECT, &info.subject},   {HPDF_INFO_KEYWORDS, &info.keywords},
        {HPDF_INFO_CREATOR, &info.creator},
    };
    for (const auto& [type, value] : fields) {
      if (value->empty()) continue;
      if (!Ok(HPDF_SetInfoAttr(pdf_.get(), type, ForHaru(*value).c_str()),
              "cannot set the document info \"" + *value + "\"")) {
        return false;
      }
    }
    if (!Ok(HPDF_SetInfoAttr(pdf_.get(), HPDF_INFO_PRODUCER, "gobook"),
            "cannot set the producer")) {
      return false;
    }
    if (!info.date.empty()) {
      std::optional<HPDF_Date> date = ParsePdfDate(info.date);
      if (!date) {
        return Fail("invalid document date '" + info.date + "'", HPDF_OK,
                    "write it as D:YYYYMMDDHHmmSS+00'00'");
      }
      std::string what = "cannot set the document date '" + info.date + "'";
      if (!Ok(HPDF_SetInfoDateAttr(pdf_.get(), HPDF_INFO_CREATION_DATE, *date), what) ||
          !Ok(HPDF_SetInfoDateAttr(pdf_.get(), HPDF_INFO_MOD_DATE, *date), what)) {
        return false;
      }
    }
    // A zero /ID for now: Save stamps the file's own digest over it.
    return Ok(SetDocumentId(pdf_.get(), {}), "cannot set the /ID");
  }

  // Saves into libharu's memory stream and copies it out.
  std::optional<std::string> Save() {
    HPDF_Doc pdf = pdf_.get();
    if (!Ok(HPDF_SaveToStream(pdf), "cannot save the document")) return std::nullopt;
    HPDF_UINT32 size = HPDF_GetStreamSize(pdf);
    if (size == 0) {
      Fail("cannot save the document: it is empty");
      return std::nullopt;
    }
    std::string bytes(size, '\0');
    HPDF_UINT32 read = size;
    HPDF_STATUS status =
        HPDF_ReadFromStream(pdf, reinterpret_cast<HPDF_BYTE*>(bytes.data()), &read);
    // Reading up to the end of the stream may report HPDF_STREAM_EOF.
    if (status == HPDF_STREAM_EOF && read == size) {
      status = HPDF_OK;
      if (errors_.first == HPDF_STREAM_EOF) errors_ = HaruErrors{};
    }
    if (!Ok(status, "cannot read the saved document")) return std::nullopt;
    if (read != size) {
      Fail("cannot read the saved document: " + std::to_string(read) + " of " +
           std::to_string(size) + " bytes");
      return std::nullopt;
    }
    if (!StampDocumentId(&bytes)) {
      Fail("cannot find the /ID in the saved document");
      return std::nullopt;
    }
    return bytes;
  }

  struct Image {
    std::string bytes;              // until loaded
    std::optional<FlatePng> flate;  // instead of `bytes`, for a pass-through PNG
    HPDF_Image handle = nullptr;
  };

  const layout::LaidOutBook& book_;
  const layout::FontPaths& fonts_;
  DiagnosticSink* sink_;
  HaruErrors errors_;  // declared before pdf_: the handler outlives the document
  DocPtr pdf_;
  HPDF_Encoder utf8_ = nullptr;
  std::array<HPDF_Font, layout::kFaceCount> fonts_loaded_{};
  std::vector<HPDF_Page> pages_;
  std::map<std::string, Image> images_;
  std::map<const std::string*, std::string> digests_;  // of ImageBox::bytes
  std::set<std::string> bad_images_;
  std::map<std::string, HPDF_Destination> destinations_;
  HPDF_Page page_ = nullptr;
  size_t page_number_ = 0;
};

}  // namespace

std::optional<std::string> WritePdf(const layout::LaidOutBook& book,
                                    const layout::FontPaths& fonts, DiagnosticSink* sink) {
  Writer writer(book, fonts, sink);
  return writer.Run();
}

}  // namespace gobook::pdf
