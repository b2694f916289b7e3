// Runs independent pieces of work on every core: the gotest runner's program
// checks, and the writers' compression of many buffers.
#ifndef GOBOOK_UTIL_PARALLEL_H_
#define GOBOOK_UTIL_PARALLEL_H_

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <thread>
#include <vector>

namespace gobook {

// The number of threads worth starting: the machine's cores (at least 1).
inline int CoreCount() { return std::max(1, static_cast<int>(std::thread::hardware_concurrency())); }

// How many threads ForEachIndexInParallel starts for `count` pieces of work.
inline size_t ThreadsFor(size_t count, int jobs) {
  return std::max<size_t>(1, std::min(count, static_cast<size_t>(std::max(jobs, 1))));
}

// Calls work(i, thread) once for each i in [0, count), from ThreadsFor(count,
// jobs) threads numbered from 0 (the calling thread is 0), and returns when all
// are done. Indexes are handed out in order, one at a time, so a slow piece
// does not hold up the rest. work must only touch what belongs to its index
// and its thread number, and must not throw.
template <typename Work>
void ForEachIndexInParallel(size_t count, int jobs, Work work) {
  std::atomic<size_t> next{0};
  auto worker = [&](size_t thread) {
    for (size_t i = next++; i < count; i = next++) work(i, thread);
  };
  size_t threads = ThreadsFor(count, jobs);
  std::vector<std::thread> helpers;
  for (size_t t = 1; t < threads; ++t) helpers.emplace_back(worker, t);
  worker(0);
  for (std::thread& helper : helpers) helper.join();
}

}  // namespace gobook

#endif  // GOBOOK_UTIL_PARALLEL_H_
