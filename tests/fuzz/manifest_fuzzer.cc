// Fuzzes SUMMARY.md through the manifest parser. Every entry it returns must
// carry a position inside the file, since diagnostics about the entry point there.
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "markdown/manifest.h"

namespace {

void CheckPosition(const gobook::doc::SourcePos& pos, int lines) {
  if (pos.line >= 1 && pos.line <= lines && pos.column >= 1) return;
  std::fprintf(stderr, "manifest: position %d:%d outside a file of %d lines\n", pos.line,
               pos.column, lines);
  std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  gobook::DiagnosticSink sink;
  gobook::markdown::Manifest manifest = gobook::markdown::ParseManifest(text, "SUMMARY.md", &sink);
  // Lines end as cmark ends them: "\n", "\r\n" or a lone "\r".
  int lines = 1;
  for (size_t i = 0; i < text.size(); ++i) {
    bool lone_return = text[i] == '\r' && (i + 1 == text.size() || text[i + 1] != '\n');
    lines += text[i] == '\n' || lone_return;
  }
  for (const gobook::markdown::ManifestTrack& track : manifest.tracks) {
    CheckPosition(track.pos, lines);
    for (const gobook::markdown::ManifestEntry& entry : track.lessons) {
      CheckPosition(entry.pos, lines);
    }
  }
  return 0;
}
