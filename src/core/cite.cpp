#include "mgcramp/cite.hpp"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "mgcramp/error.hpp"
#include "mgcramp/render.hpp"
#include "mgcramp/text.hpp"

namespace mgcramp {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '.')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '.')) s.remove_suffix(1);
  return s;
}

bool is_initials(std::string_view s) {
  return !s.empty() && s.size() <= 4 && std::all_of(s.begin(), s.end(), [](char c) {
    return std::isupper(static_cast<unsigned char>(c)) != 0;
  });
}

// "Garrison SR" -> {"Garrison", "SR"}; anything else is an organisation.
Author parse_name(std::string_view s) {
  const std::size_t sp = s.rfind(' ');
  if (sp != std::string_view::npos && is_initials(s.substr(sp + 1))) {
    return {std::string(s.substr(0, sp)), std::string(s.substr(sp + 1))};
  }
  return {std::string(s), ""};
}

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
    if (src->commercial_interest) {
      r.add("N1", "Publisher sells magnesium products: " + src->commercial_note.value_or(""));
    }
  }
  return r.out + "ER  - \n";
}

}  // namespace

std::optional<CiteFormat> parse_cite_format(const std::optional<std::string>& format, bool json) {
  if (!format) return std::nullopt;
  const std::string v = text::to_lower(*format);
  std::optional<CiteFormat> cite;
  if (v == "bibtex" || v == "bib") cite = CiteFormat::bibtex;
  if (v == "ris") cite = CiteFormat::ris;
  if (cite && json) {
    throw UsageError("--json conflicts with --format " + text::sanitize(*format),
                     "use one of them");
  }
  if (cite) return cite;
  try {
    (void)parse_format(v);
  } catch (const UsageError&) {
    throw UsageError(fmt::format("--format must be table, json, csv, md, bibtex or ris, got '{}'",
                                 text::sanitize(*format)),
                     "for example --format bibtex");
  }
  return std::nullopt;
}

std::optional<int> citation_year(const Citable& c) {
  if (c.study != nullptr) return c.study->year;
  const auto& d = c.source->date;
  if (d && d->size() >= 4 &&
      std::all_of(d->begin(), d->begin() + 4, [](char ch) { return ch >= '0' && ch <= '9'; })) {
    return std::stoi(d->substr(0, 4));
  }
  return std::nullopt;
}

std::vector<Citable> resolve_citables(const Dataset& ds, const std::vector<std::string>& ids,
                                      bool all) {
  std::vector<Citable> out;
  if (all) {
    if (!ids.empty()) {
      throw UsageError("give ids or --all, not both",
                       "'mgcramp cite --all' cites every study and source");
    }
    for (const Study& s : ds.studies) out.push_back({&s, nullptr});
    for (const Source& s : ds.sources) out.push_back({nullptr, &s});
    return out;
  }
  if (ids.empty()) {
    throw UsageError("cite needs at least one study or source id",
                     "for example 'mgcramp cite garrison-2020'; 'mgcramp show ID' and "
                     "'mgcramp search TEXT' find ids");
  }
  for (const std::string& raw : ids) {
    const std::string id = text::to_lower(trim(raw));
    Citable c;
    c.study = ds.find_study(id);
    if (c.study == nullptr) c.source = ds.find_source(id);
    if (c.study == nullptr && c.source == nullptr) {
      std::vector<std::string> known;
      for (const Study& s : ds.studies) known.push_back(s.id);
      for (const Source& s : ds.sources) known.push_back(s.id);
      const std::string near = text::closest(id, known);
      throw UsageError(fmt::format("'{}' is not a study or source id{}", text::sanitize(raw),
                                   near.empty() ? "" : fmt::format("; did you mean '{}'?", near)),
                       "cite takes the ids 'mgcramp trials --design all --all' and 'mgcramp "
                       "sources' list");
    }
    const bool seen =
        std::any_of(out.begin(), out.end(), [&](const Citable& o) { return o.id() == c.id(); });
    if (!seen) out.push_back(c);
  }
  return out;
}

AuthorList authors_of(const Citable& c) {
  AuthorList a;
  if (const Source* s = c.source) {
    if (s->authors) {
      a.names.push_back({clean(*s->authors), ""});
    } else if (s->publisher) {
      a.names.push_back({clean(*s->publisher), ""});
    }
    return a;
  }
  const Study& s = *c.study;
  if (!s.authors) {
    a.names.push_back(parse_name(trim(s.first_author)));
    a.others = true;
    return a;
  }
  std::string_view rest = *s.authors;
  while (!rest.empty()) {
    const std::size_t comma = rest.find(',');
    const std::string_view part = trim(rest.substr(0, comma));
    rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
    if (part.empty()) continue;
    if (text::to_lower(part) == "et al") {
      a.others = true;
    } else {
      a.names.push_back(parse_name(part));
    }
  }
  return a;
}

std::string reference_text(const Citable& c) {
  const AuthorList a = authors_of(c);
  std::vector<std::string> names;
  constexpr std::size_t kListed = 6;  // NLM lists six authors, then "et al."
  for (std::size_t i = 0; i < a.names.size() && i < kListed; ++i) {
    const Author& n = a.names[i];
    names.push_back(n.initials.empty() ? n.family : n.family + " " + n.initials);
  }
  std::string out = fmt::format("{}", fmt::join(names, ", "));
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
    if (src->url) sentence("Available from: " + *src->url);
    if (src->commercial_interest) sentence("(Publisher sells magnesium products.)");
  }
  if (!out.empty() && out.back() != '.' && out.back() != ')') out += '.';
  return clean(out);
}

std::string format_citations(const std::vector<Citable>& items, CiteFormat format) {
  std::string out;
  for (const Citable& c : items) {
    if (!out.empty()) out += '\n';
    out += format == CiteFormat::bibtex ? bibtex(c) : ris(c);
  }
  return out;
}

}  // namespace mgcramp
