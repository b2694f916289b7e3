// The EPUB's content documents, one function each: the cover, the title page,
// the copyright page, a part page per track and a page per lesson. Each returns
// the file's bytes. Internal to epub/.
#ifndef GOBOOK_EPUB_PAGES_H_
#define GOBOOK_EPUB_PAGES_H_

#include <string>

#include "doc/model.h"
#include "epub/plan.h"

namespace gobook::epub {

inline constexpr const char* kCoverPage = "text/cover.xhtml";
inline constexpr const char* kTitlePage = "text/title.xhtml";
inline constexpr const char* kCopyrightPage = "text/copyright.xhtml";
inline constexpr const char* kNavPage = "nav.xhtml";
inline constexpr const char* kStylesheet = "css/book.css";
inline constexpr const char* kCoverImage = "images/cover.png";

std::string CoverPage(const doc::Book& book);
std::string TitlePage(const doc::Book& book);
std::string CopyrightPage(const doc::Book& book, const std::string& font_licence);
std::string PartPage(const doc::Book& book, const Plan& plan, int track);
std::string LessonPage(const doc::Book& book, const Plan& plan, int lesson);

// "7 min read"
std::string ReadTimeLabel(int minutes);

}  // namespace gobook::epub

#endif  // GOBOOK_EPUB_PAGES_H_
