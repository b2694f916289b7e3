#include "pdf/layout/frame.h"

#include <cstdio>

namespace gobook::layout {
namespace {

const char* FaceName(Face face) {
  static const char* kNames[kFaceCount] = {"regular", "italic", "bold", "bold-italic", "mono",
                                           "mono-bold", "mono-italic", "symbols", "cjk"};
  return kNames[static_cast<size_t>(face)];
}

std::string Format(const char* pattern, double a, double b, double c, double d) {
  char text[128];
  std::snprintf(text, sizeof text, pattern, a, b, c, d);
  return text;
}

struct Dumper {
  std::string out;
  void operator()(const GlyphRun& run) {
    out += Format("run %.2f %.2f", run.x, run.baseline, 0, 0) + " " + FaceName(run.face) +
           Format(" %g", run.size, 0, 0, 0) + " \"" + run.text + "\"\n";
  }
  void operator()(const FilledRect& rect) {
    out += Format("rect %.2f %.2f %.2f %.2f\n", rect.x, rect.y, rect.width, rect.height);
  }
  void operator()(const StrokedLine& line) {
    out += Format("line %.2f %.2f %.2f %.2f\n", line.x1, line.y1, line.x2, line.y2);
  }
  void operator()(const ImageBox& image) {
    out += Format("image %.2f %.2f %.2f %.2f", image.x, image.y, image.width, image.height) +
           " " + (image.source.empty() ? "(rendered)" : image.source) + "\n";
  }
  void operator()(const LinkArea& link) {
    out += Format("link %.2f %.2f %.2f %.2f", link.x, link.y, link.width, link.height) + " " +
           (link.destination.empty() ? link.uri : "#" + link.destination) + "\n";
  }
  void operator()(const ActualTextBegin& begin) { out += "actual-text \"" + begin.text + "\"\n"; }
  void operator()(const ActualTextEnd&) { out += "end-actual-text\n"; }
};

}  // namespace

std::string DumpPage(const Page& page) {
  Dumper dumper;
  dumper.out = "page " + page.label + "\n";
  for (const PageItem& item : page.items) std::visit(dumper, item);
  return dumper.out;
}

std::vector<GlyphRun> SetLine(const FontMetrics& metrics, Face face, std::string_view text,
                              double size, Color color, double x, double baseline) {
  std::vector<GlyphRun> runs;
  for (FaceRun& run : SplitByFace(metrics, face, text)) {
    double advance = TextWidth(metrics, run.face, run.text, size);
    runs.push_back(GlyphRun{x, baseline, run.face, size, color, std::move(run.text)});
    x += advance;
  }
  return runs;
}

double LineWidth(const FontMetrics& metrics, Face face, std::string_view text, double size) {
  double width = 0;
  for (const FaceRun& run : SplitByFace(metrics, face, text)) {
    width += TextWidth(metrics, run.face, run.text, size);
  }
  return width;
}

}  // namespace gobook::layout
