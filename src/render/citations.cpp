#include "mgcramp/render/citations.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "mgcramp/text.hpp"

namespace mgcramp {
namespace {

// "SR" -> "S. R."
std::string dotted(const std::string& initials) {
  std::string out;
  for (char c : initials) {
    if (!out.empty()) out += ' ';
    out += c;
    out += '.';
  }
  return out;
}

std::string year_of(const Citable& c) {
  const auto y = citation_year(c);
  return y ? std::to_string(*y) : std::string();
}

// "617-623" -> {"617", "623"}; "CD009402" -> {"CD009402", ""}.
std::pair<std::string, std::string> page_range(const std::string& pages) {
  const std::size_t dash = pages.find('-');
  if (dash == std::string::npos) return {pages, ""};
  return {pages.substr(0, dash), pages.substr(pages.find_first_not_of('-', dash))};
}

// One line of printable text: the sanitizer turns newlines and tabs into
// spaces and escapes other control characters.
std::string clean(std::string_view s) {
  return text::sanitize(s);
}

// ---- BibTeX ----

std::string bib_escape(std::string_view s) {
  std::string out;
  for (char c : clean(s)) {
    switch (c) {
      case '&':
      case '%':
      case '$':
      case '#':
      case '_':
      case '{':
      case '}':
        out += '\\';
        out += c;
        break;
      case '~': out += "\\textasciitilde{}"; break;
      case '^': out += "\\textasciicircum{}"; break;
      case '\\': out += "\\textbackslash{}"; break;
      default: out += c;
    }
  }
  return out;
}

// DOIs and URLs are verbatim in BibTeX: only braces and backslashes would break it.
std::string bib_verbatim(std::string_view s) {
  std::string out = clean(s);
  out.erase(std::remove_if(out.begin(), out.end(),
                           [](char c) { return c == '{' || c == '}' || c == '\\'; }),
            out.end());
  return out;
}

std::string bib_authors(const AuthorList& a) {
  std::vector<std::string> parts;
  for (const Author& n : a.names) {
    parts.push_back(n.initials.empty()
                        ? "{" + bib_escape(n.family) + "}"
                        : bib_escape(n.family) + ", " + bib_escape(dotted(n.initials)));
  }
  if (a.others) parts.emplace_back("others");
  return fmt::format("{}", fmt::join(parts, " and "));
}

struct BibEntry {
  std::string type, key;
  std::vector<std::pair<const char*, std::string>> fields;  // already escaped

  void add(const char* name, const std::optional<std::string>& v, bool verbatim = false) {
    if (v && !v->empty()) fields.emplace_back(name, verbatim ? bib_verbatim(*v) : bib_escape(*v));
  }
  std::string str() const {
    std::string out = fmt::format("@{}{{{},\n", type, key);
    for (std::size_t i = 0; i < fields.size(); ++i) {
      out += fmt::format("  {} = {{{}}}{}\n", fields[i].first, fields[i].second,
                         i + 1 < fields.size() ? "," : "");
    }
    return out + "}\n";
  }
};

std::string bibtex(const Citable& c) {
  BibEntry e;
  e.key = bib_verbatim(c.id());
  e.fields.emplace_back("author", bib_authors(authors_of(c)));
  if (const Study* s = c.study) {
    e.type = "article";
    e.fields.emplace_back("title", "{" + bib_escape(s->title) + "}");
    e.add("journal", s->journal);
    e.add("year", year_of(c));
    e.add("volume", s->volume);
    e.add("number", s->issue);
    if (s->pages) {
      const auto [first, last] = page_range(*s->pages);
      e.add("pages", last.empty() ? first : first + "--" + last);
    }
    e.add("doi", s->doi, true);
    e.add("pmid", s->pmid, true);
  } else {
    const Source* src = c.source;
    e.type = "misc";
    e.fields.emplace_back("title", "{" + bib_escape(src->title) + "}");
    if (src->authors) e.add("publisher", src->publisher);
    e.add("year", year_of(c));
    if (src->date && src->date->size() > 4) e.add("date", src->date);
    e.add("url", src->url, true);
    if (src->url) e.add("urldate", src->accessed, true);
    if (src->url) e.fields.emplace_back("howpublished", "\\url{" + bib_verbatim(*src->url) + "}");
    if (src->commercial_interest) {
      e.add("note", "Publisher sells magnesium products: " + src->commercial_note.value_or(""));
    }
  }
  return e.str();
}

// ---- RIS ----

struct RisRecord {
  std::string out;
  void add(const char* tag, const std::optional<std::string>& v) {
    if (v && !v->empty()) out += fmt::format("{}  - {}\n", tag, clean(*v));
  }
};

const char* ris_type(const Source& s) {
  if (s.kind == SourceKind::database) return "DBASE";
  if (s.kind == SourceKind::regulation) return "GOVDOC";
  if (s.kind == SourceKind::dataset) return "DATA";
  return s.url ? "ELEC" : "GEN";
}

std::string ris(const Citable& c) {
  RisRecord r;
  r.add("TY", c.study != nullptr ? "JOUR" : ris_type(*c.source));
  r.add("ID", c.id());
  for (const Author& a : authors_of(c).names) {
    r.add("AU", a.initials.empty() ? a.family : a.family + ", " + dotted(a.initials));
  }
  if (const Study* s = c.study) {
    r.add("TI", s->title);
    r.add("T2", s->journal);
    r.add("PY", year_of(c));
    r.add("VL", s->volume);
    r.add("IS", s->issue);
    if (s->pages) {
      const auto [first, last] = page_range(*s->pages);
      r.add("SP", first);
      r.add("EP", last);
    }
    r.add("DO", s->doi);
    if (s->pmid) {
      r.add("AN", "PMID: " + *s->pmid);
      r.add("UR", "https://pubmed.ncbi.nlm.nih.gov/" + *s->pmid + "/");
    }
  } else {
    const Source* src = c.source;
    r.add("TI", src->title);
    r.add("PB", src->publisher);
    r.add("PY", year_of(c));
    if (src->date && src->date->size() == 10) {
      std::string d = *src->date;
      std::replace(d.begin(), d.end(), '-', '/');
      r.add("DA", d);
    }
    r.add("UR", src->url);
    if (src->url && src->accessed) {
      std::string d = *src->accessed;
      std::replace(d.begin(), d.end(), '-', '/');
      r.add("Y2", d);
    }
    if (src->commercial_interest) {
      r.add("N1", "Publisher sells magnesium products: " + src->commercial_note.value_or(""));
    }
  }
  return r.out + "ER  - \n";
}

}  // namespace

std::string reference_text(const Citable& c) {
  const AuthorList a = authors_of(c);
  std::vector<std::string> names;
  constexpr std::size_t kListed = 6;  // NLM lists six authors, then "et al."
  for (std::size_t i = 0; i < a.names.size() && i < kListed; ++i) {
    const Author& n = a.names[i];
    names.push_back(n.initials.empty() ? n.family : n.family + " " + n.initials);
  }
  std::string out;
  for (const auto& n : names) out.append(out.empty() ? "" : ", ").append(n);
  if (a.others || a.names.size() > kListed) out += ", et al";
  auto sentence = [&out](const std::string& s) {
    if (s.empty()) return;
    if (!out.empty()) out += out.back() == '.' || out.back() == '?' ? " " : ". ";
    out += s;
  };
  if (const Study* s = c.study) {
    sentence(s->title);
    sentence(s->journal);
    std::string where = year_of(c) + ";";
    if (s->volume) where += *s->volume;
    if (s->issue) where += "(" + *s->issue + ")";
    if (s->pages) where += ":" + *s->pages;
    if (where.back() == ';') where.pop_back();
    sentence(where);
    if (s->doi) sentence("doi:" + *s->doi);
    if (s->pmid) sentence("PMID: " + *s->pmid);
  } else {
    const Source* src = c.source;
    sentence(src->title);
    if (src->authors && src->publisher) sentence(*src->publisher);
    if (src->date) sentence(*src->date);
    if (src->url) {
      sentence("Available from: " + *src->url);
      if (src->accessed) out += " (accessed " + *src->accessed + ")";
    }
    if (src->commercial_interest) sentence("(Publisher sells magnesium products.)");
  }
  if (!out.empty() && out.back() != '.' && out.back() != ')') out += '.';
  return clean(out);
}

std::string format_citations(const std::vector<Citable>& items, Format format) {
  std::string out;
  for (const Citable& c : items) {
    if (!out.empty()) out += '\n';
    out += format == Format::bibtex ? bibtex(c) : ris(c);
  }
  return out;
}

}  // namespace mgcramp
