// Unit tests for RunProcess: captured output, exit status, no standard input,
// the time limit, the working folder and the environment.
#include "util/process.h"

#include <catch2/catch.hpp>

#include <signal.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "support/temp_dir.h"

namespace gobook {
namespace {

double SecondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

TEST_CASE("RunProcess captures stdout and stderr separately", "[util][process]") {
  ProcessResult result = RunProcess({"sh", "-c", "echo out; echo err >&2; echo more"}, {});
  CHECK(result.started);
  CHECK(result.error.empty());
  CHECK(result.exit_status == 0);
  CHECK(result.signal == 0);
  CHECK_FALSE(result.timed_out);
  CHECK(result.out == "out\nmore\n");
  CHECK(result.err == "err\n");
}

TEST_CASE("RunProcess reports the exit status", "[util][process]") {
  CHECK(RunProcess({"sh", "-c", "exit 3"}, {}).exit_status == 3);
  CHECK(RunProcess({"false"}, {}).exit_status == 1);
  ProcessResult result = RunProcess({"sh", "-c", "echo partial; exit 2"}, {});
  CHECK(result.started);
  CHECK(result.exit_status == 2);
  CHECK(result.out == "partial\n");
}

TEST_CASE("RunProcess reports a signal that ended the program", "[util][process]") {
  ProcessResult result = RunProcess({"sh", "-c", "kill -TERM $$"}, {});
  CHECK(result.started);
  CHECK(result.signal == SIGTERM);
  CHECK(result.exit_status == -1);
  CHECK_FALSE(result.timed_out);
}

TEST_CASE("RunProcess gives the program no standard input", "[util][process]") {
  auto start = std::chrono::steady_clock::now();
  ProcessResult result = RunProcess({"cat"}, {});
  CHECK(SecondsSince(start) < 5);
  CHECK(result.exit_status == 0);
  CHECK(result.out.empty());
  CHECK(result.err.empty());
  CHECK(RunProcess({"sh", "-c", "readlink /proc/self/fd/0"}, {}).out == "/dev/null\n");
}

TEST_CASE("RunProcess kills a program at its time limit", "[util][process]") {
  ProcessOptions options;
  options.timeout_seconds = 0.3;
  auto start = std::chrono::steady_clock::now();
  ProcessResult result = RunProcess({"sleep", "5"}, options);
  double seconds = SecondsSince(start);
  CHECK(result.started);
  CHECK(result.timed_out);
  CHECK(result.signal == SIGKILL);
  CHECK(seconds >= 0.25);
  // Killed, not waited for: well under the program's 5 s, with room for a
  // loaded CI machine (a sanitizer build next to other jobs).
  CHECK(seconds < 4.5);
}

TEST_CASE("RunProcess kills the whole process group at the time limit", "[util][process]") {
  // The background sleep holds the output pipes open: unless it is killed too,
  // RunProcess would wait for it.
  ProcessOptions options;
  options.timeout_seconds = 0.3;
  auto start = std::chrono::steady_clock::now();
  ProcessResult result = RunProcess({"sh", "-c", "sleep 5 & sleep 5; echo late"}, options);
  CHECK(result.timed_out);
  CHECK(result.out.empty());
  CHECK(SecondsSince(start) < 4.5);
}

TEST_CASE("RunProcess without a limit waits for the program", "[util][process]") {
  ProcessResult result = RunProcess({"sh", "-c", "sleep 0.2; echo done"}, {});
  CHECK_FALSE(result.timed_out);
  CHECK(result.out == "done\n");
}

TEST_CASE("RunProcess reports a program it cannot run", "[util][process]") {
  ProcessResult result = RunProcess({"gobook-no-such-program-xyz"}, {});
  CHECK_FALSE(result.started);
  CHECK(result.error == "cannot run 'gobook-no-such-program-xyz': No such file or directory");
  CHECK(result.out.empty());
}

TEST_CASE("RunProcess reports a working folder that does not exist", "[util][process]") {
  ProcessOptions options;
  options.working_dir = "/nonexistent/gobook-folder";
  ProcessResult result = RunProcess({"pwd"}, options);
  CHECK_FALSE(result.started);
  CHECK(result.out.empty());
}

// A program that runs and exits with status 127 (what sh does for a missing
// command) without printing is taken for one that could not be started: the
// status is the only signal RunProcess has of a failed exec.
TEST_CASE("RunProcess tells a program exiting 127 from one not started",
          "[util][process]") {
  ProcessResult result = RunProcess({"sh", "-c", "exit 127"}, {});
  CHECK(result.started);
  CHECK(result.exit_status == 127);
}

TEST_CASE("RunProcess runs in the working folder", "[util][process]") {
  testing::TempDir dir;
  ProcessOptions options;
  options.working_dir = dir.path();
  ProcessResult result = RunProcess({"pwd"}, options);
  CHECK(result.exit_status == 0);
  CHECK(std::filesystem::equivalent(result.out.substr(0, result.out.size() - 1), dir.path()));
  // The folder of the caller is unchanged, and "" means the current folder.
  std::string here = std::filesystem::current_path().string();
  ProcessResult current = RunProcess({"pwd"}, {});
  CHECK(std::filesystem::equivalent(current.out.substr(0, current.out.size() - 1), here));
}

TEST_CASE("RunProcess adds and replaces environment variables", "[util][process]") {
  ProcessOptions options;
  options.environment = {{"GOBOOK_TEST_X", "hello there"}, {"HOME", "/gobook-home"}};
  ProcessResult result =
      RunProcess({"sh", "-c", "echo \"$GOBOOK_TEST_X\"; echo \"$HOME\"; echo \"$PATH\""}, options);
  CHECK(result.exit_status == 0);
  std::string path = std::getenv("PATH") == nullptr ? "" : std::getenv("PATH");
  CHECK(result.out == "hello there\n/gobook-home\n" + path + "\n");
  // The caller's own environment is untouched.
  CHECK(std::getenv("GOBOOK_TEST_X") == nullptr);
  // A replaced variable appears once.
  ProcessResult env = RunProcess({"sh", "-c", "env | grep -c '^HOME='"}, options);
  CHECK(env.out == "1\n");
}

TEST_CASE("RunProcess captures output larger than a pipe's buffer", "[util][process]") {
  ProcessResult result =
      RunProcess({"sh", "-c", "head -c 300000 /dev/zero; head -c 200000 /dev/zero >&2"}, {});
  CHECK(result.exit_status == 0);
  CHECK(result.out.size() == 300000);
  CHECK(result.err.size() == 200000);
}

}  // namespace
}  // namespace gobook
