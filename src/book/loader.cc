#include <map>

#include "book/book.h"
#include "doc/passes.h"
#include "markdown/lesson_converter.h"
#include "markdown/manifest.h"
#include "util/files.h"
#include "util/parallel.h"
#include "util/text.h"

namespace gobook::book {
namespace {

// What fits the printed page's measure in the mono face at the code size.
constexpr int kMaxCodeColumns = 72;

bool IsRemote(const std::string& url) {
  return StartsWith(url, "http://") || StartsWith(url, "https://") || StartsWith(url, "//");
}

std::string Lower(std::string text) {
  for (char& ch : text) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return text;
}

// Checks that an image file is what its extension says, from its first bytes and,
// for PNG, its last chunk (a truncated PNG makes image libraries abort).
std::string ImageProblem(const std::string& path, const std::string& content) {
  std::string extension = Lower(path.substr(path.rfind('.') + 1));
  if (extension == "png") {
    static const std::string kSignature("\x89PNG\r\n\x1a\n", 8);
    if (content.compare(0, 8, kSignature) != 0) return "is not a PNG file";
    static const std::string kEnd("IEND\xae\x42\x60\x82", 8);
    if (content.size() < 20 || content.compare(content.size() - 8, 8, kEnd) != 0) {
      return "is a truncated PNG file";
    }
    return "";
  }
  if (extension == "jpg" || extension == "jpeg") {
    if (content.size() < 4 || content.compare(0, 3, "\xff\xd8\xff") != 0) {
      return "is not a JPEG file";
    }
    return "";
  }
  if (extension == "svg") {
    if (content.find("<svg") == std::string::npos) return "is not an SVG file";
    return "";
  }
  return "has an unsupported image format '." + extension + "'";
}

class Loader {
 public:
  Loader(const std::string& dir, Purpose purpose, DiagnosticSink* sink)
      : dir_(dir), purpose_(purpose), sink_(sink) {
    book_.root = dir;
  }

  std::optional<doc::Book> Load() {
    if (!IsDirectory(dir_)) {
      sink_->Error("", 0, 0, "book folder '" + dir_ + "' does not exist",
                   "pass the folder holding book.toml and SUMMARY.md with --book");
      return std::nullopt;
    }
    bool have_metadata = LoadMetadata();
    LoadManifest();
    for (doc::Lesson& lesson : book_.lessons) {
      doc::AssignAnchors(&lesson);
      doc::CheckHtmlIds(lesson, sink_);
      doc::CheckCodeWidth(lesson, kMaxCodeColumns, sink_);
    }
    if (!sink_->HasErrors()) doc::ResolveLinks(&book_, sink_);
    for (doc::Lesson& lesson : book_.lessons) CheckImages(&lesson);
    if (have_metadata && purpose_ == Purpose::kWrite) {
      CheckFonts();
      CheckCover();
    }
    doc::ComputeReadTimes(&book_);
    if (sink_->HasErrors()) return std::nullopt;
    return std::move(book_);
  }

 private:
  std::string Display(const std::string& relative) const { return JoinPath(dir_, relative); }

  std::optional<std::string> ReadText(const std::string& relative, const doc::SourcePos& from,
                                      const std::string& what) const {
    return ReadText(relative, from, what, sink_);
  }

  std::optional<std::string> ReadText(const std::string& relative, const doc::SourcePos& from,
                                      const std::string& what, DiagnosticSink* sink) const {
    std::string error;
    std::optional<std::string> text = ReadFile(Display(relative), &error);
    if (!text) {
      if (from.file.empty()) {
        // A file the book must have: the message names it as the place.
        sink->Error(Display(relative), 0, 0, "cannot read the " + what + ": " + error,
                     "a book folder holds book.toml, SUMMARY.md and the lesson files");
      } else {
        sink->Error(from.file, from.line, from.column,
                     what + " '" + Display(relative) + "' cannot be read: " + error);
      }
      return std::nullopt;
    }
    size_t bad = FindInvalidUtf8(*text);
    if (bad != std::string::npos) {
      LineColumn at = LineColumnAt(*text, bad);
      sink->Error(Display(relative), at.line, at.column, "invalid UTF-8",
                   "save the file as UTF-8");
      return std::nullopt;
    }
    // A byte-order mark and Windows line endings are harmless: drop them.
    if (StartsWith(*text, "\xEF\xBB\xBF")) text->erase(0, 3);
    if (text->find('\r') != std::string::npos) {
      std::string unix_text;
      unix_text.reserve(text->size());
      for (size_t i = 0; i < text->size(); ++i) {
        if ((*text)[i] == '\r' && i + 1 < text->size() && (*text)[i + 1] == '\n') continue;
        unix_text += (*text)[i];
      }
      *text = std::move(unix_text);
    }
    return text;
  }

  bool LoadMetadata() {
    std::optional<std::string> text = ReadText("book.toml", {}, "metadata file");
    if (text) ReadMetadata(*text, Display("book.toml"), &book_, sink_);
    return text.has_value();
  }

  // One lesson the manifest lists, loaded on its own: its diagnostics, and
  // those about its manifest entry, wait in `sink` to keep the manifest's order.
  struct ListedLesson {
    std::string file;  // "" for an entry in error
    doc::SourcePos pos;
    int track = 0;
    doc::Lesson lesson;
    DiagnosticSink sink;
  };

  void LoadManifest() {
    std::optional<std::string> text = ReadText("SUMMARY.md", {}, "manifest");
    if (!text) return;
    markdown::Manifest manifest = markdown::ParseManifest(*text, Display("SUMMARY.md"), sink_);
    std::vector<ListedLesson> listed = ListLessons(&manifest);
    // Lessons are independent until their links are resolved: read and
    // convert them on every core.
    ForEachIndexInParallel(listed.size(), CoreCount(), [&](size_t i, size_t) {
      if (!listed[i].file.empty()) LoadLesson(&listed[i]);
    });
    for (ListedLesson& entry : listed) {
      for (const Diagnostic& diagnostic : entry.sink.diagnostics()) sink_->Add(diagnostic);
      if (entry.file.empty()) continue;
      book_.tracks[static_cast<size_t>(entry.track)].lessons.push_back(
          static_cast<int>(book_.lessons.size()));
      entry.lesson.number = static_cast<int>(book_.lessons.size()) + 1;
      book_.lessons.push_back(std::move(entry.lesson));
    }
  }

  // The tracks, and every lesson entry in manifest order; an entry that
  // names no usable file (or one listed already) keeps only its error.
  std::vector<ListedLesson> ListLessons(markdown::Manifest* manifest) {
    std::vector<ListedLesson> listed;
    std::map<std::string, doc::SourcePos> seen;
    for (markdown::ManifestTrack& entry : manifest->tracks) {
      doc::Track track;
      track.title = entry.title;
      track.slug = GitHubSlug(entry.title);
      track.description = entry.description;
      int track_index = static_cast<int>(book_.tracks.size());
      book_.tracks.push_back(std::move(track));
      for (markdown::ManifestEntry& item : entry.lessons) {
        ListedLesson& lesson = listed.emplace_back();
        lesson.pos = item.pos;
        lesson.track = track_index;
        std::optional<std::string> file = LessonFile(item, &lesson.sink);
        if (!file) continue;
        auto [it, inserted] = seen.emplace(*file, item.pos);
        if (!inserted) {
          lesson.sink.Error(item.pos.file, item.pos.line, item.pos.column,
                            "lesson '" + *file + "' is listed twice",
                            "it is first listed at line " + std::to_string(it->second.line));
          continue;
        }
        lesson.file = *file;
      }
    }
    return listed;
  }

  std::optional<std::string> LessonFile(const markdown::ManifestEntry& item,
                                        DiagnosticSink* sink) const {
    auto error = [&](std::string message, std::string hint = {}) {
      sink->Error(item.pos.file, item.pos.line, item.pos.column, std::move(message),
                  std::move(hint));
      return std::nullopt;
    };
    if (item.path.empty()) return error("a manifest entry has an empty link");
    if (item.path[0] == '/' || item.path.find("://") != std::string::npos) {
      return error("lesson path '" + item.path + "' must be relative to the book folder");
    }
    std::optional<std::string> file = NormalizeRelative(item.path);
    if (!file) return error("lesson path '" + item.path + "' leaves the book folder");
    if (!EndsWith(*file, ".md")) {
      return error("lesson path '" + item.path + "' is not a Markdown file (.md)");
    }
    return file;
  }

  // Runs on a worker thread: touches only `listed`, and reads the loader.
  void LoadLesson(ListedLesson* listed) const {
    doc::Lesson& lesson = listed->lesson;
    lesson.track = listed->track;
    lesson.file = listed->file;
    lesson.source_path = Display(listed->file);
    std::string base = BaseName(listed->file);
    lesson.slug = base.substr(0, base.size() - 3);
    std::optional<std::string> text =
        ReadText(listed->file, listed->pos, "lesson file", &listed->sink);
    if (text) {
      FrontMatter front;
      std::string markdown = ReadFrontMatter(*text, lesson.source_path, &front, &listed->sink);
      lesson.summary = front.summary;
      markdown::ConvertLesson(markdown, &lesson, &listed->sink);
    }
  }

  void CheckImages(doc::Lesson* lesson) {
    auto visit = [&](doc::Inline& in) {
      if (in.kind == doc::InlineKind::kImage) CheckImage(*lesson, &in);
    };
    doc::ForEachInline(*lesson, visit);
  }

  void CheckImage(const doc::Lesson& lesson, doc::Inline* image) {
    auto error = [&](std::string message, std::string hint = {}) {
      sink_->Error(image->pos.file, image->pos.line, image->pos.column, std::move(message),
                   std::move(hint));
    };
    if (IsRemote(image->url)) {
      sink_->Warning(image->pos.file, image->pos.line, image->pos.column,
                     "remote image '" + image->url +
                         "' is not fetched; it is shown as its description with a link",
                     "copy the image into the book folder to include it");
      return;
    }
    if (image->url.empty()) return error("image has no path");
    if (image->url[0] == '/') {
      return error("image path '" + image->url + "' is absolute",
                   "use a path relative to the lesson, e.g. '../images/name.png'");
    }
    if (image->url.find(':') != std::string::npos) {
      return error("image '" + image->url + "' is neither a local file nor an http(s) URL");
    }
    std::optional<std::string> path =
        NormalizeRelative(JoinPath(DirName(lesson.file), image->url));
    if (!path) {
      return error("image path '" + image->url + "' leaves the book folder",
                   "keep images inside the book folder, e.g. in 'images/'");
    }
    std::string read_error;
    std::optional<std::string> content = ReadFile(Display(*path), &read_error);
    if (!content) return error("image '" + Display(*path) + "' cannot be read: " + read_error);
    std::string problem = ImageProblem(*path, *content);
    if (!problem.empty()) return error("image '" + Display(*path) + "' " + problem);
    image->url = *path;
    for (const doc::ImageRef& known : book_.images) {
      if (known.path == *path) return;
    }
    book_.images.push_back({*path});
  }

  void CheckFonts() {
    const doc::FontFiles& fonts = book_.fonts;
    for (const std::string* file : {&fonts.regular, &fonts.italic, &fonts.bold,
                                    &fonts.bold_italic, &fonts.mono, &fonts.mono_bold,
                                    &fonts.mono_italic, &fonts.symbols, &fonts.cjk}) {
      std::string path = JoinPath(Display(book_.fonts_dir), *file);
      if (!IsRegularFile(path)) {
        sink_->Error(Display("book.toml"), 0, 0, "font file '" + path + "' does not exist",
                     "set [fonts] dir and the font file names in book.toml");
      }
    }
  }

  void CheckCover() {
    if (book_.cover_svg.empty()) return;
    std::optional<std::string> path = NormalizeRelative(book_.cover_svg);
    if (!path || !EndsWith(*path, ".svg") || !IsRegularFile(Display(*path))) {
      sink_->Error(Display("book.toml"), 0, 0,
                   "cover '" + book_.cover_svg + "' is not an SVG file in the book folder");
      return;
    }
    book_.cover_svg = *path;
  }

  std::string dir_;
  Purpose purpose_;
  DiagnosticSink* sink_;
  doc::Book book_;
};

}  // namespace

std::optional<doc::Book> LoadBook(const std::string& dir, DiagnosticSink* sink,
                                  Purpose purpose) {
  return Loader(dir, purpose, sink).Load();
}

int FindTrack(const doc::Book& book, const std::string& name, DiagnosticSink* sink) {
  std::string wanted = GitHubSlug(name);
  int found = -1;
  std::vector<std::string> slugs;
  for (size_t i = 0; i < book.tracks.size(); ++i) {
    slugs.push_back(book.tracks[i].slug);
    if (!wanted.empty() && book.tracks[i].slug == wanted) return static_cast<int>(i);
  }
  for (size_t i = 0; i < book.tracks.size() && !wanted.empty(); ++i) {
    if (StartsWith(book.tracks[i].slug, wanted)) {
      if (found >= 0) {
        sink->Error("", 0, 0, "track '" + name + "' is ambiguous",
                    "give more of its name: " + book.tracks[found].slug + " or " +
                        book.tracks[i].slug);
        return -1;
      }
      found = static_cast<int>(i);
    }
  }
  if (found < 0 || wanted.empty()) {
    std::string list;
    for (const std::string& slug : slugs) list += (list.empty() ? "" : ", ") + slug;
    sink->Error("", 0, 0, "no track named '" + name + "'", "the tracks are: " + list);
    return -1;
  }
  return found;
}

}  // namespace gobook::book
