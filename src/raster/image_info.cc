#include <cstdint>

#include "raster/raster.h"
#include "util/deflate.h"

namespace gobook::raster {
namespace {

uint32_t BigEndian(std::string_view bytes, size_t at, int length) {
  uint32_t value = 0;
  for (int i = 0; i < length; ++i) {
    value = (value << 8) | static_cast<uint8_t>(bytes[at + static_cast<size_t>(i)]);
  }
  return value;
}

std::optional<Size> JpegSize(std::string_view bytes) {
  size_t at = 2;
  while (at + 9 < bytes.size()) {
    if (static_cast<uint8_t>(bytes[at]) != 0xFF) return std::nullopt;
    uint8_t marker = static_cast<uint8_t>(bytes[at + 1]);
    if (marker == 0xFF) {  // fill byte
      ++at;
      continue;
    }
    uint32_t length = BigEndian(bytes, at + 2, 2);
    // SOF0..SOF15 carry the frame size, except DHT (C4), JPG (C8) and DAC (CC).
    bool frame = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 &&
                 marker != 0xCC;
    if (frame) {
      return Size{static_cast<int>(BigEndian(bytes, at + 7, 2)),
                  static_cast<int>(BigEndian(bytes, at + 5, 2))};
    }
    at += 2 + length;
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::vector<PngChunk>> ReadPngChunks(std::string_view png) {
  static const char kSignature[] = "\x89PNG\r\n\x1a\n";
  if (png.size() < 8 || png.substr(0, 8) != std::string_view(kSignature, 8)) return std::nullopt;
  std::vector<PngChunk> chunks;
  for (size_t at = 8; png.size() - at >= 12;) {
    uint32_t length = BigEndian(png, at, 4);
    if (length > png.size() - at - 12) return std::nullopt;
    PngChunk chunk{png.substr(at + 4, 4), png.substr(at + 8, length)};
    if (chunks.empty() && chunk.type != "IHDR") return std::nullopt;
    // The CRC covers the type and the data.
    if (Crc32(png.substr(at + 4, length + 4)) != BigEndian(png, at + 8 + length, 4)) {
      return std::nullopt;
    }
    at += 12 + length;
    chunks.push_back(chunk);
    if (chunk.type == "IEND") {
      if (at != png.size()) return std::nullopt;
      return chunks;
    }
  }
  return std::nullopt;
}

bool IsWholePng(std::string_view png) { return ReadPngChunks(png).has_value(); }

std::optional<Size> RasterSize(std::string_view bytes) {
  if (bytes.size() >= 24 && bytes.substr(1, 3) == "PNG") {
    return Size{static_cast<int>(BigEndian(bytes, 16, 4)),
                static_cast<int>(BigEndian(bytes, 20, 4))};
  }
  if (bytes.size() >= 4 && static_cast<uint8_t>(bytes[0]) == 0xFF &&
      static_cast<uint8_t>(bytes[1]) == 0xD8) {
    return JpegSize(bytes);
  }
  return std::nullopt;
}

}  // namespace gobook::raster
