// The package document (OPF) and the navigation files (nav and NCX), which
// describe the EPUB's parts to the reading system. Internal to epub/.
#ifndef GOBOOK_EPUB_PACKAGE_H_
#define GOBOOK_EPUB_PACKAGE_H_

#include <string>
#include <vector>

#include "doc/model.h"
#include "epub/plan.h"

namespace gobook::epub {

// A file of the package other than the content documents.
struct ManifestItem {
  std::string id;
  std::string href;
  std::string media_type;
  std::string properties;
};

std::string NavDocument(const doc::Book& book, const Plan& plan);
std::string NcxDocument(const doc::Book& book, const Plan& plan);

// `modified` is the dcterms:modified value (CCYY-MM-DDThh:mm:ssZ); `resources`
// lists the stylesheet, fonts and images.
std::string PackageDocument(const doc::Book& book, const Plan& plan, const std::string& modified,
                            const std::vector<ManifestItem>& resources);

}  // namespace gobook::epub

#endif  // GOBOOK_EPUB_PACKAGE_H_
