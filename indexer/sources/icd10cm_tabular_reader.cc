#include "indexer/sources/icd10cm_tabular_reader.h"

#include <cstring>

#include "common/code_format.h"
#include "common/utf8.h"
#include "indexer/sources/xml_document.h"

namespace medcode::indexer {
namespace {

struct NoteElement {
  const char* element;
  NoteKind kind;
};
// Element names from icd10cm_tabular.xsd.
constexpr NoteElement kNoteElements[] = {
    {"includes", NoteKind::kIncludes},
    {"excludes1", NoteKind::kExcludes1},
    {"excludes2", NoteKind::kExcludes2},
    {"codeFirst", NoteKind::kCodeFirst},
    {"useAdditionalCode", NoteKind::kUseAdditionalCode},
    {"codeAlso", NoteKind::kCodeAlso},
    {"notes", NoteKind::kNotes},
    {"sevenChrNote", NoteKind::kSeventhCharNote},
};

// Appends the <note> children of every note-bearing child of element.
void collect_notes(const pugi::xml_node& element, int year, std::vector<Note>& notes) {
  for (const pugi::xml_node& child : element.children()) {
    for (const NoteElement& known : kNoteElements) {
      if (std::strcmp(child.name(), known.element) != 0) continue;
      for (const pugi::xml_node& note : child.children("note")) {
        std::string text = collapsed_text(note);
        if (!text.empty()) notes.push_back(Note{known.kind, std::move(text), year});
      }
    }
  }
}

class TabularWalker {
 public:
  TabularWalker(const XmlDocument& xml, TabularList& out) : xml_(xml), out_(out) {}

  void chapter(const pugi::xml_node& node) {
    TabularChapter chapter;
    chapter.number = collapsed_text(node.child("name"));
    chapter.title = collapsed_text(node.child("desc"));
    collect_notes(node, out_.release_year, chapter.notes);
    for (const pugi::xml_node& ref : node.child("sectionIndex").children("sectionRef")) {
      TabularSection section;
      section.id = ref.attribute("id").value();
      section.first = compact_code(ref.attribute("first").value());
      section.last = compact_code(ref.attribute("last").value());
      if (section.last.empty()) section.last = section.first;
      section.title = collapsed_text(ref);
      section.chapter = chapter.number;
      out_.sections.push_back(std::move(section));
    }
    for (const pugi::xml_node& section : node.children("section")) {
      attach_section_notes(section);
      for (const pugi::xml_node& diag : section.children("diag")) this->diag(diag);
    }
    out_.chapters.push_back(std::move(chapter));
  }

 private:
  void attach_section_notes(const pugi::xml_node& node) {
    const std::string id = node.attribute("id").value();
    for (auto& section : out_.sections) {
      if (section.id == id) collect_notes(node, out_.release_year, section.notes);
    }
  }

  void diag(const pugi::xml_node& node) {
    const pugi::xml_node name = node.child("name");
    const std::string raw_code = collapsed_text(name);
    const std::string code = compact_code(raw_code);
    if (!name) {
      out_.skipped.add(xml_.location_of(node), "<diag> has no <name>");
    } else if (!is_icd10cm_shape(code)) {
      out_.skipped.add(xml_.location_of(node),
                       "<diag> name " + quote_for_message(raw_code) + " is not an ICD-10-CM code");
    } else {
      TabularCode entry;
      entry.code = code;
      entry.title = collapsed_text(node.child("desc"));
      entry.location = xml_.location_of(node);
      for (const pugi::xml_node& note : node.child("inclusionTerm").children("note")) {
        std::string text = collapsed_text(note);
        if (!text.empty()) entry.inclusion_terms.push_back(std::move(text));
      }
      collect_notes(node, out_.release_year, entry.notes);
      for (const pugi::xml_node& extension : node.child("sevenChrDef").children("extension")) {
        entry.seventh_characters.push_back(SeventhCharacter{
            extension.attribute("char").value(), collapsed_text(extension), out_.release_year});
      }
      out_.codes.push_back(std::move(entry));
    }
    // Children are read even under a skipped parent: their own names identify them.
    for (const pugi::xml_node& child : node.children("diag")) diag(child);
  }

  const XmlDocument& xml_;
  TabularList& out_;
};

}  // namespace

Result<TabularList> read_icd10cm_tabular(std::string bytes, const std::string& source_name,
                                         int release_year) {
  auto parsed = XmlDocument::parse_with_root(std::move(bytes), source_name, "ICD10CM.tabular");
  if (!parsed.is_ok()) return parsed.status();
  const XmlDocument& xml = *parsed.value();
  const pugi::xml_node root = xml.root();
  TabularList list;
  list.release_year = release_year;
  TabularWalker walker(xml, list);
  for (const pugi::xml_node& chapter : root.children("chapter")) walker.chapter(chapter);
  if (list.codes.empty()) {
    return Status::data_error(source_name + ": no <diag> codes found in the Tabular List");
  }
  return list;
}

}  // namespace medcode::indexer
