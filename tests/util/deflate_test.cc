// Tests of DeflateAll and Crc32: every output inflates back to its input, in
// both formats, whether the inputs were compressed on one thread or several.
#include "util/deflate.h"

#include <catch2/catch.hpp>
#include <zlib.h>

#include <string>
#include <string_view>
#include <vector>

namespace gobook {
namespace {

// Inflates with zlib, which knows nothing of libdeflate: raw deflate when
// window_bits is negative, zlib's format when it is positive.
std::string Inflate(const std::string& compressed, size_t size, int window_bits) {
  z_stream stream{};
  REQUIRE(inflateInit2(&stream, window_bits) == Z_OK);
  std::string out(size + 1, '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(compressed.data()));
  stream.avail_in = static_cast<uInt>(compressed.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  int status = inflate(&stream, Z_FINISH);
  out.resize(stream.total_out);
  inflateEnd(&stream);
  CHECK(status == Z_STREAM_END);
  return out;
}

std::vector<std::string> Texts(size_t count, size_t size) {
  std::vector<std::string> texts;
  for (size_t i = 0; i < count; ++i) {
    std::string text;
    while (text.size() < size) text += "line " + std::to_string(text.size() * (i + 1)) + " of text\n";
    texts.push_back(text);
  }
  return texts;
}

void CheckRoundTrip(const std::vector<std::string>& texts, DeflateFormat format) {
  std::vector<std::string_view> inputs(texts.begin(), texts.end());
  std::vector<std::string> outputs = DeflateAll(inputs, format);
  REQUIRE(outputs.size() == texts.size());
  int window_bits = format == DeflateFormat::kRaw ? -15 : 15;
  for (size_t i = 0; i < texts.size(); ++i) {
    CHECK(outputs[i].size() < texts[i].size() / 2 + 16);
    CHECK(Inflate(outputs[i], texts[i].size(), window_bits) == texts[i]);
  }
}

TEST_CASE("a few small buffers are compressed on one thread and inflate back") {
  std::vector<std::string> texts = Texts(3, 500);
  texts.push_back("");  // an empty entry is still a valid stream
  std::vector<std::string_view> inputs(texts.begin(), texts.end());
  for (DeflateFormat format : {DeflateFormat::kRaw, DeflateFormat::kZlib}) {
    std::vector<std::string> outputs = DeflateAll(inputs, format);
    REQUIRE(outputs.size() == 4);
    int window_bits = format == DeflateFormat::kRaw ? -15 : 15;
    for (size_t i = 0; i < texts.size(); ++i) {
      CHECK(Inflate(outputs[i], texts[i].size(), window_bits) == texts[i]);
    }
  }
}

TEST_CASE("many large buffers, shared between threads, each inflate back to their own input") {
  std::vector<std::string> texts = Texts(40, 20000);  // 800 KB: past the threshold
  CheckRoundTrip(texts, DeflateFormat::kRaw);
  CheckRoundTrip(texts, DeflateFormat::kZlib);
}

TEST_CASE("the same inputs give the same bytes every time") {
  std::vector<std::string> texts = Texts(40, 20000);
  std::vector<std::string_view> inputs(texts.begin(), texts.end());
  CHECK(DeflateAll(inputs, DeflateFormat::kZlib) == DeflateAll(inputs, DeflateFormat::kZlib));
}

TEST_CASE("no inputs give no outputs") {
  CHECK(DeflateAll({}, DeflateFormat::kRaw).empty());
}

TEST_CASE("Crc32 agrees with zlib's") {
  std::string text = Texts(1, 5000)[0];
  CHECK(Crc32(text) == crc32(0, reinterpret_cast<const Bytef*>(text.data()),
                             static_cast<uInt>(text.size())));
  CHECK(Crc32("") == 0);
}

}  // namespace
}  // namespace gobook
