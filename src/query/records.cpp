#include "mgcramp/query/records.hpp"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "mgcramp/error.hpp"
#include "mgcramp/model/leaves.hpp"
#include "mgcramp/text.hpp"

namespace mgcramp {
namespace {

using schema::Field;
using schema::Path;
using schema::RefTo;

// Whether a reference of `kind` can point at the record `target`.
bool can_point_at(RefTo kind, const Dataset& ds, RecordRef target) {
  const SourceKind source_kind =
      target.table == Table::sources ? ds.sources[target.index].kind : SourceKind::article;
  return schema::can_point_at(kind, target.table, source_kind);
}

}  // namespace

const std::vector<Table>& all_tables() {
  static const std::vector<Table> all = [] {
    std::vector<Table> v;
    for (std::size_t i = 0; i < enum_count<Table>(); ++i) v.push_back(static_cast<Table>(i));
    return v;
  }();
  return all;
}

const char* table_name(Table t) {
  return name_of(t).data();  // the names are string literals
}

const std::string& record_id(const Dataset& ds, RecordRef r) {
  return with_record(ds, r, [](const auto& rec) -> const std::string& { return rec.id; });
}

std::string record_label(const Dataset& ds, RecordRef r) {
  switch (r.table) {
    case Table::sources: return ds.sources[r.index].title;
    case Table::notices: return ds.notices[r.index].text;
    case Table::intakes: {
      const Intake& in = ds.intakes[r.index];
      std::string s = in.life_stage;
      if (in.sex != SexScope::any) s.append(", ").append(name_of(in.sex));
      if (in.condition != Condition::none) s.append(", ").append(name_of(in.condition));
      return s;
    }
    case Table::foods: return ds.foods[r.index].name;
    case Table::forms: return ds.forms[r.index].name;
    case Table::studies: {
      const Study& s = ds.studies[r.index];
      return fmt::format("{} {}", s.first_author, s.year);
    }
    case Table::claims: return ds.claims[r.index].text;
    case Table::causes: return ds.causes[r.index].name;
    case Table::remedies: return ds.remedies[r.index].name;
    case Table::symptoms: return ds.symptoms[r.index].name;
    case Table::interactions: return ds.interactions[r.index].drug_class;
    case Table::medicines: return ds.medicines[r.index].generic_name;
    case Table::conditions: return ds.conditions[r.index].name;
    case Table::red_flags: return ds.red_flags[r.index].sign;
    case Table::cues: return std::string(name_of(ds.cues[r.index].kind));
  }
  return {};
}

const Study* find_study_by_identifier(const Dataset& ds, std::string_view text) {
  std::string t = text::to_lower(text::trim(text));
  if (t.empty()) return nullptr;
  if (std::all_of(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    for (const Study& s : ds.studies)
      if (s.pmid && *s.pmid == t) return &s;
    return nullptr;
  }
  for (const char* prefix :
       {"https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "doi:"}) {
    if (t.rfind(prefix, 0) == 0) {
      t.erase(0, std::string_view(prefix).size());
      break;
    }
  }
  if (t.rfind("10.", 0) != 0) return nullptr;
  for (const Study& s : ds.studies)
    if (s.doi && text::to_lower(*s.doi) == t) return &s;
  return nullptr;
}

std::vector<std::string> ids_like(const std::vector<std::string>& ids, const std::string& prefix,
                                  std::size_t max) {
  std::vector<std::string> out;
  if (prefix.size() < 3) return out;
  for (const std::string& id : ids) {
    bool like = id.rfind(prefix, 0) == 0;
    for (std::size_t at = id.find(prefix); !like && at != std::string::npos;
         at = id.find(prefix, at + 1)) {
      const std::size_t end = at + prefix.size();
      like = (at == 0 || id[at - 1] == '-') && (end == id.size() || id[end] == '-');
    }
    if (like && std::find(out.begin(), out.end(), id) == out.end()) out.push_back(id);
    if (out.size() == max) break;
  }
  return out;
}

RecordRef resolve_record(const Dataset& ds, const std::string& id,
                         const std::optional<Table>& table) {
  std::string want = text::to_lower(id);
  want.erase(0, want.find_first_not_of(" \t"));
  want.erase(want.find_last_not_of(" \t") + 1);
  std::vector<RecordRef> hits;
  std::vector<std::string> ids;
  for_each_record(ds, [&](RecordRef r) {
    if (table && r.table != *table) return;
    const std::string& rid = record_id(ds, r);
    if (rid == want) hits.push_back(r);
    ids.push_back(rid);
  });
  const std::string shown = text::sanitize(id);
  if (hits.empty() && (!table || *table == Table::studies)) {
    if (const Study* s = find_study_by_identifier(ds, want))
      hits.push_back(RecordRef{Table::studies, static_cast<std::size_t>(s - ds.studies.data())});
  }
  if (hits.empty()) {
    const std::string where = table ? fmt::format(" in {}", table_name(*table)) : "";
    const std::vector<std::string> like =
        want.empty() ? std::vector<std::string>{} : ids_like(ids, want);
    const std::string near = want.empty() || !like.empty() ? "" : text::closest(want, ids);
    std::string guess;
    if (!like.empty()) guess = fmt::format("; did you mean {}?", fmt::join(like, ", "));
    if (!near.empty()) guess = fmt::format("; did you mean '{}'?", near);
    throw UsageError(fmt::format("no record with id '{}'{}{}", shown, where, guess),
                     fmt::format("'mgcramp search {}' finds records by their text",
                                 want.empty() ? "oxide" : shown));
  }
  if (hits.size() > 1) {
    std::vector<std::string> names;
    for (const auto& h : hits) names.emplace_back(table_name(h.table));
    throw AmbiguousId(
        fmt::format("id '{}' is used in several tables: {}", shown, fmt::join(names, ", ")), names);
  }
  return hits.front();
}

std::vector<Link> referenced_by(const Dataset& ds, RecordRef target) {
  const std::string& id = record_id(ds, target);
  std::vector<Link> out;
  for_each_record(ds, [&](RecordRef from) {
    std::string last;  // one link per field
    with_record(ds, from, [&](const auto& rec) {
      schema::for_each_leaf(rec, [&](const Path& path, const Field& f, const auto& v) {
        if (f.ref == RefTo::none) return;
        bool hit = false;
        schema::for_each_id(v, [&](const std::string& ref) { hit = hit || ref == id; });
        if (!hit || !can_point_at(f.ref, ds, target)) return;
        std::string field = path.str();
        if (field == last) return;
        last = field;
        out.push_back({from, std::move(field)});
      });
    });
  });
  return out;
}

std::vector<std::string> cited_ids(const Dataset& ds, RecordRef r) {
  std::vector<std::string> out;
  with_record(ds, r, [&](const auto& rec) {
    schema::for_each_leaf(rec, [&](const Path&, const Field& f, const auto& v) {
      if (f.ref != RefTo::citable && f.ref != RefTo::article && f.ref != RefTo::study) return;
      schema::for_each_id(v, [&](const std::string& ref) {
        if (std::find(out.begin(), out.end(), ref) == out.end()) out.push_back(ref);
      });
    });
  });
  return out;
}

}  // namespace mgcramp
