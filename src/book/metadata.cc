#include <regex>

#include "book/book.h"
#include "book/toml_reading.h"

namespace gobook::book {
namespace {

const std::vector<std::string> kTopKeys = {
    "title", "subtitle", "authors", "language", "identifier", "publisher", "rights",
    "description", "date", "cover", "fonts", "accessibility", "test"};
const std::vector<std::string> kTestKeys = {"go"};
const std::vector<std::string> kFontKeys = {
    "dir", "regular", "italic", "bold", "bold_italic", "mono", "mono_bold", "mono_italic",
    "symbols", "cjk"};
const std::vector<std::string> kAccessibilityKeys = {"conformance", "certified_by"};

class MetadataReader {
 public:
  MetadataReader(const std::string& path, doc::Book* book, DiagnosticSink* sink)
      : path_(path), book_(book), sink_(sink) {}

  void Read(const toml::table& table) {
    RejectUnknownKeys(table, kTopKeys, path_, 0, "", sink_);
    doc::Metadata& meta = book_->metadata;
    meta.title = Required(table, "title");
    meta.subtitle = String(table, "subtitle");
    meta.authors = Authors(table);
    meta.language = Required(table, "language");
    meta.identifier = Required(table, "identifier");
    meta.publisher = String(table, "publisher");
    meta.rights = String(table, "rights");
    meta.description = String(table, "description");
    if (const toml::node* date = table.get("date"); date == nullptr || !date->is_date()) {
      meta.date = Required(table, "date");
    }
    book_->cover_svg = String(table, "cover");
    CheckIdentifier(table);
    CheckDate(table);
    ReadFonts(table);
    ReadAccessibility(table);
    ReadTestSettings(table);
  }

 private:
  void ErrorAt(const toml::node* node, std::string message, std::string hint = {}) {
    int line = node == nullptr ? 0 : static_cast<int>(node->source().begin.line);
    int column = node == nullptr ? 0 : static_cast<int>(node->source().begin.column);
    sink_->Error(path_, line, column, std::move(message), std::move(hint));
  }

  std::string String(const toml::table& table, const std::string& key) {
    return ReadString(table, key, path_, 0, sink_);
  }

  std::string Required(const toml::table& table, const std::string& key) {
    if (table.get(key) == nullptr) {
      sink_->Error(path_, 0, 0, "missing required key '" + key + "'");
      return "";
    }
    return String(table, key);
  }

  std::vector<std::string> Authors(const toml::table& table) {
    std::vector<std::string> authors;
    const toml::node* node = table.get("authors");
    if (node == nullptr) {
      sink_->Error(path_, 0, 0, "missing required key 'authors'",
                   "authors = [\"Ada Lovelace\"]");
      return authors;
    }
    const toml::array* array = node->as_array();
    if (array == nullptr || array->empty()) {
      ErrorAt(node, "'authors' must be a non-empty list of names");
      return authors;
    }
    for (const toml::node& item : *array) {
      if (const auto* name = item.as_string()) {
        authors.push_back(name->get());
      } else {
        ErrorAt(&item, "each author must be a string");
      }
    }
    return authors;
  }

  void CheckIdentifier(const toml::table& table) {
    static const std::regex kUuid(
        "urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    const std::string& id = book_->metadata.identifier;
    if (!id.empty() && !std::regex_match(id, kUuid)) {
      ErrorAt(table.get("identifier"), "'identifier' must be a fixed 'urn:uuid:' in lower case",
              "generate one once with 'uuidgen' and keep it for every edition");
    }
  }

  void CheckDate(const toml::table& table) {
    static const std::regex kDate("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    const toml::node* node = table.get("date");
    if (node != nullptr && node->is_date()) {
      // TOML's own date type: accept it and write it back as YYYY-MM-DD.
      toml::date date = node->as_date()->get();
      char text[16];
      std::snprintf(text, sizeof text, "%04d-%02d-%02d", date.year, date.month, date.day);
      book_->metadata.date = text;
      return;
    }
    if (book_->metadata.date.empty()) return;
    int year = 0, month = 0, day = 0;
    bool shaped = std::regex_match(book_->metadata.date, kDate) &&
                  std::sscanf(book_->metadata.date.c_str(), "%d-%d-%d", &year, &month, &day) == 3;
    static const int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    bool real = shaped && month >= 1 && month <= 12 && day >= 1 &&
                day <= kDays[month - 1] - (month == 2 && !leap ? 1 : 0);
    if (!real) ErrorAt(node, "'date' must be a real date written YYYY-MM-DD");
  }

  const toml::table* SubTable(const toml::table& table, const std::string& key) {
    const toml::node* node = table.get(key);
    if (node == nullptr) return nullptr;
    if (!node->is_table()) {
      ErrorAt(node, "'" + key + "' must be a table ([" + key + "])");
      return nullptr;
    }
    return node->as_table();
  }

  void ReadFonts(const toml::table& table) {
    doc::FontFiles& fonts = book_->fonts;
    fonts = {"Go-Regular.ttf",  "Go-Italic.ttf",    "Go-Bold.ttf",
             "Go-Bold-Italic.ttf", "Go-Mono.ttf",  "Go-Mono-Bold.ttf",
             "Go-Mono-Italic.ttf", "DejaVuSans.ttf", "DroidSansFallbackFull.ttf"};
    book_->fonts_dir = "fonts";
    const toml::table* section = SubTable(table, "fonts");
    if (section == nullptr) return;
    RejectUnknownKeys(*section, kFontKeys, path_, 0, " in [fonts]", sink_);
    auto set = [&](const char* key, std::string* field) {
      std::string value = ReadString(*section, key, path_, 0, sink_);
      if (!value.empty()) *field = value;
    };
    set("dir", &book_->fonts_dir);
    set("regular", &fonts.regular);
    set("italic", &fonts.italic);
    set("bold", &fonts.bold);
    set("bold_italic", &fonts.bold_italic);
    set("mono", &fonts.mono);
    set("mono_bold", &fonts.mono_bold);
    set("mono_italic", &fonts.mono_italic);
    set("symbols", &fonts.symbols);
    set("cjk", &fonts.cjk);
  }

  void ReadAccessibility(const toml::table& table) {
    const toml::table* section = SubTable(table, "accessibility");
    if (section == nullptr) return;
    RejectUnknownKeys(*section, kAccessibilityKeys, path_, 0, " in [accessibility]", sink_);
    book_->metadata.conformance = ReadString(*section, "conformance", path_, 0, sink_);
    book_->metadata.certified_by = ReadString(*section, "certified_by", path_, 0, sink_);
    if (!book_->metadata.conformance.empty() && book_->metadata.certified_by.empty()) {
      ErrorAt(section, "a conformance claim needs 'certified_by': who evaluated it");
    }
  }

  void ReadTestSettings(const toml::table& table) {
    const toml::table* section = SubTable(table, "test");
    if (section == nullptr) return;
    RejectUnknownKeys(*section, kTestKeys, path_, 0, " in [test]", sink_);
    book_->go_version = ReadString(*section, "go", path_, 0, sink_);
    static const std::regex kVersion("[0-9]+\\.[0-9]+");
    if (!book_->go_version.empty() && !std::regex_match(book_->go_version, kVersion)) {
      ErrorAt(section->get("go"), "[test] go must be a Go version such as \"1.26\"");
    }
  }

  std::string path_;
  doc::Book* book_;
  DiagnosticSink* sink_;
};

}  // namespace

void ReadMetadata(std::string_view toml_text, const std::string& display_path,
                  doc::Book* book, DiagnosticSink* sink) {
  std::optional<toml::table> table = ParseToml(toml_text, display_path, 0, sink);
  if (table) MetadataReader(display_path, book, sink).Read(*table);
}

}  // namespace gobook::book
