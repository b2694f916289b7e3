#include "pdf/page_content.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <optional>
#include <variant>

#include "pdf/layout/fonts.h"
#include "util/text.h"

namespace gobook::pdf {
namespace {

using layout::ActualTextBegin;
using layout::ActualTextEnd;
using layout::Color;
using layout::FilledRect;
using layout::GlyphRun;
using layout::ImageBox;
using layout::LinkArea;
using layout::StrokedLine;

// Numbers to 1/1000 of a point (or of a colour component), trailing zeros
// dropped: 110.528, 0.5, 12.
void AppendNumber(double value, std::string* out) {
  long long milli = std::llround(value * 1000);
  if (milli < 0) {
    *out += '-';
    milli = -milli;
  }
  char digits[24];
  auto end = std::to_chars(digits, digits + sizeof digits, milli / 1000).ptr;
  out->append(digits, end);
  int fraction = static_cast<int>(milli % 1000);
  if (fraction == 0) return;
  char decimals[4] = {'.', static_cast<char>('0' + fraction / 100),
                      static_cast<char>('0' + fraction / 10 % 10),
                      static_cast<char>('0' + fraction % 10)};
  size_t length = 4;
  while (decimals[length - 1] == '0') --length;
  out->append(decimals, length);
}

// Operands separated by spaces, then the operator and a newline.
template <typename... Numbers>
void AppendOperation(std::string* out, const char* op, Numbers... operands) {
  ((AppendNumber(operands, out), *out += ' '), ...);
  *out += op;
  *out += '\n';
}

void AppendHex4(unsigned value, std::string* out) {
  static const char kDigits[] = "0123456789ABCDEF";
  for (int shift = 12; shift >= 0; shift -= 4) *out += kDigits[(value >> shift) & 0xF];
}

class ContentWriter {
 public:
  ContentWriter(double page_height, const PageResources& resources)
      : page_height_(page_height), resources_(resources) {}

  std::string Write(const layout::Page& page) {
    for (const layout::PageItem& item : page.items) {
      std::visit([this](const auto& value) { Draw(value); }, item);
    }
    while (open_spans_ > 0) Draw(ActualTextEnd{});
    return std::move(out_);
  }

 private:
  double FlipY(double y) const { return page_height_ - y; }

  void SetFill(const Color& color) {
    if (fill_ == color) return;
    fill_ = color;
    AppendOperation(&out_, "rg", color.r / 255.0, color.g / 255.0, color.b / 255.0);
  }

  // One text object per run, at its absolute position, as libharu wrote them:
  // poppler (pdftotext, and readers built on it) joins a word hyphenated at a
  // line end only across text objects, not within one.
  void Draw(const GlyphRun& run) {
    if (run.text.empty()) return;
    SetFill(run.color);
    out_ += "BT\n";
    const std::string& font = resources_.fonts[static_cast<size_t>(run.face)];
    if (font != font_ || run.size != font_size_) {  // Tf outlives the text object
      font_ = font;
      font_size_ = run.size;
      out_ += '/' + font + ' ';
      AppendOperation(&out_, "Tf", run.size);
    }
    AppendOperation(&out_, "Td", run.x, FlipY(run.baseline));
    out_ += '<';
    std::string_view text = run.text;
    for (size_t at = 0; at < text.size();) {
      AppendHex4(static_cast<unsigned>(BmpCodePoint(layout::NextCodePoint(text, &at))), &out_);
    }
    out_ += "> Tj\nET\n";
  }

  void Draw(const FilledRect& rect) {
    SetFill(rect.color);
    AppendOperation(&out_, "re", rect.x, FlipY(rect.y + rect.height), rect.width, rect.height);
    out_ += "f\n";
  }

  void Draw(const StrokedLine& line) {
    if (stroke_ != line.color) {
      stroke_ = line.color;
      AppendOperation(&out_, "RG", line.color.r / 255.0, line.color.g / 255.0,
                      line.color.b / 255.0);
    }
    if (line_width_ != line.width) {
      line_width_ = line.width;
      AppendOperation(&out_, "w", line.width);
    }
    if (dashed_ != line.dashed) {
      dashed_ = line.dashed;
      // 3 points on, 2 off: visibly dashed at rule widths of 0.5-1 point.
      out_ += line.dashed ? "[3 2] 0 d\n" : "[] 0 d\n";
    }
    AppendOperation(&out_, "m", line.x1, FlipY(line.y1));
    AppendOperation(&out_, "l", line.x2, FlipY(line.y2));
    out_ += "S\n";
  }

  void Draw(const ImageBox& box) {
    const std::string& name = resources_.images.at(next_image_++);
    out_ += "q\n";
    AppendOperation(&out_, "cm", box.width, 0.0, 0.0, box.height, box.x,
                    FlipY(box.y + box.height));
    out_ += '/' + name + " Do\nQ\n";
  }

  void Draw(const LinkArea&) {}

  // The runs up to the matching end are one piece of text for copying.
  void Draw(const ActualTextBegin& begin) {
    ++open_spans_;
    out_ += "/Span <</ActualText " + Utf16Hex(begin.text) + ">> BDC\n";
  }

  void Draw(const ActualTextEnd&) {
    if (open_spans_ == 0) return;  // nothing open: nothing to close
    --open_spans_;
    out_ += "EMC\n";
  }

  double page_height_;
  const PageResources& resources_;
  std::string out_;
  // The graphics state last written: unchanged values are not written again.
  std::optional<Color> fill_, stroke_;
  std::optional<double> line_width_;
  std::optional<bool> dashed_;
  std::string font_;
  double font_size_ = 0;
  size_t next_image_ = 0;
  int open_spans_ = 0;
};

}  // namespace

char32_t BmpCodePoint(char32_t c) {
  if (c > 0xFFFF || (c >= 0xD800 && c <= 0xDFFF)) return 0xFFFD;
  if (c < 0x20 || (c >= 0x7F && c < 0xA0)) return ' ';
  return c;
}

std::string PageContent(const layout::Page& page, double page_height,
                        const PageResources& resources) {
  return ContentWriter(page_height, resources).Write(page);
}

std::string ForHaru(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t at = 0; at < text.size();) {
    AppendUtf8(out, BmpCodePoint(layout::NextCodePoint(text, &at)));
  }
  return out;
}

std::string Utf16Hex(std::string_view text) {
  std::string out = "<FEFF";
  for (size_t at = 0; at < text.size();) {
    char32_t c = layout::NextCodePoint(text, &at);
    if (c >= 0x10000 && c <= 0x10FFFF) {
      c -= 0x10000;
      AppendHex4(0xD800 + (c >> 10), &out);
      AppendHex4(0xDC00 + (c & 0x3FF), &out);
    } else {
      AppendHex4(c >= 0xD800 && c <= 0xDFFF ? 0xFFFD : static_cast<unsigned>(c), &out);
    }
  }
  return out + ">";
}

}  // namespace gobook::pdf
