#include "epub/package.h"

#include "epub/pages.h"
#include "epub/xml.h"

namespace gobook::epub {
namespace {

class PackageBuilder {
 public:
  PackageBuilder(const doc::Book& book, const Plan& plan) : book_(book), plan_(plan) {}

  std::string Build(const std::string& modified, const std::vector<ManifestItem>& resources) {
    pugi::xml_document document;
    AddDeclaration(document);
    pugi::xml_node package = document.append_child("package");
    package.append_attribute("xmlns") = "http://www.idpf.org/2007/opf";
    package.append_attribute("version") = "3.0";
    package.append_attribute("unique-identifier") = "pub-id";
    package.append_attribute("xml:lang") = book_.metadata.language.c_str();
    package.append_attribute("prefix") =
        "a11y: http://www.idpf.org/epub/vocab/package/a11y/#";
    WriteMetadata(package.append_child("metadata"), modified);
    WriteManifest(package.append_child("manifest"), resources);
    WriteSpine(package.append_child("spine"));
    WriteGuide(package.append_child("guide"));
    return SaveXml(document);
  }

 private:
  void Dc(pugi::xml_node metadata, const char* name, const std::string& value,
          const char* id = nullptr) {
    pugi::xml_node element = AppendText(metadata, name, value);
    if (id != nullptr) element.append_attribute("id") = id;
  }

  void Meta(pugi::xml_node metadata, const char* property, const std::string& value) {
    AppendText(metadata, "meta", value).append_attribute("property") = property;
  }

  bool HasImages() const { return !book_.images.empty(); }

  void WriteMetadata(pugi::xml_node metadata, const std::string& modified) {
    metadata.append_attribute("xmlns:dc") = "http://purl.org/dc/elements/1.1/";
    const doc::Metadata& meta = book_.metadata;
    Dc(metadata, "dc:identifier", meta.identifier, "pub-id");
    Dc(metadata, "dc:title", meta.title, "title");
    for (size_t i = 0; i < meta.authors.size(); ++i) {
      std::string id = "creator" + std::to_string(i + 1);
      Dc(metadata, "dc:creator", meta.authors[i], id.c_str());
      pugi::xml_node role = AppendText(metadata, "meta", "aut");
      role.append_attribute("refines") = ("#" + id).c_str();
      role.append_attribute("property") = "role";
      role.append_attribute("scheme") = "marc:relators";
    }
    Dc(metadata, "dc:language", meta.language);
    if (!meta.publisher.empty()) Dc(metadata, "dc:publisher", meta.publisher);
    if (!meta.rights.empty()) Dc(metadata, "dc:rights", meta.rights);
    std::string description = meta.description;
    if (!meta.subtitle.empty()) {
      description = description.empty() ? meta.subtitle : meta.subtitle + ". " + description;
    }
    if (!description.empty()) Dc(metadata, "dc:description", description);
    Dc(metadata, "dc:date", meta.date);
    Meta(metadata, "dcterms:modified", modified);
    WriteAccessibility(metadata);
    if (plan_.has_cover) {
      // EPUB 2 readers find the cover through this hint.
      pugi::xml_node cover = metadata.append_child("meta");
      cover.append_attribute("name") = "cover";
      cover.append_attribute("content") = "cover-image";
    }
  }

  // Only what is true of every book gobook writes: text with headings, a table
  // of contents, a reading order, alternative text on images (an image without
  // it is the author's to fix), reflowable text and no hazards.
  void WriteAccessibility(pugi::xml_node metadata) {
    Meta(metadata, "schema:accessMode", "textual");
    if (HasImages() || plan_.has_cover) Meta(metadata, "schema:accessMode", "visual");
    Meta(metadata, "schema:accessModeSufficient", "textual");
    for (const char* feature : {"structuralNavigation", "tableOfContents", "readingOrder",
                                "displayTransformability"}) {
      Meta(metadata, "schema:accessibilityFeature", feature);
    }
    if (HasImages() || plan_.has_cover) {
      Meta(metadata, "schema:accessibilityFeature", "alternativeText");
    }
    Meta(metadata, "schema:accessibilityHazard", "none");
    Meta(metadata, "schema:accessibilitySummary",
         "A reflowable book with a navigable table of contents, headings for every "
         "section, and text descriptions for every image. Code is set as text, never as "
         "pictures, and syntax highlighting uses weight and style, not colour alone.");
    if (!book_.metadata.conformance.empty()) {
      Meta(metadata, "dcterms:conformsTo", book_.metadata.conformance);
      Meta(metadata, "a11y:certifiedBy", book_.metadata.certified_by);
    }
  }

  void Item(pugi::xml_node manifest, const std::string& id, const std::string& href,
            const std::string& media_type, const std::string& properties = "") {
    pugi::xml_node item = manifest.append_child("item");
    item.append_attribute("id") = id.c_str();
    item.append_attribute("href") = href.c_str();
    item.append_attribute("media-type") = media_type.c_str();
    if (!properties.empty()) item.append_attribute("properties") = properties.c_str();
  }

  void WriteManifest(pugi::xml_node manifest, const std::vector<ManifestItem>& resources) {
    const char* kXhtml = "application/xhtml+xml";
    Item(manifest, "nav", kNavPage, kXhtml, "nav");
    Item(manifest, "ncx", "toc.ncx", "application/x-dtbncx+xml");
    if (plan_.has_cover) Item(manifest, "cover", kCoverPage, kXhtml);
    Item(manifest, "titlepage", kTitlePage, kXhtml);
    Item(manifest, "copyright", kCopyrightPage, kXhtml);
    for (size_t i = 0; i < plan_.part_files.size(); ++i) {
      Item(manifest, "part" + std::to_string(i + 1), plan_.part_files[i], kXhtml);
    }
    for (size_t i = 0; i < plan_.lesson_files.size(); ++i) {
      Item(manifest, "lesson" + std::to_string(i + 1), plan_.lesson_files[i], kXhtml);
    }
    for (const ManifestItem& resource : resources) {
      Item(manifest, resource.id, resource.href, resource.media_type, resource.properties);
    }
  }

  void Itemref(pugi::xml_node spine, const std::string& idref) {
    spine.append_child("itemref").append_attribute("idref") = idref.c_str();
  }

  void WriteSpine(pugi::xml_node spine) {
    spine.append_attribute("toc") = "ncx";
    if (plan_.has_cover) Itemref(spine, "cover");
    Itemref(spine, "titlepage");
    Itemref(spine, "copyright");
    Itemref(spine, "nav");
    for (size_t t = 0; t < book_.tracks.size(); ++t) {
      Itemref(spine, "part" + std::to_string(t + 1));
      for (int index : book_.tracks[t].lessons) Itemref(spine, "lesson" + std::to_string(index + 1));
    }
  }

  void Reference(pugi::xml_node guide, const char* type, const char* title,
                 const std::string& href) {
    pugi::xml_node reference = guide.append_child("reference");
    reference.append_attribute("type") = type;
    reference.append_attribute("title") = title;
    reference.append_attribute("href") = href.c_str();
  }

  // The EPUB 2 guide: Kindle takes its cover, contents and start from it.
  void WriteGuide(pugi::xml_node guide) {
    if (plan_.has_cover) Reference(guide, "cover", "Cover", kCoverPage);
    Reference(guide, "toc", "Contents", std::string(kNavPage) + "#toc");
    Reference(guide, "text", "Start", plan_.part_files.front());
  }

  const doc::Book& book_;
  const Plan& plan_;
};

}  // namespace

std::string PackageDocument(const doc::Book& book, const Plan& plan, const std::string& modified,
                            const std::vector<ManifestItem>& resources) {
  return PackageBuilder(book, plan).Build(modified, resources);
}

}  // namespace gobook::epub
