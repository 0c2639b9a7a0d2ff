#include "mgcramp/loader.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <map>
#include <memory>

#include <fmt/format.h>

#include "json_reader.hpp"
#include "mgcramp/error.hpp"
#include "mgcramp/text.hpp"

namespace mgcramp {
namespace detail {
std::string_view embedded_dataset();  // generated from data/mgcramp.json
}

namespace {

using detail::json;
using detail::Obj;
using detail::Ref;

constexpr long long kSchemaVersion = 1;
constexpr std::size_t kMaxFileBytes = 64u << 20;

// State shared while one document is read.
class Loader {
 public:
  explicit Loader(const std::string& origin) : origin_(origin) {}

  Dataset load(const json& doc);

 private:
  // Calls `fn(Obj&)` for each element of the array `root[table]` and checks
  // that the "id" fields are unique within the id space `space`.
  template <class Fn>
  void each(Obj& root, std::string_view table, bool required, Fn fn);

  void check_unique(std::map<std::string, std::string>& seen, const std::string& id,
                    const std::string& pointer, std::string_view what);
  void check_refs(const std::vector<Ref>& refs, const std::map<std::string, std::string>& ids,
                  std::string_view what, std::string_view table_hint) const;
  void check_intakes(const Dataset& ds) const;

  Source read_source(Obj& o);
  Notice read_notice(Obj& o);
  Intake read_intake(Obj& o);

  const std::string& origin_;
  std::map<std::string, std::string> source_ids_;  // id -> pointer
  std::map<std::string, std::string> notice_ids_;
  std::map<std::string, std::string> intake_ids_;
  std::vector<Ref> source_refs_;
  std::vector<Ref> notice_refs_;
  std::vector<std::string> intake_pointers_;
};

template <class Fn>
void Loader::each(Obj& root, std::string_view table, bool required, Fn fn) {
  const json* arr = required ? &root.array(table) : root.opt_array(table);
  if (arr == nullptr) return;
  for (std::size_t i = 0; i < arr->size(); ++i) {
    Obj o((*arr)[i], root.child(table) + "/" + std::to_string(i), origin_);
    fn(o);
    o.done();
  }
}

void Loader::check_unique(std::map<std::string, std::string>& seen, const std::string& id,
                          const std::string& pointer, std::string_view what) {
  auto [it, inserted] = seen.emplace(id, pointer);
  if (!inserted) {
    detail::fail(origin_, pointer, fmt::format("duplicate {} id \"{}\"", what, id),
                 "already used at " + it->second);
  }
}

void Loader::check_refs(const std::vector<Ref>& refs, const std::map<std::string, std::string>& ids,
                        std::string_view what, std::string_view table_hint) const {
  std::vector<std::string> known;
  for (const auto& r : refs) {
    if (ids.count(r.id) != 0) continue;
    if (known.empty()) {
      for (const auto& kv : ids) known.push_back(kv.first);
    }
    const std::string near = text::closest(r.id, known);
    detail::fail(origin_, r.pointer,
                 fmt::format("unknown {} id {}", what, detail::describe(json(r.id))),
                 near.empty() ? fmt::format("add it to \"{}\" or fix the reference", table_hint)
                              : "did you mean \"" + near + "\"?");
  }
}

Source Loader::read_source(Obj& o) {
  Source s;
  s.id = o.id("id");
  check_unique(source_ids_, s.id, o.child("id"), "source");
  s.kind = o.choice("kind", {"article", "reference", "dataset", "database", "regulation"});
  s.title = o.str("title");
  s.publisher = o.opt_str("publisher");
  s.authors = o.opt_str("authors");
  s.date = o.opt_str("date");
  s.url = o.opt_str("url");
  s.commercial_interest = o.boolean("commercial_interest");
  s.commercial_note = o.opt_str("commercial_note");
  s.notes = o.opt_str("notes");
  if (s.commercial_interest && !s.commercial_note) {
    o.fail_at("commercial_note", "missing: a source with a commercial interest says what it sells");
  }
  return s;
}

Notice Loader::read_notice(Obj& o) {
  Notice n;
  n.id = o.id("id");
  check_unique(notice_ids_, n.id, o.child("id"), "notice");
  n.text = o.str("text");
  n.caution = o.choice("level", {"info", "caution"}) == "caution";
  n.sources = o.refs("sources", source_refs_);
  return n;
}

Intake Loader::read_intake(Obj& o) {
  Intake in;
  in.id = o.id("id");
  check_unique(intake_ids_, in.id, o.child("id"), "intake");
  in.life_stage = o.str("life_stage");
  in.age_from_months = o.number("age_from_months");
  in.age_to_months = o.opt_number("age_to_months");
  if (in.age_to_months && *in.age_to_months <= in.age_from_months) {
    o.fail_at("age_to_months", "must be greater than age_from_months",
              "age_to_months is exclusive; use null for an open-ended stage");
  }
  const std::string sex = o.choice("sex", {"any", "female", "male"});
  in.sex = sex == "female" ? SexScope::female : sex == "male" ? SexScope::male : SexScope::any;
  const std::string cond = o.choice("condition", {"none", "pregnant", "lactating"});
  in.condition = cond == "pregnant"    ? Condition::pregnant
                 : cond == "lactating" ? Condition::lactating
                                       : Condition::none;
  if (in.condition != Condition::none && in.sex != SexScope::female) {
    o.fail_at("sex", "pregnancy and lactation rows must have sex \"female\"");
  }
  in.kind = o.choice("kind", {"RDA", "AI"});
  in.rda_mg = o.number("rda_mg");
  in.ear_mg = o.opt_number("ear_mg");
  if (in.ear_mg && *in.ear_mg > in.rda_mg) {
    o.fail_at("ear_mg", "the Estimated Average Requirement cannot exceed rda_mg");
  }
  in.ul_supplemental_mg = o.opt_number("ul_supplemental_mg");
  in.notices = o.refs("notices", notice_refs_, false);
  in.sources = o.refs("sources", source_refs_);
  intake_pointers_.push_back(o.pointer());
  return in;
}

// Two rows for the same people and the same ages would make lookups ambiguous.
void Loader::check_intakes(const Dataset& ds) const {
  for (std::size_t i = 0; i < ds.intakes.size(); ++i) {
    for (std::size_t j = 0; j < i; ++j) {
      const Intake& a = ds.intakes[i];
      const Intake& b = ds.intakes[j];
      if (a.condition != b.condition) continue;
      if (a.sex != b.sex && a.sex != SexScope::any && b.sex != SexScope::any) continue;
      const double a_end = a.age_to_months.value_or(1e300);
      const double b_end = b.age_to_months.value_or(1e300);
      if (a.age_from_months < b_end && b.age_from_months < a_end) {
        detail::fail(origin_, intake_pointers_[i],
                     fmt::format("ages overlap with intake \"{}\" for the same people", b.id),
                     "make age ranges [age_from_months, age_to_months) disjoint");
      }
    }
  }
}

Dataset Loader::load(const json& doc) {
  Obj root(doc, "", origin_);
  Dataset ds;
  ds.origin = origin_;
  ds.schema_version = static_cast<int>(root.integer("schema_version", 0, 1000000));
  if (ds.schema_version != kSchemaVersion) {
    root.fail_at("schema_version", fmt::format("unsupported schema version {}", ds.schema_version),
                 fmt::format("this mgcramp reads schema version {}", kSchemaVersion));
  }
  (void)root.opt_str("description");
  each(root, "sources", true, [&](Obj& o) { ds.sources.push_back(read_source(o)); });
  each(root, "notices", false, [&](Obj& o) { ds.notices.push_back(read_notice(o)); });
  each(root, "intakes", true, [&](Obj& o) { ds.intakes.push_back(read_intake(o)); });
  root.done();

  check_refs(source_refs_, source_ids_, "source", "sources");
  check_refs(notice_refs_, notice_ids_, "notice", "notices");
  check_intakes(ds);
  return ds;
}

std::string read_file(const std::string& path) {
  const std::string shown = text::sanitize(path);
  const char* hint = "check the path given to --data or MGCRAMP_DATA";
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) {
    throw DataError(fmt::format("cannot open '{}': {}", shown, std::strerror(errno)), hint);
  }
  if (S_ISDIR(st.st_mode)) throw DataError(fmt::format("'{}' is a directory", shown), hint);
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> f(std::fopen(path.c_str(), "rb"), &std::fclose);
  if (!f) throw DataError(fmt::format("cannot open '{}': {}", shown, std::strerror(errno)), hint);
  std::string data;
  char buf[65536];
  std::size_t n = 0;
  while ((n = std::fread(buf, 1, sizeof buf, f.get())) > 0) {
    data.append(buf, n);
    if (data.size() > kMaxFileBytes) {
      throw DataError(fmt::format("'{}' is larger than {} MiB", shown, kMaxFileBytes >> 20),
                      "a dataset is a few hundred kilobytes of JSON");
    }
  }
  if (std::ferror(f.get())) {
    throw DataError(fmt::format("cannot read '{}': {}", shown, std::strerror(errno)), hint);
  }
  return data;
}

}  // namespace

std::string_view embedded_dataset_text() {
  return detail::embedded_dataset();
}

Dataset load_dataset(std::string_view text, const std::string& origin) {
  const json doc = detail::parse_json(text, origin);
  return Loader(origin).load(doc);
}

Dataset load_dataset_file(const std::string& path) {
  return load_dataset(read_file(path), path);
}

Dataset load_embedded_dataset() {
  return load_dataset(embedded_dataset_text(), "<embedded>/data/mgcramp.json");
}

std::vector<TableCount> table_counts(const Dataset& ds) {
  return {
      {"sources", ds.sources.size()},
      {"notices", ds.notices.size()},
      {"intakes", ds.intakes.size()},
  };
}

}  // namespace mgcramp
