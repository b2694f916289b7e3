#include "gotest/checks.h"

#include <sstream>

#include "highlight/go_lexer.h"
#include "util/text.h"

namespace gobook::gotest {
namespace {

std::vector<std::string> Words(const std::string& text) {
  std::vector<std::string> words;
  std::istringstream in(text);
  for (std::string word; in >> word;) words.push_back(word);
  return words;
}

std::vector<std::string> SplitCommas(const std::string& text) {
  std::vector<std::string> parts;
  std::istringstream in(text);
  for (std::string part; std::getline(in, part, ',');) {
    if (!part.empty()) parts.push_back(part);
  }
  return parts;
}

// Programs that start goroutines or import sync also run under the race
// detector. Read from tokens, so "go" or "sync" in a string or comment is not one.
bool UsesConcurrency(const std::string& code) {
  bool in_import = false;        // after the import keyword
  bool in_import_block = false;  // inside import ( ... )
  for (const highlight::Token& token : highlight::TokenizeGo(code)) {
    if (token.kind == highlight::TokenKind::kKeyword) {
      if (token.text == "go") return true;
      in_import = token.text == "import";
      continue;
    }
    if (token.kind == highlight::TokenKind::kString && (in_import || in_import_block)) {
      if (token.text == "\"sync\"" || token.text == "\"sync/atomic\"") return true;
      in_import = false;
      continue;
    }
    if (token.kind == highlight::TokenKind::kPlain) {
      if (in_import && token.text.find('(') != std::string::npos) in_import_block = true;
      if (in_import_block && token.text.find(')') != std::string::npos) in_import_block = false;
    }
  }
  return false;
}

void FlattenCodeBlocks(const doc::Blocks& blocks, std::vector<const doc::Block*>* out) {
  for (const doc::Block& block : blocks) {
    if (block.kind == doc::BlockKind::kCodeBlock) out->push_back(&block);
    FlattenCodeBlocks(block.children, out);
    for (const doc::Blocks& item : block.items) FlattenCodeBlocks(item, out);
  }
}

class Collector {
 public:
  Collector(const doc::Book& book, DiagnosticSink* sink) : book_(book), sink_(sink) {}

  std::vector<Check> Run() {
    for (size_t i = 0; i < book_.lessons.size(); ++i) CollectLesson(static_cast<int>(i));
    return std::move(checks_);
  }

 private:
  void Error(const doc::SourcePos& pos, std::string message, std::string hint = {}) {
    sink_->Error(pos.file, pos.line, pos.column, std::move(message), std::move(hint));
  }

  void CollectLesson(int lesson_index) {
    std::vector<const doc::Block*> blocks;
    FlattenCodeBlocks(book_.lessons[static_cast<size_t>(lesson_index)].blocks, &blocks);
    int number = 0;
    Check* previous = nullptr;       // the check an output block would belong to
    bool package_open = false;       // the previous code block was a file= block
    for (const doc::Block* block : blocks) {
      bool was_open = package_open;
      package_open = false;
      if (block->code_role == doc::CodeRole::kOutput) {
        // `previous` stays: a second output block after it is its error.
        AttachOutput(*block, previous);
        continue;
      }
      previous = nullptr;
      if (block->code_role != doc::CodeRole::kProgram &&
          block->code_role != doc::CodeRole::kFragment) {
        continue;
      }
      std::optional<Check> check = ParseInfo(*block);
      if (!check) continue;
      if (check->expect == Expect::kParse && check->files.empty()) continue;  // newer Go
      check->lesson = lesson_index;
      bool is_file = check->expect == Expect::kTestsPass;
      if (is_file && was_open) {
        // One more file of the package the blocks just before started.
        Check& package = checks_.back();
        package.files.push_back(check->files.front());
        package.needs_race_run = package.needs_race_run || check->needs_race_run;
        if (package.test_flags.empty()) package.test_flags = check->test_flags;
      } else {
        check->number = ++number;
        checks_.push_back(std::move(*check));
      }
      previous = &checks_.back();
      package_open = is_file;
    }
  }

  void AttachOutput(const doc::Block& block, Check* check) {
    std::vector<std::string> words = Words(block.info);
    bool unstable = false;
    for (size_t i = 1; i < words.size(); ++i) {
      if (words[i] == "unstable") {
        unstable = true;
      } else {
        Error(block.pos, "unknown word '" + words[i] + "' in an output block's info string",
              "write '```output', or '```output unstable' for output that varies");
      }
    }
    if (check == nullptr || check->expect == Expect::kParse) {
      Error(block.pos, "an output block must follow a Go program",
            "put it right after the ```go block whose output it shows");
      return;
    }
    if (check->output) {
      Error(block.pos, "a program has one output block");
      return;
    }
    check->output = block.source_code;
    check->output_pos = block.pos;
    check->output_unstable = unstable;
  }

  std::optional<Check> ParseInfo(const doc::Block& block) {
    Check check;
    check.pos = block.pos;
    std::vector<std::string> words = Words(block.info);
    std::string file_name = "main.go";
    std::string newer_go_word;
    bool newer_go = false;
    bool ok = true;
    for (size_t i = 1; i < words.size(); ++i) {
      const std::string& word = words[i];
      if (word == "fragment") {
        check.expect = Expect::kParse;
      } else if (StartsWith(word, "go1.")) {
        newer_go = true;
        newer_go_word = word;
      } else if (word == "panic" || word == "deadlock") {
        check.expect = Expect::kExit2;
        check.deadlock = word == "deadlock";
      } else if (word == "compile-error") {
        check.expect = Expect::kCompileError;
      } else if (word == "vet-error") {
        check.expect = Expect::kVetError;
      } else if (word == "race") {
        check.expect = Expect::kRace;
      } else if (StartsWith(word, "gcflags=")) {
        check.expect = Expect::kCompilerOutput;
        check.gcflags = word.substr(8);
      } else if (StartsWith(word, "file=")) {
        check.expect = Expect::kTestsPass;
        file_name = word.substr(5);
        if (file_name.size() <= 3 || !EndsWith(file_name, ".go") ||
            file_name.find('/') != std::string::npos) {
          Error(block.pos, "'" + word + "' must name a Go file, such as 'file=lru.go'");
          ok = false;
        }
      } else if (StartsWith(word, "test=")) {
        check.test_flags = SplitCommas(word.substr(5));
      } else if (StartsWith(word, "timeout=")) {
        char* end = nullptr;
        check.timeout_seconds = std::strtod(word.c_str() + 8, &end);
        if (check.timeout_seconds <= 0 || *end != '\0') {
          Error(block.pos, "'" + word + "' must give seconds, such as 'timeout=30'");
          ok = false;
        }
      } else {
        Error(block.pos, "unknown word '" + word + "' in a Go block's info string",
              "the forms are: fragment, go1.N, panic, deadlock, compile-error, vet-error, "
              "race, gcflags=FLAGS, file=NAME.go, test=FLAGS, timeout=SECONDS "
              "(see book/README.md)");
        ok = false;
      }
    }
    if (newer_go && check.expect != Expect::kParse) {
      Error(block.pos, "only a fragment may need a newer Go",
            "write '```go fragment " + newer_go_word + "'");
      ok = false;
    }
    if (!ok) return std::nullopt;
    if (!(check.expect == Expect::kParse && newer_go)) {
      check.files.push_back({file_name, block.source_code, block.pos});
    }
    // A binary built with -race never reports a deadlock (golang/go#20588): it
    // would hang to the time limit, so a deadlock program runs without it.
    check.needs_race_run = check.expect != Expect::kParse && !check.deadlock &&
                           UsesConcurrency(block.source_code);
    return check;
  }

  const doc::Book& book_;
  DiagnosticSink* sink_;
  std::vector<Check> checks_;
};

}  // namespace

std::vector<Check> CollectChecks(const doc::Book& book, DiagnosticSink* sink) {
  return Collector(book, sink).Run();
}

}  // namespace gobook::gotest
