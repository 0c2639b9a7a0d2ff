#include <algorithm>

#include <fmt/format.h>

#include "mgcramp/report/builders.hpp"
#include "util.hpp"

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
  add_profile_query(r, profile);
  add_record_columns<Intake>(r);
  r.show("life_stage", "Life stage");
  r.show("sex", "Sex");
  r.show("kind", "Kind");
  r.show("rda_mg", "RDA/AI");
  r.show("ear_mg", "EAR");
  r.show("ul_supplemental_mg", "UL supplements");
  const std::size_t rda = r.column("rda_mg"), ear = r.column("ear_mg"),
                    ul = r.column("ul_supplemental_mg");
  std::vector<std::string> notice_ids;
  std::vector<std::string> source_ids;
  for (const Intake* in : rows) {
    for (const auto& id : in->notices) {
      if (std::find(notice_ids.begin(), notice_ids.end(), id) == notice_ids.end()) {
        notice_ids.push_back(id);
      }
    }
    source_ids.insert(source_ids.end(), in->sources.begin(), in->sources.end());
    std::vector<Cell> row = r.new_row();
    add_record_cells(row, *in);
    row[rda].text = mg_text(in->rda_mg);
    row[ear].text = in->ear_mg ? mg_text(*in->ear_mg) : "none";
    row[ul].text = in->ul_supplemental_mg ? mg_text(*in->ul_supplemental_mg) : "not established";
    r.add_row(std::move(row));
  }
  r.note(
      "RDA: Recommended Dietary Allowance. AI: Adequate Intake (set where no RDA could be). EAR: "
      "Estimated Average Requirement. UL: Tolerable Upper Intake Level.");
  add_notices(r, ds, notice_ids, source_ids);
  add_source_notes(r, ds, source_ids);
  return r;
}

}  // namespace mgcramp
