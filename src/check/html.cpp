// HTML to text through libxml2's HTML parser: the tree walked without
// recursion, what a reader does not read (scripts, styles, navigation,
// forms, comments...) dropped, one line per block, white space collapsed.
#include <libxml/HTMLparser.h>
#include <libxml/encoding.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <type_traits>

#include <fmt/format.h>

#include "../dynlib.hpp"
#include "internal.hpp"
#include "mgcramp/error.hpp"

namespace mgcramp::check::detail {

namespace {

void ignore_structured(void*, xmlErrorPtr) {}
void ignore_generic(void*, const char*, ...) {}

// libxml2, opened the first time HTML is read rather than linked: loading
// it (with ICU, zlib and liblzma behind it) at every start would cost more
// than most of mgcramp's answers, and only `check` on HTML needs it.
struct LibXml {
  decltype(&::htmlReadMemory) read_memory = nullptr;
  decltype(&::xmlFreeDoc) free_doc = nullptr;
  decltype(&::xmlNodeGetContent) node_content = nullptr;
  decltype(&::xmlFindCharEncodingHandler) find_encoding = nullptr;
  decltype(&::xmlCharEncCloseFunc) close_encoding = nullptr;
  decltype(&::xmlSetStructuredErrorFunc) set_structured = nullptr;
  decltype(&::xmlSetGenericErrorFunc) set_generic = nullptr;
  decltype(&::xmlInitParser) init = nullptr;
  xmlFreeFunc* free = nullptr;  // the library's xmlFree, a variable
  std::string error;            // why it could not be opened

  LibXml() {
    mgcramp::detail::SharedLibrary lib("libxml2.so.2", "libxml2");
    auto get = [&lib](auto& fn, const char* name) { lib.get(fn, name); };
    get(read_memory, "htmlReadMemory");
    get(free_doc, "xmlFreeDoc");
    get(node_content, "xmlNodeGetContent");
    get(find_encoding, "xmlFindCharEncodingHandler");
    get(close_encoding, "xmlCharEncCloseFunc");
    get(set_structured, "xmlSetStructuredErrorFunc");
    get(set_generic, "xmlSetGenericErrorFunc");
    get(init, "xmlInitParser");
    get(free, "xmlFree");
    error = lib.error();
    if (error.empty()) init();
  }
};

const LibXml& libxml() {
  static const LibXml lib;
  if (!lib.error.empty()) {
    throw DataError("cannot read HTML: libxml2 could not be loaded (" + lib.error + ")",
                    "install it (Debian: apt-get install libxml2), or give the text: "
                    "--input text");
  }
  return lib;
}

void xml_free(xmlChar* p) {
  (*libxml().free)(p);
}

// libxml2's error handlers: silenced for every parse (nothing else in
// mgcramp uses libxml2, so there is nothing to give back).
void quiet_libxml() {
  const LibXml& x = libxml();
  x.set_structured(nullptr, ignore_structured);
  x.set_generic(nullptr, ignore_generic);
}

struct DocFree {
  void operator()(xmlDoc* d) const { libxml().free_doc(d); }
};

std::string_view str(const xmlChar* s) {
  return s == nullptr ? std::string_view() : std::string_view(reinterpret_cast<const char*>(s));
}

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

bool in(std::string_view w, std::initializer_list<std::string_view> list) {
  for (const std::string_view x : list) {
    if (w == x) return true;
  }
  return false;
}

// Elements whose content a reader of the article does not read.
bool dropped_name(std::string_view n) {
  return in(n, {"script", "style",    "noscript", "template", "nav",    "aside", "footer",
                "form",   "button",   "svg",      "iframe",   "object", "embed", "canvas",
                "select", "textarea", "head",     "title",    "dialog", "audio", "video",
                "map",    "frameset", "frame",    "input"});
}

bool block_name(std::string_view n) {
  return in(n, {"address",    "article", "blockquote", "body",   "br",    "caption", "center",
                "dd",         "details", "dir",        "div",    "dl",    "dt",      "fieldset",
                "figcaption", "figure",  "header",     "hgroup", "hr",    "html",    "legend",
                "li",         "listing", "main",       "menu",   "ol",    "p",       "plaintext",
                "pre",        "section", "summary",    "table",  "tbody", "tfoot",   "thead",
                "tr",         "ul",      "xmp",        "option", "h1",    "h2",      "h3",
                "h4",         "h5",      "h6"});
}

bool heading_name(std::string_view n) {
  return n.size() == 2 && n[0] == 'h' && n[1] >= '1' && n[1] <= '6';
}

// The text of an attribute's value (the HTML parser gives one text child).
std::string_view attr_value(const xmlAttr* a) {
  if (a->children == nullptr || a->children->type != XML_TEXT_NODE) return {};
  return str(a->children->content);
}

bool has_token(std::string_view list, std::initializer_list<std::string_view> tokens) {
  std::size_t i = 0;
  while (i < list.size()) {
    while (i < list.size() && (list[i] == ' ' || list[i] == '\t' || list[i] == '\n')) ++i;
    std::size_t j = i;
    while (j < list.size() && list[j] != ' ' && list[j] != '\t' && list[j] != '\n') ++j;
    for (const std::string_view t : tokens) {
      if (j > i && iequals(list.substr(i, j - i), t)) return true;
    }
    i = j;
  }
  return false;
}

bool hidden_by_attributes(const xmlNode* n) {
  for (const xmlAttr* a = n->properties; a != nullptr; a = a->next) {
    const std::string_view name = str(a->name);
    if (name == "hidden") return true;
    if (name == "aria-hidden" && iequals(attr_value(a), "true")) return true;
    if (name == "role" &&
        has_token(attr_value(a), {"navigation", "search", "menu", "menubar", "banner"}))
      return true;
  }
  return false;
}

// Whether the subtree under `n` holds an h1 (then a <header> is kept).
bool holds_h1(const xmlNode* root) {
  const xmlNode* n = root->children;
  while (n != nullptr) {
    if (n->type == XML_ELEMENT_NODE && str(n->name) == "h1") return true;
    if (n->children != nullptr && n->type == XML_ELEMENT_NODE) {
      n = n->children;
      continue;
    }
    while (n != nullptr && n->next == nullptr) {
      n = n->parent;
      if (n == root) return false;
    }
    if (n != nullptr) n = n->next;
  }
  return false;
}

// A footnote mark ("<sup>1</sup>", "<sup>[2, 3]</sup>"): it would glue a
// number to the end of the sentence before it.
// Only digits, brackets and separators; and a link, a bracket or a list, or
// right after punctuation: so "mc<sup>2</sup>" stays an exponent.
bool footnote_mark(const xmlNode* n, char before) {
  xmlChar* content = libxml().node_content(n);
  const std::string_view t = str(content);
  bool mark = !t.empty() && t.size() <= 24;
  bool sure = before == '.' || before == ',' || before == ';' || before == ':' || before == '!' ||
              before == '?' || before == ')' || before == '"';
  for (const char c : t) {
    if (c == ',' || c == '-' || c == '[' || c == ']') {
      sure = true;
    } else if (!((c >= '0' && c <= '9') || c == ' ' || c == '(' || c == ')' || c == '*')) {
      mark = false;
      break;
    }
  }
  xml_free(content);
  for (const xmlNode* c = n->children; c != nullptr && !sure; c = c->next) {
    sure = c->type == XML_ELEMENT_NODE && str(c->name) == "a";
  }
  return mark && sure;
}

bool dropped(const xmlNode* n, char before) {
  const std::string_view name = str(n->name);
  if (dropped_name(name)) return true;
  if (name == "sup" && footnote_mark(n, before)) return true;
  if (hidden_by_attributes(n)) return true;
  if (name == "header") return !holds_h1(n);
  return false;
}

// Collapses white space into `out`: a pending space or line break is
// written before the next visible character, never at the start or end.
class Builder {
 public:
  std::string out;
  std::vector<Span> headings;
  std::string first_h1;

  void line_break() { break_ = true; }
  void space() { space_ = true; }

  void add(std::string_view s, bool pre) {
    for (std::size_t i = 0; i < s.size(); ++i) {
      const char c = s[i];
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
        if (pre && c == '\n') {
          break_ = true;
        } else {
          space_ = true;
        }
        continue;
      }
      if (c == '\xC2' && i + 1 < s.size() && s[i + 1] == '\xA0') {  // &nbsp;
        space_ = true;
        ++i;
        continue;
      }
      if (!out.empty() && out.back() != '\n') {
        if (break_) {
          out += '\n';
        } else if (space_) {
          out += ' ';
        }
      }
      break_ = space_ = false;
      if (heading_depth_ > 0 && heading_begin_ == std::string::npos) heading_begin_ = out.size();
      out += c;
    }
  }

  void open_heading() {
    if (heading_depth_++ == 0) {
      heading_begin_ = std::string::npos;
      heading_h1_ = false;
    }
  }
  void mark_h1() { heading_h1_ = true; }
  void close_heading() {
    if (heading_depth_ == 0 || --heading_depth_ > 0) return;
    if (heading_begin_ != std::string::npos && heading_begin_ < out.size()) {
      headings.push_back({heading_begin_, out.size()});
      if (heading_h1_ && first_h1.empty()) {
        first_h1 = out.substr(heading_begin_);
        for (char& c : first_h1) {
          if (c == '\n') c = ' ';
        }
      }
    }
    heading_begin_ = std::string::npos;
  }

 private:
  bool break_ = false;
  bool space_ = false;
  int heading_depth_ = 0;
  std::size_t heading_begin_ = std::string::npos;
  bool heading_h1_ = false;
};

// White space of `s` collapsed to single spaces, trimmed.
std::string collapse(std::string_view s) {
  Builder b;
  b.add(s, false);
  return b.out;
}

class Walker {
 public:
  explicit Walker(Builder& b) : b_(b) {}

  // Enters `n`; true when its children are to be walked (then leave(n)
  // follows them).
  bool enter(const xmlNode* n) {
    if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
      b_.add(str(n->content), pre_ > 0);
      return false;
    }
    if (n->type != XML_ELEMENT_NODE) return false;  // comments, PIs, DTD
    const std::string_view name = str(n->name);
    if (title_.empty()) {
      if (name == "title") title_ = title_text(n);
      if (name == "head") {
        for (const xmlNode* c = n->children; c != nullptr && title_.empty(); c = c->next) {
          if (c->type == XML_ELEMENT_NODE && str(c->name) == "title") title_ = title_text(c);
        }
      }
    }
    if (dropped(n, b_.out.empty() ? '\0' : b_.out.back())) return false;
    open(name);
    if (n->children != nullptr) return true;
    close(name);
    return false;
  }
  void leave(const xmlNode* n) {
    if (n->type == XML_ELEMENT_NODE) close(str(n->name));
  }

  std::string title_;

 private:
  static std::string title_text(const xmlNode* n) {
    xmlChar* content = libxml().node_content(n);
    std::string t = collapse(str(content));
    xml_free(content);
    return t;
  }

  void open(std::string_view name) {
    if (block_name(name)) b_.line_break();
    if (name == "td" || name == "th") b_.space();
    if (name == "pre" || name == "listing" || name == "xmp" || name == "plaintext") ++pre_;
    if (heading_name(name)) {
      b_.open_heading();
      if (name == "h1") b_.mark_h1();
    }
  }
  void close(std::string_view name) {
    if (heading_name(name)) b_.close_heading();
    if (name == "pre" || name == "listing" || name == "xmp" || name == "plaintext") --pre_;
    if (block_name(name)) b_.line_break();
    if (name == "td" || name == "th") b_.space();
  }

  Builder& b_;
  int pre_ = 0;
};

void walk(const xmlNode* root, Walker& w) {
  const xmlNode* n = root;
  while (n != nullptr) {
    if (w.enter(n)) {
      n = n->children;
      continue;
    }
    while (n != nullptr) {
      if (n == root) return;
      if (n->next != nullptr) {
        n = n->next;
        break;
      }
      n = n->parent;
      w.leave(n);
    }
  }
}

bool is_utf8_name(std::string_view enc) {
  return iequals(enc, "utf-8") || iequals(enc, "utf8");
}

// Whether libxml2 can convert from `enc` (a name it does not know leaves
// the bytes read as ISO-8859-1, silently).
bool known_encoding(std::string_view enc) {
  const std::string name(enc);
  xmlCharEncodingHandlerPtr h = libxml().find_encoding(name.c_str());
  if (h == nullptr) return false;
  libxml().close_encoding(h);
  return true;
}

}  // namespace

HtmlText extract_html(std::string_view input) {
  const std::size_t bad = invalid_utf8(input);
  quiet_libxml();
  const std::unique_ptr<xmlDoc, DocFree> doc(
      libxml().read_memory(input.data(), static_cast<int>(input.size()), nullptr, nullptr,
                           HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
                               HTML_PARSE_RECOVER | HTML_PARSE_COMPACT));
  const std::string_view declared = doc ? str(doc->encoding) : std::string_view();
  if (bad != std::string::npos) {
    const std::string where =
        fmt::format("byte 0x{:02X} at offset {}", static_cast<unsigned char>(input[bad]), bad);
    const std::string hint =
        "declare its charset (<meta charset=\"windows-1252\">) or convert it: "
        "iconv -f WINDOWS-1252 -t UTF-8 FILE | mgcramp check -";
    if (declared.empty() || is_utf8_name(declared)) {
      throw DataError(
          fmt::format("the HTML is not valid UTF-8 ({}) and declares no other charset", where),
          hint);
    }
    if (!known_encoding(declared)) {
      throw DataError(fmt::format("the HTML declares charset '{}', which is not one libxml2 knows, "
                                  "and is not valid UTF-8 ({})",
                                  declared, where),
                      hint);
    }
  }
  HtmlText result;
  if (!doc) return result;  // nothing the parser could read: no text
  Builder b;
  Walker w(b);
  for (const xmlNode* top = doc->children; top != nullptr; top = top->next) walk(top, w);
  result.text = std::move(b.out);
  result.headings = std::move(b.headings);
  result.title = !w.title_.empty() ? std::move(w.title_) : std::move(b.first_h1);
  if (const std::size_t at = invalid_utf8(result.text); at != std::string::npos) {
    throw DataError(fmt::format("the HTML's text is not valid UTF-8 after converting it from '{}'",
                                declared.empty() ? std::string_view("UTF-8") : declared),
                    "convert the file to UTF-8 first: iconv -f CHARSET -t UTF-8 FILE | "
                    "mgcramp check -");
  }
  return result;
}

}  // namespace mgcramp::check::detail
