// Unit tests for file access and the atomic output, on a temporary folder.
#include "util/files.h"

#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>

#include <fstream>
#include <optional>
#include <string>

#include "support/temp_dir.h"

namespace gobook {
namespace {

using testing::TempDir;

TEST_CASE("NormalizeRelative resolves '.' and '..' lexically", "[util][files]") {
  CHECK(NormalizeRelative("lessons/../images/a.png") == std::optional<std::string>("images/a.png"));
  CHECK(NormalizeRelative("a/./b") == std::optional<std::string>("a/b"));
  CHECK(NormalizeRelative("a//b/") == std::optional<std::string>("a/b"));
  CHECK(NormalizeRelative("a/b/../../c") == std::optional<std::string>("c"));
  CHECK(NormalizeRelative("a/..") == std::optional<std::string>(""));
  CHECK(NormalizeRelative("images/a.png") == std::optional<std::string>("images/a.png"));
}

TEST_CASE("NormalizeRelative refuses paths that climb above their start", "[util][files]") {
  CHECK(NormalizeRelative("../x") == std::nullopt);
  CHECK(NormalizeRelative("lessons/../../x.png") == std::nullopt);
  CHECK(NormalizeRelative("a/../..") == std::nullopt);
}

TEST_CASE("JoinPath, DirName and BaseName", "[util][files]") {
  CHECK(JoinPath("book", "lessons/a.md") == "book/lessons/a.md");
  CHECK(JoinPath("book/", "a.md") == "book/a.md");
  CHECK(JoinPath("", "a.md") == "a.md");
  CHECK(JoinPath("book", "") == "book");
  CHECK(JoinPath("book", "/usr/share/fonts") == "/usr/share/fonts");
  CHECK(DirName("lessons/a.md") == "lessons");
  CHECK(DirName("a/b/c") == "a/b");
  CHECK(DirName("a.md") == "");
  CHECK(DirName("/a.md") == "/");
  CHECK(BaseName("lessons/a.md") == "a.md");
  CHECK(BaseName("a.md") == "a.md");
}

TEST_CASE("ReadFile reads bytes and names what went wrong", "[util][files]") {
  TempDir dir;
  dir.Write("a.bin", std::string("x\0y\xFF", 4));
  dir.MakeDir("folder");
  std::string error;
  CHECK(ReadFile(dir.Path("a.bin"), &error) == std::optional<std::string>(std::string("x\0y\xFF", 4)));

  CHECK(ReadFile(dir.Path("missing.md"), &error) == std::nullopt);
  CHECK(error == "no such file");
  CHECK(ReadFile(dir.Path("folder"), &error) == std::nullopt);
  CHECK(error == "is a directory, not a file");

  CHECK(IsRegularFile(dir.Path("a.bin")));
  CHECK_FALSE(IsRegularFile(dir.Path("folder")));
  CHECK(IsDirectory(dir.Path("folder")));
  CHECK_FALSE(IsDirectory(dir.Path("a.bin")));
  CHECK(PathExists(dir.Path("folder")));
  CHECK_FALSE(PathExists(dir.Path("missing.md")));
}

void WriteAll(const std::string& path, const std::string& content) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << content;
}

TEST_CASE("AtomicOutput::Commit replaces the target", "[util][files]") {
  TempDir dir;
  dir.Write("book.epub", "old");
  std::string error;
  std::optional<AtomicOutput> output = AtomicOutput::Open(dir.Path("book.epub"), &error);
  REQUIRE(output);
  CHECK(output->target() == dir.Path("book.epub"));
  // The temporary file is in the target's folder, so the rename cannot cross devices.
  CHECK(DirName(output->temp_path()) == dir.path());
  CHECK(output->temp_path() != output->target());
  WriteAll(output->temp_path(), "new");
  CHECK(dir.Read("book.epub") == "old");  // untouched until the commit
  REQUIRE(output->Commit(&error));
  CHECK(dir.Read("book.epub") == "new");
  CHECK_FALSE(PathExists(output->temp_path()));
}

TEST_CASE("AtomicOutput::Commit creates an absent target", "[util][files]") {
  TempDir dir;
  std::string error;
  std::optional<AtomicOutput> output = AtomicOutput::Open(dir.Path("out.epub"), &error);
  REQUIRE(output);
  WriteAll(output->temp_path(), "content");
  REQUIRE(output->Commit(&error));
  std::string temp = output->temp_path();
  output.reset();  // a committed output leaves the target alone when destroyed
  CHECK(dir.Read("out.epub") == "content");
  CHECK_FALSE(PathExists(temp));
}

TEST_CASE("An uncommitted AtomicOutput removes its temporary file", "[util][files]") {
  TempDir dir;
  dir.Write("book.epub", "earlier good build");
  std::string temp;
  {
    std::string error;
    std::optional<AtomicOutput> output = AtomicOutput::Open(dir.Path("book.epub"), &error);
    REQUIRE(output);
    temp = output->temp_path();
    WriteAll(temp, "half-written");
    REQUIRE(PathExists(temp));
  }
  CHECK_FALSE(PathExists(temp));
  CHECK(dir.Read("book.epub") == "earlier good build");
}

TEST_CASE("A moved AtomicOutput is cleaned up once, by its new owner", "[util][files]") {
  TempDir dir;
  std::string error;
  std::optional<AtomicOutput> first = AtomicOutput::Open(dir.Path("a.epub"), &error);
  REQUIRE(first);
  WriteAll(first->temp_path(), "x");
  std::string temp = first->temp_path();
  {
    AtomicOutput second(std::move(*first));
    first.reset();  // the moved-from object must not remove the file
    CHECK(PathExists(temp));
  }
  CHECK_FALSE(PathExists(temp));
  CHECK_FALSE(PathExists(dir.Path("a.epub")));
}

TEST_CASE("AtomicOutput refuses a target that is a directory", "[util][files]") {
  TempDir dir;
  dir.MakeDir("out");
  std::string error;
  CHECK_FALSE(AtomicOutput::Open(dir.Path("out"), &error));
  CHECK(error == "cannot write '" + dir.Path("out") + "': it exists and is not a regular file");
}

TEST_CASE("AtomicOutput refuses a FIFO and a device, and leaves them in place", "[util][files]") {
  TempDir dir;
  REQUIRE(mkfifo(dir.Path("fifo").c_str(), 0644) == 0);
  // A link to /dev/null is a character device once followed; no mknod needed.
  REQUIRE(symlink("/dev/null", dir.Path("null").c_str()) == 0);
  for (const char* name : {"fifo", "null"}) {
    std::string error;
    CHECK_FALSE(AtomicOutput::Open(dir.Path(name), &error));
    CHECK(error == "cannot write '" + dir.Path(name) + "': it exists and is not a regular file");
  }
  struct stat info {};
  REQUIRE(lstat(dir.Path("fifo").c_str(), &info) == 0);
  CHECK(S_ISFIFO(info.st_mode));
  REQUIRE(lstat(dir.Path("null").c_str(), &info) == 0);
  CHECK(S_ISLNK(info.st_mode));
}

TEST_CASE("AtomicOutput refuses a link to nothing", "[util][files]") {
  TempDir dir;
  REQUIRE(symlink("missing.epub", dir.Path("book.epub").c_str()) == 0);
  std::string error;
  CHECK_FALSE(AtomicOutput::Open(dir.Path("book.epub"), &error));
  CHECK(error == "cannot write '" + dir.Path("book.epub") + "': it exists and is not a regular file");
}

TEST_CASE("AtomicOutput writes through a link and keeps it", "[util][files]") {
  TempDir dir;
  dir.Write("real/book.epub", "old");
  REQUIRE(symlink("real/book.epub", dir.Path("book.epub").c_str()) == 0);
  std::string error;
  std::optional<AtomicOutput> output = AtomicOutput::Open(dir.Path("book.epub"), &error);
  REQUIRE(output);
  CHECK(output->target() == dir.Path("book.epub"));  // messages name what was given
  CHECK(DirName(output->temp_path()) == dir.Path("real"));
  REQUIRE(output->Write("new", &error));
  REQUIRE(output->Commit(&error));
  struct stat info {};
  REQUIRE(lstat(dir.Path("book.epub").c_str(), &info) == 0);
  CHECK(S_ISLNK(info.st_mode));
  CHECK(dir.Read("real/book.epub") == "new");
}

TEST_CASE("AtomicOutput::Write writes the bytes and Commit publishes them", "[util][files]") {
  TempDir dir;
  dir.Write("book.epub", "old");
  std::string error;
  std::optional<AtomicOutput> output = AtomicOutput::Open(dir.Path("book.epub"), &error);
  REQUIRE(output);
  std::string bytes(100000, 'x');
  bytes += std::string("\0end", 4);
  REQUIRE(output->Write(bytes, &error));
  CHECK(dir.Read("book.epub") == "old");
  REQUIRE(output->Commit(&error));
  CHECK(dir.Read("book.epub") == bytes);
}

TEST_CASE("AtomicOutput::Write reports the file size limit and cleans up", "[util][files]") {
  TempDir dir;
  dir.Write("book.epub", "earlier good build");
  std::string error;
  std::string temp;
  {
    std::optional<AtomicOutput> output = AtomicOutput::Open(dir.Path("book.epub"), &error);
    REQUIRE(output);
    temp = output->temp_path();
    rlimit saved{};
    REQUIRE(getrlimit(RLIMIT_FSIZE, &saved) == 0);
    rlimit small = saved;
    small.rlim_cur = 1000;
    REQUIRE(setrlimit(RLIMIT_FSIZE, &small) == 0);
    // Open ignores SIGXFSZ, so this fails with EFBIG instead of killing the tests.
    bool written = output->Write(std::string(5000, 'x'), &error);
    REQUIRE(setrlimit(RLIMIT_FSIZE, &saved) == 0);
    CHECK_FALSE(written);
    CHECK(error == "cannot write '" + dir.Path("book.epub") + "': File too large");
  }
  CHECK_FALSE(PathExists(temp));
  CHECK(dir.Read("book.epub") == "earlier good build");
}

TEST_CASE("AtomicOutput::Commit refuses a target replaced by a FIFO meanwhile", "[util][files]") {
  TempDir dir;
  std::string error;
  std::optional<AtomicOutput> output = AtomicOutput::Open(dir.Path("book.epub"), &error);
  REQUIRE(output);
  REQUIRE(output->Write("new", &error));
  REQUIRE(mkfifo(dir.Path("book.epub").c_str(), 0644) == 0);
  CHECK_FALSE(output->Commit(&error));
  CHECK(error == "cannot write '" + dir.Path("book.epub") + "': it exists and is not a regular file");
  struct stat info {};
  REQUIRE(lstat(dir.Path("book.epub").c_str(), &info) == 0);
  CHECK(S_ISFIFO(info.st_mode));
}

TEST_CASE("AtomicOutput refuses a target in a missing folder", "[util][files]") {
  TempDir dir;
  std::string error;
  CHECK_FALSE(AtomicOutput::Open(dir.Path("nope/book.epub"), &error));
  CHECK(error == "cannot write '" + dir.Path("nope/book.epub") + "': folder '" +
                     dir.Path("nope") + "' does not exist");
}

TEST_CASE("AtomicOutput::Commit reports a failed rename", "[util][files]") {
  TempDir dir;
  std::string error;
  std::optional<AtomicOutput> output = AtomicOutput::Open(dir.Path("a.epub"), &error);
  REQUIRE(output);
  // Nothing was written to the temporary file, so there is nothing to rename.
  CHECK_FALSE(output->Commit(&error));
  CHECK(error == "cannot write '" + dir.Path("a.epub") + "': No such file or directory");
  CHECK_FALSE(PathExists(dir.Path("a.epub")));
}

}  // namespace
}  // namespace gobook
