// The faces the PDF uses and their metrics, for the layout stage. Layout never
// touches libharu: it measures with these metrics, which give exactly the
// advances the PDF writer's embedded fonts declare (integer thousandths of an
// em, as a PDF /W array holds them), so what layout measures is what prints.
#ifndef GOBOOK_PDF_LAYOUT_FONTS_H_
#define GOBOOK_PDF_LAYOUT_FONTS_H_

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gobook::layout {

// The text and code faces, then the fallbacks for characters they lack.
enum class Face : uint8_t {
  kRegular,
  kItalic,
  kBold,
  kBoldItalic,
  kMono,
  kMonoBold,
  kMonoItalic,
  kSymbols,  // fallback for symbols the Go fonts lack (DejaVu Sans: ✓, ⚠, box drawing)
  kCjk,      // fallback for Chinese, Japanese and Korean (Droid Sans Fallback)
};
inline constexpr int kFaceCount = 9;

// Where each face's TrueType file is.
using FontPaths = std::array<std::string, kFaceCount>;

class FontMetrics {
 public:
  virtual ~FontMetrics() = default;
  virtual bool HasGlyph(Face face, char32_t code_point) const = 0;
  // The advance in thousandths of an em (0 for a missing glyph).
  virtual int Advance(Face face, char32_t code_point) const = 0;
  // Ascender and descender (a positive depth) in thousandths of an em.
  virtual int Ascent(Face face) const = 0;
  virtual int Descent(Face face) const = 0;
};

// Every glyph `advance` wide, every face complete: line breaking testable to the
// exact line. Code points listed in `missing` have no glyph in any face.
class FixedMetrics : public FontMetrics {
 public:
  explicit FixedMetrics(int advance = 500, std::u32string missing = {})
      : advance_(advance), missing_(std::move(missing)) {}
  bool HasGlyph(Face, char32_t code_point) const override {
    return missing_.find(code_point) == std::u32string::npos;
  }
  int Advance(Face face, char32_t code_point) const override {
    return HasGlyph(face, code_point) ? advance_ : 0;
  }
  int Ascent(Face) const override { return 800; }
  int Descent(Face) const override { return 200; }

 private:
  int advance_;
  std::u32string missing_;
};

// Metrics read from TrueType files (with HarfBuzz), cached per code point.
class TrueTypeMetrics : public FontMetrics {
 public:
  static std::unique_ptr<TrueTypeMetrics> Load(const FontPaths& paths, std::string* error);
  ~TrueTypeMetrics() override;
  bool HasGlyph(Face face, char32_t code_point) const override;
  int Advance(Face face, char32_t code_point) const override;
  int Ascent(Face face) const override;
  int Descent(Face face) const override;

 private:
  struct FaceData;
  TrueTypeMetrics() = default;
  std::vector<std::unique_ptr<FaceData>> faces_;
};

// A piece of text set in one face: the result of choosing, per character, the
// first face of the chain (the wanted face, then symbols, then CJK) that has it.
struct FaceRun {
  Face face;
  std::string text;  // UTF-8
};

// Splits `text` into runs by face. Characters no face has are reported through
// `missing` (once each, in order) and kept in the wanted face's run.
std::vector<FaceRun> SplitByFace(const FontMetrics& metrics, Face wanted, std::string_view text,
                                 std::u32string* missing = nullptr);

// The width of UTF-8 text in one face, in points at `size`.
double TextWidth(const FontMetrics& metrics, Face face, std::string_view text, double size);

// Decodes one code point; invalid bytes give U+FFFD and advance by one.
char32_t NextCodePoint(std::string_view text, size_t* offset);

}  // namespace gobook::layout

#endif  // GOBOOK_PDF_LAYOUT_FONTS_H_
