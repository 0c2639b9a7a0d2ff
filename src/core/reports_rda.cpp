#include <algorithm>

#include <fmt/format.h>

#include "mgcramp/reports.hpp"
#include "report_util.hpp"

namespace mgcramp {
namespace {

using detail::opt;

}  // namespace

Report rda_report(const Dataset& ds, const Profile& profile) {
  const auto rows = find_intakes(ds, profile);
  Report r;
  const std::string who = describe_profile(profile);
  r.title = who.empty() ? "Magnesium reference intakes by life stage (US DRI), mg per day"
                        : "Magnesium reference intake for " + who + ", mg per day";
  r.single_object = profile.age_months.has_value() && rows.size() == 1;
  r.columns = {
      {"life_stage", "Life stage"},
      {"sex", "Sex"},
      {"condition", "Condition", Align::left, false},
      {"age_from_months", "From (months)", Align::right, false},
      {"age_to_months", "To (months)", Align::right, false},
      {"kind", "Kind"},
      {"rda_mg", "RDA/AI", Align::right},
      {"ear_mg", "EAR", Align::right},
      {"ul_supplemental_mg", "UL supplements", Align::right},
      {"notices", "Notices", Align::left, false},
      {"sources", "Sources", Align::left, false},
  };
  std::vector<std::string> notice_ids;
  std::vector<std::string> source_ids;
  for (const Intake* in : rows) {
    Value::List notices;
    for (const auto& id : in->notices) {
      if (const Notice* n = ds.find_notice(id)) notices.push_back(Value::ref(n->text));
      if (std::find(notice_ids.begin(), notice_ids.end(), id) == notice_ids.end()) {
        notice_ids.push_back(id);
      }
    }
    source_ids.insert(source_ids.end(), in->sources.begin(), in->sources.end());
    r.add_cells(in->life_stage, in->sex, in->condition, in->age_from_months, opt(in->age_to_months),
                in->kind, Cell{in->rda_mg, mg_text(in->rda_mg)},
                Cell{opt(in->ear_mg), in->ear_mg ? mg_text(*in->ear_mg) : "none"},
                Cell{opt(in->ul_supplemental_mg),
                     in->ul_supplemental_mg ? mg_text(*in->ul_supplemental_mg) : "not established"},
                std::move(notices), in->sources);
  }
  r.note(
      "RDA: Recommended Dietary Allowance. AI: Adequate Intake (set where no RDA could be). EAR: "
      "Estimated Average Requirement. UL: Tolerable Upper Intake Level.");
  add_notices(r, ds, notice_ids, source_ids);
  add_source_notes(r, ds, source_ids);
  return r;
}

}  // namespace mgcramp
