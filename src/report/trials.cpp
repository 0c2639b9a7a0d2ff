// Reports for the evidence explorer: trials.
#include <fmt/format.h>

#include "mgcramp/render/plot.hpp"
#include "mgcramp/report/builders.hpp"
#include "util.hpp"

namespace mgcramp {

using detail::effect_text;
using detail::opt;

Report trials_report(const Dataset& ds, const TrialQuery& q, bool plot) {
  auto studies = find_trials(ds, q);
  if (plot) {
    studies.erase(std::remove_if(studies.begin(), studies.end(),
                                 [](const Study* s) { return !s->result.effect; }),
                  studies.end());
  }
  Report r;
  r.title =
      plot ? "Forest plot: studies reporting an effect with a confidence interval"
           : (q.all || q.design || q.all_designs ? "Studies" : "Randomized trials of magnesium");
  r.query.add("population", q.population);
  r.query.add("form", q.form);
  r.query.add("design", q.all_designs ? Value("all") : Value(q.design));
  r.query.add("result", q.result);
  r.query.add("since", q.since);
  r.query.add("min_n", q.min_n);
  r.query.add("sort", q.sort);
  r.query.add("all", q.all);
  r.query.add("plot", plot);
  add_record_columns<Study>(r);
  // Participants: analysed where known, else randomized (none for reviews).
  r.columns.push_back({"participants", "", Align::right, false});
  // The forest plot is drawn for people only.
  Column line("plot", "o estimate, [ ] CI, | no effect", Align::left, false);
  line.machine = false;
  r.columns.push_back(std::move(line));
  r.show("first_author", "Study");
  if (plot) {
    r.show("result.effect", "Effect [95% CI]", Align::right);
    r.show("plot", "o estimate, [ ] CI, | no effect");
  } else {
    r.show("design", "Design");
    r.show("population", "Population");
    r.show("participants", "N");
    r.show("intervention.form", "Form");
    r.show("conclusion", "Result");
  }
  const std::size_t who = r.column("first_author"), effect = r.column("result.effect");
  std::vector<std::string> sources;
  for (const Study* s : studies) {
    std::vector<Cell> row = r.new_row();
    add_record_cells(row, *s);
    row[who].text = s->id;
    row[effect].text = s->result.effect ? effect_text(*s->result.effect) : "-";
    const long long n = participants(*s);
    row.push_back(n > 0 ? Value(n) : Value());
    row.push_back(Cell{nullptr, s->result.effect ? forest_line(*s->result.effect, 32) : ""});
    r.add_row(std::move(row));
    sources.push_back(s->id);
  }
  const TrialSummary t = summarize(studies);
  r.summary = Value::Object{{"studies", t.studies},           {"reviews", t.reviews},
                            {"participants", t.participants}, {"benefit", t.benefit},
                            {"no_benefit", t.no_benefit},     {"mixed", t.mixed},
                            {"inconclusive", t.inconclusive}, {"not_rated", t.unrated}};
  const std::string reviews =
      t.reviews == 0 ? ""
                     : fmt::format(
                           " ({} of them reviews or guidelines, whose pooled participants "
                           "are not counted again)",
                           t.reviews);
  r.note(
      fmt::format("{} studies{}, {} participants. Benefit {}, no benefit {}, mixed {}, "
                  "inconclusive {}{}.",
                  t.studies, reviews, t.participants, t.benefit, t.no_benefit, t.mixed,
                  t.inconclusive, t.unrated ? fmt::format(", not rated {}", t.unrated) : ""));
  if (plot && !studies.empty()) {
    r.note(
        "Each row has its own scale, for the measures differ; ratios (no effect at 1) are "
        "drawn on a log scale. The measures:");
    for (const Study* s : studies) {
      const Effect& e = *s->result.effect;
      r.note(fmt::format("[{}] {}{}", s->id, e.measure, e.p ? fmt::format(", p = {:g}", *e.p) : ""),
             NoteLevel::info, 2);
    }
  }
  add_source_notes(r, ds, sources);
  return r;
}

}  // namespace mgcramp
