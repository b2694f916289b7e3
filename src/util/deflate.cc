#include "util/deflate.h"

#include <libdeflate.h>

#include <memory>
#include <new>

#include "util/parallel.h"

namespace gobook {
namespace {

struct CompressorDeleter {
  void operator()(libdeflate_compressor* compressor) const {
    libdeflate_free_compressor(compressor);
  }
};
using Compressor = std::unique_ptr<libdeflate_compressor, CompressorDeleter>;

// Below this many bytes in all, starting a thread costs more than it saves.
constexpr size_t kParallelThreshold = 64 * 1024;

std::string Compress(libdeflate_compressor* compressor, std::string_view input,
                     DeflateFormat format) {
  bool zlib = format == DeflateFormat::kZlib;
  size_t bound = zlib ? libdeflate_zlib_compress_bound(compressor, input.size())
                      : libdeflate_deflate_compress_bound(compressor, input.size());
  std::string out(bound, '\0');
  // The bound is always enough, so 0 (no room) cannot happen.
  size_t size = zlib ? libdeflate_zlib_compress(compressor, input.data(), input.size(),
                                                out.data(), out.size())
                     : libdeflate_deflate_compress(compressor, input.data(), input.size(),
                                                   out.data(), out.size());
  out.resize(size);
  return out;
}

}  // namespace

std::vector<std::string> DeflateAll(const std::vector<std::string_view>& inputs,
                                    DeflateFormat format, int level) {
  std::vector<std::string> outputs(inputs.size());
  size_t total = 0;
  for (std::string_view input : inputs) total += input.size();
  int jobs = total < kParallelThreshold ? 1 : CoreCount();
  // One compressor per thread: each holds about half a megabyte of state.
  std::vector<Compressor> compressors(ThreadsFor(inputs.size(), jobs));
  for (Compressor& compressor : compressors) {
    compressor.reset(libdeflate_alloc_compressor(level));
    if (!compressor) throw std::bad_alloc();
  }
  ForEachIndexInParallel(inputs.size(), jobs, [&](size_t i, size_t thread) {
    outputs[i] = Compress(compressors[thread].get(), inputs[i], format);
  });
  return outputs;
}

uint32_t Crc32(std::string_view data) {
  return libdeflate_crc32(0, data.data(), data.size());
}

}  // namespace gobook
