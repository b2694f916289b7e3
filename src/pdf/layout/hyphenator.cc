#include "pdf/layout/hyphenator.h"

#include <hyphen.h>

#include <cstdio>
#include <cstdlib>

#include "pdf/layout/fonts.h"

namespace gobook::layout {

struct Hyphenator::Dictionary {
  HyphenDict* handle = nullptr;
  ~Dictionary() {
    if (handle != nullptr) hnj_hyphen_free(handle);
  }
};

namespace {

// The patterns are lower case; fold the letters IsHyphenatableLetter accepts.
char32_t ToLower(char32_t code_point) {
  if (code_point >= 'A' && code_point <= 'Z') return code_point + ('a' - 'A');
  // Latin-1 capitals À..Þ sit 0x20 below their small letters (× excepted).
  if (code_point >= 0xC0 && code_point <= 0xDE && code_point != 0xD7) return code_point + 0x20;
  // Latin Extended-A pairs capitals and small letters as even/odd neighbours,
  // except for the odd-based run U+0139..U+0148 and U+0179..U+017E.
  bool odd_based = (code_point >= 0x139 && code_point <= 0x148) ||
                   (code_point >= 0x179 && code_point <= 0x17E);
  if (code_point >= 0x100 && code_point <= 0x17F && code_point != 0x130 && code_point != 0x131 &&
      code_point != 0x138 && code_point != 0x149 && code_point != 0x17F) {
    bool capital = odd_based ? (code_point % 2 == 1) : (code_point % 2 == 0);
    if (capital) return code_point + 1;
  }
  return code_point;
}

void AppendUtf8(char32_t code_point, std::string* out) {
  if (code_point < 0x80) {
    out->push_back(static_cast<char>(code_point));
  } else if (code_point < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (code_point >> 6)));
    out->push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xE0 | (code_point >> 12)));
    out->push_back(static_cast<char>(0x80 | ((code_point >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
  }
}

// Frees what hnj_hyphen_hyphenate3 allocates for non-standard hyphenation
// (German "Schiff=fahrt"); English patterns have none, but the API may return it.
void FreeNonStandard(char** rep, int* pos, int* cut, int length) {
  if (rep != nullptr) {
    for (int i = 0; i < length; ++i) std::free(rep[i]);
    std::free(rep);
  }
  std::free(pos);
  std::free(cut);
}

}  // namespace

bool IsHyphenatableLetter(char32_t code_point) {
  if ((code_point >= 'a' && code_point <= 'z') || (code_point >= 'A' && code_point <= 'Z')) {
    return true;
  }
  return code_point >= 0xC0 && code_point <= 0x17F && code_point != 0xD7 && code_point != 0xF7;
}

Hyphenator::Hyphenator(std::unique_ptr<Dictionary> dictionary)
    : dictionary_(std::move(dictionary)) {}

Hyphenator::~Hyphenator() = default;

std::unique_ptr<Hyphenator> Hyphenator::Load(const std::string& dictionary_path,
                                             std::string* error) {
  // hnj_hyphen_load reports nothing on failure, so check the file first to say why.
  std::FILE* file = std::fopen(dictionary_path.c_str(), "rb");
  if (file == nullptr) {
    *error = "cannot read hyphenation dictionary '" + dictionary_path + "'";
    return nullptr;
  }
  std::fclose(file);
  auto dictionary = std::make_unique<Dictionary>();
  dictionary->handle = hnj_hyphen_load(dictionary_path.c_str());
  if (dictionary->handle == nullptr) {
    *error = "'" + dictionary_path + "' is not a hyphenation dictionary";
    return nullptr;
  }
  return std::unique_ptr<Hyphenator>(new Hyphenator(std::move(dictionary)));
}

std::vector<size_t> Hyphenator::Points(std::string_view word) const {
  // Split at existing hyphens: "well-known" may break after its hyphen, and only
  // there, because a second hyphen inside "well-" or "known" would read as a typo.
  std::vector<size_t> hyphens;
  size_t offset = 0;
  size_t letters_since_hyphen = 0;
  while (offset < word.size()) {
    size_t start = offset;
    char32_t code_point = NextCodePoint(word, &offset);
    if (code_point == '-') {
      if (letters_since_hyphen == 0) return {};  // "-x", "a--b": not a plain word
      hyphens.push_back(start + 1);
      letters_since_hyphen = 0;
    } else if (IsHyphenatableLetter(code_point)) {
      ++letters_since_hyphen;
    } else {
      return {};  // digits, code, URLs, punctuation: never hyphenated
    }
  }
  if (letters_since_hyphen == 0) return {};  // empty, or ends with a hyphen
  if (!hyphens.empty()) return hyphens;
  return PatternPoints(word);
}

std::vector<size_t> Hyphenator::PatternPoints(std::string_view word) const {
  // libhyphen wants the dictionary's encoding (UTF-8) in lower case, and numbers
  // its answer by character, so remember where each character starts.
  std::string lower;
  std::vector<size_t> char_starts;
  size_t offset = 0;
  while (offset < word.size()) {
    char_starts.push_back(offset);
    AppendUtf8(ToLower(NextCodePoint(word, &offset)), &lower);
  }
  int char_count = static_cast<int>(char_starts.size());
  if (char_count < kLeftHyphenMin + kRightHyphenMin) return {};

  int byte_count = static_cast<int>(lower.size());
  std::vector<char> marks(lower.size() + 5, '0');
  char** rep = nullptr;
  int* pos = nullptr;
  int* cut = nullptr;
  int failed = hnj_hyphen_hyphenate3(dictionary_->handle, lower.data(), byte_count, marks.data(),
                                     nullptr, &rep, &pos, &cut, kLeftHyphenMin, kRightHyphenMin,
                                     kLeftHyphenMin, kRightHyphenMin);
  FreeNonStandard(rep, pos, cut, byte_count);
  if (failed != 0) return {};

  // An odd mark after character i allows a break before character i + 1. The
  // library honours the minimums already; checking again keeps the promise even
  // for a dictionary that asks for less.
  std::vector<size_t> points;
  for (int i = kLeftHyphenMin - 1; i < char_count - kRightHyphenMin; ++i) {
    if ((marks[static_cast<size_t>(i)] - '0') % 2 == 1) {
      points.push_back(char_starts[static_cast<size_t>(i) + 1]);
    }
  }
  return points;
}

}  // namespace gobook::layout
