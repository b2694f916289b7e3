#include "fonts/subset.h"

#include <hb-subset.h>
#include <hb.h>

#include <memory>

#include "util/text.h"

namespace gobook::fonts {
namespace {

struct BlobDeleter {
  void operator()(hb_blob_t* blob) const { hb_blob_destroy(blob); }
};
struct FaceDeleter {
  void operator()(hb_face_t* face) const { hb_face_destroy(face); }
};
struct InputDeleter {
  void operator()(hb_subset_input_t* input) const { hb_subset_input_destroy(input); }
};
using Blob = std::unique_ptr<hb_blob_t, BlobDeleter>;
using Face = std::unique_ptr<hb_face_t, FaceDeleter>;
using Input = std::unique_ptr<hb_subset_input_t, InputDeleter>;

}  // namespace

void CharacterSet::AddPrintableAscii() {
  for (char32_t c = 0x20; c < 0x7F; ++c) Add(c);
}

void CharacterSet::Add(char32_t c) {
  if (c >= seen_.size() || seen_[c]) return;
  seen_[c] = true;
  if (c < ascii_seen_.size()) ascii_seen_[c] = true;
  code_points_.push_back(c);
}

void CharacterSet::AddAll(const CharacterSet& other) {
  for (char32_t c : other.code_points_) Add(c);
}

void CharacterSet::AddText(std::string_view utf8) {
  for (size_t i = 0; i < utf8.size();) {
    auto byte = static_cast<unsigned char>(utf8[i]);
    if (byte < 0x80) {
      ++i;
      if (byte != 0 && !ascii_seen_[byte]) Add(byte);
      continue;
    }
    int32_t c = DecodeUtf8(utf8, &i);
    if (c > 0) Add(static_cast<char32_t>(c));
  }
}

std::optional<std::string> SubsetFont(std::string_view font, const CharacterSet& characters,
                                      std::string* error) {
  Blob blob(hb_blob_create_or_fail(font.data(), static_cast<unsigned>(font.size()),
                                   HB_MEMORY_MODE_READONLY, nullptr, nullptr));
  Face face(blob ? hb_face_create(blob.get(), 0) : nullptr);
  Input input(hb_subset_input_create_or_fail());
  if (!face || hb_face_get_glyph_count(face.get()) == 0 || !input) {
    *error = "not a font HarfBuzz can read";
    return std::nullopt;
  }
  hb_set_t* unicodes = hb_subset_input_unicode_set(input.get());
  for (char32_t c : characters.code_points()) hb_set_add(unicodes, c);
  Face subset(hb_subset_or_fail(face.get(), input.get()));
  if (!subset) {
    *error = "HarfBuzz cannot subset it";
    return std::nullopt;
  }
  Blob bytes(hb_face_reference_blob(subset.get()));
  unsigned size = 0;
  const char* data = hb_blob_get_data(bytes.get(), &size);
  return std::string(data, size);
}

}  // namespace gobook::fonts
