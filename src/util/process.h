// Running another program (the Go toolchain, a compiled example) with its
// output captured, no standard input, and a time limit.
#ifndef GOBOOK_UTIL_PROCESS_H_
#define GOBOOK_UTIL_PROCESS_H_

#include <string>
#include <utility>
#include <vector>

namespace gobook {

struct ProcessOptions {
  std::string working_dir;  // "" for the current folder
  std::vector<std::pair<std::string, std::string>> environment;  // added or replaced
  double timeout_seconds = 0;  // 0: no limit
};

struct ProcessResult {
  bool started = false;    // false: the program could not be run (see error)
  std::string error;
  int exit_status = -1;    // when it exited
  int signal = 0;          // when a signal ended it
  bool timed_out = false;  // killed at the time limit
  std::string out;
  std::string err;
};

// Runs `argv` (argv[0] is looked up on PATH) in its own process group, which is
// killed whole at the time limit so no grandchild outlives it.
ProcessResult RunProcess(const std::vector<std::string>& argv, const ProcessOptions& options);

}  // namespace gobook

#endif  // GOBOOK_UTIL_PROCESS_H_
