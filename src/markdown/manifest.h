// Reads SUMMARY.md, the manifest: the book's tracks in order, each a level-2
// heading, a one-line description, and a list of links to lesson files.
#ifndef GOBOOK_MARKDOWN_MANIFEST_H_
#define GOBOOK_MARKDOWN_MANIFEST_H_

#include <string>
#include <string_view>
#include <vector>

#include "doc/model.h"
#include "util/diagnostics.h"

namespace gobook::markdown {

struct ManifestEntry {
  std::string link_text;
  std::string path;  // as written, relative to the manifest's folder
  doc::SourcePos pos;
};

struct ManifestTrack {
  std::string title;
  std::string description;
  std::vector<ManifestEntry> lessons;
  doc::SourcePos pos;
};

struct Manifest {
  std::string title;  // the optional level-1 heading
  std::vector<ManifestTrack> tracks;
};

// Parses the manifest; reports problems (with `display_path`) to the sink.
Manifest ParseManifest(std::string_view text, const std::string& display_path,
                       DiagnosticSink* sink);

}  // namespace gobook::markdown

#endif  // GOBOOK_MARKDOWN_MANIFEST_H_
