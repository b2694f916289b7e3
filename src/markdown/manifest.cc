#include "markdown/manifest.h"

#include "markdown/parser.h"
#include "util/text.h"

namespace gobook::markdown {
namespace {

class ManifestReader {
 public:
  ManifestReader(const std::string& path, DiagnosticSink* sink) : path_(path), sink_(sink) {}

  Manifest Read(cmark_node* document) {
    for (cmark_node* node = cmark_node_first_child(document); node != nullptr;
         node = cmark_node_next(node)) {
      ReadBlock(node);
    }
    if (manifest_.tracks.empty()) {
      sink_->Error(path_, 0, 0, "the manifest lists no tracks",
                   "add a track: a '## Track name' heading, a one-line description, "
                   "and a numbered list of links to lesson files");
    }
    for (const ManifestTrack& track : manifest_.tracks) {
      if (track.lessons.empty()) {
        sink_->Error(track.pos.file, track.pos.line, track.pos.column,
                     "track '" + track.title + "' lists no lessons");
      }
    }
    return std::move(manifest_);
  }

 private:
  doc::SourcePos Pos(cmark_node* node) const {
    return {path_, cmark_node_get_start_line(node), cmark_node_get_start_column(node)};
  }

  void Error(cmark_node* node, std::string message, std::string hint = {}) {
    doc::SourcePos pos = Pos(node);
    sink_->Error(pos.file, pos.line, pos.column, std::move(message), std::move(hint));
  }

  void ReadBlock(cmark_node* node) {
    cmark_node_type type = cmark_node_get_type(node);
    if (type == CMARK_NODE_HEADING) {
      int level = cmark_node_get_heading_level(node);
      if (level == 1 && manifest_.tracks.empty() && manifest_.title.empty()) {
        manifest_.title = PlainText(node);
      } else if (level == 2) {
        manifest_.tracks.push_back({std::string(Trim(PlainText(node))), "", {}, Pos(node)});
      } else {
        Error(node, "unexpected level-" + std::to_string(level) + " heading in the manifest",
              "each track is a level-2 heading ('## Part one')");
      }
      return;
    }
    if (type == CMARK_NODE_HTML_BLOCK) return;  // comments for the author
    if (manifest_.tracks.empty()) {
      Error(node, "the manifest has content before its first track",
            "start each track with a level-2 heading ('## Part one')");
      return;
    }
    ManifestTrack& track = manifest_.tracks.back();
    if (type == CMARK_NODE_PARAGRAPH) {
      if (!track.description.empty() || !track.lessons.empty()) {
        Error(node, "track '" + track.title + "' has more than one description line");
        return;
      }
      track.description = std::string(Trim(PlainText(node)));
      return;
    }
    if (type == CMARK_NODE_LIST) {
      for (cmark_node* item = cmark_node_first_child(node); item != nullptr;
           item = cmark_node_next(item)) {
        ReadItem(item, &track);
      }
      return;
    }
    Error(node, std::string("unexpected '") + cmark_node_get_type_string(node) +
                    "' in the manifest");
  }

  void ReadItem(cmark_node* item, ManifestTrack* track) {
    cmark_node* paragraph = cmark_node_first_child(item);
    cmark_node* link = paragraph == nullptr ? nullptr : cmark_node_first_child(paragraph);
    bool only_link = link != nullptr && cmark_node_get_type(link) == CMARK_NODE_LINK &&
                     cmark_node_next(link) == nullptr &&
                     cmark_node_next(paragraph) == nullptr;
    if (!only_link) {
      Error(item, "a manifest entry must be a single link to a lesson file",
            "write '1. [Lesson title](lessons/01-name.md)'");
      return;
    }
    const char* url = cmark_node_get_url(link);
    track->lessons.push_back({PlainText(link), url == nullptr ? "" : url, Pos(link)});
  }

  std::string path_;
  DiagnosticSink* sink_;
  Manifest manifest_;
};

}  // namespace

Manifest ParseManifest(std::string_view text, const std::string& display_path,
                       DiagnosticSink* sink) {
  NodePtr document = ParseMarkdown(text);
  return ManifestReader(display_path, sink).Read(document.get());
}

}  // namespace gobook::markdown
