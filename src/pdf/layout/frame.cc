#include "pdf/layout/frame.h"

namespace gobook::layout {

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
