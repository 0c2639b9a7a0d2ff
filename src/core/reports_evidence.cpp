// Reports for the evidence explorer: trials.
#include <fmt/format.h>

#include "mgcramp/reports.hpp"
#include "report_util.hpp"

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
  r.title = plot ? "Forest plot: studies reporting an effect with a confidence interval"
                 : (q.all || q.design ? "Studies" : "Randomized trials of magnesium");
  r.columns = {
      {"id", "Id", Align::left, false},
      {"year", "Year", Align::right, false},  // in the id, shown as the study
      {"first_author", "Study"},
      {"title", "Title", Align::left, false},
      {"journal", "Journal", Align::left, false},
      {"pmid", "PMID", Align::left, false},
      {"doi", "DOI", Align::left, false},
      {"design", "Design", Align::left, !plot},
      {"population", "Population", Align::left, !plot},
      {"n_randomized", "Randomized", Align::right, false},
      {"n_analysed", "Analysed", Align::right, false},
      {"n", "N", Align::right, !plot},
      {"form", "Form", Align::left, !plot},
      {"result", "Result", Align::left, !plot},
      {"effect", "Effect [95% CI]", Align::right, plot},
      {"plot", "o estimate, [ ] CI, | no effect", Align::left, plot},
      {"cited_by", "Cited by", Align::left, false},
      {"sources", "Sources", Align::left, false},
  };
  std::vector<std::string> sources;
  for (const Study* s : studies) {
    const long long n = participants(*s);
    r.add_cells(s->id, s->year, Cell{s->first_author, s->id}, s->title, s->journal, opt(s->pmid),
                opt(s->doi), s->design, s->population, opt(s->n_randomized), opt(s->n_analysed),
                Cell{n > 0 ? Value(n) : Value()}, opt(s->intervention.form), opt(s->conclusion),
                Cell{s->result.effect ? record_value(*s->result.effect) : Value(),
                     s->result.effect ? effect_text(*s->result.effect) : "-"},
                Cell{nullptr, s->result.effect ? forest_line(*s->result.effect, 32) : ""},
                s->cited_by, s->sources);
    sources.push_back(s->id);
  }
  const TrialSummary t = summarize(studies);
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
