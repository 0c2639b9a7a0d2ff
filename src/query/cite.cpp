#include "mgcramp/query/cite.hpp"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "mgcramp/error.hpp"
#include "mgcramp/query/records.hpp"
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

}  // namespace

std::optional<int> citation_year(const Citable& c) {
  if (c.study != nullptr) return c.study->year;
  const auto& d = c.source->date;
  if (d && d->size() >= 4 &&
      std::all_of(d->begin(), d->begin() + 4, [](char ch) { return ch >= '0' && ch <= '9'; })) {
    return std::stoi(d->substr(0, 4));
  }
  return std::nullopt;
}

std::vector<Citable> all_citables(const Dataset& ds) {
  std::vector<Citable> out;
  for (const Study& s : ds.studies) out.push_back({&s, nullptr});
  for (const Source& s : ds.sources) out.push_back({nullptr, &s});
  return out;
}

bool all_citable(const Dataset& ds, const std::vector<std::string>& ids) {
  return std::all_of(ids.begin(), ids.end(), [&](const std::string& raw) {
    const std::string id = text::to_lower(trim(raw));
    return ds.find_study(id) != nullptr || ds.find_source(id) != nullptr ||
           find_study_by_identifier(ds, id) != nullptr;
  });
}

std::vector<Citable> resolve_citables(const Dataset& ds, const std::vector<std::string>& ids) {
  std::vector<Citable> out;
  std::vector<std::string> wanted;
  for (const std::string& raw : ids) {
    // A claim stands for the evidence its verdict cites.
    const std::string id = text::to_lower(trim(raw));
    const auto claim = std::find_if(ds.claims.begin(), ds.claims.end(),
                                    [&](const Claim& c) { return c.id == id; });
    if (claim != ds.claims.end() && ds.find_study(id) == nullptr && ds.find_source(id) == nullptr) {
      wanted.insert(wanted.end(), claim->verdict.evidence.begin(), claim->verdict.evidence.end());
    } else {
      wanted.push_back(raw);
    }
  }
  for (const std::string& raw : wanted) {
    const std::string id = text::to_lower(trim(raw));
    Citable c;
    c.study = ds.find_study(id);
    if (c.study == nullptr) c.source = ds.find_source(id);
    if (c.study == nullptr && c.source == nullptr) c.study = find_study_by_identifier(ds, id);
    if (c.study == nullptr && c.source == nullptr) {
      std::vector<std::string> known;
      for (const Study& s : ds.studies) known.push_back(s.id);
      for (const Source& s : ds.sources) known.push_back(s.id);
      const std::vector<std::string> like = ids_like(known, id);
      const std::string near = like.empty() ? text::closest(id, known) : "";
      std::string guess;
      if (!like.empty()) guess = fmt::format("; did you mean {}?", fmt::join(like, ", "));
      if (!near.empty()) guess = fmt::format("; did you mean '{}'?", near);
      throw UsageError(
          fmt::format("'{}' is not a study, source or claim id, PMID or DOI{}", text::sanitize(raw),
                      guess),
          "studies, sources and a claim's evidence are cited; 'mgcramp search TEXT' finds ids");
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
      a.names.push_back({text::sanitize(*s->authors), ""});
    } else if (s->publisher) {
      a.names.push_back({text::sanitize(*s->publisher), ""});
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

}  // namespace mgcramp
