#include "pdf/layout/fonts.h"

#include <hb.h>

#include <atomic>
#include <memory>

namespace gobook::layout {

struct TrueTypeMetrics::FaceData {
  hb_blob_t* blob = nullptr;
  hb_face_t* face = nullptr;
  hb_font_t* font = nullptr;
  unsigned int units_per_em = 1000;
  int ascent = 800;
  int descent = 200;
  // The BMP's advances, looked up on first use: 0 not yet, -1 no glyph, else
  // the advance + 1. Atomic, because the book's lessons are laid out on
  // several threads; two threads that race to look one up store the same value.
  std::unique_ptr<std::atomic<int>[]> bmp_advances{new std::atomic<int>[0x10000]()};

  ~FaceData() {
    if (font != nullptr) hb_font_destroy(font);
    if (face != nullptr) hb_face_destroy(face);
    if (blob != nullptr) hb_blob_destroy(blob);
  }

  // Thousandths of an em, truncated the way the PDF writer's /W array is, so
  // layout measures exactly what a viewer will advance.
  int ToThousandths(int units) const {
    return static_cast<int>(static_cast<long>(units) * 1000 / static_cast<long>(units_per_em));
  }

  // The advance in thousandths of an em, or -1 when the face has no glyph.
  int Lookup(char32_t code_point) const {
    if (code_point >= 0x10000) return LookUpInFont(code_point);  // rare: not kept
    std::atomic<int>& slot = bmp_advances[code_point];
    int stored = slot.load(std::memory_order_relaxed);
    if (stored == 0) {
      int advance = LookUpInFont(code_point);
      stored = advance < 0 ? -1 : advance + 1;
      slot.store(stored, std::memory_order_relaxed);
    }
    return stored < 0 ? -1 : stored - 1;
  }

  int LookUpInFont(char32_t code_point) const {
    hb_codepoint_t glyph = 0;
    if (!hb_font_get_nominal_glyph(font, code_point, &glyph) || glyph == 0) return -1;
    return ToThousandths(hb_font_get_glyph_h_advance(font, glyph));
  }
};

std::unique_ptr<TrueTypeMetrics> TrueTypeMetrics::Load(const FontPaths& paths,
                                                       std::string* error) {
  std::unique_ptr<TrueTypeMetrics> metrics(new TrueTypeMetrics());
  for (const std::string& path : paths) {
    auto data = std::make_unique<FaceData>();
    data->blob = hb_blob_create_from_file_or_fail(path.c_str());
    if (data->blob == nullptr) {
      *error = "cannot read font '" + path + "'";
      return nullptr;
    }
    data->face = hb_face_create(data->blob, 0);
    data->units_per_em = hb_face_get_upem(data->face);
    if (hb_face_get_glyph_count(data->face) == 0 || data->units_per_em == 0) {
      *error = "'" + path + "' is not a TrueType font";
      return nullptr;
    }
    data->font = hb_font_create(data->face);
    hb_font_set_scale(data->font, static_cast<int>(data->units_per_em),
                      static_cast<int>(data->units_per_em));
    hb_font_extents_t extents{};
    if (hb_font_get_h_extents(data->font, &extents)) {
      data->ascent = data->ToThousandths(extents.ascender);
      data->descent = data->ToThousandths(-extents.descender);
    }
    metrics->faces_.push_back(std::move(data));
  }
  return metrics;
}

TrueTypeMetrics::~TrueTypeMetrics() = default;

bool TrueTypeMetrics::HasGlyph(Face face, char32_t code_point) const {
  return faces_[static_cast<size_t>(face)]->Lookup(code_point) >= 0;
}

int TrueTypeMetrics::Advance(Face face, char32_t code_point) const {
  int advance = faces_[static_cast<size_t>(face)]->Lookup(code_point);
  return advance < 0 ? 0 : advance;
}

int TrueTypeMetrics::Ascent(Face face) const { return faces_[static_cast<size_t>(face)]->ascent; }

int TrueTypeMetrics::Descent(Face face) const {
  return faces_[static_cast<size_t>(face)]->descent;
}

char32_t NextCodePoint(std::string_view text, size_t* offset) {
  auto byte = [&](size_t i) { return static_cast<unsigned char>(text[i]); };
  size_t i = *offset;
  unsigned char lead = byte(i);
  int length = lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3
                                 : (lead >> 3) == 0x1E ? 4 : 0;
  if (length == 0 || i + static_cast<size_t>(length) > text.size()) {
    *offset = i + 1;
    return 0xFFFD;
  }
  char32_t code_point = length == 1 ? lead : lead & (0x7F >> length);
  for (int k = 1; k < length; ++k) {
    unsigned char next = byte(i + static_cast<size_t>(k));
    if ((next & 0xC0) != 0x80) {
      *offset = i + 1;
      return 0xFFFD;
    }
    code_point = (code_point << 6) | (next & 0x3F);
  }
  *offset = i + static_cast<size_t>(length);
  return code_point;
}

std::vector<FaceRun> SplitByFace(const FontMetrics& metrics, Face wanted, std::string_view text,
                                 std::u32string* missing) {
  std::vector<FaceRun> runs;
  size_t offset = 0;
  while (offset < text.size()) {
    size_t start = offset;
    char32_t code_point = NextCodePoint(text, &offset);
    Face face = wanted;
    if (!metrics.HasGlyph(wanted, code_point)) {
      if (metrics.HasGlyph(Face::kSymbols, code_point)) {
        face = Face::kSymbols;
      } else if (metrics.HasGlyph(Face::kCjk, code_point)) {
        face = Face::kCjk;
      } else if (missing != nullptr && missing->find(code_point) == std::u32string::npos) {
        missing->push_back(code_point);
      }
    }
    if (runs.empty() || runs.back().face != face) runs.push_back({face, ""});
    runs.back().text.append(text.substr(start, offset - start));
  }
  return runs;
}

double TextWidth(const FontMetrics& metrics, Face face, std::string_view text, double size) {
  long thousandths = 0;
  size_t offset = 0;
  while (offset < text.size()) thousandths += metrics.Advance(face, NextCodePoint(text, &offset));
  return static_cast<double>(thousandths) * size / 1000.0;
}

}  // namespace gobook::layout
