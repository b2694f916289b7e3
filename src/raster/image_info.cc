#include <cstdint>

#include "raster/raster.h"

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
