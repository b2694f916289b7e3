#include <cctype>
#include <cstdio>
#include <map>
#include <set>

#include "doc/passes.h"
#include "util/files.h"
#include "util/text.h"

namespace gobook::doc {
namespace {

bool HasScheme(const std::string& url) {
  size_t colon = url.find(':');
  if (colon == std::string::npos || colon == 0) return false;
  for (size_t i = 0; i < colon; ++i) {
    char ch = url[i];
    bool ok = std::isalpha(static_cast<unsigned char>(ch)) ||
              (i > 0 && (std::isdigit(static_cast<unsigned char>(ch)) || ch == '+' ||
                         ch == '-' || ch == '.'));
    if (!ok) return false;
  }
  return true;
}

std::set<std::string> HeadingAnchors(const Blocks& blocks) {
  std::set<std::string> anchors;
  for (const Block& block : blocks) {
    if (block.kind == BlockKind::kHeading) anchors.insert(block.id);
    std::set<std::string> inner = HeadingAnchors(block.children);
    anchors.insert(inner.begin(), inner.end());
    for (const Blocks& item : block.items) {
      inner = HeadingAnchors(item);
      anchors.insert(inner.begin(), inner.end());
    }
  }
  return anchors;
}

class LinkResolver {
 public:
  LinkResolver(Book* book, DiagnosticSink* sink) : book_(book), sink_(sink) {
    for (size_t i = 0; i < book->lessons.size(); ++i) {
      by_file_[book->lessons[i].file] = static_cast<int>(i);
      anchors_.push_back(HeadingAnchors(book->lessons[i].blocks));
      anchors_.back().insert(GitHubSlug(book->lessons[i].title));
    }
  }

  void Resolve(int lesson_index) {
    Lesson& lesson = book_->lessons[lesson_index];
    auto visit = [&](Inline& in) {
      if (in.kind == InlineKind::kLink) ResolveLink(lesson_index, &in);
    };
    ForEachInline(lesson, visit);
  }

 private:
  void Error(const Inline& in, std::string message, std::string hint = {}) {
    sink_->Error(in.pos.file, in.pos.line, in.pos.column, std::move(message), std::move(hint));
  }

  void ResolveLink(int from, Inline* link) {
    const std::string& url = link->url;
    if (HasScheme(url)) {
      link->link_target = LinkTarget::kExternal;
      return;
    }
    size_t hash = url.find('#');
    std::string path = url.substr(0, hash);
    std::string fragment = hash == std::string::npos ? "" : url.substr(hash + 1);
    int target = from;
    if (!path.empty()) {
      if (path[0] == '/') {
        Error(*link, "link to an absolute path '" + path + "'",
              "link to another lesson by its file name, e.g. '06-slices.md#heading'");
        return;
      }
      std::optional<std::string> resolved =
          NormalizeRelative(JoinPath(DirName(book_->lessons[from].file), path));
      auto found = resolved ? by_file_.find(*resolved) : by_file_.end();
      if (found == by_file_.end()) {
        Error(*link, "link to '" + path + "', which is not a lesson of this book",
              resolved ? "lessons are linked by their file, relative to this one" : "");
        return;
      }
      target = found->second;
    }
    if (!fragment.empty() && anchors_[target].count(fragment) == 0) {
      std::vector<std::string> candidates(anchors_[target].begin(), anchors_[target].end());
      std::string suggestion = SuggestSpelling(fragment, candidates);
      Error(*link,
            "no heading '#" + fragment + "' in '" + book_->lessons[target].source_path + "'",
            suggestion.empty() ? "" : "did you mean '#" + suggestion + "'?");
      return;
    }
    // The title's anchor is the lesson's start, where writers put their own id.
    if (fragment == GitHubSlug(book_->lessons[target].title)) fragment.clear();
    link->link_target = target == from ? LinkTarget::kSameLesson : LinkTarget::kLesson;
    link->target_lesson = target;
    link->target_id = fragment;
  }

  Book* book_;
  DiagnosticSink* sink_;
  std::map<std::string, int> by_file_;
  std::vector<std::set<std::string>> anchors_;
};

}  // namespace

void ResolveLinks(Book* book, DiagnosticSink* sink) {
  LinkResolver resolver(book, sink);
  for (size_t i = 0; i < book->lessons.size(); ++i) resolver.Resolve(static_cast<int>(i));
}

void SelectTrack(Book* book, int track_index, DiagnosticSink* sink) {
  Track& kept = book->tracks[track_index];
  std::vector<int> new_index(book->lessons.size(), -1);
  std::vector<Lesson> lessons;
  for (int old_index : kept.lessons) {
    new_index[old_index] = static_cast<int>(lessons.size());
    lessons.push_back(std::move(book->lessons[old_index]));
  }
  // Keep what a dropped link needs to say before the other lessons are gone.
  std::vector<std::string> notes(book->lessons.size());
  for (size_t t = 0; t < book->tracks.size(); ++t) {
    for (int old_index : book->tracks[t].lessons) {
      notes[old_index] = "Lesson " + LessonNumber(*book, book->lessons[old_index].number) +
                         ", " + book->tracks[t].title;
    }
  }
  for (Lesson& lesson : lessons) {
    auto visit = [&](Inline& in) {
      if (in.kind != InlineKind::kLink || in.target_lesson < 0) return;
      if (new_index[in.target_lesson] >= 0) {
        in.target_lesson = new_index[in.target_lesson];
        return;
      }
      sink->Warning(in.pos.file, in.pos.line, in.pos.column,
                    "link to a lesson outside track '" + kept.title +
                        "'; it is shown as text with '(" + notes[in.target_lesson] + ")'");
      in.link_target = LinkTarget::kDropped;
      in.text = notes[in.target_lesson];
      in.target_lesson = -1;
    };
    ForEachInline(lesson, visit);
    lesson.track = 0;
  }
  kept.lessons.clear();
  for (size_t i = 0; i < lessons.size(); ++i) kept.lessons.push_back(static_cast<int>(i));
  Track track = std::move(kept);
  book->tracks.assign(1, std::move(track));
  book->lessons = std::move(lessons);
  book->single_track = true;
}

}  // namespace gobook::doc
