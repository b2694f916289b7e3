// Tests of the package document (package.opf): metadata, accessibility claims,
// manifest and spine, parsed back with pugixml.
#include <pugixml.hpp>

#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "epub/epub_test_support.h"
#include "epub/package.h"
#include "epub/plan.h"

namespace gobook::epub {
namespace {

constexpr const char* kModified = "2026-01-02T03:04:05Z";

std::string Attribute(pugi::xml_node node, const char* name) {
  return node.attribute(name).value();
}

std::string Text(pugi::xml_node node) { return node.text().get(); }

doc::Book TwoTrackBookWithImage() {
  doc::Book book = testing::MakeTwoTrackBook();
  book.images.push_back({"images/a.png"});
  return book;
}

// The package of the two-track test book, with a stylesheet and one image.
struct PackageFixture {
  doc::Book book = TwoTrackBookWithImage();
  Plan plan = MakePlan(book);
  std::vector<ManifestItem> resources = {{"css", "css/book.css", "text/css", ""},
                                         {"image1", "images/001-a.png", "image/png", ""}};
  std::string text;
  pugi::xml_document document;

  pugi::xml_node Package() {
    text = PackageDocument(book, plan, kModified, resources);
    INFO(text);
    REQUIRE(document.load_string(text.c_str()));
    return document.child("package");
  }
};

// Every <meta property="name"> value, in order.
std::vector<std::string> MetaValues(pugi::xml_node package, const std::string& property) {
  std::vector<std::string> values;
  for (pugi::xml_node meta : package.child("metadata").children("meta")) {
    if (Attribute(meta, "property") == property) values.push_back(Text(meta));
  }
  return values;
}

bool Has(const std::vector<std::string>& values, const std::string& value) {
  return std::find(values.begin(), values.end(), value) != values.end();
}

TEST_CASE("opf: the package names its identifier, language and modification time",
          "[epub][opf]") {
  PackageFixture fixture;
  pugi::xml_node package = fixture.Package();
  CHECK(fixture.text.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?><package", 0) == 0);
  CHECK(Attribute(package, "xmlns") == "http://www.idpf.org/2007/opf");
  CHECK(Attribute(package, "version") == "3.0");
  CHECK(Attribute(package, "xml:lang") == "en");
  pugi::xml_node metadata = package.child("metadata");
  CHECK(Attribute(metadata, "xmlns:dc") == "http://purl.org/dc/elements/1.1/");

  // unique-identifier points at the one dc:identifier.
  std::string unique = Attribute(package, "unique-identifier");
  CHECK(unique == "pub-id");
  pugi::xpath_node_set identifiers = metadata.select_nodes("dc:identifier");
  REQUIRE(identifiers.size() == 1);
  CHECK(Attribute(identifiers[0].node(), "id") == unique);
  CHECK(Text(identifiers[0].node()) == testing::kIdentifier);

  CHECK(Text(metadata.child("dc:title")) == "Test Book");
  CHECK(Text(metadata.child("dc:language")) == "en");
  CHECK(Text(metadata.child("dc:date")) == "2026-01-02");
  CHECK(MetaValues(package, "dcterms:modified") == std::vector<std::string>{kModified});

  // Each author is a creator refined with the aut role.
  pugi::xpath_node_set creators = metadata.select_nodes("dc:creator");
  REQUIRE(creators.size() == 2);
  CHECK(Text(creators[1].node()) == "Bob Writer");
  std::string id = "#" + Attribute(creators[1].node(), "id");
  pugi::xpath_node role =
      metadata.select_node(("meta[@refines='" + id + "'][@property='role']").c_str());
  REQUIRE(role);
  CHECK(Text(role.node()) == "aut");
}

TEST_CASE("opf: the spine reads front matter, then each part and its lessons", "[epub][opf]") {
  PackageFixture fixture;
  fixture.plan.has_cover = true;
  pugi::xml_node package = fixture.Package();
  pugi::xml_node spine = package.child("spine");
  CHECK(Attribute(spine, "toc") == "ncx");
  std::vector<std::string> order;
  for (pugi::xml_node itemref : spine.children("itemref")) order.push_back(Attribute(itemref, "idref"));

  // Spine idrefs name manifest items; map them to files to check the order.
  std::map<std::string, pugi::xml_node> items;
  for (pugi::xml_node item : package.child("manifest").children("item")) {
    CHECK(items.count(Attribute(item, "id")) == 0);
    items[Attribute(item, "id")] = item;
  }
  std::vector<std::string> files;
  for (const std::string& idref : order) {
    INFO("idref " << idref);
    REQUIRE(items.count(idref) == 1);
    CHECK(Attribute(items[idref], "media-type") == "application/xhtml+xml");
    files.push_back(Attribute(items[idref], "href"));
  }
  CHECK(files == std::vector<std::string>{"text/cover.xhtml", "text/title.xhtml",
                                          "text/copyright.xhtml", "nav.xhtml",
                                          "text/part-01.xhtml", "text/lesson-001.xhtml",
                                          "text/lesson-002.xhtml", "text/part-02.xhtml",
                                          "text/lesson-003.xhtml"});
  // Every content document is in the spine exactly once.
  std::set<std::string> unique(order.begin(), order.end());
  CHECK(unique.size() == order.size());
}

TEST_CASE("opf: the manifest lists the nav, the NCX and the resources", "[epub][opf]") {
  PackageFixture fixture;
  pugi::xml_node manifest = fixture.Package().child("manifest");
  pugi::xpath_node_set navs = manifest.select_nodes("item[@properties='nav']");
  REQUIRE(navs.size() == 1);
  CHECK(Attribute(navs[0].node(), "href") == "nav.xhtml");
  CHECK(Attribute(navs[0].node(), "media-type") == "application/xhtml+xml");
  pugi::xpath_node ncx = manifest.select_node("item[@id='ncx']");
  REQUIRE(ncx);
  CHECK(Attribute(ncx.node(), "href") == "toc.ncx");
  CHECK(Attribute(ncx.node(), "media-type") == "application/x-dtbncx+xml");
  pugi::xpath_node css = manifest.select_node("item[@id='css']");
  REQUIRE(css);
  CHECK(Attribute(css.node(), "href") == "css/book.css");
  CHECK(Attribute(css.node(), "media-type") == "text/css");
  CHECK_FALSE(css.node().attribute("properties"));
  CHECK(manifest.select_node("item[@id='image1'][@media-type='image/png']"));
  // No cover: no cover page, no cover-image property, no EPUB 2 cover hint.
  CHECK_FALSE(manifest.select_node("item[@href='text/cover.xhtml']"));
  CHECK(manifest.select_nodes("item[contains(@properties,'cover-image')]").empty());
  CHECK_FALSE(fixture.document.select_node("//meta[@name='cover']"));
}

TEST_CASE("opf: a cover gets its page, the cover-image property and the legacy hint",
          "[epub][opf]") {
  PackageFixture fixture;
  fixture.plan.has_cover = true;
  fixture.resources.push_back({"cover-image", "images/cover.png", "image/png", "cover-image"});
  pugi::xml_node package = fixture.Package();
  pugi::xml_node manifest = package.child("manifest");
  pugi::xpath_node_set covers = manifest.select_nodes("item[@properties='cover-image']");
  REQUIRE(covers.size() == 1);
  CHECK(Attribute(covers[0].node(), "href") == "images/cover.png");
  CHECK(manifest.select_node("item[@id='cover'][@href='text/cover.xhtml']"));
  pugi::xpath_node hint = package.select_node("metadata/meta[@name='cover']");
  REQUIRE(hint);
  // The hint names the cover image's manifest id.
  CHECK(Attribute(hint.node(), "content") == Attribute(covers[0].node(), "id"));
  CHECK(package.select_node("guide/reference[@type='cover'][@href='text/cover.xhtml']"));
}

TEST_CASE("opf: accessibility metadata is always present", "[epub][opf][a11y]") {
  PackageFixture fixture;
  pugi::xml_node package = fixture.Package();
  std::vector<std::string> modes = MetaValues(package, "schema:accessMode");
  CHECK(Has(modes, "textual"));
  CHECK(Has(modes, "visual"));  // the book has an image
  CHECK(Has(MetaValues(package, "schema:accessModeSufficient"), "textual"));
  std::vector<std::string> features = MetaValues(package, "schema:accessibilityFeature");
  for (const char* feature : {"structuralNavigation", "tableOfContents", "readingOrder",
                              "displayTransformability", "alternativeText"}) {
    INFO("feature " << feature);
    CHECK(Has(features, feature));
  }
  CHECK_FALSE(Has(features, "none"));
  CHECK(MetaValues(package, "schema:accessibilityHazard") == std::vector<std::string>{"none"});
  std::vector<std::string> summary = MetaValues(package, "schema:accessibilitySummary");
  REQUIRE(summary.size() == 1);
  CHECK_FALSE(summary[0].empty());
  // No claim was configured, so none is made.
  CHECK(MetaValues(package, "dcterms:conformsTo").empty());
  CHECK(MetaValues(package, "a11y:certifiedBy").empty());
}

TEST_CASE("opf: a book without images claims only the textual mode", "[epub][opf][a11y]") {
  DiagnosticSink sink;
  doc::Book book = testing::MakeBook({{"T", "", {{"lessons/01-a.md", "# A\n\nText.\n", ""}}}},
                                     &sink);
  REQUIRE_FALSE(sink.HasErrors());
  pugi::xml_document document;
  std::string text = PackageDocument(book, MakePlan(book), kModified, {});
  REQUIRE(document.load_string(text.c_str()));
  pugi::xml_node package = document.child("package");
  CHECK(MetaValues(package, "schema:accessMode") == std::vector<std::string>{"textual"});
  CHECK_FALSE(Has(MetaValues(package, "schema:accessibilityFeature"), "alternativeText"));
}

TEST_CASE("opf: a conformance claim comes with its evaluator", "[epub][opf][a11y]") {
  PackageFixture fixture;
  fixture.book.metadata.conformance = "EPUB Accessibility 1.1 - WCAG 2.2 Level AA";
  fixture.book.metadata.certified_by = "Example Evaluators";
  pugi::xml_node package = fixture.Package();
  CHECK(MetaValues(package, "dcterms:conformsTo") ==
        std::vector<std::string>{"EPUB Accessibility 1.1 - WCAG 2.2 Level AA"});
  CHECK(MetaValues(package, "a11y:certifiedBy") ==
        std::vector<std::string>{"Example Evaluators"});
}

TEST_CASE("opf: the guide names the contents and the start", "[epub][opf]") {
  PackageFixture fixture;
  pugi::xml_node guide = fixture.Package().child("guide");
  CHECK(guide.select_node("reference[@type='toc'][@href='nav.xhtml#toc']"));
  CHECK(guide.select_node("reference[@type='text'][@href='text/part-01.xhtml']"));
  CHECK_FALSE(guide.select_node("reference[@type='cover']"));
}

}  // namespace
}  // namespace gobook::epub
