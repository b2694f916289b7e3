#include "epub/epub_writer.h"

#include "epub/archive.h"
#include "fonts/subset.h"
#include "epub/package.h"
#include "epub/pages.h"
#include "epub/plan.h"
#include "raster/raster.h"
#include "util/files.h"
#include "util/parallel.h"
#include "util/text.h"

namespace gobook::epub {
namespace {

constexpr const char* kPackageFolder = "EPUB/";
constexpr raster::Size kCoverSize{1600, 2560};  // Kindle's recommended 1:1.6
constexpr uint32_t kWhite = 0xFFFFFF;

const char* kContainer =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<container version=\"1.0\" xmlns=\"urn:oasis:names:tc:opendocument:xmlns:container\">"
    "<rootfiles><rootfile full-path=\"EPUB/package.opf\" "
    "media-type=\"application/oebps-package+xml\"/></rootfiles></container>\n";

// Apple Books ignores embedded fonts in reflowable books without this file.
const char* kAppleDisplayOptions =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<display_options><platform name=\"*\">"
    "<option name=\"specified-fonts\">true</option></platform></display_options>\n";

class EpubBuilder {
 public:
  EpubBuilder(const doc::Book& book, const EpubOptions& options, DiagnosticSink* sink)
      : book_(book), options_(options), sink_(sink), plan_(MakePlan(book)),
        archive_(options.modified) {}

  std::optional<std::string> Build() {
    // mimetype first and stored, as OCF requires.
    archive_.AddStored("mimetype", "application/epub+zip");
    archive_.AddDeflated("META-INF/container.xml", kContainer);
    archive_.AddDeflated("META-INF/com.apple.ibooks.display-options.xml", kAppleDisplayOptions);
    std::vector<ManifestItem> resources;
    std::string font_error;
    if (!raster::UseOnlyFontsIn(JoinPath(book_.root, book_.fonts_dir), &font_error)) {
      sink_->Error("", 0, 0, font_error);
    }
    // The pages come first, so the fonts can keep just the characters they use.
    std::string licence = FontLicence();
    std::vector<std::pair<std::string, std::string>> pages = Pages(licence);
    fonts::CharacterSet characters;
    characters.AddPrintableAscii();
    characters.AddText(kEpubStylesheet);  // generated content, such as list markers
    for (const auto& [href, content] : pages) characters.AddText(content);
    AddStylesheet(&resources);
    AddFonts(characters, &resources);
    AddImages(&resources);
    if (plan_.has_cover) AddCover(&resources);
    if (sink_->HasErrors()) return std::nullopt;

    Add("package.opf", PackageDocument(book_, plan_, FormatUtc(options_.modified, "%Y-%m-%dT%H:%M:%SZ"), resources));
    for (auto& [href, content] : pages) Add(href, std::move(content));
    std::optional<std::string> bytes = archive_.Finish();
    if (!bytes) sink_->Error("", 0, 0, "cannot build the EPUB: " + archive_.error());
    return bytes;
  }

 private:
  void Add(const std::string& href, std::string content) {
    archive_.AddDeflated(kPackageFolder + href, std::move(content));
  }

  // Every image is a PNG or a JPEG (plan.cc), compressed already: deflating it
  // again costs time and saves a few percent at most, so it is stored as it is.
  void AddImage(const std::string& href, std::string content) {
    archive_.AddStored(kPackageFolder + href, std::move(content));
  }

  std::optional<std::string> Read(const std::string& path) {
    std::string error;
    std::optional<std::string> content = ReadFile(path, &error);
    if (!content) sink_->Error(path, 0, 0, "cannot read: " + error);
    return content;
  }

  void AddStylesheet(std::vector<ManifestItem>* resources) {
    Add(kStylesheet, kEpubStylesheet);
    resources->push_back({"css", kStylesheet, "text/css", ""});
  }

  // Every content document, navigation included, as (href, XHTML).
  std::vector<std::pair<std::string, std::string>> Pages(const std::string& licence) {
    std::vector<std::pair<std::string, std::string>> pages;
    pages.emplace_back(kNavPage, NavDocument(book_, plan_));
    pages.emplace_back("toc.ncx", NcxDocument(book_, plan_));
    if (plan_.has_cover) pages.emplace_back(kCoverPage, CoverPage(book_));
    pages.emplace_back(kTitlePage, TitlePage(book_));
    pages.emplace_back(kCopyrightPage, CopyrightPage(book_, licence));
    for (size_t t = 0; t < book_.tracks.size(); ++t) {
      pages.emplace_back(plan_.part_files[t], PartPage(book_, plan_, static_cast<int>(t)));
    }
    // The lesson pages, most of the work, are independent: write them on every core.
    std::vector<std::string> lessons(book_.lessons.size());
    ForEachIndexInParallel(lessons.size(), CoreCount(), [&](size_t i, size_t) {
      lessons[i] = LessonPage(book_, plan_, static_cast<int>(i));
    });
    for (size_t i = 0; i < lessons.size(); ++i) {
      pages.emplace_back(plan_.lesson_files[i], std::move(lessons[i]));
    }
    return pages;
  }

  // The fonts' licence text, which must travel with them.
  std::string FontLicence() {
    std::string error;
    std::optional<std::string> licence =
        ReadFile(JoinPath(JoinPath(book_.root, book_.fonts_dir), "LICENSE"), &error);
    return licence ? *licence : "";
  }

  // Embeds the book's fonts, cut down to `characters`, under fixed names the
  // stylesheet refers to.
  void AddFonts(const fonts::CharacterSet& characters, std::vector<ManifestItem>* resources) {
    const doc::FontFiles& files = book_.fonts;
    const std::pair<const char*, const std::string*> kFaces[] = {
        {"text-regular", &files.regular}, {"text-italic", &files.italic},
        {"text-bold", &files.bold},       {"text-bold-italic", &files.bold_italic},
        {"mono-regular", &files.mono},     {"mono-bold", &files.mono_bold},
        {"mono-italic", &files.mono_italic}};
    std::string folder = JoinPath(book_.root, book_.fonts_dir);
    for (const auto& [name, file] : kFaces) {
      std::string path = JoinPath(folder, *file);
      std::optional<std::string> bytes = Read(path);
      if (!bytes) continue;
      std::string error;
      std::optional<std::string> subset = fonts::SubsetFont(*bytes, characters, &error);
      if (!subset) {
        sink_->Error(path, 0, 0, "cannot embed the font: " + error);
        continue;
      }
      std::string href = std::string("fonts/") + name + ".ttf";
      Add(href, std::move(*subset));
      resources->push_back({std::string("font-") + name, href, "font/ttf", ""});
    }
  }

  void AddImages(std::vector<ManifestItem>* resources) {
    int n = 0;
    for (const doc::ImageRef& image : book_.images) {
      const ImageFile& file = plan_.images.at(image.path);
      std::string source = JoinPath(book_.root, image.path);
      std::optional<std::string> bytes = Read(source);
      if (!bytes) continue;
      if (file.from_svg) bytes = Rasterise(source, *bytes);
      if (!bytes) continue;
      AddImage(file.href, std::move(*bytes));
      resources->push_back({"image" + std::to_string(++n), file.href, file.media_type, ""});
    }
  }

  // Older e-reader engines draw SVG poorly: carry a PNG at twice the SVG's size.
  std::optional<std::string> Rasterise(const std::string& source, const std::string& svg) {
    std::string error;
    std::optional<raster::Size> size = raster::SvgSize(svg, &error);
    std::optional<std::string> png;
    if (size) {
      png = raster::RenderSvgToPngCached(svg, {size->width * 2, size->height * 2}, kWhite, &error);
    }
    if (!png) sink_->Error(source, 0, 0, "cannot render SVG: " + error);
    return png;
  }

  void AddCover(std::vector<ManifestItem>* resources) {
    std::string source = JoinPath(book_.root, book_.cover_svg);
    std::optional<std::string> svg = Read(source);
    if (!svg) return;
    std::string error;
    std::optional<std::string> png = raster::RenderSvgToPngCached(*svg, kCoverSize, kWhite, &error);
    if (!png) {
      sink_->Error(source, 0, 0, "cannot render the cover: " + error);
      return;
    }
    AddImage(kCoverImage, std::move(*png));
    resources->push_back({"cover-image", kCoverImage, "image/png", "cover-image"});
  }

  const doc::Book& book_;
  const EpubOptions& options_;
  DiagnosticSink* sink_;
  Plan plan_;
  Archive archive_;
};

}  // namespace

std::optional<std::string> BuildEpub(const doc::Book& book, const EpubOptions& options,
                                     DiagnosticSink* sink) {
  return EpubBuilder(book, options, sink).Build();
}

}  // namespace gobook::epub
